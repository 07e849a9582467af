#include "core/layout/line_index.h"

#include <algorithm>
#include <cmath>

namespace explainer::line_index {

namespace {

float segment_distance(Vec2 p, Vec2 a, Vec2 b) {
    const float abx = b.x - a.x, aby = b.y - a.y, apx = p.x - a.x, apy = p.y - a.y;
    const float l2 = abx * abx + aby * aby;
    const float t = l2 > 0 ? std::clamp((apx * abx + apy * aby) / l2, 0.0f, 1.0f) : 0.0f;
    const float dx = apx - abx * t, dy = apy - aby * t;
    return std::sqrt(dx * dx + dy * dy);
}

// The cell of a coordinate, clamped to the grid (NaN: the first).
int clamped(float v, int n) { return v >= 0 ? (v < static_cast<float>(n) ? static_cast<int>(v) : n - 1) : 0; }

}  // namespace

int LineIndex::cell_x(float x) const { return clamped((x - min_x_) / cell_, nx_); }
int LineIndex::cell_y(float y) const { return clamped((y - min_y_) / cell_, ny_); }

void LineIndex::build(const std::vector<std::vector<Vec2>>& paths, float min_cell) {
    segments_.clear();
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    for (std::size_t i = 0; i < paths.size(); ++i)
        for (std::size_t k = 0; k + 1 < paths[i].size(); ++k) {
            const Vec2 a = paths[i][k], b = paths[i][k + 1];
            if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y)) continue;
            segments_.push_back({a, b, static_cast<int>(i)});
            x0 = std::min({x0, a.x, b.x}), y0 = std::min({y0, a.y, b.y});
            x1 = std::max({x1, a.x, b.x}), y1 = std::max({y1, a.y, b.y});
        }
    nx_ = ny_ = 0;
    start_.clear();
    items_.clear();
    if (segments_.empty()) return;
    const float w = std::max(x1 - x0, 1.0f), h = std::max(y1 - y0, 1.0f);
    cell_ = std::max({min_cell, 1.0f, std::sqrt(w * h / static_cast<float>(segments_.size()))});
    min_x_ = x0, min_y_ = y0;
    nx_ = static_cast<int>(w / cell_) + 1;
    ny_ = static_cast<int>(h / cell_) + 1;
    // Two passes, counting then filling: one array for every cell's list.
    start_.assign(static_cast<std::size_t>(nx_) * ny_ + 1, 0);
    auto each_cell = [&](const Segment& s, auto&& fn) {
        const int cx0 = cell_x(std::min(s.a.x, s.b.x)), cx1 = cell_x(std::max(s.a.x, s.b.x));
        const int cy0 = cell_y(std::min(s.a.y, s.b.y)), cy1 = cell_y(std::max(s.a.y, s.b.y));
        for (int y = cy0; y <= cy1; ++y)
            for (int x = cx0; x <= cx1; ++x) fn(static_cast<std::size_t>(y) * nx_ + x);
    };
    for (const auto& s : segments_) each_cell(s, [&](std::size_t c) { ++start_[c + 1]; });
    for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
    items_.resize(static_cast<std::size_t>(start_.back()));
    std::vector<int> fill(start_.begin(), start_.end() - 1);
    for (std::size_t i = 0; i < segments_.size(); ++i)
        each_cell(segments_[i], [&](std::size_t c) { items_[static_cast<std::size_t>(fill[c]++)] = static_cast<int>(i); });
}

float LineIndex::nearest(Vec2 p, float limit, int skip) const {
    float best = limit;
    if (nx_ == 0 || !(limit > 0)) return best;
    const int cx0 = cell_x(p.x - limit), cx1 = cell_x(p.x + limit);
    const int cy0 = cell_y(p.y - limit), cy1 = cell_y(p.y + limit);
    for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x) {
            const std::size_t c = static_cast<std::size_t>(y) * nx_ + x;
            for (int k = start_[c]; k < start_[c + 1]; ++k) {
                const Segment& s = segments_[static_cast<std::size_t>(items_[static_cast<std::size_t>(k)])];
                if (s.path != skip) best = std::min(best, segment_distance(p, s.a, s.b));
            }
        }
    return best;
}

}  // namespace explainer::line_index
