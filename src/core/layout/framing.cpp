#include "core/layout/framing.h"

#include <algorithm>

namespace explainer::framing {

namespace {
constexpr float kPad = 14.0f;   // px kept clear at the area's edges
}

Limits limits_for(float width, float height) {
    Limits l;
    // A laptop's map area (~850 × 750) frames at up to 1.3; a 4K one at up
    // to about 3. A phone keeps 1.3: closer would show too little.
    l.max_frame = std::clamp(std::min(width, height) / 600.0f, 1.3f, 3.2f);
    l.legible = std::clamp(0.7f * std::min(width, height) / 750.0f, 0.55f, 0.7f * l.max_frame / 1.3f);
    l.max_zoom = std::max(4.0f, l.max_frame * 2);
    return l;
}

bool fit(const std::vector<Subject>& subjects, float width, float height, const Limits& limits, View& view) {
    if (subjects.empty()) return false;
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f, mx = 0, my = 0;
    for (const auto& s : subjects) {
        x0 = std::min(x0, s.pos.x); x1 = std::max(x1, s.pos.x);
        y0 = std::min(y0, s.pos.y); y1 = std::max(y1, s.pos.y);
        mx = std::max(mx, s.half_px.x);
        my = std::max(my, s.half_px.y);
    }
    const float room_x = width - 2 * (mx + kPad), room_y = height - 2 * (my + kPad);
    float zoom = limits.max_frame;
    if (x1 - x0 > 1e-3f) zoom = std::min(zoom, room_x / (x1 - x0));
    if (y1 - y0 > 1e-3f) zoom = std::min(zoom, room_y / (y1 - y0));
    view.zoom = std::clamp(zoom, limits.min_zoom, limits.max_frame);
    view.centre = {(x0 + x1) / 2, (y0 + y1) / 2};
    return true;
}

Framed choose(const Choices& c, float width, float height, const Limits& limits, View& view) {
    View v;
    if (fit(c.everything, width, height, limits, v) && v.zoom >= limits.legible) {
        view = v;
        return Framed::Everything;
    }
    if (fit(c.focus_and_neighbours, width, height, limits, v) && v.zoom >= limits.legible) {
        view = v;
        return Framed::FocusAndNeighbours;
    }
    if (fit(c.step, width, height, limits, v) && v.zoom >= limits.legible * kStepZoomShare) {
        view = v;
        return Framed::Step;
    }
    if (fit(c.focus, width, height, limits, v)) {
        view = v;
        return Framed::Focus;
    }
    if (fit(c.everything, width, height, limits, v)) {
        view = v;
        return Framed::Everything;
    }
    return Framed::Nothing;
}

}  // namespace explainer::framing
