// story_layout.h — one map layout per walkthrough step, so the picture grows
// rather than reshuffles. A story-sized cast (up to 150 entities) is laid out
// once, whole, as the last step knows it, and untangled (fewer crossings);
// each step shows its part of that one map, so nothing ever moves. Bigger
// casts are built incrementally: nodes already on the map are
// anchored to where they were, a node that takes over another by an identity
// reveal starts where the unmasked node stood, and a new node starts beside
// the neighbours it already has. Computed once per story; a deep link to step
// k shows exactly the picture the reader gets by stepping there.
#pragma once

#include <vector>

#include "layout.h"
#include "step_state.h"
#include "story.h"

namespace explainer::story_layout {

using layout::Vec2;

struct Frames {
    // positions[k][e]: where entity e's node is at step k (meaningful only
    // for the nodes of that step; others hold their last or first position).
    std::vector<std::vector<Vec2>> positions;
};

// half_size: per entity, half the extents of its node with label, in map units.
Frames compute(const story::Story& story, const std::vector<Vec2>& half_size,
               const layout::Options& base = {});

// The layout problem of one step: its nodes (in state.nodes order, sized by
// half_size) and the links between them, one edge per linked pair. The
// benchmarks lay out the last step's graph on its own.
layout::Graph graph_at(const story::Story& story, const step_state::State& state, const std::vector<Vec2>& half_size);

// A stand-in for label size when no font is at hand (CLI, tests): a node
// circle plus roughly 7.5 units per character of the name.
std::vector<Vec2> estimate_sizes(const story::Story& story);

}  // namespace explainer::story_layout
