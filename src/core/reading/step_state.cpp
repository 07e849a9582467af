#include "core/reading/step_state.h"

#include <algorithm>

namespace explainer::step_state {

using story::Story;

namespace {

// What is known by st.step: entities and relationships, new or not, and
// relationships overturned by then.
void mark_known(const Story& s, State& st) {
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
    const std::size_t rels = s.relationships.size();
    st.rel_known.assign(rels, 0);
    st.rel_new.assign(rels, 0);
    st.rel_over.assign(rels, 0);
    st.rel_over_new.assign(rels, 0);
    for (std::size_t i = 0; i < rels; ++i) {
        const auto& rel = s.relationships[i];
        st.rel_known[i] = rel.step <= st.step;
        st.rel_new[i] = rel.step == st.step;
        st.rel_over[i] = rel.until >= 0 && rel.until <= st.step;
        st.rel_over_new[i] = rel.until == st.step;
    }
}

// The reveals done by st.step: identity reveals merge a node into the one
// that stands for it, nature reveals give it its true species or group.
void apply_reveals(const Story& s, State& st) {
    const std::size_t n = s.entities.size();
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
}

// Per node, what its card reads from, so a card costs what it shows
// rather than a pass over the whole story (explain show and the site
// writer make one per node per step).
void index_for_cards(const Story& s, State& st) {
    const std::size_t n = s.entities.size(), rels = s.relationships.size();
    auto bucket = [n](std::vector<int>& start, std::vector<int>& items, auto&& each) {
        start.assign(n + 1, 0);
        each([&](int node, int) { ++start[static_cast<std::size_t>(node) + 1]; });
        for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
        items.assign(static_cast<std::size_t>(start[n]), 0);
        std::vector<int> fill(start.begin(), start.end() - 1);
        each([&](int node, int item) { items[static_cast<std::size_t>(fill[static_cast<std::size_t>(node)]++)] = item; });
    };
    bucket(st.stands_for_start, st.stands_for, [&](auto&& add) {
        for (std::size_t e = 0; e < n; ++e)
            if (st.shown_as[e] >= 0) add(st.shown_as[e], static_cast<int>(e));
    });
    bucket(st.links_start, st.links, [&](auto&& add) {
        for (std::size_t i = 0; i < rels; ++i) {
            if (!st.rel_known[i]) continue;
            const int from = st.shown_as[static_cast<std::size_t>(s.relationships[i].from)];
            const int to = st.shown_as[static_cast<std::size_t>(s.relationships[i].to)];
            if (from == to || from < 0 || to < 0) continue;
            add(from, static_cast<int>(i));
            add(to, static_cast<int>(i));
        }
    });
}

}  // namespace

State at(const Story& s, int k) {
    State st;
    const int last = static_cast<int>(s.steps.size()) - 1;
    st.step = std::max(0, std::min(k, last));
    mark_known(s, st);
    apply_reveals(s, st);
    index_for_cards(s, st);
    return st;
}

std::shared_ptr<const State> Cache::at(int k) {
    k = std::max(0, std::min(k, static_cast<int>(story_->steps.size()) - 1));
    for (std::size_t i = 0; i < recent_.size(); ++i) {
        if (recent_[i]->step != k) continue;
        auto hit = recent_[i];
        recent_.erase(recent_.begin() + static_cast<std::ptrdiff_t>(i));
        recent_.push_back(hit);
        return hit;
    }
    if (recent_.size() >= keep_) recent_.erase(recent_.begin());
    recent_.push_back(std::make_shared<const State>(step_state::at(*story_, k)));
    ++builds_;
    return recent_.back();
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
    c.desc_cite = e.cite;
    auto merged_here = [&](int other) { return other >= 0 && st.shown_as[other] == node; };
    const int* members = st.stands_for.data() + st.stands_for_start[static_cast<std::size_t>(node)];
    const int* members_end = st.stands_for.data() + st.stands_for_start[static_cast<std::size_t>(node) + 1];
    for (const int* o = members; o != members_end; ++o)
        if (*o != node) c.also_known_as.push_back(s.entities[static_cast<std::size_t>(*o)].name);
    for (int r : st.reveals_done) {
        const auto& rv = s.reveals[r];
        if (merged_here(rv.subject) || merged_here(rv.target)) c.revealed.push_back(rv.summary);
    }
    // Facts of everything merged into this node, in the order they were learned.
    struct Known { int step; const story::Fact* fact; };
    std::vector<Known> facts;
    for (const int* o = members; o != members_end; ++o)
        for (const auto& f : s.entities[static_cast<std::size_t>(*o)].facts)
            if (f.step <= st.step) facts.push_back({f.step, &f});
    std::stable_sort(facts.begin(), facts.end(), [](const Known& a, const Known& b) { return a.step < b.step; });
    auto replacement_of = [&](const story::Fact& f) -> const story::Fact* {
        if (f.replaced_by_entity < 0 || f.until < 0 || f.until > st.step) return nullptr;
        return &s.entities[static_cast<std::size_t>(f.replaced_by_entity)].facts[static_cast<std::size_t>(f.replaced_by_fact)];
    };
    std::vector<const story::Fact*> shown_beside;   // replacements, shown next to what they replaced
    for (const auto& k : facts)
        if (const auto* by = replacement_of(*k.fact)) shown_beside.push_back(by);
    for (const auto& k : facts) {
        const auto& f = *k.fact;
        if (std::find(shown_beside.begin(), shown_beside.end(), &f) != shown_beside.end()) continue;
        Line line;
        line.text = f.text;
        line.cite = f.cite;
        line.apparent = story::apparent_at(f, st.step);
        line.overturned = f.until >= 0 && f.until <= st.step;
        line.overturned_now = f.until == st.step;
        if (const auto* by = replacement_of(f)) line.replaced_by = by->text;
        c.facts.push_back(std::move(line));
    }
    for (int k = st.links_start[static_cast<std::size_t>(node)]; k < st.links_start[static_cast<std::size_t>(node) + 1]; ++k) {
        const auto i = static_cast<std::size_t>(st.links[static_cast<std::size_t>(k)]);
        const auto& rel = s.relationships[i];
        const int from = st.shown_as[rel.from], to = st.shown_as[rel.to];
        Line line;
        line.text = story::sentence(s, rel, from, to);
        line.cite = rel.cite;
        line.apparent = story::apparent_at(rel, st.step);
        line.overturned = st.rel_over[i];
        line.overturned_now = st.rel_over_new[i];
        line.other = from == node ? to : from;
        line.relationship = static_cast<int>(i);
        c.links.push_back(std::move(line));
    }
    return c;
}

}  // namespace explainer::step_state
