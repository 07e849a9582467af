#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/text/json_text.h"
#include "core/reading/step_state.h"
#include "core/reading/text_version.h"
#include "fixture.h"

using namespace explainer;

namespace {

story::Story tiny() {
    const auto r = fixture::load(fixture::story());
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    return r.story;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a preview names a step only when a cold link to it is not covered") {
    const auto s = tiny();
    const auto open = text_version::preview(s, 1);
    CHECK_FALSE(open.hidden);
    CHECK(open.title == "Step 2 of 4: Two");
    CHECK(open.description == "A mask.");

    const auto twist = text_version::preview(s, 2);
    CHECK(twist.hidden);
    CHECK(twist.skipped == 1);
    CHECK(twist.first_skipped == 2);
    CHECK(twist.title == "Step 3 of 4: a twist (hidden)");   // the story's name is og:site_name
    CHECK(contains(twist.description, "opens a twist"));

    const auto after = text_version::preview(s, 3);
    CHECK(after.hidden);
    CHECK(after.skipped == 2);
    CHECK(contains(after.description, "skips 2 twists"));
    CHECK(after.title == (s.steps[3].reveal ? "Step 4 of 4: a twist, past 1 more (hidden)" : "Step 4 of 4, past 2 twists (hidden)"));
}

TEST_CASE("a step's heading under a cover says only what is true of that step") {
    auto s = tiny();
    REQUIRE(s.steps[2].reveal);
    CHECK(text_version::heading(s, 1, 0) == "Step 2 of 4: Two");
    CHECK(text_version::heading(s, 2, 1) == "Step 3 of 4: a twist (hidden)");
    CHECK(text_version::heading(s, 2, 3) == "Step 3 of 4: a twist, past 2 more (hidden)");
    CHECK(text_version::heading(s, 2, text_version::kSomeHidden) == "Step 3 of 4: a twist (hidden)");
    s.steps[1].reveal = false;
    CHECK(text_version::heading(s, 1, 1) == "Step 2 of 4, past 1 twist (hidden)");
    CHECK(text_version::heading(s, 1, 2) == "Step 2 of 4, past 2 twists (hidden)");
    CHECK(text_version::heading(s, 1, text_version::kSomeHidden) ==
          "Step 2 of 4, past twists you haven\xE2\x80\x99t seen (hidden)");
    CHECK(text_version::tab_title(s, 1, 0) == "Step 2 of 4: Two \xC2\xB7 Tiny");
}

TEST_CASE("a preview title fits a link card: at most 70 characters, cut at a word") {
    auto s = tiny();
    s.steps[1].title = "A title that runs on and on, far past what any link card shows before it cuts the words off";
    const auto pv = text_version::preview(s, 1);
    CHECK(json_text::find_invalid_utf8(pv.title) == std::string::npos);
    std::size_t chars = 0;
    for (unsigned char c : pv.title) chars += (c & 0xC0) != 0x80;
    CHECK(chars <= text_version::kPreviewTitleMax);
    CHECK(pv.title.rfind("Step 2 of 4: A title that runs on", 0) == 0);
    CHECK(pv.title.substr(pv.title.size() - 3) == "\xE2\x80\xA6");
    CHECK(pv.title.find(" \xE2\x80\xA6") == std::string::npos);   // cut at a word, no space before the "…"
    s.steps[1].title = std::string(80, 'x') ;   // no word to cut at: cut inside, still whole characters
    CHECK(text_version::preview(s, 1).title.size() == 69 + 3);
    s.steps[1].title = "\xE6\x97\xA5\xE6\x9C\xAC";   // short, in another script: uncut
    CHECK(text_version::preview(s, 1).title == "Step 2 of 4: \xE6\x97\xA5\xE6\x9C\xAC");
}

TEST_CASE("no preview of the real story names a twist its reader has not seen") {
    const auto s = fixture::real_story();
    // What a twist gives away: its step's title and narration, its summary,
    // and the names it reveals.
    std::vector<std::string> secrets;
    for (const auto& st : s.steps)
        if (st.reveal) secrets.insert(secrets.end(), {st.title, st.narration, st.summary});
    for (const auto& rv : s.reveals)
        secrets.insert(secrets.end(), {rv.summary, s.entities[static_cast<std::size_t>(rv.target)].name});
    secrets.erase(std::remove(secrets.begin(), secrets.end(), std::string()), secrets.end());

    int first_twist = -1;
    for (std::size_t k = 0; k < s.steps.size(); ++k)
        if (s.steps[k].reveal && first_twist < 0) first_twist = static_cast<int>(k);
    REQUIRE(first_twist > 0);
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) {
        CAPTURE(k);
        const auto pv = text_version::preview(s, k);
        CHECK(pv.hidden == (k >= first_twist));
        CHECK(json_text::find_invalid_utf8(pv.description) == std::string::npos);
        CHECK(pv.description.size() <= 203);
        if (!pv.hidden) continue;
        for (const auto& secret : secrets) {
            CAPTURE(secret);
            CHECK_FALSE(contains(pv.title, secret));
            CHECK_FALSE(contains(pv.description, secret));
        }
    }
}

TEST_CASE("the page of a step lists the map's entities with their cards, its relationships and the glossary so far") {
    const auto s = tiny();
    const auto before = text_version::page(s, 1);
    CHECK(before.title == "Two");
    CHECK(before.section == "A");
    CHECK(before.entities.size() == 3);   // hero, mask, clan
    CHECK(before.glossary.size() == 1);
    CHECK(std::find(before.relationships.begin(), before.relationships.end(),
                    "The Mask \xE2\x80\x94 leads \xE2\x86\x92 Clan") != before.relationships.end());
    CHECK(before.reveals.empty());

    const auto unmasked = text_version::page(s, 2);
    REQUIRE(unmasked.reveals.size() == 1);
    CHECK(unmasked.reveals[0] == "The Mask is the Villain.");
    // The Mask's node is the Villain's now: one entry, which remembers the old name,
    // and relationships name the Villain.
    const auto villain = std::find_if(unmasked.entities.begin(), unmasked.entities.end(),
                                      [](const text_version::EntityText& e) { return e.id == "villain"; });
    REQUIRE(villain != unmasked.entities.end());
    CHECK(villain->also_known_as == std::vector<std::string>{"The Mask"});
    CHECK(std::none_of(unmasked.entities.begin(), unmasked.entities.end(),
                       [](const text_version::EntityText& e) { return e.id == "mask"; }));
    CHECK(std::find(unmasked.relationships.begin(), unmasked.relationships.end(),
                    "Villain \xE2\x80\x94 leads \xE2\x86\x92 Clan") != unmasked.relationships.end());
    CHECK(unmasked.entities.size() == step_state::at(s, 2).nodes.size());
}

TEST_CASE("a transcript holds the steps up to its last and nothing after") {
    const auto s = fixture::real_story();
    for (int last = 0; last < static_cast<int>(s.steps.size()); ++last) {
        CAPTURE(last);
        const auto md = text_version::transcript(s, last);
        CHECK(md.rfind("# " + s.title, 0) == 0);
        for (int k = 0; k <= last; ++k) CHECK(contains(md, s.steps[static_cast<std::size_t>(k)].narration));
        for (int k = last + 1; k < static_cast<int>(s.steps.size()); ++k) {
            const auto& later = s.steps[static_cast<std::size_t>(k)];
            CHECK_FALSE(contains(md, later.narration));
            CHECK_FALSE(contains(md, "## Step " + std::to_string(k + 1) + " of"));
            if (!later.summary.empty()) CHECK_FALSE(contains(md, later.summary));
        }
        for (const auto& rv : s.reveals)
            if (rv.step > last) CHECK_FALSE(contains(md, rv.summary));
    }
}

TEST_CASE("a step's Markdown says what it reveals, what changed and where it comes from") {
    const auto s = tiny();
    const auto md = text_version::markdown(s, 2);
    CHECK(contains(md, "## Step 3 of 4: Three"));
    CHECK(contains(md, "**Reveal:** The Mask is the Villain."));
    CHECK(contains(md, "- Revealed: The Mask is the Villain."));
    CHECK(contains(md, "- New: Villain fights Hero"));
}

TEST_CASE("story text reaches the Markdown transcript as text: no markup, link, image or HTML of its own") {
    auto j = fixture::story();
    j["title"] = "# Tiny <script>alert(1)</script>";
    j["source"] = {{"title", "A *review* & more"}, {"url", "https://ok.example/a_(b)?c=1#d"}};
    j["steps"][0]["title"] = "[x](javascript:alert(7)) ![i](https://evil.example/p.png)";
    j["steps"][0]["narration"] = "First line.\n# Not a heading\n  > not a quote\n1. not a list\n- nor this\n`code` **bold** ~~gone~~ | a | b |";
    const auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    const auto header = text_version::transcript_header(r.story, 0);
    CHECK(contains(header, "# \\# Tiny \\<script\\>alert(1)\\</script\\>\n"));
    CHECK(contains(header, "\xE2\x80\x9C" "A \\*review\\* \\& more\xE2\x80\x9D (<https://ok.example/a_(b)?c=1#d>)"));
    const auto md = text_version::markdown(r.story, 0);
    INFO(md);
    CHECK(contains(md, "## Step 1 of 4: \\[x\\](javascript:alert(7)) !\\[i\\](https://evil.example/p.png)\n"));
    CHECK(contains(md, "First line.\n\\# Not a heading\n\\> not a quote\n1\\. not a list\n\\- nor this\n"
                       "\\`code\\` \\*\\*bold\\*\\* \\~\\~gone\\~\\~ \\| a \\| b \\|\n"));
    INFO(md);
}
