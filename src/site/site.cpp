#include "site.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include "core/reading/step_state.h"
#include "core/reading/text_version.h"

namespace site {

using namespace explainer;
namespace fs = std::filesystem;

namespace {

// For text and attribute values alike.
std::string escape_html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

nlohmann::json pairs(const std::vector<std::pair<std::string, std::string>>& list, const char* a, const char* b) {
    auto out = nlohmann::json::array();
    for (const auto& [x, y] : list) out.push_back({{a, x}, {b, y}});
    return out;
}

// Writes text.json's steps in order (see text_json in site.h): per step only
// the cards, entities and relationship lines that differ from the step
// before, so the file grows with what the story changes, not with steps ×
// entities. The page rebuilds each step from them (shell/text.js).
class StepWriter {
public:
    explicit StepWriter(const story::Story& s)
        : s_(s), last_card_(s.entities.size()), last_links_(s.entities.size()), on_map_(s.entities.size(), 0), shown_as_(s.entities.size(), -1), last_line_(s.relationships.size()),
          rank_(s.relationships.size()) {
        // A line's place in every step's list: the order they are learned in
        // (text_version::page), the same for the whole story.
        std::vector<int> order(s.relationships.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return s.relationships[static_cast<std::size_t>(a)].step < s.relationships[static_cast<std::size_t>(b)].step;
        });
        for (std::size_t r = 0; r < order.size(); ++r) rank_[static_cast<std::size_t>(order[r])] = static_cast<int>(r);
    }

    nlohmann::json next(int k) {
        const auto st = step_state::at(s_, k);
        const auto p = text_version::page(s_, st, false);
        const auto cold = text_version::preview(s_, k);
        const auto& step = s_.steps[static_cast<std::size_t>(k)];
        nlohmann::json j = {
            {"id", p.id}, {"aliases", step.aliases}, {"section", p.section}, {"title", p.title},
            {"narration", p.narration}, {"source", p.source}, {"reveal", step.reveal}, {"reveals", p.reveals},
            {"changes", pairs(p.changes, "kind", "text")},
            {"glossary", pairs(p.glossary, "term", "definition")},
            {"tabTitle", text_version::tab_title(s_, k, 0)},
            {"hiddenTitle", text_version::tab_title(s_, k, text_version::kSomeHidden)},
            // Opened cold from a link: how many twists the cover hides, and the first.
            {"cover", cold.hidden ? nlohmann::json{{"skipped", cold.skipped}, {"first", cold.first_skipped}}
                                  : nlohmann::json(nullptr)},
            {"markdown", text_version::markdown(s_, p)},
            {"transcriptHeader", text_version::transcript_header(s_, k)},
        };
        auto& cards = j["cards"] = nlohmann::json::object();
        for (int n : text_version::touched(s_, st))
            if (auto card = card_change(static_cast<std::size_t>(n), text_version::entity(s_, st, n)); !card.empty()) cards[s_.entities[static_cast<std::size_t>(n)].id] = std::move(card);
        entities(st, j);
        lines(p, j);
        return j;
    }

private:
    // What of a node's card differs from when it was last written: its text
    // but the links (whole, where any of it changed), and its links by
    // relationship, as [relationship, line] new or reworded and "linksGone".
    // Empty: nothing. A hub's card is never rewritten for one new link.
    nlohmann::json card_change(std::size_t n, const text_version::EntityText& e) {
        nlohmann::json out = nlohmann::json::object();
        nlohmann::json text = {{"name", e.name}, {"kind", e.kind}, {"desc", e.desc}, {"alsoKnownAs", e.also_known_as},
                               {"revealed", e.revealed}, {"facts", e.facts}};
        std::string dumped = text.dump();
        if (dumped != last_card_[n]) {
            last_card_[n] = std::move(dumped);
            out = std::move(text);
        }
        auto& last = last_links_[n];
        std::map<int, std::string> now;
        auto changed = nlohmann::json::array(), gone = nlohmann::json::array();
        for (std::size_t l = 0; l < e.links.size(); ++l) {
            const int rel = e.link_of[l];
            const auto it = last.find(rel);
            if (it == last.end() || it->second != e.links[l]) changed.push_back({rel, e.links[l]});
            now.emplace(rel, e.links[l]);
        }
        for (const auto& [rel, line] : last)
            if (!now.count(rel)) gone.push_back(rel);
        last = std::move(now);
        if (!changed.empty()) out["links"] = std::move(changed);
        if (!gone.empty()) out["linksGone"] = std::move(gone);
        return out;
    }
    // Nodes that joined or left the map, each list in story order, and the
    // entities newly shown as another node.
    void entities(const step_state::State& st, nlohmann::json& j) {
        std::vector<std::uint8_t> now(s_.entities.size(), 0);
        for (int n : st.nodes) now[static_cast<std::size_t>(n)] = 1;
        auto added = nlohmann::json::array(), gone = nlohmann::json::array();
        for (std::size_t e = 0; e < now.size(); ++e) {
            if (now[e] == on_map_[e]) continue;
            (now[e] ? added : gone).push_back(s_.entities[e].id);
        }
        on_map_ = std::move(now);
        j["entitiesAdded"] = std::move(added);
        if (!gone.empty()) j["entitiesGone"] = std::move(gone);
        // Entities shown as another node (a mask revealed as who wore it), as
        // step_state's shown_as says, written when that changes: a link or a
        // selection naming one lands on that node, as the navigator has it.
        auto merged = nlohmann::json::object();
        for (std::size_t e = 0; e < shown_as_.size(); ++e) {
            const int as = step_state::node_of(st, static_cast<int>(e));
            const int into = as == static_cast<int>(e) ? -1 : as;
            if (into == shown_as_[e]) continue;
            shown_as_[e] = into;
            merged[s_.entities[e].id] = into < 0 ? std::string() : s_.entities[static_cast<std::size_t>(into)].id;
        }
        if (!merged.empty()) j["shownAs"] = std::move(merged);
    }
    // Relationship lines new or reworded at this step as [place, text], and
    // the places of those no longer listed.
    void lines(const text_version::Page& p, nlohmann::json& j) {
        std::vector<std::uint8_t> listed(s_.relationships.size(), 0);
        auto changed = nlohmann::json::array(), gone = nlohmann::json::array();
        for (std::size_t l = 0; l < p.relationships.size(); ++l) {
            const auto i = static_cast<std::size_t>(p.relationship_of[l]);
            listed[i] = 1;
            if (last_line_[i] && *last_line_[i] == p.relationships[l]) continue;
            last_line_[i] = p.relationships[l];
            changed.push_back({rank_[i], p.relationships[l]});
        }
        for (std::size_t i = 0; i < listed.size(); ++i) {
            if (listed[i] || !last_line_[i]) continue;
            last_line_[i].reset();
            gone.push_back(rank_[i]);
        }
        j["relationships"] = std::move(changed);
        if (!gone.empty()) j["relationshipsGone"] = std::move(gone);
    }

    const story::Story& s_;
    std::vector<std::string> last_card_;                // per entity: its card's text as last written
    std::vector<std::map<int, std::string>> last_links_; // per entity: its links as last written
    std::vector<std::uint8_t> on_map_;                  // per entity: a node at the step before
    std::vector<int> shown_as_;                         // per entity: the other node it was last written as (-1: none)
    std::vector<std::optional<std::string>> last_line_; // per relationship: its line as last written
    std::vector<int> rank_;                             // per relationship: its place in the lists
};

bool write_text(const fs::path& path, const std::string& text) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "explain site: cannot write " << path.string() << '\n';
        return false;
    }
    return true;
}

}  // namespace

std::string preview_page(const story::Story& s, int k, const std::string& image_url, const std::string& base_url,
                         const std::string& page) {
    static const std::string kOpen = "<!--card", kClose = "<!--/card-->", kHtml = "<html lang=\"en\">";
    const std::size_t open = page.find(kOpen), close = page.find(kClose), html = page.find(kHtml);
    if (open == std::string::npos || close == std::string::npos || close < open || html == std::string::npos) return {};
    const auto pv = text_version::preview(s, k);
    const auto& id = s.steps[static_cast<std::size_t>(k)].id;
    const std::string title = escape_html(pv.title), desc = escape_html(pv.description);
    // The page is the explainer itself, one folder down: the <base> makes its
    // files the site's, and page.js opens data-step (the page's address then
    // becomes the explainer's own, with no second page load).
    std::string h = "<base href=\"../../\">\n";
    h += "<title>" + title + "</title>\n";
    h += "<meta name=\"description\" content=\"" + desc + "\">\n";
    h += "<meta property=\"og:type\" content=\"website\">\n";
    h += "<meta property=\"og:site_name\" content=\"" + escape_html(s.title) + "\">\n";
    h += "<meta property=\"og:title\" content=\"" + title + "\">\n";
    h += "<meta property=\"og:description\" content=\"" + desc + "\">\n";
    if (!base_url.empty()) h += "<meta property=\"og:url\" content=\"" + escape_html(base_url + "s/" + id + "/") + "\">\n";
    h += "<meta property=\"og:image\" content=\"" + escape_html(image_url) + "\">\n";
    h += "<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">\n";
    h += "<meta property=\"og:image:alt\" content=\"" +
         escape_html(pv.hidden ? "The relationship map as it stands before the twist" : "The relationship map at this step") + "\">\n";
    h += "<meta name=\"twitter:card\" content=\"summary_large_image\">\n";
    h += "<meta name=\"twitter:title\" content=\"" + title + "\">\n";
    h += "<meta name=\"twitter:description\" content=\"" + desc + "\">\n";
    h += "<meta name=\"twitter:image\" content=\"" + escape_html(image_url) + "\">\n";
    return page.substr(0, html) + "<html lang=\"en\" data-step=\"" + escape_html(id) + "\">" +
           page.substr(html + kHtml.size(), open - html - kHtml.size()) + h + page.substr(close + kClose.size() + 1);
}

nlohmann::json text_json(const story::Story& s) {
    auto order = nlohmann::json::array();   // the text's order of nodes (text_version::map_order)
    std::vector<int> all(s.entities.size());
    for (std::size_t e = 0; e < all.size(); ++e) all[e] = static_cast<int>(e);
    std::stable_sort(all.begin(), all.end(), [&](int a, int b) {
        return s.entities[static_cast<std::size_t>(a)].first_step < s.entities[static_cast<std::size_t>(b)].first_step;
    });
    auto aliases = nlohmann::json::object();   // old ids, which links still name
    for (int e : all) {
        const auto& entity = s.entities[static_cast<std::size_t>(e)];
        order.push_back(entity.id);
        if (!entity.aliases.empty()) aliases[entity.id] = entity.aliases;
    }
    nlohmann::json j = {{"id", s.id}, {"title", s.title}, {"show", s.show}, {"order", std::move(order)}, {"entityAliases", std::move(aliases)},
                        {"steps", nlohmann::json::array()}};
    StepWriter steps(s);
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) j["steps"].push_back(steps.next(k));
    return j;
}

bool write(const story::Story& s, const Options& o) {
    const fs::path out(o.out_dir);
    if (!write_text(out / "text.json", text_json(s).dump())) return false;
    if (o.page.empty()) {
        std::cerr << "explain site: text.json (no --page: no preview pages)\n";
        return true;
    }
    for (const auto& step : s.steps) {
        // Without the site's address, relative to the page's own (as
        // scrapers read it, never through the <base>).
        const std::string image = (o.base_url.empty() ? std::string() : o.base_url + "s/" + step.id + "/") + "preview.png";
        const std::string html = preview_page(s, static_cast<int>(&step - s.steps.data()), image, o.base_url, o.page);
        if (html.empty()) {
            std::cerr << "explain site: the page has no <html lang=\"en\"> or no <!--card ... <!--/card--> block to fill\n";
            return false;
        }
        if (!write_text(out / "s" / step.id / "index.html", html)) return false;
    }
    std::cerr << "explain site: text.json and " << s.steps.size() << " preview pages";
    if (o.base_url.empty()) std::cerr << " (relative links: give --base-url for chat apps that need absolute ones)";
    std::cerr << '\n';
    return true;
}

}  // namespace site
