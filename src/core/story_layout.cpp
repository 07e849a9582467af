#include "story_layout.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "step_state.h"

namespace explainer::story_layout {

namespace {

constexpr float kAnchorWeight = 0.6f;   // old nodes: strong pull back to where they were
constexpr float kPadding = 18.0f;       // gap kept between boxes
constexpr int kStepIterations = 60;
// On big maps a later step moves only its new nodes and their neighbours (the
// cost then follows what changed); small maps can afford to let everyone
// settle, which gives newcomers a tighter place.
constexpr std::size_t kFreezeAbove = 300;     // cap for steps after the first
constexpr float kMaxDrift = 0.3f;       // old nodes move at most this many edge lengths a step

// The whole-story layout: one map, its crossings reduced, where nothing ever
// moves from one step to the next. A node that an identity reveal merges
// away (the Puppet Master) sits where the node it becomes will be (Roy), so
// the unmasking happens in place.
Frames whole_story(const story::Story& s, const std::vector<Vec2>& half_size, const layout::Options& base) {
    const auto last = step_state::at(s, static_cast<int>(s.steps.size()) - 1);
    std::vector<Vec2> sizes = half_size;   // a merged node's box holds either name
    for (std::size_t e = 0; e < s.entities.size(); ++e) {
        const int node = last.shown_as[e];
        if (node < 0 || node == static_cast<int>(e)) continue;
        sizes[node].x = std::max(sizes[node].x, half_size[e].x);
        sizes[node].y = std::max(sizes[node].y, half_size[e].y);
    }
    const layout::Graph g = graph_at(s, last, sizes);
    std::vector<Vec2> pos = layout::spiral(g.size(), base.edge_length);
    layout::relax(g, pos, base);
    layout::separate(g, pos, kPadding, 200);
    layout::untangle(g, pos, base.edge_length, kPadding);
    layout::separate(g, pos, kPadding, 200);
    std::vector<Vec2> home(s.entities.size());
    for (std::size_t i = 0; i < last.nodes.size(); ++i) home[static_cast<std::size_t>(last.nodes[i])] = pos[i];
    for (std::size_t e = 0; e < s.entities.size(); ++e)
        if (last.shown_as[e] >= 0) home[e] = home[static_cast<std::size_t>(last.shown_as[e])];
    Frames frames;
    frames.positions.assign(s.steps.size(), home);
    return frames;
}

}  // namespace

std::vector<Vec2> estimate_sizes(const story::Story& s) {
    std::vector<Vec2> out;
    out.reserve(s.entities.size());
    for (const auto& e : s.entities) {
        float chars = 0;
        for (char c : e.name) chars += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
        out.push_back({std::max(22.0f, 3.75f * chars + 4.0f), 30.0f});
    }
    return out;
}

layout::Graph graph_at(const story::Story& s, const step_state::State& st, const std::vector<Vec2>& half_size) {
    std::vector<int> local(s.entities.size(), -1);
    for (std::size_t i = 0; i < st.nodes.size(); ++i) local[static_cast<std::size_t>(st.nodes[i])] = static_cast<int>(i);
    layout::Graph g;
    for (int e : st.nodes) g.half_size.push_back(half_size[static_cast<std::size_t>(e)]);
    std::set<std::pair<int, int>> seen;
    for (std::size_t r = 0; r < s.relationships.size(); ++r) {
        if (!st.rel_known[r]) continue;
        int a = local[static_cast<std::size_t>(st.shown_as[s.relationships[r].from])];
        int b = local[static_cast<std::size_t>(st.shown_as[s.relationships[r].to])];
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        if (seen.emplace(a, b).second) g.edges.emplace_back(a, b);
    }
    return g;
}

Frames compute(const story::Story& s, const std::vector<Vec2>& half_size, const layout::Options& base) {
    Steps steps(s, half_size, base);
    while (steps.advance()) {}
    Frames frames;
    for (int k = 0; k < steps.count(); ++k) frames.positions.push_back(steps.at(k));
    return frames;
}

Steps::Steps(const story::Story& s, std::vector<Vec2> half_size, layout::Options base)
    : story_(&s), half_size_(std::move(half_size)), base_(std::move(base)) {
    positions_.reserve(s.steps.size());
}

int Steps::count() const { return story_ ? static_cast<int>(story_->steps.size()) : 0; }

const std::vector<Vec2>& Steps::at(int step) {
    if (count() == 0) return laid_out(0);   // nothing to lay out: the empty list
    step = std::clamp(step, 0, count() - 1);
    while (done() <= step) advance();
    return positions_[static_cast<std::size_t>(step)];
}

const std::vector<Vec2>& Steps::laid_out(int step) const {
    static const std::vector<Vec2> kNone;
    return step >= 0 && step < done() ? positions_[static_cast<std::size_t>(step)] : kNone;
}

bool Steps::advance() {
    if (done() >= count()) return false;
    if (story_->entities.size() <= kWholeStoryMax) {
        positions_ = whole_story(*story_, half_size_, base_).positions;
        return true;
    }
    next_step();
    return true;
}

// Lays out step done(), starting from step done() - 1.
void Steps::next_step() {
    const story::Story& s = *story_;
    const int k = done();
    const std::size_t n = s.entities.size();
    if (last_.empty()) {
        last_.assign(n, Vec2{});
        placed_.assign(n, 0);
    }
    const auto st = step_state::at(s, k);
    const auto& nodes = st.nodes;

    const layout::Graph g = graph_at(s, st, half_size_);

    // Starting positions: old nodes where they were; a node that takes
    // over an unmasked one where that one was; new nodes by their neighbours.
    layout::Options o = base_;
    std::vector<Vec2> pos(nodes.size());
    o.anchor.assign(nodes.size(), Vec2{});
    o.anchor_weight.assign(nodes.size(), 0.0f);
    std::vector<std::uint8_t> ready(nodes.size(), 0);
    std::vector<int> unmasked(n, -1);   // node entity → a placed entity it now stands for
    for (std::size_t e = 0; e < n; ++e)
        if (placed_[e] && st.shown_as[e] >= 0 && st.shown_as[e] != static_cast<int>(e))
            unmasked[st.shown_as[e]] = static_cast<int>(e);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const int e = nodes[i];
        const int from = placed_[e] ? e : unmasked[e];
        if (from < 0) continue;
        pos[i] = last_[from];
        o.anchor[i] = last_[from];
        o.anchor_weight[i] = kAnchorWeight;
        ready[i] = 1;
    }
    const float spread = o.edge_length;
    int newcomers = 0;
    std::vector<std::vector<int>> neighbours(nodes.size());
    for (const auto& e : g.edges) {
        neighbours[e.first].push_back(e.second);
        neighbours[e.second].push_back(e.first);
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (ready[i]) continue;
        Vec2 sum;
        int count = 0;
        for (int other : neighbours[i]) {
            if (ready[other]) { sum.x += pos[other].x; sum.y += pos[other].y; ++count; }
        }
        const float a = 2.39996323f * static_cast<float>(newcomers + k * 3);
        if (count > 0) {
            const float c = static_cast<float>(count);
            pos[i] = {sum.x / c + spread * std::cos(a), sum.y / c + spread * std::sin(a)};
        } else {
            pos[i] = layout::spiral_point(placed_count_ + newcomers, spread, centre_);
        }
        ++newcomers;
    }
    // Fewer, gentler moves when only a few nodes are new.
    o.start_temperature = placed_count_ == 0 ? spread : spread * 0.5f;
    // Old nodes are anchored and new ones start beside their neighbours,
    // so a later step needs far fewer iterations than a layout from scratch.
    if (placed_count_ > 0) o.max_iterations = std::min(o.max_iterations, kStepIterations);
    o.max_drift = kMaxDrift * o.edge_length;
    if (placed_count_ > 0 && nodes.size() > kFreezeAbove) {
        o.fixed.assign(nodes.size(), 1);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (ready[i]) continue;
            o.fixed[i] = 0;
            for (int other : neighbours[i]) o.fixed[static_cast<std::size_t>(other)] = 0;
        }
    }
    layout::relax(g, pos, o);
    std::vector<float> mobility(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) mobility[i] = ready[i] ? 0.1f : 1.0f;
    // Old nodes give way reluctantly; a pair that stays stuck between them
    // is then parted with everyone free to move.
    if (layout::separate(g, pos, kPadding, 40, &mobility) > 0) layout::separate(g, pos, kPadding, 160);

    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const int e = nodes[i];
        last_[e] = pos[i];
        if (!placed_[e]) { placed_[e] = 1; ++placed_count_; }
    }
    // Entities now shown by another node sit where that node is.
    for (std::size_t e = 0; e < n; ++e) {
        if (st.shown_as[e] >= 0 && st.shown_as[e] != static_cast<int>(e)) last_[e] = last_[st.shown_as[e]];
    }
    centre_ = {};
    for (std::size_t i = 0; i < nodes.size(); ++i) { centre_.x += pos[i].x; centre_.y += pos[i].y; }
    if (!nodes.empty()) {
        const float count = static_cast<float>(nodes.size());
        centre_.x /= count;
        centre_.y /= count;
    }
    positions_.push_back(last_);
}

}  // namespace explainer::story_layout
