// map_labels.cpp — the label half of MapView: what each node's label says
// (its name, "was …" after an identity reveal, a badge after a nature reveal,
// both names during an unmasking), which labels matter most at this step, and
// where they go (core/label_place). Edge labels for the step's own
// relationships and the hot node's are placed after the node labels.
#include <algorithm>
#include <cmath>

#include "map_view.h"
#include "core/layout/edge_route.h"
#include "theme.h"

namespace explainer::ui::map_view {

namespace lp = label_place;

namespace {
constexpr int kEdgeIds = 1 << 24;   // edge label ids, apart from entity ids
constexpr float kPadX = 4, kPadY = 1;

struct Lines {
    std::string first, second;   // second may be empty
    float first_w = 0, second_w = 0;   // their widths as drawn (a badge's pill not counted)
    float first_alpha = 1, second_alpha = 1;
    float strike = 0;            // 0..1: how far a line runs through `second`
    bool badge = false;          // `second` is drawn as a pill
};

// A name's short form, for a crowded map: the name in brackets, the last
// word after a leading "The", else the first word ("Eva Cristella (Eve)" →
// "Eve", "The Immortal Nine" → "Nine", "Roy Yunghart" → "Roy").
std::string short_name(const std::string& name) {
    const std::size_t open = name.rfind(" ("), close = name.rfind(')');
    if (open != std::string::npos && close == name.size() - 1 && close > open + 2)
        return name.substr(open + 2, close - open - 2);   // the name it has in brackets: "Eve"
    if (name.rfind("The ", 0) == 0) return name.substr(name.rfind(' ') + 1);   // its head noun: "Nine"
    return name.substr(0, name.find(' '));   // a person's first name: "Roy"
}

float leader_gap(float px) { return 0.6f * px; }   // the near candidates leave less; the far ring more

// A label the placer had to put away from its node (on a crowded map, the
// far ring of candidates) would float free of it: a reader could not tell
// whose name it is. A thin line from the node's edge to the nearest point of
// the name (not of the label's padded box, whose corner may be empty) joins
// them. Returns whether one was drawn.
bool draw_leader(ImDrawList* dl, ImVec2 node, float r, const lp::Box& b, float px, ImU32 col) {
    const ImVec2 q{std::clamp(node.x, b.x0, b.x1), std::clamp(node.y, b.y0, b.y1)};
    const float dx = q.x - node.x, dy = q.y - node.y, d = std::sqrt(dx * dx + dy * dy);
    if (d - r <= leader_gap(px)) return false;
    const float from = (r + 3) / d;
    dl->AddLine({node.x + dx * from, node.y + dy * from}, q, col, 1.2f);
    return true;
}

}  // namespace

void MapView::place_and_draw_labels(const story::Story& s, const step_state::State& st, ImDrawList* dl, ImFont* font,
                                    int selected, int hovered, double now) {
    const float t = progress(now), fade = edge_fade(now), r = node_radius();
    const float px = label_px(), sub_px = std::max(12.5f, px * 0.86f), edge_px = std::max(12.0f, px * 0.9f);
    const bool before_play = now < t0_;
    const int hot = hovered >= 0 ? hovered : selected;
    const lp::Box bounds{area_min_.x + 2, area_min_.y + 2, area_max_.x - 2, area_max_.y - 2};

    std::vector<Lines> lines(nodes_.size());
    std::vector<ImVec2> screen(nodes_.size());   // each labelled node's centre, for its leader line
    std::vector<lp::Label> requests;
    std::vector<lp::Obstacle> obstacles;
    if (reserved_top_ > 0)   // the map's controls
        obstacles.push_back({{reserved_top_from_x(), area_min_.y, area_max_.x, area_min_.y + reserved_top_}, -2});
    if (reserved_bottom_ > 0)   // the phone's compact legend
        obstacles.push_back({{area_min_.x, area_max_.y - reserved_bottom_, area_max_.x, area_max_.y}, -2});
    std::vector<unsigned char> in_view_at(nodes_.size(), 0);   // requested, inside the uncovered map
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const int e = static_cast<int>(i);
        const float a = alpha(e, t);
        if (a <= 0.05f) continue;
        const ImVec2 p = to_screen(position(e, t));
        if (p.x < area_min_.x - 200 || p.x > area_max_.x + 200 || p.y < area_min_.y - 100 || p.y > area_max_.y + 100) continue;
        obstacles.push_back({{p.x - r - 2, p.y - r - 2, p.x + r + 2, p.y + r + 2}, e});
        const bool subject = staged_ && e == stage_subject_;
        const bool found = !lit_.empty() && !faded(e);   // a search or filter match
        const bool keep = role_[i] == kFocus || subject || found;
        // A node off the map's edge or under its controls: its name, alone at the edge, would
        // be read as a neighbour's. Only the names that must show (kept) go there.
        const bool in_view = p.x >= area_min_.x && p.x <= area_max_.x &&
                             (p.y >= area_min_.y + reserved_top_ || p.x < reserved_top_from_x() - r) &&
                             p.y >= area_min_.y && p.y <= area_max_.y - reserved_bottom_;
        if (!keep && !in_view) continue;
        in_view_at[i] = in_view;
        screen[i] = p;

        Lines& l = lines[i];
        const int morph = nodes_[i].morph_from;
        l.first = s.entities[i].name;
        l.second = subtitle_[i];
        l.badge = badge_[i] != 0;
        if (morph >= 0 && t < 1) {
            // Unmasking: the old name first, alone; then the new name above
            // it while a line runs through the old one. Never on top of each other.
            if (before_play || t <= 0) {
                l.first = s.entities[static_cast<std::size_t>(morph)].name;
                l.second.clear();
            } else {
                l.second = s.entities[static_cast<std::size_t>(morph)].name;
                l.first_alpha = std::min(1.0f, t * 1.6f);
                l.strike = std::clamp((t - 0.2f) / 0.6f, 0.0f, 1.0f);
            }
        } else if (nodes_[i].nature_new && t < 1) {
            if (before_play || t <= 0) l.second.clear();
            else l.second_alpha = std::clamp((t - 0.3f) / 0.5f, 0.0f, 1.0f);
        }
        l.first_w = font->CalcTextSizeA(px, 1e9f, 0, l.first.c_str()).x;
        l.second_w = l.second.empty() ? 0 : font->CalcTextSizeA(sub_px, 1e9f, 0, l.second.c_str()).x;
        lp::Label req;
        req.id = e;
        req.w = std::max(l.first_w, l.second.empty() ? 0 : l.second_w + (l.badge ? 10 : 0)) + 2 * kPadX;
        req.h = px * 1.2f + (l.second.empty() ? 0 : sub_px * 1.25f + 2) + 2 * kPadY;
        const bool fresh = st.entity_new[i] || morph >= 0;
        req.keep = keep;
        req.rank = role_[i] == kFocus || found ? 0 : fresh ? 1 : (e == hot || subject) ? 2
                 : faded(e) ? 7 : role_[i] == kNeighbour ? 5 : 6;
        // Last frame's spot keeps a label still while the map moves, but only a spot next to its
        // node: one pushed out (during a reveal, say) would otherwise stay out for good.
        req.prefer = last_candidate_[i] < lp::kNearCandidates ? last_candidate_[i] : -1;
        req.at = lp::around_node({p.x, p.y}, r, req.w, req.h);
        // In a crowded view (a big cast seen whole) a name set a row away
        // from its node sits among others' and reads as theirs; only the names
        // that must show may go that far. (And each spot tried is a frame's cost.)
        if (crowded() && !keep) req.at.resize(lp::kNearCandidates);
        requests.push_back(std::move(req));
    }

    // Edge labels: the step's own relationships (always: a new line with no
    // words says nothing), and those of the hot node. Each sits on its own
    // line, near the middle, where no other line runs close by: a label
    // nearer another line would name the wrong one.
    std::vector<float> edge_alpha(edges_.size(), 0.0f);
    bool indexed = false;   // the lines, indexed when a first edge label needs them
    for (std::size_t gi = 0; gi < edges_.size(); ++gi) {
        const auto& g = edges_[gi];
        const auto& path = paths_[gi];
        const bool touches = hot >= 0 && (g.from == hot || g.to == hot);
        const bool own = g.own();
        if ((!own && !touches) || path.size() < 2) continue;
        const float a = std::min(alpha(g.from, t), alpha(g.to, t)) * (own ? fade : 1.0f);
        if (a <= 0.3f) continue;
        const ImVec2 size = font->CalcTextSizeA(edge_px, 1e9f, 0, g.label.c_str());
        lp::Label req;
        req.id = kEdgeIds + static_cast<int>(gi);
        req.w = size.x + 2 * kPadX;
        req.h = size.y + 2 * kPadY;
        req.rank = own ? 1 : 4;
        req.keep = own;
        lp::Box span{1e30f, 1e30f, -1e30f, -1e30f};   // where a label on or beside the line could be
        for (const Vec2& q : path)
            span = {std::min(span.x0, q.x), std::min(span.y0, q.y), std::max(span.x1, q.x), std::max(span.y1, q.y)};
        if (!lp::overlaps({span.x0 - req.w, span.y0 - req.h, span.x1 + req.w, span.y1 + req.h}, bounds)) continue;
        // Whether another line runs nearer a point than `limit`. The index
        // covers the map and a margin wider than any label: a spot is asked
        // about only when its label would show (below), so near the map.
        auto other_line_within = [&](Vec2 p, float limit) {
            if (!indexed) {
                constexpr float kMargin = 400;
                lines_near_.build(paths_, 32, {bounds.x0 - kMargin, bounds.y0 - kMargin, bounds.x1 + kMargin, bounds.y1 + kMargin});
                indexed = true;
            }
            return lines_near_.within(p, limit, static_cast<int>(gi));
        };
        // Only spots on screen: a label pushed in from a line out of sight
        // would sit on another line and name it. No spot, no label.
        auto shows = [&](Vec2 p) { return lp::overlaps({p.x - req.w / 2, p.y - req.h / 2, p.x + req.w / 2, p.y + req.h / 2}, bounds); };
        std::vector<Vec2> clear, crowded;   // spots on the line: clear of other lines first
        for (float f : {0.5f, 0.42f, 0.58f, 0.34f, 0.66f, 0.27f, 0.73f}) {
            const Vec2 p = edge_route::point_along(path, f);
            if (shows(p)) (other_line_within(p, req.h * 0.5f + 3) ? crowded : clear).push_back(p);
        }
        // Then spots beside the line, touching it from either side (a short
        // line between two named nodes has no room on it), kept only where
        // the label is still nearer its own line than any other.
        std::vector<Vec2> beside;
        for (float f : {0.5f, 0.38f, 0.62f, 0.27f, 0.73f}) {
            const Vec2 p = edge_route::point_along(path, f);
            const Vec2 back = edge_route::point_along(path, f - 0.04f), ahead = edge_route::point_along(path, f + 0.04f);
            const float dx = ahead.x - back.x, dy = ahead.y - back.y, len = std::sqrt(dx * dx + dy * dy);
            if (len < 1e-3f) continue;
            const Vec2 n{-dy / len, dx / len};
            const float reach = std::fabs(n.x) * req.w * 0.5f + std::fabs(n.y) * req.h * 0.5f + 2;
            for (const float side : {1.0f, -1.0f}) {
                const Vec2 q{p.x + n.x * reach * side, p.y + n.y * reach * side};
                if (shows(q) && !other_line_within(q, edge_route::distance_to(path, q) + 1)) beside.push_back(q);
            }
        }
        clear.insert(clear.end(), beside.begin(), beside.end());
        clear.insert(clear.end(), crowded.begin(), crowded.end());
        req.at = lp::centred_on(clear, req.w, req.h);
        if (req.at.empty()) continue;
        requests.push_back(std::move(req));
        edge_alpha[gi] = a;
    }

    // The step's own lines are what the reader looks for: a name laid across
    // one hides it, so names go beside them where they can.
    std::vector<lp::Box> own_lines;
    for (std::size_t gi = 0; gi < edges_.size(); ++gi) {
        const auto& g = edges_[gi];
        if (!g.own() || paths_[gi].size() < 2) continue;
        for (const auto& p : edge_route::resampled(paths_[gi], 6.0f))
            if (lp::overlaps({p.x - 2, p.y - 2, p.x + 2, p.y + 2}, bounds)) own_lines.push_back({p.x - 2, p.y - 2, p.x + 2, p.y + 2});
    }
    auto placed = lp::place(std::move(requests), bounds, obstacles, own_lines);
    // A node in view always shows a name: one the crowd left out gets its
    // short form ("Eva", "Roy"), placed round what is already there. Not in a
    // crowded view (a big cast seen whole): there, hundreds of names forced
    // in would only cover one another, and each is more for the GPU to draw.
    std::vector<unsigned char> got(nodes_.size(), 0);
    for (const auto& pl : placed)
        if (pl.id < kEdgeIds) got[static_cast<std::size_t>(pl.id)] = 1;
    std::vector<lp::Label> retry;
    for (std::size_t i = 0; i < nodes_.size() && !crowded(); ++i) {
        if (!in_view_at[i] || got[i]) continue;
        Lines& l = lines[i];
        l.first = short_name(l.first);
        l.second.clear();
        l.first_w = font->CalcTextSizeA(px, 1e9f, 0, l.first.c_str()).x;
        lp::Label req;
        req.id = static_cast<int>(i);
        req.w = l.first_w + 2 * kPadX;
        req.h = px * 1.2f + 2 * kPadY;
        req.keep = true;
        req.at = lp::around_node({screen[i].x, screen[i].y}, r, req.w, req.h);
        retry.push_back(std::move(req));
    }
    if (!retry.empty()) {
        for (const auto& pl : placed) obstacles.push_back({pl.box, -3});
        for (auto& pl : lp::place(std::move(retry), bounds, obstacles)) placed.push_back(pl);
    }
    drawn_.clear();
    drawn_edges_.clear();
    for (const auto& pl : placed) {
        const lp::Box& b = pl.box;
        if (pl.id >= kEdgeIds) {
            const std::size_t gi = static_cast<std::size_t>(pl.id - kEdgeIds);
            const float a = edge_alpha[gi];
            const auto& g = edges_[gi];
            const bool crossed = g.standing == Standing::OverturnedNow || g.standing == Standing::WasBelieved;
            const ImU32 col = g.standing == Standing::OverturnedNow ? theme::kOverturned
                              : g.standing == Standing::WasBelieved ? theme::kTextDim
                              : g.is_new                            ? theme::kEdgeNew
                                                                    : theme::kTextSoft;
            dl->AddRectFilled({b.x0, b.y0}, {b.x1, b.y1}, theme::with_alpha(theme::kBackground, 0.88f * a), 4);
            dl->AddText(font, edge_px, {b.x0 + kPadX, b.y0 + kPadY}, theme::with_alpha(col, a), g.label.c_str());
            if (crossed) {   // struck through: no longer believed
                const float sy = (b.y0 + b.y1) / 2 + 1;
                const float w = (b.x1 - b.x0 - 2 * kPadX) * (g.standing == Standing::OverturnedNow ? fade : 1.0f);
                dl->AddLine({b.x0 + kPadX - 1, sy}, {b.x0 + kPadX + w + 1, sy}, theme::with_alpha(col, a), 1.6f);
            }
            drawn_edges_.push_back({g.label, standing_name(g.standing), b, g.rel});
            continue;
        }
        const std::size_t i = static_cast<std::size_t>(pl.id);
        last_candidate_[i] = pl.candidate;
        const Lines& l = lines[i];
        const float a = alpha(pl.id, t);
        const bool dim = (role_[i] == kRest && !st.entity_new[i] && pl.id != hot) || faded(pl.id);
        const ImU32 col = pl.id == hot || (staged_ && pl.id == stage_subject_ && t < 1) ? theme::kHighlight
                          : dim ? theme::kTextDim : theme::kText;
        const float cx = (b.x0 + b.x1) / 2;
        const lp::Box name{cx - l.first_w / 2, b.y0 + kPadY, cx + l.first_w / 2, b.y0 + kPadY + px * 1.1f};
        const bool leader = draw_leader(dl, screen[i], r, name, px, theme::with_alpha(col, 0.7f * a));
        dl->AddRectFilled({b.x0, b.y0}, {b.x1, b.y1}, theme::with_alpha(theme::kBackground, 0.82f * a), 4);
        dl->AddText(font, px, {cx - l.first_w / 2, b.y0 + kPadY}, theme::with_alpha(col, a * l.first_alpha), l.first.c_str());
        if (!l.second.empty()) {
            const float y = b.y0 + kPadY + px * 1.2f + 2;
            const float w2 = l.second_w;
            const float a2 = a * l.second_alpha;
            if (l.badge) {
                dl->AddRectFilled({cx - w2 / 2 - 5, y - 1}, {cx + w2 / 2 + 5, y + sub_px * 1.2f},
                                  theme::with_alpha(theme::kReveal, 0.9f * a2), sub_px * 0.6f);
                dl->AddText(font, sub_px, {cx - w2 / 2, y}, theme::with_alpha(theme::kBackground, a2), l.second.c_str());
            } else {
                dl->AddText(font, sub_px, {cx - w2 / 2, y}, theme::with_alpha(theme::kTextSoft, a2), l.second.c_str());
                if (l.strike > 0) {
                    const float sy = y + sub_px * 0.6f;
                    dl->AddLine({cx - w2 / 2 - 2, sy}, {cx - w2 / 2 - 2 + (w2 + 4) * l.strike, sy},
                                theme::with_alpha(theme::kReveal, a2), 2.0f);
                }
            }
        }
        drawn_.push_back({pl.id, l.first, b, px, leader});
    }
}

}  // namespace explainer::ui::map_view
