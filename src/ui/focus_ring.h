// focus_ring.h — keyboard focus for the UI's buttons. ImGui 1.86's Tab only
// moves between text fields, so every button that a keyboard user must reach
// (the spoiler cover's, Copy link, Glossary, the map's controls) is drawn
// through button() here: Tab and Shift+Tab move a visible focus ring across
// them in drawing order, and Enter or Space presses the one in focus.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace focus_ring {

void begin_frame();
// An ImGui button in the ring; true when clicked or pressed by keyboard.
bool button(const char* label, ImVec2 size = {0, 0}, bool small = false);
// The item just drawn (a clickable line drawn by hand) joins the ring under
// label; true when Enter or Space presses it.
bool last_item(const char* label);
// Tab: moves focus on; false when it runs off either end (the browser may
// then take focus out of the canvas).
bool tab(bool backwards);
bool press();              // Enter/Space: true when a button in focus takes it
void clear();
bool active();
const char* focused_label();   // "" when nothing is in focus
// Every item in the ring as drawn in the last whole frame, in drawing order:
// where a test (or a screen reader bridge) finds a button by its label.
struct Item {
    std::string label;
    float x, y, w, h;
};
const std::vector<Item>& items();

}  // namespace focus_ring
