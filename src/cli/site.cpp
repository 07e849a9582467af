#include "site.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/step_state.h"
#include "core/text_version.h"

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

// Writes text.json's steps in order (see text_json in site.h); the page
// rebuilds each step from them (shell/text.js).
class StepWriter {
public:
    explicit StepWriter(const story::Story& s) : s_(s), last_card_(s.entities.size()) {}

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
            {"tabTitle", text_version::title(s_, k, false)},
            {"hiddenTitle", text_version::title(s_, k, true)},
            // Opened cold from a link: how many twists the cover hides, and the first.
            {"cover", cold.hidden ? nlohmann::json{{"skipped", cold.skipped}, {"first", cold.first_skipped}}
                                  : nlohmann::json(nullptr)},
            {"markdown", text_version::markdown(s_, p)},
            {"transcriptHeader", text_version::transcript_header(s_, k)},
        };
        auto& cards = j["cards"] = nlohmann::json::object();
        for (int n : text_version::touched(s_, st)) {
            const auto e = text_version::entity(s_, st, n);
            nlohmann::json card = {{"name", e.name}, {"kind", e.kind}, {"desc", e.desc}, {"alsoKnownAs", e.also_known_as},
                                   {"revealed", e.revealed}, {"facts", e.facts}, {"links", e.links}};
            std::string text = card.dump();
            if (text == last_card_[static_cast<std::size_t>(n)]) continue;
            last_card_[static_cast<std::size_t>(n)] = std::move(text);
            cards[e.id] = std::move(card);
        }
        const bool whole = k == 0 || text_version::rewrites(s_, st);
        std::vector<std::string> ids;   // in the text version's order, so added ones come last
        for (int n : text_version::map_order(s_, st))
            if (whole || st.entity_new[static_cast<std::size_t>(n)]) ids.push_back(s_.entities[static_cast<std::size_t>(n)].id);
        j[whole ? "entities" : "entitiesAdded"] = ids;
        if (whole || p.relationships.size() < relationships_) {
            j["relationships"] = p.relationships;
        } else {
            j["relationshipsAdded"] = std::vector<std::string>(p.relationships.begin() + static_cast<std::ptrdiff_t>(relationships_),
                                                               p.relationships.end());
        }
        relationships_ = p.relationships.size();
        return j;
    }

private:
    const story::Story& s_;
    std::vector<std::string> last_card_;   // per entity: its card as last written
    std::size_t relationships_ = 0;
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

std::string preview_page(const story::Story& s, int k, const std::string& image_url, const std::string& base_url) {
    const auto pv = text_version::preview(s, k);
    const auto& id = s.steps[static_cast<std::size_t>(k)].id;
    const std::string title = escape_html(pv.title), desc = escape_html(pv.description);
    const std::string app = "../../#/" + id;
    std::string h;
    h += "<!doctype html>\n<html lang=\"en\" data-step=\"" + escape_html(id) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + title + "</title>\n";
    h += "<meta name=\"description\" content=\"" + desc + "\">\n";
    h += "<meta property=\"og:type\" content=\"website\">\n";
    h += "<meta property=\"og:site_name\" content=\"" + escape_html(s.title) + "\">\n";
    h += "<meta property=\"og:title\" content=\"" + title + "\">\n";
    h += "<meta property=\"og:description\" content=\"" + desc + "\">\n";
    if (!base_url.empty()) h += "<meta property=\"og:url\" content=\"" + escape_html(base_url + "s/" + id + "/") + "\">\n";
    if (!image_url.empty()) {
        h += "<meta property=\"og:image\" content=\"" + escape_html(image_url) + "\">\n";
        h += "<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">\n";
        h += "<meta property=\"og:image:alt\" content=\"" +
             escape_html(pv.hidden ? "The relationship map as it stands before the twist" : "The relationship map at this step") +
             "\">\n";
        h += "<meta name=\"twitter:image\" content=\"" + escape_html(image_url) + "\">\n";
    }
    h += "<meta name=\"twitter:card\" content=\"" + std::string(image_url.empty() ? "summary" : "summary_large_image") + "\">\n";
    h += "<meta name=\"twitter:title\" content=\"" + title + "\">\n";
    h += "<meta name=\"twitter:description\" content=\"" + desc + "\">\n";
    h += "<script src=\"../../open.js\"></script>\n";
    h += "<noscript><meta http-equiv=\"refresh\" content=\"0; url=" + escape_html(app) + "\"></noscript>\n";
    h += "</head>\n<body>\n<p><a href=\"" + escape_html(app) + "\">" + title + "</a></p>\n</body>\n</html>\n";
    return h;
}

nlohmann::json text_json(const story::Story& s) {
    nlohmann::json j = {{"id", s.id}, {"title", s.title}, {"show", s.show}, {"steps", nlohmann::json::array()}};
    StepWriter steps(s);
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) j["steps"].push_back(steps.next(k));
    return j;
}

bool write(const story::Story& s, const Options& o) {
    const fs::path out(o.out_dir);
    if (!write_text(out / "text.json", text_json(s).dump())) return false;

    for (const auto& step : s.steps) {
        const std::string image = (o.base_url.empty() ? std::string() : o.base_url + "s/" + step.id + "/") + "preview.png";
        if (!write_text(out / "s" / step.id / "index.html", preview_page(s, static_cast<int>(&step - s.steps.data()), image, o.base_url)))
            return false;
    }
    std::cerr << "explain site: text.json and " << s.steps.size() << " preview pages";
    if (o.base_url.empty()) std::cerr << " (relative links: give --base-url for chat apps that need absolute ones)";
    std::cerr << '\n';
    return true;
}

}  // namespace site
