// text_format.cpp — see text_format.h. Conversions follow the C standard
// and, where it leaves a choice (%p, %c with '0'), musl, the C library the
// page would otherwise link.
#include "core/text/text_format.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/text/number_text.h"

namespace explainer::text_format {
namespace {

// The text as vsnprintf counts and cuts it.
class Out {
public:
    Out(char* buf, std::size_t size) : buf_(buf), size_(size) {}
    void put(char c) {
        if (length_ + 1 < size_) buf_[length_] = c;
        ++length_;
    }
    void put(std::string_view s) {
        for (char c : s) put(c);
    }
    void pad(char c, long n) {
        for (; n > 0; --n) put(c);
    }
    int finish() {
        if (size_) buf_[length_ < size_ ? length_ : size_ - 1] = '\0';
        return length_ > 0x7fffffff ? -1 : static_cast<int>(length_);
    }

private:
    char* buf_;
    std::size_t size_;
    std::size_t length_ = 0;
};

enum class Length { kNone, kChar, kShort, kLong, kLongLong, kMax, kSize, kPtrdiff };

struct Spec {
    bool left = false, plus = false, space = false, alternate = false, zero = false;
    long width = 0;
    int precision = -1;   // none given
    Length length = Length::kNone;
};

// One converted field: sign or prefix, then the body, padded to the width.
void field(Out& out, const Spec& spec, std::string_view prefix, std::string_view body, bool zero_pad) {
    const long fill = spec.width - static_cast<long>(prefix.size() + body.size());
    if (!spec.left && !zero_pad) out.pad(' ', fill);
    out.put(prefix);
    if (!spec.left && zero_pad) out.pad('0', fill);
    out.put(body);
    if (spec.left) out.pad(' ', fill);
}

long long signed_argument(Length length, std::va_list& args) {
    switch (length) {
        case Length::kChar: return static_cast<signed char>(va_arg(args, int));
        case Length::kShort: return static_cast<short>(va_arg(args, int));
        case Length::kLong: return va_arg(args, long);
        case Length::kLongLong: return va_arg(args, long long);
        case Length::kMax: return va_arg(args, std::intmax_t);
        case Length::kSize: return static_cast<std::make_signed_t<std::size_t>>(va_arg(args, std::size_t));
        case Length::kPtrdiff: return va_arg(args, std::ptrdiff_t);
        default: return va_arg(args, int);
    }
}

unsigned long long unsigned_argument(Length length, std::va_list& args) {
    switch (length) {
        case Length::kChar: return static_cast<unsigned char>(va_arg(args, unsigned));
        case Length::kShort: return static_cast<unsigned short>(va_arg(args, unsigned));
        case Length::kLong: return va_arg(args, unsigned long);
        case Length::kLongLong: return va_arg(args, unsigned long long);
        case Length::kMax: return va_arg(args, std::uintmax_t);
        case Length::kSize: return va_arg(args, std::size_t);
        case Length::kPtrdiff: return static_cast<std::make_unsigned_t<std::ptrdiff_t>>(va_arg(args, std::ptrdiff_t));
        default: return va_arg(args, unsigned);
    }
}

void integer(Out& out, Spec spec, char conversion, unsigned long long magnitude, bool negative) {
    const unsigned base = conversion == 'o' ? 8 : (conversion | 0x20) == 'x' ? 16 : 10;
    const char* symbols = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string digits;
    for (unsigned long long v = magnitude; v; v /= base) digits.insert(digits.begin(), symbols[v % base]);
    if (magnitude == 0 && spec.precision != 0) digits = "0";
    if (spec.precision > static_cast<int>(digits.size()))
        digits.insert(0, static_cast<std::size_t>(spec.precision) - digits.size(), '0');
    std::string prefix;
    if (conversion == 'd' || conversion == 'i') prefix = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    if (spec.alternate && base == 8 && (digits.empty() || digits[0] != '0')) digits.insert(digits.begin(), '0');
    if (spec.alternate && base == 16 && magnitude) prefix = conversion == 'X' ? "0X" : "0x";
    field(out, spec, prefix, digits, spec.zero && spec.precision < 0);
}

void floating(Out& out, const Spec& spec, char conversion, double x) {
    const std::string prefix = std::signbit(x) ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    const bool upper = conversion == 'E' || conversion == 'F' || conversion == 'G';
    if (!std::isfinite(x)) {
        field(out, spec, prefix, std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), false);
        return;
    }
    std::string body;
    number_text::append_unsigned(body, std::fabs(x), conversion, spec.precision < 0 ? 6 : spec.precision, spec.alternate);
    field(out, spec, prefix, body, spec.zero);
}

long number(const char*& p) {
    long n = 0;
    for (; *p >= '0' && *p <= '9'; ++p) n = n < 100000000 ? n * 10 + (*p - '0') : n;
    return n;
}

}  // namespace

int vformat(char* buf, std::size_t size, const char* format, std::va_list args_in) {
    Out out(buf, size);
    std::va_list args;
    va_copy(args, args_in);
    for (const char* p = format; *p;) {
        if (*p != '%') {
            out.put(*p++);
            continue;
        }
        const char* start = p++;
        Spec spec;
        for (;; ++p) {
            if (*p == '-') spec.left = true;
            else if (*p == '+') spec.plus = true;
            else if (*p == ' ') spec.space = true;
            else if (*p == '#') spec.alternate = true;
            else if (*p == '0') spec.zero = true;
            else break;
        }
        if (*p == '*') {
            ++p;
            const long w = va_arg(args, int);
            spec.left = spec.left || w < 0;
            spec.width = w < 0 ? -w : w;
        } else {
            spec.width = number(p);
        }
        if (*p == '.') {
            ++p;
            if (*p == '*') ++p, spec.precision = va_arg(args, int), spec.precision = spec.precision < 0 ? -1 : spec.precision;
            else spec.precision = static_cast<int>(number(p));
        }
        if (spec.left) spec.zero = false;
        if (p[0] == 'h' && p[1] == 'h') spec.length = Length::kChar, p += 2;
        else if (p[0] == 'l' && p[1] == 'l') spec.length = Length::kLongLong, p += 2;
        else if (*p == 'h') spec.length = Length::kShort, ++p;
        else if (*p == 'l') spec.length = Length::kLong, ++p;
        else if (*p == 'j') spec.length = Length::kMax, ++p;
        else if (*p == 'z') spec.length = Length::kSize, ++p;
        else if (*p == 't') spec.length = Length::kPtrdiff, ++p;
        const char conversion = *p;
        switch (conversion) {
            case '%': out.put('%'); break;
            case 'd': case 'i': {
                const long long v = signed_argument(spec.length, args);
                integer(out, spec, conversion, v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v), v < 0);
                break;
            }
            case 'u': case 'o': case 'x': case 'X': integer(out, spec, conversion, unsigned_argument(spec.length, args), false); break;
            case 'p': {   // as musl: at least 8 hex digits here, 0x before a nonzero address
                spec.precision = spec.precision > static_cast<int>(2 * sizeof(void*)) ? spec.precision : static_cast<int>(2 * sizeof(void*));
                spec.alternate = true;
                integer(out, spec, 'x', reinterpret_cast<std::uintptr_t>(va_arg(args, void*)), false);
                break;
            }
            case 'c': {
                const char c = static_cast<char>(va_arg(args, int));
                field(out, spec, "", std::string_view(&c, 1), false);
                break;
            }
            case 's': {
                const char* s = va_arg(args, const char*);
                if (!s) s = "(null)";
                const std::size_t n = spec.precision < 0 ? std::strlen(s) : strnlen(s, static_cast<std::size_t>(spec.precision));
                field(out, spec, "", std::string_view(s, n), false);
                break;
            }
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
                floating(out, spec, conversion, va_arg(args, double));
                break;
            default:   // not a conversion this writes: the rest as it stands
                out.put(start);
                va_end(args);
                return out.finish();
        }
        ++p;
    }
    va_end(args);
    return out.finish();
}

}  // namespace explainer::text_format
