#include "core/layout/layout.h"

#include <algorithm>
#include <cmath>

#include "core/layout/quadtree.h"
#include "core/layout/spatial_grid.h"

namespace explainer::layout {

namespace {

// Barnes–Hut opening criterion: a cell acts as one body once its side is
// under kTheta × its distance (d3-force uses 0.9 too).
constexpr float kTheta = 0.9f;
// Every node now feels all the others, not just its neighbours, so the push
// is scaled down to keep links near the ideal length (a ring of 12: within
// 1.5×; at 1.0 it is over 2×).
constexpr float kRepulsion = 0.4f;

// Two nodes at the same spot still need a direction to part in: derive one
// from their indexes, so the result stays deterministic.
Vec2 tie_break(int i, int j) {
    const float a = static_cast<float>((i * 7919 + j * 104729) % 6283) * 0.001f;
    return {std::cos(a), std::sin(a)};
}

}  // namespace

Vec2 spiral_point(int i, float spacing, Vec2 centre) {
    constexpr float kGoldenAngle = 2.39996323f;
    const float r = spacing * std::sqrt(static_cast<float>(i) + 0.5f);
    const float a = kGoldenAngle * static_cast<float>(i);
    return {centre.x + r * std::cos(a), centre.y + r * std::sin(a)};
}

std::vector<Vec2> spiral(int count, float spacing, Vec2 centre) {
    std::vector<Vec2> out(static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i) out[i] = spiral_point(i, spacing, centre);
    return out;
}

namespace {

// One run of relax(): what stays the same across its iterations, and the
// three things an iteration does (forces on the nodes, pulls along links,
// the moves), each over the same arrays.
struct Relaxation {
    const Graph& g;
    std::vector<Vec2>& pos;
    const Options& o;
    int n;
    float k, k2;
    // The spiral start fills this radius: about one node per pi k^2.
    float natural_radius, natural_radius2;
    bool has_fixed, anchored;
    std::vector<Vec2> force;
    std::vector<float> weight_of;
    // Nodes that stay put are summarised once; each iteration rebuilds the
    // tree of the moving ones only, so a step that adds 500 nodes to a
    // 10,000-node map does not re-sort the 9,500 every time.
    Quadtree still, tree;
    std::vector<int> moving;

    Relaxation(const Graph& graph, std::vector<Vec2>& p, const Options& options)
        : g(graph), pos(p), o(options), n(graph.size()), k(options.edge_length), k2(k * k),
          natural_radius(k * std::sqrt(static_cast<float>(n))), natural_radius2(natural_radius * natural_radius),
          has_fixed(options.fixed.size() == p.size()),
          anchored(options.anchor.size() == p.size() && options.anchor_weight.size() == p.size()),
          force(p.size()), weight_of(p.size()) {
        for (int i = 0; i < n; ++i) weight_of[i] = 1.0f + (g.half_size[i].x + g.half_size[i].y) / k;
        if (has_fixed) {
            std::vector<int> fixed;
            for (int i = 0; i < n; ++i) (o.fixed[i] ? fixed : moving).push_back(i);
            still.build(pos, weight_of, fixed);
        }
    }
    bool moves(int i) const { return !has_fixed || !o.fixed[i]; }

    Vec2 start_iteration() {
        std::fill(force.begin(), force.end(), Vec2{});
        if (has_fixed) tree.build(pos, weight_of, moving);
        else tree.build(pos, weight_of);
        Vec2 centre;
        for (const auto& p : pos) { centre.x += p.x; centre.y += p.y; }
        centre.x /= static_cast<float>(n);
        centre.y /= static_cast<float>(n);
        return centre;
    }

    void node_forces(int i, Vec2 centre) {
        // Repulsion k²/d from every other node, far ones in groups
        // (Barnes–Hut); larger boxes push a little harder: a pair pushes
        // with the mean of their weights.
        const auto push = [&](float x, float y, float count, float weight, int j) {
            float dx = pos[i].x - x, dy = pos[i].y - y;
            float d2 = dx * dx + dy * dy;
            if (d2 < 1e-4f) {
                const Vec2 t = tie_break(i, j < 0 ? n : j);
                dx = t.x; dy = t.y; d2 = 1;
            }
            const float f = kRepulsion * 0.5f * (weight_of[i] * count + weight) * k2 / d2;   // (k²/d) / d: scales (dx, dy)
            force[i].x += dx * f;
            force[i].y += dy * f;
        };
        tree.visit(i, kTheta, push);
        if (has_fixed) still.visit(i, kTheta, push);
        // Gravity acts only beyond the radius the graph fills at its natural
        // density: it keeps stray components near, but does not squeeze a
        // large graph tighter than its links and repulsion would have it.
        const float gx = centre.x - pos[i].x, gy = centre.y - pos[i].y;
        const float gd2 = gx * gx + gy * gy;
        if (gd2 > natural_radius2) {
            const float pull = o.gravity * (1.0f - natural_radius / std::sqrt(gd2));
            force[i].x += gx * pull;
            force[i].y += gy * pull;
        }
        if (anchored && o.anchor_weight[i] > 0) {
            force[i].x += (o.anchor[i].x - pos[i].x) * o.anchor_weight[i];
            force[i].y += (o.anchor[i].y - pos[i].y) * o.anchor_weight[i];
        }
    }

    void link_forces() {
        for (const auto& e : g.edges) {
            const int a = e.first, b = e.second;
            if (a < 0 || b < 0 || a >= n || b >= n || a == b) continue;
            const float dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y;
            const float d = std::sqrt(dx * dx + dy * dy);
            // Pull grows as d^1.5/k^0.5, gentler than FR's d²/k: one long link
            // (common in big casts) then cannot drag a crowd into a pile.
            const float f = std::sqrt(d / k);
            force[a].x += dx * f; force[a].y += dy * f;
            force[b].x -= dx * f; force[b].y -= dy * f;
        }
    }

    // Moves each node along its force, at most `temperature`; returns the largest move.
    float move(float temperature) {
        float largest = 0;
        for (int i = 0; i < n; ++i) {
            if (!moves(i)) continue;
            const float len = std::sqrt(force[i].x * force[i].x + force[i].y * force[i].y);
            if (len < 1e-9f) continue;
            const float step = std::min(len, temperature);
            pos[i].x += force[i].x / len * step;
            pos[i].y += force[i].y / len * step;
            largest = std::max(largest, step);
        }
        if (anchored && o.max_drift > 0) hold_to_anchors();
        return largest;
    }

    void hold_to_anchors() {
        for (int i = 0; i < n; ++i) {
            if (o.anchor_weight[i] <= 0) continue;
            const float dx = pos[i].x - o.anchor[i].x, dy = pos[i].y - o.anchor[i].y;
            const float d = std::sqrt(dx * dx + dy * dy);
            if (d <= o.max_drift) continue;
            pos[i].x = o.anchor[i].x + dx / d * o.max_drift;
            pos[i].y = o.anchor[i].y + dy / d * o.max_drift;
        }
    }
};

}  // namespace

Run relax(const Graph& g, std::vector<Vec2>& pos, const Options& o) {
    Run run;
    if (g.size() == 0 || static_cast<int>(pos.size()) != g.size()) return run;
    Relaxation r(g, pos, o);
    const float k = o.edge_length;
    float temperature = o.start_temperature > 0 ? o.start_temperature : k;
    // Cool so that moves would shrink to half the tolerance by max_iterations:
    // the run then ends by convergence, not because it was frozen early.
    const float cooling = std::pow(std::max(0.5f * o.tolerance * k / temperature, 1e-4f),
                                   1.0f / static_cast<float>(std::max(o.max_iterations, 1)));
    for (run.iterations = 0; run.iterations < o.max_iterations;) {
        const Vec2 centre = r.start_iteration();
        for (int i = 0; i < r.n; ++i)
            if (r.moves(i)) r.node_forces(i, centre);
        r.link_forces();
        const float largest = r.move(temperature);
        ++run.iterations;
        run.last_move = largest;
        if (largest < o.tolerance * k) break;
        temperature = std::max(temperature * cooling, 0.01f * k);
    }
    return run;
}

int separate(const Graph& g, std::vector<Vec2>& pos, float padding, int max_passes,
             const std::vector<float>* mobility) {
    const int n = g.size();
    if (n == 0 || static_cast<int>(pos.size()) != n) return 0;
    if (mobility && static_cast<int>(mobility->size()) != n) mobility = nullptr;
    // Pushing a little past contact breaks up chains of boxes, which would
    // otherwise shuffle an overlap along one box per pass.
    constexpr float kOvershoot = 1.2f;
    float widest = 0;
    for (const auto& h : g.half_size) widest = std::max({widest, h.x, h.y});
    const float cell = 2.0f * widest + padding;
    SpatialGrid grid;
    int overlaps = 0;
    // Only pairs with a node that moved in the last pass can newly overlap,
    // so each pass looks around those nodes alone: late passes, which mend a
    // few stubborn pairs, cost little even on a 10,000-node map.
    std::vector<std::uint8_t> active(static_cast<std::size_t>(n), 1), next(static_cast<std::size_t>(n), 0);
    std::vector<int> work(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) work[i] = i;
    grid.build(pos, cell);
    for (int pass = 0; pass < max_passes && !work.empty(); ++pass) {
        overlaps = 0;
        for (int i : work) {
            grid.near(pos[i], [&](int j) {
                if (j == i || (active[j] && j < i)) return;   // a pair of two active nodes is seen from the lower
                const float dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y;
                const float ox = g.half_size[i].x + g.half_size[j].x + padding - std::fabs(dx);
                const float oy = g.half_size[i].y + g.half_size[j].y + padding - std::fabs(dy);
                if (ox <= 0 || oy <= 0) return;
                ++overlaps;
                next[i] = next[j] = 1;
                const float mi = mobility ? (*mobility)[i] : 1.0f, mj = mobility ? (*mobility)[j] : 1.0f;
                const float share_i = mi / (mi + mj), share_j = 1.0f - share_i;
                // Part along the axis that needs the smaller push; boxes on the
                // very same spot part in a 2-D direction of their own, or a pile
                // would only unstack into a column, one box per pass.
                if (std::fabs(dx) < 1e-3f && std::fabs(dy) < 1e-3f) {
                    const Vec2 t = tie_break(std::min(i, j), std::max(i, j));
                    const float s = kOvershoot * std::min(ox, oy);
                    pos[i].x -= t.x * s * share_i; pos[i].y -= t.y * s * share_i;
                    pos[j].x += t.x * s * share_j; pos[j].y += t.y * s * share_j;
                } else if (ox < oy) {
                    const float s = (dx > 0 || (dx == 0 && i < j) ? kOvershoot : -kOvershoot) * ox;
                    pos[i].x -= s * share_i; pos[j].x += s * share_j;
                } else {
                    const float s = (dy > 0 || (dy == 0 && i < j) ? kOvershoot : -kOvershoot) * oy;
                    pos[i].y -= s * share_i; pos[j].y += s * share_j;
                }
            });
        }
        work.clear();
        for (int i = 0; i < n; ++i) {
            active[i] = next[i];
            next[i] = 0;
            if (!active[i]) continue;
            work.push_back(i);
            grid.move(i, pos[i]);   // only the boxes that were pushed change cells
        }
    }
    return overlaps;
}

Quality measure(const Graph& g, const std::vector<Vec2>& pos) {
    Quality q;
    const int n = g.size();
    if (n == 0 || static_cast<int>(pos.size()) != n) return q;
    float widest = 0;
    for (const auto& h : g.half_size) widest = std::max({widest, h.x, h.y});
    SpatialGrid grid;
    grid.build(pos, 2.0f * widest + 1.0f);
    for (int i = 0; i < n; ++i) {
        grid.near(pos[i], [&](int j) {
            if (j <= i) return;
            const float ox = g.half_size[i].x + g.half_size[j].x - std::fabs(pos[j].x - pos[i].x);
            const float oy = g.half_size[i].y + g.half_size[j].y - std::fabs(pos[j].y - pos[i].y);
            if (ox > 0.5f && oy > 0.5f) ++q.overlapping_pairs;
        });
    }
    q.crossings = g.edges.size() > kMaxCrossingEdges ? -1 : count_crossings(g.edges, pos, n);
    double sum = 0, sum2 = 0;
    int count = 0;
    for (const auto& e : g.edges) {
        if (e.first < 0 || e.second < 0 || e.first >= n || e.second >= n || e.first == e.second) continue;
        const double dx = pos[e.second].x - pos[e.first].x, dy = pos[e.second].y - pos[e.first].y;
        const double d = std::sqrt(dx * dx + dy * dy);
        sum += d;
        sum2 += d * d;
        ++count;
    }
    if (count > 0) {
        const double mean = sum / count;
        const double var = std::max(0.0, sum2 / count - mean * mean);
        q.mean_edge_length = static_cast<float>(mean);
        q.edge_length_spread = mean > 0 ? static_cast<float>(std::sqrt(var) / mean) : 0.0f;
    }
    return q;
}

}  // namespace explainer::layout
