#include "site.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

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

nlohmann::json step_json(const story::Story& s, int k) {
    const auto p = text_version::page(s, k);
    const auto cold = text_version::preview(s, k);
    nlohmann::json j = {
        {"id", p.id},
        {"aliases", s.steps[static_cast<std::size_t>(k)].aliases},
        {"section", p.section},
        {"title", p.title},
        {"narration", p.narration},
        {"source", p.source},
        {"reveal", s.steps[static_cast<std::size_t>(k)].reveal},
        {"reveals", p.reveals},
        {"changes", pairs(p.changes, "kind", "text")},
        {"relationships", p.relationships},
        {"glossary", pairs(p.glossary, "term", "definition")},
        {"tabTitle", text_version::title(s, k, false)},
        {"hiddenTitle", text_version::title(s, k, true)},
        // Opened cold from a link: how many twists the cover hides, and the first.
        {"cover", cold.hidden ? nlohmann::json{{"skipped", cold.skipped}, {"first", cold.first_skipped}}
                              : nlohmann::json(nullptr)},
        {"markdown", text_version::markdown(s, k)},
        {"transcriptHeader", text_version::transcript_header(s, k)},
    };
    auto& entities = j["entities"] = nlohmann::json::array();
    for (const auto& e : p.entities)
        entities.push_back({{"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"desc", e.desc},
                            {"alsoKnownAs", e.also_known_as}, {"revealed", e.revealed}, {"facts", e.facts},
                            {"links", e.links}});
    return j;
}

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

bool write(const story::Story& s, const Options& o) {
    const fs::path out(o.out_dir);
    nlohmann::json j = {{"id", s.id}, {"title", s.title}, {"show", s.show}, {"steps", nlohmann::json::array()}};
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) j["steps"].push_back(step_json(s, k));
    if (!write_text(out / "text.json", j.dump())) return false;

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
