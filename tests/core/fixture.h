// fixture.h — a small valid story for tests to load as is or mutate, and a
// helper that reads files. Sections a, b; entities hero, mask, villain,
// aliens, clan; steps s1..s4, with "mask" unmasked as "villain" at s3 and
// "hero" revealed to be one of the "aliens" at s4.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/loader.h"

namespace fixture {

inline nlohmann::json story() {
    return nlohmann::json::parse(R"({
      "format": "story-explainer/1", "id": "tiny", "title": "Tiny", "show": "Test Show",
      "sections": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
      "relationTypes": [{"id": "leads", "label": "leads"}, {"id": "fights", "label": "fights"}],
      "entities": [
        {"id": "hero", "name": "Hero", "kind": "character", "desc": "The hero.",
         "facts": [{"step": "s4", "text": "Came from the stars."}]},
        {"id": "mask", "name": "The Mask", "kind": "character", "desc": "A masked figure."},
        {"id": "villain", "name": "Villain", "kind": "character", "desc": "The villain."},
        {"id": "aliens", "name": "Aliens", "kind": "species", "desc": "From elsewhere."},
        {"id": "clan", "name": "Clan", "kind": "group", "desc": "A clan."}
      ],
      "steps": [
        {"id": "s1", "section": "a", "reveal": false, "title": "One", "narration": "Hero appears.", "focus": ["hero"]},
        {"id": "s2", "section": "a", "reveal": false, "title": "Two", "narration": "A mask.", "focus": ["mask", "clan"]},
        {"id": "s3", "section": "b", "reveal": true, "title": "Three", "narration": "Unmasked.", "focus": ["mask"]},
        {"id": "s4", "section": "b", "reveal": true, "title": "Four", "narration": "Hero is alien.", "focus": ["hero"]}
      ],
      "relationships": [
        {"from": "mask", "type": "leads", "to": "clan", "step": "s2"},
        {"from": "hero", "type": "fights", "to": "mask", "step": "s2"},
        {"from": "villain", "type": "fights", "to": "hero", "step": "s3"}
      ],
      "reveals": [
        {"id": "mask-is-villain", "step": "s3", "subject": "mask", "type": "identity", "target": "villain", "summary": "The Mask is the Villain."},
        {"id": "hero-is-alien", "step": "s4", "subject": "hero", "type": "nature", "target": "aliens", "summary": "Hero is an alien."}
      ],
      "glossary": [{"term": "Clan", "definition": "A clan.", "step": "s2", "entity": "clan"}]
    })");
}

inline explainer::loader::Result load(const nlohmann::json& j) { return explainer::loader::load(j.dump()); }

inline std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
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
