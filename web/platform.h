// platform.h — the one seam between the explainer and its host. The app calls
// these; platform_web.cpp implements them for the browser (EM_JS helpers), and
// is also where the browser calls in (EMSCRIPTEN_KEEPALIVE entry points, input
// callbacks, the main loop). Nothing from a URL reaches the page as HTML:
// every text goes into the DOM through textContent.
#pragma once

#include <string>
#include <vector>

namespace platform {

double now_ms();
bool prefers_reduced_motion();
bool embedded();                                  // ?embed=1

// The accessible text mirror (an aria-live region).
void set_mirror(const std::string& text);
// Writes the deep link into the address bar (push: a new history entry).
void write_url(const std::string& fragment, bool push);
// Copies the link to share: the step's preview page (s/<step-id>/, which
// chat apps show as a spoiler-safe card) with the current fragment; on a
// phone with the Web Share API, offers the system's share sheet instead.
// Shows a confirmation, or a selected text field where the clipboard is refused.
void copy_link(const std::string& step_id, const std::string& title);
// The tab's title (spoiler-safe: see text_version::title).
void set_title(const std::string& title);
// What the reader has on screen, for the page's text version (JSON:
// index, shown, covered, skipped, first, selected, notice).
void reader_state(const std::string& json);
// Downloads the transcript up to and including step `last` (Markdown).
void save_transcript(int last);
// Downloads what the canvas holds now as PNG: call right after drawing.
void save_canvas(const std::string& filename);
// No WebGL2 here: the page shows its text version instead of the map.
void no_webgl(const std::string& reason);
// The first frame with the map is on screen: hide the loading indicator.
void first_frame_drawn();
// Places the page's search field over the canvas (CSS px), or empties it.
void place_search(float x, float y, float w, float h);
void clear_search();
// Replaces the page with a plain error page (nothing else will draw).
void show_error_page(const std::string& title, const std::vector<std::string>& lines);

}  // namespace platform
