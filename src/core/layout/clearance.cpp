// clearance.cpp — layout::clear_lines (see layout.h): the layout's own share
// of keeping lines off nodes they do not join, so the map's curves
// (edge_route) need only gentle bends.
#include <algorithm>
#include <cmath>

#include "core/layout/layout.h"

namespace explainer::layout {

namespace {
struct Hit {
    int node, a, b;
    float t, depth;      // where along a → b, and how far inside the clearance
    Vec2 away;           // unit vector from the line to the node
};

// Every node closer than `clearance` to a line it is not an end of.
std::vector<Hit> hits(const Graph& g, const std::vector<Vec2>& pos, float clearance) {
    std::vector<Hit> out;
    for (const auto& [a, b] : g.edges) {
        const Vec2 pa = pos[static_cast<std::size_t>(a)], pb = pos[static_cast<std::size_t>(b)];
        const float dx = pb.x - pa.x, dy = pb.y - pa.y, l2 = dx * dx + dy * dy;
        if (l2 <= 0) continue;
        const float x0 = std::min(pa.x, pb.x) - clearance, x1 = std::max(pa.x, pb.x) + clearance;
        const float y0 = std::min(pa.y, pb.y) - clearance, y1 = std::max(pa.y, pb.y) + clearance;
        for (int c = 0; c < g.size(); ++c) {
            if (c == a || c == b) continue;
            const Vec2 p = pos[static_cast<std::size_t>(c)];
            if (p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1) continue;
            const float t = std::clamp(((p.x - pa.x) * dx + (p.y - pa.y) * dy) / l2, 0.0f, 1.0f);
            const Vec2 q{pa.x + dx * t, pa.y + dy * t};
            const float ox = p.x - q.x, oy = p.y - q.y, d = std::sqrt(ox * ox + oy * oy);
            if (d >= clearance) continue;
            // Exactly on the line: step off it to one side, the same side every time.
            const float len = std::sqrt(l2);
            const Vec2 away = d > 1e-3f ? Vec2{ox / d, oy / d} : Vec2{-dy / len, dx / len};
            out.push_back({c, a, b, t, clearance - d, away});
        }
    }
    return out;
}
}  // namespace

int clear_lines(const Graph& g, std::vector<Vec2>& pos, float clearance, float padding, int max_passes) {
    for (int pass = 0; pass < max_passes; ++pass) {
        const auto found = hits(g, pos, clearance);
        if (found.empty()) return 0;
        // The node steps off the line, and the line's ends step the other way a
        // little, each by its share: the near end more.
        std::vector<Vec2> move(pos.size());
        for (const auto& h : found) {
            const float k = h.depth * 0.6f;
            move[static_cast<std::size_t>(h.node)].x += h.away.x * k;
            move[static_cast<std::size_t>(h.node)].y += h.away.y * k;
            const float ka = h.depth * 0.25f * (1 - h.t), kb = h.depth * 0.25f * h.t;
            move[static_cast<std::size_t>(h.a)].x -= h.away.x * ka;
            move[static_cast<std::size_t>(h.a)].y -= h.away.y * ka;
            move[static_cast<std::size_t>(h.b)].x -= h.away.x * kb;
            move[static_cast<std::size_t>(h.b)].y -= h.away.y * kb;
        }
        for (std::size_t i = 0; i < pos.size(); ++i) {
            // Capped, so a node caught by many lines does not leap across the map.
            const float l = std::sqrt(move[i].x * move[i].x + move[i].y * move[i].y), cap = clearance * 0.5f;
            const float s = l > cap ? cap / l : 1.0f;
            pos[i].x += move[i].x * s;
            pos[i].y += move[i].y * s;
        }
        separate(g, pos, padding, 40);
    }
    return static_cast<int>(hits(g, pos, clearance).size());
}

int line_intrusions(const Graph& g, const std::vector<Vec2>& pos, float clearance) {
    return static_cast<int>(hits(g, pos, clearance).size());
}

}  // namespace explainer::layout
