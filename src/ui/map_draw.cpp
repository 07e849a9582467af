// map_draw.cpp — the drawing half of MapView (see map_view.h): each frame
// the camera follows its glide, the pointer pans, zooms and hovers, then the
// edges, the nodes and (map_labels.cpp) the labels are drawn in that order.
#include <algorithm>
#include <cmath>

#include "map_view.h"
#include "theme.h"

namespace map_view {

using namespace explainer;

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

MapView::Result MapView::draw(const story::Story& s, const step_state::State& st, ImVec2 amin, ImVec2 amax,
                              int selected, double now, ImFont* font) {
    Result result;
    follow_camera(amin, amax, now);
    const bool over = pointer(amin, amax);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->PushClipRect(amin, amax);
    const float t = progress(now);
    hover(st, t, over, result);
    const int hot = result.hovered >= 0 ? result.hovered : selected;
    // A crowded view (a big cast seen whole) draws plain shapes and leaves
    // the arrowheads off ordinary lines: at that size they are specks, and
    // their vertices are most of what a frame hands to the GPU. Judged by the
    // nodes the last frame drew, which draw_nodes counts anyway.
    const bool crowded = nodes_in_view_ > kCrowdedNodes;
    draw_edges(dl, t, edge_fade(now), hot, crowded);
    draw_nodes(dl, s, st, t, hot, selected, crowded, now);
    place_and_draw_labels(s, st, dl, font, selected, result.hovered, now);
    dl->PopClipRect();

    const ImGuiIO& io = ImGui::GetIO();
    if (over && ImGui::IsMouseReleased(0) && !ImGui::IsMouseDragging(0, 3) && io.MouseDragMaxDistanceSqr[0] < 25) {
        if (result.hovered >= 0) result.clicked = result.hovered;
        else result.background_click = true;
    }
    return result;
}

// The camera: fitted on the first frame or when the area changes (unless
// the reader moved it), gliding to where the step wants it.
void MapView::follow_camera(ImVec2 amin, ImVec2 amax, double now) {
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
}

// Wheel zoom and drag pan over the map; true when the pointer is over it.
bool MapView::pointer(ImVec2 amin, ImVec2 amax) {
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

    return over;
}

void MapView::hover(const step_state::State& st, float t, bool over, Result& result) const {
    const ImGuiIO& io = ImGui::GetIO();
    const float r = node_radius();
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
    if (over && result.hovered < 0)
        for (const auto& l : drawn_edges_)
            if (io.MousePos.x >= l.box.x0 && io.MousePos.x <= l.box.x1 && io.MousePos.y >= l.box.y0 &&
                io.MousePos.y <= l.box.y1 && l.group < edges_.size()) result.hovered_edge = &edges_[l.group].rels;

}

void MapView::draw_edges(ImDrawList* dl, float t, float fade, int hot, bool crowded) const {
    const ImVec2 amin = area_min_, amax = area_max_;
    const float z = camera_.zoom, r = node_radius();
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

}

void MapView::draw_nodes(ImDrawList* dl, const story::Story& s, const step_state::State& st, float t, int hot,
                         int selected, bool crowded, double now) {
    const ImVec2 amin = area_min_, amax = area_max_;
    const float r = node_radius();
    nodes_in_view_ = 0;
    auto on_screen = [&](ImVec2 p, float margin) {
        return p.x > amin.x - margin && p.x < amax.x + margin && p.y > amin.y - margin && p.y < amax.y + margin;
    };
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

}

}  // namespace map_view
