// fixture.h — the small valid story (tests/data/tiny.json) for tests to load
// as is or mutate, and a helper that reads files. Sections a, b; entities hero, mask, villain,
// aliens, clan; steps s1..s4, with "mask" unmasked as "villain" at s3 and
// "hero" revealed to be one of the "aliens" at s4.
#pragma once

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/text/file_text.h"
#include "core/story/loader.h"

namespace fixture {

inline explainer::loader::Result load(const nlohmann::json& j) { return explainer::loader::load(j.dump()); }

inline std::string read(const std::string& path) {
    std::string text;
    REQUIRE_MESSAGE(explainer::file_text::read(path, text) == explainer::file_text::Read::Ok, path);
    return text;
}

// tests/data/tiny.json, which the bad corpus (tests/bad/make_corpus.py) breaks one way per case.
inline nlohmann::json story() {
    static const auto parsed = nlohmann::json::parse(read(TINY_STORY));
    return parsed;
}

// Every problem as "where: what", one per line, for readable failure output.
inline std::string problems(const explainer::loader::Result& r) {
    std::string out;
    for (const auto& p : r.problems) out += p.text() + "\n";
    return out;
}

#ifdef STORY_FILE
// The shipped story, which every test using it expects to load cleanly.
inline explainer::story::Story real_story() {
    auto r = explainer::loader::load(read(STORY_FILE));
    REQUIRE_MESSAGE(r.ok(), problems(r));
    return r.story;
}
#endif

}  // namespace fixture
