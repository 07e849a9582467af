// layout_wasm.cpp — the layout benchmark in the browser: loads a story with
// the app's own loader, sets up the same problem as the native benchmark, and
// hands JS flat arrays so d3-force can be given the identical graph and start.
// Timing happens in JS (performance.now around each call) for both engines.
#include <emscripten/emscripten.h>

#include <string_view>

#include "core/story/loader.h"
#include "layout_problem.h"

namespace {
bench::Problem g_problem;
std::vector<float> g_half, g_start, g_pos;   // x, y pairs
std::vector<int> g_edges;                    // a, b pairs
explainer::layout::Quality g_quality;
int g_iterations = 0;
}  // namespace

extern "C" {

// Returns the node count, or -1 when the story does not load.
EMSCRIPTEN_KEEPALIVE int bench_load(const char* text, int length) {
    auto loaded = explainer::loader::load(std::string_view(text, static_cast<std::size_t>(length)));
    if (!loaded.ok()) return -1;
    g_problem = bench::make_problem(loaded.story);
    const auto& g = g_problem.graph;
    g_half.clear(); g_start.clear(); g_edges.clear();
    for (const auto& h : g.half_size) { g_half.push_back(h.x); g_half.push_back(h.y); }
    for (const auto& p : g_problem.start) { g_start.push_back(p.x); g_start.push_back(p.y); }
    for (const auto& e : g.edges) { g_edges.push_back(e.first); g_edges.push_back(e.second); }
    g_pos = g_start;
    return g.size();
}

EMSCRIPTEN_KEEPALIVE int bench_edge_count() { return static_cast<int>(g_problem.graph.edges.size()); }
EMSCRIPTEN_KEEPALIVE float* bench_half_sizes() { return g_half.data(); }
EMSCRIPTEN_KEEPALIVE float* bench_start() { return g_start.data(); }
EMSCRIPTEN_KEEPALIVE int* bench_edges() { return g_edges.data(); }
EMSCRIPTEN_KEEPALIVE float* bench_positions() { return g_pos.data(); }   // JS may write here too
EMSCRIPTEN_KEEPALIVE float bench_edge_length() { return g_problem.options.edge_length; }
EMSCRIPTEN_KEEPALIVE float bench_tolerance() { return g_problem.options.tolerance; }
EMSCRIPTEN_KEEPALIVE int bench_max_iterations() { return g_problem.options.max_iterations; }
EMSCRIPTEN_KEEPALIVE float bench_padding() { return g_problem.padding; }

// Lays the graph out from the start; the result lands in bench_positions().
EMSCRIPTEN_KEEPALIVE int bench_layout() {
    const auto s = bench::solve(g_problem);
    for (std::size_t i = 0; i < s.pos.size(); ++i) { g_pos[2 * i] = s.pos[i].x; g_pos[2 * i + 1] = s.pos[i].y; }
    g_iterations = s.iterations;
    return s.iterations;
}

// Scores whatever bench_positions() holds (ours, or d3-force's written there).
EMSCRIPTEN_KEEPALIVE void bench_measure() {
    std::vector<explainer::layout::Vec2> pos(g_pos.size() / 2);
    for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = {g_pos[2 * i], g_pos[2 * i + 1]};
    g_quality = explainer::layout::measure(g_problem.graph, pos);
}
EMSCRIPTEN_KEEPALIVE int bench_overlaps() { return g_quality.overlapping_pairs; }
EMSCRIPTEN_KEEPALIVE float bench_spread() { return g_quality.edge_length_spread; }
EMSCRIPTEN_KEEPALIVE float bench_mean_edge() { return g_quality.mean_edge_length; }

}  // extern "C"
