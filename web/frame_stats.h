// frame_stats.h — the page's frame timings, for the benchmarks and the soak
// test (window.explainer.frameStats): the last few thousand frames' times,
// whole and UI-only, and the work done ahead between frames.
#pragma once

#include <string>
#include <vector>

namespace frame_stats {

class FrameStats {
public:
    // ms: the whole frame, and its UI part (app logic and ImGui's draw lists,
    // before any GL call; the rest is handing them to the GL).
    void add_frame(float frame_ms, float ui_ms);
    void add_idle(float ms);   // work done ahead (App::idle), when there was some
    // {"count", "median", "p95", "max", "ui": {"median", "p95", "max"},
    //  "idle": {"count", "total", "max"}, "wasmBytes"}; reset empties the record.
    std::string json(unsigned long memory_bytes, bool reset);

private:
    std::vector<float> frame_ms_, ui_ms_, idle_ms_;
};

}  // namespace frame_stats
