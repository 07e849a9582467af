#include <doctest/doctest.h>

#include <string>

#include "core/story/field_reader.h"
#include "core/story/loader.h"
#include "fixture.h"

using explainer::loader::load;
using fixture::problems;

namespace {
bool has(const explainer::loader::Result& r, const std::string& line) {
    return problems(r).find(line + "\n") != std::string::npos;
}
}  // namespace

TEST_CASE("the fixture story loads, with references resolved to indexes") {
    const auto r = fixture::load(fixture::story());
    REQUIRE_MESSAGE(r.ok(), problems(r));
    const auto& s = r.story;
    CHECK(s.entities.size() == 5);
    CHECK(s.steps.size() == 4);
    CHECK(s.relationships[0].from == s.find_entity("mask"));
    CHECK(s.relationships[0].to == s.find_entity("clan"));
    CHECK(s.reveals[0].type == explainer::story::RevealType::Identity);
    CHECK(s.reveals[1].type == explainer::story::RevealType::Nature);
    CHECK(s.entities[s.find_entity("villain")].first_step == 2);   // named by a relationship at s3
    CHECK(s.entities[s.find_entity("aliens")].first_step == 3);    // named only by the reveal
    CHECK(s.glossary[0].entity == s.find_entity("clan"));
}

TEST_CASE("every problem is collected, each with its location") {
    auto j = fixture::story();
    j["steps"][1]["focus"][1] = "roy";
    j["entities"][2]["kind"] = "robot";
    j["relationships"][0]["type"] = "adores";
    j.erase("title");
    const auto r = fixture::load(j);
    CHECK(has(r, "steps[1].focus[1]: unknown entity \"roy\""));
    CHECK(has(r, "entities[2].kind: unknown kind \"robot\" (expected character, group, species, program, place or term)"));
    CHECK(has(r, "relationships[0].type: unknown relationship type \"adores\""));
    CHECK(has(r, "title: is missing"));
    CHECK(r.problems.size() == 4);
}

TEST_CASE("syntax errors name line and column: the start of a bad word, not where reading it failed") {
    const auto r = load("{\n  \"format\": tru\n}");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == "line 2, column 13");
    CHECK(r.problems[0].what.find("not valid JSON") == 0);
    CHECK(load("").problems[0].what.find("not valid JSON") == 0);
    CHECK(load("[1, 2]").problems[0].text() == "(top level): expected an object, found a list");
}

TEST_CASE("hostile inputs get one clear problem, quickly, and never crash") {
    SUBCASE("nesting thousands deep") {
        std::string deep = "{\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
        const auto r = load(deep);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].text() == "line 1, column 37: nested more than 32 levels deep");
    }
    SUBCASE("not UTF-8") {
        const auto r = load("{\"title\": \"caf\xe9\"}");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].text() == "line 1, column 15: the file is not valid UTF-8 text");
    }
    SUBCASE("over the size limit") {
        std::string big(explainer::loader::kMaxBytes + 1, ' ');
        const auto r = load(big);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == "(file)");
    }
    SUBCASE("megabytes of valid JSON with a huge string") {
        auto j = fixture::story();
        j["steps"][0]["narration"] = std::string(3u << 20, 'x');
        const auto r = fixture::load(j);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].text() == "steps[0].narration: is 3145728 characters long; at most 1200 are allowed");
    }
    SUBCASE("thousands of bad entries are capped with a count") {
        auto j = fixture::story();
        for (int i = 0; i < 5000; ++i) j["relationships"].push_back({{"from", "x"}, {"type", "leads"}, {"to", "clan"}, {"step", "s1"}});
        const auto r = fixture::load(j);
        CHECK(r.problems.size() == explainer::loader::kMaxProblems + 1);
        CHECK(r.problems.back().text() == "(file): and 4800 more problems");
    }
    SUBCASE("a key twice in one object is found however many keys it has, and a key is never compared across objects") {
        // The story as text with extra keys spliced into its top level and its first entity.
        const std::string story = fixture::story().dump();
        auto with = [&](const std::string& top, const std::string& entity) {
            std::string t = story;
            t.insert(t.find("\"id\"", t.find("\"entities\"")), entity);
            t.insert(1, top);
            return t;
        };
        std::string many;   // more keys than an object of a story has
        for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i) + "\": 1, ";
        auto r = load(with(many + "\"k3\": 2, ", ""));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].text() == "(top level): key \"k3\" appears twice");
        r = load(with("", many + "\"k39\": 2, "));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].text() == "entities[0]: key \"k39\" appears twice");
        r = load(with("\"k1\": 1, \"k2\": 1, \"k1\": 1, ", ""));   // and among a few
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].text() == "(top level): key \"k1\" appears twice");
        // The same keys in the top level and in an entity, and in two entities: no duplicate.
        r = load(with(many, many));
        CHECK(problems(r).find("appears twice") == std::string::npos);
        CHECK(load(story).ok());
    }
    SUBCASE("a NUL byte and control characters in text") {
        auto j = fixture::story();
        j["entities"][0]["name"] = std::string("He\0ro", 5);
        const auto r = fixture::load(j);
        CHECK(has(r, "entities[0].name: contains a control character (\"\\x00\")"));
    }
    SUBCASE("a text-direction or C1 control in a name or title is refused, in prose flagged") {
        auto j = fixture::story();
        j["title"] = "Safe title \u202Egnp.exe";                 // reads as "Safe title exe.png"
        j["entities"][1]["name"] = "Mask\u2066ed\u2069";          // an isolate
        j["steps"][0]["title"] = "Begin\xC2\x9B" "2J";              // U+009B, the C1 "CSI"
        auto r = fixture::load(j);
        CHECK(has(r, "title: contains a text-direction control (U+202E), which can make the text read differently from what it holds"));
        CHECK(has(r, "entities[1].name: contains a text-direction control (U+2066), which can make the text read differently from what it holds"));
        CHECK(has(r, "steps[0].title: contains a control character (\"\\u009B\")"));

        j = fixture::story();
        j["steps"][1]["narration"] = "A line with an \u202Eoverride inside, twice \u202E.";
        r = fixture::load(j);
        REQUIRE_MESSAGE(r.ok(), problems(r));
        REQUIRE(r.warnings.size() == 1);   // once per field
        CHECK(r.warnings[0].text() == "steps[1].narration: contains a text-direction control (U+202E), which can make the text read differently from what it holds");
        j["steps"][1]["narration"] = "C1 is never text: \xC2\x85";
        CHECK(has(fixture::load(j), "steps[1].narration: contains a control character (\"\\u0085\")"));
    }
}

TEST_CASE("a user string in a message is quoted, escaped and cut short") {
    auto j = fixture::story();
    j["steps"][0]["focus"][0] = std::string(5000, 'z') + "\"";
    const auto r = fixture::load(j);
    REQUIRE(!r.ok());
    const std::string text = r.problems[0].text();
    CHECK(text.size() < 120);
    CHECK(text.find("…\"") != std::string::npos);
    // A quoted id can't reorder the message around it.
    CHECK(explainer::loader::quote("ab\u202Ecd\xC2\x9B") == "\"ab\\u202Ecd\\u009B\"");
    CHECK(explainer::loader::quote("caf\xC3\xA9 \\ \"") == "\"caf\xC3\xA9 \\\\ \\\"\"");
}

// The validator's whole-story rules (reveal loops, section order, reveals on
// unmarked steps, facts before their entity, unmasking a stranger, entities
// no step names, unknown fields) each have a case in the bad corpus
// (tests/bad/make_corpus.py), which the test command runs through the CLI.

TEST_CASE("aliases: old ids still find their step or entity, and may not collide") {
    auto j = fixture::story();
    j["steps"][2]["aliases"] = {"old-s3", "older-s3"};
    j["entities"][1]["aliases"] = {"masked-one"};
    auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), problems(r));
    CHECK(r.story.find_step("old-s3") == 2);
    CHECK(r.story.find_step("older-s3") == 2);
    CHECK(r.story.find_step("s3") == 2);
    CHECK(r.story.find_entity("masked-one") == 1);

    j["steps"][0]["aliases"] = {"s2", "old-s3", "Not A Slug", 7};
    r = fixture::load(j);
    CHECK(has(r, "steps[0].aliases[0]: \"s2\" is already the id of steps[1]"));
    CHECK(has(r, "steps[2].aliases[0]: \"old-s3\" is also an alias of steps[0]"));
    CHECK(has(r, "steps[0].aliases[2]: \"Not A Slug\" is not a valid id (use lowercase letters, digits and single dashes, at most 64 characters)"));
    CHECK(has(r, "steps[0].aliases[3]: expected a string, found a number"));
}

TEST_CASE("a reveal step whose id names its twist loads, with a warning") {
    auto j = fixture::story();
    CHECK(fixture::load(j).warnings.empty());   // s3, s4 say nothing
    j["steps"][2]["id"] = "the-villain-unmasked";   // names the target, by id
    j["steps"][3]["id"] = "hero-from-the-stars";    // names the subject
    for (auto& rel : j["relationships"]) if (rel["step"] == "s3") rel["step"] = "the-villain-unmasked";
    j["reveals"][0]["step"] = "the-villain-unmasked";
    j["reveals"][1]["step"] = "hero-from-the-stars";
    j["entities"][0]["facts"][0]["step"] = "hero-from-the-stars";
    auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), problems(r));
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].where == "steps[2].id");
    CHECK(r.warnings[0].what.find("names \"villain\"") != std::string::npos);
    CHECK(r.warnings[1].where == "steps[3].id");
    // By a word of the name, give or take an ending: "alien" for "Aliens".
    j["steps"][3]["id"] = "an-alien-after-all";
    j["reveals"][1]["step"] = j["entities"][0]["facts"][0]["step"] = "an-alien-after-all";
    r = fixture::load(j);
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[1].what.find("names \"aliens\"") != std::string::npos);
    // Short words of a name ("the") do not count.
    j["steps"][3]["id"] = "the-fourth";
    j["reveals"][1]["step"] = j["entities"][0]["facts"][0]["step"] = "the-fourth";
    CHECK(fixture::load(j).warnings.size() == 1);
}

TEST_CASE("sources, cites, plural names and sentence phrases load as written") {
    auto j = fixture::story();
    j["source"] = nlohmann::json::parse(R"({"title": "An article", "url": "https://example.org/a",
        "parts": [{"id": "start", "title": "Start"}, {"id": "end", "title": "The End"}]})");
    j["steps"][0]["cite"] = "start:2";
    j["relationships"][0]["cite"] = "end:3-4";
    j["entities"][3]["plural"] = true;
    j["relationTypes"][1]["phrase"] = "battles";
    j["relationTypes"][1]["pluralPhrase"] = "battle";
    j["relationTypes"][0]["membership"] = true;
    j["relationships"].push_back({{"from", "aliens"}, {"type", "fights"}, {"to", "clan"}, {"step", "s4"}});
    const auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), problems(r));
    const auto& s = r.story;
    CHECK(s.source.title == "An article");
    CHECK(s.source.url == "https://example.org/a");
    REQUIRE(s.source.parts.size() == 2);
    CHECK(explainer::story::cite_text(s, s.steps[0].cite) == "Start, paragraph 2");
    CHECK(explainer::story::cite_text(s, s.relationships[0].cite) == "The End, paragraphs 3\xE2\x80\x93" "4");
    CHECK(explainer::story::cite_text(s, s.steps[1].cite).empty());
    CHECK(s.relation_types[0].membership);
    CHECK(explainer::story::sentence(s, s.relationships[1], s.find_entity("hero"), s.find_entity("mask")) == "Hero battles The Mask");
    CHECK(explainer::story::sentence(s, s.relationships[3], s.find_entity("aliens"), s.find_entity("clan")) == "Aliens battle Clan");
    CHECK(explainer::story::sentence(s, s.relationships[0], s.find_entity("mask"), s.find_entity("clan")) == "The Mask leads Clan");
    // A source given as plain text is still its title (stories written before sources had parts).
    j["source"] = "Just a title";
    j["steps"][0].erase("cite");
    j["relationships"][0].erase("cite");
    CHECK(fixture::load(j).story.source.title == "Just a title");
}

TEST_CASE("the validator reports what has no source, and reveal steps with no summary") {
    auto j = fixture::story();
    j["source"] = nlohmann::json::parse(R"({"title": "An article", "parts": [{"id": "start", "title": "Start"}]})");
    auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), problems(r));
    // 4 steps, 5 entities, 1 fact, 3 relationships: 13 things, none cited.
    CHECK(r.warnings.size() == 13);
    CHECK(r.warnings[0].where == "steps[0]");
    CHECK(r.warnings[0].what.find("has no source") != std::string::npos);
    j.erase("source");
    j["steps"][1]["reveal"] = true;   // a twist with no reveals entry and no summary
    r = fixture::load(j);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].where == "steps[1]");
    CHECK(r.warnings[0].what.find("summary") != std::string::npos);
    j["steps"][1]["summary"] = "The Mask was there all along.";
    CHECK(fixture::load(j).warnings.empty());
}

TEST_CASE("16 MiB of newlines before junk: rejected with its true line, without copying the whitespace around") {
    const std::string text = "{" + std::string(explainer::loader::kMaxBytes - 8, '\n') + "junk}";
    const auto r = explainer::loader::load(text);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].text() == "line " + std::to_string(explainer::loader::kMaxBytes - 7) +
                                      ", column 1: not valid JSON: a name without double quotes; write names as \"name\"");
}

TEST_CASE("the loader's halves, parse then read, as a page runs them in tasks of their own") {
    using explainer::loader::parse;
    using explainer::loader::read;
    SUBCASE("a good story: the tree is read into the story") {
        const auto r = read(parse(fixture::story().dump()));
        REQUIRE_MESSAGE(r.ok(), problems(r));
        CHECK(r.story.entities.size() == 5);
        CHECK(r.story.steps.size() == 4);
    }
    SUBCASE("what stops the parse comes out of read, alone") {
        const auto r = read(parse("{\n  \"format\": tru\n}"));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == "line 2, column 13");
        CHECK(r.story.entities.empty());
        CHECK(read(parse("[1, 2]")).problems[0].text() == "(top level): expected an object, found a list");
    }
    SUBCASE("a parse read twice: the second read has nothing to read, and says so") {
        auto parsed = parse(fixture::story().dump());
        CHECK(read(std::move(parsed)).ok());
        const auto again = read(std::move(parsed));   // NOLINT(bugprone-use-after-move): what the test is about
        REQUIRE(again.problems.size() == 1);
        CHECK(again.problems[0].text() == "(file): was never parsed");
    }
}
