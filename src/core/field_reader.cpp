#include "field_reader.h"

#include <cstdio>

namespace explainer::loader {

std::string quote(std::string_view text) {
    constexpr std::size_t kShown = 48;
    std::string out = "\"";
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0u) != 0x80u && ++chars > kShown) {
            out += "…";
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

const char* describe(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::string: return "text";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::binary: return "binary data";
        case Json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

std::string at(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
}

std::string at(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

void FieldReader::problem(std::string where, std::string what) {
    out_.push_back({std::move(where), std::move(what)});
}

void FieldReader::only_keys(const Json& obj, const std::string& path,
                            std::initializer_list<const char*> allowed) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool known = false;
        for (const char* key : allowed) known = known || it.key() == key;
        if (!known) problem(path.empty() ? "(top level)" : path, "unknown field " + quote(it.key()));
    }
}

bool FieldReader::object(const Json& value, const std::string& path) {
    if (value.is_object()) return true;
    problem(path, std::string("expected an object, found ") + describe(value));
    return false;
}

const Json* FieldReader::array(const Json& obj, const char* key, const std::string& path,
                               Need need, std::size_t max_items) {
    const auto it = obj.find(key);
    const std::string where = at(path, key);
    if (it == obj.end()) {
        if (need == Need::Required) problem(where, "is missing (expected a list)");
        return nullptr;
    }
    if (!it->is_array()) {
        problem(where, std::string("expected a list, found ") + describe(*it));
        return nullptr;
    }
    if (need == Need::Required && it->empty()) {
        problem(where, "is empty");
        return nullptr;
    }
    if (it->size() > max_items) {
        problem(where, "has " + std::to_string(it->size()) + " items; at most " +
                           std::to_string(max_items) + " are allowed");
        return nullptr;
    }
    return &*it;
}

namespace {
// Characters a reader cannot see: spaces of every width, zero-width and
// joiner characters, direction marks, soft hyphen, fillers. A name made only
// of these would show as nothing.
bool invisible(char32_t c) {
    return c == 0x20 || c == 0x85 || c == 0xA0 || c == 0xAD || c == 0x34F || c == 0x115F || c == 0x1160 ||
           c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0x3164 || c == 0xFEFF || c == 0xFFA0;
}
// The code point starting at text[i] (the text is valid UTF-8: the loader checked it); i moves past it.
char32_t next_code_point(const std::string& text, std::size_t& i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t c = extra == 0 ? b : b & (0x3Fu >> extra);
    for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < text.size(); ++k)
        c = (c << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    i += static_cast<std::size_t>(extra) + 1;
    return c;
}
}  // namespace

std::string reader_key(const std::string& text) {
    // Latin-1's precomposed letters as base + combining mark (U+0300 grave,
    // 0301 acute, 0302 circumflex, 0303 tilde, 0308 diaeresis, 030A ring,
    // 0327 cedilla), so "é" and "e\u0301" meet; 0 for letters that have none.
    static const char kBase[] = "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
    static const unsigned short kMark[64] = {
        0x300, 0x301, 0x302, 0x303, 0x308, 0x30A, 0, 0x327, 0x300, 0x301, 0x302, 0x308, 0x300, 0x301, 0x302, 0x308,
        0, 0x303, 0x300, 0x301, 0x302, 0x303, 0x308, 0, 0, 0x300, 0x301, 0x302, 0x308, 0x301, 0, 0,
        0x300, 0x301, 0x302, 0x303, 0x308, 0x30A, 0, 0x327, 0x300, 0x301, 0x302, 0x308, 0x300, 0x301, 0x302, 0x308,
        0, 0x303, 0x300, 0x301, 0x302, 0x303, 0x308, 0, 0, 0x300, 0x301, 0x302, 0x308, 0x301, 0, 0x308};
    auto append = [](std::string& out, char32_t c) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {   // the marks and everything else kept here are below U+10000 or copied whole
            if (c >= 0x10000) {
                out += static_cast<char>(0xF0 | (c >> 18));
                out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            } else {
                out += static_cast<char>(0xE0 | (c >> 12));
            }
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    };
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_code_point(text, i);
        if (invisible(c) || c == '\t' || c == '\n') {   // spaces of any kind count as one; invisible ones as none
            space = space || c == ' ' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == '\t' || c == '\n';
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        unsigned short mark = 0;
        if (c >= 0xC0 && c <= 0xFF && kBase[c - 0xC0]) {
            mark = kMark[c - 0xC0];
            c = static_cast<unsigned char>(kBase[c - 0xC0]);
        }
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        else if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 0x20;   // Æ Ð Ø Þ
        append(out, c);
        if (mark) append(out, mark);
    }
    return out;
}

bool FieldReader::check_text(const std::string& value, const std::string& path, TextRule rule) {
    bool blank = true;
    std::size_t chars = 0;
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0u) != 0x80u) ++chars;
        if (c == '\n' && rule.multiline) continue;
        if (c < 0x20 || c == 0x7F) {
            problem(path, "contains a control character (" + quote(std::string(1, ch)) + ")");
            return false;
        }
    }
    for (std::size_t i = 0; i < value.size() && blank;) {
        const char32_t c = next_code_point(value, i);
        blank = invisible(c) || c == '\n';
    }
    if (blank) {
        problem(path, value.empty() ? "is empty" : "is empty (only spaces or invisible characters)");
        return false;
    }
    if (chars > rule.max_chars) {
        problem(path, "is " + std::to_string(chars) + " characters long; at most " +
                          std::to_string(rule.max_chars) + " are allowed");
        return false;
    }
    return true;
}

bool FieldReader::text(const Json& obj, const char* key, const std::string& path,
                       std::string& out, TextRule rule, Need need) {
    const auto it = obj.find(key);
    const std::string where = at(path, key);
    if (it == obj.end()) {
        if (need == Need::Required) problem(where, "is missing");
        return false;
    }
    if (!it->is_string()) {
        problem(where, std::string("expected text, found ") + describe(*it));
        return false;
    }
    const auto& value = it->get_ref<const std::string&>();
    if (!check_text(value, where, rule)) return false;
    out = value;
    return true;
}

namespace {
std::string not_a_slug(const std::string& value) {
    return quote(value) + " is not a valid id (use lowercase letters, digits and single dashes, at most 64 characters)";
}
}  // namespace

bool FieldReader::slug(const Json& obj, const char* key, const std::string& path,
                       std::string& out) {
    std::string value;
    if (!text(obj, key, path, value, {story::kMaxSlugLength * 4})) return false;
    if (!story::is_slug(value)) {
        problem(at(path, key), not_a_slug(value));
        return false;
    }
    out = std::move(value);
    return true;
}

bool FieldReader::slug_value(const Json& value, const std::string& where, std::string& out) {
    if (!value.is_string()) {
        problem(where, std::string("expected a string, found ") + describe(value));
        return false;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (!story::is_slug(text)) {
        problem(where, not_a_slug(text));
        return false;
    }
    out = text;
    return true;
}

bool FieldReader::boolean(const Json& obj, const char* key, const std::string& path, bool& out, Need need) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (need == Need::Required) problem(at(path, key), "is missing (expected true or false)");
        return false;
    }
    if (!it->is_boolean()) {
        problem(at(path, key), std::string("expected true or false, found ") + describe(*it));
        return false;
    }
    out = it->get<bool>();
    return true;
}

int FieldReader::ref_value(const Json& value, const std::string& path, const IdIndex& index,
                           const char* noun) {
    if (!value.is_string()) {
        problem(path, std::string("expected the id of ") + (noun[0] == 'e' ? "an " : "a ") + noun +
                          ", found " + describe(value));
        return -1;
    }
    const auto& id = value.get_ref<const std::string&>();
    const auto found = index.find(id);
    if (found == index.end()) {
        problem(path, std::string("unknown ") + noun + " " + quote(id));
        return -1;
    }
    return found->second;
}

int FieldReader::ref(const Json& obj, const char* key, const std::string& path,
                     const IdIndex& index, const char* noun, Need need) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (need == Need::Required) problem(at(path, key), "is missing");
        return -1;
    }
    return ref_value(*it, at(path, key), index, noun);
}

}  // namespace explainer::loader
