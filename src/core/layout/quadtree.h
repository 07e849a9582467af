// quadtree.h — a Barnes–Hut summary of weighted points for the layout's
// repulsion: far groups of nodes act as one body at their centre of mass, so
// every node feels every other at O(log n) cost and a large graph cannot be
// squeezed into a blob by its long links. Rebuilt each iteration without
// allocation after the first; a tree over a subset (the nodes that stay put
// during a step) is built once and kept. Internal to the layout.
#pragma once

#include <algorithm>
#include <vector>

#include "core/layout/layout.h"

namespace explainer::layout {

class Quadtree {
public:
    // A leaf keeps up to kLeafSize points (or more at kMaxDepth, where points
    // sit on the very same spot).
    static constexpr int kLeafSize = 4, kMaxDepth = 24;

    void build(const std::vector<Vec2>& pos, const std::vector<float>& weight) {
        order_.resize(pos.size());
        for (std::size_t i = 0; i < pos.size(); ++i) order_[i] = static_cast<int>(i);
        build_order(pos, weight);
    }
    // Only the points listed in subset.
    void build(const std::vector<Vec2>& pos, const std::vector<float>& weight, const std::vector<int>& subset) {
        order_ = subset;
        build_order(pos, weight);
    }

    // Calls body(x, y, count, weight, j) for each far cell (side < theta ×
    // distance; j = -1) and each point j of a near leaf other than self.
    template <typename Body>
    void visit(int self, float theta, Body&& body) const {
        if (cells_.empty()) return;
        const Vec2 p = (*pos_)[self];
        const float theta2 = theta * theta;
        int stack[4 * kMaxDepth + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Cell& c = cells_[stack[--top]];
            if (c.count == 0) continue;
            const float dx = c.x - p.x, dy = c.y - p.y;
            if (c.side * c.side < theta2 * (dx * dx + dy * dy)) {
                body(c.x, c.y, static_cast<float>(c.count), c.weight, -1);
            } else if (c.child < 0) {
                for (int k = c.first; k < c.first + c.count; ++k) {
                    const int j = order_[k];
                    if (j != self) body((*pos_)[j].x, (*pos_)[j].y, 1.0f, (*weight_)[j], j);
                }
            } else {
                for (int q = 0; q < 4; ++q) stack[top++] = c.child + q;
            }
        }
    }

private:
    // Builds the tree over the points listed in order_.
    void build_order(const std::vector<Vec2>& pos, const std::vector<float>& weight) {
        pos_ = &pos;
        weight_ = &weight;
        const int n = static_cast<int>(order_.size());
        cells_.clear();
        if (n == 0) return;
        float x0 = pos[order_[0]].x, y0 = pos[order_[0]].y, x1 = x0, y1 = y0;
        for (int i : order_) {
            const Vec2 p = pos[i];
            x0 = std::min(x0, p.x); y0 = std::min(y0, p.y);
            x1 = std::max(x1, p.x); y1 = std::max(y1, p.y);
        }
        const float side = std::max({x1 - x0, y1 - y0, 1.0f});
        cells_.push_back({});
        split(0, 0, n, x0 + side / 2, y0 + side / 2, side, 0);
    }

    struct Cell {
        float x = 0, y = 0;   // centre of mass
        float side = 0, weight = 0;
        int first = 0, count = 0;
        int child = -1;       // first of four consecutive children, or -1 for a leaf
    };

    // Fills cell `at` with order_[first, first + count), centred at (mx, my).
    void split(int at, int first, int count, float mx, float my, float side, int depth) {
        const auto& pos = *pos_;
        cells_[at].first = first;
        cells_[at].count = count;
        cells_[at].side = side;
        if (count <= kLeafSize || depth >= kMaxDepth) {   // a leaf: sum its points
            float sx = 0, sy = 0, sw = 0;
            for (int k = first; k < first + count; ++k) {
                const Vec2 q = pos[order_[k]];
                sx += q.x; sy += q.y; sw += (*weight_)[order_[k]];
            }
            Cell& c = cells_[at];
            c.weight = sw;
            c.x = count ? sx / static_cast<float>(count) : mx;
            c.y = count ? sy / static_cast<float>(count) : my;
            return;
        }
        // Partition into quadrants: left/right, then each half top/bottom.
        auto b = order_.begin() + first, e = b + count;
        auto mid = std::partition(b, e, [&](int i) { return pos[i].x < mx; });
        auto lo = std::partition(b, mid, [&](int i) { return pos[i].y < my; });
        auto hi = std::partition(mid, e, [&](int i) { return pos[i].y < my; });
        const int child = static_cast<int>(cells_.size());
        cells_.resize(cells_.size() + 4);   // may move cells_: index, never hold references across this
        cells_[at].child = child;
        const float h = side / 2, q = side / 4;
        const int n0 = static_cast<int>(lo - b), n1 = static_cast<int>(mid - lo);
        const int n2 = static_cast<int>(hi - mid), n3 = static_cast<int>(e - hi);
        split(child + 0, first, n0, mx - q, my - q, h, depth + 1);
        split(child + 1, first + n0, n1, mx - q, my + q, h, depth + 1);
        split(child + 2, first + n0 + n1, n2, mx + q, my - q, h, depth + 1);
        split(child + 3, first + n0 + n1 + n2, n3, mx + q, my + q, h, depth + 1);
        // The centre of mass from the children's, weighted by their counts.
        float sx = 0, sy = 0, sw = 0;
        for (int k = 0; k < 4; ++k) {
            const Cell& c = cells_[child + k];
            sx += c.x * static_cast<float>(c.count);
            sy += c.y * static_cast<float>(c.count);
            sw += c.weight;
        }
        Cell& c = cells_[at];
        c.weight = sw;
        c.x = sx / static_cast<float>(count);
        c.y = sy / static_cast<float>(count);
    }

    const std::vector<Vec2>* pos_ = nullptr;
    const std::vector<float>* weight_ = nullptr;
    std::vector<int> order_;
    std::vector<Cell> cells_;
};

}  // namespace explainer::layout
