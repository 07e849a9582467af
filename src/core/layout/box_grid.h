// box_grid.h — a uniform grid over boxes, built once, for "what lies in this
// rectangle?" queries that look only at the cells the rectangle touches. Each
// cell's items sit in one array (counted, then filled): no allocation per
// item, and rebuilding reuses the memory. The map's line index and the edge
// router's obstacles both use it.
//
// Usage:
//   box_grid::BoxGrid grid;
//   grid.build(boxes, 24);                       // boxes: {x0, y0, x1, y1}; a point is a box of no size
//   grid.visit(x0, y0, x1, y1, [&](int i) {});   // an item spanning several cells comes once per cell
//   grid.any(x0, y0, x1, y1, [&](int i) { return …; });   // stops at the first true
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace explainer::box_grid {

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

class BoxGrid {
public:
    // Cells at least min_cell wide, and never more than about one per item.
    // Boxes with a non-finite corner are left out.
    void build(const std::vector<Box>& boxes, float min_cell) {
        float x1 = -1e30f, y1 = -1e30f;
        x0_ = y0_ = 1e30f;
        auto finite = [](const Box& b) { return std::isfinite(b.x0) && std::isfinite(b.y0) && std::isfinite(b.x1) && std::isfinite(b.y1); };
        std::size_t n = 0;
        for (const auto& b : boxes)
            if (finite(b)) {
                ++n;
                x0_ = std::min(x0_, b.x0), y0_ = std::min(y0_, b.y0), x1 = std::max(x1, b.x1), y1 = std::max(y1, b.y1);
            }
        nx_ = ny_ = 0;
        start_.clear();
        items_.clear();
        if (n == 0) return;
        const float w = std::max(x1 - x0_, 1.0f), h = std::max(y1 - y0_, 1.0f);
        cell_ = std::max({min_cell, 1.0f, std::sqrt(w * h / static_cast<float>(n))});
        nx_ = static_cast<int>(w / cell_) + 1;
        ny_ = static_cast<int>(h / cell_) + 1;
        start_.assign(static_cast<std::size_t>(nx_) * ny_ + 1, 0);
        for (const auto& b : boxes)
            if (finite(b)) each_cell(b.x0, b.y0, b.x1, b.y1, [&](std::size_t c) { ++start_[c + 1]; });
        for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
        items_.resize(static_cast<std::size_t>(start_.back()));
        fill_.assign(start_.begin(), start_.end() - 1);
        for (std::size_t i = 0; i < boxes.size(); ++i)
            if (finite(boxes[i]))
                each_cell(boxes[i].x0, boxes[i].y0, boxes[i].x1, boxes[i].y1,
                          [&](std::size_t c) { items_[static_cast<std::size_t>(fill_[c]++)] = static_cast<int>(i); });
    }

    // fn(i) for each item in a cell that [x0, x1] × [y0, y1] touches (a
    // superset of those that overlap it: callers test the items).
    template <class Fn>
    void visit(float x0, float y0, float x1, float y1, Fn&& fn) const {
        if (nx_ == 0) return;
        each_cell(x0, y0, x1, y1, [&](std::size_t c) {
            for (int k = start_[c]; k < start_[c + 1]; ++k) fn(items_[static_cast<std::size_t>(k)]);
        });
    }

    // Whether pred(i) holds for an item in a cell that [x0, x1] × [y0, y1]
    // touches; stops at the first that does.
    template <class Pred>
    bool any(float x0, float y0, float x1, float y1, Pred&& pred) const {
        if (nx_ == 0) return false;
        const int cx0 = clamped((x0 - x0_) / cell_, nx_), cx1 = clamped((x1 - x0_) / cell_, nx_);
        const int cy0 = clamped((y0 - y0_) / cell_, ny_), cy1 = clamped((y1 - y0_) / cell_, ny_);
        for (int y = cy0; y <= cy1; ++y)
            for (int x = cx0; x <= cx1; ++x) {
                const std::size_t c = static_cast<std::size_t>(y) * nx_ + x;
                for (int k = start_[c]; k < start_[c + 1]; ++k)
                    if (pred(items_[static_cast<std::size_t>(k)])) return true;
            }
        return false;
    }

private:
    // The cell of a coordinate, clamped to the grid (NaN: the first).
    static int clamped(float v, int n) { return v >= 0 ? (v < static_cast<float>(n) ? static_cast<int>(v) : n - 1) : 0; }
    template <class Fn>
    void each_cell(float x0, float y0, float x1, float y1, Fn&& fn) const {
        const int cx0 = clamped((x0 - x0_) / cell_, nx_), cx1 = clamped((x1 - x0_) / cell_, nx_);
        const int cy0 = clamped((y0 - y0_) / cell_, ny_), cy1 = clamped((y1 - y0_) / cell_, ny_);
        for (int y = cy0; y <= cy1; ++y)
            for (int x = cx0; x <= cx1; ++x) fn(static_cast<std::size_t>(y) * nx_ + x);
    }
    float x0_ = 0, y0_ = 0, cell_ = 1;
    int nx_ = 0, ny_ = 0;
    std::vector<int> start_, items_, fill_;   // per cell, its items: items_[start_[c] .. start_[c + 1])
};

}  // namespace explainer::box_grid
