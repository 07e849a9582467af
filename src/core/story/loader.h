// loader.h — reads a story from JSON text and validates it.
//
// Every problem is reported with its location (a JSON path such as
// `steps[4].focus[1]`, or `line 3, column 7` for text that is not JSON) and a
// plain sentence. All problems are collected, not just the first. No input
// makes it crash, abort, throw or take more than linear time: the text is
// size- and depth-checked before nlohmann/json sees it, and the core is built
// with JSON_NOEXCEPTION, so nothing here may rely on exceptions.
#pragma once

#include "contract.h"   // generated from src/contract/contract.json

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/story/story.h"

namespace explainer::loader {

struct Problem {
    std::string where;   // JSON path, or "line L, column C"
    std::string what;    // a plain sentence
    std::string text() const { return where + ": " + what; }
};

struct Result {
    story::Story story;              // complete only when ok()
    std::vector<Problem> problems;
    // Advice that does not stop the story from loading, such as a reveal
    // step whose id names its twist (a shared link would spoil it).
    std::vector<Problem> warnings;
    bool ok() const { return problems.empty(); }
};

constexpr std::size_t kMaxBytes = contract::kStoryBytes;   // 16 MiB: far above any real story
constexpr int kMaxDepth = 32;                  // the format needs 4 levels
constexpr std::size_t kMaxProblems = 200;      // then one line says how many more
constexpr std::size_t kMaxWhitespaceRun = 4096; // longer runs between tokens are cut before parsing
// The cast and the walkthrough the map can lay out in a page load: at these
// limits every step of any shape is laid out in under 2 s natively (bench
// layout_shapes; README, "Limits"), and a story past them is refused with a
// message naming the limit rather than hanging the page.
constexpr std::size_t kMaxEntities = 10000;
constexpr std::size_t kMaxRelationships = 40000;
constexpr std::size_t kMaxSteps = 500;

Result load(std::string_view json_text);

}  // namespace explainer::loader
