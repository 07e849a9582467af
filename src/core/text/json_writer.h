// json_writer.h — writes JSON text straight into a string, for what the
// program reports to the page many times a second (state(), the reader's
// state, the DOM twins' list): no document built first, and no serializer
// or number printer of nlohmann/json's in the download.
//
//     json_writer::Writer w;
//     w.object().field("step", "naomi").field("index", 4).key("at").array().value(1.5f).value(2).end().end();
//     std::string text = w.text();   // {"step":"naomi","index":4,"at":[1.5,2]}
//
// Commas and colons are the writer's business; the caller says what comes
// in what order, and keys are written in that order. Text that is not valid
// UTF-8 is written with U+FFFD in place of each bad byte, so the output is
// always JSON; a number that is not finite is written as null.
#pragma once

#include <string>
#include <string_view>

namespace explainer::json_writer {

class Writer {
public:
    Writer& object() { return open('{', '}'); }
    Writer& array() { return open('[', ']'); }
    Writer& end();                         // } or ], whichever is open
    Writer& key(std::string_view name);    // inside an object, before its value
    Writer& value(std::string_view text);
    Writer& value(const char* text) { return text ? value(std::string_view(text)) : null(); }
    Writer& value(const std::string& text) { return value(std::string_view(text)); }
    Writer& value(bool b);
    Writer& value(int n);
    Writer& value(long long n);
    Writer& value(std::size_t n) { return value(static_cast<long long>(n)); }
    Writer& value(double x);               // 17 digits: reads back as the same number (a float, promoted, too)
    Writer& null();
    // key(name).value(v), the common case.
    template <typename T>
    Writer& field(std::string_view name, const T& v) { return key(name).value(v); }

    const std::string& text() const { return out_; }

private:
    Writer& open(char opener, char closer);
    void separate();   // a comma before the next item, unless it is the first
    std::string out_;
    std::string open_;     // the closers still owed, innermost last
    bool first_ = true;    // nothing yet in the innermost object or array (or after a key)
};

// `text` as a JSON string, quotes included.
void append_string(std::string& out, std::string_view text);

}  // namespace explainer::json_writer
