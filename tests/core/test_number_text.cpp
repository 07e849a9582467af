// number_text against the C library it stands in for on the page: the same
// digits as glibc's printf, the same values as its strtod and strtof, on
// chosen hard cases and on many random ones.
#include <doctest/doctest.h>

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "core/text/number_text.h"

namespace number_text = explainer::number_text;

namespace {

std::string printf_text(const char* format, double x) {
    char buf[2048];
    std::snprintf(buf, sizeof buf, format, x);
    return buf;
}

std::string general(double x, int precision) {
    std::string out;
    number_text::append_general(out, x, precision);
    return out;
}

double from_bits(std::uint64_t bits) {
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

std::uint64_t bits_of(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// Finite doubles of every size: random bits, and small fractions that land on ties.
double random_double(std::mt19937_64& rng) {
    switch (rng() % 4) {
        case 0: {
            double x;
            do x = from_bits(rng());
            while (!std::isfinite(x));
            return x;
        }
        case 1: return static_cast<double>(static_cast<std::int64_t>(rng() % 2000001) - 1000000) / static_cast<double>(1u << (rng() % 12));
        case 2: return std::ldexp(static_cast<double>(rng() >> 11), static_cast<int>(rng() % 200) - 100);
        default: return static_cast<double>(rng() % 100000) * std::pow(10.0, static_cast<int>(rng() % 40) - 20);
    }
}

}  // namespace

TEST_CASE("%.17g: the very text glibc writes, for chosen and random doubles") {
    const double chosen[] = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 1e21, 1e22, 1e23, 1e-5, 1e-4, 123456789012345678.0,
                             5e-324, -5e-324, DBL_MIN, DBL_MAX, -DBL_MAX, 1.7976931348623157e308, 0.30000000000000004,
                             9007199254740993.0, 4.35, 1e16, 1e17, 99999999999999999.0, 0.000123456789};
    for (double x : chosen) CHECK_MESSAGE(general(x, 17) == printf_text("%.17g", x), x);
    std::mt19937_64 rng(20261207);
    int mismatches = 0;
    for (int i = 0; i < 100000; ++i) {
        const double x = random_double(rng);
        if (general(x, 17) != printf_text("%.17g", x) && ++mismatches <= 5) CHECK_MESSAGE(false, printf_text("%.17g", x));
    }
    CHECK(mismatches == 0);
}

TEST_CASE("infinities and NaN are written as printf writes them") {
    CHECK(general(std::numeric_limits<double>::infinity(), 17) == "inf");
    CHECK(general(-std::numeric_limits<double>::infinity(), 17) == "-inf");
    CHECK(general(std::numeric_limits<double>::quiet_NaN(), 17) == "nan");
    CHECK(general(-std::numeric_limits<double>::quiet_NaN(), 17) == "-nan");
}

TEST_CASE("%e, %f and %g at every precision, '#' too: glibc's digits, ties to even") {
    std::mt19937_64 rng(7);
    const char conversions[] = {'e', 'E', 'f', 'F', 'g', 'G'};
    int mismatches = 0;
    for (int i = 0; i < 40000; ++i) {
        double x = std::fabs(random_double(rng));
        const char c = conversions[rng() % 6];
        const int precision = static_cast<int>(rng() % 26);
        const bool alternate = rng() % 4 == 0;
        if ((c | 0x20) == 'f' && x > 1e60) x = std::ldexp(1.0, static_cast<int>(rng() % 1024)) * (rng() % 2 ? 1.5 : 1.0);   // long, still exact
        std::string ours;
        number_text::append_unsigned(ours, x, c, precision, alternate);
        const std::string format = std::string("%") + (alternate ? "#" : "") + "." + std::to_string(precision) + c;
        const std::string theirs = printf_text(format.c_str(), x);
        if (ours != theirs && ++mismatches <= 5) CHECK_MESSAGE(false, format << " of " << theirs << ": " << ours);
    }
    CHECK(mismatches == 0);
    // Exact ties: m / 2^n has n decimals, so one fewer leaves a 5 to round.
    for (int n = 1; n < 20; ++n)
        for (int m = 1; m < 400; m += 3) {
            const double x = m / std::ldexp(1.0, n);
            std::string ours;
            number_text::append_unsigned(ours, x, 'f', n - 1, false);
            CHECK(ours == printf_text(("%." + std::to_string(n - 1) + "f").c_str(), x));
        }
}

TEST_CASE("rounded digits: significant and decimal places, with a carry that moves the point") {
    auto r = number_text::significant(9.96, 2);
    CHECK(r.digits == "10");
    CHECK(r.point == 2);
    r = number_text::significant(0.00125, 2);   // 0.00125 is just above 0.00125 in binary
    CHECK(r.digits == "13");
    CHECK(r.point == -2);
    r = number_text::decimals(0.004, 2);
    CHECK(r.digits == "");
    CHECK(r.point == -2);
    r = number_text::decimals(0.5, 0);
    CHECK(r.digits == "");   // a tie goes to the even neighbour, 0
    r = number_text::decimals(1.5, 0);
    CHECK(r.digits == "2");
    r = number_text::significant(0.0, 3);
    CHECK(r.digits == "000");
}

namespace {

void same_as_strtod(const std::string& text) {
    errno = 0;
    char* end = nullptr;
    const double theirs = std::strtod(text.c_str(), &end);
    const bool range = errno == ERANGE;
    const auto ours = number_text::read_double(text);
    INFO(text);
    CHECK(ours.used == static_cast<std::size_t>(end - text.c_str()));
    if (std::isnan(theirs)) CHECK(std::isnan(ours.value));
    else CHECK(bits_of(ours.value) == bits_of(theirs));
    if (ours.value == 0 || std::isinf(ours.value)) CHECK(ours.out_of_range == range);
}

void same_as_strtof(const std::string& text) {
    char* end = nullptr;
    const float theirs = std::strtof(text.c_str(), &end);
    const auto ours = number_text::read_float(text);
    INFO(text);
    CHECK(ours.used == static_cast<std::size_t>(end - text.c_str()));
    if (std::isnan(theirs)) CHECK(std::isnan(ours.value));
    else CHECK(std::memcmp(&ours.value, &theirs, sizeof theirs) == 0);
}

// The exact decimal of the midpoint between x and the next double up, and
// the same with a last digit added or taken away: the hardest inputs there are.
std::string exact_midpoint(double x) {
    char buf[1200];
    const long double mid = (static_cast<long double>(x) + std::nextafter(x, HUGE_VAL)) / 2;   // 64-bit mantissa: exact
    std::snprintf(buf, sizeof buf, "%.1100Le", mid);
    std::string s = buf;
    const auto e = s.find('e');
    std::string mantissa = s.substr(0, e);
    mantissa.erase(mantissa.find_last_not_of('0') + 1);
    return mantissa + s.substr(e);
}

}  // namespace

TEST_CASE("reading a double: strtod's value and length, on chosen, halfway and random texts") {
    for (const char* text : {"0", "-0", "1", "  +1.5e3x", "\t-.5", "5.", ".", "-", "e5", "1e", "1e+", "1e-2", "1E2",
                             "0.000000000000000000000000000000000000000000001", "1e400", "-1e400", "1e-400", "2.4703282292062327e-324",
                             "2.4703282292062328e-324", "4.9406564584124654e-324", "1.7976931348623157e308", "1.7976931348623158e308",
                             "1.797693134862315807937e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
                             "inf", "-Infinity", "INFINITE", "nan", "NaN(abc_1)", "nan(", "nan()", "9007199254740993", "9007199254740993.0000000001",
                             "1e99999999999", "1e-99999999999", "0e99999", "00000001.5", "1.5e0001"})
        same_as_strtod(text);
    std::mt19937_64 rng(42);
    for (int i = 0; i < 3000; ++i) {
        const double x = std::fabs(random_double(rng));
        if (x == DBL_MAX) continue;
        const std::string mid = exact_midpoint(x);
        same_as_strtod(mid);
        const auto e = mid.find('e');
        same_as_strtod(mid.substr(0, e) + "000000000000000000000000001" + mid.substr(e));   // just above the tie
        std::string below = mid.substr(0, e);
        for (std::size_t k = below.size(); k-- > 0;)   // just below: the last nonzero digit one less, then 9s
            if (below[k] != '.') {
                if (below[k] == '0') continue;
                --below[k];
                break;
            }
        same_as_strtod(below + "99999999999" + mid.substr(e));
    }
    for (int i = 0; i < 30000; ++i) {
        const double x = random_double(rng);
        for (const char* format : {"%.17g", "%.16g", "%.15g", "%.25e"}) same_as_strtod(printf_text(format, x));
        std::string digits;
        for (int n = 1 + static_cast<int>(rng() % 40); n > 0; --n) digits += static_cast<char>('0' + rng() % 10);
        same_as_strtod(digits + "e" + std::to_string(static_cast<int>(rng() % 700) - 350));
        same_as_strtod("0." + digits + "e" + std::to_string(static_cast<int>(rng() % 90) - 45));
    }
}

TEST_CASE("past 800 significant digits, what is cut off still breaks a tie") {
    const std::string mid = exact_midpoint(1.0);   // 1 + 2^-53, 53 digits
    const auto e = mid.find('e');
    same_as_strtod(mid.substr(0, e) + std::string(900, '0') + mid.substr(e));
    same_as_strtod(mid.substr(0, e) + std::string(900, '0') + "1" + mid.substr(e));
    same_as_strtod(std::string(1000, '1') + "e-1000");
}

TEST_CASE("reading a float: strtof's value and length, not a double rounded twice") {
    for (const char* text : {"0", "1.5", "3.4028234663852886e38", "3.4028235677973366e38", "3.40282357e38", "1e39", "1.4e-45",
                             "7.0064923216240854e-46", "7.1e-46", "1e-50", "16777217", "1.00000005960464477550", "0.1", "inf", "nan"})
        same_as_strtof(text);
    std::mt19937_64 rng(3);
    for (int i = 0; i < 8000; ++i) {
        std::string digits;
        for (int n = 1 + static_cast<int>(rng() % 30); n > 0; --n) digits += static_cast<char>('0' + rng() % 10);
        same_as_strtof(digits + "e" + std::to_string(static_cast<int>(rng() % 100) - 60));
        // Midpoints between floats, exactly, then a hair off: double rounding would miss these.
        const float f = std::ldexp(static_cast<float>(rng() % 16777216), static_cast<int>(rng() % 200) - 150);
        const double mid = (static_cast<double>(f) + static_cast<double>(std::nextafter(f, HUGE_VALF))) / 2;
        const std::string exact = printf_text("%.300e", mid);
        const auto e = exact.find('e');
        same_as_strtof(exact);
        same_as_strtof(exact.substr(0, e) + "1" + exact.substr(e));
        same_as_strtof(printf_text("%.300e", std::nextafter(mid, 0.0)));
    }
}

TEST_CASE("what is not read: hexadecimal floats read as their 0, an empty text as nothing") {
    auto r = number_text::read_double("0x1p3");
    CHECK(r.value == 0);
    CHECK(r.used == 1);
    r = number_text::read_double("");
    CHECK(r.used == 0);
    r = number_text::read_double("   ");
    CHECK(r.used == 0);
    r = number_text::read_double(std::string_view("12345", 3));   // only the view's characters
    CHECK(r.value == 123);
    CHECK(r.used == 3);
}
