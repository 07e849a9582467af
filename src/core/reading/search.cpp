#include "core/reading/search.h"

#include <algorithm>
#include <string>

#include "core/text/json_text.h"
#include "core/text/unicode_fold.h"

namespace explainer::search {

using story::Story;

std::string clip_query(std::string_view query) {
    std::string out;
    std::size_t chars = 0;
    while (!query.empty() && chars < kMaxQueryChars) {
        const std::size_t bad = json_text::find_invalid_utf8(query);
        const std::string_view good = query.substr(0, bad == std::string_view::npos ? query.size() : bad);
        for (std::size_t i = 0; i < good.size() && chars < kMaxQueryChars; ++chars) {
            const std::size_t at = i;
            unicode_fold::next_code_point(good, i);
            out.append(good.substr(at, i - at));
        }
        if (bad == std::string_view::npos || chars >= kMaxQueryChars) break;
        out += "\xEF\xBF\xBD";
        ++chars;
        query.remove_prefix(bad + 1);
    }
    return out;
}

namespace {

// The query's words, each as a reader's key (see unicode_fold::reader_key).
std::vector<std::string> words(std::string_view query) {
    std::vector<std::string> out;
    const std::string key = unicode_fold::reader_key(query);   // spaces already one, none at the ends
    for (std::size_t from = 0; from < key.size();) {
        const auto space = std::min(key.find(' ', from), key.size());
        out.push_back(key.substr(from, space - from));
        from = space + 1;
    }
    return out;
}

bool is_group(story::Kind kind) { return kind == story::Kind::Group || kind == story::Kind::Species; }

}  // namespace

std::vector<int> find(const Story& s, const step_state::State& st, std::string_view query) {
    const auto wanted = words(query);
    std::vector<int> out;
    if (wanted.empty()) return out;
    auto matches = [&](const std::string& name) {
        const std::string hay = unicode_fold::reader_key(name);
        return std::all_of(wanted.begin(), wanted.end(),
                           [&](const std::string& w) { return hay.find(w) != std::string::npos; });
    };
    for (int node : st.nodes) {
        bool hit = false;
        // The node's own name and every known entity now shown as it (its former names).
        for (std::size_t e = 0; e < s.entities.size() && !hit; ++e)
            hit = st.shown_as[e] == node && matches(s.entities[e].name);
        if (hit) out.push_back(node);
    }
    return out;
}

std::vector<std::uint8_t> members_of(const Story& s, const step_state::State& st, int group) {
    std::vector<std::uint8_t> out(s.entities.size(), 0);
    const int g = step_state::node_of(st, group);
    if (g < 0) return out;
    out[static_cast<std::size_t>(g)] = 1;
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        const auto& rel = s.relationships[i];
        if (!st.rel_known[i] || st.rel_over[i] || !s.relation_types[static_cast<std::size_t>(rel.type)].membership) continue;
        if (st.shown_as[rel.to] == g) out[static_cast<std::size_t>(st.shown_as[rel.from])] = 1;
    }
    for (std::size_t e = 0; e < s.entities.size(); ++e)
        if (st.revealed_as[e] >= 0 && step_state::node_of(st, st.revealed_as[e]) == g && st.shown_as[e] >= 0)
            out[static_cast<std::size_t>(st.shown_as[e])] = 1;
    return out;
}

std::vector<int> groups(const Story& s, const step_state::State& st) {
    // One pass: how many members each node has (a member counted once per reason is enough here).
    std::vector<int> members(s.entities.size(), 0);
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        const auto& rel = s.relationships[i];
        if (st.rel_known[i] && !st.rel_over[i] && s.relation_types[static_cast<std::size_t>(rel.type)].membership)
            ++members[static_cast<std::size_t>(st.shown_as[rel.to])];
    }
    for (std::size_t e = 0; e < s.entities.size(); ++e)
        if (st.revealed_as[e] >= 0 && st.shown_as[e] >= 0) {
            const int g = step_state::node_of(st, st.revealed_as[e]);
            if (g >= 0) ++members[static_cast<std::size_t>(g)];
        }
    std::vector<int> out;
    for (int node : st.nodes)
        if (is_group(s.entities[static_cast<std::size_t>(node)].kind) && members[static_cast<std::size_t>(node)] > 0)
            out.push_back(node);
    return out;
}

}  // namespace explainer::search
