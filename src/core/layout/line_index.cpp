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

// The part of a → b inside the box, as parameters [t0, t1] along it
// (Liang–Barsky); false when none of it is.
bool clip(Vec2 a, Vec2 b, const box_grid::Box& box, float& t0, float& t1) {
    t0 = 0, t1 = 1;
    const float d[2] = {b.x - a.x, b.y - a.y}, lo[2] = {box.x0 - a.x, box.y0 - a.y}, hi[2] = {box.x1 - a.x, box.y1 - a.y};
    for (int k = 0; k < 2; ++k) {
        if (d[k] == 0) {
            if (lo[k] > 0 || hi[k] < 0) return false;
            continue;
        }
        float enter = lo[k] / d[k], leave = hi[k] / d[k];
        if (enter > leave) std::swap(enter, leave);
        t0 = std::max(t0, enter), t1 = std::min(t1, leave);
        if (t0 > t1) return false;
    }
    return true;
}

}  // namespace

void LineIndex::build(const std::vector<std::vector<Vec2>>& paths, float min_cell, const box_grid::Box& region) {
    segments_.clear();
    pieces_.clear();
    piece_segment_.clear();
    outside_.clear();
    region_ = region;
    const float piece = std::max(min_cell, 1.0f);
    for (std::size_t i = 0; i < paths.size(); ++i)
        for (std::size_t k = 0; k + 1 < paths[i].size(); ++k) {
            const Vec2 a = paths[i][k], b = paths[i][k + 1];
            if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y)) continue;
            const int s = static_cast<int>(segments_.size());
            segments_.push_back({a, b, static_cast<int>(i)});
            float t0, t1;
            if (!clip(a, b, region, t0, t1)) {
                outside_.push_back(s);
                continue;
            }
            if (t0 > 0 || t1 < 1) outside_.push_back(s);
            // The inside part, in pieces no longer than a cell.
            const float len = std::hypot(b.x - a.x, b.y - a.y) * (t1 - t0);
            const int n = std::max(1, static_cast<int>(std::ceil(len / piece)));
            for (int j = 0; j < n; ++j) {
                const float u0 = t0 + (t1 - t0) * static_cast<float>(j) / static_cast<float>(n);
                const float u1 = t0 + (t1 - t0) * static_cast<float>(j + 1) / static_cast<float>(n);
                const Vec2 p{a.x + (b.x - a.x) * u0, a.y + (b.y - a.y) * u0}, q{a.x + (b.x - a.x) * u1, a.y + (b.y - a.y) * u1};
                pieces_.push_back({std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)});
                piece_segment_.push_back(s);
            }
        }
    grid_.build(pieces_, min_cell);
}

bool LineIndex::within(Vec2 p, float limit, int skip) const {
    if (!(limit > 0)) return false;
    auto near = [&](int i) {
        const Segment& s = segments_[static_cast<std::size_t>(i)];
        return s.path != skip && segment_distance(p, s.a, s.b) < limit;
    };
    // A piece found through the grid is a part of a segment: the distance is
    // the whole segment's (no rounding where pieces meet).
    if (grid_.any(p.x - limit, p.y - limit, p.x + limit, p.y + limit,
                  [&](int k) { return near(piece_segment_[static_cast<std::size_t>(k)]); }))
        return true;
    const bool inside = p.x - limit >= region_.x0 && p.x + limit <= region_.x1 && p.y - limit >= region_.y0 &&
                        p.y + limit <= region_.y1;
    return !inside && std::any_of(outside_.begin(), outside_.end(), near);
}

}  // namespace explainer::line_index
