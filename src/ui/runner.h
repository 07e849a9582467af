// runner.h — what every host does the same way around the App: makes the
// ImGui context, keeps the fonts at the screen's pixel ratio, and runs one
// frame of the UI. A host (web/host_web.cpp, desktop/host_desktop.cpp) owns
// the window, the GL renderer, input and the loop; each frame it calls
// runner::frame() and draws what comes back.
#pragma once

#include <imgui.h>

#include "app.h"
#include "theme.h"

namespace runner {

// The drawing surface, in CSS px (or window points) and device pixels per px.
struct Surface {
    float width = 0, height = 0, pixel_ratio = 1;
};

// Makes the ImGui context with the theme's style and no ini or log files.
void create_context();

class Runner {
public:
    // The TrueType bytes stay owned by the caller and must outlive the runner.
    Runner(App& app, const unsigned char* ttf, int ttf_size) : app_(app), ttf_(ttf), ttf_size_(ttf_size) {}
    // Builds the fonts for this pixel ratio if they are not built for it yet;
    // true when it did (the host then uploads the atlas to its renderer).
    bool fonts_for(float pixel_ratio);
    const theme::Fonts& fonts() const { return fonts_; }
    // One frame of the UI: NewFrame, the app, Render. Call fonts_for() first.
    ImDrawData& frame(const Surface& surface, double now);

private:
    App& app_;
    const unsigned char* ttf_;
    int ttf_size_;
    theme::Fonts fonts_;
    float fonts_ratio_ = 0;
};

}  // namespace runner
