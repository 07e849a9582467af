// number_read.cpp — see number_text.h: a decimal number read to the
// nearest double or float. A first guess from the leading digits is moved,
// one unit at a time, while the number lies beyond the midpoint to a
// neighbour; the comparison is exact, on integers scaled by 2s and 10s.
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "core/text/exact_binary.h"
#include "core/text/number_text.h"

namespace explainer::number_text {
namespace {

using exact_binary::Big;
using exact_binary::Binary;
using exact_binary::Format;
using exact_binary::split;

// The number at the start of a text, as strtod finds it: value =
// 0.DIGITS × 10^point, DIGITS without a leading zero ("" for zero) and at
// most kMaxDigits long, then one '1' standing for any nonzero digit cut off
// (it can only ever decide a tie, never the value).
constexpr std::size_t kMaxDigits = 800;   // a double's exact halfway points need at most 767

struct Scan {
    enum Kind { kNone, kNumber, kInfinity, kNan } kind = kNone;
    bool negative = false;
    std::string digits;
    long point = 0;
    std::size_t used = 0;
};

bool digit(char c) { return c >= '0' && c <= '9'; }

bool word_at(std::string_view text, std::size_t at, const char* word) {
    for (std::size_t i = 0; word[i]; ++i)
        if (at + i >= text.size() || (text[at + i] | 0x20) != word[i]) return false;
    return true;
}

Scan scan(std::string_view t) {
    Scan s;
    std::size_t i = 0;
    while (i < t.size() && (t[i] == ' ' || (t[i] >= '\t' && t[i] <= '\r'))) ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) s.negative = t[i++] == '-';
    if (word_at(t, i, "inf")) {
        s.kind = Scan::kInfinity, s.used = i + (word_at(t, i, "infinity") ? 8 : 3);
        return s;
    }
    if (word_at(t, i, "nan")) {
        i += 3;
        std::size_t j = i + 1;   // an optional "(letters, digits and _)"
        while (j < t.size() && (digit(t[j]) || t[j] == '_' || ((t[j] | 0x20) >= 'a' && (t[j] | 0x20) <= 'z'))) ++j;
        if (i < t.size() && t[i] == '(' && j < t.size() && t[j] == ')') i = j + 1;
        s.kind = Scan::kNan, s.used = i;
        return s;
    }
    bool any = false, cut = false;
    const auto take = [&](char c, bool fraction) {
        any = true;
        if (c == '0' && s.digits.empty()) {
            if (fraction) --s.point;
            return;
        }
        if (!fraction) ++s.point;
        if (s.digits.size() < kMaxDigits) s.digits += c;
        else cut = cut || c != '0';
    };
    for (; i < t.size() && digit(t[i]); ++i) take(t[i], false);
    if (i < t.size() && t[i] == '.')
        for (++i; i < t.size() && digit(t[i]); ++i) take(t[i], true);
    if (!any) return {};
    if (i < t.size() && (t[i] | 0x20) == 'e') {   // an exponent only when digits follow
        std::size_t j = i + 1;
        const bool minus = j < t.size() && t[j] == '-';
        if (j < t.size() && (t[j] == '+' || t[j] == '-')) ++j;
        if (j < t.size() && digit(t[j])) {
            long e = 0;
            for (; j < t.size() && digit(t[j]); ++j) e = e < 100000 ? e * 10 + (t[j] - '0') : e;
            s.point += minus ? -e : e;
            i = j;
        }
    }
    if (cut) s.digits += '1';
    s.kind = Scan::kNumber, s.used = i;
    return s;
}

Binary up(Binary b, Format f) {   // the next value up (past the largest finite: e > max_exp)
    if (++b.m >> f.bits) b.m >>= 1, ++b.e;
    return b;
}

Binary down(Binary b, Format f) {   // the next value down; b.m > 0
    if (b.m == std::uint64_t{1} << (f.bits - 1) && b.e > f.min_exp) return {(std::uint64_t{1} << f.bits) - 1, b.e - 1};
    return {b.m - 1, b.e};
}

// The sign of value - (a + b) / 2, value = n × 10^scale, a and b neighbours.
int against_midpoint(const Big& n, long scale, Binary a, Binary b) {
    const int low = a.e < b.e ? a.e : b.e;
    Big value = n, midpoint((a.m << (a.e - low)) + (b.m << (b.e - low)));   // × 2^(low - 1)
    if (scale >= 0) value.mul_pow10(static_cast<int>(scale));
    else midpoint.mul_pow10(static_cast<int>(-scale));
    if (low - 1 >= 0) midpoint.mul_pow2(low - 1);
    else value.mul_pow2(1 - low);
    return value.compare(midpoint);
}

// The value of `format` nearest to a scanned number (digits not empty),
// from a first guess a few units off: each step compares the number with the
// midpoint to a neighbour, exactly, and moves there while it is nearer.
Binary nearest(const Scan& s, Format f, Binary guess) {
    Big n;
    for (char c : s.digits) n.mul(10), n.add(static_cast<std::uint32_t>(c - '0'));
    const long scale = s.point - static_cast<long>(s.digits.size());
    Binary z = guess;
    for (int step = 0; step < 200 && z.e <= f.max_exp; ++step) {
        const Binary above = up(z, f);
        int c = against_midpoint(n, scale, z, above);
        if (c > 0 || (c == 0 && (z.m & 1))) {
            z = above;
            continue;
        }
        if (z.m == 0) break;
        const Binary below = down(z, f);
        c = against_midpoint(n, scale, below, z);
        if (c < 0 || (c == 0 && (z.m & 1))) {
            z = below;
            continue;
        }
        break;
    }
    return z;
}

// A double within a few units of the scanned number: its first 17 digits
// scaled by powers of ten, each step exact or rounded once.
double estimate(const Scan& s) {
    static const double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::uint64_t lead = 0;
    const std::size_t count = s.digits.size() < 17 ? s.digits.size() : 17;
    for (std::size_t i = 0; i < count; ++i) lead = lead * 10 + static_cast<std::uint64_t>(s.digits[i] - '0');
    long scale = s.point - static_cast<long>(count);
    double g = static_cast<double>(lead);
    for (; scale > 22; scale -= 22) g *= 1e22;
    for (; scale < -22; scale += 22) g /= 1e22;
    return scale >= 0 ? g * kPowers[scale] : g / kPowers[-scale];
}

struct Converted {
    Binary b;
    bool infinite = false, out_of_range = false;
};

// What a scanned number (kNumber) becomes in `format`; the guess is the
// estimate rounded to that format, `limit` its largest finite value.
Converted convert(const Scan& s, Format f, long max_point, long min_point, Binary guess, Binary limit) {
    if (s.digits.empty()) return {};
    if (s.point > max_point) return {{}, true, true};
    if (s.point < min_point) return {{0, f.min_exp}, false, true};
    if (guess.e > f.max_exp) guess = limit;
    const Binary z = nearest(s, f, guess);
    if (z.e > f.max_exp) return {{}, true, true};
    return {z, false, z.m == 0};
}


// read_double and read_float: T's value nearest the text. `above` and
// `below` bound the decimal point's place: 0.1 × 10^above is past T's
// largest value, 10^below under half its least.
template <typename T, typename Result>
Result read(std::string_view text, long above, long below) {
    const Scan s = scan(text);
    Result r;
    r.used = s.used;
    constexpr T largest = std::numeric_limits<T>::max(), infinity = std::numeric_limits<T>::infinity();
    if (s.kind == Scan::kInfinity) r.value = infinity;
    else if (s.kind == Scan::kNan) r.value = std::numeric_limits<T>::quiet_NaN();
    else if (s.kind == Scan::kNumber) {
        const double guess = estimate(s);
        const T first = guess > static_cast<double>(largest) ? largest : static_cast<T>(guess);
        const Converted c = convert(s, exact_binary::Layout<T>::format, above, below, split(first), split(largest));
        r.out_of_range = c.out_of_range;
        r.value = c.infinite ? infinity : exact_binary::join<T>(c.b);
    }
    if (s.negative) r.value = -r.value;
    return r;
}

}  // namespace

Reading read_double(std::string_view text) { return read<double, Reading>(text, 310, -324); }
FloatReading read_float(std::string_view text) { return read<float, FloatReading>(text, 40, -46); }

}  // namespace explainer::number_text
