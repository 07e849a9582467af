// runner.h — what every host does the same way around the App: makes the
// ImGui context, keeps the fonts at the screen's pixel ratio, runs one frame
// of the UI and finishes it. A host (web/host_web.cpp,
// desktop/host_desktop.cpp) owns the window, the GL renderer, input and the
// loop.
//
// Usage, the same in every host:
//     runner::create_context();                  // once its GL context is current
//     runner::Runner ui(app, ttf, ttf_size);
//     ui.fonts_for(pixel_ratio);                 // then upload the atlas
//     app.load(story, problems);                 // false: show the problems, open nothing
//     while (app.prepare()) {}                   // optional: the map's layout in parts
//     app.open_link(fragment, from_history);     // the one way in for a link
//     each frame:
//         if (ui.fonts_for(pixel_ratio)) upload the atlas again;
//         draw ui.frame(surface, now);
//         ui.after_draw();                       // before the pixels are gone
//         app.idle(now);                         // work ahead, while the map is still
//     on a pointer press, as it arrives: runner::Runner::pointer_pressed();
// The web host opens its link through the page (page.js decides it from the
// address and the tab's history), the desktop from its command line. The web
// host runs the start a stage a task (fonts, story, the map's layout in
// tasks of a few parts, program, link, first frame), so that no one task
// holds the page for all of it.
#pragma once

#include <imgui.h>

#include <cstdint>

#include "app.h"
#include "theme.h"

namespace explainer::ui::runner {

// The drawing surface, in CSS px (or window points) and device pixels per px.
struct Surface {
    float width = 0, height = 0, pixel_ratio = 1;
};

// Makes the ImGui context with the theme's style and no ini or log files.
void create_context();

class Runner {
public:
    // The TrueType bytes stay owned by the caller and must outlive the runner.
    Runner(app::App& app, const unsigned char* ttf, int ttf_size) : app_(app), ttf_(ttf), ttf_size_(ttf_size) {}
    // Builds the fonts for this pixel ratio if they are not built for it yet;
    // true when it did (the host then uploads the atlas to its renderer).
    bool fonts_for(float pixel_ratio);
    const theme::Fonts& fonts() const { return fonts_; }
    // One frame of the UI: NewFrame, the app, Render. Call fonts_for() first.
    ImDrawData& frame(const Surface& surface, double now);
    // The frame just made is the one before it, to the pixel (the map kept,
    // ImGui's lists the same bytes, the same surface): a host whose screen
    // keeps its last picture (a WebGL canvas does) need not draw it again.
    bool unchanged() const { return unchanged_; }
    // A pointer press ends keyboard focus, as in a browser. The host calls it
    // as the press arrives, not a frame later: a twin's press (Enter on a
    // DOM twin) that follows the click before the next frame must survive.
    static void pointer_pressed();
    // Once the host has drawn the frame and before it is shown: saves the
    // picture "Save image" asked for (this frame, with its title band).
    void after_draw();

private:
    app::App& app_;
    const unsigned char* ttf_;
    int ttf_size_;
    theme::Fonts fonts_;
    float fonts_ratio_ = 0;
    // The frame as drawn: the map's layer first, then ImGui's lists.
    ImVector<ImDrawList*> lists_;
    ImDrawData drawn_;
    std::uint64_t last_hash_ = 0;
    bool unchanged_ = false;
};

}  // namespace explainer::ui::runner
