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
#include <memory>
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

// load() in two halves, for a page that gives each a task of its own (as one,
// the start's story stage was a task of over 100 ms on a slow phone): the
// text checked and parsed, then read into a story and validated.
// read(parse(text)) is load(text), problems and all.
class Parsed {
public:
    Parsed();
    ~Parsed();
    Parsed(Parsed&&) noexcept;
    Parsed& operator=(Parsed&&) noexcept;

private:
    friend Parsed parse(std::string_view json_text);
    friend Result read(Parsed parsed);
    struct Tree;                   // the JSON tree: nlohmann stays inside the loader
    std::unique_ptr<Tree> tree_;   // none where the text stopped the parse
    std::vector<Problem> problems_;
};
Parsed parse(std::string_view json_text);
Result read(Parsed parsed);

}  // namespace explainer::loader
