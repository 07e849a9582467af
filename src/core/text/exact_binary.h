// exact_binary.h — the exact arithmetic under number_text: binary
// floating-point values as integers (m × 2^e) and an unsigned integer of any
// size to scale them by powers of two, five and ten. Private to
// number_text.cpp and number_read.cpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace explainer::number_text::exact_binary {

// An unsigned integer of any size, 32 bits a limb, least significant first,
// never with a zero limb on top: only the operations the conversions need.
class Big {
public:
    explicit Big(std::uint64_t v = 0) {
        for (; v; v >>= 32) limbs_.push_back(static_cast<std::uint32_t>(v));
    }
    bool zero() const { return limbs_.empty(); }

    void mul(std::uint32_t k) {
        std::uint64_t carry = 0;
        for (auto& limb : limbs_) {
            const std::uint64_t p = std::uint64_t{limb} * k + carry;
            limb = static_cast<std::uint32_t>(p);
            carry = p >> 32;
        }
        if (carry) limbs_.push_back(static_cast<std::uint32_t>(carry));
    }
    void add(std::uint32_t k) {
        std::uint64_t carry = k;
        for (auto& limb : limbs_) {
            if (!carry) return;
            const std::uint64_t s = std::uint64_t{limb} + carry;
            limb = static_cast<std::uint32_t>(s);
            carry = s >> 32;
        }
        if (carry) limbs_.push_back(static_cast<std::uint32_t>(carry));
    }
    void mul_pow2(int n) {
        if (zero() || n <= 0) return;
        limbs_.insert(limbs_.begin(), static_cast<std::size_t>(n / 32), 0u);
        if (const int r = n % 32) {
            std::uint32_t carry = 0;
            for (auto& limb : limbs_) {
                const std::uint32_t next = limb >> (32 - r);
                limb = (limb << r) | carry;
                carry = next;
            }
            if (carry) limbs_.push_back(carry);
        }
    }
    void mul_pow5(int n) {
        for (; n >= 13; n -= 13) mul(1220703125u);   // 5^13, the largest power of 5 in 32 bits
        std::uint32_t rest = 1;
        for (; n > 0; --n) rest *= 5;
        mul(rest);
    }
    void mul_pow10(int n) { mul_pow5(n), mul_pow2(n); }

    // Divides by k, returning the remainder.
    std::uint32_t divide(std::uint32_t k) {
        std::uint64_t rem = 0;
        for (std::size_t i = limbs_.size(); i-- > 0;) {
            const std::uint64_t cur = (rem << 32) | limbs_[i];
            limbs_[i] = static_cast<std::uint32_t>(cur / k);
            rem = cur % k;
        }
        while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
        return static_cast<std::uint32_t>(rem);
    }

    int compare(const Big& o) const {
        if (limbs_.size() != o.limbs_.size()) return limbs_.size() < o.limbs_.size() ? -1 : 1;
        for (std::size_t i = limbs_.size(); i-- > 0;)
            if (limbs_[i] != o.limbs_[i]) return limbs_[i] < o.limbs_[i] ? -1 : 1;
        return 0;
    }

    // Decimal digits, no leading zero ("" for zero).
    std::string decimal() const {
        Big rest = *this;
        std::string out;
        while (!rest.zero()) {
            std::uint32_t chunk = rest.divide(1000000000u);
            for (int i = 0; i < 9; ++i, chunk /= 10) out.push_back(static_cast<char>('0' + chunk % 10));
        }
        while (!out.empty() && out.back() == '0') out.pop_back();
        return std::string(out.rbegin(), out.rend());
    }

private:
    std::vector<std::uint32_t> limbs_;
};

// A binary floating-point format: a value is m × 2^e with m below 2^bits;
// normal values have m ≥ 2^(bits-1), subnormal ones e == min_exp.
struct Format {
    int bits;
    int min_exp;   // the exponent of the least subnormal
    int max_exp;   // the exponent of the largest finite value
};
constexpr Format kDouble{53, -1074, 971};
constexpr Format kFloat{24, -149, 104};

struct Binary {
    std::uint64_t m = 0;
    int e = 0;
};

// double and float, as IEEE 754 lays them out.
template <typename T>
struct Layout;
template <>
struct Layout<double> {
    using Bits = std::uint64_t;
    static constexpr Format format = kDouble;
};
template <>
struct Layout<float> {
    using Bits = std::uint32_t;
    static constexpr Format format = kFloat;
};

// A finite value's m and e (the sign left out), and back.
template <typename T>
Binary split(T x) {
    using Bits = typename Layout<T>::Bits;
    constexpr Format f = Layout<T>::format;
    Bits bits;
    std::memcpy(&bits, &x, sizeof bits);
    const Bits fraction = bits & ((Bits{1} << (f.bits - 1)) - 1);
    const int field = static_cast<int>((bits << 1) >> f.bits);   // the exponent's bits, the sign shifted out
    if (field == 0) return {fraction, f.min_exp};
    return {fraction | (Bits{1} << (f.bits - 1)), field - 1 + f.min_exp};
}

template <typename T>
T join(Binary b) {
    using Bits = typename Layout<T>::Bits;
    constexpr Format f = Layout<T>::format;
    Bits bits = static_cast<Bits>(b.m);   // a subnormal's bits are its m
    if (b.m >> (f.bits - 1))
        bits = (static_cast<Bits>(b.e + 1 - f.min_exp) << (f.bits - 1)) | (bits & ((Bits{1} << (f.bits - 1)) - 1));
    T x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

}  // namespace explainer::number_text::exact_binary
