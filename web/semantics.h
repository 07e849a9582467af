// semantics.h — the canvas's semantic layer, as the page gets it: every item
// of the focus ring (src/ui/focus_ring.h) with its name, role, state and
// rectangle, as JSON for shell/controls.js, which keeps one named, focusable
// DOM twin per item (the way Flutter's web engine mirrors its canvas). One
// source: the twins are generated from the ring's items, never written by hand.
#pragma once

#include <string>
#include <vector>

#include "focus_ring.h"

namespace semantics {

// {"items":[{"name","area":"map"|"panel","role":"button"|"disclosure"|"choice"|"steps",
//   "x","y","w","h" (CSS px of the canvas, whole), "disabled", and per role
//   "expanded" / "choices","chosen"}]}
std::string describe(const std::vector<explainer::ui::focus_ring::Item>& items);
// Whether two lists describe alike (rectangles in whole pixels): the host
// asks this each frame, and describes only a list that changed.
bool same(const std::vector<explainer::ui::focus_ring::Item>& a, const std::vector<explainer::ui::focus_ring::Item>& b);

}  // namespace semantics
