#include "core/story/belief_fields.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace explainer::loader::beliefs {

namespace {

using story::Story;

constexpr TextRule kSourceTitle{300}, kUrl{500}, kPartTitle{120};
constexpr int kMaxParagraph = 999;

std::string step_name(const Story& s, int step) { return quote(s.steps[static_cast<std::size_t>(step)].id); }

// "12" → 12; false for anything but 1..kMaxParagraph written as plain digits.
bool paragraph(std::string_view text, int& out) {
    if (text.empty() || text.size() > 3 || text[0] == '0') return false;
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return out <= kMaxParagraph;
}

// What is wrong with a source link, or "" for none. The whole link is
// checked, not just its start: https only; a host of letters, digits, dots
// and dashes, with an optional port; then only the characters a URL may
// carry unescaped, none of which can end a Markdown link or an HTML
// attribute (no spaces, quotes, brackets, angle brackets or backslashes).
std::string web_link_problem(const std::string& url) {
    constexpr std::string_view kScheme = "https://";
    if (url.rfind(kScheme, 0) != 0) return "must start with https://";
    std::size_t i = kScheme.size();
    const std::size_t host = i;
    while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '.' || url[i] == '-')) ++i;
    if (i == host || url[host] == '.' || url[host] == '-' || url[i - 1] == '.' || url[i - 1] == '-')
        return "has no host name after https://";
    if (i < url.size() && url[i] == ':') {
        const std::size_t port = ++i;
        while (i < url.size() && std::isdigit(static_cast<unsigned char>(url[i]))) ++i;
        if (i == port || i - port > 5) return "has a port that is not a number";
    }
    if (i < url.size() && url[i] != '/' && url[i] != '?' && url[i] != '#') return "has a host name with a character no host name has";
    for (; i < url.size(); ++i) {
        const auto c = static_cast<unsigned char>(url[i]);
        const bool ok = std::isalnum(c) || std::string_view("-._~:/?#@!$&'*+,;=%()").find(static_cast<char>(c)) != std::string_view::npos;
        if (c >= 0x80) return "contains a character outside ASCII (write it percent-encoded)";
        if (!ok) return "contains a character a link must write escaped (" + quote(std::string(1, static_cast<char>(c))) + ")";
    }
    return {};
}

}  // namespace

void read_source(FieldReader& r, const Json& root, story::Source& out, IdIndex& parts) {
    const auto it = root.find("source");
    if (it == root.end()) return;
    if (it->is_string()) {
        r.text(root, "source", "", out.title, kSourceTitle);
        return;
    }
    if (!it->is_object()) {
        r.problem("source", std::string("expected the source's title, or an object with its title, url and "
                                        "parts, found ") + describe(*it));
        return;
    }
    const Json& src = *it;
    r.only_keys(src, "source", {"title", "url", "parts"});
    r.text(src, "title", "source", out.title, kSourceTitle);
    if (r.text(src, "url", "source", out.url, kUrl, Need::Optional)) {
        if (const auto problem = web_link_problem(out.url); !problem.empty()) {
            r.problem("source.url", quote(out.url) + " is not a web link we can show: it " + problem);
            out.url.clear();
        }
    }
    const Json* list = r.array(src, "parts", "source", Need::Optional, 100);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        const std::string path = at("source.parts", i);
        story::Section part;
        if (!r.object(item, path)) continue;
        r.only_keys(item, path, {"id", "title"});
        r.text(item, "title", path, part.title, kPartTitle);
        if (!r.slug(item, "id", path, part.id)) continue;
        const auto [old, fresh] = parts.insert(part.id, static_cast<int>(out.parts.size()));
        if (!fresh) {
            r.problem(at(path, "id"), "duplicate id " + quote(part.id) + " (also " +
                                          at("source.parts", static_cast<std::size_t>(old)) + ")");
            continue;
        }
        out.parts.push_back(std::move(part));
    }
}

void read_cite(FieldReader& r, const Json& item, const std::string& path, const IdIndex& parts, story::Cite& out) {
    std::string text;
    if (!r.text(item, "cite", path, text, {80}, Need::Optional)) return;
    const std::string where = at(path, "cite");
    const auto colon = text.find(':');
    const auto dash = text.find('-', colon == std::string::npos ? 0 : colon);
    int first = 0, last = 0;
    const bool shaped =
        colon != std::string::npos && paragraph(std::string_view(text).substr(colon + 1, dash == std::string::npos ? std::string::npos : dash - colon - 1), first) &&
        (dash == std::string::npos ? (last = first, true) : paragraph(std::string_view(text).substr(dash + 1), last));
    if (!shaped) {
        r.problem(where, quote(text) + " is not a source passage (expected \"part:paragraph\" or "
                                       "\"part:first-last\", such as \"middle:4\" or \"ending:2-3\")");
        return;
    }
    if (last < first) {
        r.problem(where, quote(text) + " ends before it starts");
        return;
    }
    const int part = parts.find(std::string_view(text).substr(0, colon));
    if (part < 0) {
        r.problem(where, "unknown source part " + quote(text.substr(0, colon)) +
                             (parts.size() == 0 ? " (the story's source lists no parts)" : ""));
        return;
    }
    out.part = part;
    out.first = first;
    out.last = last;
}

void read_belief(FieldReader& r, const Json& item, const std::string& path, const IdIndex& steps,
                 const IdIndex& parts, story::Belief& out) {
    r.boolean(item, "apparent", path, out.apparent, Need::Optional);
    out.until = r.ref(item, "until", path, steps, "step", Need::Optional);
    out.settled = r.ref(item, "settled", path, steps, "step", Need::Optional);
    read_cite(r, item, path, parts, out.cite);
}

void read_replacements(FieldReader& r, const Json& entities, Story& s) {
    struct Where { int entity, fact; std::string path; };
    string_index::Index ids;     // fact id → its entry in `where`
    std::vector<Where> where;
    auto facts_of = [&](std::size_t e) -> const Json* {
        if (e >= s.entities.size() || !entities[e].is_object()) return nullptr;
        const auto it = entities[e].find("facts");
        return it != entities[e].end() && it->is_array() ? &*it : nullptr;
    };
    for (std::size_t e = 0; e < entities.size(); ++e) {
        const Json* facts = facts_of(e);
        for (std::size_t f = 0; facts && f < facts->size() && f < s.entities[e].facts.size(); ++f) {
            const Json& fact = (*facts)[f];
            const std::string path = at(at(at("entities", e), "facts"), f);
            if (!fact.is_object() || fact.find("id") == fact.end()) continue;
            std::string id;
            if (!r.slug(fact, "id", path, id)) continue;
            if (const auto [old, fresh] = ids.insert(id, static_cast<int>(where.size())); !fresh) {
                r.problem(at(path, "id"), "duplicate fact id " + quote(id) + " (also " + where[static_cast<std::size_t>(old)].path + ")");
                continue;
            }
            where.push_back({static_cast<int>(e), static_cast<int>(f), path});
            s.entities[e].facts[f].id = id;
        }
    }
    for (std::size_t e = 0; e < entities.size(); ++e) {
        const Json* facts = facts_of(e);
        for (std::size_t f = 0; facts && f < facts->size() && f < s.entities[e].facts.size(); ++f) {
            const Json& fact = (*facts)[f];
            if (!fact.is_object()) continue;
            const auto it = fact.find("replacedBy");
            if (it == fact.end()) continue;
            const std::string field = at(at(at(at("entities", e), "facts"), f), "replacedBy");
            if (!it->is_string()) {
                r.problem(field, std::string("expected the id of a fact, found ") + describe(*it));
                continue;
            }
            const int found = ids.find(it->get_ref<const std::string&>());
            if (found < 0) {
                r.problem(field, "unknown fact " + quote(it->get_ref<const std::string&>()));
                continue;
            }
            s.entities[e].facts[f].replaced_by_entity = where[static_cast<std::size_t>(found)].entity;
            s.entities[e].facts[f].replaced_by_fact = where[static_cast<std::size_t>(found)].fact;
        }
    }
}

void check(const Story& s, FieldReader& r) {
    std::size_t fact_count = 0;
    for (const auto& e : s.entities) fact_count += e.facts.size();
    auto check_end = [&](const story::Belief& b, int start, const std::string& path) {
        if (b.settled >= 0 && !b.apparent)
            r.problem(at(path, "settled"), "only what is hedged can be settled: add \"apparent\": true, or drop \"settled\"");
        else if (b.settled >= 0 && start >= 0 && b.settled <= start)
            r.problem(at(path, "settled"), "step " + step_name(s, b.settled) + " cannot settle what is only learned at step " +
                                               step_name(s, start) + "; it must come after");
        else if (b.settled >= 0 && b.until >= 0 && b.settled >= b.until)
            r.problem(at(path, "settled"), "step " + step_name(s, b.settled) + " settles what step " + step_name(s, b.until) +
                                               " has already overturned");
        if (b.until < 0 || start < 0 || b.until > start) return;
        r.problem(at(path, "until"), "step " + step_name(s, b.until) + " cannot overturn what is only learned at step " +
                                         step_name(s, start) + "; the end must come after the start");
    };
    for (std::size_t i = 0; i < s.relationships.size(); ++i)
        check_end(s.relationships[i], s.relationships[i].step, at("relationships", i));

    for (std::size_t e = 0; e < s.entities.size(); ++e) {
        for (std::size_t f = 0; f < s.entities[e].facts.size(); ++f) {
            const auto& fact = s.entities[e].facts[f];
            const std::string path = at(at(at("entities", e), "facts"), f);
            check_end(fact, fact.step, path);
            if (fact.replaced_by_entity < 0) continue;
            const auto& by = s.entities[static_cast<std::size_t>(fact.replaced_by_entity)]
                                 .facts[static_cast<std::size_t>(fact.replaced_by_fact)];
            if (fact.until < 0) {
                r.problem(at(path, "replacedBy"), "a fact that is replaced must say when: add \"until\", the step "
                                                  "that overturns it");
            } else if (by.step > fact.until && by.step >= 0) {
                r.problem(at(path, "replacedBy"), "fact " + quote(by.id) + " is only learned at step " +
                                                      step_name(s, by.step) + ", after step " + step_name(s, fact.until) +
                                                      " overturns this one; what replaces a belief must be known by then");
            }
            // Follow the chain back to this fact; a walk longer than there are facts is a loop
            // that does not pass through this one (reported at one of its own facts).
            int ce = fact.replaced_by_entity, cf = fact.replaced_by_fact;
            std::string chain = fact.id.empty() ? path : fact.id;
            std::size_t hops = 0;
            for (; ce >= 0 && hops <= fact_count; ++hops) {
                const auto& next = s.entities[static_cast<std::size_t>(ce)].facts[static_cast<std::size_t>(cf)];
                chain += " \xE2\x86\x92 " + next.id;
                if (ce == static_cast<int>(e) && cf == static_cast<int>(f)) break;
                ce = next.replaced_by_entity;
                cf = next.replaced_by_fact;
            }
            if (ce == static_cast<int>(e) && cf == static_cast<int>(f))
                r.problem(at(path, "replacedBy"), "replacements go round in a loop: " + chain);
        }
    }
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        if (!s.steps[i].summary.empty() && !s.steps[i].reveal)
            r.problem(at(at("steps", i), "summary"), "only a reveal step has a summary; this step is not marked "
                                                      "\"reveal\": true");
    }
}

void advise(const Story& s, std::vector<Problem>& out) {
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const auto& step = s.steps[i];
        if (!step.reveal || !step.summary.empty()) continue;
        const bool has_entry = std::any_of(s.reveals.begin(), s.reveals.end(),
                                           [&](const story::Reveal& rv) { return rv.step == static_cast<int>(i); });
        if (!has_entry)
            out.push_back({at("steps", i), "a reveal step needs its twist in one line: add \"summary\" (or a reveals "
                                           "entry); without one the panel shows only the title"});
    }
    if (s.source.parts.empty()) return;   // nothing to cite: the story follows no article in parts
    constexpr std::size_t kListed = 20;
    std::size_t missing = 0;
    auto need = [&](const story::Cite& c, std::string where) {
        if (!c.empty()) return;
        if (++missing <= kListed)
            out.push_back({std::move(where), "has no source: add \"cite\": \"part:paragraph\" for the passage it comes from"});
    };
    for (std::size_t i = 0; i < s.steps.size(); ++i) need(s.steps[i].cite, at("steps", i));
    for (std::size_t e = 0; e < s.entities.size(); ++e) {
        need(s.entities[e].cite, at("entities", e));
        for (std::size_t f = 0; f < s.entities[e].facts.size(); ++f)
            need(s.entities[e].facts[f].cite, at(at(at("entities", e), "facts"), f));
    }
    for (std::size_t i = 0; i < s.relationships.size(); ++i) need(s.relationships[i].cite, at("relationships", i));
    if (missing > kListed)
        out.push_back({"(file)", "and " + std::to_string(missing - kListed) + " more things with no source"});
}

}  // namespace explainer::loader::beliefs
