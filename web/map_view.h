// map_view.h — the relationship map: draws the nodes and edges the reader
// knows at the shown step, animates between steps (positions, fades, identity
// morphs, nature reveals), eases the camera to the step's focus, and handles
// pan, zoom, hover and click. Positions come from story_layout; this file
// only draws and animates them.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/layout.h"
#include "core/step_state.h"
#include "core/story.h"

namespace map_view {

using explainer::layout::Vec2;

struct Camera {
    Vec2 centre;
    float zoom = 1;
};

class MapView {
public:
    // Measures labels with the map font; the result sizes the layout boxes.
    std::vector<Vec2> measure(const explainer::story::Story& story, ImFont* font);

    // Shows a new state (animated unless animate is false).
    void show(const explainer::story::Story& story, const explainer::step_state::State& state,
              const std::vector<Vec2>& targets, const std::vector<int>& focus, double now, bool animate);

    struct Result {
        int clicked = -1;          // entity clicked, or -1
        bool background_click = false;
        int hovered = -1;
    };
    // Draws into area (screen coords) and handles input over it.
    Result draw(const explainer::story::Story& story, const explainer::step_state::State& state, ImVec2 area_min,
                ImVec2 area_max, int selected, double now, ImFont* font);

    void zoom_by(float factor, ImVec2 screen_point);   // pinch and wheel
    void reset_camera(double now);                       // back to the step's focus
    bool animating(double now) const;

private:
    struct Node {
        Vec2 from, to;
        float alpha_from = 0, alpha_to = 0;
        int morph_from = -1;       // entity whose node this one takes over (identity reveal)
        bool nature_new = false;   // a nature reveal about it happens now
    };
    struct EdgeGroup {
        int from, to;              // node entities
        std::string label;         // the relationship labels, joined
        bool is_new, has_reverse;
    };
    Vec2 position(int e, float t) const;
    float alpha(int e, float t) const;
    float progress(double now) const;
    ImVec2 to_screen(Vec2 p) const;
    Vec2 to_world(ImVec2 s) const;
    void aim_camera(const std::vector<int>& focus);

    std::vector<Node> nodes_;
    std::vector<EdgeGroup> edges_;
    std::vector<Vec2> half_;      // label boxes, for hit tests
    double t0_ = -1e9, duration_ = 0;
    Camera camera_, camera_from_, camera_to_;
    double camera_t0_ = -1e9;
    bool user_moved_ = false, dragging_ = false, fitted_ = false;
    ImVec2 area_min_, area_max_;
    std::vector<int> focus_;
};

}  // namespace map_view
