// line_index.h — "how near does any other line run to this point?" for many
// points over many polylines, in time that grows with the lines near the
// point, not with the whole map. The map asks it for every spot an edge label
// may take (a label nearer another line would name the wrong one); at 10k
// entities a scan of every line for every spot cost a second a frame.
//
// Usage:
//   line_index::LineIndex index;
//   index.build(paths, 24, region);                  // paths: polylines, screen px
//   if (index.within(p, limit, own_path)) …          // another line runs nearer p than limit
#pragma once

#include <limits>
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
    //
    // `region` is where the questions will be asked (the map on screen): the
    // grid covers what of the lines lies there, in pieces about a cell long,
    // so a zoomed-in map's lines far out of sight neither widen its cells nor
    // fill them, and a long diagonal does not sit in a square of cells. What
    // lies outside is kept in a list that only a question reaching out of the
    // region reads: every answer is exact wherever it is asked.
    void build(const std::vector<std::vector<Vec2>>& paths, float min_cell,
               const box_grid::Box& region = {-std::numeric_limits<float>::max(), -std::numeric_limits<float>::max(),
                                              std::numeric_limits<float>::max(), std::numeric_limits<float>::max()});

    // Whether a segment of any polyline but `skip` comes nearer p than
    // `limit`. Stops at the first that does (on a dense map, most questions
    // are answered by the first line looked at); segments farther than limit
    // are not looked at.
    bool within(Vec2 p, float limit, int skip = -1) const;

private:
    struct Segment { Vec2 a, b; int path; };
    std::vector<Segment> segments_;
    std::vector<box_grid::Box> pieces_;    // in the grid: boxes of pieces of segments inside the region
    std::vector<int> piece_segment_;       // each piece's segment
    std::vector<int> outside_;             // segments with a part outside the region
    box_grid::Box region_;
    box_grid::BoxGrid grid_;
};

}  // namespace explainer::line_index
