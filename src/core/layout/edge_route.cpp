#include "core/layout/edge_route.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "core/layout/box_grid.h"

namespace explainer::edge_route {

namespace {

float length(Vec2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

Vec2 bezier(Vec2 a, Vec2 c, Vec2 b, float t) {
    const float u = 1 - t;
    return {u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y};
}

float segment_distance(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 ab{b.x - a.x, b.y - a.y}, ap{p.x - a.x, p.y - a.y};
    const float l2 = ab.x * ab.x + ab.y * ab.y;
    const float t = l2 > 0 ? std::clamp((ap.x * ab.x + ap.y * ab.y) / l2, 0.0f, 1.0f) : 0.0f;
    return length({ap.x - ab.x * t, ap.y - ab.y * t});
}

// The curve a → b whose apex stands `apex` out from the mid-point along n:
// a quadratic's apex is half-way between the mid-point and its control.
Vec2 control_for(Vec2 a, Vec2 b, Vec2 n, float apex) {
    return {(a.x + b.x) / 2 + n.x * 2 * apex, (a.y + b.y) / 2 + n.y * 2 * apex};
}

// The centres in a grid (box_grid), so that a curve looks only at those
// inside its hull: a scan of every centre for every bend tried cost the map
// most of a frame at 10k entities.
struct Centres {
    Centres(const std::vector<Vec2>& p, float min_cell) : pos(p) {
        std::vector<box_grid::Box> boxes;
        boxes.reserve(p.size());
        for (const auto& c : p) boxes.push_back({c.x, c.y, c.x, c.y});
        grid.build(boxes, min_cell);
    }
    const std::vector<Vec2>& pos;
    box_grid::BoxGrid grid;
};

// How close the curve comes to any centre but its ends, capped at `enough`
// (no need to know how far beyond it).
float closest(const Centres& centres, int end_a, int end_b, Vec2 a, Vec2 c, Vec2 b, float enough) {
    constexpr int kSegments = 16;
    float x0 = std::min({a.x, b.x, c.x}) - enough, x1 = std::max({a.x, b.x, c.x}) + enough;
    float y0 = std::min({a.y, b.y, c.y}) - enough, y1 = std::max({a.y, b.y, c.y}) + enough;
    Vec2 pts[kSegments + 1];
    for (int i = 0; i <= kSegments; ++i) pts[i] = bezier(a, c, b, static_cast<float>(i) / kSegments);
    float best = enough;
    centres.grid.visit(x0, y0, x1, y1, [&](int k) {
        if (k == end_a || k == end_b) return;
        const Vec2 p = centres.pos[static_cast<std::size_t>(k)];
        if (p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1) return;   // the curve's hull, grown: it cannot come near
        for (int i = 0; i < kSegments; ++i) best = std::min(best, segment_distance(p, pts[i], pts[i + 1]));
    });
    return best;
}

}  // namespace

std::vector<Vec2> route(const std::vector<Vec2>& centres, const std::vector<Line>& lines, const Options& o) {
    std::vector<Vec2> out(lines.size());
    const Centres grid(centres, 2 * o.clearance);
    // Lines by unordered pair, in the order given within a pair: each run of
    // the sorted list is a pair's lanes. One flat list, not a node per pair
    // (a 10k map has 15k lines); each pair is routed on its own, so the order
    // of pairs changes nothing.
    auto pair_of = [&](std::size_t i) {
        return std::pair<int, int>(std::min(lines[i].from, lines[i].to), std::max(lines[i].from, lines[i].to));
    };
    std::vector<std::size_t> order(lines.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return pair_of(x) < pair_of(y); });
    for (std::size_t first = 0, last = 0; first < order.size(); first = last) {
        const std::pair<int, int> pair = pair_of(order[first]);
        while (last < order.size() && pair_of(order[last]) == pair) ++last;
        const std::size_t* members = order.data() + first;
        // Bends are measured in the pair's own frame (lower index to higher),
        // so the lanes of lines in opposite directions stay apart.
        const Vec2 a = centres[static_cast<std::size_t>(pair.first)], b = centres[static_cast<std::size_t>(pair.second)];
        const Vec2 d{b.x - a.x, b.y - a.y};
        const float len = length(d);
        const int m = static_cast<int>(last - first);
        if (len <= 0) {
            for (int k = 0; k < m; ++k) out[members[k]] = a;
            continue;
        }
        const Vec2 n{-d.y / len, d.x / len};
        auto lane = [&](int k) { return (static_cast<float>(k) - static_cast<float>(m - 1) / 2) * o.lane; };
        auto score = [&](float shift) {
            float worst = o.clearance;
            for (int k = 0; k < m && worst > 0; ++k)
                worst = std::min(worst, closest(grid, pair.first, pair.second, a, control_for(a, b, n, shift + lane(k)), b, o.clearance));
            return worst;
        };
        const float reach = std::min(o.step * static_cast<float>(o.max_steps), 0.6f * len);
        float best_shift = 0, best = score(0);
        for (int s = 1; best < o.clearance && o.step * static_cast<float>(s) <= reach; ++s)
            for (float sign : {1.0f, -1.0f}) {
                const float shift = sign * o.step * static_cast<float>(s);
                const float got = score(shift);
                if (got > best + 0.01f) best = got, best_shift = shift;
                if (best >= o.clearance) break;
            }
        for (int k = 0; k < m; ++k) out[members[k]] = control_for(a, b, n, best_shift + lane(k));
    }
    return out;
}

float apex_of(Vec2 a, Vec2 b, Vec2 control) {
    const Vec2 d{b.x - a.x, b.y - a.y};
    const float len = length(d);
    if (len <= 0) return 0;
    const Vec2 n{-d.y / len, d.x / len};
    return ((control.x - (a.x + b.x) / 2) * n.x + (control.y - (a.y + b.y) / 2) * n.y) / 2;
}

Vec2 control_at(Vec2 a, Vec2 b, float apex) {
    const Vec2 d{b.x - a.x, b.y - a.y};
    const float len = length(d);
    if (len <= 0 || apex == 0) return {(a.x + b.x) / 2, (a.y + b.y) / 2};
    return control_for(a, b, {-d.y / len, d.x / len}, apex);
}

std::vector<Vec2> polyline(Vec2 a, Vec2 c, Vec2 b, int segments) {
    std::vector<Vec2> out;
    segments = std::max(segments, 1);
    out.reserve(static_cast<std::size_t>(segments) + 1);
    for (int i = 0; i <= segments; ++i) out.push_back(bezier(a, c, b, static_cast<float>(i) / static_cast<float>(segments)));
    return out;
}

std::vector<Vec2> trimmed(Vec2 a, Vec2 c, Vec2 b, float trim_a, float trim_b, int segments) {
    // A straight line (its control the mid-point) is the curve at constant
    // speed: where it leaves each circle is a division, not a search. (As
    // below, nothing shows when either circle holds the mid-point.)
    const float len = length({b.x - a.x, b.y - a.y});
    if (len > 0 && c.x == (a.x + b.x) / 2 && c.y == (a.y + b.y) / 2) {
        const float t0 = trim_a / len, t1 = 1 - trim_b / len;
        if (t0 > 0.5f || t1 < 0.5f || t1 <= t0) return {};
        std::vector<Vec2> out;
        segments = std::max(segments, 1);
        out.reserve(static_cast<std::size_t>(segments) + 1);
        for (int i = 0; i <= segments; ++i) {
            const float u = t0 + (t1 - t0) * static_cast<float>(i) / static_cast<float>(segments);
            out.push_back({a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u});
        }
        return out;
    }
    // Otherwise find, by bisection, where the curve leaves each end's circle;
    // it is sampled between those parameters so the cut ends lie on it exactly.
    auto leave = [&](Vec2 end, float r, float from, float to) {
        float lo = from, hi = to;   // at lo inside, at hi outside
        if (length({bezier(a, c, b, hi).x - end.x, bezier(a, c, b, hi).y - end.y}) < r) return -1.0f;
        for (int i = 0; i < 24; ++i) {
            const float mid = (lo + hi) / 2;
            const Vec2 p = bezier(a, c, b, mid);
            (length({p.x - end.x, p.y - end.y}) < r ? lo : hi) = mid;
        }
        return hi;
    };
    const float t0 = leave(a, trim_a, 0.0f, 0.5f), t1r = leave(b, trim_b, 1.0f, 0.5f);
    if (t0 < 0 || t1r < 0 || t1r <= t0) return {};
    std::vector<Vec2> out;
    segments = std::max(segments, 1);
    out.reserve(static_cast<std::size_t>(segments) + 1);
    for (int i = 0; i <= segments; ++i)
        out.push_back(bezier(a, c, b, t0 + (t1r - t0) * static_cast<float>(i) / static_cast<float>(segments)));
    return out;
}

float distance_to(const std::vector<Vec2>& line, Vec2 p) {
    if (line.empty()) return 1e30f;
    if (line.size() == 1) return length({p.x - line[0].x, p.y - line[0].y});
    float best = 1e30f;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) best = std::min(best, segment_distance(p, line[i], line[i + 1]));
    return best;
}

Vec2 point_along(const std::vector<Vec2>& line, float fraction) {
    if (line.empty()) return {};
    float total = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) total += length({line[i + 1].x - line[i].x, line[i + 1].y - line[i].y});
    float want = std::clamp(fraction, 0.0f, 1.0f) * total;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Vec2 d{line[i + 1].x - line[i].x, line[i + 1].y - line[i].y};
        const float l = length(d);
        if (want <= l && l > 0) return {line[i].x + d.x * want / l, line[i].y + d.y * want / l};
        want -= l;
    }
    return line.back();
}

Options for_map(float node_radius, float zoom) {
    Options o;
    o.clearance = node_radius + 9;
    o.lane = 26 * std::clamp(zoom, 0.8f, 1.4f);
    return o;
}

std::vector<Vec2> resampled(const std::vector<Vec2>& line, float spacing) {
    std::vector<Vec2> out;
    if (line.empty()) return out;
    spacing = std::max(spacing, 0.5f);
    out.push_back(line.front());
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Vec2 d{line[i + 1].x - line[i].x, line[i + 1].y - line[i].y};
        const int pieces = std::max(1, static_cast<int>(std::ceil(length(d) / spacing)));
        for (int k = 1; k <= pieces; ++k) {
            const float f = static_cast<float>(k) / static_cast<float>(pieces);
            out.push_back({line[i].x + d.x * f, line[i].y + d.y * f});
        }
    }
    return out;
}

}  // namespace explainer::edge_route
