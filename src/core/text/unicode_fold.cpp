#include "core/text/unicode_fold.h"

#include <algorithm>
#include <cstdint>

// The generated tables (build/…/generated/unicode_tables.cpp); the packing is
// described in scripts/unicode_tables.py.
namespace explainer::unicode_fold::tables {
extern const std::uint64_t kDecompositions[];
extern const std::size_t kDecompositionCount;
extern const std::uint64_t kClassRuns[];
extern const std::size_t kClassRunCount;
extern const std::uint64_t kFoldRuns[];
extern const std::size_t kFoldRunCount;
extern const char32_t kFullFolds[][4];
extern const std::size_t kFullFoldCount;
}  // namespace explainer::unicode_fold::tables

namespace explainer::unicode_fold {

namespace {

constexpr std::uint64_t kCodePointMask = 0x1FFFFF;

// Hangul syllables decompose by arithmetic (Unicode chapter 3.12), not by table.
constexpr char32_t kSyllableBase = 0xAC00, kLeadBase = 0x1100, kVowelBase = 0x1161, kTrailBase = 0x11A7;
constexpr char32_t kVowels = 21, kTrails = 28, kPerLead = kVowels * kTrails, kSyllables = 19 * kPerLead;

void append_decomposed(char32_t c, std::u32string& out) {
    if (c < 0xC0) {   // nothing below À decomposes: most text never reaches the table
        out += c;
        return;
    }
    if (c >= kSyllableBase && c < kSyllableBase + kSyllables) {
        const char32_t s = c - kSyllableBase;
        out += kLeadBase + s / kPerLead;
        out += kVowelBase + s % kPerLead / kTrails;
        if (s % kTrails) out += kTrailBase + s % kTrails;
        return;
    }
    const std::uint64_t* end = tables::kDecompositions + tables::kDecompositionCount;
    const std::uint64_t* it = std::lower_bound(tables::kDecompositions, end, std::uint64_t{c} << 42);
    if (it == end || (*it >> 42) != c) {
        out += c;
        return;
    }
    // One step per entry; chains (ǖ → ü + ◌̄ → u + ◌̈ + ◌̄) are at most a few deep.
    append_decomposed(static_cast<char32_t>((*it >> 21) & kCodePointMask), out);
    if (const auto second = static_cast<char32_t>(*it & kCodePointMask)) append_decomposed(second, out);
}

int combining_class(char32_t c) {
    if (c < 0x300) return 0;   // no combining mark comes before U+0300
    const std::uint64_t* end = tables::kClassRuns + tables::kClassRunCount;
    const std::uint64_t* it = std::upper_bound(tables::kClassRuns, end, (std::uint64_t{c} << 16) | 0xFFFF);
    if (it == tables::kClassRuns) return 0;
    const std::uint64_t run = *(it - 1);
    const std::uint64_t start = run >> 16, length = ((run >> 8) & 0xFF) + 1;
    return c < start + length ? static_cast<int>(run & 0xFF) : 0;
}

// Canonical order: within each run of combining marks, a stable sort by class.
void order_marks(std::u32string& text) {
    for (std::size_t i = 0; i < text.size();) {
        if (combining_class(text[i]) == 0) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && combining_class(text[end]) != 0) ++end;
        std::stable_sort(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(end),
                         [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
        i = end;
    }
}

void append_folded(char32_t c, std::u32string& out) {
    if (c < 0x80) {   // ASCII folds A-Z only
        out += c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        return;
    }
    const auto* full_end = tables::kFullFolds + tables::kFullFoldCount;
    const auto* full = std::lower_bound(tables::kFullFolds, full_end, c,
                                        [](const char32_t (&row)[4], char32_t key) { return row[0] < key; });
    if (full != full_end && (*full)[0] == c) {
        for (int k = 1; k < 4 && (*full)[k]; ++k) out += (*full)[k];
        return;
    }
    const std::uint64_t* end = tables::kFoldRuns + tables::kFoldRunCount;
    const std::uint64_t* it = std::upper_bound(tables::kFoldRuns, end, (std::uint64_t{c} << 43) | ((std::uint64_t{1} << 43) - 1));
    if (it != tables::kFoldRuns) {
        const std::uint64_t run = *(it - 1);
        const std::uint64_t start = run >> 43, count = ((run >> 35) & 0xFF) + 1, stride = ((run >> 34) & 1) + 1;
        const auto offset = static_cast<std::int64_t>(run & ((std::uint64_t{1} << 34) - 1)) - (std::int64_t{1} << 33);
        if ((c - start) % stride == 0 && (c - start) / stride < count) {
            out += static_cast<char32_t>(static_cast<std::int64_t>(c) + offset);
            return;
        }
    }
    out += c;
}

// The characters Unicode calls White_Space: each reads as a space.
bool space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace

std::u32string decompose(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size());
    for (const char32_t c : text) append_decomposed(c, out);
    order_marks(out);
    return out;
}

std::u32string fold_case(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size());
    for (const char32_t c : text) append_folded(c, out);
    return out;
}

std::u32string caseless_key(const std::u32string& text) { return decompose(fold_case(decompose(text))); }

bool invisible(char32_t c) {
    return space(c) || c == 0xAD || c == 0x34F || c == 0x115F || c == 0x1160 || c == 0x180E ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) ||
           c == 0x3164 || c == 0xFEFF || c == 0xFFA0;
}

std::string reader_key(std::string_view text) {
    std::u32string kept;
    bool gap = false;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (invisible(c)) {   // spaces of any kind count as one; the other invisible ones as none
            gap = gap || space(c);
            continue;
        }
        if (gap && !kept.empty()) kept += U' ';
        gap = false;
        kept += c;
    }
    std::string out;
    for (const char32_t c : caseless_key(kept)) append_utf8(out, c);
    return out;
}

char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t c = extra == 0 ? b : b & (0x3Fu >> extra);
    for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < text.size(); ++k)
        c = (c << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    i += static_cast<std::size_t>(extra) + 1;
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
        return;
    }
    if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
    } else {
        if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        }
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
}

}  // namespace explainer::unicode_fold
