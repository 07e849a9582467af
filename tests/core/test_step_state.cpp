#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/reading/step_state.h"
#include "fixture.h"

using namespace explainer;

namespace {
struct Loaded {
    story::Story s = fixture::load(fixture::story()).story;
    int id(const char* name) const { return s.find_entity(name); }
};
bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool any_mentions(const std::vector<step_state::Line>& lines, const std::string& word) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const step_state::Line& l) { return l.text.find(word) != std::string::npos; });
}
}  // namespace

TEST_CASE("knowledge is cumulative and 'new' marks only this step") {
    Loaded f;
    const auto s1 = step_state::at(f.s, 0);
    CHECK(s1.nodes == std::vector<int>{f.id("hero")});
    CHECK(s1.entity_new[f.id("hero")]);
    const auto s2 = step_state::at(f.s, 1);
    CHECK(s2.entity_known[f.id("hero")]);
    CHECK_FALSE(s2.entity_new[f.id("hero")]);
    CHECK(s2.entity_new[f.id("mask")]);
    CHECK(s2.rel_known[0]);
    CHECK(s2.rel_new[0]);
    CHECK_FALSE(s2.rel_known[2]);   // villain fights hero: learned at s3
    CHECK_FALSE(step_state::at(f.s, 2).rel_new[0]);
}

TEST_CASE("an identity reveal turns one node into another") {
    Loaded f;
    const auto before = step_state::at(f.s, 1);
    CHECK(contains(before.nodes, f.id("mask")));
    CHECK(before.shown_as[f.id("villain")] == -1);
    const auto at = step_state::at(f.s, 2);
    CHECK_FALSE(contains(at.nodes, f.id("mask")));
    CHECK(contains(at.nodes, f.id("villain")));
    CHECK(at.shown_as[f.id("mask")] == f.id("villain"));
    CHECK(step_state::node_of(at, f.id("mask")) == f.id("villain"));
    CHECK(at.reveals_new == std::vector<int>{0});
    CHECK(step_state::at(f.s, 3).reveals_new == std::vector<int>{1});
    CHECK(step_state::at(f.s, 3).reveals_done == std::vector<int>{0, 1});
}

TEST_CASE("a nature reveal marks the subject without removing it") {
    Loaded f;
    CHECK(step_state::at(f.s, 2).revealed_as[f.id("hero")] == -1);
    const auto at = step_state::at(f.s, 3);
    CHECK(at.revealed_as[f.id("hero")] == f.id("aliens"));
    CHECK(contains(at.nodes, f.id("hero")));
}

TEST_CASE("cards show only what is known at the step") {
    Loaded f;
    const auto early = step_state::card(f.s, step_state::at(f.s, 1), f.id("hero"));
    CHECK(early.name == "Hero");
    CHECK(early.facts.empty());                     // the fact is learned at s4
    CHECK(early.revealed.empty());
    REQUIRE(early.links.size() == 1);
    CHECK(early.links[0].text == "Hero fights The Mask");
    const auto late = step_state::card(f.s, step_state::at(f.s, 3), f.id("hero"));
    REQUIRE(late.facts.size() == 1);
    CHECK(late.facts[0].text == "Came from the stars.");
    CHECK(late.revealed == std::vector<std::string>{"Hero is an alien."});
    CHECK(any_mentions(late.links, "Villain fights Hero"));
    CHECK(any_mentions(late.links, "Hero fights Villain"));   // the mask's edge now belongs to the villain

    CHECK(step_state::card(f.s, step_state::at(f.s, 0), f.id("villain")).entity == -1);   // unknown yet
    const auto unmasked = step_state::card(f.s, step_state::at(f.s, 2), f.id("mask"));
    CHECK(unmasked.name == "Villain");
    CHECK(unmasked.also_known_as == std::vector<std::string>{"The Mask"});
    CHECK(unmasked.revealed == std::vector<std::string>{"The Mask is the Villain."});
    CHECK(any_mentions(unmasked.links, "Villain leads Clan"));
}

TEST_CASE("step numbers out of range are clamped") {
    Loaded f;
    CHECK(step_state::at(f.s, -5).step == 0);
    CHECK(step_state::at(f.s, 99).step == 3);
    CHECK(step_state::node_of(step_state::at(f.s, 0), 999) == -1);
}
