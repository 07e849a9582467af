#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/text/json_writer.h"

using explainer::json_writer::Writer;

TEST_CASE("the writer puts commas and colons where JSON needs them, keys in the order given") {
    Writer w;
    w.object()
        .field("step", "naomi")
        .field("index", 4)
        .key("at").array().value(1.5f).value(2).end()
        .key("empty").object().end()
        .key("none").array().end()
        .key("nested").array().object().field("a", true).end().object().field("b", false).end().end()
        .key("nothing").null()
        .end();
    CHECK(w.text() == R"({"step":"naomi","index":4,"at":[1.5,2],"empty":{},"none":[],)"
                      R"("nested":[{"a":true},{"b":false}],"nothing":null})");
    // An end() with nothing open leaves the text as it is.
    w.end();
    CHECK(nlohmann::json::parse(w.text())["index"] == 4);
}

TEST_CASE("strings are escaped, and bytes that are not UTF-8 become U+FFFD") {
    Writer w;
    w.array().value("quote \" backslash \\ newline \n tab \t bell \x07").value("Café, 名前").value(std::string("a\0b", 3));
    w.value("bad \xC3 then \xFF\xFE end").value("cut short \xE2\x82").end();
    CHECK(w.text() == "[\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007\",\"Café, 名前\",\"a\\u0000b\","
                      "\"bad \xEF\xBF\xBD then \xEF\xBF\xBD\xEF\xBF\xBD end\",\"cut short \xEF\xBF\xBD\xEF\xBF\xBD\"]");
    const auto back = nlohmann::json::parse(w.text());
    CHECK(back[0] == "quote \" backslash \\ newline \n tab \t bell \x07");
    CHECK(back[2] == std::string("a\0b", 3));
}

TEST_CASE("numbers read back as the same value; one that is not finite is null") {
    const float floats[] = {0.0f, -0.0f, 0.1f, 1.0f / 3, 12.5f, -1234.5678f, 3.0e38f, 1.0e-30f, 65536.0f};
    const long long ints[] = {0, -1, 2147483647LL, -2147483648LL, 9007199254740991LL};
    Writer w;
    w.array();
    for (float f : floats) w.value(f);
    for (long long n : ints) w.value(n);
    w.value(std::size_t{42});
    w.value(std::numeric_limits<float>::quiet_NaN()).value(std::numeric_limits<double>::infinity());
    w.end();
    const auto back = nlohmann::json::parse(w.text());
    std::size_t i = 0;
    for (float f : floats) CHECK(back[i++].get<double>() == static_cast<double>(f));   // the very double nlohmann wrote before
    for (long long n : ints) CHECK(back[i++].get<long long>() == n);
    CHECK(back[i++] == 42);
    CHECK(back[i++].is_null());
    CHECK(back[i++].is_null());
}
