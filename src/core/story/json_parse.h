// json_parse.h — a story file's text → a JSON tree, or the one problem that
// stops it, located and in plain words. The byte checks come first (UTF-8,
// with UTF-16 named as such; NUL bytes; nesting depth), then nlohmann's
// parser, driven so that a key appearing twice in one object is refused
// (nlohmann would keep the last) and long whitespace runs cost nothing
// (json_text::Compacted). The file's size limit is the loader's to check.
#pragma once

#include <string_view>

#include "core/story/field_reader.h"
#include "core/story/loader.h"

namespace explainer::json_parse {

// True with the tree in out; false with what stopped it in problem.
bool parse(std::string_view text, loader::Json& out, loader::Problem& problem);

}  // namespace explainer::json_parse
