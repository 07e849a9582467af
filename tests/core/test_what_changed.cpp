#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/reading/step_state.h"
#include "core/reading/what_changed.h"
#include "fixture.h"

using namespace explainer;
using what_changed::Kind;

namespace {
// The fixture, where Hero was first thought human (overturned at s4 by what
// s4 teaches) and Hero's fight with the Mask only seems so, and ends at s4.
story::Story beliefs_story() {
    auto j = fixture::story();
    j["entities"][0]["facts"] = nlohmann::json::parse(R"([
        {"id": "thought-human", "step": "s1", "text": "Thought to be human.", "until": "s4", "replacedBy": "from-stars"},
        {"id": "from-stars", "step": "s4", "text": "Came from the stars."}])");
    j["relationships"][1]["apparent"] = true;
    j["relationships"][1]["until"] = "s4";
    const auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    return r.story;
}

bool has(const std::vector<what_changed::Item>& items, Kind kind, const std::string& text) {
    return std::any_of(items.begin(), items.end(),
                       [&](const what_changed::Item& i) { return i.kind == kind && i.text == text; });
}
}  // namespace

TEST_CASE("what changed lists new entities and relationships, apparent ones marked") {
    const auto s = beliefs_story();
    const auto items = what_changed::at(s, step_state::at(s, 1));
    CHECK(has(items, Kind::NewEntity, "The Mask"));
    CHECK(has(items, Kind::NewEntity, "Clan"));
    CHECK(has(items, Kind::NewRelationship, "The Mask leads Clan"));
    const auto fight = std::find_if(items.begin(), items.end(),
                                    [](const auto& i) { return i.text == "Hero fights The Mask"; });
    REQUIRE(fight != items.end());
    CHECK(fight->apparent);
    CHECK(fight->node == s.find_entity("hero"));
    CHECK_FALSE(has(items, Kind::NewEntity, "Hero"));   // Hero came at s1
}

TEST_CASE("what changed puts the reveal first, then what is no longer true") {
    const auto s = beliefs_story();
    const auto items = what_changed::at(s, step_state::at(s, 3));
    REQUIRE(items.size() >= 3);
    CHECK(items[0].kind == Kind::Reveal);
    CHECK(items[0].text == "Hero is an alien.");
    CHECK(items[1].kind == Kind::NoLongerTrue);
    // The Mask is the Villain since s3: the overturned edge reads with the name the reader now knows.
    CHECK(has(items, Kind::NoLongerTrue, "Hero fights Villain"));
    CHECK(has(items, Kind::NoLongerTrue, "Hero: Thought to be human."));
    CHECK(has(items, Kind::NewFact, "Hero: Came from the stars."));
    // One step earlier, nothing has been overturned and s4's fact is unknown.
    const auto before = what_changed::at(s, step_state::at(s, 2));
    for (const auto& i : before) {
        CHECK(i.kind != Kind::NoLongerTrue);
        CHECK(i.text.find("stars") == std::string::npos);
    }
}

TEST_CASE("a state marks overturned relationships from their end on, newly at the end") {
    const auto s = beliefs_story();
    CHECK_FALSE(step_state::at(s, 2).rel_over[1]);
    CHECK(step_state::at(s, 3).rel_over[1]);
    CHECK(step_state::at(s, 3).rel_over_new[1]);
    CHECK(step_state::at(s, 3).rel_known[1]);   // still known: it was believed
}

TEST_CASE("a card strikes an overturned fact and shows what replaced it, never earlier") {
    const auto s = beliefs_story();
    const auto hero = s.find_entity("hero");
    const auto early = step_state::card(s, step_state::at(s, 2), hero);
    REQUIRE(early.facts.size() == 1);
    CHECK(early.facts[0].text == "Thought to be human.");
    CHECK_FALSE(early.facts[0].overturned);
    CHECK(early.facts[0].replaced_by.empty());   // s4 has not been seen
    const auto late = step_state::card(s, step_state::at(s, 3), hero);
    REQUIRE(late.facts.size() == 1);             // the replacement sits beside it, not again below
    CHECK(late.facts[0].overturned);
    CHECK(late.facts[0].overturned_now);
    CHECK(late.facts[0].replaced_by == "Came from the stars.");
    const auto fight = std::find_if(late.links.begin(), late.links.end(),
                                    [](const auto& l) { return l.text == "Hero fights Villain"; });
    REQUIRE(fight != late.links.end());
    CHECK(fight->overturned);
    CHECK(fight->apparent);
}

TEST_CASE("the real story: 'The Nine are not an army' overturns the rebellion, on the map and the card") {
    const auto s = fixture::real_story();
    const int k = s.find_step("not-rebels");   // the alias of twist-2
    REQUIRE(k >= 0);
    const auto st = step_state::at(s, k);
    const auto items = what_changed::at(s, st);
    CHECK(has(items, Kind::NoLongerTrue, "The Immortal Nine are plotting to overthrow Humans"));
    CHECK(has(items, Kind::Reveal, s.steps[static_cast<std::size_t>(k)].summary));
    const auto nine = step_state::card(s, st, s.find_entity("immortal-nine"));
    const auto rebels = std::find_if(nine.facts.begin(), nine.facts.end(), [](const auto& f) { return f.overturned; });
    REQUIRE(rebels != nine.facts.end());
    CHECK(rebels->replaced_by.find("ordinary, private lives") != std::string::npos);
    CHECK(!rebels->cite.empty());
}

TEST_CASE("the real story: every reveal step says its twist, and what changed never names the future") {
    const auto s = fixture::real_story();
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) {
        const auto st = step_state::at(s, k);
        const auto items = what_changed::at(s, st);
        INFO("step " << s.steps[static_cast<std::size_t>(k)].id);
        CHECK_FALSE(items.empty());   // every step adds or changes something
        if (s.steps[static_cast<std::size_t>(k)].reveal)
            CHECK(std::any_of(items.begin(), items.end(), [](const auto& i) { return i.kind == Kind::Reveal; }));
        for (const auto& item : items) {
            CHECK(std::find(st.nodes.begin(), st.nodes.end(), item.node) != st.nodes.end());
            for (std::size_t e = 0; e < s.entities.size(); ++e)
                if (!st.entity_known[e]) CHECK(item.text.find(s.entities[e].name) == std::string::npos);
        }
    }
}

TEST_CASE("sentences agree with plural subjects and never say 'is a Neans'") {
    const auto s = fixture::real_story();
    const auto last = step_state::at(s, static_cast<int>(s.steps.size()) - 1);
    const auto rouge = step_state::card(s, last, s.find_entity("rouge"));
    auto says = [](const step_state::Card& c, const std::string& text) {
        return std::any_of(c.links.begin(), c.links.end(), [&](const auto& l) { return l.text == text; });
    };
    CHECK(says(rouge, "Rouge Redstar is one of the Neans"));
    CHECK(says(rouge, "Roy Yunghart is a parent of Rouge Redstar"));   // her father, not only her creator
    const auto nine = step_state::card(s, last, s.find_entity("immortal-nine"));
    CHECK(says(nine, "The Immortal Nine are Neans"));
    CHECK(says(nine, "Alter includes some of The Immortal Nine"));
    const auto naomi = step_state::card(s, last, s.find_entity("naomi"));
    CHECK(says(naomi, "Naomi Orthmann is a go-between for Humans"));
    CHECK(says(naomi, "Naomi Orthmann is a go-between for Visitors"));
    for (int node : last.nodes)
        for (const auto& l : step_state::card(s, last, node).links) {
            INFO(l.text);
            CHECK(l.text.find(" is a Neans") == std::string::npos);
            CHECK(l.text.find("Opera leads Usurpers") == std::string::npos);
        }
}
