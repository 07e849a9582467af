#include "host_recording.h"

namespace recording_host {
Log& log() {
    static Log l;
    return l;
}
void reset() {
    const double now = log().now;
    log() = Log{};
    log().now = now;
}
}  // namespace recording_host

namespace explainer::ui::host {
using recording_host::log;
double now_ms() { return log().now; }
bool prefers_reduced_motion() { return true; }   // steps land at once: a test need not wait out transitions
void write_url(const std::string& fragment, bool push) { log().urls.push_back({fragment, push}); }
void set_mirror(const std::string& text) { log().mirrors.push_back(text); }
void set_title(const std::string& title) { log().titles.push_back(title); }
void reader_state(const std::string& json) { log().reader_states.push_back(json); }
void copy_link(const std::string& step_id, const std::string& title) { log().copied.emplace_back(step_id, title); }
void save_transcript(int last) { log().transcripts.push_back(last); }
void save_canvas(const std::string& filename) { log().pictures.push_back(filename); }
void place_search(float, float, float, float) {}
void clear_search() {}
}  // namespace explainer::ui::host
