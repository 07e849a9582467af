// host_null.cpp — host.h for a program that drives the whole App with no
// window and no page (the fuzz target, the frame benchmark). Time is what the
// program sets; what the app would hand its host (the address, the mirror,
// the reader's state) is kept, for the fuzz target to check that it is valid
// UTF-8 JSON or text.
#include "host_null.h"

namespace explainer::ui::host {

double now_ms() { return null_host::now; }
bool prefers_reduced_motion() { return false; }
void write_url(const std::string& fragment, bool) { null_host::said = fragment; }
void set_mirror(const std::string& text) { null_host::said = text; }
void set_title(const std::string& title) { null_host::said = title; }
void reader_state(const std::string& json) { null_host::reader_state = json; }
void copy_link(const std::string& step_id, const std::string& title) { null_host::said = step_id + title; }
void save_transcript(int) {}
void save_canvas(const std::string& filename) { null_host::said = filename; }
void place_search(float, float, float, float) {}
void clear_search() {}

}  // namespace explainer::ui::host

namespace null_host {
double now = 0;
std::string said, reader_state;
}  // namespace null_host
