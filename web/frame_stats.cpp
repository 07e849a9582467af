#include "frame_stats.h"

#include <algorithm>
#include <cstdio>

namespace frame_stats {

void FrameStats::add_frame(float frame_ms, float ui_ms) {
    if (frame_ms_.size() >= 8192) {   // a bounded record: the soak test runs for hours
        frame_ms_.erase(frame_ms_.begin(), frame_ms_.begin() + 4096);
        ui_ms_.erase(ui_ms_.begin(), ui_ms_.begin() + 4096);
    }
    frame_ms_.push_back(frame_ms);
    ui_ms_.push_back(ui_ms);
}

void FrameStats::add_idle(float ms) {
    if (idle_ms_.size() >= 8192) idle_ms_.erase(idle_ms_.begin(), idle_ms_.begin() + 4096);
    idle_ms_.push_back(ms);
}

std::string FrameStats::json(unsigned long memory_bytes, bool reset) {
    std::vector<float> t = frame_ms_, u = ui_ms_, idle = idle_ms_;
    if (reset) frame_ms_.clear(), ui_ms_.clear(), idle_ms_.clear();
    char buf[360];
    if (t.empty()) {
        std::snprintf(buf, sizeof buf, "{\"count\":0,\"wasmBytes\":%lu}", memory_bytes);
        return buf;
    }
    std::sort(t.begin(), t.end());
    std::sort(u.begin(), u.end());
    const std::size_t mid = t.size() / 2, p95 = std::min(t.size() - 1, t.size() * 95 / 100);
    float idle_total = 0, idle_max = 0;
    for (float x : idle) idle_total += x, idle_max = std::max(idle_max, x);
    std::snprintf(buf, sizeof buf,
                  "{\"count\":%zu,\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f,"
                  "\"ui\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},"
                  "\"idle\":{\"count\":%zu,\"total\":%.3f,\"max\":%.3f},\"wasmBytes\":%lu}",
                  t.size(), t[mid], t[p95], t.back(), u[mid], u[p95], u.back(), idle.size(), idle_total, idle_max,
                  memory_bytes);
    return buf;
}

}  // namespace frame_stats
