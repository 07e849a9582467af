#include "layout.h"

#include <algorithm>
#include <cmath>

#include "quadtree.h"
#include "spatial_grid.h"

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

Run relax(const Graph& g, std::vector<Vec2>& pos, const Options& o) {
    Run run;
    const int n = g.size();
    if (n == 0 || static_cast<int>(pos.size()) != n) return run;
    const float k = o.edge_length, k2 = k * k;
    // The spiral start fills this radius: about one node per pi k^2.
    const float natural_radius = k * std::sqrt(static_cast<float>(n)), natural_radius2 = natural_radius * natural_radius;
    const bool has_fixed = o.fixed.size() == pos.size();
    auto moves = [&](int i) { return !has_fixed || !o.fixed[i]; };
    const bool anchored = o.anchor.size() == pos.size() && o.anchor_weight.size() == pos.size();
    float temperature = o.start_temperature > 0 ? o.start_temperature : k;
    // Cool so that moves would shrink to half the tolerance by max_iterations:
    // the run then ends by convergence, not because it was frozen early.
    const float cooling = std::pow(std::max(0.5f * o.tolerance * k / temperature, 1e-4f),
                                   1.0f / static_cast<float>(std::max(o.max_iterations, 1)));
    std::vector<Vec2> force(pos.size());
    std::vector<float> weight_of(pos.size());
    for (int i = 0; i < n; ++i) weight_of[i] = 1.0f + (g.half_size[i].x + g.half_size[i].y) / k;
    // Nodes that stay put are summarised once; each iteration rebuilds the
    // tree of the moving ones only, so a step that adds 500 nodes to a
    // 10,000-node map does not re-sort the 9,500 every time.
    Quadtree still, tree;
    std::vector<int> moving;
    if (has_fixed) {
        std::vector<int> fixed;
        for (int i = 0; i < n; ++i) (o.fixed[i] ? fixed : moving).push_back(i);
        still.build(pos, weight_of, fixed);
    }

    for (run.iterations = 0; run.iterations < o.max_iterations;) {
        std::fill(force.begin(), force.end(), Vec2{});
        if (has_fixed) tree.build(pos, weight_of, moving);
        else tree.build(pos, weight_of);
        Vec2 centre;
        for (const auto& p : pos) { centre.x += p.x; centre.y += p.y; }
        centre.x /= static_cast<float>(n);
        centre.y /= static_cast<float>(n);

        for (int i = 0; i < n; ++i) {
            if (!moves(i)) continue;
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
        if (anchored && o.max_drift > 0) {
            for (int i = 0; i < n; ++i) {
                if (o.anchor_weight[i] <= 0) continue;
                const float dx = pos[i].x - o.anchor[i].x, dy = pos[i].y - o.anchor[i].y;
                const float d = std::sqrt(dx * dx + dy * dy);
                if (d <= o.max_drift) continue;
                pos[i].x = o.anchor[i].x + dx / d * o.max_drift;
                pos[i].y = o.anchor[i].y + dy / d * o.max_drift;
            }
        }
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

}  // namespace

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
