// layout_shapes.cpp — how the step-by-step layout copes with degenerate
// shapes the loader accepts (tools/shapes/story_shapes.h): for each shape and
// size, the time to lay out every step, and at the worst step the
// overlapping boxes and the mean link length against the ideal. For a hub the
// ideal is out of reach (its leaves need room), so its table also gives the
// least mean link any layout could have: leaves packed in a disc around it.
// Prints a Markdown table; bench/run.sh puts it in the results.
//
//     layout_shapes [SIZE...]      (default: 1000 10000)
//     layout_shapes --story FILE   one story file, one row
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/text/file_text.h"
#include "core/story/loader.h"
#include "core/layout/story_layout.h"
#include "story_shapes.h"

using namespace explainer;
using story_shapes::Shape;

namespace {

constexpr int kSteps = 20;

// The mean distance from a hub to leaves packed as tightly as their boxes
// (with the layout's padding) allow: two thirds of the packed disc's radius.
float packed_hub_mean(const std::vector<layout::Vec2>& half, float padding) {
    double area = 0;
    for (std::size_t i = 1; i < half.size(); ++i)
        area += (2.0 * half[i].x + padding) * (2.0 * half[i].y + padding);
    return static_cast<float>(2.0 / 3.0 * std::sqrt(area / 3.14159265));
}

void report(const char* label, const story::Story& s, bool hub);

void run(Shape shape, int n) {
    const int steps = shape == Shape::Isolated ? std::max(kSteps, (n + 49) / 50) : kSteps;
    const auto cast = story_shapes::cast(shape, n, steps);
    const auto r = loader::load(story_shapes::story(cast, steps).dump());
    if (!r.ok()) {
        std::printf("| %s | %d | rejected: %s |\n", story_shapes::name_of(shape), n, r.problems[0].text().c_str());
        return;
    }
    report(story_shapes::name_of(shape), r.story, shape == Shape::Hub);
}

void report(const char* label, const story::Story& s, bool hub) {
    const auto sizes = story_layout::estimate_sizes(s);
    const layout::Options options;
    const auto t0 = std::chrono::steady_clock::now();
    story_layout::Steps frames(s, sizes, options);   // lays out step by step, as the page does
    while (frames.advance()) {}
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    int worst_overlaps = 0;
    float worst_ratio = 0;
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) {
        const auto q = story_layout::quality_at(s, step_state::at(s, k), sizes, frames.at(k));
        worst_overlaps = std::max(worst_overlaps, q.overlapping_pairs);
        worst_ratio = std::max(worst_ratio, q.mean_edge_length / options.edge_length);
        if (std::getenv("SHAPES_PER_STEP"))
            std::printf("|  | step %d | %d nodes | | | %d | %.2f× |\n", k + 1, static_cast<int>(step_state::at(s, k).nodes.size()),
                        q.overlapping_pairs, q.mean_edge_length / options.edge_length);
    }
    if (const char* dump = std::getenv("SHAPES_DUMP")) {   // the last step as SVG, to look at
        const int last = static_cast<int>(s.steps.size()) - 1;
        const auto st = step_state::at(s, last);
        const auto g = story_layout::graph_at(s, st, sizes);
        const auto& at = frames.at(last);
        float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
        for (int e : st.nodes) {
            x0 = std::min(x0, at[e].x - sizes[e].x); x1 = std::max(x1, at[e].x + sizes[e].x);
            y0 = std::min(y0, at[e].y - sizes[e].y); y1 = std::max(y1, at[e].y + sizes[e].y);
        }
        const std::string path = std::string(dump) + "-" + label + "-" + std::to_string(s.entities.size()) + ".svg";
        if (FILE* f = std::fopen(path.c_str(), "w")) {
            std::fprintf(f, "<svg xmlns='http://www.w3.org/2000/svg' viewBox='%f %f %f %f' width='1200' height='1200'>\n", x0, y0, x1 - x0, y1 - y0);
            for (const auto& [a, b] : g.edges) {
                const auto pa = at[st.nodes[a]], pb = at[st.nodes[b]];
                std::fprintf(f, "<line x1='%f' y1='%f' x2='%f' y2='%f' stroke='#888' stroke-width='%f'/>\n", pa.x, pa.y, pb.x, pb.y, (x1 - x0) / 1200);
            }
            for (int e : st.nodes)
                std::fprintf(f, "<rect x='%f' y='%f' width='%f' height='%f' fill='#4a8' fill-opacity='0.6'/>\n", at[e].x - sizes[e].x,
                             at[e].y - sizes[e].y, 2 * sizes[e].x, 2 * sizes[e].y);
            std::fprintf(f, "</svg>\n");
            std::fclose(f);
        }
    }
    const int last = static_cast<int>(s.steps.size()) - 1;
    // From scratch costs far more than the step-by-step layout at 50k: skipped there.
    const float scratch = s.entities.size() > 20000 ? 0.0f
        : story_shapes::scratch_mean_link(story_layout::graph_at(s, step_state::at(s, last), sizes), options, 18.0f);
    const float last_mean = story_layout::quality_at(s, step_state::at(s, last), sizes, frames.at(last)).mean_edge_length;
    std::string floor = "";
    if (hub) {
        char text[64];
        std::snprintf(text, sizeof text, " (packed: %.1f×)", packed_hub_mean(sizes, 18.0f) / options.edge_length);
        floor = text;
    }
    std::printf("| %s | %zu | %zu | %zu | %.2f | %d | %.2f×%s | %.2f× |\n", label, s.entities.size(),
                s.relationships.size(), s.steps.size(), secs, worst_overlaps, worst_ratio, floor.c_str(), scratch > 0 ? last_mean / scratch : 0.0f);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--story") {   // one story file
        std::string text;
        explainer::file_text::read(argv[2], text);   // an unreadable file is reported by the loader as empty
        const auto r = loader::load(text);
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", r.problems[0].text().c_str());
            return 1;
        }
        const std::string path = argv[2];
        report(path.substr(path.find_last_of('/') + 1).c_str(), r.story, false);
        return 0;
    }
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {1000, 10000};
    std::printf("| shape | entities | links | steps | layout, s | overlapping boxes (worst step) | mean link / ideal (worst step) | last step: mean link / from scratch |\n"
                "|---|---|---|---|---|---|---|---|\n");
    for (int n : sizes)
        for (Shape shape : {Shape::Hub, Shape::Chain, Shape::StarOfStars, Shape::Complete, Shape::Isolated}) {
            // A complete graph on n has n(n-1)/2 links: past the loader's limit
            // long before n = 1,000; its row uses the most the limit allows.
            int m = n;
            while (shape == Shape::Complete && static_cast<std::size_t>(m) * (m - 1) / 2 > loader::kMaxRelationships) --m;
            run(shape, m);
        }
    return 0;
}
