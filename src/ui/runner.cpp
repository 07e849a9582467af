#include "runner.h"

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
