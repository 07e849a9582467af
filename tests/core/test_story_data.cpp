#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/story/loader.h"
#include "core/reading/step_state.h"
#include "fixture.h"

using namespace explainer;

TEST_CASE("the Metallic Rouge story validates and has the expected shape") {
    const auto s = fixture::real_story();
    CHECK(s.steps.size() >= 15);
    CHECK(s.steps.size() <= 25);
    CHECK(s.sections.size() == 3);
    CHECK(s.steps.front().section == 0);
    CHECK(s.steps.back().section == 2);
    CHECK(s.glossary.size() >= 8);
    for (const char* id : {"rouge", "naomi", "jean", "eva", "roy", "puppet-master", "opera", "cyan", "jill",
                           "jaron", "immortal-nine", "alter", "carnival", "ministry", "neans", "humans",
                           "usurpers", "visitors", "code-eve", "asimov-laws", "ids", "venus"}) {
        CHECK_MESSAGE(s.find_entity(id) >= 0, id);
    }
}

// Deep links carry these ids: every one ever published must still open its
// step, as the current id or as an alias kept when a step was renamed.
TEST_CASE("every published step id still opens its step") {
    const std::vector<std::string> published = {
        "two-peoples", "rouge", "the-mission", "collecting-ids", "naomi", "jean", "usurpers", "visitors",
        "naomi-first-nean", "not-rebels", "alter", "carnival", "why-the-ids", "code-eve", "eva", "two-sides",
        "venus", "puppet-master-is-roy", "roy-aim", "final-battle", "code-eve-activated", "opera-is-a-usurper",
        "virus-and-antivirus", "opera-escapes", "epilogue"};
    const auto s = fixture::real_story();
    REQUIRE(s.steps.size() == published.size());
    for (std::size_t i = 0; i < published.size(); ++i) CHECK_MESSAGE(s.find_step(published[i]) == static_cast<int>(i), published[i]);
}

TEST_CASE("no reveal step's id names its twist, and the old ids are aliases") {
    const auto text = fixture::read(STORY_FILE);
    const auto r = loader::load(text);
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    const auto& s = r.story;
    for (const auto& st : s.steps) {
        if (!st.reveal) continue;
        CHECK_MESSAGE(st.id.rfind("twist-", 0) == 0, st.id);
        CHECK_MESSAGE(st.aliases.size() == 1, st.id);
    }
    CHECK(s.steps[static_cast<std::size_t>(s.find_step("puppet-master-is-roy"))].id == "twist-4");
}

TEST_CASE("the three identity reveals the article describes are modelled as reveals") {
    const auto s = fixture::real_story();
    auto find = [&](const char* subject, const char* target, story::RevealType type) {
        for (const auto& rv : s.reveals)
            if (rv.subject == s.find_entity(subject) && rv.target == s.find_entity(target) && rv.type == type)
                return rv.step;
        return -1;
    };
    CHECK(find("puppet-master", "roy", story::RevealType::Identity) == s.find_step("puppet-master-is-roy"));
    CHECK(find("opera", "usurpers", story::RevealType::Nature) == s.find_step("opera-is-a-usurper"));
    CHECK(find("naomi", "neans", story::RevealType::Nature) == s.find_step("naomi-first-nean"));
    for (const auto& rv : s.reveals) CHECK(s.steps[rv.step].reveal);
}

TEST_CASE("from the first setup to the epilogue, nothing leaks ahead") {
    const auto s = fixture::real_story();
    const auto first = step_state::at(s, 0);
    CHECK(first.nodes.size() == 3);   // humans, Neans and the Asimov Laws
    CHECK(first.reveals_done.empty());
    const auto before = step_state::at(s, s.find_step("puppet-master-is-roy") - 1);
    CHECK_FALSE(before.entity_known[s.find_entity("roy")]);
    const auto pm = step_state::card(s, before, s.find_entity("puppet-master"));
    for (const auto& line : pm.links) CHECK(line.text.find("Roy") == std::string::npos);
    CHECK(pm.revealed.empty());

    const auto last = step_state::at(s, static_cast<int>(s.steps.size()) - 1);
    CHECK(s.steps.back().id == "epilogue");
    CHECK(last.reveals_done.size() == s.reveals.size());
    for (std::size_t e = 0; e < s.entities.size(); ++e) CHECK(last.entity_known[e]);
    CHECK(last.nodes.size() == s.entities.size() - 1);   // the Puppet Master is now Roy's node
}

TEST_CASE("glossary terms unlock no earlier than their entity appears") {
    const auto s = fixture::real_story();
    for (const auto& g : s.glossary) {
        CHECK(g.entity >= 0);
        CHECK(g.step >= s.entities[g.entity].first_step);
    }
}
