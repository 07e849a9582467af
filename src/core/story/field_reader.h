// field_reader.h — typed, located access to a parsed JSON tree for the loader.
// Internal to the core. Every accessor checks the JSON type before reading,
// because the core is built with JSON_NOEXCEPTION (a wrong get<>() would abort),
// and reports what it finds wrong as a Problem at the field's path.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/story/loader.h"
#include "core/text/string_index.h"

namespace explainer::loader {

using Json = nlohmann::json;
using IdIndex = string_index::Index;   // id → its index in the list (≥ 0)

// A user-supplied string made safe and short for a message: quoted, control
// characters (C0, C1, text-direction) escaped, cut after 48 characters.
std::string quote(std::string_view text);
// "a number", "an array", … for "expected X, found Y" messages.
const char* describe(const Json& value);

enum class Need { Required, Optional };

struct TextRule {
    std::size_t max_chars;
    bool multiline = false;   // prose: allows '\n', and a text-direction control only warns
};

class FieldReader {
public:
    explicit FieldReader(std::vector<Problem>& out, std::vector<Problem>* warnings = nullptr)
        : out_(out), warnings_(warnings) {}

    void problem(std::string where, std::string what);

    // Reports every key of obj not in allowed (typos such as "titel").
    void only_keys(const Json& obj, const std::string& path,
                   std::initializer_list<const char*> allowed);
    // The array at obj[key], or nullptr (with a problem when required or mistyped).
    const Json* array(const Json& obj, const char* key, const std::string& path,
                      Need need, std::size_t max_items);
    bool text(const Json& obj, const char* key, const std::string& path, std::string& out,
              TextRule rule, Need need = Need::Required);
    bool slug(const Json& obj, const char* key, const std::string& path, std::string& out);
    // The same for a bare array element (an alias), reported at `where`.
    bool slug_value(const Json& value, const std::string& where, std::string& out);
    bool boolean(const Json& obj, const char* key, const std::string& path, bool& out,
                 Need need = Need::Required);
    // Index of the id at obj[key] in index, or -1 (with a problem).
    int ref(const Json& obj, const char* key, const std::string& path, const IdIndex& index,
            const char* noun, Need need = Need::Required);
    // The same for a bare array element.
    int ref_value(const Json& value, const std::string& path, const IdIndex& index,
                  const char* noun);
    // True when value is an object; reports it otherwise.
    bool object(const Json& value, const std::string& path);

private:
    bool check_text(const std::string& value, const std::string& path, TextRule rule);
    std::vector<Problem>& out_;
    std::vector<Problem>* warnings_;
};

std::string at(const std::string& path, const char* key);           // path.key
std::string at(const std::string& path, std::size_t index);         // path[i]

}  // namespace explainer::loader
