#include "focus_ring.h"

#include <imgui_internal.h>   // GetItemFlags: whether the item just drawn is disabled

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "theme.h"

namespace explainer::ui::focus_ring {

namespace {
int g_focused = -1;      // index in drawing order, or -1
int g_part = -1;         // the focused item's part (a choice, a step), or -1
int g_count = 0, g_count_last = 0;
bool g_press = false;
Area g_area = Area::Panel;
std::vector<Item> g_items, g_items_last;   // this frame's and the last whole frame's

std::string visible(const char* label) {   // ImGui's hidden id suffix is not part of what is read
    const char* id = std::strstr(label, "##");
    return id ? std::string(label, id) : std::string(label);
}
}  // namespace

void begin_frame() {
    g_count_last = g_count;
    g_count = 0;
    g_items_last.swap(g_items);
    g_items.clear();
    g_area = Area::Panel;
    if (g_focused >= g_count_last) g_focused = -1;
    // A press nobody took (the focused button went away) must not linger.
    if (g_focused < 0) {
        g_press = false;
        g_part = -1;
    }
}

void set_area(Area area) { g_area = area; }

bool button(const char* label, ImVec2 size, bool small) {
    const bool clicked = small ? ImGui::SmallButton(label) : ImGui::Button(label, size);
    return last_item(label) || clicked;
}

bool last_item(const char* label) {
    const int index = g_count++;
    bool pressed = false;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    Item item;
    item.label = visible(label);
    item.x = min.x;
    item.y = min.y;
    item.w = max.x - min.x;
    item.h = max.y - min.y;
    item.area = g_area;
    item.disabled = (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) != 0;
    g_items.push_back(std::move(item));
    if (index == g_focused) {
        ImGui::GetForegroundDrawList()->AddRect({min.x - 3, min.y - 3}, {max.x + 3, max.y + 3}, theme::kHighlight, 6, 0, 2.5f);
        ImGui::SetScrollHereY(0.5f);
        if (g_press) {
            pressed = !g_items.back().disabled;
            g_press = false;
        }
    }
    return pressed;
}

void mark_name(const char* name) {
    if (!g_items.empty()) g_items.back().label = name;
}

void mark_disclosure(bool expanded) {
    if (g_items.empty()) return;
    g_items.back().role = Role::Disclosure;
    g_items.back().expanded = expanded;
}

namespace {
void mark_list(Role role, std::vector<std::string> names, int chosen) {
    if (g_items.empty()) return;
    g_items.back().role = role;
    g_items.back().choices = std::move(names);
    g_items.back().chosen = chosen;
}
}  // namespace

void mark_choices(std::vector<std::string> choices, int chosen) { mark_list(Role::Choice, std::move(choices), chosen); }
void mark_steps(std::vector<std::string> names, int current) { mark_list(Role::Steps, std::move(names), current); }

const char* area_name(Area area) { return area == Area::Map ? "map" : "panel"; }

int part() { return g_part; }

int focused_part_of(const char* label) {
    return g_focused >= 0 && g_focused < static_cast<int>(g_items_last.size()) && g_items_last[g_focused].label == label
               ? g_part
               : -1;
}

bool tab(bool backwards) {
    g_part = -1;
    if (g_count_last == 0) return false;
    const int next = g_focused < 0 ? (backwards ? g_count_last - 1 : 0) : g_focused + (backwards ? -1 : 1);
    if (next < 0 || next >= g_count_last) {
        g_focused = -1;
        return false;
    }
    g_focused = next;
    return true;
}

bool press() {
    if (g_focused < 0) return false;
    g_press = true;
    return true;
}

bool focus_on(int index, const std::string& label, int item_part) {
    if (index < 0) {
        clear();
        return true;
    }
    if (index >= static_cast<int>(g_items_last.size()) || g_items_last[index].label != label) return false;
    g_focused = index;
    g_part = item_part;
    return true;
}

bool press_on(int index, const std::string& label, int item_part) {
    if (index < 0 || !focus_on(index, label, item_part)) return false;
    g_press = true;
    return true;
}

void clear() {
    g_focused = -1;
    g_part = -1;
    g_press = false;
}
const std::vector<Item>& items() { return g_items_last; }
const char* focused_label() {
    return g_focused >= 0 && g_focused < static_cast<int>(g_items_last.size()) ? g_items_last[g_focused].label.c_str() : "";
}

}  // namespace explainer::ui::focus_ring
