// text_format against the C library's vsnprintf, which it replaces on the
// page: the same text and the same returned length, whatever the buffer.
#include <doctest/doctest.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "core/text/text_format.h"

using explainer::text_format::vformat;

namespace {

std::string ours(std::size_t size, const char* format, ...) {
    std::string buf(size + 1, '#');
    va_list args;
    va_start(args, format);
    const int n = vformat(size ? &buf[0] : nullptr, size, format, args);
    va_end(args);
    return std::to_string(n) + ":" + (size ? std::string(buf.c_str()) : std::string()) + "|" + buf.substr(size);
}

std::string theirs(std::size_t size, const char* format, ...) {
    std::string buf(size + 1, '#');
    va_list args;
    va_start(args, format);
    const int n = std::vsnprintf(size ? &buf[0] : nullptr, size, format, args);
    va_end(args);
    return std::to_string(n) + ":" + (size ? std::string(buf.c_str()) : std::string()) + "|" + buf.substr(size);
}

}  // namespace

// Each format with its arguments, in buffers of several sizes (0: only the length).
#define SAME(...)                                                         \
    do {                                                                  \
        for (std::size_t size : {0, 1, 4, 300}) {                         \
            INFO(#__VA_ARGS__ << " in " << size);                          \
            CHECK(ours(size, __VA_ARGS__) == theirs(size, __VA_ARGS__)); \
        }                                                                 \
    } while (0)

TEST_CASE("integers: every flag, width, precision and length as vsnprintf writes them") {
    SAME("plain text, no conversion");
    SAME("");
    SAME("%d %i %d %d", 0, 42, -42, INT_MIN);
    SAME("[%5d] [%-5d] [%05d] [%+d] [% d] [%+05d]", 42, 42, 42, 42, 42, -42);
    SAME("[%.3d] [%.0d] [%8.3d] [%-08d] [%08.3d] [%.0x]", 7, 0, -7, 7, 7, 0u);
    SAME("%x %X %#x %#X %#x %08X %#010x", 255u, 255u, 255u, 255u, 0u, 0xBEEFu, 0xBEEFu);
    SAME("%o %#o %#o %#.5o", 8u, 8u, 0u, 8u);
    SAME("%u %lu %llu %lld %lld", UINT_MAX, ULONG_MAX, ULLONG_MAX, LLONG_MIN, LLONG_MAX);
    SAME("%hhd %hhu %hd %hu", 300, 300u, 70000, 70000u);
    SAME("%zu %zd %jd %ju %td", std::size_t{12345}, std::size_t{7}, std::intmax_t{-9}, std::uintmax_t{9}, std::ptrdiff_t{-3});
    SAME("[%*d] [%*d] [%-*d] [%.*d] [%.*d]", 6, 1, -6, 1, 3, 1, 4, 5, -1, 5);
    SAME("100%% sure, %d%%", 3);
    SAME("%s/%s_%08X", "Parent", "child", 0xDEADBEEFu);
    SAME("##Tooltip_%02d ##Menu_%02d ##Popup_%08x", 3, 12, 0xabcu);
}

TEST_CASE("characters and strings: precision cuts, width pads, a null string reads (null)") {
    SAME("[%c] [%3c] [%-3c]", 'a', 'b', 'c');
    SAME("[%s] [%.2s] [%10s] [%-10s] [%.*s] [%.*s]", "text", "text", "text", "text", 3, "abcdef", -1, "abcdef");
    SAME("[%.0s] [%5.1s]", "gone", "xyz");
    SAME("%s", static_cast<const char*>(nullptr));
    SAME("Step %d of %d: %s%s%s", 4, 30, "\xE2\x97\x86 ", "Naomi", "");
}

TEST_CASE("floating point: f, e and g with flags, widths, infinities and NaN") {
    SAME("%f %f %f %f", 0.0, -0.0, 1.5, -2.25);
    SAME("%.0f %.0f %.0f %#.0f %.1f", 0.5, 1.5, 2.5, 3.0, 0.05);
    SAME("%e %.3e %E %.0e %#.0e", 12345.678, 0.000123456, 1e-300, 5e10, 5e10);
    SAME("%g %g %g %g %g %g", 100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0, 0.0);
    SAME("%G %#g %#g %.0g %.1g %.20g", 1e-10, 1.0, 123456.0, 0.5, 15.0, 0.1);
    SAME("[%10.3f] [%-10.3f] [%010.3f] [%+.2e] [% g] [%+010.2f]", 3.14159, 3.14159, -3.14159, 1234.5, 7.0, -1.5);
    const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
    SAME("[%f] [%5.1f] [%F] [%010f] [%-6e|] [%+g] [%G] [%f]", inf, -inf, inf, inf, nan, nan, -inf, -nan);
    SAME("%.3f %.17g %f", DBL_MAX, DBL_MIN, 5e-324);
    SAME("dbox (%.2f,%.2f->%.4f) %.0f/%.0f", 1.004, -2.5, 0.33333, 12.5, 13.5);
}

TEST_CASE("random floating-point conversions match vsnprintf") {
    std::mt19937_64 rng(99);
    const char* flags[] = {"", "-", "+", " ", "#", "0", "+0", "-#"};
    const char conversions[] = "eEfFgG";
    int mismatches = 0;
    for (int i = 0; i < 20000; ++i) {
        double x;
        const std::uint64_t bits = rng();
        std::memcpy(&x, &bits, sizeof x);
        if (!std::isfinite(x) || std::fabs(x) > 1e40 || rng() % 2) x = std::ldexp(static_cast<double>(rng() % 100000), static_cast<int>(rng() % 60) - 40) * (rng() % 2 ? -1 : 1);
        std::string format = std::string("%") + flags[rng() % 8];
        if (rng() % 2) format += std::to_string(rng() % 20);
        if (rng() % 2) format += "." + std::to_string(rng() % 20);
        format += conversions[rng() % 6];
        if (ours(300, format.c_str(), x) != theirs(300, format.c_str(), x) && ++mismatches <= 5)
            CHECK_MESSAGE(false, format << ": " << theirs(300, format.c_str(), x) << " against " << ours(300, format.c_str(), x));
    }
    CHECK(mismatches == 0);
}

TEST_CASE("what it does not convert, %n above all, it copies and stops") {
    char buf[64];
    int written = -1;
    auto call = [&](const char* format, ...) {
        va_list args;
        va_start(args, format);
        const int n = vformat(buf, sizeof buf, format, args);
        va_end(args);
        return n;
    };
    CHECK(call("a %d b %n c %d", 1, &written, 2) == 13);
    CHECK(std::string(buf) == "a 1 b %n c %d");
    CHECK(written == -1);   // never written through
    call("%y and %s", "x");
    CHECK(std::string(buf) == "%y and %s");
    call("%d %Lf %d", 1, 2.5L, 3);
    CHECK(std::string(buf) == "1 %Lf %d");
    // %p: hexadecimal digits with 0x, as musl writes them; the address reads back.
    int target = 0;
    call("%p", static_cast<void*>(&target));
    CHECK(std::strtoull(buf, nullptr, 16) == reinterpret_cast<std::uintptr_t>(&target));
    CHECK(std::string(buf).rfind("0x", 0) == 0);
}
