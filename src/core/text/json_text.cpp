#include "core/text/json_text.h"

namespace explainer::json_text {

std::size_t find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        int len;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
        else return i;
        if (i + static_cast<std::size_t>(len) > n) return i;
        for (int k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0u) != 0x80u) return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (overlong || surrogate || cp > 0x10FFFF) return i;
        i += static_cast<std::size_t>(len);
    }
    return std::string_view::npos;
}

namespace {
// Follows a JSON text byte by byte: inside() is true for the bytes of a
// string (its quotes included), where brackets and spaces mean nothing.
class Strings {
public:
    bool inside(char c) {
        if (in_) {
            if (escaped_) escaped_ = false;
            else if (c == '\\') escaped_ = true;
            else if (c == '"') in_ = false;
            return true;
        }
        in_ = c == '"';
        return in_;
    }

private:
    bool in_ = false, escaped_ = false;
};
}  // namespace

std::size_t find_too_deep(std::string_view text, int max_depth) {
    int depth = 0;
    Strings strings;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (strings.inside(c)) continue;
        if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

Compacted::Compacted(std::string_view text, std::size_t max_run) : source_(text) {
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    Strings strings;
    std::size_t copied = 0;   // text[0..copied) is in text_ (once a cut is made)
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (strings.inside(c) || !space(c)) continue;
        std::size_t end = i;
        while (end < text.size() && space(text[end])) ++end;
        if (end - i > max_run) {
            if (cuts_.empty()) text_.reserve(text.size() / 2);
            text_.append(text.substr(copied, i + max_run - copied));
            const std::size_t removed = (cuts_.empty() ? 0 : cuts_.back().second) + (end - i - max_run);
            cuts_.emplace_back(text_.size(), removed);
            copied = end;
        }
        i = end - 1;
    }
    if (!cuts_.empty()) text_.append(text.substr(copied));
}

std::size_t Compacted::original(std::size_t offset) const {
    std::size_t removed = 0;
    for (const auto& [at, total] : cuts_) {
        if (at > offset) break;
        removed = total;
    }
    return offset + removed;
}

std::string position(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++line; column = 1; }
        else if ((c & 0xC0u) != 0x80u) ++column;  // continuation bytes share a column
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace explainer::json_text
