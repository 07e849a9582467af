#include "core/reading/what_changed.h"

namespace explainer::what_changed {

using story::Story;

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::Reveal: return "reveal";
        case Kind::NoLongerTrue: return "no-longer-true";
        case Kind::Confirmed: return "confirmed";
        case Kind::NewEntity: return "entity";
        case Kind::NewRelationship: return "relationship";
        case Kind::NewFact: return "fact";
    }
    return "";
}

std::vector<Item> at(const Story& s, const step_state::State& st) {
    std::vector<Item> out;
    const int k = st.step;
    if (s.steps.empty()) return out;
    const auto& step = s.steps[static_cast<std::size_t>(k)];
    for (int r : st.reveals_new) {
        const auto& rv = s.reveals[static_cast<std::size_t>(r)];
        out.push_back({Kind::Reveal, rv.summary, step_state::node_of(st, rv.subject), false, step.cite});
    }
    if (step.reveal && !step.summary.empty())
        out.push_back({Kind::Reveal, step.summary, step.focus.empty() ? -1 : step_state::node_of(st, step.focus[0]),
                       false, step.cite});

    auto sentence = [&](std::size_t i) {
        const auto& rel = s.relationships[i];
        return story::sentence(s, rel, st.shown_as[rel.from], st.shown_as[rel.to]);
    };
    auto fact_line = [&](std::size_t e, const story::Fact& f) {
        return s.entities[static_cast<std::size_t>(st.shown_as[e])].name + ": " + f.text;
    };
    // Relationships whose flag is set at this step, and facts whose step field is k.
    auto add_relationships = [&](Kind kind, const std::vector<std::uint8_t>& flag) {
        for (std::size_t i = 0; i < s.relationships.size(); ++i)
            if (flag[i])
                out.push_back({kind, sentence(i), st.shown_as[s.relationships[i].from],
                               story::apparent_at(s.relationships[i], k), s.relationships[i].cite});
    };
    auto add_facts = [&](Kind kind, int story::Fact::*when) {
        for (std::size_t e = 0; e < s.entities.size(); ++e)
            for (const auto& f : s.entities[e].facts)
                if (f.*when == k && st.entity_known[e])
                    out.push_back({kind, fact_line(e, f), st.shown_as[e], story::apparent_at(f, k), f.cite});
    };
    add_relationships(Kind::NoLongerTrue, st.rel_over_new);
    add_facts(Kind::NoLongerTrue, &story::Fact::until);
    // What was only hedged and the source now says outright.
    std::vector<std::uint8_t> settled_now(s.relationships.size(), 0);
    for (std::size_t i = 0; i < s.relationships.size(); ++i)
        settled_now[i] = st.rel_known[i] && s.relationships[i].apparent && s.relationships[i].settled == k;
    add_relationships(Kind::Confirmed, settled_now);
    add_facts(Kind::Confirmed, &story::Fact::settled);

    for (int n : st.nodes)
        if (st.entity_new[static_cast<std::size_t>(n)]) {
            const auto& e = s.entities[static_cast<std::size_t>(n)];
            out.push_back({Kind::NewEntity, e.name, n, false, e.cite});
        }
    add_relationships(Kind::NewRelationship, st.rel_new);
    add_facts(Kind::NewFact, &story::Fact::step);
    return out;
}

}  // namespace explainer::what_changed
