#include "focus_ring.h"

#include <string>

#include "theme.h"

namespace focus_ring {

namespace {
int g_focused = -1;      // index in drawing order, or -1
int g_count = 0, g_count_last = 0;
bool g_press = false;
// A copy: callers pass labels built for one frame (std::string::c_str()).
std::string g_label;
}  // namespace

void begin_frame() {
    g_count_last = g_count;
    g_count = 0;
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
const char* focused_label() { return g_focused >= 0 ? g_label.c_str() : ""; }

}  // namespace focus_ring
