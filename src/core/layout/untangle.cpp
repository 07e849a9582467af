// untangle.cpp — layout::untangle (see layout.h): after the forces, swaps
// and nudges that remove edge crossings a reader would have to trace.
#include <algorithm>
#include <cmath>

#include "core/layout/layout.h"

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

namespace {

// One run of untangle(): the links as index pairs, the links at each node,
// and the measures a move is judged by.
class Untangler {
public:
    Untangler(const Graph& g, std::vector<Vec2>& pos, float k, float padding)
        : g_(g), pos_(pos), n_(g.size()), k_(k), padding_(padding), incident_(static_cast<std::size_t>(n_)) {
        for (const auto& e : g.edges)
            if (e.first >= 0 && e.second >= 0 && e.first < n_ && e.second < n_ && e.first != e.second) edges_.push_back(e);
        for (std::size_t i = 0; i < edges_.size(); ++i) {
            incident_[static_cast<std::size_t>(edges_[i].first)].push_back(static_cast<int>(i));
            incident_[static_cast<std::size_t>(edges_[i].second)].push_back(static_cast<int>(i));
        }
    }

    int run(int max_passes) {
        for (int pass = 0; pass < max_passes && this->pass(); ++pass) {}
        return count_crossings(edges_, pos_, n_);
    }
    bool pass() {
        bool improved = false;
        for (int i = 0; i < n_; ++i) improved = improve(i) || improved;
        return improved;
    }

private:
    int crossings_of(int i) const {
        int c = 0;
        for (int ei : incident_[static_cast<std::size_t>(i)]) {
            const auto [a, b] = edges_[static_cast<std::size_t>(ei)];
            for (const auto& [c0, d0] : edges_)
                if (c0 != a && c0 != b && d0 != a && d0 != b && segments_cross(pos_[a], pos_[b], pos_[c0], pos_[d0])) ++c;
        }
        return c;
    }
    // Links much longer than the ideal read badly even when they cross nothing.
    float stretch_of(int i) const {
        float s = 0;
        for (int ei : incident_[static_cast<std::size_t>(i)]) {
            const auto [a, b] = edges_[static_cast<std::size_t>(ei)];
            const float dx = pos_[b].x - pos_[a].x, dy = pos_[b].y - pos_[a].y;
            s += std::max(0.0f, std::sqrt(dx * dx + dy * dy) / k_ - 1.6f);
        }
        return s;
    }
    float score(int i) const { return static_cast<float>(crossings_of(i)) + 2.0f * stretch_of(i); }
    bool free_at(int i, Vec2 p, int ignore) const {
        for (int j = 0; j < n_; ++j) {
            if (j == i || j == ignore) continue;
            if (std::fabs(pos_[j].x - p.x) < g_.half_size[i].x + g_.half_size[j].x + padding_ &&
                std::fabs(pos_[j].y - p.y) < g_.half_size[i].y + g_.half_size[j].y + padding_) return false;
        }
        return true;
    }

    // The best move for node i, if one wins by a clear margin: to a spot around
    // the centre of its neighbours, or a swap with another node (small graphs).
    bool improve(int i) {
        const Vec2 home = pos_[i];
        const float now = score(i);
        float best = -0.5f;   // the change in score; a move must win by a clear margin
        Vec2 best_at = home;
        int best_swap = -1;
        Vec2 centre;
        for (int ei : incident_[static_cast<std::size_t>(i)]) {
            const auto [a, b] = edges_[static_cast<std::size_t>(ei)];
            const int other = a == i ? b : a;
            centre.x += pos_[other].x;
            centre.y += pos_[other].y;
        }
        const auto degree = static_cast<float>(incident_[static_cast<std::size_t>(i)].size());
        if (degree > 0) {
            centre.x /= degree;
            centre.y /= degree;
            for (float radius : {0.8f * k_, 1.3f * k_}) {
                for (int a = 0; a < 16; ++a) {
                    const float angle = 6.2831853f * static_cast<float>(a) / 16.0f;
                    const Vec2 p{centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)};
                    if (!free_at(i, p, -1)) continue;
                    pos_[i] = p;
                    const float change = score(i) - now;
                    if (change < best) { best = change; best_at = p; best_swap = -1; }
                }
            }
        }
        pos_[i] = home;
        for (int j = 0; n_ <= kMaxSwapNodes && j < n_; ++j) {   // swaps, scored on both nodes
            if (j == i) continue;
            std::swap(pos_[i], pos_[j]);
            const bool fits = free_at(i, pos_[i], j) && free_at(j, pos_[j], i);
            std::swap(pos_[i], pos_[j]);
            if (!fits) continue;   // scored only when the boxes would fit
            const float before = now + score(j);
            std::swap(pos_[i], pos_[j]);
            const float after = score(i) + score(j);
            std::swap(pos_[i], pos_[j]);
            if (after - before < best) { best = after - before; best_swap = j; }
        }
        if (best_swap >= 0) {
            std::swap(pos_[i], pos_[best_swap]);
            return true;
        }
        if (best_at.x == home.x && best_at.y == home.y) return false;
        pos_[i] = best_at;
        return true;
    }

    const Graph& g_;
    std::vector<Vec2>& pos_;
    int n_;
    float k_, padding_;
    std::vector<std::pair<int, int>> edges_;
    std::vector<std::vector<int>> incident_;
};

}  // namespace

int untangle(const Graph& g, std::vector<Vec2>& pos, float k, float padding, int max_passes) {
    if (g.size() == 0 || static_cast<int>(pos.size()) != g.size()) return 0;
    return Untangler(g, pos, k, padding).run(max_passes);
}

bool untangle_pass(const Graph& g, std::vector<Vec2>& pos, float k, float padding) {
    if (g.size() == 0 || static_cast<int>(pos.size()) != g.size()) return false;
    return Untangler(g, pos, k, padding).pass();
}

}  // namespace explainer::layout
