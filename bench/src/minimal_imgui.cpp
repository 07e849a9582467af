// minimal_imgui.cpp — the smallest ImGui + WebGL2 program, built with the
// explainer's own flags and renderer (bench/run.sh): one window with one
// line of text in ImGui's built-in font. The payload table sets the
// explainer's wasm beside it, so the bytes that are the app's own show.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "gl_renderer.h"

namespace {
void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(640, 480);
    ImGui::NewFrame();
    ImGui::Begin("Minimal");
    ImGui::TextUnformatted("Hello from ImGui on WebGL2");
    ImGui::End();
    ImGui::Render();
    static const float background[3] = {0.07f, 0.07f, 0.1f};
    gl_renderer::render(*ImGui::GetDrawData(), 640, 480, background);
}
}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.enableExtensionsByDefault = EM_FALSE;
    const auto ctx = emscripten_webgl_create_context("#canvas", &attrs);
    if (ctx <= 0) return 1;
    emscripten_webgl_make_context_current(ctx);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().Fonts->AddFontDefault();
    gl_renderer::start(false);   // ready() waits for the program
    gl_renderer::upload_fonts(*ImGui::GetIO().Fonts);
    if (!gl_renderer::ready()) return 1;
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
