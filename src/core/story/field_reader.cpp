#include "core/story/field_reader.h"

#include <algorithm>
#include <cstdio>

#include "core/text/unicode_fold.h"

namespace explainer::loader {

bool bidi_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool c1_control(char32_t c) { return c >= 0x80 && c <= 0x9F; }

std::string quote(std::string_view text) {
    constexpr std::size_t kShown = 48;
    std::string out = "\"";
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (++chars > kShown) {
            out += "…";
            break;
        }
        const std::size_t start = i;
        const char32_t c = unicode_fold::next_code_point(text, i);
        i = std::min(i, text.size());
        // Controls of any kind are written as escapes: a message must read
        // as it is, not be reordered or hidden by what it quotes.
        if (c < 0x20 || c == 0x7F || c1_control(c) || bidi_control(c)) {
            char buf[16];
            if (c < 0x80) std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
            else std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
            out += buf;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else {
            out.append(text.substr(start, i - start));
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

bool FieldReader::check_text(const std::string& value, const std::string& path, TextRule rule) {
    bool blank = true, warned = false;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < value.size();) {
        const char32_t c = unicode_fold::next_code_point(value, i);
        ++chars;
        blank = blank && (unicode_fold::invisible(c) || c == '\n');
        if (c == '\n' && rule.multiline) continue;
        if (c < 0x20 || c == 0x7F || c1_control(c)) {
            std::string one;
            unicode_fold::append_utf8(one, c);
            problem(path, "contains a control character (" + quote(one) + ")");
            return false;
        }
        if (!bidi_control(c)) continue;
        // A direction control can make a name or title read as something it
        // is not (a "Safe title" ending in "exe.png"), so those refuse it;
        // prose may need one for right-to-left words, so it is only flagged.
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        const std::string what = std::string("contains a text-direction control (") + code +
                                 "), which can make the text read differently from what it holds";
        if (!rule.multiline) {
            problem(path, what);
            return false;
        }
        if (!warned && warnings_) warnings_->push_back({path, what});
        warned = true;
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
    const int found = index.find(id);
    if (found < 0) problem(path, std::string("unknown ") + noun + " " + quote(id));
    return found;
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
