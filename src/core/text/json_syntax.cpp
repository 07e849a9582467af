#include "core/text/json_syntax.h"

#include <algorithm>

namespace explainer::json_syntax {

namespace {

// The pieces of nlohmann's "syntax error while parsing <context> - <body>; expected <token>",
// where <body> is "unexpected <token>" or "<lexer error>; last read: '<token text>'".
struct Report {
    std::string_view context;   // value, object key, object separator, object, array
    std::string_view found;     // the token's name, when the lexer read one
    std::string_view lexer;     // the lexer's error, when it could not read one
    std::string_view expected;
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

Report read(std::string_view text) {
    Report r;
    if (const auto at = text.find("while parsing "); at != std::string_view::npos) {
        const auto from = at + 14, dash = text.find(" - ", from);
        if (dash != std::string_view::npos) r.context = text.substr(from, dash - from);
    }
    const auto dash = text.find("- ");
    if (dash == std::string_view::npos) return r;   // not a shape the parser gives: nothing to go on
    std::string_view body = text.substr(dash + 2);
    // The expected token ends the report; the lexer's own errors may hold "; expected" too,
    // so only the known token names count.
    for (std::string_view name : {"string literal", "':'", "']'", "'}'", "end of input", "'[', '{', or a literal"}) {
        const std::string tail = "; expected " + std::string(name);
        if (body.size() >= tail.size() && body.substr(body.size() - tail.size()) == tail) {
            r.expected = name;
            body.remove_suffix(tail.size());
            break;
        }
    }
    if (starts_with(body, "unexpected ")) {
        r.found = body.substr(11);
    } else if (const auto last = body.find("; last read: '"); last != std::string_view::npos) {
        r.lexer = body.substr(0, last);   // what was read is not shown: it may be any junk
    } else {
        r.lexer = body;
    }
    return r;
}

std::string plain_token(std::string_view name) {
    if (name == "string literal") return "text in quotes";
    if (name == "number literal") return "a number";
    if (name == "end of input") return "the end of the file";
    if (name == "true literal" || name == "false literal" || name == "null literal")
        return std::string(name.substr(0, name.find(' ')));
    return std::string(name);   // '{', ']', ':' and the like
}

// What the parser was looking for, by where it was.
std::string wanted(std::string_view context) {
    if (context == "object key") return "a name in double quotes";
    if (context == "object separator") return "':' after the name";
    if (context == "object") return "',' or '}'";
    if (context == "array") return "',' or ']'";
    return "a value (text in double quotes, a number, true, false, null, a list [ ] or an object { })";
}

// The last character before the error that is not a space.
char previous(std::string_view before) {
    const auto at = before.find_last_not_of(" \t\r\n");
    return at == std::string_view::npos ? '\0' : before[at];
}

std::string control_character(std::string_view lexer) {
    const auto at = lexer.find("U+");
    const std::string code = at == std::string_view::npos ? std::string() : std::string(lexer.substr(at, 6));
    if (code == "U+000A") return "a line break inside quoted text; write it as \\n";
    if (code == "U+0009") return "a tab inside quoted text; write it as \\t";
    if (code == "U+000D") return "a carriage return inside quoted text; write it as \\r";
    return "a control character (" + code + ") inside quoted text; write it as \\u" + code.substr(2);
}

// Where the word the lexer stopped in begins (its report's "last read" starts
// wherever its buffer did, so the text itself says it better).
std::size_t word_start(std::string_view text, std::size_t at) {
    if (at >= text.size()) return at;
    while (at > 0 && std::string_view(" \t\r\n{}[],:\"").find(text[at - 1]) == std::string_view::npos) --at;
    return at;
}

// Where a token the parser read whole, and did not expect, begins: it reports
// the offset of the token's last character.
std::size_t token_start(std::string_view text, std::size_t at, std::string_view found) {
    if (at >= text.size()) return at;
    if (found == "string literal" && text[at] == '"') {
        for (std::size_t i = at; i-- > 0;) {
            std::size_t slashes = 0;
            while (slashes < i && text[i - 1 - slashes] == '\\') ++slashes;
            if (text[i] == '"' && slashes % 2 == 0) return i;
        }
        return at;
    }
    if (found.find(" literal") != std::string_view::npos) return word_start(text, at);   // a number, true, false, null
    return at;
}

std::string lexer_error(const Report& r, char first) {
    const std::string_view e = r.lexer;
    if (e == "invalid literal") {
        if (first == '\'') return "names and text need double quotes (\"), not single quotes";
        if (first == '/') return "JSON has no comments; remove the // or /* */ text";
        if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
            return r.context == "object key" ? "a name without double quotes; write names as \"name\""
                                             : "a word without quotes; text needs double quotes, and the only "
                                               "bare words JSON allows are true, false and null";
        }
        return "expected " + wanted(r.context) + ", found a character that cannot be there";
    }
    if (e == "invalid string: missing closing quote") return "quoted text runs to the end of the file; its closing \" is missing";
    if (starts_with(e, "invalid string: control character")) return control_character(e);
    if (e == "invalid string: forbidden character after backslash")
        return "a backslash in quoted text starts an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX); "
               "write \\\\ for a backslash itself";
    if (starts_with(e, "invalid string: '\\u'")) return "\\u in quoted text must be followed by four hex digits";
    if (starts_with(e, "invalid string: surrogate U+D800"))
        return "a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF escape (two halves of one character)";
    if (starts_with(e, "invalid string: surrogate U+DC00"))
        return "a \\uDC00-\\uDFFF escape without the \\uD800-\\uDBFF escape that comes before it";
    if (e == "invalid number; expected digit after '-'") return "a number needs a digit after '-'";
    if (e == "invalid number; expected digit after '.'") return "a number needs a digit after the decimal point";
    if (starts_with(e, "invalid number")) return "a number needs a digit after its exponent (e)";
    if (starts_with(e, "invalid comment")) return "JSON has no comments; remove the // or /* */ text";
    return "a character that JSON cannot hold here";
}

}  // namespace

Described describe(std::string_view report, std::string_view text, std::size_t at) {
    const Report r = read(report);
    const std::string_view before = text.substr(0, std::min(at, text.size()));
    std::string what;
    if (r.lexer == "invalid literal") {   // point at the word's start, not where reading it failed
        at = word_start(text, at);
        what = lexer_error(r, at < text.size() ? text[at] : '\0');
    } else if (!r.lexer.empty()) {
        if (r.lexer == "invalid string: forbidden character after backslash" && at > 0) --at;   // at the backslash
        what = lexer_error(r, '\0');
    } else if (r.found == "end of input") {
        what = previous(before) != '\0' ? "the file ends too soon; expected " + wanted(r.context) + " (is it cut short?)"
               : before.empty()         ? "the file is empty"
                                        : "the file holds only spaces";
    } else if (r.expected == "end of input") {
        at = token_start(text, at, r.found);
        what = plain_token(r.found) + " after the end of the JSON; a story file holds one object { }";
    } else if ((r.found == "'}'" || r.found == "']'") && previous(before) == ',') {
        what = "a comma before " + std::string(r.found) + " with nothing after it; remove the comma";
    } else if (!r.found.empty()) {
        at = token_start(text, at, r.found);
        what = "expected " + wanted(r.context) + ", found " + plain_token(r.found);
        const bool a_value = r.found == "'{'" || r.found == "'['" || r.found.find(" literal") != std::string_view::npos;
        if ((r.context == "object" || r.context == "array") && a_value) what += " (is a comma missing?)";
    } else {
        what = "the JSON cannot be read here";
    }
    return {"not valid JSON: " + what, at};
}

}  // namespace explainer::json_syntax
