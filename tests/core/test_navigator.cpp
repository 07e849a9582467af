#include <doctest/doctest.h>

#include "core/story/loader.h"
#include "core/reading/navigator.h"
#include "fixture.h"

using namespace explainer;
using navigator::HistoryPolicy;
using navigator::Navigator;

namespace {
story::Story tiny() { return fixture::load(fixture::story()).story; }
}  // namespace

TEST_CASE("stepping moves within bounds and never covers") {
    const auto s = tiny();
    Navigator nav(s);
    CHECK(nav.step() == 0);
    CHECK_FALSE(nav.prev());
    CHECK(nav.next());
    CHECK(nav.next());   // s3, a reveal, reached by stepping
    CHECK(nav.step() == 2);
    CHECK_FALSE(nav.covered());
    CHECK(nav.go(99));
    CHECK(nav.step() == 3);
    CHECK(nav.fragment() == "#/s4");
}

TEST_CASE("a link straight to an unseen reveal is covered until uncovered") {
    const auto s = tiny();
    Navigator nav(s);
    nav.open_link("#/s3/mask");
    CHECK(nav.step() == 2);
    CHECK(nav.covered());
    CHECK(nav.shown_step() == 1);                       // the map shows the step before
    CHECK(nav.selected() == s.find_entity("mask"));     // as known before the twist
    CHECK(nav.fragment() == "#/s3/mask");
    nav.uncover();
    CHECK_FALSE(nav.covered());
    CHECK(nav.shown_step() == 2);
    CHECK(nav.selected() == s.find_entity("villain"));  // now unmasked
    nav.go(0);
    nav.open_link("#/s3");                              // seen already: no cover
    CHECK_FALSE(nav.covered());

    Navigator other(s);
    other.open_link("#/s3/villain");                    // the villain is the twist itself
    CHECK(other.covered());
    CHECK(other.selected() == -1);                      // so nothing is selected under the cover
    CHECK(other.fragment() == "#/s3/villain");          // but the link is kept
    other.uncover();
    CHECK(other.selected() == s.find_entity("villain"));
    CHECK_FALSE(nav.covered());
}

TEST_CASE("Back/Forward to a reveal does not cover; a plain step link never does") {
    const auto s = tiny();
    Navigator nav(s);
    nav.open_link("#/s4", /*from_history=*/true);
    CHECK_FALSE(nav.covered());
    Navigator fresh(s);
    fresh.open_link("#/s2");
    CHECK_FALSE(fresh.covered());
    CHECK(fresh.notice().empty());
}

TEST_CASE("a link past unseen twists is covered, says how many, and shows the map before the first") {
    const auto s = tiny();   // s3 and s4 are both reveal steps
    Navigator nav(s);
    nav.open_link("#/s4");
    CHECK(nav.covered());
    CHECK(nav.skipped() == 2);
    CHECK(nav.first_skipped() == 2);
    CHECK(nav.shown_step() == 1);                      // before s3, not before s4
    CHECK_FALSE(nav.may_name(2));
    CHECK_FALSE(nav.may_name(3));
    CHECK(nav.may_name(1));
    // Next lifts the cover: it never skips past it.
    CHECK(nav.next());
    CHECK_FALSE(nav.covered());
    CHECK(nav.step() == 3);
    CHECK(nav.may_name(3));

    Navigator back(s);
    back.open_link("#/s4");
    CHECK(back.prev());                                 // Previous goes to the map it was showing
    CHECK_FALSE(back.covered());
    CHECK(back.step() == 1);
    back.open_link("#/s4");                             // still unseen: covered again
    CHECK(back.covered());
    back.go(2);                                         // stepping onto a twist shows it
    CHECK_FALSE(back.covered());
    back.open_link("#/s4");                             // one twist still unseen
    CHECK(back.covered());
    CHECK(back.skipped() == 1);
    CHECK(back.shown_step() == 2);
    back.uncover();
    back.open_link("#/s2");                             // everything up to s4 seen now
    back.open_link("#/s4");
    CHECK_FALSE(back.covered());
}

TEST_CASE("a plain step after a twist is covered on a cold link; an old id works as a link") {
    auto j = fixture::story();
    j["steps"].push_back({{"id", "s5"}, {"section", "b"}, {"reveal", false}, {"title", "Five"},
                          {"narration", "After."}, {"focus", {"villain"}}});
    j["steps"][2]["aliases"] = {"mask-is-villain-step"};
    const auto s = fixture::load(j).story;
    Navigator nav(s);
    nav.open_link("#/s5/villain");
    CHECK(nav.covered());
    CHECK(nav.skipped() == 2);
    CHECK(nav.selected() == -1);                        // the villain is behind the cover
    nav.uncover();
    CHECK(nav.selected() == s.find_entity("villain"));
    Navigator old(s);
    old.open_link("#/mask-is-villain-step");
    CHECK(old.step() == 2);
    CHECK(old.covered());
    CHECK(old.fragment() == "#/s3");                   // the address bar learns the new id
    CHECK(old.notice().empty());
}

TEST_CASE("bad links land on a sensible step with a notice") {
    const auto s = tiny();
    Navigator nav(s);
    nav.go(2);
    nav.open_link("#/nowhere");
    CHECK(nav.step() == 0);
    CHECK_FALSE(nav.notice().empty());
    nav.open_link("#/s2/nobody");
    CHECK(nav.step() == 1);
    CHECK(nav.selected() == -1);
    CHECK_FALSE(nav.notice().empty());
    nav.clear_notice();
    CHECK(nav.notice().empty());
    // Someone not met yet even at the linked step: the step, no selection, and why.
    Navigator early(s);
    CHECK(early.open_link("#/s1/villain"));   // the address bar is corrected
    CHECK(early.step() == 0);
    CHECK(early.selected() == -1);
    CHECK(early.fragment() == "#/s1");
    CHECK(early.notice().find("not appeared yet") != std::string::npos);
}

TEST_CASE("open_link says when the address bar needs correcting, and a link's states are built once") {
    const auto s = tiny();
    explainer::step_state::Cache states(s);
    Navigator nav(s, states);
    CHECK_FALSE(nav.open_link(""));          // the first step as it is
    CHECK_FALSE(nav.open_link("#/s2/mask"));
    CHECK(nav.open_link("#/s2/"));            // spelled otherwise: corrected
    CHECK(nav.fragment() == "#/s2");
    CHECK(nav.open_link("#/s2/%"));           // malformed: the first step
    CHECK(nav.fragment() == "#/s1");
    const int before = states.builds();
    nav.open_link("#/s3/villain", true);
    states.at(nav.shown_step());              // what the map draws
    nav.select(s.find_entity("villain"));
    CHECK(nav.selected() == s.find_entity("villain"));
    CHECK(states.builds() == before + 1);     // s3, once, for the link, the map and the selection
}

TEST_CASE("a selection follows its node, and is dropped when the node leaves the map") {
    const auto s = tiny();
    Navigator nav(s);
    nav.go(1);
    nav.select(s.find_entity("mask"));
    CHECK(nav.selected() == s.find_entity("mask"));
    nav.next();                                          // unmasked
    CHECK(nav.selected() == s.find_entity("villain"));
    nav.go(0);                                           // before anyone met the villain
    CHECK(nav.selected() == -1);
    nav.select(s.find_entity("villain"));                // not on the map yet: ignored
    CHECK(nav.selected() == -1);
}

TEST_CASE("history: rapid changes coalesce and writes stay under Safari's limit") {
    HistoryPolicy h(700, 80);
    CHECK(h.decide(0, true) == HistoryPolicy::Write::Push);
    CHECK(h.decide(100, true) == HistoryPolicy::Write::Replace);   // scrubbing
    CHECK(h.decide(1000, true) == HistoryPolicy::Write::Push);
    CHECK(h.decide(5000, false) == HistoryPolicy::Write::Replace); // a selection
    int writes = 4, deferred = 0;
    for (int i = 0; i < 200; ++i) {
        const auto w = h.decide(6000 + i * 10.0, true);
        if (w == HistoryPolicy::Write::Defer) ++deferred; else ++writes;
    }
    CHECK(writes == 80);
    CHECK(deferred == 124);
    CHECK(h.decide(40000, true) == HistoryPolicy::Write::Push);    // the window has passed
}

TEST_CASE("going to the covered step on screen lifts the cover and selects what the link named") {
    const auto s = tiny();
    Navigator nav(s);
    nav.open_link("#/s4/villain");   // the Villain is unknown before s3: the selection waits
    REQUIRE(nav.covered());
    CHECK(nav.selected() == -1);
    CHECK(nav.fragment() == "#/s4/villain");
    CHECK(nav.go(3));
    CHECK_FALSE(nav.covered());
    CHECK(nav.selected() == s.find_entity("villain"));
    CHECK(nav.fragment() == "#/s4/villain");
    // Elsewhere, nothing waits: the link's entity is not carried to another step.
    Navigator other(s);
    other.open_link("#/s4/villain");
    REQUIRE(other.covered());
    CHECK(other.go(0));
    CHECK(other.fragment() == "#/s1");
    other.go(3);
    CHECK(other.selected() == -1);
}

TEST_CASE("selecting what is not on the map keeps the selection a covered link is waiting to make") {
    const auto s = tiny();
    Navigator nav(s);
    nav.open_link("#/s4/villain");
    REQUIRE(nav.covered());
    nav.select(s.find_entity("villain"));   // not on the map before the twist: ignored
    nav.select(s.find_entity("aliens"));
    CHECK(nav.selected() == -1);
    CHECK(nav.fragment() == "#/s4/villain");
    nav.uncover();
    CHECK(nav.selected() == s.find_entity("villain"));
    // Clearing the selection is a choice, and drops what waited.
    Navigator cleared(s);
    cleared.open_link("#/s4/villain");
    REQUIRE(cleared.covered());
    cleared.select(-1);
    CHECK(cleared.fragment() == "#/s4");
    cleared.uncover();
    CHECK(cleared.selected() == -1);
}
