// layout_problem.h — the layout benchmark's one definition of "lay out this
// story", shared by the native (Google Benchmark) and browser (wasm) runs so
// both time exactly the same work: the graph of the story's last step, boxes
// sized by estimate_sizes, started on the spiral the app uses, relaxed until
// no node moves more than 2% of an edge length (at most 300 iterations), then
// boxes pushed apart. The browser run gives d3-force the same graph, start and
// stopping rule, and scores both pictures with layout::measure.
#pragma once

#include <vector>

#include "core/layout/layout.h"
#include "core/reading/step_state.h"
#include "core/story/story.h"
#include "core/layout/story_layout.h"

namespace bench {

using explainer::layout::Vec2;

struct Problem {
    explainer::layout::Graph graph;
    std::vector<Vec2> start;
    explainer::layout::Options options;   // edge length, tolerance and iteration cap: the stopping rule
    float padding = 18;                    // as story_layout uses
};

inline Problem make_problem(const explainer::story::Story& story) {
    Problem p;
    const auto last = explainer::step_state::at(story, static_cast<int>(story.steps.size()) - 1);
    p.graph = explainer::story_layout::graph_at(story, last, explainer::story_layout::estimate_sizes(story));
    p.start = explainer::layout::spiral(p.graph.size(), p.options.edge_length);
    return p;
}

struct Solution {
    std::vector<Vec2> pos;
    int iterations = 0;
};

inline Solution solve(const Problem& p) {
    Solution s{p.start, 0};
    s.iterations = explainer::layout::relax(p.graph, s.pos, p.options).iterations;
    explainer::layout::separate(p.graph, s.pos, p.padding);
    return s;
}

}  // namespace bench
