// number_text.cpp — see number_text.h: a double's decimal digits, exactly.
// A double is m × 2^e, so its digits are those of the integer m × 2^e, or,
// when e < 0, of m × 5^-e with the point moved -e places.
#include "core/text/number_text.h"

#include <cmath>
#include <string>

#include "core/text/exact_binary.h"

namespace explainer::number_text {
namespace {

using exact_binary::Big;
using exact_binary::Binary;

// |x| = digits × 10^exponent exactly; "" for zero.
struct Exact {
    std::string digits;
    int exponent = 0;
};

Exact exact(double x) {
    Binary b = exact_binary::split(x);
    if (b.m == 0) return {};
    for (; b.e < 0 && (b.m & 1) == 0; b.m >>= 1) ++b.e;   // fewer digits to make
    Big n(b.m);
    if (b.e >= 0) {
        n.mul_pow2(b.e);
        return {n.decimal(), 0};
    }
    n.mul_pow5(-b.e);   // m × 2^e = m × 5^-e / 10^-e
    return {n.decimal(), b.e};
}

// Keeps the first `keep` digits of 0.DIGITS × 10^point: the rest rounded
// away to nearest, ties to even; a carry out of the first digit moves the point.
Rounded round_digits(std::string digits, int point, int keep) {
    if (keep < 0) return {"", point - keep};   // under a tenth of the last place kept
    if (keep >= static_cast<int>(digits.size())) {
        digits.append(static_cast<std::size_t>(keep) - digits.size(), '0');
        return {digits, point};
    }
    const std::size_t k = static_cast<std::size_t>(keep);
    bool up = digits[k] > '5';
    if (digits[k] == '5')
        up = digits.find_first_not_of('0', k + 1) != std::string::npos || (k > 0 && (digits[k - 1] - '0') % 2 == 1);
    digits.resize(k);
    if (up) {
        std::size_t i = k;
        while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
        if (i > 0) ++digits[i - 1];
        else digits.insert(digits.begin(), '1'), ++point;
    }
    return {digits, point};
}

bool all_zero(const std::string& digits) { return digits.find_first_not_of('0') == std::string::npos; }

void append_exponent(std::string& out, char e, int exponent) {
    out += e;
    out += exponent < 0 ? '-' : '+';
    const std::string n = std::to_string(exponent < 0 ? -exponent : exponent);
    if (n.size() < 2) out += '0';
    out += n;
}

}  // namespace

Rounded significant(double x, int count) {
    const Exact ex = exact(x);
    Rounded r = round_digits(ex.digits, static_cast<int>(ex.digits.size()) + ex.exponent, count);
    r.digits.resize(static_cast<std::size_t>(count));   // a carry made one digit too many, a '0'
    return r;
}

Rounded decimals(double x, int count) {
    const Exact ex = exact(x);
    const int point = static_cast<int>(ex.digits.size()) + ex.exponent;
    return round_digits(ex.digits, point, point + count);
}

void append_unsigned(std::string& out, double x, char conversion, int precision, bool alternate) {
    const bool upper = conversion == 'E' || conversion == 'F' || conversion == 'G';
    const char kind = static_cast<char>(conversion | 0x20);
    std::string digits;
    int point = 0, fraction = precision;   // fraction: digits after the point
    bool scientific = kind == 'e', trim = false;
    if (kind == 'f') {
        Rounded r = decimals(x, precision);
        digits = std::move(r.digits), point = r.point;
    } else {
        const int count = kind == 'g' && precision == 0 ? 1 : kind == 'g' ? precision : precision + 1;
        Rounded r = significant(x, count);
        const int exponent = all_zero(r.digits) ? 0 : r.point - 1;
        digits = std::move(r.digits), point = r.point;
        if (kind == 'g') {
            scientific = !(count > exponent && exponent >= -4);
            fraction = scientific ? count - 1 : count - 1 - exponent;
            trim = !alternate;
        }
        if (scientific) {
            std::string rest = digits.substr(1);
            if (trim) rest.erase(rest.find_last_not_of('0') + 1);
            out += digits[0];
            if (!rest.empty() || alternate) out += '.', out += rest;
            append_exponent(out, upper ? 'E' : 'e', exponent);
            return;
        }
    }
    // Fixed notation: the digits from the point's place on.
    if (point <= 0) digits.insert(0, static_cast<std::size_t>(-point), '0'), point = 0;
    std::string whole = point > 0 ? digits.substr(0, static_cast<std::size_t>(point)) : "0";
    std::string rest = digits.substr(static_cast<std::size_t>(point));
    rest.resize(static_cast<std::size_t>(fraction), '0');
    if (trim) rest.erase(rest.find_last_not_of('0') + 1);
    out += whole;
    if (!rest.empty() || alternate) out += '.', out += rest;
}

void append_general(std::string& out, double x, int precision) {
    if (std::signbit(x)) out += '-';
    if (std::isnan(x)) out += "nan";
    else if (std::isinf(x)) out += "inf";
    else append_unsigned(out, x, 'g', precision, false);
}

}  // namespace explainer::number_text
