#include "focus_ring.h"

#include <cstring>
#include <string>
#include <vector>

#include "theme.h"

namespace focus_ring {

namespace {
int g_focused = -1;      // index in drawing order, or -1
int g_count = 0, g_count_last = 0;
bool g_press = false;
// A copy: callers pass labels built for one frame (std::string::c_str()).
std::string g_label;
std::vector<Item> g_items, g_items_last;   // this frame's and the last whole frame's
}  // namespace

void begin_frame() {
    g_count_last = g_count;
    g_count = 0;
    g_items_last.swap(g_items);
    g_items.clear();
    if (g_focused >= g_count_last) g_focused = -1;
    // A press nobody took (the focused button went away) must not linger.
    if (g_focused < 0) g_press = false;
}

bool button(const char* label, ImVec2 size, bool small) {
    const bool clicked = small ? ImGui::SmallButton(label) : ImGui::Button(label, size);
    return last_item(label) || clicked;
}

bool last_item(const char* label) {
    const int index = g_count++;
    bool pressed = false;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const char* id = std::strstr(label, "##");   // ImGui's hidden id suffix is not part of what is read
    g_items.push_back({id ? std::string(label, id) : std::string(label), min.x, min.y, max.x - min.x, max.y - min.y});
    if (index == g_focused) {
        g_label = label;
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetForegroundDrawList()->AddRect({a.x - 3, a.y - 3}, {b.x + 3, b.y + 3}, theme::kHighlight, 6, 0, 2.5f);
        ImGui::SetScrollHereY(0.5f);
        if (g_press) {
            pressed = true;
            g_press = false;
        }
    }
    return pressed;
}

bool tab(bool backwards) {
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

void clear() { g_focused = -1; g_press = false; }
bool active() { return g_focused >= 0; }
const std::vector<Item>& items() { return g_items_last; }
const char* focused_label() { return g_focused >= 0 ? g_label.c_str() : ""; }

}  // namespace focus_ring
