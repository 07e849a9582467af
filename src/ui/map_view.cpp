#include "map_view.h"

#include <algorithm>
#include <cmath>

#include "theme.h"

namespace explainer::ui::map_view {


namespace {
constexpr double kStepMs = 480;       // an ordinary step's transition
constexpr double kCameraMs = 650;
// A staged reveal: the camera goes to the subject, a beat, the unmasking, the edges.
constexpr double kApproachMs = 750, kBeatMs = 500, kPlayMs = 1600, kEdgesMs = 600;

}  // namespace

std::vector<Vec2> MapView::measure(const story::Story& s, ImFont* font) {
    ++version_;
    std::vector<Vec2> out;
    name_w_.clear();
    for (const auto& e : s.entities) {
        const ImVec2 size = font->CalcTextSizeA(theme::kLabelSize, 1e9f, 0, e.name.c_str());
        name_w_.push_back(size.x);
        // The layout's box is centred on the node: the shape above, the label below.
        out.push_back({std::max(theme::kNodeRadius, size.x * 0.5f) + 6, theme::kNodeRadius + size.y + 6});
    }
    return out;
}

float MapView::progress(double now) const {
    if (duration_ <= 0) return 1;
    return ease(static_cast<float>(std::clamp((now - t0_) / duration_, 0.0, 1.0)));
}
float MapView::edge_fade(double now) const {
    if (edge_ms_ <= 0) return 1;
    return static_cast<float>(std::clamp((now - edge_t0_) / edge_ms_, 0.0, 1.0));
}
Vec2 MapView::position(int e, float t) const { return lerp(nodes_[e].from, nodes_[e].to, t); }
float MapView::alpha(int e, float t) const { return nodes_[e].alpha_from + (nodes_[e].alpha_to - nodes_[e].alpha_from) * t; }
float MapView::node_radius() const { return theme::kNodeRadius * std::clamp(camera_.zoom, 0.65f, 1.8f); }
float MapView::label_px() const { return theme::label_px(camera_.zoom); }

MapView::Phase MapView::phase(double now) const {
    if (staged_) {
        if (now < stage_t0_ + kApproachMs) return Phase::Approach;
        if (now < t0_) return Phase::Beat;
        if (now < t0_ + duration_) return Phase::Play;
        if (now < edge_t0_ + edge_ms_) return Phase::Edges;
        return Phase::Still;
    }
    return now < t0_ + duration_ || now < camera_t0_ + camera_ms_ ? Phase::Moving : Phase::Still;
}

const char* MapView::phase_name(Phase phase) {
    switch (phase) {
        case Phase::Moving: return "moving";
        case Phase::Approach: return "approach";
        case Phase::Beat: return "beat";
        case Phase::Play: return "play";
        case Phase::Edges: return "edges";
        case Phase::Still: break;
    }
    return "still";
}

void MapView::show(const story::Story& s, const step_state::State& st, const std::vector<Vec2>& targets,
                   const std::vector<int>& focus, double now, bool animate) {
    ++version_;
    const std::size_t n = s.entities.size();
    const float t = progress(now);
    std::vector<Node> next(n);
    std::vector<std::uint8_t> visible_before(n, 0);
    for (std::size_t e = 0; e < n; ++e) {
        const bool had = e < nodes_.size();
        const Vec2 here = had ? position(static_cast<int>(e), t) : targets[e];
        const float a = had ? alpha(static_cast<int>(e), t) : 0.0f;
        visible_before[e] = a > 0.5f;
        const bool node = st.shown_as[e] == static_cast<int>(e);
        next[e].from = a > 0.01f ? here : targets[e];
        next[e].to = targets[e];
        next[e].alpha_from = a;
        next[e].alpha_to = node ? 1.0f : 0.0f;
    }
    on_map_.assign(n, 0);
    for (std::size_t e = 0; e < n; ++e) on_map_[e] = next[e].alpha_to > 0;
    // A node that takes another's place (an identity reveal, or undoing one
    // when stepping back) grows out of it rather than fading in elsewhere.
    std::vector<std::size_t> leaving;   // visible nodes about to go: few, so the pairing below is cheap
    for (std::size_t o = 0; o < n; ++o)
        if (visible_before[o] && next[o].alpha_to <= 0) leaving.push_back(o);
    for (std::size_t e = 0; e < n && !leaving.empty(); ++e) {
        if (next[e].alpha_to < 1 || visible_before[e]) continue;
        for (std::size_t o : leaving) {
            const bool merged_into_e = st.shown_as[o] == static_cast<int>(e);
            const bool split_from_e = st.shown_as[o] < 0 || st.shown_as[e] == static_cast<int>(e);
            if (merged_into_e || (split_from_e && nodes_.size() == n && nodes_[o].morph_from == static_cast<int>(e))) {
                next[e].from = position(static_cast<int>(o), t);
                next[e].alpha_from = 1;
                next[e].morph_from = static_cast<int>(o);
                next[o].alpha_from = 0;
                break;
            }
        }
    }
    stage_subject_ = -1;
    for (int r : st.reveals_new) {
        const auto& rv = s.reveals[static_cast<std::size_t>(r)];
        if (rv.type == story::RevealType::Nature) next[rv.subject].nature_new = true;
        if (stage_subject_ < 0) stage_subject_ = step_state::node_of(st, rv.subject);
    }
    nodes_ = std::move(next);

    // What each node says under its name once a reveal has happened.
    subtitle_.assign(n, std::string());
    badge_.assign(n, 0);
    for (int r : st.reveals_done) {
        const auto& rv = s.reveals[static_cast<std::size_t>(r)];
        const int node = step_state::node_of(st, rv.subject);
        if (node < 0) continue;
        if (rv.type == story::RevealType::Identity) {
            subtitle_[node] = "was " + s.entities[rv.subject].name;
        } else {
            subtitle_[node] = rv.badge.empty() ? s.entities[rv.target].name : rv.badge;
            badge_[node] = 1;
        }
    }

    // Timing: an ordinary step moves at once; a reveal waits for the camera and a beat.
    staged_ = animate && stage_subject_ >= 0;
    stage_t0_ = now;
    t0_ = staged_ ? now + kApproachMs + kBeatMs : now;
    duration_ = !animate ? 0 : staged_ ? kPlayMs : kStepMs;
    edge_t0_ = staged_ ? t0_ + kPlayMs : t0_;
    edge_ms_ = !animate ? 0 : staged_ ? kEdgesMs : kStepMs;

    // One line per relationship the reader knows (lanes are edge_route's business).
    edges_.clear();
    drawn_edges_.clear();   // they index edges_
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        if (!st.rel_known[i]) continue;
        const auto& rel = s.relationships[i];
        const int a = st.shown_as[rel.from], b = st.shown_as[rel.to];
        if (a == b) continue;
        const Standing standing = st.rel_over_new[i] ? Standing::OverturnedNow
                                  : st.rel_over[i]   ? Standing::WasBelieved
                                  : story::apparent_at(rel, st.step) ? Standing::Apparent
                                                     : Standing::Believed;
        std::string label = s.relation_types[static_cast<std::size_t>(rel.type)].label;
        if (standing == Standing::Apparent) label += " (seems)";
        edges_.push_back({a, b, std::move(label), st.rel_new[i] != 0, standing, static_cast<int>(i)});
    }
    paths_.assign(edges_.size(), {});
    in_sight_.assign(edges_.size(), 1.0f);

    // Roles: the step's focus (and the reveal's subject), their neighbours, the rest.
    role_.assign(n, kRest);
    for (int f : focus) {
        const int node = step_state::node_of(st, f);
        if (node >= 0) role_[node] = kFocus;
    }
    if (stage_subject_ >= 0) role_[stage_subject_] = kFocus;
    for (const auto& e : edges_) {
        if (role_[e.from] == kFocus && role_[e.to] == kRest) role_[e.to] = kNeighbour;
        if (role_[e.to] == kFocus && role_[e.from] == kRest) role_[e.from] = kNeighbour;
    }
    if (last_candidate_.size() != n) last_candidate_.assign(n, -1);
    // The step's own picture: its focus, what is new, and both ends of its own lines.
    in_step_.assign(n, 0);
    for (std::size_t e = 0; e < n; ++e) in_step_[e] = role_[e] == kFocus || st.entity_new[e] || nodes_[e].morph_from >= 0;
    for (const auto& g : edges_)
        if (g.own()) in_step_[g.from] = in_step_[g.to] = 1;
    if (step_only_)
        for (std::size_t e = 0; e < n; ++e)
            if (!in_step_[e]) nodes_[e].alpha_to = 0;

    user_moved_ = false;
    overview_ = false;
    camera_from_ = camera_;
    aim_camera(false);
    camera_ms_ = staged_ ? kApproachMs : kCameraMs;
    camera_t0_ = animate && fitted_ ? now : -1e9;
    if (!animate || !fitted_) camera_ = camera_to_;
}

// Frames the step (or, asked to, the whole known map) inside the visible map
// area, with room for every label at its on-screen size.
void MapView::aim_camera(bool everything) {
    const float w = std::max(area_max_.x - area_min_.x, 100.0f);
    const float h = std::max(area_max_.y - area_min_.y - reserved_top_ - reserved_bottom_, 100.0f);   // between the controls
    limits_ = framing::limits_for(w, h);
    // The step alone is a handful of nodes: framed as close as the whole map
    // would be, its names crowd its lines; closer, they have room.
    if (step_only_) limits_.max_frame = std::min(limits_.max_frame * 1.6f, limits_.max_zoom);
    const float px = theme::label_px(limits_.legible), r = theme::kNodeRadius;
    framing::Choices c;
    for (std::size_t e = 0; e < nodes_.size(); ++e) {
        if (nodes_[e].alpha_to <= 0) continue;
        const float name_w = e < name_w_.size() ? name_w_[e] * px / theme::kLabelSize : 80.0f;
        const float lines = subtitle_.size() > e && !subtitle_[e].empty() ? 2.3f : 1.2f;
        const framing::Subject s{nodes_[e].to, {std::max(name_w / 2 + 4, r + 4), r + px * lines + 6}};
        c.everything.push_back(s);
        if (role_[e] != kRest) c.focus_and_neighbours.push_back(s);
        if (e < in_step_.size() && in_step_[e]) c.step.push_back(s);
        if (role_[e] == kFocus) c.focus.push_back(s);
    }
    framing::View v = camera_to_;
    if (everything) {
        framing::fit(c.everything, w, h, limits_, v);
    } else {
        framing::choose(c, w, h, limits_, v);
    }
    // The view was framed for the area below the controls; the camera's
    // centre is the middle of the whole area, a little higher.
    if (v.zoom > 0) v.centre.y -= std::min(reserved_top_ - reserved_bottom_, area_max_.y - area_min_.y - 100.0f) / 2 / v.zoom;
    camera_to_ = v;
}

void MapView::set_step_only(bool on, double now, bool animate) {
    if (on == step_only_) return;
    step_only_ = on;
    ++version_;
    const float t = progress(now);
    for (std::size_t e = 0; e < nodes_.size(); ++e) {
        Node& node = nodes_[e];
        node.from = position(static_cast<int>(e), t);
        node.alpha_from = alpha(static_cast<int>(e), t);
        node.alpha_to = on_map_[e] && (!on || in_step_[e]) ? 1.0f : 0.0f;
        node.morph_from = -1;
        node.nature_new = false;
    }
    staged_ = false;
    t0_ = edge_t0_ = now;
    duration_ = animate ? kStepMs : 0;
    edge_ms_ = 0;
    if (animate) glide(false, now);
    else aim_camera(false), camera_ = camera_to_, user_moved_ = false, overview_ = false;
}

void MapView::reset_camera(double now) { glide(false, now); }
void MapView::show_everything(double now) { glide(true, now); }

void MapView::glide(bool everything, double now) {
    camera_from_ = camera_;
    aim_camera(everything);
    camera_t0_ = now;
    camera_ms_ = kCameraMs;
    user_moved_ = false;
    overview_ = everything;
}

ImVec2 MapView::to_screen(Vec2 p) const {
    const ImVec2 mid{(area_min_.x + area_max_.x) / 2, (area_min_.y + area_max_.y) / 2};
    return {mid.x + (p.x - camera_.centre.x) * camera_.zoom, mid.y + (p.y - camera_.centre.y) * camera_.zoom};
}

Vec2 MapView::to_world(ImVec2 sp) const {
    const ImVec2 mid{(area_min_.x + area_max_.x) / 2, (area_min_.y + area_max_.y) / 2};
    return {camera_.centre.x + (sp.x - mid.x) / camera_.zoom, camera_.centre.y + (sp.y - mid.y) / camera_.zoom};
}

void MapView::zoom_by(float factor, ImVec2 sp) {
    const Vec2 before = to_world(sp);
    camera_.zoom = std::clamp(camera_.zoom * factor, limits_.min_zoom, limits_.max_zoom);
    const Vec2 after = to_world(sp);
    camera_.centre.x += before.x - after.x;
    camera_.centre.y += before.y - after.y;
    user_moved_ = true;
    camera_t0_ = -1e9;
}

}  // namespace explainer::ui::map_view
