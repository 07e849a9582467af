#include "what_changed.h"

namespace explainer::what_changed {

using story::Story;

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::Reveal: return "reveal";
        case Kind::NoLongerTrue: return "no-longer-true";
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
    for (std::size_t i = 0; i < s.relationships.size(); ++i)
        if (st.rel_over_new[i])
            out.push_back({Kind::NoLongerTrue, sentence(i), st.shown_as[s.relationships[i].from],
                           s.relationships[i].apparent, s.relationships[i].cite});
    for (std::size_t e = 0; e < s.entities.size(); ++e)
        for (const auto& f : s.entities[e].facts)
            if (f.until == k && st.entity_known[e])
                out.push_back({Kind::NoLongerTrue, fact_line(e, f), st.shown_as[e], f.apparent, f.cite});

    for (int n : st.nodes)
        if (st.entity_new[static_cast<std::size_t>(n)]) {
            const auto& e = s.entities[static_cast<std::size_t>(n)];
            out.push_back({Kind::NewEntity, e.name, n, false, e.cite});
        }
    for (std::size_t i = 0; i < s.relationships.size(); ++i)
        if (st.rel_new[i])
            out.push_back({Kind::NewRelationship, sentence(i), st.shown_as[s.relationships[i].from],
                           s.relationships[i].apparent, s.relationships[i].cite});
    for (std::size_t e = 0; e < s.entities.size(); ++e)
        for (const auto& f : s.entities[e].facts)
            if (f.step == k && st.entity_known[e])
                out.push_back({Kind::NewFact, fact_line(e, f), st.shown_as[e], f.apparent, f.cite});
    return out;
}

}  // namespace explainer::what_changed
