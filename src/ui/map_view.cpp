#include "map_view.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "theme.h"

namespace map_view {

using namespace explainer;

namespace {
constexpr double kStepMs = 480;       // an ordinary step's transition
constexpr double kCameraMs = 650;
// A staged reveal: the camera goes to the subject, a beat, the unmasking, the edges.
constexpr double kApproachMs = 750, kBeatMs = 500, kPlayMs = 1600, kEdgesMs = 600;

float ease(float t) { return t < 0.5f ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3.0f) / 2; }
Vec2 lerp(Vec2 a, Vec2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }
}  // namespace

std::vector<Vec2> MapView::measure(const story::Story& s, ImFont* font) {
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

const char* MapView::phase(double now) const {
    if (staged_) {
        if (now < stage_t0_ + kApproachMs) return "approach";
        if (now < t0_) return "beat";
        if (now < t0_ + duration_) return "play";
        if (now < edge_t0_ + edge_ms_) return "edges";
        return "still";
    }
    return now < t0_ + duration_ || now < camera_t0_ + camera_ms_ ? "moving" : "still";
}

void MapView::show(const story::Story& s, const step_state::State& st, const std::vector<Vec2>& targets,
                   const std::vector<int>& focus, double now, bool animate) {
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

    // One line per ordered pair and standing; the pair key (for bowing pairs
    // linked both ways) ignores the standing.
    std::unordered_map<long long, std::size_t> index;
    std::unordered_map<long long, int> pairs;
    auto key = [](int a, int b) { return (static_cast<long long>(a) << 32) | static_cast<unsigned>(b); };
    edges_.clear();
    drawn_edges_.clear();   // they index edges_
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        if (!st.rel_known[i]) continue;
        const auto& rel = s.relationships[i];
        const int a = st.shown_as[rel.from], b = st.shown_as[rel.to];
        if (a == b) continue;
        const Standing standing = st.rel_over_new[i] ? Standing::OverturnedNow
                                  : st.rel_over[i]   ? Standing::WasBelieved
                                  : rel.apparent     ? Standing::Apparent
                                                     : Standing::Believed;
        const long long k = key(a, b) * 4 + static_cast<int>(standing);
        const std::string& label = s.relation_types[static_cast<std::size_t>(rel.type)].label;
        auto [it, inserted] = index.emplace(k, edges_.size());
        if (inserted) edges_.push_back({a, b, label, false, false, standing, {}});
        else edges_[it->second].label += " \xC2\xB7 " + label;
        edges_[it->second].rels.push_back(static_cast<int>(i));
        edges_[it->second].is_new = edges_[it->second].is_new || st.rel_new[i];
        ++pairs[key(a, b)];
    }
    for (auto& e : edges_) {
        e.has_reverse = pairs.count(key(e.to, e.from)) > 0;
        if (e.standing == Standing::Apparent) e.label += " (seems)";
    }

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
    const float h = std::max(area_max_.y - area_min_.y - reserved_top_, 100.0f);   // below the controls
    limits_ = framing::limits_for(w, h);
    const float px = theme::label_px(limits_.legible), r = theme::kNodeRadius;
    std::vector<framing::Subject> all, near, focus;
    for (std::size_t e = 0; e < nodes_.size(); ++e) {
        if (nodes_[e].alpha_to <= 0) continue;
        const float name_w = e < name_w_.size() ? name_w_[e] * px / theme::kLabelSize : 80.0f;
        const float lines = subtitle_.size() > e && !subtitle_[e].empty() ? 2.3f : 1.2f;
        const framing::Subject s{nodes_[e].to, {std::max(name_w / 2 + 4, r + 4), r + px * lines + 6}};
        all.push_back(s);
        if (role_[e] != kRest) near.push_back(s);
        if (role_[e] == kFocus) focus.push_back(s);
    }
    framing::View v = camera_to_;
    if (everything) {
        framing::fit(all, w, h, limits_, v);
    } else {
        framing::choose(all, near, focus, w, h, limits_, v);
    }
    // The view was framed for the area below the controls; the camera's
    // centre is the middle of the whole area, a little higher.
    if (v.zoom > 0) v.centre.y -= std::min(reserved_top_, area_max_.y - area_min_.y - 100.0f) / 2 / v.zoom;
    camera_to_ = v;
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

// A quadratic curve (a straight line when control is its midpoint), solid or
// in dashes of `dash` px with equal gaps.
void MapView::dashed_curve(ImDrawList* dl, ImVec2 a, ImVec2 c, ImVec2 b, ImU32 col, float thick, float dash) {
    if (dash <= 0) {
        const bool straight = std::fabs(c.x - (a.x + b.x) / 2) < 0.5f && std::fabs(c.y - (a.y + b.y) / 2) < 0.5f;
        if (straight) dl->AddLine(a, b, col, thick);
        else dl->AddBezierQuadratic(a, c, b, col, thick, 16);
        return;
    }
    constexpr int kSteps = 48;
    ImVec2 prev = a;
    float run = 0;
    bool on = true;
    for (int i = 1; i <= kSteps; ++i) {
        const float t = static_cast<float>(i) / kSteps, u = 1 - t;
        const ImVec2 p{u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y};
        if (on) dl->AddLine(prev, p, col, thick);
        run += std::sqrt((p.x - prev.x) * (p.x - prev.x) + (p.y - prev.y) * (p.y - prev.y));
        if (run >= dash) { run = 0; on = !on; }
        prev = p;
    }
}

MapView::EdgeShape MapView::edge_shape(const EdgeGroup& g, float t, float r) const {
    EdgeShape e;
    e.p = to_screen(position(g.from, t));
    e.q = to_screen(position(g.to, t));
    const float dx = e.q.x - e.p.x, dy = e.q.y - e.p.y;
    e.len = std::sqrt(dx * dx + dy * dy);
    e.u = e.len > 0 ? ImVec2{dx / e.len, dy / e.len} : ImVec2{1, 0};
    const ImVec2 nrm{-e.u.y, e.u.x};
    const float bow = g.has_reverse ? 18.0f * std::clamp(camera_.zoom, 0.6f, 1.4f) : 0.0f;
    e.bowed = bow > 0;
    e.control = {(e.p.x + e.q.x) / 2 + nrm.x * bow, (e.p.y + e.q.y) / 2 + nrm.y * bow};
    e.start = {e.p.x + e.u.x * (r + 3), e.p.y + e.u.y * (r + 3)};
    e.tip = {e.q.x - e.u.x * (r + 5), e.q.y - e.u.y * (r + 5)};
    return e;
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

MapView::Result MapView::draw(const story::Story& s, const step_state::State& st, ImVec2 amin, ImVec2 amax,
                              int selected, double now, ImFont* font) {
    Result result;
    const bool resized = amin.x != area_min_.x || amin.y != area_min_.y || amax.x != area_max_.x || amax.y != area_max_.y;
    area_min_ = amin;
    area_max_ = amax;
    if (!fitted_ || ((resized || refit_) && !user_moved_)) {   // first frame, or the window or controls changed
        aim_camera(overview_);
        camera_ = camera_to_;
        fitted_ = true;
    }
    refit_ = false;
    if (!user_moved_ && now - camera_t0_ < camera_ms_) {
        const float c = ease(static_cast<float>((now - camera_t0_) / camera_ms_));
        camera_.centre = lerp(camera_from_.centre, camera_to_.centre, c);
        camera_.zoom = camera_from_.zoom + (camera_to_.zoom - camera_from_.zoom) * c;
    } else if (!user_moved_) {
        camera_ = camera_to_;
    }

    ImGuiIO& io = ImGui::GetIO();
    const bool over = !io.WantCaptureMouse && io.MousePos.x >= amin.x && io.MousePos.x < amax.x &&
                      io.MousePos.y >= amin.y && io.MousePos.y < amax.y;
    if (over && io.MouseWheel != 0) zoom_by(std::pow(1.15f, io.MouseWheel), io.MousePos);
    if (over && ImGui::IsMouseClicked(0)) dragging_ = true;
    if (!io.MouseDown[0]) dragging_ = false;
    if (dragging_ && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) && ImGui::IsMouseDragging(0, 3)) {
        camera_.centre.x -= io.MouseDelta.x / camera_.zoom;
        camera_.centre.y -= io.MouseDelta.y / camera_.zoom;
        user_moved_ = true;
    }

    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->PushClipRect(amin, amax);
    const float t = progress(now), fade = edge_fade(now);
    const float z = camera_.zoom, r = node_radius();
    auto on_screen = [&](ImVec2 p, float margin) {
        return p.x > amin.x - margin && p.x < amax.x + margin && p.y > amin.y - margin && p.y < amax.y + margin;
    };

    // Hover: the node under the mouse, by its shape or by its label as drawn last frame.
    if (over && !ImGui::IsMouseDragging(0, 3)) {
        float best = 1e30f;
        for (int e : st.nodes) {
            const ImVec2 p = to_screen(position(e, t));
            const float dx = io.MousePos.x - p.x, dy = io.MousePos.y - p.y, d2 = dx * dx + dy * dy;
            if (d2 < (r + 6) * (r + 6) && d2 < best) { best = d2; result.hovered = e; }
        }
        if (result.hovered < 0) {
            for (const auto& l : drawn_)
                if (io.MousePos.x >= l.box.x0 && io.MousePos.x <= l.box.x1 && io.MousePos.y >= l.box.y0 &&
                    io.MousePos.y <= l.box.y1) result.hovered = l.entity;
        }
    }
    const int hot = result.hovered >= 0 ? result.hovered : selected;
    if (over && result.hovered < 0)
        for (const auto& l : drawn_edges_)
            if (io.MousePos.x >= l.box.x0 && io.MousePos.x <= l.box.x1 && io.MousePos.y >= l.box.y0 &&
                io.MousePos.y <= l.box.y1 && l.group < edges_.size()) result.hovered_edge = &edges_[l.group].rels;

    // A crowded view (a big cast seen whole) draws plain shapes and leaves
    // the arrowheads off ordinary lines: at that size they are specks, and
    // their vertices are most of what a frame hands to the GPU. Judged by the
    // nodes the last frame drew, which the node loop below counts anyway.
    const bool crowded = nodes_in_view_ > kCrowdedNodes;
    nodes_in_view_ = 0;

    // Edges under nodes: one line per ordered pair; pairs linked both ways bow
    // apart. The step's own and the hot node's stand out; the rest is dimmed.
    for (const auto& g : edges_) {
        float a = std::min(alpha(g.from, t), alpha(g.to, t));
        if (g.is_new) a *= fade;
        if (g.standing == Standing::WasBelieved && !show_was_believed_) continue;
        if (faded(g.from) && faded(g.to)) a *= 0.25f;
        if (a <= 0.01f) continue;
        const EdgeShape e = edge_shape(g, t, r);
        const ImVec2 p = e.p, q = e.q;
        if (std::max(p.x, q.x) < amin.x || std::min(p.x, q.x) > amax.x || std::max(p.y, q.y) < amin.y || std::min(p.y, q.y) > amax.y)
            continue;
        if (e.len < 2 * r + 4) continue;
        const ImVec2 start = e.start, tip = e.tip, mid = e.control, u = e.u;
        const bool touches = g.from == hot || g.to == hot;
        ImU32 base = g.is_new ? theme::kEdgeNew : touches ? theme::kText : theme::kEdge;
        if (g.standing == Standing::OverturnedNow) base = theme::kOverturned;
        if (g.standing == Standing::WasBelieved) base = touches ? theme::kTextDim : theme::kEdgeMuted;
        const ImU32 col = theme::with_alpha(base, a);
        const bool strong = g.is_new || touches || g.standing == Standing::OverturnedNow;
        const float thick = (strong ? 2.2f : 1.3f) * std::clamp(z, 0.8f, 1.4f);
        // Apparent and once-believed lines are dashed (the latter in short,
        // muted dashes); an overturned one is crossed out where it is.
        const float dash = g.standing == Standing::Apparent ? 9.0f : g.standing == Standing::WasBelieved ? 4.0f : 0.0f;
        dashed_curve(dl, start, e.bowed ? mid : ImVec2{(start.x + tip.x) / 2, (start.y + tip.y) / 2}, tip, col, thick, dash);
        if (g.standing == Standing::OverturnedNow) {
            const Vec2 c = e.bowed ? Vec2{(start.x + 2 * mid.x + tip.x) / 4, (start.y + 2 * mid.y + tip.y) / 4}
                                   : Vec2{(start.x + tip.x) / 2, (start.y + tip.y) / 2};
            const float k = 7.0f * std::clamp(z, 0.8f, 1.4f) * fade;
            dl->AddLine({c.x - k, c.y - k}, {c.x + k, c.y + k}, col, 3.0f);
            dl->AddLine({c.x - k, c.y + k}, {c.x + k, c.y - k}, col, 3.0f);
        }
        if (crowded && !strong) continue;   // no arrowhead
        const ImVec2 dir = e.bowed ? ImVec2{tip.x - mid.x, tip.y - mid.y} : u;
        const float dir_len = std::max(std::sqrt(dir.x * dir.x + dir.y * dir.y), 1e-3f);
        const ImVec2 d{dir.x / dir_len, dir.y / dir_len}, dn{-d.y, d.x};
        const float h = 9.0f * std::clamp(z, 0.8f, 1.4f);
        dl->AddTriangleFilled(tip, {tip.x - d.x * h + dn.x * h * 0.5f, tip.y - d.y * h + dn.y * h * 0.5f},
                              {tip.x - d.x * h - dn.x * h * 0.5f, tip.y - d.y * h - dn.y * h * 0.5f}, col);
    }

    // Nodes. Context (not the focus, not its neighbours, not new) is dimmed.
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const int e = static_cast<int>(i);
        float a = alpha(e, t);
        if (a <= 0.01f) continue;
        const ImVec2 p = to_screen(position(e, t));
        if (!on_screen(p, r * 3)) continue;
        ++nodes_in_view_;
        const auto& ent = s.entities[i];
        const bool fresh = st.entity_new[i] || nodes_[i].morph_from >= 0;
        if (role_[i] == kRest && !fresh && e != hot) a *= 0.55f;
        if (faded(e)) a *= 0.22f;
        else if (!lit_.empty()) dl->AddCircle(p, r + 9, theme::with_alpha(theme::kHighlight, a * 0.8f), 0, 2.0f);
        const int nature = st.revealed_as[i];
        const float grow = nodes_[i].alpha_from < 0.01f ? 0.6f + 0.4f * t : 1.0f;
        const float rr = r * grow;
        if (fresh) dl->AddCircle(p, rr + 7 + 5 * (1 - t), theme::with_alpha(theme::kHighlight, a * (0.5f + 0.5f * t)), 0, 2.5f);
        if (staged_ && e == stage_subject_ && now < t0_ + duration_) {   // the reveal's subject, waiting
            const float pulse = 0.5f + 0.5f * std::sin(static_cast<float>(now - stage_t0_) * 0.008f);
            dl->AddCircle(p, rr + 12 + 3 * pulse, theme::with_alpha(theme::kReveal, a * (0.4f + 0.5f * pulse)), 32, 2.5f);
        }
        if (e == selected) dl->AddCircle(p, rr + 11, theme::with_alpha(theme::kText, a), 32, 2.0f);
        ImU32 fill = theme::kind_color(ent.kind, a);
        if (nature >= 0) {
            // The mask falls: the node turns the colour of what it really is,
            // and a ring in that colour sweeps round it.
            const ImU32 true_color = theme::kind_color(s.entities[nature].kind, a);
            const float k = nodes_[i].nature_new ? t : 1.0f;
            fill = theme::with_alpha(k > 0.5f ? true_color : fill, a);
            if (k > 0) {
                dl->PathArcTo(p, rr + 5, -1.5708f, -1.5708f + 6.2832f * k, 32);
                dl->PathStroke(theme::with_alpha(theme::kReveal, a), 0, 3.0f);
            }
            if (nodes_[i].nature_new && k < 1) {
                const ImVec2 m{p.x, p.y + rr * 2.2f * k};   // the mask slides down and fades
                dl->AddRectFilled({m.x - rr * 0.9f, m.y - rr * 0.5f}, {m.x + rr * 0.9f, m.y + rr * 0.4f},
                                  theme::with_alpha(theme::kind_color(ent.kind), (1 - k) * a), rr * 0.4f);
                dl->AddCircleFilled({m.x - rr * 0.4f, m.y - rr * 0.1f}, rr * 0.16f, theme::with_alpha(theme::kBackground, (1 - k) * a));
                dl->AddCircleFilled({m.x + rr * 0.4f, m.y - rr * 0.1f}, rr * 0.16f, theme::with_alpha(theme::kBackground, (1 - k) * a));
            }
        }
        const bool plain = crowded && !fresh && e != hot && e != selected && nature < 0;
        theme::draw_shape(dl, ent.kind, p, rr, fill, theme::with_alpha(IM_COL32(255, 255, 255, 200), a), !plain);
    }

    place_and_draw_labels(s, st, dl, font, selected, result.hovered, now);
    dl->PopClipRect();

    if (over && ImGui::IsMouseReleased(0) && !ImGui::IsMouseDragging(0, 3) && io.MouseDragMaxDistanceSqr[0] < 25) {
        if (result.hovered >= 0) result.clicked = result.hovered;
        else result.background_click = true;
    }
    return result;
}

}  // namespace map_view
