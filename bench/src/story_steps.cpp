// story_steps.cpp — how clean the story's map is at every step: nodes, links,
// edge crossings and overlapping node boxes of the layout the app shows
// (story_layout::compute, the CLI's label-size estimate). Prints a Markdown
// table; bench/run.sh puts it beside the timing tables.
//
//     story_steps STORY.json
#include <cstdio>
#include <string>

#include "core/file_text.h"
#include "core/loader.h"
#include "core/story_layout.h"

using namespace explainer;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: story_steps STORY.json\n");
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
    return 0;
}
