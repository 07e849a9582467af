// spatial_grid.h — a uniform grid over points for "who is near me" queries.
// Built once; a point that moves is relinked to its new cell in O(1)
// (move), so separate() pays for the boxes it pushed, not for the whole map,
// on every pass. Each cell is a doubly linked list threaded through arrays:
// no allocation after build. Internal to the layout.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/layout/layout.h"

namespace explainer::layout {

class SpatialGrid {
public:
    // Cells are at least min_cell wide; the grid never has more than about
    // 4 × points cells, however far apart the points are. Points that later
    // move outside the first bounds go to the edge cells (still correct,
    // only slower if many do).
    void build(const std::vector<Vec2>& pos, float min_cell) {
        const int n = static_cast<int>(pos.size());
        min_x_ = min_y_ = 1e30f;
        float max_x = -1e30f, max_y = -1e30f;
        for (const auto& p : pos) {
            min_x_ = std::min(min_x_, p.x);
            min_y_ = std::min(min_y_, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
        }
        const float w = std::max(max_x - min_x_, 1.0f), h = std::max(max_y - min_y_, 1.0f);
        cell_ = std::max(min_cell, std::sqrt(w * h / (4.0f * static_cast<float>(std::max(n, 1)))));
        nx_ = static_cast<int>(w / cell_) + 1;
        ny_ = static_cast<int>(h / cell_) + 1;
        head_.assign(static_cast<std::size_t>(nx_) * ny_, -1);
        next_.assign(pos.size(), -1);
        prev_.assign(pos.size(), -1);
        cell_of_.resize(pos.size());
        for (int i = n - 1; i >= 0; --i) link(i, index(cx(pos[i].x), cy(pos[i].y)));   // lists in index order
    }

    // Point i is now at p.
    void move(int i, const Vec2& p) {
        const int c = index(cx(p.x), cy(p.y));
        if (c == cell_of_[i]) return;
        if (prev_[i] >= 0) next_[prev_[i]] = next_[i];
        else head_[cell_of_[i]] = next_[i];
        if (next_[i] >= 0) prev_[next_[i]] = prev_[i];
        link(i, c);
    }

    // Calls fn(j) for every point in the 3×3 cells around p.
    template <class Fn>
    void near(const Vec2& p, Fn&& fn) const {
        const int x0 = cx(p.x), y0 = cy(p.y);
        for (int y = std::max(0, y0 - 1); y <= std::min(ny_ - 1, y0 + 1); ++y)
            for (int x = std::max(0, x0 - 1); x <= std::min(nx_ - 1, x0 + 1); ++x)
                for (int j = head_[index(x, y)]; j >= 0; j = next_[j]) fn(j);
    }

private:
    void link(int i, int c) {
        cell_of_[i] = c;
        prev_[i] = -1;
        next_[i] = head_[c];
        if (head_[c] >= 0) prev_[head_[c]] = i;
        head_[c] = i;
    }
    int cx(float x) const { return std::min(nx_ - 1, std::max(0, static_cast<int>((x - min_x_) / cell_))); }
    int cy(float y) const { return std::min(ny_ - 1, std::max(0, static_cast<int>((y - min_y_) / cell_))); }
    int index(int x, int y) const { return y * nx_ + x; }

    float min_x_ = 0, min_y_ = 0, cell_ = 1;
    int nx_ = 1, ny_ = 1;
    std::vector<int> head_, next_, prev_, cell_of_;
};

}  // namespace explainer::layout
