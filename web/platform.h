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
// Copies the page's current link; shows a confirmation, or a selected text
// field where the clipboard is refused.
void copy_link();
// The first frame with the map is on screen: hide the loading indicator.
void first_frame_drawn();
// Places the page's search field over the canvas (CSS px), or empties it.
void place_search(float x, float y, float w, float h);
void clear_search();
// Replaces the page with a plain error page (nothing else will draw).
void show_error_page(const std::string& title, const std::vector<std::string>& lines);

}  // namespace platform
