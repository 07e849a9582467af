// theme.h — colours, shapes and fonts of the explainer, in one place.
#pragma once

#include <imgui.h>

#include "core/story/story.h"

namespace explainer::ui::theme {

constexpr float kBodySize = 16.0f;    // CSS px
constexpr float kTitleSize = 23.0f;
constexpr float kLabelSize = 14.0f;   // map label size the layout's boxes are measured at
// Map labels are drawn at a fixed, readable size on screen: never under 13
// CSS px whatever the zoom, a little larger when a big screen zooms in.
inline float label_px(float zoom) { return zoom * 13.5f < 13.0f ? 13.0f : zoom * 13.5f > 24.0f ? 24.0f : zoom * 13.5f; }
constexpr float kNodeRadius = 13.0f;

ImU32 kind_color(explainer::story::Kind kind, float alpha = 1.0f);
const char* kind_title(explainer::story::Kind kind);    // "Character", …
const char* kind_plural(explainer::story::Kind kind);   // "Characters", …, "Species"
// Draws the node shape for a kind, centred at c.
// detailed = false: fill only, coarse (a crowded map, where outlines and
// smooth curves cost vertices nobody can see).
void draw_shape(ImDrawList* dl, explainer::story::Kind kind, ImVec2 c, float r, ImU32 fill, ImU32 outline,
                bool detailed = true);
ImU32 with_alpha(ImU32 color, float alpha);

constexpr ImU32 kBackground = IM_COL32(17, 19, 26, 255);
constexpr ImU32 kEdge = IM_COL32(150, 158, 178, 150);
constexpr ImU32 kEdgeNew = IM_COL32(255, 214, 102, 255);
constexpr ImU32 kHighlight = IM_COL32(255, 214, 102, 255);
constexpr ImU32 kText = IM_COL32(232, 234, 240, 255);
constexpr ImU32 kTextDim = IM_COL32(160, 166, 182, 255);
constexpr ImU32 kTextSoft = IM_COL32(196, 200, 212, 255);
constexpr ImU32 kReveal = IM_COL32(255, 99, 146, 255);
constexpr ImU32 kOverturned = IM_COL32(255, 138, 92, 255);    // a belief crossed out at this step
constexpr ImU32 kConfirmed = IM_COL32(120, 214, 160, 255);   // a hedge the story settles
constexpr ImU32 kEdgeMuted = IM_COL32(110, 116, 134, 120);    // a belief overturned earlier

void apply_style(float scale);

// The UI's two sizes of DejaVu Sans, holding exactly the characters the
// stories and the UI draw (glyph_ranges.h, generated at build time).
struct Fonts {
    ImFont* body = nullptr;
    ImFont* title = nullptr;
};
// Rasterised at the pixel ratio and drawn at 1/ratio, so text is crisp on
// high-DPI screens. The atlas does not own the TrueType bytes: keep them.
Fonts build_fonts(ImFontAtlas& atlas, const unsigned char* ttf, int ttf_size, float pixel_ratio);

}  // namespace explainer::ui::theme
