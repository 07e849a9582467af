// untangle.cpp — layout::untangle (see layout.h): after the forces, swaps
// and nudges that remove edge crossings a reader would have to trace.
#include <algorithm>
#include <cmath>

#include "layout.h"

namespace explainer::layout {

namespace {

int orientation(Vec2 a, Vec2 b, Vec2 c) {
    const float v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return (v > 1e-3f) - (v < -1e-3f);
}
bool segments_cross(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    // Most pairs are far apart: two segments whose bounding boxes are apart
    // cannot cross, and that costs four comparisons, not four cross products.
    if (std::max(a.x, b.x) < std::min(c.x, d.x) || std::max(c.x, d.x) < std::min(a.x, b.x) ||
        std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y))
        return false;
    return orientation(a, b, c) * orientation(a, b, d) < 0 && orientation(c, d, a) * orientation(c, d, b) < 0;
}

// Pairs of edges that cross; edges sharing a node, and edges naming no node
// of the n, never count.
}  // namespace

int count_crossings(const std::vector<std::pair<int, int>>& edges, const std::vector<Vec2>& pos, int n) {
    auto valid = [n](int a, int b) { return a >= 0 && b >= 0 && a < n && b < n && a != b; };
    int total = 0;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const auto [a, b] = edges[i];
        if (!valid(a, b)) continue;
        for (std::size_t j = i + 1; j < edges.size(); ++j) {
            const auto [c, d] = edges[j];
            if (valid(c, d) && a != c && a != d && b != c && b != d && segments_cross(pos[a], pos[b], pos[c], pos[d])) ++total;
        }
    }
    return total;
}

int untangle(const Graph& g, std::vector<Vec2>& pos, float k, float padding, int max_passes) {
    const int n = g.size();
    if (n == 0 || static_cast<int>(pos.size()) != n) return 0;
    std::vector<std::pair<int, int>> edges;
    for (const auto& e : g.edges)
        if (e.first >= 0 && e.second >= 0 && e.first < n && e.second < n && e.first != e.second) edges.push_back(e);
    std::vector<std::vector<int>> incident(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < edges.size(); ++i) {
        incident[static_cast<std::size_t>(edges[i].first)].push_back(static_cast<int>(i));
        incident[static_cast<std::size_t>(edges[i].second)].push_back(static_cast<int>(i));
    }
    auto crossings_of = [&](int i) {
        int c = 0;
        for (int ei : incident[static_cast<std::size_t>(i)]) {
            const auto [a, b] = edges[static_cast<std::size_t>(ei)];
            for (const auto& [c0, d0] : edges)
                if (c0 != a && c0 != b && d0 != a && d0 != b && segments_cross(pos[a], pos[b], pos[c0], pos[d0])) ++c;
        }
        return c;
    };
    // Links much longer than the ideal read badly even when they cross nothing.
    auto stretch_of = [&](int i) {
        float s = 0;
        for (int ei : incident[static_cast<std::size_t>(i)]) {
            const auto [a, b] = edges[static_cast<std::size_t>(ei)];
            const float dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y;
            s += std::max(0.0f, std::sqrt(dx * dx + dy * dy) / k - 1.6f);
        }
        return s;
    };
    auto score = [&](int i) { return static_cast<float>(crossings_of(i)) + 2.0f * stretch_of(i); };
    auto free_at = [&](int i, Vec2 p, int ignore) {
        for (int j = 0; j < n; ++j) {
            if (j == i || j == ignore) continue;
            if (std::fabs(pos[j].x - p.x) < g.half_size[i].x + g.half_size[j].x + padding &&
                std::fabs(pos[j].y - p.y) < g.half_size[i].y + g.half_size[j].y + padding) return false;
        }
        return true;
    };
    for (int pass = 0; pass < max_passes; ++pass) {
        bool improved = false;
        for (int i = 0; i < n; ++i) {
            const Vec2 home = pos[i];
            const float now = score(i);
            float best = -0.5f;   // the change in score; a move must win by a clear margin
            Vec2 best_at = home;
            int best_swap = -1;
            // Spots around the centre of its neighbours.
            Vec2 centre;
            for (int ei : incident[static_cast<std::size_t>(i)]) {
                const auto [a, b] = edges[static_cast<std::size_t>(ei)];
                const int other = a == i ? b : a;
                centre.x += pos[other].x;
                centre.y += pos[other].y;
            }
            const auto degree = static_cast<float>(incident[static_cast<std::size_t>(i)].size());
            if (degree > 0) {
                centre.x /= degree;
                centre.y /= degree;
                for (float radius : {0.8f * k, 1.3f * k}) {
                    for (int a = 0; a < 16; ++a) {
                        const float angle = 6.2831853f * static_cast<float>(a) / 16.0f;
                        const Vec2 p{centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)};
                        if (!free_at(i, p, -1)) continue;
                        pos[i] = p;
                        const float change = score(i) - now;
                        if (change < best) { best = change; best_at = p; best_swap = -1; }
                    }
                }
            }
            pos[i] = home;
            // Swaps, scored on both nodes.
            for (int j = 0; n <= kMaxSwapNodes && j < n; ++j) {
                if (j == i) continue;
                std::swap(pos[i], pos[j]);
                const bool fits = free_at(i, pos[i], j) && free_at(j, pos[j], i);
                std::swap(pos[i], pos[j]);
                if (!fits) continue;   // scored only when the boxes would fit
                const float before = now + score(j);
                std::swap(pos[i], pos[j]);
                const float after = score(i) + score(j);
                std::swap(pos[i], pos[j]);
                if (after - before < best) { best = after - before; best_swap = j; }
            }
            if (best_swap >= 0) {
                std::swap(pos[i], pos[best_swap]);
                improved = true;
            } else if (best_at.x != home.x || best_at.y != home.y) {
                pos[i] = best_at;
                improved = true;
            }
        }
        if (!improved) break;
    }
    return count_crossings(edges, pos, n);
}

}  // namespace explainer::layout
