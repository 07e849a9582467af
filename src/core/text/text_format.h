// text_format.h — printf's formatting, in little code and without the C
// library's long-double machinery.
//
// The page's wasm uses this for vsnprintf and snprintf (web/libc_web.cpp):
// Dear ImGui formats its labels and window names with them and nlohmann/json
// its error messages, and musl's printf would bring a float formatter the
// page does not otherwise need. Floating-point conversions are exact, through
// number_text, so the text is the one glibc or musl would write;
// tests/core/test_text_format.cpp checks that against the C library.
#pragma once

#include <cstdarg>
#include <cstddef>

namespace explainer::text_format {

// As vsnprintf: writes at most size - 1 characters and a NUL (nothing when
// size is 0) and returns the length of the whole text. Conversions
// d i u o x X c s p % and f F e E g G, with the flags - + space # 0, a width
// and a precision (digits or *), and the lengths hh h l ll j z t. Anything
// else (%n above all, %a, a long double's %Lf) is written out as it stands
// and ends the conversions: what follows is copied, no further argument read.
int vformat(char* buf, std::size_t size, const char* format, std::va_list args);

}  // namespace explainer::text_format
