#include "map_view.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "theme.h"

namespace map_view {

using namespace explainer;

namespace {
constexpr double kStepMs = 480;     // map transitions
constexpr double kCameraMs = 650;
float ease(float t) { return t < 0.5f ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3.0f) / 2; }
Vec2 lerp(Vec2 a, Vec2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }
}  // namespace

std::vector<Vec2> MapView::measure(const story::Story& s, ImFont* font) {
    std::vector<Vec2> out;
    for (const auto& e : s.entities) {
        const ImVec2 size = font->CalcTextSizeA(theme::kLabelSize, 1e9f, 0, e.name.c_str());
        // The box is centred on the node: the shape above, the label below.
        out.push_back({std::max(theme::kNodeRadius, size.x * 0.5f) + 6, theme::kNodeRadius + size.y + 6});
    }
    half_ = out;
    return out;
}

float MapView::progress(double now) const {
    if (duration_ <= 0) return 1;
    return ease(static_cast<float>(std::clamp((now - t0_) / duration_, 0.0, 1.0)));
}

Vec2 MapView::position(int e, float t) const { return lerp(nodes_[e].from, nodes_[e].to, t); }
float MapView::alpha(int e, float t) const { return nodes_[e].alpha_from + (nodes_[e].alpha_to - nodes_[e].alpha_from) * t; }

bool MapView::animating(double now) const { return now - t0_ < duration_ || now - camera_t0_ < kCameraMs; }

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
    for (int r : st.reveals_new)
        if (s.reveals[r].type == story::RevealType::Nature) next[s.reveals[r].subject].nature_new = true;
    nodes_ = std::move(next);
    t0_ = now;
    duration_ = animate ? kStepMs : 0;

    std::map<std::pair<int, int>, std::size_t> index;
    edges_.clear();
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        if (!st.rel_known[i]) continue;
        const auto& rel = s.relationships[i];
        const int a = st.shown_as[rel.from], b = st.shown_as[rel.to];
        if (a == b) continue;
        auto [it, inserted] = index.emplace(std::make_pair(a, b), edges_.size());
        if (inserted) edges_.push_back({a, b, s.relation_types[rel.type].label, false, false});
        else edges_[it->second].label += " · " + s.relation_types[rel.type].label;
        edges_[it->second].is_new = edges_[it->second].is_new || st.rel_new[i];
    }
    for (auto& e : edges_) e.has_reverse = index.count({e.to, e.from}) > 0;
    focus_ = focus;
    user_moved_ = false;
    camera_from_ = camera_;
    aim_camera(focus);
    camera_t0_ = animate && fitted_ ? now : -1e9;
    if (!animate || !fitted_) camera_ = camera_to_;
}

void MapView::aim_camera(const std::vector<int>& focus) {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    for (int e : focus) {
        if (e < 0 || e >= static_cast<int>(nodes_.size()) || nodes_[e].alpha_to <= 0) continue;
        const Vec2 p = nodes_[e].to;
        x0 = std::min(x0, p.x - 90); x1 = std::max(x1, p.x + 90);
        y0 = std::min(y0, p.y - 70); y1 = std::max(y1, p.y + 70);
    }
    if (x0 > x1) return;
    const float w = std::max(area_max_.x - area_min_.x, 100.0f), h = std::max(area_max_.y - area_min_.y, 100.0f);
    camera_to_.centre = {(x0 + x1) / 2, (y0 + y1) / 2};
    camera_to_.zoom = std::clamp(std::min(w / (x1 - x0), h / (y1 - y0)), 0.35f, 1.25f);
}

void MapView::reset_camera(double now) {
    camera_from_ = camera_;
    aim_camera(focus_);
    camera_t0_ = now;
    user_moved_ = false;
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
    camera_.zoom = std::clamp(camera_.zoom * factor, 0.05f, 4.0f);
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
    if (!fitted_ || (resized && !user_moved_)) {   // first frame, or the window changed
        aim_camera(focus_);
        camera_ = camera_to_;
        fitted_ = true;
    }
    if (!user_moved_ && now - camera_t0_ < kCameraMs) {
        const float c = ease(static_cast<float>((now - camera_t0_) / kCameraMs));
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
    const float t = progress(now);
    const float z = camera_.zoom;
    const float r = theme::kNodeRadius * std::clamp(z, 0.45f, 1.6f);
    const float label_size = theme::kLabelSize * std::clamp(z, 0.6f, 1.5f);
    const bool labels = label_size * 1.0f >= 8.5f;
    auto on_screen = [&](ImVec2 p, float margin) {
        return p.x > amin.x - margin && p.x < amax.x + margin && p.y > amin.y - margin && p.y < amax.y + margin;
    };

    // Hover: the node under the mouse, by shape or label.
    if (over && !ImGui::IsMouseDragging(0, 3)) {
        float best = 1e30f;
        for (int e : st.nodes) {
            const ImVec2 p = to_screen(position(e, t));
            const float dx = io.MousePos.x - p.x, dy = io.MousePos.y - p.y;
            const bool in_label = std::fabs(dx) < half_[e].x * z && dy > 0 && dy < half_[e].y * z;
            const float d2 = dx * dx + dy * dy;
            if ((d2 < (r + 6) * (r + 6) || in_label) && d2 < best) { best = d2; result.hovered = e; }
        }
    }
    const int hot = result.hovered >= 0 ? result.hovered : selected;

    // Edges under nodes. One line per ordered pair; pairs linked both ways bow apart.
    for (const auto& g : edges_) {
        const float a = std::min(alpha(g.from, t), alpha(g.to, t));
        if (a <= 0.01f) continue;
        const ImVec2 p = to_screen(position(g.from, t)), q = to_screen(position(g.to, t));
        if (!on_screen(p, 0) && !on_screen(q, 0) &&
            (std::max(p.x, q.x) < amin.x || std::min(p.x, q.x) > amax.x || std::max(p.y, q.y) < amin.y || std::min(p.y, q.y) > amax.y))
            continue;
        const float dx = q.x - p.x, dy = q.y - p.y, len = std::sqrt(dx * dx + dy * dy);
        if (len < 2 * r + 4) continue;
        const ImVec2 u{dx / len, dy / len}, nrm{-u.y, u.x};
        const float bow = g.has_reverse ? 18.0f * std::clamp(z, 0.5f, 1.2f) : 0.0f;
        const ImVec2 mid{(p.x + q.x) / 2 + nrm.x * bow, (p.y + q.y) / 2 + nrm.y * bow};
        const ImVec2 start{p.x + u.x * (r + 3), p.y + u.y * (r + 3)};
        const ImVec2 tip{q.x - u.x * (r + 5), q.y - u.y * (r + 5)};
        const bool touches = g.from == hot || g.to == hot;
        const ImU32 col = theme::with_alpha(g.is_new ? theme::kEdgeNew : touches ? theme::kText : theme::kEdge, a);
        const float thick = (g.is_new || touches ? 2.2f : 1.4f) * std::clamp(z, 0.6f, 1.3f);
        if (bow > 0) dl->AddBezierQuadratic(start, mid, tip, col, thick, 16);
        else dl->AddLine(start, tip, col, thick);
        const ImVec2 dir = bow > 0 ? ImVec2{tip.x - mid.x, tip.y - mid.y} : u;
        const float dl_len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
        const ImVec2 d{dir.x / dl_len, dir.y / dl_len}, dn{-d.y, d.x};
        const float h = 9.0f * std::clamp(z, 0.6f, 1.3f);
        dl->AddTriangleFilled(tip, {tip.x - d.x * h + dn.x * h * 0.5f, tip.y - d.y * h + dn.y * h * 0.5f},
                              {tip.x - d.x * h - dn.x * h * 0.5f, tip.y - d.y * h - dn.y * h * 0.5f}, col);
        // Labels where they are wanted and will not crowd: new edges, edges of
        // the hovered or selected node, or everything once the reader zooms in
        // past what the camera itself ever picks (1.25).
        if (labels && (g.is_new || touches || z >= 1.6f)) {
            const ImVec2 ls = font->CalcTextSizeA(label_size * 0.9f, 1e9f, 0, g.label.c_str());
            const ImVec2 at{mid.x - ls.x / 2, mid.y - ls.y / 2};
            dl->AddRectFilled({at.x - 4, at.y - 1}, {at.x + ls.x + 4, at.y + ls.y + 1}, theme::with_alpha(theme::kBackground, 0.85f * a), 4);
            dl->AddText(font, label_size * 0.9f, at, theme::with_alpha(g.is_new ? theme::kEdgeNew : theme::kTextDim, a), g.label.c_str());
        }
    }

    // Nodes.
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const int e = static_cast<int>(i);
        const float a = alpha(e, t);
        if (a <= 0.01f) continue;
        const ImVec2 p = to_screen(position(e, t));
        if (!on_screen(p, 200)) continue;
        const auto& ent = s.entities[i];
        const int nature = st.revealed_as[i];
        const bool fresh = st.entity_new[i] || nodes_[i].morph_from >= 0;
        const float grow = nodes_[i].alpha_from < 0.01f ? 0.6f + 0.4f * t : 1.0f;
        const float rr = r * grow;
        if (fresh) dl->AddCircle(p, rr + 7 + 5 * (1 - t), theme::with_alpha(theme::kHighlight, a * (0.5f + 0.5f * t)), 32, 2.5f);
        if (e == selected) dl->AddCircle(p, rr + 11, theme::with_alpha(theme::kText, a), 32, 2.0f);
        ImU32 fill = theme::kind_color(ent.kind, a);
        if (nature >= 0) {
            // The mask falls: the node turns the colour of what it really is,
            // and a ring in that colour sweeps round it.
            const ImU32 true_color = theme::kind_color(s.entities[nature].kind, a);
            const float k = nodes_[i].nature_new ? t : 1.0f;
            fill = theme::with_alpha(k > 0.5f ? true_color : fill, a);
            dl->PathArcTo(p, rr + 5, -1.5708f, -1.5708f + 6.2832f * k, 32);
            dl->PathStroke(theme::with_alpha(theme::kReveal, a), 0, 3.0f);
            if (nodes_[i].nature_new && k < 1) {
                const ImVec2 m{p.x, p.y + rr * 2.2f * k};   // the mask slides down and fades
                dl->AddRectFilled({m.x - rr * 0.9f, m.y - rr * 0.5f}, {m.x + rr * 0.9f, m.y + rr * 0.4f},
                                  theme::with_alpha(theme::kind_color(ent.kind), (1 - k) * a), rr * 0.4f);
                dl->AddCircleFilled({m.x - rr * 0.4f, m.y - rr * 0.1f}, rr * 0.16f, theme::with_alpha(theme::kBackground, (1 - k) * a));
                dl->AddCircleFilled({m.x + rr * 0.4f, m.y - rr * 0.1f}, rr * 0.16f, theme::with_alpha(theme::kBackground, (1 - k) * a));
            }
        }
        theme::draw_shape(dl, ent.kind, p, rr, fill, theme::with_alpha(IM_COL32(255, 255, 255, 200), a));
        if (!labels) continue;
        const ImVec2 ls = font->CalcTextSizeA(label_size, 1e9f, 0, ent.name.c_str());
        const ImVec2 at{p.x - ls.x / 2, p.y + rr + 4};
        const int morph = nodes_[i].morph_from;
        if (morph >= 0 && t < 1) {   // the old name gives way to the new one
            const auto& old = s.entities[morph].name;
            const ImVec2 os = font->CalcTextSizeA(label_size, 1e9f, 0, old.c_str());
            dl->AddText(font, label_size, {p.x - os.x / 2, at.y - 6 * t}, theme::with_alpha(theme::kText, (1 - t) * a), old.c_str());
            dl->AddText(font, label_size, {at.x, at.y + 6 * (1 - t)}, theme::with_alpha(theme::kHighlight, t * a), ent.name.c_str());
        } else {
            // A backing keeps edges that pass under the label from striking through it.
            dl->AddRectFilled({at.x - 3, at.y}, {at.x + ls.x + 3, at.y + ls.y}, theme::with_alpha(theme::kBackground, 0.8f * a), 4);
            dl->AddText(font, label_size, at, theme::with_alpha(e == hot ? theme::kHighlight : theme::kText, a), ent.name.c_str());
        }
    }
    dl->PopClipRect();

    if (over && ImGui::IsMouseReleased(0) && !ImGui::IsMouseDragging(0, 3) && io.MouseDragMaxDistanceSqr[0] < 25) {
        if (result.hovered >= 0) result.clicked = result.hovered;
        else result.background_click = true;
    }
    return result;
}

}  // namespace map_view
