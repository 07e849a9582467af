// host_recording.h — host.h for the App's doctests: no window and no page;
// time is what a test sets, and everything the app hands its host (the
// address, titles, the mirror, the reader's state, Copy link, downloads) is
// recorded in order, for the test to read.
#pragma once

#include <string>
#include <vector>

#include "host.h"

namespace recording_host {

struct Url {
    std::string fragment;
    bool push;
};
struct Log {
    double now = 0;                          // what host::now_ms() answers
    std::vector<Url> urls;
    std::vector<std::string> titles, mirrors, reader_states, pictures;
    std::vector<std::pair<std::string, std::string>> copied;   // (step id, title) per Copy link
    std::vector<int> transcripts;                              // the last step of each
};
Log& log();
void reset();

}  // namespace recording_host
