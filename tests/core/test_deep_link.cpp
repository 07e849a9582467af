#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <string>

#include "core/reading/deep_link.h"
#include "core/story/loader.h"
#include "core/reading/navigator.h"
#include "core/reading/step_state.h"
#include "fixture.h"

using namespace explainer;
using Status = deep_link::Link::Status;

TEST_CASE("parse reads step and entity, with or without '#' and trailing '/'") {
    auto l = deep_link::parse("#/s3/villain");
    CHECK(l.status == Status::Ok);
    CHECK(l.step == "s3");
    CHECK(l.entity == "villain");
    l = deep_link::parse("/s2/");
    CHECK(l.status == Status::Ok);
    CHECK(l.step == "s2");
    CHECK(l.entity.empty());
    CHECK(deep_link::parse("").status == Status::Empty);
    CHECK(deep_link::parse("#").status == Status::Empty);
    CHECK(deep_link::parse("#/").status == Status::Empty);
    CHECK(deep_link::parse("#/s%31").step == "s1");
}

TEST_CASE("parse refuses malformed and overlong fragments") {
    CHECK(deep_link::parse("#/a/b/c").status == Status::Malformed);
    CHECK(deep_link::parse("#/%").status == Status::Malformed);
    CHECK(deep_link::parse("#/%zz").status == Status::Malformed);
    CHECK(deep_link::parse("#/ok/%4").status == Status::Malformed);
    CHECK(deep_link::parse("#//x").status == Status::Malformed);
    CHECK(deep_link::parse("#/" + std::string(100000, 'a')).status == Status::TooLong);
}

TEST_CASE("format and parse round-trip every step and entity id of the real story") {
    const auto r = loader::load(fixture::read(STORY_FILE));
    REQUIRE(r.ok());
    for (const auto& step : r.story.steps) {
        const auto l = deep_link::parse(deep_link::format(step.id));
        CHECK(l.status == Status::Ok);
        CHECK(l.step == step.id);
        for (const auto& e : r.story.entities) {
            const auto le = deep_link::parse(deep_link::format(step.id, e.id));
            CHECK(le.step == step.id);
            CHECK(le.entity == e.id);
        }
    }
    CHECK(deep_link::format("puppet-master-is-roy", "roy") == "#/puppet-master-is-roy/roy");
}

TEST_CASE("format escapes anything outside the id alphabet, and parse undoes it") {
    const std::string odd = "a/b c%<>\"#é";
    const auto text = deep_link::format(odd, odd);
    CHECK(text.find_first_of(" <>\"#", 1) == std::string::npos);
    const auto l = deep_link::parse(text);
    CHECK(l.step == odd);
    CHECK(l.entity == odd);
}

TEST_CASE("resolve parses a raw fragment once, falls back sensibly, says why, and gives the canonical spelling") {
    const auto s = fixture::load(fixture::story()).story;
    auto t = deep_link::resolve(s, "#/s3/mask");
    CHECK(t.step == 2);
    CHECK(t.entity == s.find_entity("mask"));   // the entity named; which node shows it is the navigator's call
    CHECK(t.canonical == "#/s3/mask");
    CHECK(t.notice.empty());

    t = deep_link::resolve(s, "/s3");   // without the '#'
    CHECK(t.step == 2);
    CHECK(t.canonical == "#/s3");

    t = deep_link::resolve(s, "#/nope/hero");
    CHECK(t.step == 0);
    CHECK(t.entity == -1);
    CHECK(t.canonical == "#/s1");
    CHECK(t.notice == "No step called \"nope\" in this story; starting from the beginning.");

    t = deep_link::resolve(s, "#/s2/nobody");
    CHECK(t.step == 1);
    CHECK(t.entity == -1);
    CHECK(t.canonical == "#/s2");
    CHECK(t.notice.find("Nothing called \"nobody\"") == 0);

    t = deep_link::resolve(s, "#/<img src=x onerror=alert(1)>");
    CHECK(t.step == 0);
    CHECK(t.notice.find("<img") != std::string::npos);   // shown as text, never markup
    t = deep_link::resolve(s, "");
    CHECK(t.notice.empty());
    CHECK(t.canonical.empty());
}

TEST_CASE("junk never throws, and every result is a valid step") {
    const auto s = fixture::load(fixture::story()).story;
    std::uint32_t seed = 12345;
    auto next = [&] { seed = seed * 1664525u + 1013904223u; return seed >> 24; };
    const std::string alphabet = "#/%0123456789abcdefABCDEF-_.~ <>\"'&;\\\x01\xff\xc3\xa9";
    for (int round = 0; round < 20000; ++round) {
        std::string junk;
        const auto len = next() % 40;
        for (std::uint32_t i = 0; i < len; ++i) junk += alphabet[next() % alphabet.size()];
        const auto t = deep_link::resolve(s, junk);
        REQUIRE(t.step >= 0);
        REQUIRE(t.step < static_cast<int>(s.steps.size()));
        REQUIRE(t.notice.size() < 200);
    }
}

TEST_CASE("an id longer than any id can be is malformed, so every parsed link survives format and parse") {
    // Found by fuzz_link: 190 bytes of NULs parsed as one step id, whose
    // canonical form ("%00" each) no longer fitted in a fragment.
    const std::string junk(190, '\0');
    CHECK(explainer::deep_link::parse("#/" + junk).status == explainer::deep_link::Link::Status::Malformed);
    const std::string longest(explainer::story::kMaxSlugLength, 'a');
    const auto ok = explainer::deep_link::parse("#/" + longest + "/" + longest);
    REQUIRE(ok.status == explainer::deep_link::Link::Status::Ok);
    const auto again = explainer::deep_link::parse(explainer::deep_link::format(ok.step, ok.entity));
    CHECK(again.status == explainer::deep_link::Link::Status::Ok);
    CHECK(again.step == longest);
    CHECK(explainer::deep_link::parse("#/" + longest + "a").status == explainer::deep_link::Link::Status::Malformed);
}

// The fixture (tests/data/tiny.json) with the vectors' old ids added.
static loader::Result tiny_with_vector_aliases(const nlohmann::json& v) {
    auto j = fixture::story();
    for (const auto& [list, aliases] : v["aliases"].items())
        for (auto& item : j[list])
            if (aliases.contains(item["id"].get<std::string>())) item["aliases"] = aliases[item["id"].get<std::string>()];
    return fixture::load(j);
}

// tests/data/links.json: the vectors shell/link.js meets too
// (tests/browser/link.test.mjs), so both codecs read every link alike.
TEST_CASE("the shared link vectors: parse, format, resolve and shown") {
    const auto v = nlohmann::json::parse(fixture::read(LINK_VECTORS));
    auto fragment = [](const nlohmann::json& c) {
        if (!c.contains("repeat")) return c["fragment"].get<std::string>();
        std::string out = "#/";
        for (int i = 0; i < c["repeat"][1].get<int>(); ++i) out += c["repeat"][0].get<std::string>();
        return out;
    };
    const std::map<std::string, Status> statuses = {
        {"empty", Status::Empty}, {"ok", Status::Ok}, {"malformed", Status::Malformed}, {"too-long", Status::TooLong}};
    for (const auto& c : v["parse"]) {
        CAPTURE(c.dump());
        const auto l = deep_link::parse(fragment(c));
        CHECK(l.status == statuses.at(c["status"].get<std::string>()));
        if (c["status"] == "ok") {
            CHECK(l.step == c["step"].get<std::string>());
            CHECK(l.entity == c["entity"].get<std::string>());
        }
    }
    for (const auto& c : v["format"])
        CHECK(deep_link::format(c["step"].get<std::string>(), c["entity"].get<std::string>()) == c["fragment"].get<std::string>());
    const auto r = tiny_with_vector_aliases(v);
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    for (const auto& c : v["resolve"]) {
        CAPTURE(c.dump());
        const auto t = deep_link::resolve(r.story, fragment(c));
        CHECK(r.story.steps[static_cast<std::size_t>(t.step)].id == c["step"].get<std::string>());
        CHECK((t.entity < 0 ? std::string() : r.story.entities[static_cast<std::size_t>(t.entity)].id) == c["entity"].get<std::string>());
        CHECK(t.canonical == c["canonical"].get<std::string>());
        CHECK(t.notice == c["notice"].get<std::string>());
    }
    for (const auto& c : v["shown"]) CHECK(deep_link::shown(c["text"].get<std::string>()) == c["shown"].get<std::string>());
    for (const auto& c : v["history"]) {
        navigator::HistoryPolicy policy;
        std::vector<std::string> decisions;
        for (const auto& w : c["writes"]) {
            const auto d = policy.decide(w[0].get<double>(), w[1].get<bool>());
            decisions.push_back(d == navigator::HistoryPolicy::Write::Push ? "push" : d == navigator::HistoryPolicy::Write::Replace ? "replace" : "defer");
        }
        CHECK(decisions == c["decisions"].get<std::vector<std::string>>());
    }
}

// What a link opens (Navigator::open_link), against the vectors link.js's
// open meets too: the cover, the selection and the notice, from both sides.
TEST_CASE("the shared link vectors: what a link opens, covered or not") {
    const auto v = nlohmann::json::parse(fixture::read(LINK_VECTORS));
    const auto r = tiny_with_vector_aliases(v);
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    const auto& s = r.story;
    auto step_index = [&](const std::string& id) {
        for (std::size_t k = 0; k < s.steps.size(); ++k)
            if (s.steps[k].id == id) return static_cast<int>(k);
        return -1;
    };
    auto step_id = [&](int k) { return k < 0 ? std::string() : s.steps[static_cast<std::size_t>(k)].id; };
    auto entity_id = [&](int e) { return e < 0 ? std::string() : s.entities[static_cast<std::size_t>(e)].id; };

    // The table link.test.mjs reads who is on each map from is step_state's own.
    step_state::Cache states(s);
    REQUIRE(v["shownAs"].size() == s.steps.size());
    for (std::size_t k = 0; k < s.steps.size(); ++k) {
        const auto& table = v["shownAs"][s.steps[k].id];
        for (std::size_t e = 0; e < s.entities.size(); ++e) {
            CAPTURE(s.steps[k].id);
            CAPTURE(s.entities[e].id);
            const auto node = entity_id(step_state::node_of(*states.at(static_cast<int>(k)), static_cast<int>(e)));
            CHECK(table.value(s.entities[e].id, std::string()) == node);
        }
    }

    for (const auto& c : v["open"]) {
        CAPTURE(c.dump());
        navigator::Navigator nav(s);
        nav.go(step_index(c["furthest"].get<std::string>()));
        REQUIRE(nav.furthest() == step_index(c["furthest"].get<std::string>()));
        nav.open_link(c["fragment"].get<std::string>(), c.value("fromHistory", false));
        CHECK(step_id(nav.step()) == c["step"].get<std::string>());
        CHECK(step_id(nav.shown_step()) == c["shown"].get<std::string>());
        CHECK(nav.covered() == c["covered"].get<bool>());
        CHECK(nav.skipped() == c["skipped"].get<int>());
        CHECK(step_id(nav.first_skipped()) == c["first"].get<std::string>());
        CHECK(entity_id(nav.selected()) == c["selected"].get<std::string>());
        CHECK(nav.fragment() == c["canonical"].get<std::string>());
        CHECK(nav.notice() == c["notice"].get<std::string>());
        // What waits under the cover is selected once it lifts, as it is shown then.
        const auto pending = c["pending"].get<std::string>();
        nav.uncover();
        if (!pending.empty()) CHECK(entity_id(nav.selected()) == v["shownAs"][c["step"].get<std::string>()][pending].get<std::string>());
    }
}
