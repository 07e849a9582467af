// fuzz_number — number_text and text_format against the C library they
// replace on the page: any text read as strtod and strtof read it (value and
// length; hexadecimal floats, which they do not read, aside), and any double
// written as snprintf writes it with %e, %f or %g at any precision.
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/text/number_text.h"
#include "core/text/text_format.h"
#include "fuzz_support.h"

using namespace explainer;

namespace {

bool hexadecimal(const std::string& s) {
    std::size_t i = s.find_first_not_of(" \t\n\v\f\r");
    if (i != std::string::npos && (s[i] == '+' || s[i] == '-')) ++i;
    return i != std::string::npos && i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == 'x';
}

std::string formatted(const char* format, ...) {
    char buf[1600];
    va_list args;
    va_start(args, format);
    text_format::vformat(buf, sizeof buf, format, args);
    va_end(args);
    return buf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string c_text = text.c_str();   // what the C functions see: up to the first NUL
    if (!hexadecimal(c_text)) {
        char* end = nullptr;
        const double d = std::strtod(c_text.c_str(), &end);
        const auto ours = number_text::read_double(c_text);
        FUZZ_ASSERT(ours.used == static_cast<std::size_t>(end - c_text.c_str()));
        FUZZ_ASSERT(std::isnan(d) ? std::isnan(ours.value) : std::memcmp(&d, &ours.value, sizeof d) == 0);
        const float f = std::strtof(c_text.c_str(), &end);
        const auto ours_f = number_text::read_float(c_text);
        FUZZ_ASSERT(ours_f.used == static_cast<std::size_t>(end - c_text.c_str()));
        FUZZ_ASSERT(std::isnan(f) ? std::isnan(ours_f.value) : std::memcmp(&f, &ours_f.value, sizeof f) == 0);
    }
    if (size >= 10) {   // a double's bits, a precision and a conversion
        double x;
        std::memcpy(&x, data, sizeof x);
        const int precision = data[8] % 40;
        const char conversion = "eEfFgG"[data[9] % 6];
        if (std::isfinite(x) && ((conversion | 0x20) != 'f' || std::fabs(x) < 1e300)) {
            const std::string format = std::string("%") + (data[9] & 0x80 ? "#" : "") + "." + std::to_string(precision) + conversion;
            char theirs[1600];
            std::snprintf(theirs, sizeof theirs, format.c_str(), x);
            FUZZ_ASSERT(formatted(format.c_str(), x) == theirs);
        }
    }
    return 0;
}
