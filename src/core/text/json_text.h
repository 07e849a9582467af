// json_text.h — byte-level checks made before any JSON parsing: size, UTF-8,
// nesting depth; and byte offset → "line L, column C" for messages.
// Kept apart from the loader so each check is small and separately testable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace explainer::json_text {

// Returns the byte offset of the first byte that is not valid UTF-8
// (overlongs, surrogates and values above U+10FFFF count as invalid), or npos.
std::size_t find_invalid_utf8(std::string_view text);

// Returns the byte offset of the bracket that first opens level max_depth + 1,
// ignoring brackets inside strings, or npos when the text stays within it.
std::size_t find_too_deep(std::string_view text, int max_depth);

// The text with every run of whitespace outside strings cut to at most
// max_run bytes: what the JSON parser reads, since whitespace between tokens
// means nothing there. (nlohmann keeps every byte it skips and escapes them
// all into an error message: 16 MiB of newlines before junk cost seconds and
// half a GiB.) original() maps an offset in it back to the text.
class Compacted {
public:
    Compacted(std::string_view text, std::size_t max_run);
    std::string_view text() const { return cuts_.empty() ? source_ : std::string_view(text_); }
    std::size_t original(std::size_t offset) const;

private:
    std::string_view source_;
    std::string text_;   // only when something was cut
    // (offset in text_ where a cut run ends, bytes removed up to there)
    std::vector<std::pair<std::size_t, std::size_t>> cuts_;
};

// "line L, column C" (1-based; columns count characters, not bytes).
std::string position(std::string_view text, std::size_t offset);

}  // namespace explainer::json_text
