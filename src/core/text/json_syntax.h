// json_syntax.h — a JSON syntax error in an author's words.
//
// nlohmann/json reports one as "syntax error while parsing object key -
// invalid literal; last read: '{''; expected string literal". An author
// needs "names and text need double quotes, not single quotes". describe()
// reads the parser's report, and the text where it stopped, and
// says what is wrong without a parser's terms or the raw text it read (which
// may be any junk). The loader puts "line L, column C" in front.
#pragma once

#include <string>
#include <string_view>

namespace explainer::json_syntax {

struct Described {
    std::string what;   // "not valid JSON: …"
    std::size_t at;     // the offset to point the author at: a bad word's start, else where the parser stopped
};

// report: nlohmann's parse_error.101 message; text: what it parsed; at: the
// offset of the character where it stopped.
Described describe(std::string_view report, std::string_view text, std::size_t at);

}  // namespace explainer::json_syntax
