// map_view.h — the relationship map: draws the nodes and edges the reader
// knows at the shown step, animates between steps, frames the camera on what
// the step is about (core/framing), and places every label so it can be read
// (core/label_place): labels are drawn at a fixed, readable size on screen,
// whatever the zoom, and collide with nothing. A reveal is staged where the
// reader looks: the camera goes to its subject, a beat, the unmasking plays,
// then the edges re-point. Positions come from story_layout; this file only
// draws and animates them. map_labels.cpp holds the label half.
#pragma once

#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/layout/framing.h"
#include "core/layout/label_place.h"
#include "core/layout/layout.h"
#include "core/layout/line_index.h"
#include "core/reading/step_state.h"
#include "core/story/story.h"

namespace explainer::ui::map_view {

// The easing of every glide and transition, and a point part-way between two.
inline float ease(float t) { return t < 0.5f ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3.0f) / 2; }
inline explainer::layout::Vec2 lerp(explainer::layout::Vec2 a, explainer::layout::Vec2 b, float t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

using explainer::layout::Vec2;

// A node label as drawn in the last frame, in CSS px of the canvas.
struct DrawnLabel {
    int entity = -1;
    std::string text;          // its first line: the name
    explainer::label_place::Box box;
    float px = 0;              // font size of the name
    bool leader = false;       // placed away from its node, so a line joins them
};

class MapView {
public:
    // Measures names with the map font; returns the layout's box half-sizes.
    std::vector<Vec2> measure(const explainer::story::Story& story, ImFont* font);

    // Shows a new state: animated, and staged when it holds a reveal, unless
    // animate is false (reduced motion, first frame), when it is instant.
    void show(const explainer::story::Story& story, const explainer::step_state::State& state,
              const std::vector<Vec2>& targets, const std::vector<int>& focus, double now, bool animate);

    struct Result {
        int clicked = -1;          // entity clicked, or -1
        bool background_click = false;
        int hovered = -1;
        int hovered_edge = -1;     // the relationship under the mouse, by its label, or -1
    };
    // Draws into the map area (screen coords) and handles input over it.
    // The drawing goes to layer(), not to ImGui's lists: while the map is
    // still and nothing it shows changes, the last frame's is drawn again.
    Result draw(const explainer::story::Story& story, const explainer::step_state::State& state, ImVec2 area_min,
                ImVec2 area_max, int selected, double now, ImFont* font);

    // A strip at the top of the map area that controls cover: the camera
    // frames below it. Labels avoid the part the controls are drawn on: from
    // `covered_from_x` to the right (a phone's one "Map tools" button), or
    // the whole width; a node left of that is named as anywhere else.
    void reserve_top(float height, float covered_from_x = -1e9f) {
        if (std::abs(height - reserved_top_) > 1) refit_ = true;   // the controls grew or shrank: frame again
        reserved_top_ = height;
        reserved_top_from_x_ = covered_from_x;
    }
    float reserved_top() const { return reserved_top_; }
    float reserved_top_from_x() const { return std::max(reserved_top_from_x_, area_min_.x); }
    // The same at the bottom (the phone's compact legend).
    void reserve_bottom(float height) {
        if (std::abs(height - reserved_bottom_) > 1) refit_ = true;
        reserved_bottom_ = height;
    }
    float reserved_bottom() const { return reserved_bottom_; }
    void zoom_by(float factor, ImVec2 screen_point);   // pinch and wheel
    void reset_camera(double now);                       // back to the step's framing
    void show_everything(double now);                    // the whole known map
    // "This step only": the step's own picture (its focus, what is new, and
    // its own lines with both their ends) framed alone, the rest hidden; or
    // "Everything", the rest drawn behind it.
    void set_step_only(bool on, double now, bool animate);
    bool step_only() const { return step_only_; }
    // Beliefs overturned before the shown step: drawn muted, or not at all.
    void set_show_was_believed(bool show) { show_was_believed_ = show, ++version_; }
    bool show_was_believed() const { return show_was_believed_; }
    // Search and filters: per entity, 1 for the nodes that stay lit; the rest
    // fade. Empty: everything is lit.
    void set_lit(std::vector<unsigned char> lit) { lit_ = std::move(lit), ++version_; }

    // An edge label as drawn in the last frame, with the standing of its line.
    struct DrawnEdgeLabel {
        std::string text;
        const char* standing;      // "believed", "apparent", "overturned", "was-believed"
        explainer::label_place::Box box;
        int rel = -1;              // the relationship it names
    };
    const std::vector<DrawnEdgeLabel>& edge_labels() const { return drawn_edges_; }
    // A line as drawn in the last frame: the relationship and its polyline (CSS px).
    struct DrawnEdge {
        int rel;
        int from, to;              // the node entities it joins
        bool is_new;
        const char* standing;
        const std::vector<Vec2>* points;
        bool backdrop;             // drawn faintest: not the step's own, neither end its focus
    };
    std::vector<DrawnEdge> drawn_edges() const;

    // Where a staged reveal is (Approach, Beat, Play, Edges), or Still (also
    // between ordinary steps once they settle, Moving before).
    enum class Phase { Still, Moving, Approach, Beat, Play, Edges };
    Phase phase(double now) const;
    static const char* phase_name(Phase phase);   // "still", "moving", … (state()'s staging.phase)
    int reveal_subject() const { return stage_subject_; }   // node entity, or -1
    const std::vector<DrawnLabel>& labels() const { return drawn_; }
    ImVec2 area_min() const { return area_min_; }
    // Where node e stands on screen once settled (CSS px); for state() and tests.
    ImVec2 screen_position(int e) const { return to_screen(nodes_[static_cast<std::size_t>(e)].to); }
    // Whether the node is drawn once the map settles ("This step only" hides the rest).
    bool node_drawn(int e) const { return nodes_[static_cast<std::size_t>(e)].alpha_to > 0; }
    ImVec2 area_max() const { return area_max_; }
    // What this frame's draw() drew, for the host to draw first, under the
    // UI (runner.cpp); null in a frame that drew no map.
    ImDrawList* layer() const { return layer_ && layer_frame_ == ImGui::GetFrameCount() ? layer_.get() : nullptr; }
    // This frame's layer is the last frame's, kept (nothing on the map changed).
    bool layer_kept() const { return layer() && layer_kept_; }

private:
    // All that a still frame's picture depends on. The map draws again only
    // when it changes, or while anything moves (then every frame differs).
    struct DrawKey {
        const void* state = nullptr;
        std::uint64_t version = 0;   // show(), the lit set, the switches
        float cx = 0, cy = 0, zoom = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        float top = 0, top_from = 0, bottom = 0;
        int selected = -1, hovered = -1;
        const void* font = nullptr;
        float font_scale = 0;        // the atlas's pixel ratio: its glyphs move when it is rebuilt
        ImTextureID texture{};
        bool operator==(const DrawKey& o) const;
    };
    std::unique_ptr<ImDrawList> layer_;
    int layer_frame_ = -1;
    DrawKey drawn_key_;
    bool drawn_settled_ = false, drawn_stable_ = false, layer_kept_ = false;
    std::uint64_t version_ = 0;
    struct Node {
        Vec2 from, to;
        float alpha_from = 0, alpha_to = 0;
        int morph_from = -1;       // entity whose node this one takes over (identity reveal)
        bool nature_new = false;   // a nature reveal about it happens now
    };
    // What a line says about belief: believed, only apparent ("seems"),
    // overturned at the shown step (struck through), or overturned before
    // (muted: "was believed").
    enum class Standing : unsigned char { Believed, Apparent, OverturnedNow, WasBelieved };
    // One line per relationship: two relationships between the same two
    // nodes are two curves, each with its own label (edge_route's lanes).
    struct Edge {
        int from, to;              // node entities
        std::string label;         // the relationship's label ("… (seems)" when only apparent)
        bool is_new;
        Standing standing = Standing::Believed;
        int rel = -1;              // the relationship it draws
        // The step's own line: new at it, or overturned by it. Drawn bold, on
        // top and labelled; its ends belong to the step's picture.
        bool own() const { return is_new || standing == Standing::OverturnedNow; }
    };
    // An older line that touches none of the step's focus: the map's backdrop,
    // drawn fainter than the focus's other lines (map_draw.cpp).
    bool backdrop(const Edge& g) const {
        return !g.own() && role_[static_cast<std::size_t>(g.from)] != kFocus && role_[static_cast<std::size_t>(g.to)] != kFocus;
    }
    static const char* standing_name(Standing s);   // as state() reports it
    enum Role : unsigned char { kRest, kNeighbour, kFocus };
    // A view is crowded when its nodes leave each less of the map than this
    // (CSS px²; 400 nodes on a laptop's map): shapes are drawn plain, names
    // keep beside their nodes and none is forced in. By area, not by count:
    // a phone's map is a fifth of a laptop's, and 300 nodes there are a knot.
    static constexpr float kCrowdedRoom = 1800;
    bool crowded() const {
        return static_cast<float>(nodes_in_view_) * kCrowdedRoom > (area_max_.x - area_min_.x) * (area_max_.y - area_min_.y);
    }
    int nodes_in_view_ = 0;                     // as the last frame drew them
    // Every line as this frame draws it, in screen px: its curve (edge_route)
    // from just outside one node to just outside the other, where the
    // arrowhead's tip goes. Empty when the line is not drawn. Drawing, labels,
    // hover and state() all read it, so a label sits on its own line.
    std::vector<std::vector<Vec2>> paths_;
    // How much of each line shows, 0 to 1: a backdrop line fades out as its
    // nearer end leaves the view (route_edges), every other line is 1.
    std::vector<float> in_sight_;
    static constexpr float kSightFade = 48;   // CSS px
    explainer::line_index::LineIndex lines_near_;   // paths_, indexed for the edge labels' spots
    // Every line's bend (edge_route::apex_of, from its lower entity to its
    // higher), as routed for where the map is going: the nodes at rest and the
    // camera at its aim. Routing is the costly part of a frame on a big map;
    // the glide there reuses these, and the map at rest is exactly what a
    // routing of it would give. 0: straight (or not shown there).
    struct BendsKey {
        std::uint64_t version = ~std::uint64_t{0};
        float cx = 0, cy = 0, zoom = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        bool crowded = false;
        bool same_but_where(const BendsKey& o) const;   // all but the camera's centre (a pan)
    };
    BendsKey bends_key_;
    std::vector<float> bends_;
    void route_bends(bool crowded);
    void route_edges(float t, bool crowded);
    // The pieces of draw(), in its order (map_draw.cpp).
    void follow_camera(ImVec2 area_min, ImVec2 area_max, double now);
    bool pointer(ImVec2 area_min, ImVec2 area_max);
    void hover(const explainer::step_state::State& state, float t, bool over, Result& result) const;
    void draw_edges(ImDrawList* dl, float t, float fade, int hot, bool crowded) const;
    bool edge_shown(const Edge& g) const;   // drawn at all (not hidden by a switch or this-step-only)
    void draw_nodes(ImDrawList* dl, const explainer::story::Story& story, const explainer::step_state::State& state,
                    float t, int hot, int selected, bool crowded, double now);
    static void draw_path(ImDrawList* dl, const std::vector<Vec2>& path, ImU32 col, float thick, float dash);

    Vec2 position(int e, float t) const;
    float alpha(int e, float t) const;
    float progress(double now) const;
    float edge_fade(double now) const;
    ImVec2 to_screen(Vec2 p) const;
    Vec2 to_world(ImVec2 s) const;
    float node_radius() const;
    float label_px() const;
    void aim_camera(bool everything);
    void glide(bool everything, double now);   // eases the camera to a new aim
    void place_and_draw_labels(const explainer::story::Story& story, const explainer::step_state::State& state,
                               ImDrawList* dl, ImFont* font, int selected, int hovered, double now);

    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    std::vector<float> name_w_;            // name widths at the base size
    std::vector<unsigned char> role_;      // per entity, for the shown step
    std::vector<std::string> subtitle_;    // per entity: "was The Puppet Master", a badge, or ""
    std::vector<unsigned char> badge_;     // per entity: subtitle_ is a badge
    std::vector<int> last_candidate_;      // per entity: where its label sat last frame
    std::vector<DrawnLabel> drawn_;
    std::vector<DrawnEdgeLabel> drawn_edges_;
    std::vector<unsigned char> lit_;
    bool show_was_believed_ = true;
    bool step_only_ = false;
    std::vector<unsigned char> on_map_;    // per entity: a node of the shown step
    std::vector<unsigned char> in_step_;   // per entity: part of the step's own picture
    bool faded(int e) const { return !lit_.empty() && (e < 0 || e >= static_cast<int>(lit_.size()) || !lit_[static_cast<std::size_t>(e)]); }
    std::vector<explainer::label_place::Placed> edge_boxes_;
    double t0_ = -1e9, duration_ = 0;       // node moves, fades, morphs and masks
    double edge_t0_ = -1e9, edge_ms_ = 0;   // new edges fading in
    double stage_t0_ = -1e9;                // a staged reveal started here
    bool staged_ = false;
    int stage_subject_ = -1;
    explainer::framing::View camera_, camera_from_, camera_to_;
    explainer::framing::Limits limits_;
    double camera_t0_ = -1e9, camera_ms_ = 650;
    bool user_moved_ = false, dragging_ = false, fitted_ = false, overview_ = false;
    ImVec2 area_min_{0, 0}, area_max_{0, 0};
    float reserved_top_ = 0, reserved_bottom_ = 0, reserved_top_from_x_ = -1e9f;
    bool refit_ = false;
};

}  // namespace explainer::ui::map_view
