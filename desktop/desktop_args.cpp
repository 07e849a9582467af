#include "desktop_args.h"

#include <cstdlib>
#include <string_view>

#include "core/reading/deep_link.h"

namespace desktop_args {

const char* usage() {
    return "usage: explainer-desktop [STORY.json] [--step ID] [--entity ID] [--screenshot OUT.png]\n"
           "                         [--size WIDTHxHEIGHT] [--scale RATIO]\n"
           "Opens a story (the Metallic Rouge ending by default) at a step, as a link would,\n"
           "and reloads it whenever the file changes. --screenshot draws one frame and exits.\n";
}

namespace {
bool read_size(std::string_view text, int& w, int& h) {
    const auto x = text.find('x');
    if (x == std::string_view::npos) return false;
    const std::string a(text.substr(0, x)), b(text.substr(x + 1));
    char* end_a = nullptr;
    char* end_b = nullptr;
    const long wl = std::strtol(a.c_str(), &end_a, 10), hl = std::strtol(b.c_str(), &end_b, 10);
    if (a.empty() || b.empty() || *end_a || *end_b || wl < 200 || hl < 200 || wl > 8192 || hl > 8192) return false;
    w = static_cast<int>(wl);
    h = static_cast<int>(hl);
    return true;
}
}  // namespace

Args parse(int argc, const char* const* argv) {
    Args a;
    std::string step, entity;
    for (int i = 1; i < argc && a.error.empty(); ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        auto value = [&](std::string& out) {
            if (!has_value) a.error = std::string(arg) + " needs a value";
            else out = argv[++i];
        };
        if (arg == "--help" || arg == "-h") a.help = true;
        else if (arg == "--step") value(step);
        else if (arg == "--entity") value(entity);
        else if (arg == "--screenshot") value(a.screenshot);
        else if (arg == "--size") {
            std::string size;
            value(size);
            if (a.error.empty() && !read_size(size, a.width, a.height))
                a.error = "--size " + size + ": expected WIDTHxHEIGHT, each 200 to 8192";
        } else if (arg == "--scale") {
            std::string scale;
            value(scale);
            char* end = nullptr;
            const double r = std::strtod(scale.c_str(), &end);
            if (a.error.empty() && (scale.empty() || *end || !(r >= 1 && r <= 4)))
                a.error = "--scale " + scale + ": expected a ratio from 1 to 4";
            else a.scale = static_cast<float>(r);
        } else if (!arg.empty() && arg[0] == '-') a.error = "unknown option " + std::string(arg);
        else if (a.story.empty()) a.story = arg;
        else a.error = "only one story at a time (" + std::string(arg) + ")";
    }
    if (!entity.empty() && step.empty()) a.error = "--entity needs --step";
    // The same fragment a link would carry: an unknown step or entity then
    // gets the same notice on the desktop as in the page.
    if (!step.empty()) a.fragment = explainer::deep_link::format(step, entity);
    return a;
}

}  // namespace desktop_args
