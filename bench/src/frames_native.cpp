// frames_native — the UI's part of a frame (app logic and ImGui's draw
// lists, no GL), natively, while a reader steps through a story: for
// profiling what table 3's "UI" columns measure in the browser.
//     frames_native STORY.json FONT.ttf [steps] [width height [link]]
// Each step: next(), then 1.5 s of frames at 60 Hz (the step's animation,
// then the still map). Prints median / p95 / max of the moving frames and of
// the still ones, and the vertices the last moving frame handed over.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/text/file_text.h"
#include "headless_ui.h"
#include "host_null.h"

namespace {

struct Summary {
    double median, p95, max;
};
Summary summarise(std::vector<double> v) {
    if (v.empty()) return {0, 0, 0};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: frames_native STORY.json FONT.ttf [steps] [width height [link]]\n");
        return 2;
    }
    const int steps = argc > 3 ? std::atoi(argv[3]) : 20;
    const float w = argc > 5 ? static_cast<float>(std::atof(argv[4])) : 1280, h = argc > 5 ? static_cast<float>(std::atof(argv[5])) : 800;
    headless_ui::Ui ui(argv[2]);
    if (!ui.ok) return std::fprintf(stderr, "%s: cannot read the font\n", argv[2]), 1;
    std::string text;
    if (explainer::file_text::read(argv[1], text, 64u << 20) != explainer::file_text::Read::Ok)
        return std::fprintf(stderr, "%s: cannot read the story\n", argv[1]), 1;
    using clock = std::chrono::steady_clock;
    auto ms_since = [](clock::time_point t0) { return std::chrono::duration<double, std::milli>(clock::now() - t0).count(); };
    // The page's start, as its stages run it: the story, the map's layout a
    // part at a time, then the link (the opened step).
    std::vector<std::string> problems;
    const auto t_load = clock::now();
    if (!ui.app.load(text, problems)) return std::fprintf(stderr, "%s: %s\n", argv[1], problems.empty() ? "" : problems[0].c_str()), 1;
    const double load_ms = ms_since(t_load);
    int parts = 0;
    double part_max = 0, parts_ms = 0;
    for (bool more = true; more; ++parts) {
        const auto t_part = clock::now();
        more = ui.app.prepare();
        const double ms = ms_since(t_part);
        part_max = std::max(part_max, ms), parts_ms += ms;
    }
    const auto t_open = clock::now();
    ui.app.open_link(argc > 6 ? argv[6] : "", false);
    const double open_ms = ms_since(t_open);
    std::vector<double> moving, still, idle;
    int vertices = 0;
    for (int s = 0; s < steps; ++s) {
        ui.app.next();
        for (int f = 0; f < 90; ++f) {
            null_host::now += 1000.0 / 60;
            const auto t0 = clock::now();
            ImDrawData& draw = ui.runner->frame({w, h, 1.0f}, null_host::now);
            const double ms = ms_since(t0);
            (ui.runner->unchanged() ? still : moving).push_back(ms);
            if (!ui.runner->unchanged()) vertices = draw.TotalVtxCount;
            const auto t1 = clock::now();
            ui.app.idle(null_host::now);
            idle.push_back(ms_since(t1));
        }
    }
    const Summary m = summarise(moving), st = summarise(still), id = summarise(idle);
    std::printf("%s, %d steps at %gx%g\n", argv[1], steps, w, h);
    std::printf("start:          load (parse, check, measure) %.2f ms; the map's layout in %d parts, %.2f ms (longest %.2f);"
                " open the link %.2f ms\n", load_ms, parts, parts_ms, part_max, open_ms);
    std::printf("frames drawn:   %5zu  median %7.2f  p95 %7.2f  max %7.2f ms  (last: %d vertices)\n", moving.size(), m.median, m.p95, m.max, vertices);
    std::printf("frames kept:    %5zu  median %7.2f  p95 %7.2f  max %7.2f ms\n", still.size(), st.median, st.p95, st.max);
    std::printf("idle (ahead):   %5zu  median %7.2f  p95 %7.2f  max %7.2f ms\n", idle.size(), id.median, id.p95, id.max);
    return 0;
}
