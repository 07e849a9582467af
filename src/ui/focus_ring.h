// focus_ring.h — keyboard focus for the UI's controls, and the list a screen
// reader bridge is generated from. ImGui 1.86's Tab only moves between text
// fields, so every control that a keyboard user must reach (the spoiler
// cover's buttons, Copy link, Glossary, the map's controls, the timeline) is
// drawn through button() or last_item() here. The ring keeps them in drawing
// order with their names and states (items()):
//  - on the desktop, Tab and Shift+Tab move a visible ring across them and
//    Enter or Space presses the one in focus;
//  - on the web, the page turns each item into a named, focusable DOM twin
//    (web/semantics.cpp, shell/page.js): the browser's Tab moves between the
//    twins, and a twin's focus and press come back here through focus_on()
//    and press_on(), so the ring shows what the screen reader announces.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace explainer::ui::focus_ring {

// Where an item sits; the page keeps the map's controls before the map and
// the panel's after it, the order they are seen in.
enum class Area { Map, Panel };
const char* area_name(Area area);   // "map" or "panel", as state() and the twins say it
// What a twin is: a button; a button that shows or hides a part
// (aria-expanded); a choice among names (a <select>); the step list.
enum class Role { Button, Disclosure, Choice, Steps };

struct Item {
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;
    Area area = Area::Panel;
    Role role = Role::Button;
    bool disabled = false;
    bool expanded = false;              // Disclosure: the part is showing
    std::vector<std::string> choices;   // Choice: the names; Steps: each step as it may be named
    int chosen = -1;                    // Choice: the one in force; Steps: the step on screen
};

void begin_frame();
// Items drawn from now on sit in this area (until the next call).
void set_area(Area area);
// An ImGui button in the ring; true when clicked or pressed by keyboard.
bool button(const char* label, ImVec2 size = {0, 0}, bool small = false);
// The item just drawn (a clickable line drawn by hand) joins the ring under
// label; true when Enter or Space presses it.
bool last_item(const char* label);
// What the item last added is (its role and state), for its twin; a name
// for one whose label reads as nothing ("x" for Close).
void mark_name(const char* name);
void mark_disclosure(bool expanded);
void mark_choices(std::vector<std::string> choices, int chosen);
void mark_steps(std::vector<std::string> names, int current);
// The part of the focused item a press or focus names: a choice or a step
// (-1: the item as a whole).
int part();
// The part in focus, when `label`'s item is in focus (-1 otherwise).
int focused_part_of(const char* label);

// Tab: moves focus on; false when it runs off either end.
bool tab(bool backwards);
bool press();              // Enter/Space: true when a button in focus takes it
// From a twin: focus item `index` (and its part), or nothing (index -1);
// press_on presses it in the next frame. Both check that the item at
// `index` is still the one named `label`: the list may have changed since.
bool focus_on(int index, const std::string& label, int part);
bool press_on(int index, const std::string& label, int part);
void clear();
const char* focused_label();   // "" when nothing is in focus
// Every item in the ring as drawn in the last whole frame, in drawing order:
// where a test finds a button by its label and where the twins come from.
const std::vector<Item>& items();

}  // namespace explainer::ui::focus_ring
