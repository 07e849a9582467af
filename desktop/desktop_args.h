// desktop_args.h — the desktop explainer's command line, which says what a
// URL says: a story, and the step and entity of a deep link (turned into the
// same fragment the page reads, so both go down one path).
#pragma once

#include <string>

namespace desktop_args {

struct Args {
    std::string story;        // a story file; empty: the built-in default
    std::string fragment;     // "#/step/entity" from --step/--entity, or ""
    std::string screenshot;   // draw one settled frame to this PNG and exit
    int width = 1280, height = 800;
    float scale = 1;          // device pixels per point (a phone is 3)
    std::string error;        // set when the line could not be read
    bool help = false;
};

Args parse(int argc, const char* const* argv);
const char* usage();

}  // namespace desktop_args
