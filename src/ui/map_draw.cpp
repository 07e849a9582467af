// map_draw.cpp — the drawing half of MapView (see map_view.h): each frame
// the camera follows its glide, the pointer pans, zooms and hovers, then the
// edges, the nodes and (map_labels.cpp) the labels are drawn in that order.
#include <algorithm>
#include <cmath>

#include "map_view.h"
#include "core/layout/edge_route.h"
#include "theme.h"

namespace explainer::ui::map_view {


// A drawn line: solid, or in dashes of `dash` px with equal gaps, along the path.
void MapView::draw_path(ImDrawList* dl, const std::vector<Vec2>& path, ImU32 col, float thick, float dash) {
    if (path.size() < 2) return;
    if (dash <= 0) {
        for (std::size_t i = 0; i + 1 < path.size(); ++i)
            dl->PathLineTo({path[i].x, path[i].y});
        dl->PathLineTo({path.back().x, path.back().y});
        dl->PathStroke(col, 0, thick);
        return;
    }
    float run = 0;
    bool on = true;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        ImVec2 p{path[i].x, path[i].y};
        const ImVec2 q{path[i + 1].x, path[i + 1].y};
        float left = std::sqrt((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y));
        while (left > 0) {
            const float take = std::min(left, dash - run);
            const ImVec2 m{p.x + (q.x - p.x) * take / left, p.y + (q.y - p.y) * take / left};
            if (on) dl->AddLine(p, m, col, thick);
            p = m;
            left -= take;
            run += take;
            if (run >= dash - 1e-3f) { run = 0; on = !on; }
        }
    }
}

bool MapView::edge_shown(const Edge& g) const {
    if (g.standing == Standing::WasBelieved && !show_was_believed_) return false;
    if (step_only_ && !g.own()) return false;
    return true;
}

const char* MapView::standing_name(Standing s) {
    static constexpr const char* kNames[] = {"believed", "apparent", "overturned", "was-believed"};
    return kNames[static_cast<int>(s)];
}

bool MapView::BendsKey::same_but_where(const BendsKey& o) const {
    return version == o.version && zoom == o.zoom && x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1 && crowded == o.crowded;
}

// Routes every shown line round the nodes it does not join (core/edge_route),
// in screen px where the map is going: a line through a stranger would read
// as a link to it. A crowded view (a big cast seen whole) keeps its lines
// straight, apart from parallel lanes: there, routing costs more than it shows.
void MapView::route_bends(bool crowded) {
    // Where the map is going: every node at rest, seen from the camera's aim
    // (or from where the reader put it).
    const framing::View aim = user_moved_ ? camera_ : camera_to_;
    const BendsKey key{version_, aim.centre.x, aim.centre.y, aim.zoom, area_min_.x, area_min_.y, area_max_.x, area_max_.y, crowded};
    // A pan moves every line alike: the bends hold until the drag ends.
    if (key.same_but_where(bends_key_) && (dragging_ || (key.cx == bends_key_.cx && key.cy == bends_key_.cy))) return;
    bends_key_ = key;
    bends_.assign(edges_.size(), 0.0f);
    const ImVec2 mid{(area_min_.x + area_max_.x) / 2, (area_min_.y + area_max_.y) / 2};
    std::vector<Vec2> centres;
    std::vector<int> index(nodes_.size(), -1);
    for (std::size_t e = 0; e < nodes_.size(); ++e) {
        if (nodes_[e].alpha_to <= 0.05f) continue;
        index[e] = static_cast<int>(centres.size());
        const Vec2 p = nodes_[e].to;
        centres.push_back({mid.x + (p.x - aim.centre.x) * aim.zoom, mid.y + (p.y - aim.centre.y) * aim.zoom});
    }
    const float r = theme::kNodeRadius * std::clamp(aim.zoom, 0.65f, 1.8f);   // node_radius() at the aim
    edge_route::Options o = edge_route::for_map(r, aim.zoom);
    if (crowded) o.clearance = 0;
    // Lines that cannot come into view, however they bend, keep only their
    // lanes: bending them round nodes no one sees is work for nothing.
    const float reach = o.step * static_cast<float>(o.max_steps) + o.lane * 2;
    auto may_show = [&](Vec2 a, Vec2 b) {
        return std::max(a.x, b.x) + reach >= area_min_.x && std::min(a.x, b.x) - reach <= area_max_.x &&
               std::max(a.y, b.y) + reach >= area_min_.y && std::min(a.y, b.y) - reach <= area_max_.y;
    };
    std::vector<edge_route::Line> lines[2];   // [0] out of sight, [1] may show
    std::vector<std::size_t> which[2];
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const auto& g = edges_[i];
        if (!edge_shown(g) || index[g.from] < 0 || index[g.to] < 0) continue;
        const int from = index[g.from], to = index[g.to];
        const int k = may_show(centres[static_cast<std::size_t>(from)], centres[static_cast<std::size_t>(to)]) ? 1 : 0;
        lines[k].push_back({from, to});
        which[k].push_back(i);
    }
    for (int k = 0; k < 2; ++k) {
        edge_route::Options ok = o;
        if (k == 0) ok.clearance = 0;
        const auto controls = edge_route::route(centres, lines[k], ok);
        for (std::size_t j = 0; j < lines[k].size(); ++j) {
            const auto& g = edges_[which[k][j]];
            const Vec2 a = centres[static_cast<std::size_t>(index[std::min(g.from, g.to)])];
            const Vec2 b = centres[static_cast<std::size_t>(index[std::max(g.from, g.to)])];
            const float apex = edge_route::apex_of(a, b, controls[j]);
            bends_[which[k][j]] = std::fabs(apex) < 0.005f ? 0.0f : apex;
        }
    }
}

// Every shown line as this frame draws it: between its two nodes where they
// are now, bent as routed for where they are going (route_bends).
void MapView::route_edges(float t, bool crowded) {
    route_bends(crowded);
    const float r = node_radius();
    // How far outside the map area a point is (0 inside it), CSS px.
    const auto outside = [&](ImVec2 p) {
        const float dx = std::max({area_min_.x - p.x, p.x - area_max_.x, 0.0f});
        const float dy = std::max({area_min_.y - p.y, p.y - area_max_.y, 0.0f});
        return std::max(dx, dy);
    };
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        paths_[i].clear();
        in_sight_[i] = 1.0f;
        const auto& g = edges_[i];
        if (!edge_shown(g) || alpha(g.from, t) <= 0.05f || alpha(g.to, t) <= 0.05f) continue;
        const int lo = std::min(g.from, g.to), hi = std::max(g.from, g.to);
        const ImVec2 pl = to_screen(position(lo, t)), ph = to_screen(position(hi, t));
        // A backdrop line with neither end in sight only crosses the view: it
        // joins nothing the reader can see, and where it runs past a node it
        // reads as that node's. It fades as its nearer end leaves the view
        // (over kSightFade px once that node is wholly out), so a pan or a
        // glide between steps never makes it blink.
        if (backdrop(g)) {
            const float off = std::min(outside(pl), outside(ph)) - r;
            in_sight_[i] = std::clamp(1.0f - off / kSightFade, 0.0f, 1.0f);
            if (in_sight_[i] <= 0) continue;
        }
        const Vec2 c = edge_route::control_at({pl.x, pl.y}, {ph.x, ph.y}, bends_[i]);
        const ImVec2 a = g.from == lo ? pl : ph, b = g.from == lo ? ph : pl;
        // A line left straight is one segment: 24 would only multiply
        // what every later step (labels, drawing, the GPU) goes through.
        paths_[i] = edge_route::trimmed({a.x, a.y}, c, {b.x, b.y}, r + edge_route::kGapAtStart, r + edge_route::kGapAtTip,
                                        bends_[i] == 0 ? 1 : 24);
    }
}

std::vector<MapView::DrawnEdge> MapView::drawn_edges() const {
    std::vector<DrawnEdge> out;
    for (std::size_t i = 0; i < edges_.size() && i < paths_.size(); ++i) {
        if (paths_[i].empty()) continue;
        const auto& g = edges_[i];
        out.push_back({g.rel, g.from, g.to, g.is_new, standing_name(g.standing), &paths_[i], backdrop(g)});
    }
    return out;
}

bool MapView::DrawKey::operator==(const DrawKey& o) const {
    return state == o.state && version == o.version && cx == o.cx && cy == o.cy && zoom == o.zoom && x0 == o.x0 &&
           y0 == o.y0 && x1 == o.x1 && y1 == o.y1 && top == o.top && top_from == o.top_from && bottom == o.bottom &&
           selected == o.selected && hovered == o.hovered && font == o.font && font_scale == o.font_scale &&
           texture == o.texture;
}

MapView::Result MapView::draw(const story::Story& s, const step_state::State& st, ImVec2 amin, ImVec2 amax,
                              int selected, double now, ImFont* font) {
    Result result;
    follow_camera(amin, amax, now);
    const bool over = pointer(amin, amax);
    const float t = progress(now);
    hover(st, t, over, result);
    const int hot = result.hovered >= 0 ? result.hovered : selected;
    const ImGuiIO& io = ImGui::GetIO();
    layer_frame_ = ImGui::GetFrameCount();
    if (!layer_) layer_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());

    // The same picture as the last two frames, with nothing moving: draw
    // that again. (Two: a label may take one frame to settle on its spot.)
    DrawKey key;
    key.state = &st, key.version = version_;
    key.cx = camera_.centre.x, key.cy = camera_.centre.y, key.zoom = camera_.zoom;
    key.x0 = amin.x, key.y0 = amin.y, key.x1 = amax.x, key.y1 = amax.y;
    key.top = reserved_top_, key.top_from = reserved_top_from_x_, key.bottom = reserved_bottom_;
    key.selected = selected, key.hovered = result.hovered;
    key.font = font, key.font_scale = io.FontGlobalScale, key.texture = io.Fonts->TexID;
    const bool settled = phase(now) == Phase::Still && t >= 1 && edge_fade(now) >= 1 && !dragging_;
    const bool same = key == drawn_key_;
    layer_kept_ = settled && drawn_stable_ && same;
    if (!layer_kept_) {
        ImDrawList* dl = layer_.get();
        dl->_ResetForNewFrame();
        dl->PushTextureID(io.Fonts->TexID);
        dl->PushClipRect(amin, amax);
        // A crowded view (a big cast seen whole) draws plain shapes and leaves
        // the arrowheads off ordinary lines: at that size they are specks, and
        // their vertices are most of what a frame hands to the GPU. Judged by the
        // nodes the last frame drew, which draw_nodes counts anyway.
        const bool crowded = this->crowded();
        route_edges(t, crowded);
        draw_edges(dl, t, edge_fade(now), hot, crowded);
        draw_nodes(dl, s, st, t, hot, selected, crowded, now);
        place_and_draw_labels(s, st, dl, font, selected, result.hovered, now);
        dl->PopClipRect();
        dl->PopTextureID();
        if (!dl->CmdBuffer.empty() && dl->CmdBuffer.back().ElemCount == 0 && !dl->CmdBuffer.back().UserCallback)
            dl->CmdBuffer.pop_back();   // as ImGui leaves its own lists
        drawn_stable_ = settled && drawn_settled_ && same;
        drawn_settled_ = settled;
        drawn_key_ = key;
    }

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
    // Last frame may have been another step's: a label or line label whose
    // node or relationship is not on this state's map is no target (its card
    // would be of something the reader does not know at this step).
    const auto on_map = [&](int e) { return e >= 0 && step_state::node_of(st, e) == e; };   // shown as itself
    const auto known = [&](int rel) { return rel >= 0 && rel < static_cast<int>(st.rel_known.size()) && st.rel_known[rel]; };
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
                    io.MousePos.y <= l.box.y1 && on_map(l.entity)) result.hovered = l.entity;
        }
    }
    if (over && result.hovered < 0)
        for (const auto& l : drawn_edges_)
            if (io.MousePos.x >= l.box.x0 && io.MousePos.x <= l.box.x1 && io.MousePos.y >= l.box.y0 &&
                io.MousePos.y <= l.box.y1 && known(l.rel)) result.hovered_edge = l.rel;

}

// The step in front, the rest behind: older lines are thin and faint and
// drawn first (fainter still where neither end is the step's focus); the hot
// node's come next; the step's own (new, or overturned now) are bold, bright
// and drawn last, on top of everything else.
void MapView::draw_edges(ImDrawList* dl, float t, float fade, int hot, bool crowded) const {
    const ImVec2 amin = area_min_, amax = area_max_;
    const float z = std::clamp(camera_.zoom, 0.8f, 1.4f);
    for (int layer = 0; layer < 3; ++layer) {
        for (std::size_t i = 0; i < edges_.size(); ++i) {
            const auto& g = edges_[i];
            const auto& path = paths_[i];
            if (path.size() < 2) continue;
            const bool touches = g.from == hot || g.to == hot;
            const bool own = g.own();
            if ((own ? 2 : touches ? 1 : 0) != layer) continue;
            float a = std::min(alpha(g.from, t), alpha(g.to, t));
            if (own) a *= fade;
            if (faded(g.from) && faded(g.to)) a *= 0.25f;
            // Context behind: a line of the step's focus a little, any other
            // further still, so that a late, full map shows the step's story
            // first and its many older lines only as a backdrop.
            if (!own && !touches) a *= backdrop(g) ? 0.3f * in_sight_[i] : 0.55f;
            if (a <= 0.01f) continue;
            float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
            for (const auto& p : path) x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
            if (x1 < amin.x || x0 > amax.x || y1 < amin.y || y0 > amax.y) continue;
            ImU32 base = own ? theme::kEdgeNew : touches ? theme::kText : theme::kEdge;
            if (g.standing == Standing::OverturnedNow) base = theme::kOverturned;
            if (g.standing == Standing::WasBelieved) base = touches ? theme::kTextDim : theme::kEdgeMuted;
            const ImU32 col = theme::with_alpha(base, a);
            const float thick = (own ? 2.6f : touches ? 2.0f : 1.1f) * z;
            // Apparent and once-believed lines are dashed (the latter in short,
            // muted dashes); an overturned one is crossed out where it is.
            const float dash = g.standing == Standing::Apparent ? 9.0f : g.standing == Standing::WasBelieved ? 4.0f : 0.0f;
            draw_path(dl, path, col, thick, dash);
            if (g.standing == Standing::OverturnedNow) {
                const Vec2 c = edge_route::point_along(path, 0.5f);
                const float k = 7.0f * z * fade;
                dl->AddLine({c.x - k, c.y - k}, {c.x + k, c.y + k}, col, 3.0f);
                dl->AddLine({c.x - k, c.y + k}, {c.x + k, c.y - k}, col, 3.0f);
            }
            if (crowded && !own && !touches) continue;   // no arrowhead
            const Vec2 tipv = path.back(), prev = path[path.size() - 2];
            const float dx = tipv.x - prev.x, dy = tipv.y - prev.y, dl2 = std::max(std::sqrt(dx * dx + dy * dy), 1e-3f);
            const ImVec2 d{dx / dl2, dy / dl2}, dn{-d.y, d.x}, tip{tipv.x, tipv.y};
            const float h = (own ? 10.0f : touches ? 9.0f : 7.0f) * z;
            dl->AddTriangleFilled(tip, {tip.x - d.x * h + dn.x * h * 0.5f, tip.y - d.y * h + dn.y * h * 0.5f},
                                  {tip.x - d.x * h - dn.x * h * 0.5f, tip.y - d.y * h - dn.y * h * 0.5f}, col);
        }
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

}  // namespace explainer::ui::map_view
