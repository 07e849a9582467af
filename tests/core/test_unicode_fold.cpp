#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/text/unicode_fold.h"

using namespace explainer::unicode_fold;

namespace {
std::string key(const char* utf8) { return reader_key(utf8); }

std::u32string code_points(const std::string& hex_list) {
    std::u32string out;
    std::istringstream in(hex_list);
    std::string hex;
    while (in >> hex) out += static_cast<char32_t>(std::stoul(hex, nullptr, 16));
    return out;
}
}  // namespace

TEST_CASE("decompose: precomposed letters, singletons, Hangul and kana come apart; marks take canonical order") {
    CHECK(decompose(U"\u00E9") == U"e\u0301");                        // é
    CHECK(decompose(U"\u01D6") == U"u\u0308\u0304");                  // ǖ: a chain of two steps
    CHECK(decompose(U"\u2126") == U"\u03A9");                         // OHM SIGN is capital omega
    CHECK(decompose(U"\u212B") == U"A\u030A");                        // ANGSTROM SIGN
    CHECK(decompose(U"\u304C") == U"\u304B\u3099");                   // が
    CHECK(decompose(U"\uD55C") == U"\u1112\u1161\u11AB");             // 한 (computed, not tabled)
    CHECK(decompose(U"\uAC00") == U"\u1100\u1161");                   // 가 has no trailing consonant
    CHECK(decompose(U"a\u0301\u0323") == U"a\u0323\u0301");          // dot below (220) before acute (230)
    CHECK(decompose(U"\u1EA1\u0301") == U"a\u0323\u0301");
    CHECK(decompose(U"a\u0301\u0300") == U"a\u0301\u0300");          // equal classes keep their order
    CHECK(decompose(U"\U0001D15E") == U"\U0001D157\U0001D165");      // a musical half note, beyond the BMP
    CHECK(decompose(U"Code Eve") == U"Code Eve");
}

TEST_CASE("fold_case: every script's capitals, folds to several letters, and beyond the BMP") {
    CHECK(fold_case(U"ABCXYZ") == U"abcxyz");
    CHECK(fold_case(U"\u00DF") == U"ss");                               // ß
    CHECK(fold_case(U"\u1E9E") == U"ss");                               // ẞ
    CHECK(fold_case(U"\u0130") == U"i\u0307");                          // İ
    CHECK(fold_case(U"\u03A3\u03C2") == U"\u03C3\u03C3");               // Σ and final ς
    CHECK(fold_case(U"\u0414\u0430") == U"\u0434\u0430");               // Д
    CHECK(fold_case(U"\u0531") == U"\u0561");                           // Armenian
    CHECK(fold_case(U"\u0100\u0101\u0102") == U"\u0101\u0101\u0103");   // Latin Extended-A, every other one
    CHECK(fold_case(U"\u212A") == U"k");                                // KELVIN SIGN
    CHECK(fold_case(U"\u13F8\uAB70") == U"\u13F0\u13A0");               // Cherokee folds to capitals
    CHECK(fold_case(U"\U00010400") == U"\U00010428");                   // Deseret
    CHECK(fold_case(U"\uFF21") == U"\uFF41");                           // full-width stays full-width
    CHECK(fold_case(U"\u3042\u4E00") == U"\u3042\u4E00");               // no case: unchanged
}

TEST_CASE("reader_key: texts a reader cannot tell apart meet; texts a reader can tell apart do not") {
    CHECK(key("Caf\xC3\xA9") == key("cafe\xCC\x81"));                     // é as one code point or two
    CHECK(key("\xC3\x89lan") == key("\xC3\xA9LAN"));                       // É and é
    CHECK(key("\xC3\x86sir") == key("\xC3\xA6SIR"));                       // Æ and æ
    CHECK(key("Stra\xC3\x9F" "e") == key("STRASSE"));                      // ß
    CHECK(key("\xE2\x84\xA6mega") == key("\xCF\x89MEGA"));                 // OHM SIGN, small omega
    CHECK(key("\xEA\xB0\x80") == key("\xE1\x84\x80\xE1\x85\xA1"));         // 가 as a syllable or as jamo
    CHECK(key("\xE3\x81\x8C") == key("\xE3\x81\x8B\xE3\x82\x99"));         // が as one kana or two
    CHECK(key("\xC7\x85") == key("\xC7\x84"));                             // ǅ (title case) and Ǆ
    CHECK(key("Code\xC2\xA0" "Eve") == key("code  eve"));                  // NBSP, two spaces
    CHECK(key("Co\xE2\x80\x8B" "de Eve") == key("Code Eve"));              // a zero-width space
    CHECK(key(" Code Eve\xE3\x80\x80") == key("Code Eve"));               // spaces at the ends
    CHECK(key("Caf\xC3\xA9") != key("Cafe"));                              // an accent is not nothing
    CHECK(key("\xD0\xB0") != key("a"));                                    // Cyrillic а is another letter
    CHECK(key("\xEF\xBC\xA1") != key("A"));                                // full-width Ａ reads wider
    CHECK(key("\xE3\x81\x8C") != key("\xE3\x81\x8B"));                     // が is not か
}

TEST_CASE("reader_key on text cut short inside a character reads what is there") {
    CHECK(key("Caf\xC3") == key("Caf\xC3"));
    CHECK(reader_key(std::string_view("a\xF0\x9F", 3)).size() >= 1);
}

// Unicode's own conformance test for NFD, from Debian's unicode-data (the
// build unpacks it): for each line c1..c5, NFD(c1) = NFD(c2) = NFD(c3) = c3
// and NFD(c4) = NFD(c5) = c5; every code point not in Part 1 is its own NFD.
TEST_CASE("decompose passes Unicode's NormalizationTest.txt") {
    std::ifstream in(NORMALIZATION_TEST);
    REQUIRE(in.good());
    std::string line;
    int lines = 0, failures = 0;
    bool part1 = false;
    std::vector<bool> listed(0x110000, false);
    while (std::getline(in, line)) {
        if (line.rfind("@Part", 0) == 0) part1 = line.rfind("@Part1", 0) == 0;
        if (line.empty() || line[0] == '#' || line[0] == '@') continue;
        std::vector<std::u32string> c;
        std::size_t from = 0;
        for (int k = 0; k < 5; ++k) {
            const auto semi = line.find(';', from);
            c.push_back(code_points(line.substr(from, semi - from)));
            from = semi + 1;
        }
        if (part1) listed[c[0][0]] = true;
        const bool ok = decompose(c[0]) == c[2] && decompose(c[1]) == c[2] && decompose(c[2]) == c[2] &&
                        decompose(c[3]) == c[4] && decompose(c[4]) == c[4];
        if (!ok && ++failures <= 5) FAIL_CHECK("NFD differs on: " << line);
        ++lines;
    }
    CHECK(lines > 19000);
    for (char32_t c = 0; c < 0x110000; ++c) {
        if (listed[c] || (c >= 0xD800 && c <= 0xDFFF)) continue;
        const std::u32string one(1, c);
        if (decompose(one) != one && ++failures <= 5) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(c) << " should be its own NFD");
    }
    CHECK(failures == 0);
}

TEST_CASE("caseless_key is stable: the key of a key is itself, for every code point that has case or parts") {
    int failures = 0;
    // Beyond U+1FFFF only the CJK compatibility ideographs decompose, and nothing there has case.
    for (char32_t c = 0; c < 0x2FA20; c = c == 0x1FFFF ? 0x2F800 : c + 1) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const auto k = caseless_key(std::u32string(1, c));
        if (caseless_key(k) != k && ++failures <= 5) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(c));
    }
    CHECK(failures == 0);
}
