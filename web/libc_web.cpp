// libc_web.cpp — the C library's number text, small, for the page alone.
//
// musl's printf, strtod and the scanf that shares strtod's float parser came
// to 18.3 KB of the page's gzipped wasm, most of it long-double arithmetic the
// page never needs; what stands in for them here costs 6.4 (README.md,
// Benchmarks, table 1).
// Who calls them: nlohmann/json (strtod for numbers, snprintf for the text
// of an error), Dear ImGui (vsnprintf for labels and window names; its
// sscanf, which only reads .ini settings, goes to imgui_ini_web.cpp) and a
// few messages of ours. Defined here, these
// are the ones the linker takes: a static link takes a member of an archive
// only for a symbol still undefined. The work is done by the core's
// number_text and text_format, which tests/core checks against glibc, so the
// text and the values are the C library's own. Native builds use the C library.
#include <cerrno>
#include <cstdarg>
#include <cstddef>
#include <cstring>

#include "core/text/number_text.h"
#include "core/text/text_format.h"

namespace {

char* after(const char* text, std::size_t used) { return const_cast<char*>(text) + used; }

}  // namespace

extern "C" {

int vsnprintf(char* buf, std::size_t size, const char* format, va_list args) {
    return explainer::text_format::vformat(buf, size, format, args);
}

int snprintf(char* buf, std::size_t size, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int n = explainer::text_format::vformat(buf, size, format, args);
    va_end(args);
    return n;
}

double strtod(const char* text, char** end) {
    const auto r = explainer::number_text::read_double(text);
    if (end) *end = after(text, r.used);
    if (r.out_of_range) errno = ERANGE;
    return r.value;
}

float strtof(const char* text, char** end) {
    const auto r = explainer::number_text::read_float(text);
    if (end) *end = after(text, r.used);
    if (r.out_of_range) errno = ERANGE;
    return r.value;
}

// long double is IEEE quad here; nothing in the page reads one (libc++'s
// std::stold names it, so it must be defined), and it is read to a double's
// precision.
long double strtold(const char* text, char** end) { return strtod(text, end); }

}  // extern "C"
