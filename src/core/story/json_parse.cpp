#include "core/story/json_parse.h"

#include <algorithm>

#include "core/text/json_syntax.h"
#include "core/text/json_text.h"
#include "core/text/string_index.h"

namespace explainer::json_parse {

using loader::at;
using loader::Json;
using loader::Problem;
using loader::quote;

namespace {

// Captures nlohmann's syntax error (message and byte offset) without exceptions.
// The one parser path: nlohmann's own DOM builder, driven through sax_parse,
// which also keeps the position and text of a syntax error. (Json::parse
// plus a second, error-catching pass would link two more parser instances
// and read the text twice.) It also refuses a key that appears twice in one
// object, which nlohmann would let the last one win, saying where.
struct DomBuilder : nlohmann::detail::json_sax_dom_parser<Json> {
    using Base = nlohmann::detail::json_sax_dom_parser<Json>;
    explicit DomBuilder(Json& into) : Base(into, /*allow_exceptions=*/false) {}
    bool failed = false;
    std::size_t offset = 0;
    std::string message;
    int error_id = 0;
    std::string duplicate_at, duplicate;   // "entities[3]", "key \"id\" appears twice"; "" when none

    // Where the parser is: per open object its keys so far, per open list the next index.
    struct Level {
        bool list = false;
        std::size_t index = 0;
        std::string key;
        string_index::Index keys;   // the object's keys so far
    };
    std::vector<Level> levels;

    std::string path() const {
        std::string out;
        for (std::size_t i = 0; i + 1 < levels.size(); ++i) {   // the innermost is the object with the key
            const Level& l = levels[i];
            out = l.list ? at(out, l.index - 1) : at(out, l.key.c_str());
        }
        return out;
    }
    void value() {   // a value starts: in a list, it takes the next index
        if (!levels.empty() && levels.back().list) ++levels.back().index;
    }
    bool null() { return value(), Base::null(); }
    bool boolean(bool v) { return value(), Base::boolean(v); }
    bool number_integer(Json::number_integer_t v) { return value(), Base::number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return value(), Base::number_unsigned(v); }
    bool number_float(Json::number_float_t v, const std::string& s) { return value(), Base::number_float(v, s); }
    bool string(std::string& v) { return value(), Base::string(v); }
    bool binary(Json::binary_t& v) { return value(), Base::binary(v); }
    bool start_object(std::size_t n) {
        value();
        levels.push_back({});
        return Base::start_object(n);
    }
    bool end_object() {
        levels.pop_back();
        return Base::end_object();
    }
    bool start_array(std::size_t n) {
        value();
        levels.emplace_back();
        levels.back().list = true;
        return Base::start_array(n);
    }
    bool end_array() {
        levels.pop_back();
        return Base::end_array();
    }
    bool key(std::string& k) {
        Level& l = levels.back();
        if (!l.keys.insert(k, 0).second) {
            duplicate_at = path();
            if (duplicate_at.empty()) duplicate_at = "(top level)";
            duplicate = "key " + quote(k) + " appears twice";
            return false;
        }
        l.key = k;
        return Base::key(k);
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        failed = true;
        offset = position;
        message = ex.what();
        error_id = ex.id;
        return false;
    }
};

// nlohmann's out_of_range.406: "number overflow parsing '1e999'".
std::string overflow_message(const std::string& raw) {
    const auto quote_at = raw.find('\'');
    std::string number = quote_at == std::string::npos ? std::string() : raw.substr(quote_at + 1);
    if (!number.empty() && number.back() == '\'') number.pop_back();
    if (number.size() > 24) number = number.substr(0, 20) + "...";
    return "not valid JSON: the number " + number + " is too large to read";
}

// JSON text never holds a NUL byte; nlohmann would take one as the end of
// the input (and accept "{}\0junk"). A NUL next to ASCII in the first bytes
// means UTF-16 without its byte-order mark.
std::string nul_message(std::string_view text, std::size_t at) {
    int zeros = 0, pairs = 0;
    for (std::size_t i = 0; i + 1 < text.size() && i < 64; i += 2, ++pairs)
        zeros += (text[i] == '\0') != (text[i + 1] == '\0');
    if (pairs > 0 && zeros * 4 >= pairs * 3) return "the file looks like UTF-16 text; save it as UTF-8";
    return at + 1 == text.size() ? "the file ends with a NUL byte, which JSON text cannot hold"
                                 : "a NUL byte, which JSON text cannot hold (is the file binary, or cut short?)";
}

}  // namespace

bool parse(std::string_view text, Json& out, Problem& problem) {
    auto fail = [&](std::string where, std::string what) {
        problem = {std::move(where), std::move(what)};
        return false;
    };
    const bool utf16_mark = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'));
    if (const auto bad = json_text::find_invalid_utf8(text); bad != std::string_view::npos) {
        return fail(json_text::position(text, bad), utf16_mark && bad == 0 ? "the file is UTF-16 text; save it as UTF-8"
                                                                            : "the file is not valid UTF-8 text");
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        return fail(json_text::position(text, nul), nul_message(text, nul));
    }
    if (const auto deep = json_text::find_too_deep(text, loader::kMaxDepth); deep != std::string_view::npos) {
        return fail(json_text::position(text, deep), "nested more than " + std::to_string(loader::kMaxDepth) + " levels deep");
    }
    DomBuilder builder(out);
    const json_text::Compacted compact(text, loader::kMaxWhitespaceRun);
    const std::string_view json = compact.text();
    if (!Json::sax_parse(json.begin(), json.end(), &builder) || builder.failed) {
        if (!builder.duplicate.empty()) {
            return fail(builder.duplicate_at, builder.duplicate);
        }
        // The lexer reports the offset one past the offending character; a
        // number too large is pointed at where it starts.
        std::size_t offset = std::min(builder.offset > 0 ? builder.offset - 1 : 0, json.size());
        if (builder.error_id == 406) {
            while (offset > 0 && std::string_view("0123456789+-.eE").find(json[offset - 1]) != std::string_view::npos) --offset;
            return fail(json_text::position(text, compact.original(offset)), overflow_message(builder.message));
        }
        auto syntax = json_syntax::describe(builder.message, json, offset);
        return fail(json_text::position(text, compact.original(syntax.at)), std::move(syntax.what));
    }
    return true;
}

}  // namespace explainer::json_parse
