#include "core/layout/framing.h"

#include <algorithm>

namespace explainer::framing {

namespace {
constexpr float kPad = 14.0f;   // px kept clear at the area's edges
}  // namespace

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

namespace {

// A frame narrower than the map slides, within the room its subjects leave
// it, to fill a side that would show nothing with what the other side cuts
// off: a phone's map left empty above the epilogue's focus, the rest of the
// map hidden under the legend, shows the rest instead. Every framed subject
// stays inside, and a frame with the map beyond both sides stays put.
void lean(View& view, const std::vector<Subject>& framed, const std::vector<Subject>& everything, float width,
          float height) {
    if (framed.empty() || everything.empty()) return;
    const float z = view.zoom;
    const auto axis = [&](float Vec2::*c, float size) {
        const float half = size / (2 * z);
        float lo = -1e30f, hi = 1e30f, e0 = 1e30f, e1 = -1e30f;   // the centre's room; the map's extent
        for (const auto& s : framed) {
            const float reach = (s.half_px.*c + kPad) / z;
            lo = std::max(lo, s.pos.*c + reach - half);
            hi = std::min(hi, s.pos.*c - reach + half);
        }
        for (const auto& s : everything) {
            e0 = std::min(e0, s.pos.*c - s.half_px.*c / z);
            e1 = std::max(e1, s.pos.*c + s.half_px.*c / z);
        }
        // Slide only to fill an empty side with what the other side cuts off.
        const float w0 = view.centre.*c - half, w1 = view.centre.*c + half;
        const float shift = std::min(std::max(0.0f, e0 - w0), std::max(0.0f, e1 - w1)) -
                            std::min(std::max(0.0f, w1 - e1), std::max(0.0f, w0 - e0));
        if (lo <= hi) view.centre.*c = std::clamp(view.centre.*c + shift, std::min(lo, view.centre.*c), std::max(hi, view.centre.*c));
    };
    axis(&Vec2::x, width);
    axis(&Vec2::y, height);
}

}  // namespace

Framed choose(const Choices& c, float width, float height, const Limits& limits, View& view) {
    View v;
    if (fit(c.everything, width, height, limits, v) && v.zoom >= limits.legible) {
        view = v;
        return Framed::Everything;
    }
    if (fit(c.focus_and_neighbours, width, height, limits, v) && v.zoom >= limits.legible) {
        lean(v, c.focus_and_neighbours, c.everything, width, height);
        view = v;
        return Framed::FocusAndNeighbours;
    }
    if (fit(c.step, width, height, limits, v) && v.zoom >= limits.legible * kStepZoomShare) {
        lean(v, c.step, c.everything, width, height);
        view = v;
        return Framed::Step;
    }
    if (fit(c.focus, width, height, limits, v)) {
        lean(v, c.focus, c.everything, width, height);
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
