// number_text.h — doubles to decimal text and back, exactly, in little code.
//
// printf and strtod, as C libraries write them, carry a long-double float
// parser and formatter that cost the page about 18 KB of its gzipped wasm
// (measured: bench/README, issue 29). What the program needs is much less:
// a double's digits rounded to a place, as printf rounds them, and a decimal
// number read back to the nearest double or float. Both are done here with
// exact integer arithmetic (a small bignum), so every result is the correctly
// rounded one that glibc and musl give; tests/core/test_number_text.cpp
// checks that against the C library on many values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace explainer::number_text {

// |x| rounded (to nearest, ties to even): value = 0.DIGITS × 10^point. Zero
// has all its digits '0'; a value that rounds to nothing at the place asked
// has no digits at all.
struct Rounded {
    std::string digits;
    int point = 0;
};

// |x| to `count` significant digits (count ≥ 1); x finite.
Rounded significant(double x, int count);
// |x| to `count` digits after the decimal point (count ≥ 0); x finite.
Rounded decimals(double x, int count);

// printf's %e, %f and %g of |x| (no sign; x finite): conversion is one of
// e E f F g G, precision as printf takes it (≥ 0), alternate for the '#' flag.
void append_unsigned(std::string& out, double x, char conversion, int precision, bool alternate);

// x as printf's "%.{precision}g" writes it, sign included: "%.17g" reads back
// as the very same double. Infinities and NaN as printf writes them.
void append_general(std::string& out, double x, int precision);

// A decimal number read as strtod reads one: spaces first, a sign, digits
// with an optional point and exponent, or "inf", "infinity", "nan". The
// value is the nearest double (or float), ties to even; `used` counts the
// characters read, 0 when there is no number. out_of_range when a nonzero
// number became zero or infinity (where strtod sets ERANGE). Hexadecimal
// floats are not read (JSON has none): "0x1p3" reads as 0, using one character.
struct Reading {
    double value = 0;
    std::size_t used = 0;
    bool out_of_range = false;
};
Reading read_double(std::string_view text);
struct FloatReading {
    float value = 0;
    std::size_t used = 0;
    bool out_of_range = false;
};
FloatReading read_float(std::string_view text);

}  // namespace explainer::number_text
