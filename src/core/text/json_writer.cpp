#include "core/text/json_writer.h"

#include <cmath>

#include "core/text/json_text.h"
#include "core/text/number_text.h"

namespace explainer::json_writer {

namespace {
void append_valid(std::string& out, std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
}
}  // namespace

void append_string(std::string& out, std::string_view text) {
    out += '"';
    // Valid UTF-8 a run at a time; each byte that starts no valid character
    // becomes U+FFFD.
    for (std::size_t bad; (bad = json_text::find_invalid_utf8(text)) != std::string_view::npos;) {
        append_valid(out, text.substr(0, bad));
        out += "\xEF\xBF\xBD";
        text.remove_prefix(bad + 1);
    }
    append_valid(out, text);
    out += '"';
}

void Writer::separate() {
    if (!first_) out_ += ',';
    first_ = false;
}

Writer& Writer::open(char opener, char closer) {
    separate();
    out_ += opener;
    open_ += closer;
    first_ = true;
    return *this;
}

Writer& Writer::end() {
    if (open_.empty()) return *this;   // nothing open: a caller's slip must not break the text
    out_ += open_.back();
    open_.pop_back();
    first_ = false;
    return *this;
}

Writer& Writer::key(std::string_view name) {
    separate();
    append_string(out_, name);
    out_ += ':';
    first_ = true;   // its value takes no comma
    return *this;
}

Writer& Writer::value(std::string_view text) {
    separate();
    append_string(out_, text);
    return *this;
}

Writer& Writer::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

Writer& Writer::value(int n) { return value(static_cast<long long>(n)); }

Writer& Writer::value(long long n) {
    separate();
    out_ += std::to_string(n);
    return *this;
}

Writer& Writer::value(double x) {
    if (!std::isfinite(x)) return null();
    separate();
    number_text::append_general(out_, x, 17);   // printf's "%.17g", without printf
    return *this;
}

Writer& Writer::null() {
    separate();
    out_ += "null";
    return *this;
}

}  // namespace explainer::json_writer
