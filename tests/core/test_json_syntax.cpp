#include <doctest/doctest.h>

#include <string>

#include "core/text/json_syntax.h"
#include "core/story/loader.h"

using explainer::json_syntax::describe;

TEST_CASE("a syntax error reads in an author's words, whatever is broken, with no parser terms") {
    const char* broken[] = {
        "{\"a\": 1,}", "[1,]", "{\"a\": tru}", "{ a: 1}", "{'a': 1}", "{\"a\": \"x", "", "  ", "{\"a\": 1",
        "{} {}", "{\"a\" 1}", "{\"a\": 1 \"b\": 2}", "[1 2]", "{\"a\": 1: 2}", "{\"a\": }", "{\"a\": \"x\ny\"}",
        "{\"a\": \"\\q\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"\\ud800x\"}", "{\"a\": \"\\udc00\"}", "{\"a\": -x}",
        "{\"a\": 1.}", "{\"a\": 1e}", "{// c\n}", "{\"a\": /* c */ 1}", "#", "{,}", "[", "{\"a\"", "{\"a\":",
        "\xEF\xBB\xBF", "{\"a\": [}", "{\"a\": nul}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": +1}"};
    for (const char* text : broken) {
        const auto r = explainer::loader::load(text);
        REQUIRE_MESSAGE(r.problems.size() == 1, text);
        const std::string& what = r.problems[0].what;
        INFO(text, " => ", what);
        CHECK(what.rfind("not valid JSON: ", 0) == 0);
        for (const char* jargon : {"syntax error", "literal", "parse", "token", "exception", "input", "<U+", "last read"})
            CHECK(what.find(jargon) == std::string::npos);
        CHECK(r.problems[0].where.rfind("line ", 0) == 0);
    }
}

TEST_CASE("describe points at a bad word's start and at an unexpected token's start") {
    const std::string text = "{\"a\" \"b\"}";
    const auto d = describe("syntax error while parsing object separator - unexpected string literal; expected ':'", text, 7);
    CHECK(d.what == "not valid JSON: expected ':' after the name, found text in quotes");
    CHECK(d.at == 5);
    const std::string word = "{\"a\": nope}";
    const auto w = describe("syntax error while parsing value - invalid literal; last read: 'no'; expected '[', '{', or a literal", word, 7);
    CHECK(w.at == 6);
}

TEST_CASE("a report of a shape the parser never gave still gets plain words") {
    CHECK(describe("something else entirely", "{}", 1).what == "not valid JSON: the JSON cannot be read here");
    CHECK(describe("", "", 0).what == "not valid JSON: the JSON cannot be read here");
}
