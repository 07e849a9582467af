#include "core/reading/text_version.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/reading/deep_link.h"
#include "core/reading/navigator.h"
#include "core/reading/step_state.h"
#include "core/reading/what_changed.h"

namespace explainer::text_version {

using story::Story;

namespace {

constexpr std::size_t kDescriptionMax = 200;   // what link previews show before cutting

std::string progress(const Story& s, int k) {
    return "Step " + std::to_string(k + 1) + " of " + std::to_string(s.steps.size());
}

// text cut before byte `hard` (a character's first byte), at the word
// before it where one is in the second half, with the punctuation in `drop`
// (and spaces) taken off its end, and said with "…".
std::string cut_at_word(const std::string& text, std::size_t hard, const char* drop) {
    std::size_t cut = hard;
    const std::size_t space = text.rfind(' ', hard);
    if (space != std::string::npos && space >= hard / 2) cut = space;
    while (cut > 0 && (text[cut - 1] == ' ' || (text[cut - 1] != '\0' && std::strchr(drop, text[cut - 1])))) --cut;
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

// At most `max` bytes and the "…", never inside a UTF-8 sequence.
std::string shorten(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t hard = max;
    while (hard > 0 && (static_cast<unsigned char>(text[hard]) & 0xC0) == 0x80) --hard;
    return cut_at_word(text, hard, ",;");
}

// At most `max` characters (code points), the "…" included.
std::string fit(const std::string& text, std::size_t max) {
    std::size_t chars = 0, hard = std::string::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars == max - 1 && hard == std::string::npos) hard = i;   // room for the "…"
        ++chars;
    }
    if (chars <= max) return text;
    return cut_at_word(text, hard, ",;:");
}

std::string source_line(const Story& s, const story::Cite& cite) {
    const std::string where = story::cite_text(s, cite);
    if (where.empty()) return {};
    return s.source.title.empty() ? where : "\xE2\x80\x9C" + s.source.title + "\xE2\x80\x9D, " + where;
}

// Story text as Markdown that reads as the same text: every character that
// could start markup inline (emphasis, code, links, HTML, entities, tables,
// strikethrough; a "!" makes no image once its "[" is escaped) is escaped, and so is what would open a block at a line's
// start (a heading, quote, list, rule); lines lose their leading spaces (an
// indented line would become code). Nothing in a story can add a link, an
// image or HTML to a transcript.
std::string md(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (line_start && (c == ' ' || c == '\t')) continue;
        if (line_start) {
            std::size_t digits = i;
            while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
            const bool numbered = digits > i && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
            if (std::string_view("#-+=").find(c) != std::string_view::npos) {   // ">" is escaped everywhere
                out += '\\';
            } else if (numbered) {   // "1. " would start a list: escape its dot
                out.append(text.substr(i, digits - i));
                out += '\\';
                i = digits;
                out += text[i];
                line_start = false;
                continue;
            }
        }
        line_start = c == '\n';
        if (std::string_view("\\`*_[]<>&|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// A card line (a fact or a link) as text, with what became of it.
std::string card_line(const step_state::Line& l) {
    std::string text = l.overturned ? "No longer believed: " + l.text : l.text;
    if (l.apparent) text += " (seems)";
    if (!l.replaced_by.empty()) text += "; instead: " + l.replaced_by;
    return text;
}

}  // namespace

std::vector<int> map_order(const Story& s, const step_state::State& st) {
    std::vector<int> nodes = st.nodes;
    std::stable_sort(nodes.begin(), nodes.end(), [&](int a, int b) {
        return s.entities[static_cast<std::size_t>(a)].first_step < s.entities[static_cast<std::size_t>(b)].first_step;
    });
    return nodes;
}

EntityText entity(const Story& s, const step_state::State& st, int node) {
    const auto c = step_state::card(s, st, node);
    EntityText out;
    out.id = s.entities[static_cast<std::size_t>(node)].id;
    out.name = c.name;
    out.kind = c.kind;
    out.desc = c.desc;
    out.also_known_as = c.also_known_as;
    out.revealed = c.revealed;
    for (const auto& f : c.facts) out.facts.push_back(card_line(f));
    for (const auto& l : c.links) {
        out.links.push_back(card_line(l));
        out.link_of.push_back(l.relationship);
    }
    return out;
}

std::vector<int> touched(const Story& s, const step_state::State& st) {
    const auto nodes = map_order(s, st);
    if (!st.reveals_new.empty()) return nodes;
    std::vector<std::uint8_t> mark(s.entities.size(), 0);
    auto touch = [&](int e) {
        const int n = step_state::node_of(st, e);
        if (n >= 0) mark[static_cast<std::size_t>(n)] = 1;
    };
    for (int n : st.nodes)
        if (st.entity_new[static_cast<std::size_t>(n)]) mark[static_cast<std::size_t>(n)] = 1;
    for (std::size_t i = 0; i < s.relationships.size(); ++i)
        if (st.rel_new[i] || st.rel_over_new[i] || (st.rel_known[i] && s.relationships[i].settled == st.step)) touch(s.relationships[i].from), touch(s.relationships[i].to);
    for (std::size_t e = 0; e < s.entities.size(); ++e)
        for (const auto& f : s.entities[e].facts)
            if (f.step == st.step || f.until == st.step || f.settled == st.step) touch(static_cast<int>(e));
    std::vector<int> out;
    for (int n : nodes)
        if (mark[static_cast<std::size_t>(n)]) out.push_back(n);
    return out;
}

Preview preview(const Story& s, int k) {
    Preview out;
    if (s.steps.empty()) return out;
    k = std::max(0, std::min(k, static_cast<int>(s.steps.size()) - 1));
    // The navigator's own cover rule, for a reader who has seen nothing yet.
    navigator::Navigator cold(s);
    cold.open_link(deep_link::format(s.steps[static_cast<std::size_t>(k)].id));
    out.hidden = cold.covered();
    out.skipped = cold.skipped();
    out.first_skipped = cold.first_skipped();
    out.title = fit(heading(s, k, out.hidden ? out.skipped : 0), kPreviewTitleMax);
    if (!out.hidden) {
        out.description = shorten(s.steps[static_cast<std::size_t>(k)].narration, kDescriptionMax);
    } else if (out.skipped == 1 && out.first_skipped == k) {
        out.description = "This link opens a twist of the ending. The explainer keeps it covered, with the map as it "
                          "stood just before, until you choose to see it.";
    } else {
        out.description = "This link skips " + std::to_string(out.skipped) +
                          " twists of the ending. The explainer keeps them covered, with the map as it stood before "
                          "the first, until you choose to see them.";
    }
    return out;
}

std::string heading(const Story& s, int k, int hidden) {
    if (s.steps.empty()) return s.title;
    k = std::max(0, std::min(k, static_cast<int>(s.steps.size()) - 1));
    const auto& step = s.steps[static_cast<std::size_t>(k)];
    if (hidden == 0) return progress(s, k) + ": " + step.title;
    // A covered twist step is itself one of the twists hidden.
    const auto twists = [](int n) { return std::to_string(n) + (n == 1 ? " twist" : " twists"); };
    if (step.reveal) {
        if (hidden <= 1) return progress(s, k) + ": a twist (hidden)";
        return progress(s, k) + ": a twist, past " + std::to_string(hidden - 1) + " more (hidden)";
    }
    if (hidden < 0) return progress(s, k) + ", past twists you haven\xE2\x80\x99t seen (hidden)";
    return progress(s, k) + ", past " + twists(hidden) + " (hidden)";
}

std::string tab_title(const Story& s, int k, int hidden) {
    if (s.steps.empty()) return s.title;
    return heading(s, k, hidden) + " \xC2\xB7 " + s.title;
}

Page page(const Story& s, int k, bool with_entities) {
    if (s.steps.empty()) return {};
    return page(s, step_state::at(s, k), with_entities);   // at() clamps k
}

Page page(const Story& s, const step_state::State& st, bool with_entities) {
    Page out;
    if (s.steps.empty()) return out;
    const int k = st.step;
    const auto& step = s.steps[static_cast<std::size_t>(k)];
    out.step = k;
    out.id = step.id;
    out.section = s.sections[static_cast<std::size_t>(step.section)].title;
    out.title = step.title;
    out.narration = step.narration;
    out.source = source_line(s, step.cite);
    for (const auto& item : what_changed::at(s, st)) {
        if (item.kind == what_changed::Kind::Reveal) out.reveals.push_back(item.text);
        out.changes.emplace_back(what_changed::kind_name(item.kind), item.text + (item.apparent ? " (seems)" : ""));
    }
    if (with_entities)
        for (int n : map_order(s, st)) out.entities.push_back(entity(s, st, n));
    std::vector<std::size_t> learned;
    for (std::size_t i = 0; i < s.relationships.size(); ++i)
        if (st.rel_known[i]) learned.push_back(i);
    std::stable_sort(learned.begin(), learned.end(),
                     [&](std::size_t a, std::size_t b) { return s.relationships[a].step < s.relationships[b].step; });
    for (std::size_t i : learned) {
        const auto& rel = s.relationships[i];
        const int from = st.shown_as[static_cast<std::size_t>(rel.from)], to = st.shown_as[static_cast<std::size_t>(rel.to)];
        if (from < 0 || to < 0) continue;
        std::string line = s.entities[static_cast<std::size_t>(from)].name + " \xE2\x80\x94 " +
                           s.relation_types[static_cast<std::size_t>(rel.type)].label + " \xE2\x86\x92 " +
                           s.entities[static_cast<std::size_t>(to)].name;
        if (st.rel_over[i]) line += " (no longer believed)";
        else if (story::apparent_at(rel, k)) line += " (seems)";
        out.relationships.push_back(std::move(line));
        out.relationship_of.push_back(static_cast<int>(i));
    }
    for (const auto& g : s.glossary)
        if (g.step <= k) out.glossary.emplace_back(g.term, g.definition);
    return out;
}

std::string markdown(const Story& s, int k) {
    return markdown(s, page(s, k, false));   // the entities are the map's, not the transcript's
}

std::string markdown(const Story& s, const Page& p) {
    std::string out = "## " + progress(s, p.step) + ": " + md(p.title) + "\n\n*" + md(p.section) + "*\n\n" + md(p.narration) + "\n\n";
    for (const auto& r : p.reveals) out += "**Reveal:** " + md(r) + "\n\n";
    if (!p.changes.empty()) {
        out += "What changed:\n\n";
        for (const auto& [kind, text] : p.changes) {
            const char* mark = kind == "reveal"           ? "Revealed: "
                               : kind == "no-longer-true" ? "No longer believed: "
                               : kind == "confirmed"      ? "Now confirmed: "
                                                          : "New: ";
            out += "- " + std::string(mark) + md(text) + "\n";
        }
        out += "\n";
    }
    if (!p.source.empty()) out += "Source: " + md(p.source) + "\n\n";
    return out;
}

std::string transcript_header(const Story& s, int last) {
    last = std::max(0, std::min(last, static_cast<int>(s.steps.size()) - 1));
    std::string out = "# " + md(s.title) + "\n\n" + md(s.show) + ". The walkthrough up to " + progress(s, last) + ".";
    // The link as an autolink: the loader lets through no character that
    // could end it (belief_fields.cpp, web_link_problem).
    if (!s.source.title.empty())
        out += " The facts come from \xE2\x80\x9C" + md(s.source.title) + "\xE2\x80\x9D" +
               (s.source.url.empty() ? std::string() : " (<" + s.source.url + ">)") + "; the words are the explainer's own.";
    return out + "\n\n";
}

std::string transcript(const Story& s, int last) {
    if (s.steps.empty()) return {};
    last = std::max(0, std::min(last, static_cast<int>(s.steps.size()) - 1));
    std::string md = transcript_header(s, last);
    for (int k = 0; k <= last; ++k) md += markdown(s, k);
    return md;
}

}  // namespace explainer::text_version
