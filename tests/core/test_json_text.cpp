#include <doctest/doctest.h>

#include <string>

#include "core/text/json_text.h"

using namespace explainer::json_text;
constexpr auto npos = std::string_view::npos;

TEST_CASE("UTF-8: valid text passes, each kind of bad byte is found where it is") {
    CHECK(find_invalid_utf8("plain ascii") == npos);
    CHECK(find_invalid_utf8("Ève → “quotes” 🙂") == npos);
    CHECK(find_invalid_utf8("ab\xff") == 2);                 // never valid
    CHECK(find_invalid_utf8("a\xc3") == 1);                  // truncated
    CHECK(find_invalid_utf8("a\xc0\xaf") == 1);              // overlong 2-byte
    CHECK(find_invalid_utf8("\xe0\x80\xaf") == 0);           // overlong 3-byte
    CHECK(find_invalid_utf8("x\xed\xa0\x80") == 1);          // UTF-16 surrogate
    CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0);       // above U+10FFFF
    CHECK(find_invalid_utf8("\xe2\x82x") == 0);              // bad continuation
}

TEST_CASE("depth: brackets inside strings do not count") {
    CHECK(find_too_deep("[[[]]]", 3) == npos);
    CHECK(find_too_deep("[[[[]]]]", 3) == 3);
    CHECK(find_too_deep(R"({"a": "[[[[[[", "b": [1]})", 2) == npos);
    CHECK(find_too_deep(R"(["\"[[[[", [[[]]]])", 3) == 13);
    std::string deep(100000, '[');
    CHECK(find_too_deep(deep, 32) == 32);
}

TEST_CASE("positions count lines and characters, not bytes") {
    CHECK(position("abc", 0) == "line 1, column 1");
    CHECK(position("ab\ncd", 4) == "line 2, column 2");
    CHECK(position("é\né€x", 6) == "line 2, column 3");
    CHECK(position("ab", 99) == "line 1, column 3");   // clamped
}

TEST_CASE("long whitespace runs between tokens are cut for the parser, and offsets map back") {
    const std::string text = "{" + std::string(10, '\n') + "\"a\": \"" + std::string(12, ' ') + "\"," + std::string(9, ' ') + "x}";
    const Compacted c(text, 4);
    // Outside strings, runs longer than 4 keep 4; inside the string all 12 spaces stay.
    CHECK(c.text() == "{\n\n\n\n\"a\": \"" + std::string(12, ' ') + "\",    x}");
    const std::size_t x_in_compact = c.text().find('x'), x_in_text = text.find('x');
    CHECK(c.original(x_in_compact) == x_in_text);
    CHECK(c.original(0) == 0);
    CHECK(c.original(c.text().find('a')) == text.find('a'));
    // Nothing to cut: the text itself, not a copy.
    const std::string plain = "{\"a\": 1}";
    const Compacted same(plain, 4);
    CHECK(same.text().data() == plain.data());
}
