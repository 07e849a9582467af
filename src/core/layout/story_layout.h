// story_layout.h — one map layout per walkthrough step, so the picture grows
// rather than reshuffles. A story-sized cast (up to 150 entities) is laid out
// once, whole, as the last step knows it, and untangled (fewer crossings);
// each step shows its part of that one map, so nothing ever moves. Bigger
// casts are built incrementally: nodes already on the map are
// anchored to where they were, a node that takes over another by an identity
// reveal starts where the unmasked node stood, and a new node starts beside
// the neighbours it already has. Big casts are laid out lazily, a step at a
// time and each from the one before (Steps): opening step k lays out steps
// 0..k only, and a deep link to step k shows exactly the picture the reader
// gets by stepping there.
#pragma once

#include <memory>
#include <vector>

#include "core/layout/free_space.h"
#include "core/layout/layout.h"
#include "core/reading/step_state.h"
#include "core/story/story.h"

namespace explainer::story_layout {

using layout::Vec2;

struct Frames {
    // positions[k][e]: where entity e's node is at step k (meaningful only
    // for the nodes of that step; others hold their last or first position).
    std::vector<std::vector<Vec2>> positions;
};

// Every step's layout at once (tests, benchmarks, the CLI).
// half_size: per entity, half the extents of its node with label, in map units.
Frames compute(const story::Story& story, const std::vector<Vec2>& half_size,
               const layout::Options& base = {});

// The same layouts, computed on demand: at(k) lays out the steps up to k that
// are not laid out yet, so the page's first frame waits for the opened step's
// prefix only, and later steps can be done ahead on idle frames. A story of
// up to kWholeStoryMax entities is one layout, done by the first call.
//
// A later step of a big map (over kFreezeAbove nodes) only places what it
// brings (newcomers::place) and moves nothing the reader has seen, so its
// cost follows what changed. Each step stores only the positions that
// changed, so memory follows the story's changes too, not entities × steps.
// Keeps a pointer to the story, which must outlive it.
//
// states: the reader's cache of step states (step_state::Cache), which must
// outlive it too. The steps a reader is shown (the one at() is asked for, the
// one advance() lays out ahead, the whole story's last) are taken from it, so
// each is built once for the layout and the reader together; the steps in
// between, which only the layout needs, are built on their own and not kept.
// Without one, every state is built on its own.
class WholeStory;   // the whole-story layout in parts (story_layout.cpp)

class Steps {
public:
    Steps();
    ~Steps();
    Steps(Steps&&) noexcept;
    Steps& operator=(Steps&&) noexcept;
    Steps(const story::Story& story, std::vector<Vec2> half_size, layout::Options base = {},
          step_state::Cache* states = nullptr);
    // The step's positions (per entity), laid out first if need be. step is
    // clamped to the story's steps. The reference stays valid until the next
    // call of at() or laid_out() for another step.
    const std::vector<Vec2>& at(int step);
    bool advance();                          // lays out one more step; false once all are done
    // A part of what the first at() would do, for a host that gives each part
    // a task of its own before it opens a step: the whole-story layout a
    // phase (or one of untangle's passes) at a time. True while parts are
    // left; then the map is laid out exactly as at() would have done it.
    // A bigger story is laid out step by step, by at() and advance(): prepare()
    // lays out its first step, which every link needs, and says false.
    bool prepare();
    // Step's positions if it is laid out already, else an empty list (never lays out).
    const std::vector<Vec2>& laid_out(int step) const;
    int done() const { return static_cast<int>(changes_.size()); }
    int count() const;

private:
    struct Moved {
        int entity;
        Vec2 at;
    };
    void next_step(bool for_reader);
    bool lay_out_next(bool for_reader);
    std::shared_ptr<const step_state::State> state(int k, bool for_reader);
    const std::vector<Vec2>& frame(int step) const;   // step's positions from the stored changes
    // Takeovers start where the node they stand for was, like any old node.
    void relax_step(const step_state::State& st, const std::vector<int>& newcomers);
    void place_step(const step_state::State& st, const std::vector<int>& newcomers, const std::vector<int>& takeovers);
    void place(const step_state::State& st, const std::vector<int>& newcomers);

    const story::Story* story_ = nullptr;
    step_state::Cache* states_ = nullptr;
    std::vector<Vec2> half_size_;
    layout::Options base_;
    std::vector<std::vector<Moved>> changes_;   // per step: the positions that changed since the step before
    std::unique_ptr<WholeStory> whole_;         // while prepare() is part-way through
    // Positions at frame_step_: a cache of what changes_ holds, so asking for
    // the same step again, or the next one, costs little.
    mutable std::vector<Vec2> frame_;
    mutable int frame_step_ = -1;
    // Carried from one step to the next.
    std::vector<Vec2> last_;
    std::vector<std::uint8_t> placed_;
    int placed_count_ = 0;
    free_space::Grid space_;                    // every node's box at last_, by entity
    std::vector<int> ring_;                     // newcomers::Map::ring
    int origin_ring_ = 0;
    Vec2 origin_;
};
constexpr std::size_t kFreezeAbove = 300;
constexpr std::size_t kWholeStoryMax = 150;

// The layout problem of one step: its nodes (in state.nodes order, sized by
// half_size) and the links between them, one edge per linked pair. The
// benchmarks lay out the last step's graph on its own.
layout::Graph graph_at(const story::Story& story, const step_state::State& state, const std::vector<Vec2>& half_size);

// How clean one step's picture is: its graph (graph_at) scored by
// layout::measure at the step's positions (per entity, as Frames holds them).
layout::Quality quality_at(const story::Story& story, const step_state::State& state,
                           const std::vector<Vec2>& half_size, const std::vector<Vec2>& positions);

// A stand-in for label size when no font is at hand (CLI, tests): a node
// circle plus roughly 7.5 units per character of the name.
std::vector<Vec2> estimate_sizes(const story::Story& story);

}  // namespace explainer::story_layout
