// host.h — the one seam between the explainer's UI and the platform it runs
// on. The UI (src/ui/) calls these and nothing else of its host; each host
// implements them once: web/host_web.cpp for the browser (EM_JS into the page),
// desktop/host_desktop.cpp for a GLFW window. CMake picks one (if(EMSCRIPTEN)).
//
// A host also owns what sits around the UI: the window or canvas, the GL
// context and renderer, input, and the loop that calls ui::frame() (see
// runner.h). Nothing from a URL reaches a page as HTML: a host puts text into
// the DOM only through textContent.
#pragma once

#include <string>

namespace explainer::ui::host {

// ---- timers and the reader's settings
double now_ms();
bool prefers_reduced_motion();

// ---- the address (the URL's fragment on the web; --step/--entity on the desktop)
// Writes the deep link of what is on screen (push: a new history entry).
void write_url(const std::string& fragment, bool push);

// ---- accessibility and the text version
// The accessible text mirror (an aria-live region).
void set_mirror(const std::string& text);
// The window's or tab's title (spoiler-safe: see text_version::title).
void set_title(const std::string& title);
// What the reader has on screen, for the page's text version (JSON:
// index, step (its id), shown, covered, skipped, first, selected, notice, furthest).
void reader_state(const std::string& json);

// ---- sharing and saving
// Copies the link to share: on the web the step's preview page (s/<step-id>/,
// which chat apps show as a spoiler-safe card) with the current fragment, or
// the system share sheet on a phone; on the desktop, the fragment to the clipboard.
void copy_link(const std::string& step_id, const std::string& title);
// Saves the transcript up to and including step `last` (Markdown).
void save_transcript(int last);
// Saves what the framebuffer holds now as PNG: call right after drawing.
void save_canvas(const std::string& filename);

// ---- the page's search field (a real text field over the map, on the web)
void place_search(float x, float y, float w, float h);
void clear_search();

}  // namespace explainer::ui::host
