// json_text.h — byte-level checks made before any JSON parsing: size, UTF-8,
// nesting depth; and byte offset → "line L, column C" for messages.
// Kept apart from the loader so each check is small and separately testable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace explainer::json_text {

// Returns the byte offset of the first byte that is not valid UTF-8
// (overlongs, surrogates and values above U+10FFFF count as invalid), or npos.
std::size_t find_invalid_utf8(std::string_view text);

// Returns the byte offset of the bracket that first opens level max_depth + 1,
// ignoring brackets inside strings, or npos when the text stays within it.
std::size_t find_too_deep(std::string_view text, int max_depth);

// "line L, column C" (1-based; columns count characters, not bytes).
std::string position(std::string_view text, std::size_t offset);

}  // namespace explainer::json_text
