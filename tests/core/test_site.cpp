// The CLI's site writer (src/site/site.h): text.json, rebuilt the way the page
// rebuilds it (shell/text.js), gives every step exactly the text version's
// entities, cards and relationships, and every entity the node it is shown as.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "site/site.h"
#include "core/reading/step_state.h"
#include "core/reading/text_version.h"
#include "fixture.h"

using namespace explainer;

namespace {

void check_rebuilds(const story::Story& s) {
    const auto j = site::text_json(s);
    REQUIRE(j["steps"].size() == s.steps.size());
    std::map<std::string, nlohmann::json> cards;
    std::set<std::string> on_map;
    std::map<int, std::string> lines;   // by place
    std::map<std::string, std::string> shown_as;   // entity id: the other node's id
    std::map<std::string, std::map<int, std::string>> links;   // per entity, by relationship
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) {
        CAPTURE(k);
        const auto& step = j["steps"][static_cast<std::size_t>(k)];
        for (const auto& [id, change] : step["cards"].items()) {
            auto& card = cards[id];
            for (const auto& [key, value] : change.items())
                if (key != "links" && key != "linksGone") card[key] = value;
            for (const auto& link : change.value("links", nlohmann::json::array())) links[id][link[0].get<int>()] = link[1].get<std::string>();
            for (const auto& rel : change.value("linksGone", nlohmann::json::array())) links[id].erase(rel.get<int>());
        }
        for (const auto& id : step["entitiesAdded"]) on_map.insert(id.get<std::string>());
        for (const auto& id : step.value("entitiesGone", nlohmann::json::array())) on_map.erase(id.get<std::string>());
        const auto merged = step.value("shownAs", nlohmann::json::object());
        for (const auto& [id, into] : merged.items()) {
            if (into.get<std::string>().empty()) shown_as.erase(id);
            else shown_as[id] = into.get<std::string>();
        }
        // Every entity lands where step_state shows it: itself, another node, or none.
        const auto st = step_state::at(s, k);
        for (std::size_t e = 0; e < s.entities.size(); ++e) {
            const auto& id = s.entities[e].id;
            const int node = step_state::node_of(st, static_cast<int>(e));
            const std::string expected = node < 0 ? "" : s.entities[static_cast<std::size_t>(node)].id;
            const std::string rebuilt = on_map.count(id) ? id : shown_as.count(id) ? shown_as[id] : "";
            CHECK_MESSAGE(rebuilt == expected, id);
        }
        for (const auto& line : step["relationships"]) lines[line[0].get<int>()] = line[1].get<std::string>();
        for (const auto& place : step.value("relationshipsGone", nlohmann::json::array())) lines.erase(place.get<int>());
        std::vector<std::string> ids, rels;
        for (const auto& id : j["order"]) if (on_map.count(id.get<std::string>())) ids.push_back(id.get<std::string>());
        for (const auto& [place, line] : lines) rels.push_back(line);

        const auto page = text_version::page(s, k);
        REQUIRE(ids.size() == page.entities.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto& e = page.entities[i];
            CHECK(ids[i] == e.id);
            const auto& card = cards[ids[i]];
            CHECK(card["name"] == e.name);
            CHECK(card["desc"] == e.desc);
            CHECK(card["facts"].get<std::vector<std::string>>() == e.facts);
            std::vector<std::string> card_links;
            for (const auto& [rel, line] : links[ids[i]]) card_links.push_back(line);
            CHECK(card_links == e.links);
            CHECK(card["alsoKnownAs"].get<std::vector<std::string>>() == e.also_known_as);
            CHECK(card["revealed"].get<std::vector<std::string>>() == e.revealed);
        }
        CHECK(rels == page.relationships);
    }
}

}  // namespace

TEST_CASE("text.json rebuilds every step's entities, cards and relationships: the fixture") {
    const auto r = fixture::load(fixture::story());
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    check_rebuilds(r.story);
}

TEST_CASE("text.json rebuilds every step's entities, cards and relationships: the real story") {
    check_rebuilds(fixture::real_story());
}

TEST_CASE("a preview page escapes what it quotes from the story") {
    auto j = fixture::story();
    j["title"] = "Tiny <b>\"bold\"</b> & 'co'";
    const auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    const std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<!--card-->\n<title>home</title>\n<!--/card-->\n"
                             "</head>\n<body><h1>explainer</h1></body>\n</html>\n";
    CHECK(site::preview_page(r.story, 0, "preview.png", "", "<html lang=\"en\"><body></body></html>").empty());
    const auto html = site::preview_page(r.story, 0, "preview.png", "", page);
    CHECK(html.find("<title>home</title>") == std::string::npos);
    CHECK(html.find("<html lang=\"en\" data-step=\"" + r.story.steps[0].id + "\">") != std::string::npos);
    CHECK(html.find("<base href=\"../../\">\n<title>") != std::string::npos);
    CHECK(html.find("</head>\n<body><h1>explainer</h1></body>") != std::string::npos);   // the page itself
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("Tiny &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; &#39;co&#39;") != std::string::npos);
    CHECK(html.find("<meta property=\"og:image\" content=\"preview.png\">") != std::string::npos);
}
