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

}  // namespace

void LineIndex::build(const std::vector<std::vector<Vec2>>& paths, float min_cell) {
    segments_.clear();
    boxes_.clear();
    for (std::size_t i = 0; i < paths.size(); ++i)
        for (std::size_t k = 0; k + 1 < paths[i].size(); ++k) {
            const Vec2 a = paths[i][k], b = paths[i][k + 1];
            segments_.push_back({a, b, static_cast<int>(i)});
            boxes_.push_back({std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)});
        }
    grid_.build(boxes_, min_cell);
}

float LineIndex::nearest(Vec2 p, float limit, int skip) const {
    float best = limit;
    if (!(limit > 0)) return best;
    grid_.visit(p.x - limit, p.y - limit, p.x + limit, p.y + limit, [&](int i) {
        const Segment& s = segments_[static_cast<std::size_t>(i)];
        if (s.path != skip) best = std::min(best, segment_distance(p, s.a, s.b));
    });
    return best;
}

}  // namespace explainer::line_index
