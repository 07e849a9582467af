#include "theme.h"

#include <cmath>

namespace theme {

using explainer::story::Kind;

ImU32 with_alpha(ImU32 color, float alpha) {
    const auto a = static_cast<unsigned>(((color >> IM_COL32_A_SHIFT) & 0xFF) * (alpha < 0 ? 0 : alpha > 1 ? 1 : alpha));
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImU32 kind_color(Kind kind, float alpha) {
    ImU32 c = IM_COL32(184, 188, 200, 255);
    switch (kind) {
        case Kind::Character: c = IM_COL32(236, 104, 110, 255); break;
        case Kind::Group: c = IM_COL32(242, 180, 90, 255); break;
        case Kind::Species: c = IM_COL32(95, 179, 240, 255); break;
        case Kind::Program: c = IM_COL32(160, 128, 245, 255); break;
        case Kind::Place: c = IM_COL32(88, 199, 154, 255); break;
        case Kind::Term: break;
    }
    return with_alpha(c, alpha);
}

const char* kind_title(Kind kind) {
    switch (kind) {
        case Kind::Character: return "Character";
        case Kind::Group: return "Group";
        case Kind::Species: return "Species";
        case Kind::Program: return "Program";
        case Kind::Place: return "Place";
        case Kind::Term: return "Term";
    }
    return "";
}

const char* kind_plural(Kind kind) {
    switch (kind) {
        case Kind::Character: return "Characters";
        case Kind::Group: return "Groups";
        case Kind::Species: return "Species";
        case Kind::Program: return "Programs";
        case Kind::Place: return "Places";
        case Kind::Term: return "Terms";
    }
    return "";
}

void draw_shape(ImDrawList* dl, Kind kind, ImVec2 c, float r, ImU32 fill, ImU32 outline, bool detailed) {
    const float t = r * 0.12f + 1.0f;
    // Circles take as many segments as their size needs (ImGui's own
    // tessellation, 0), not a fixed 32: a small node is most of a big map.
    if (!detailed) {   // a crowded map: fill only, coarse circles
        if (kind == Kind::Character || kind == Kind::Term) dl->AddCircleFilled(c, r, fill, 8);
        else if (kind == Kind::Group) dl->AddNgonFilled(c, r * 1.08f, fill, 6);
        else dl->AddRectFilled({c.x - r, c.y - r}, {c.x + r, c.y + r}, fill, kind == Kind::Program ? r * 0.3f : 0.0f);
        return;
    }
    switch (kind) {
        case Kind::Character:
            dl->AddCircleFilled(c, r, fill, 0);
            dl->AddCircle(c, r, outline, 0, t);
            break;
        case Kind::Group:
            dl->AddNgonFilled(c, r * 1.08f, fill, 6);
            dl->AddNgon(c, r * 1.08f, outline, 6, t);
            break;
        case Kind::Species: {
            const ImVec2 p[4] = {{c.x, c.y - r * 1.2f}, {c.x + r * 1.2f, c.y}, {c.x, c.y + r * 1.2f}, {c.x - r * 1.2f, c.y}};
            dl->AddConvexPolyFilled(p, 4, fill);
            dl->AddPolyline(p, 4, outline, ImDrawFlags_Closed, t);
            break;
        }
        case Kind::Program:
            dl->AddRectFilled({c.x - r, c.y - r}, {c.x + r, c.y + r}, fill, r * 0.3f);
            dl->AddRect({c.x - r, c.y - r}, {c.x + r, c.y + r}, outline, r * 0.3f, 0, t);
            break;
        case Kind::Place: {
            const ImVec2 p[3] = {{c.x, c.y - r * 1.15f}, {c.x + r * 1.1f, c.y + r * 0.85f}, {c.x - r * 1.1f, c.y + r * 0.85f}};
            dl->AddConvexPolyFilled(p, 3, fill);
            dl->AddPolyline(p, 3, outline, ImDrawFlags_Closed, t);
            break;
        }
        case Kind::Term:
            dl->AddCircleFilled(c, r * 0.8f, with_alpha(fill, 0.35f), 0);
            dl->AddCircle(c, r * 0.8f, fill, 0, t * 1.4f);
            break;
    }
}

void apply_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 10;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.PopupRounding = 8;
    style.WindowBorderSize = 0;
    style.FramePadding = {10, 6};
    style.ItemSpacing = {10, 8};
    style.WindowPadding = {18, 16};
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.105f, 0.115f, 0.15f, 0.97f);
    c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.14f, 0.18f, 0.98f);
    c[ImGuiCol_Button] = ImVec4(0.22f, 0.24f, 0.31f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.27f, 0.30f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.65f, 0.20f, 0.24f, 1);
    c[ImGuiCol_Text] = ImVec4(0.91f, 0.92f, 0.94f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.63f, 0.65f, 0.71f, 1);
    c[ImGuiCol_Separator] = ImVec4(0.3f, 0.32f, 0.4f, 1);
    c[ImGuiCol_Header] = ImVec4(0.22f, 0.24f, 0.31f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.3f, 0.32f, 0.42f, 1);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace theme
