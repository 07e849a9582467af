// story_steps.cpp — how clean the story's map is at every step: nodes, links,
// edge crossings and overlapping node boxes of the layout the app shows
// (story_layout::compute, the CLI's label-size estimate). Prints a Markdown
// table; bench/run.sh puts it beside the timing tables.
//
// With --json OUT it also writes every step's picture as bench/map_quality.mjs
// compares it with d3-force's and Graphviz neato's: the nodes (positions and
// box half sizes), and every line the map draws (one per relationship known
// at the step, between the nodes it is drawn between, new or not), with the
// polyline as the map routes it (core/edge_route, at zoom 1).
//
//     story_steps STORY.json [--json OUT]
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/layout/edge_route.h"
#include "core/text/file_text.h"
#include "core/story/loader.h"
#include "core/layout/story_layout.h"

using namespace explainer;

namespace {
// The map's node radius at zoom 1 (ui/theme.h's kNodeRadius; the bench links
// the core only). The routing is the map's own (edge_route::for_map).
constexpr float kNodeRadius = 13;

nlohmann::json step_picture(const story::Story& s, const step_state::State& st, const std::vector<layout::Vec2>& half,
                            const std::vector<layout::Vec2>& positions) {
    nlohmann::json nodes = nlohmann::json::array(), lines = nlohmann::json::array();
    std::vector<int> local(s.entities.size(), -1);
    std::vector<layout::Vec2> centres;
    for (int e : st.nodes) {
        const auto i = static_cast<std::size_t>(e);
        local[i] = static_cast<int>(centres.size());
        centres.push_back(positions[i]);
        nodes.push_back({{"id", s.entities[i].id}, {"x", positions[i].x}, {"y", positions[i].y},
                         {"hw", half[i].x}, {"hh", half[i].y}});
    }
    std::vector<edge_route::Line> drawn;
    std::vector<std::size_t> rel_of;
    for (std::size_t r = 0; r < s.relationships.size(); ++r) {
        if (!st.rel_known[r]) continue;
        const int a = local[static_cast<std::size_t>(st.shown_as[s.relationships[r].from])];
        const int b = local[static_cast<std::size_t>(st.shown_as[s.relationships[r].to])];
        if (a < 0 || b < 0 || a == b) continue;
        drawn.push_back({a, b});
        rel_of.push_back(r);
    }
    const auto controls = edge_route::route(centres, drawn, edge_route::for_map(kNodeRadius, 1));
    for (std::size_t k = 0; k < drawn.size(); ++k) {
        const auto& rel = s.relationships[rel_of[k]];
        const auto a = centres[static_cast<std::size_t>(drawn[k].from)], b = centres[static_cast<std::size_t>(drawn[k].to)];
        nlohmann::json points = nlohmann::json::array();
        for (const auto& p : edge_route::trimmed(a, controls[k], b, kNodeRadius + edge_route::kGapAtStart,
                                                     kNodeRadius + edge_route::kGapAtTip, 24))
            points.push_back({p.x, p.y});
        lines.push_back({{"from", drawn[k].from}, {"to", drawn[k].to},
                         {"label", s.relation_types[static_cast<std::size_t>(rel.type)].label},
                         {"new", st.rel_new[rel_of[k]] != 0}, {"points", std::move(points)}});
    }
    return {{"id", s.steps[static_cast<std::size_t>(st.step)].id}, {"nodes", std::move(nodes)}, {"lines", std::move(lines)}};
}
}  // namespace

int main(int argc, char** argv) {
    const bool json = argc == 4 && std::strcmp(argv[2], "--json") == 0;
    if (argc != 2 && !json) {
        std::fprintf(stderr, "usage: story_steps STORY.json [--json OUT]\n");
        return 2;
    }
    std::string text;
    explainer::file_text::read(argv[1], text);   // an unreadable file is reported by the loader as empty
    const auto r = loader::load(text);
    if (!r.ok()) {
        for (const auto& p : r.problems) std::fprintf(stderr, "%s\n", p.text().c_str());
        return 1;
    }
    const auto& s = r.story;
    const auto sizes = story_layout::estimate_sizes(s);
    const auto frames = story_layout::compute(s, sizes);
    std::printf("| step | id | nodes | links | edge crossings | overlapping boxes |\n|---|---|---|---|---|---|\n");
    int total = 0, worst = 0;
    for (std::size_t k = 0; k < s.steps.size(); ++k) {
        const auto st = step_state::at(s, static_cast<int>(k));
        const auto g = story_layout::graph_at(s, st, sizes);
        const auto q = story_layout::quality_at(s, st, sizes, frames.positions[k]);
        total += q.crossings;
        worst = std::max(worst, q.crossings);
        std::printf("| %zu | %s | %d | %zu | %d | %d |\n", k + 1, s.steps[k].id.c_str(), g.size(), g.edges.size(),
                    q.crossings, q.overlapping_pairs);
    }
    std::printf("\nCrossings summed over all steps: %d; most at one step: %d.\n", total, worst);
    if (json) {
        nlohmann::json steps = nlohmann::json::array();
        for (std::size_t k = 0; k < s.steps.size(); ++k)
            steps.push_back(step_picture(s, step_state::at(s, static_cast<int>(k)), sizes, frames.positions[k]));
        std::ofstream(argv[3]) << nlohmann::json{{"nodeRadius", kNodeRadius}, {"steps", std::move(steps)}}.dump();
    }
    return 0;
}
