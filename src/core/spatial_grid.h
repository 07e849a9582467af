// spatial_grid.h — a uniform grid over points for "who is near me" queries,
// rebuilt each iteration by counting sort (no allocation after the first).
// Internal to the layout.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "layout.h"

namespace explainer::layout {

class SpatialGrid {
public:
    // Cells are at least min_cell wide; the grid never has more than about
    // 4 × points cells, however far apart the points are.
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
        start_.assign(static_cast<std::size_t>(nx_) * ny_ + 1, 0);
        cell_of_.resize(pos.size());
        for (int i = 0; i < n; ++i) {
            cell_of_[i] = index(cx(pos[i].x), cy(pos[i].y));
            ++start_[cell_of_[i] + 1];
        }
        for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
        items_.resize(pos.size());
        fill_ = start_;
        for (int i = 0; i < n; ++i) items_[fill_[cell_of_[i]]++] = i;
    }

    // Calls fn(j) for every point in the 3×3 cells around point i (i included).
    template <class Fn>
    void near(const Vec2& p, Fn&& fn) const {
        const int x0 = cx(p.x), y0 = cy(p.y);
        for (int y = std::max(0, y0 - 1); y <= std::min(ny_ - 1, y0 + 1); ++y)
            for (int x = std::max(0, x0 - 1); x <= std::min(nx_ - 1, x0 + 1); ++x) {
                const int c = index(x, y);
                for (int k = start_[c]; k < start_[c + 1]; ++k) fn(items_[k]);
            }
    }

private:
    int cx(float x) const { return std::min(nx_ - 1, std::max(0, static_cast<int>((x - min_x_) / cell_))); }
    int cy(float y) const { return std::min(ny_ - 1, std::max(0, static_cast<int>((y - min_y_) / cell_))); }
    int index(int x, int y) const { return y * nx_ + x; }

    float min_x_ = 0, min_y_ = 0, cell_ = 1;
    int nx_ = 1, ny_ = 1;
    std::vector<int> start_, fill_, items_, cell_of_;
};

}  // namespace explainer::layout
