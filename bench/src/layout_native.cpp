// layout_native.cpp — native layout timings (Google Benchmark), one benchmark
// per story file given on the command line:
//
//     layout_native [benchmark flags] STORY.json...
//
// Each reports the graph size, the iterations run and the quality of the
// result (overlapping boxes, edge-length spread) as counters, so bench/run.sh
// can print them beside the time. A second benchmark per story times what
// the app does on load: the incremental layout of every step.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/text/file_text.h"
#include "core/story/loader.h"
#include "layout_problem.h"

namespace {


std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);   // takes away the --benchmark_* flags
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s [benchmark flags] STORY.json...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        std::string text;
        if (explainer::file_text::read(argv[i], text) != explainer::file_text::Read::Ok) {
            std::fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 1;
        }
        auto loaded = explainer::loader::load(text);
        if (!loaded.ok()) {
            std::fprintf(stderr, "%s: %s\n", argv[i], loaded.problems.front().text().c_str());
            return 1;
        }
        const auto problem = bench::make_problem(loaded.story);
        benchmark::RegisterBenchmark(("layout/" + base_name(argv[i])).c_str(), [problem](benchmark::State& state) {
            bench::Solution s;
            for (auto _ : state) {
                s = bench::solve(problem);
                benchmark::DoNotOptimize(s.pos.data());
            }
            const auto q = explainer::layout::measure(problem.graph, s.pos);
            state.counters["nodes"] = problem.graph.size();
            state.counters["edges"] = static_cast<double>(problem.graph.edges.size());
            state.counters["iterations"] = s.iterations;
            state.counters["overlaps"] = q.overlapping_pairs;
            state.counters["spread"] = q.edge_length_spread;
        })->Unit(benchmark::kMillisecond);
        // Every step's layout, one after the other (what a reader stepping to
        // the end causes), and the first step's alone (what the page does
        // before its first frame; later steps are laid out when needed).
        auto story = std::make_shared<explainer::story::Story>(std::move(loaded.story));
        benchmark::RegisterBenchmark(("steps/" + base_name(argv[i])).c_str(), [story](benchmark::State& state) {
            const auto sizes = explainer::story_layout::estimate_sizes(*story);
            for (auto _ : state) {
                auto frames = explainer::story_layout::compute(*story, sizes);
                benchmark::DoNotOptimize(frames.positions.data());
            }
            state.counters["steps"] = static_cast<double>(story->steps.size());
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("first/" + base_name(argv[i])).c_str(), [story](benchmark::State& state) {
            const auto sizes = explainer::story_layout::estimate_sizes(*story);
            for (auto _ : state) {
                explainer::story_layout::Steps steps(*story, sizes);
                benchmark::DoNotOptimize(steps.at(0).data());
            }
        })->Unit(benchmark::kMillisecond);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
