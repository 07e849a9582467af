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

#include "core/layout/box_grid.h"
#include "core/layout/layout.h"

namespace explainer::line_index {

using layout::Vec2;

class LineIndex {
public:
    // Indexes every segment of every polyline (those with fewer than two
    // points have none; a segment with a non-finite end is left out), in
    // cells at least min_cell wide. Rebuilding reuses memory.
    void build(const std::vector<std::vector<Vec2>>& paths, float min_cell);

    // The least distance from p to a segment of any polyline but `skip`, or
    // `limit` when none comes nearer than that (segments farther than limit
    // are not looked at).
    float nearest(Vec2 p, float limit, int skip = -1) const;

private:
    struct Segment { Vec2 a, b; int path; };
    std::vector<Segment> segments_;
    std::vector<box_grid::Box> boxes_;
    box_grid::BoxGrid grid_;
};

}  // namespace explainer::line_index
