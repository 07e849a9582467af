// line_index.h — "how near does any other line run to this point?" for many
// points over many polylines, in time that grows with the lines near the
// point, not with the whole map. The map asks it for every spot an edge label
// may take (a label nearer another line would name the wrong one); at 10k
// entities a scan of every line for every spot cost a second a frame.
//
// Usage:
//   line_index::LineIndex index;
//   index.build(paths, 24);                          // paths: polylines, screen px
//   float d = index.nearest(p, limit, own_path);     // ≤ limit; limit when nothing is nearer
#pragma once

#include <vector>

#include "core/layout/layout.h"

namespace explainer::line_index {

using layout::Vec2;

class LineIndex {
public:
    // Indexes every segment of every polyline (those with fewer than two
    // points have none) in a uniform grid of cells at least min_cell wide,
    // never more than about one cell per segment. Rebuilding reuses memory.
    void build(const std::vector<std::vector<Vec2>>& paths, float min_cell);

    // The least distance from p to a segment of any polyline but `skip`, or
    // `limit` when none comes nearer than that (segments farther than limit
    // are not looked at).
    float nearest(Vec2 p, float limit, int skip = -1) const;

private:
    struct Segment { Vec2 a, b; int path; };
    int cell_x(float x) const;
    int cell_y(float y) const;
    std::vector<Segment> segments_;
    std::vector<int> start_, items_;   // per cell, its segments: items_[start_[c] .. start_[c + 1])
    float min_x_ = 0, min_y_ = 0, cell_ = 1;
    int nx_ = 0, ny_ = 0;
};

}  // namespace explainer::line_index
