// headless_ui.h — the App with its ImGui context and fonts and no window, as
// the App's doctests (tests/ui/test_app.cpp), the fuzz target that drives it
// (tests/fuzz/fuzz_app.cpp) and the frame benchmark (bench/src/frames_native.cpp)
// all need it: the fonts are built and their atlas read as a host reads it to
// upload, so frames can be drawn with no renderer. Each links a host of its
// choice (tests/ui/host_recording.cpp, or host_null.cpp here).
#pragma once

#include <imgui.h>

#include <string>

#include "app.h"
#include "core/text/file_text.h"
#include "runner.h"

namespace headless_ui {

struct Ui {
    explainer::ui::app::App app;
    std::string font;
    explainer::ui::runner::Runner* runner = nullptr;
    bool ok = false;   // false: the font file could not be read
    explicit Ui(const char* font_file) {
        explainer::ui::runner::create_context();
        if (explainer::file_text::read(font_file, font, 16u << 20) != explainer::file_text::Read::Ok) return;
        runner = new explainer::ui::runner::Runner(app, reinterpret_cast<const unsigned char*>(font.data()), static_cast<int>(font.size()));
        runner->fonts_for(1.0f);
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        ok = true;
    }
};

}  // namespace headless_ui
