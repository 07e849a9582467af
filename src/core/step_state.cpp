#include "step_state.h"

#include <algorithm>

namespace explainer::step_state {

using story::Story;

State at(const Story& s, int k) {
    State st;
    const int last = static_cast<int>(s.steps.size()) - 1;
    st.step = std::max(0, std::min(k, last));
    const std::size_t n = s.entities.size();
    st.entity_known.assign(n, 0);
    st.entity_new.assign(n, 0);
    st.shown_as.assign(n, -1);
    st.revealed_as.assign(n, -1);
    for (std::size_t e = 0; e < n; ++e) {
        const int first = s.entities[e].first_step;
        st.entity_known[e] = first <= st.step;
        st.entity_new[e] = first == st.step;
        if (st.entity_known[e]) st.shown_as[e] = static_cast<int>(e);
    }
    st.rel_known.assign(s.relationships.size(), 0);
    st.rel_new.assign(s.relationships.size(), 0);
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        st.rel_known[i] = s.relationships[i].step <= st.step;
        st.rel_new[i] = s.relationships[i].step == st.step;
    }
    std::vector<int> becomes(n, -1);
    for (std::size_t i = 0; i < s.reveals.size(); ++i) {
        const auto& rv = s.reveals[i];
        if (rv.step > st.step) continue;
        st.reveals_done.push_back(static_cast<int>(i));
        if (rv.step == st.step) st.reveals_new.push_back(static_cast<int>(i));
        if (rv.type == story::RevealType::Identity) becomes[rv.subject] = rv.target;
        else st.revealed_as[rv.subject] = rv.target;
    }
    // Follow identity chains to their end; the validator guarantees no loops,
    // and the step bound keeps even a corrupted story from spinning.
    for (std::size_t e = 0; e < n; ++e) {
        if (!st.entity_known[e]) continue;
        int node = static_cast<int>(e);
        for (std::size_t hops = 0; becomes[node] >= 0 && hops < n; ++hops) node = becomes[node];
        st.shown_as[e] = node;
    }
    for (std::size_t e = 0; e < n; ++e)
        if (st.entity_known[e] && st.shown_as[e] == static_cast<int>(e)) st.nodes.push_back(static_cast<int>(e));
    return st;
}

int node_of(const State& state, int entity) {
    if (entity < 0 || entity >= static_cast<int>(state.shown_as.size())) return -1;
    return state.shown_as[entity];
}

Card card(const Story& s, const State& st, int entity) {
    Card c;
    const int node = node_of(st, entity);
    if (node < 0) return c;
    const auto& e = s.entities[node];
    c.entity = node;
    c.name = e.name;
    c.kind = story::kind_name(e.kind);
    c.desc = e.desc;
    auto merged_here = [&](int other) { return other >= 0 && st.shown_as[other] == node; };
    for (std::size_t o = 0; o < s.entities.size(); ++o)
        if (static_cast<int>(o) != node && merged_here(static_cast<int>(o))) c.also_known_as.push_back(s.entities[o].name);
    for (int r : st.reveals_done) {
        const auto& rv = s.reveals[r];
        if (merged_here(rv.subject) || merged_here(rv.target)) c.revealed.push_back(rv.summary);
    }
    // Facts of everything merged into this node, in the order they were learned.
    std::vector<std::pair<int, const std::string*>> facts;
    for (std::size_t o = 0; o < s.entities.size(); ++o) {
        if (!merged_here(static_cast<int>(o))) continue;
        for (const auto& f : s.entities[o].facts)
            if (f.step <= st.step) facts.emplace_back(f.step, &f.text);
    }
    std::stable_sort(facts.begin(), facts.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& f : facts) c.facts.push_back(*f.second);
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        if (!st.rel_known[i]) continue;
        const auto& rel = s.relationships[i];
        const int from = st.shown_as[rel.from], to = st.shown_as[rel.to];
        const std::string& label = s.relation_types[rel.type].label;
        if ((from == node) != (to == node))
            c.links.push_back(s.entities[from].name + " " + label + " " + s.entities[to].name);
    }
    return c;
}

}  // namespace explainer::step_state
