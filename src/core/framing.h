// framing.h — where the map's camera looks at a step.
//
// Labels are drawn at a fixed, readable size on screen, so what limits a view
// is how far apart the nodes are drawn: below `legible` zoom their labels
// crowd out one another. choose() shows the whole known map when it fits at
// a legible zoom; otherwise the step's focus with its neighbours; otherwise
// the focus alone, at whatever zoom fits it. All sizes are CSS px of the
// visible map area (never the part under the panel).
#pragma once

#include <vector>

#include "layout.h"

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

enum class Framed { Nothing, Everything, FocusAndNeighbours, Focus };

// The view that fits every subject into a width × height area, or
// Framed::Nothing (and view untouched) when subjects is empty.
bool fit(const std::vector<Subject>& subjects, float width, float height, const Limits& limits, View& view);

Framed choose(const std::vector<Subject>& everything, const std::vector<Subject>& focus_and_neighbours,
              const std::vector<Subject>& focus, float width, float height, const Limits& limits, View& view);

}  // namespace explainer::framing
