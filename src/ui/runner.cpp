#include "runner.h"

#include <cstring>

#include "focus_ring.h"

namespace explainer::ui::runner {

void create_context() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // nothing of a session is written anywhere
    io.LogFilename = nullptr;
    theme::apply_style(1.0f);
}

bool Runner::fonts_for(float pixel_ratio) {
    if (pixel_ratio == fonts_ratio_) return false;
    fonts_ = theme::build_fonts(*ImGui::GetIO().Fonts, ttf_, ttf_size_, pixel_ratio);
    fonts_ratio_ = pixel_ratio;
    return true;
}

namespace {

// FNV-1a over bytes, eight at a time (a frame's UI lists are tens of KB).
std::uint64_t mix(std::uint64_t h, const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (; size >= 8; size -= 8, p += 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ull;
    }
    for (; size > 0; --size, ++p) h = (h ^ *p) * 0x100000001b3ull;
    return h;
}

std::uint64_t hash_of(const ImDrawData& d) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    h = mix(h, &d.DisplaySize, sizeof d.DisplaySize);
    h = mix(h, &d.FramebufferScale, sizeof d.FramebufferScale);
    for (int i = 0; i < d.CmdListsCount; ++i) {
        const ImDrawList* l = d.CmdLists[i];
        h = mix(h, &i, sizeof i);
        h = mix(h, l->VtxBuffer.Data, sizeof(ImDrawVert) * static_cast<std::size_t>(l->VtxBuffer.Size));
        h = mix(h, l->IdxBuffer.Data, sizeof(ImDrawIdx) * static_cast<std::size_t>(l->IdxBuffer.Size));
        for (const ImDrawCmd& c : l->CmdBuffer) {
            h = mix(h, &c.ClipRect, sizeof c.ClipRect);
            h = mix(h, &c.TextureId, sizeof c.TextureId);
            const unsigned int at[3] = {c.VtxOffset, c.IdxOffset, c.ElemCount};
            h = mix(h, at, sizeof at);
        }
    }
    return h;
}

}  // namespace

ImDrawData& Runner::frame(const Surface& surface, double now) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(surface.width, surface.height);
    io.DisplayFramebufferScale = ImVec2(surface.pixel_ratio, surface.pixel_ratio);
    ImGui::NewFrame();
    focus_ring::begin_frame();
    app_.frame(now, fonts_);
    ImGui::Render();
    // The map draws on a layer of its own (kept while it is still), under
    // every window, where ImGui's background list would be.
    ImDrawData& imgui = *ImGui::GetDrawData();
    ImDrawList* map = app_.map_layer();
    const std::uint64_t hash = hash_of(imgui) ^ (map ? 0x9e3779b97f4a7c15ull : 0);
    unchanged_ = (!map || app_.map_kept()) && hash == last_hash_;
    last_hash_ = hash;
    if (!map || map->CmdBuffer.empty()) return imgui;
    lists_.resize(0);
    lists_.push_back(map);
    for (int i = 0; i < imgui.CmdListsCount; ++i) lists_.push_back(imgui.CmdLists[i]);
    drawn_ = imgui;
    drawn_.CmdLists = lists_.Data;
    drawn_.CmdListsCount = lists_.Size;
    drawn_.TotalVtxCount += map->VtxBuffer.Size;
    drawn_.TotalIdxCount += map->IdxBuffer.Size;
    return drawn_;
}

void Runner::pointer_pressed() { focus_ring::clear(); }

void Runner::after_draw() {
    const std::string picture = app_.take_picture();
    if (!picture.empty()) host::save_canvas(picture);
}

}  // namespace explainer::ui::runner
