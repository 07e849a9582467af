// framing.h — where the map's camera looks at a step.
//
// Labels are drawn at a fixed, readable size on screen, so what limits a view
// is how far apart the nodes are drawn: below `legible` zoom their labels
// crowd out one another. choose() shows the whole known map when it fits at
// a legible zoom; otherwise the step's focus with its neighbours; otherwise
// the step's own picture (its focus and both ends of every line it adds),
// closer together than is comfortable if it must, since a line whose far end
// is off screen tells the reader nothing; otherwise the focus alone, at
// whatever zoom fits it. A frame narrower than the map then slides, keeping
// what it frames inside, to fill a side that would show nothing with what the
// other side cuts off. All sizes are CSS px of the
// visible map area (never the part under the panel).
#pragma once

#include <vector>

#include "core/layout/layout.h"

namespace explainer::framing {

using layout::Vec2;

struct View {
    Vec2 centre;      // world point at the middle of the map area
    float zoom = 1;   // px per world unit
};

struct Limits {
    float min_zoom = 0.1f;    // the reader may zoom out this far
    float legible = 0.7f;     // framing picks no less than this where it can
    float max_frame = 1.3f;   // framing picks no more than this
    float max_zoom = 4.0f;    // the reader may zoom in this far
};
// Limits that follow the screen: a big map area may frame closer, so a 4K
// window is filled rather than left two-thirds empty.
Limits limits_for(float width, float height);

struct Subject {
    Vec2 pos;         // world position of a node
    Vec2 half_px;     // half extents of the node with its label, on screen
};

enum class Framed { Nothing, Everything, FocusAndNeighbours, Step, Focus };

// The view that fits every subject into a width × height area, or
// Framed::Nothing (and view untouched) when subjects is empty.
bool fit(const std::vector<Subject>& subjects, float width, float height, const Limits& limits, View& view);

// The candidates, widest first.
struct Choices {
    std::vector<Subject> everything;             // every node on the map
    std::vector<Subject> focus_and_neighbours;   // the focus and whatever it is joined to
    std::vector<Subject> step;                   // the focus and both ends of the step's own lines
    std::vector<Subject> focus;                  // the focus alone
};
// The step's own picture may be framed down to this share of the legible zoom.
constexpr float kStepZoomShare = 0.6f;

Framed choose(const Choices& choices, float width, float height, const Limits& limits, View& view);

}  // namespace explainer::framing
