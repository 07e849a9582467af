#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/text/json_text.h"
#include "core/reading/search.h"
#include "core/reading/step_state.h"
#include "fixture.h"

using namespace explainer;

namespace {
std::vector<int> find(const story::Story& s, const char* step, const char* query) {
    return search::find(s, step_state::at(s, s.find_step(step)), query);
}
}  // namespace

TEST_CASE("search before the Roy reveal gives nothing away; after it, his old name finds him") {
    const auto s = fixture::real_story();
    const int roy = s.find_entity("roy"), pm = s.find_entity("puppet-master");
    CHECK(find(s, "venus", "Roy").empty());
    CHECK(find(s, "venus", "Yunghart").empty());
    CHECK(find(s, "venus", "puppet master") == std::vector<int>{pm});
    CHECK(find(s, "twist-4", "Puppet Master") == std::vector<int>{roy});
    CHECK(find(s, "twist-4", "roy") == std::vector<int>{roy});
}

TEST_CASE("search is case-blind, needs every word, and ignores a blank query") {
    const auto s = fixture::real_story();
    CHECK(find(s, "epilogue", "IMMORTAL nine") == std::vector<int>{s.find_entity("immortal-nine")});
    CHECK(find(s, "epilogue", "nine immortal") == std::vector<int>{s.find_entity("immortal-nine")});
    CHECK(find(s, "epilogue", "   ").empty());
    CHECK(find(s, "epilogue", "zzz").empty());
    const auto eve = find(s, "epilogue", "eve");   // Eva Cristella (Eve), Code Eve, Eve's antivirus
    CHECK(eve.size() == 3);
}

TEST_CASE("no search result is ever off the map at its step") {
    const auto s = fixture::real_story();
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) {
        const auto st = step_state::at(s, k);
        for (const auto& e : s.entities)
            for (int node : search::find(s, st, e.name)) {
                INFO(s.steps[static_cast<std::size_t>(k)].id << " / " << e.name);
                CHECK(std::find(st.nodes.begin(), st.nodes.end(), node) != st.nodes.end());
                if (e.first_step > k) CHECK(node != s.find_entity(e.id.c_str()));
            }
    }
}

TEST_CASE("group filters count only memberships the reader has learned") {
    const auto s = fixture::real_story();
    const int neans = s.find_entity("neans"), naomi = s.find_entity("naomi"), rouge = s.find_entity("rouge");
    const int usurpers = s.find_entity("usurpers"), opera = s.find_entity("opera");
    const auto before = search::members_of(s, step_state::at(s, s.find_step("visitors")), neans);
    CHECK(before[static_cast<std::size_t>(neans)]);
    CHECK(before[static_cast<std::size_t>(rouge)]);
    CHECK_FALSE(before[static_cast<std::size_t>(naomi)]);
    CHECK(search::members_of(s, step_state::at(s, s.find_step("twist-1")), neans)[static_cast<std::size_t>(naomi)]);
    CHECK_FALSE(search::members_of(s, step_state::at(s, s.find_step("code-eve-activated")), usurpers)[static_cast<std::size_t>(opera)]);
    CHECK(search::members_of(s, step_state::at(s, s.find_step("twist-5")), usurpers)[static_cast<std::size_t>(opera)]);
    // The filter's choices: nothing has members at the first step; Neans do once Rouge is one.
    CHECK(search::groups(s, step_state::at(s, 0)).empty());
    CHECK(search::groups(s, step_state::at(s, 1)) == std::vector<int>{neans});
    // An overturned membership no longer counts, and an unknown group has no members.
    CHECK(search::members_of(s, step_state::at(s, 0), s.find_entity("alter")) == std::vector<std::uint8_t>(s.entities.size(), 0));
}

TEST_CASE("search compares as a reader does: any script's case, either encoding of an accent, any space") {
    auto j = fixture::story();
    j["entities"][0]["name"] = "R\xC3\xA9my \xD0\x94\xD0\xB5\xD0\xB2\xD0\xB0";   // "Rémy Дева", é precomposed
    const auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    const auto& s = r.story;
    const std::vector<int> hero{s.find_entity("hero")};
    CHECK(find(s, "s1", "RE\xCC\x81MY") == hero);                     // É typed as E + combining acute
    CHECK(find(s, "s1", "\xD0\xB4\xD0\x95\xD0\x92") == hero);           // "дЕВ": Cyrillic case
    CHECK(find(s, "s1", "\xC3\xA9my\xC2\xA0\xD0\xB4\xD0\xB5") == hero);  // a no-break space between words
    CHECK(find(s, "s1", "Remy").empty());                               // an accent still counts
}

TEST_CASE("a query is cut between characters, never inside one, and is always valid UTF-8") {
    std::string kanji;
    for (int i = 0; i < 27; ++i) kanji += "\xE6\x97\xA5";   // 27 × 日: 81 bytes, 27 characters, inside the field's 80
    CHECK(search::clip_query(kanji) == kanji);
    std::string many;
    for (int i = 0; i < 100; ++i) many += "\xE6\x97\xA5";
    const auto clipped = search::clip_query(many);
    CHECK(clipped.size() == 3 * search::kMaxQueryChars);
    CHECK(json_text::find_invalid_utf8(clipped) == std::string_view::npos);
    std::string emoji = "a";
    for (int i = 0; i < 100; ++i) emoji += "\xF0\x9F\x98\x80";   // 😀, four bytes each
    const auto cut = search::clip_query(emoji);
    CHECK(cut.size() == 1 + 4 * (search::kMaxQueryChars - 1));
    CHECK(json_text::find_invalid_utf8(cut) == std::string_view::npos);
    // A lone surrogate (as a script can hand one over) and a stray byte each become U+FFFD.
    CHECK(search::clip_query("Ro\xED\xA0\x80y\xFF") == "Ro\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy\xEF\xBF\xBD");
    CHECK(search::clip_query("") == "");
}
