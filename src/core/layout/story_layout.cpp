#include "core/layout/story_layout.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/layout/newcomers.h"
#include "core/reading/step_state.h"

namespace explainer::story_layout {

namespace {

constexpr float kAnchorWeight = 0.6f;   // old nodes: strong pull back to where they were
constexpr float kPadding = 18.0f;       // gap kept between boxes
constexpr int kStepIterations = 60;
// How far a line keeps from the centre of a node it does not join, in map
// units (a node is 13 across at zoom 1): the layout clears this much, and
// the map's curves bend round whatever is still in the way.
constexpr float kLineClearance = 40.0f;
constexpr float kMaxDrift = 0.3f;       // old nodes move at most this many edge lengths a step

}  // namespace

// The whole-story layout: one map, its crossings reduced, where nothing ever
// moves from one step to the next. A node that an identity reveal merges
// away (the Puppet Master) sits where the node it becomes will be (Roy), so
// the unmasking happens in place. Done in parts (step()), each a phase or
// one of untangle's passes, so that a page can give each a task of its own.
class WholeStory {
public:
    WholeStory(const story::Story& s, const step_state::State& last, const std::vector<Vec2>& half_size,
               const layout::Options& base)
        : story_(s), base_(base) {
        last_ = last;
        std::vector<Vec2> sizes = half_size;   // a merged node's box holds either name
        for (std::size_t e = 0; e < s.entities.size(); ++e) {
            const int node = last.shown_as[e];
            if (node < 0 || node == static_cast<int>(e)) continue;
            sizes[node].x = std::max(sizes[node].x, half_size[e].x);
            sizes[node].y = std::max(sizes[node].y, half_size[e].y);
        }
        g_ = graph_at(s, last, sizes);
        pos_ = layout::spiral(g_.size(), base.edge_length);
    }
    // One part of the work; false once there is none left.
    bool step() {
        switch (phase_) {
            case 0: layout::relax(g_, pos_, base_); break;
            case 1: layout::separate(g_, pos_, kPadding, 200); break;
            case 2:   // untangle, a pass a part: the same passes, and the same stop, as untangle(…, 6)
                if (layout::untangle_pass(g_, pos_, base_.edge_length, kPadding) && ++passes_ < kUntanglePasses) return true;
                break;
            case 3: layout::separate(g_, pos_, kPadding, 200); break;
            case 4: layout::clear_lines(g_, pos_, kLineClearance, kPadding, 200); break;
            case 5: free_space::clear_overlaps(g_.half_size, pos_, kPadding, {}); break;
            default: return false;
        }
        ++phase_;
        return phase_ <= 5;
    }
    // Per entity, where its node stands (once step() has said false).
    std::vector<Vec2> home() const {
        const story::Story& s = story_;
        std::vector<Vec2> home(s.entities.size());
        for (std::size_t i = 0; i < last_.nodes.size(); ++i) home[static_cast<std::size_t>(last_.nodes[i])] = pos_[i];
        for (std::size_t e = 0; e < s.entities.size(); ++e)
            if (last_.shown_as[e] >= 0) home[e] = home[static_cast<std::size_t>(last_.shown_as[e])];
        return home;
    }

private:
    static constexpr int kUntanglePasses = 6;
    const story::Story& story_;
    layout::Options base_;
    step_state::State last_;
    layout::Graph g_;
    std::vector<Vec2> pos_;
    int phase_ = 0, passes_ = 0;
};

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

layout::Quality quality_at(const story::Story& s, const step_state::State& st, const std::vector<Vec2>& half_size,
                           const std::vector<Vec2>& positions) {
    std::vector<Vec2> pos;
    pos.reserve(st.nodes.size());
    for (int e : st.nodes) pos.push_back(positions[static_cast<std::size_t>(e)]);
    return layout::measure(graph_at(s, st, half_size), pos);
}

Frames compute(const story::Story& s, const std::vector<Vec2>& half_size, const layout::Options& base) {
    Steps steps(s, half_size, base);
    while (steps.advance()) {}
    Frames frames;
    for (int k = 0; k < steps.count(); ++k) frames.positions.push_back(steps.at(k));
    return frames;
}

Steps::Steps(const story::Story& s, std::vector<Vec2> half_size, layout::Options base, step_state::Cache* states)
    : story_(&s), states_(states), half_size_(std::move(half_size)), base_(std::move(base)) {
    space_ = free_space::Grid(free_space::typical_cell(half_size_, kPadding), kPadding);
}

int Steps::count() const { return story_ ? static_cast<int>(story_->steps.size()) : 0; }

const std::vector<Vec2>& Steps::at(int step) {
    if (count() == 0) return frame_;   // nothing to lay out: the empty list
    step = std::clamp(step, 0, count() - 1);
    while (done() <= step) lay_out_next(done() == step);
    return frame(step);
}

const std::vector<Vec2>& Steps::laid_out(int step) const {
    static const std::vector<Vec2> kNone;
    return step >= 0 && step < done() ? frame(step) : kNone;
}

const std::vector<Vec2>& Steps::frame(int step) const {
    // Forward from the frame at hand, or from the start.
    if (frame_step_ > step || frame_step_ < 0) {
        frame_.assign(story_->entities.size(), Vec2{});
        frame_step_ = -1;
    }
    for (int k = frame_step_ + 1; k <= step; ++k)
        for (const auto& m : changes_[static_cast<std::size_t>(k)]) frame_[static_cast<std::size_t>(m.entity)] = m.at;
    frame_step_ = step;
    return frame_;
}

bool Steps::advance() { return lay_out_next(true); }

bool Steps::prepare() {
    if (done() >= count()) return false;
    if (story_->entities.size() > kWholeStoryMax) {   // its first step, which every link needs, and no more
        if (done() == 0) next_step(true);
        return false;
    }
    if (!whole_) {
        const auto last = state(count() - 1, true);   // a shared link to the ending opens there
        whole_ = std::make_unique<WholeStory>(*story_, *last, half_size_, base_);
    }
    if (whole_->step()) return true;
    const auto home = whole_->home();
    whole_.reset();
    changes_.assign(story_->steps.size(), {});
    for (std::size_t e = 0; e < home.size(); ++e) changes_[0].push_back({static_cast<int>(e), home[e]});
    return false;
}

Steps::Steps() = default;
Steps::~Steps() = default;
Steps::Steps(Steps&&) noexcept = default;
Steps& Steps::operator=(Steps&&) noexcept = default;

std::shared_ptr<const step_state::State> Steps::state(int k, bool for_reader) {
    if (states_ && for_reader) return states_->at(k);
    return std::make_shared<const step_state::State>(step_state::at(*story_, k));
}

bool Steps::lay_out_next(bool for_reader) {
    if (done() >= count()) return false;
    if (story_->entities.size() <= kWholeStoryMax) {
        while (prepare()) {}
        return true;
    }
    next_step(for_reader);
    return true;
}

// Lays out step done(), starting from step done() - 1.
void Steps::next_step(bool for_reader) {
    const story::Story& s = *story_;
    const int k = done();
    const std::size_t n = s.entities.size();
    if (last_.empty()) {
        last_.assign(n, Vec2{});
        placed_.assign(n, 0);
        ring_.assign(n, 0);
    }
    const std::vector<Vec2> before = last_;
    const auto held = state(k, for_reader);
    const step_state::State& st = *held;
    // Nodes an identity reveal took off the map give their spot to the node
    // that now stands for them, so the unmasking happens in place.
    std::vector<int> newcomers, takeovers;
    for (std::size_t e = 0; e < n; ++e) {
        const int as = st.shown_as[e];
        if (!placed_[e] || as == static_cast<int>(e) || as < 0 || !space_.has(static_cast<int>(e))) continue;
        space_.remove(static_cast<int>(e));
        if (placed_[static_cast<std::size_t>(as)]) continue;
        last_[static_cast<std::size_t>(as)] = last_[e];
        placed_[static_cast<std::size_t>(as)] = 1;
        ++placed_count_;
        takeovers.push_back(as);
    }
    for (int e : takeovers) space_.put(e, last_[static_cast<std::size_t>(e)], half_size_[static_cast<std::size_t>(e)]);
    for (int e : st.nodes)
        if (!placed_[static_cast<std::size_t>(e)]) newcomers.push_back(e);
    if (placed_count_ > 0 && st.nodes.size() > kFreezeAbove) place_step(st, newcomers, takeovers);
    else relax_step(st, newcomers);
    // Entities now shown by another node sit where that node is.
    for (std::size_t e = 0; e < n; ++e)
        if (st.shown_as[e] >= 0 && st.shown_as[e] != static_cast<int>(e)) last_[e] = last_[static_cast<std::size_t>(st.shown_as[e])];
    std::vector<Moved> moved;
    for (std::size_t e = 0; e < n; ++e)
        if (k == 0 || last_[e] != before[e]) moved.push_back({static_cast<int>(e), last_[e]});
    changes_.push_back(std::move(moved));
}

// Newcomers go beside what they link to (newcomers::place).
void Steps::place(const step_state::State& st, const std::vector<int>& newcomers) {
    const story::Story& s = *story_;
    const auto neighbours = [&](int e, std::vector<int>& out) {
        out.clear();
        const auto ue = static_cast<std::size_t>(e);
        for (int i = st.links_start[ue]; i < st.links_start[ue + 1]; ++i) {
            const auto& rel = s.relationships[static_cast<std::size_t>(st.links[static_cast<std::size_t>(i)])];
            const int from = st.shown_as[static_cast<std::size_t>(rel.from)], to = st.shown_as[static_cast<std::size_t>(rel.to)];
            out.push_back(from == e ? to : from);
        }
    };
    newcomers::place(newcomers, neighbours, {last_, placed_, half_size_, space_, ring_, origin_ring_}, origin_,
                     base_.edge_length);
    placed_count_ += static_cast<int>(newcomers.size());
}

// A big map's later step: newcomers take free spots beside what they link
// to; nothing the reader has seen moves. A node that took over an unmasked
// one and does not fit there moves to the nearest free spot.
void Steps::place_step(const step_state::State& st, const std::vector<int>& newcomers, const std::vector<int>& takeovers) {
    place(st, newcomers);
    for (int e : takeovers) {
        const auto ue = static_cast<std::size_t>(e);
        if (space_.is_free(last_[ue], half_size_[ue], e)) continue;
        last_[ue] = space_.nearest(last_[ue], half_size_[ue], 0, 0, e);
        space_.put(e, last_[ue], half_size_[ue]);
    }
}

// A small map's step (or a big map's first): newcomers placed, then every
// node settles under forces, old ones held near where they were.
void Steps::relax_step(const step_state::State& st, const std::vector<int>& newcomers) {
    const story::Story& s = *story_;
    const std::size_t n = s.entities.size();
    const bool first = placed_count_ == 0;
    std::vector<std::uint8_t> is_new(n, 0);
    for (int e : newcomers) is_new[static_cast<std::size_t>(e)] = 1;
    std::fill(ring_.begin(), ring_.end(), 0);   // the nodes moved last step: look from the first ring again
    place(st, newcomers);
    const layout::Graph g = graph_at(s, st, half_size_);
    const std::size_t m = st.nodes.size();
    std::vector<Vec2> pos(m);
    layout::Options o = base_;
    o.anchor.assign(m, Vec2{});
    o.anchor_weight.assign(m, 0.0f);
    std::vector<float> mobility(m, 1.0f);
    for (std::size_t i = 0; i < m; ++i) {
        const auto e = static_cast<std::size_t>(st.nodes[i]);
        pos[i] = last_[e];
        if (is_new[e] || first) continue;
        o.anchor[i] = last_[e];
        o.anchor_weight[i] = kAnchorWeight;
        mobility[i] = 0.1f;
    }
    const float spread = o.edge_length;
    if (!first) {
        // Old nodes are anchored and new ones start beside their neighbours:
        // the work follows what changed, a few iterations per newcomer.
        o.start_temperature = spread * 0.5f;
        o.max_iterations = std::clamp(20 + 2 * static_cast<int>(newcomers.size()), 20, kStepIterations);
        o.max_drift = kMaxDrift * o.edge_length;
    }
    layout::relax(g, pos, o);
    // Old nodes give way reluctantly; a pair that stays stuck between them
    // is then parted with everyone free to move, and any box still
    // overlapping goes to the nearest free spot.
    if (layout::separate(g, pos, kPadding, 40, &mobility) > 0) layout::separate(g, pos, kPadding, 160);
    free_space::clear_overlaps(g.half_size, pos, kPadding, mobility);
    for (std::size_t i = 0; i < m; ++i) {
        const int e = st.nodes[i];
        last_[static_cast<std::size_t>(e)] = pos[i];
        space_.put(e, pos[i], half_size_[static_cast<std::size_t>(e)]);
    }
    if (first) {
        origin_ = {};
        for (const auto& p : pos) { origin_.x += p.x; origin_.y += p.y; }
        if (m > 0) origin_ = {origin_.x / static_cast<float>(m), origin_.y / static_cast<float>(m)};
        space_.set_origin(origin_);
    }
}

}  // namespace explainer::story_layout
