// app_state.cpp — App::state_json (see app.h): what window.explainer.state()
// and the desktop's --screenshot report. The step and the reader's place in
// the walkthrough; the map as drawn (in CSS px of the canvas); and the
// controls around it, so that tests find what a reader sees without pixels.
#include <nlohmann/json.hpp>

#include "app.h"
#include "focus_ring.h"
#include "host.h"

namespace explainer::ui::app {

namespace {
nlohmann::json rect_json(const ImVec4& r) { return {{"x", r.x}, {"y", r.y}, {"w", r.z}, {"h", r.w}}; }
}  // namespace

std::string App::state_json() const {
    nlohmann::json j;
    j["story"] = {{"id", story_.id}, {"title", story_.title}, {"show", story_.show}};
    const auto& step = story_.steps[static_cast<std::size_t>(nav_->step())];
    j["step"] = step.id;
    j["index"] = nav_->step();
    j["count"] = story_.steps.size();
    j["covered"] = nav_->covered();
    j["selected"] = nav_->selected() >= 0 ? nlohmann::json(story_.entities[static_cast<std::size_t>(nav_->selected())].id)
                                          : nlohmann::json(nullptr);
    j["notice"] = nav_->notice();
    j["fragment"] = nav_->fragment();
    j["title"] = nav_->covered() ? std::string() : step.title;
    j["skipped"] = nav_->skipped();
    j["furthest"] = nav_->furthest();
    map_json(j);
    controls_json(j);
    // Every string is valid UTF-8 by now (the loader checks the story, the
    // search is clipped to whole characters); should one not be, a U+FFFD
    // stands in rather than the writer aborting the page.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The map as drawn: its nodes (ids and layout positions), where each is on
// screen, the labels and edge labels of the last frame, the visible area.
void App::map_json(nlohmann::json& j) const {
    auto ids = nlohmann::json::array();
    auto positions = nlohmann::json::object();
    const int shown = nav_->shown_step();
    if (shown >= 0) {
        const auto& laid_out = layouts_.laid_out(shown);   // changed() laid it out
        for (int e : shown_state().nodes) {   // the state changed() built for this step
            const auto& id = story_.entities[static_cast<std::size_t>(e)].id;
            ids.push_back(id);
            if (static_cast<std::size_t>(e) >= laid_out.size()) continue;
            const auto p = laid_out[static_cast<std::size_t>(e)];
            positions[id] = {p.x, p.y};
        }
    }
    j["entities"] = std::move(ids);
    j["positions"] = std::move(positions);
    // What the reader sees, in CSS px of the canvas: the map's visible area
    // (not under the panel), and every node label drawn in the last frame.
    const ImVec2 a = map_.area_min(), b = map_.area_max();
    j["mapRect"] = {{"x", a.x}, {"y", a.y}, {"w", b.x - a.x}, {"h", b.y - a.y}};
    auto labels = nlohmann::json::array();
    for (const auto& l : map_.labels()) {
        labels.push_back({{"id", story_.entities[static_cast<std::size_t>(l.entity)].id}, {"text", l.text},
                          {"x", l.box.x0}, {"y", l.box.y0}, {"w", l.box.width()}, {"h", l.box.height()}, {"px", l.px},
                          {"leader", l.leader}});
    }
    j["labels"] = std::move(labels);
    auto edge_labels = nlohmann::json::array();
    for (const auto& l : map_.edge_labels())
        edge_labels.push_back({{"text", l.text}, {"standing", l.standing}, {"x", l.box.x0}, {"y", l.box.y0},
                               {"w", l.box.width()}, {"h", l.box.height()}, {"rel", l.rel}});
    j["edgeLabels"] = std::move(edge_labels);
    // Every line drawn: its relationship (index into the story's list, as
    // edgeLabels' rel), its ends as drawn (nodes, after reveals), its type,
    // and the polyline actually drawn, arrowhead's tip last.
    auto edges = nlohmann::json::array();
    for (const auto& e : map_.drawn_edges()) {
        const auto& rel = story_.relationships[static_cast<std::size_t>(e.rel)];
        auto points = nlohmann::json::array();
        for (const auto& p : *e.points) points.push_back({p.x, p.y});
        edges.push_back({{"rel", e.rel},
                         {"from", story_.entities[static_cast<std::size_t>(e.from)].id},
                         {"to", story_.entities[static_cast<std::size_t>(e.to)].id},
                         {"type", story_.relation_types[static_cast<std::size_t>(rel.type)].id},
                         {"label", story_.relation_types[static_cast<std::size_t>(rel.type)].label},
                         {"new", e.is_new}, {"standing", e.standing}, {"points", std::move(points)}});
    }
    j["edges"] = std::move(edges);
    j["stepOnly"] = map_.step_only();
    auto screen = nlohmann::json::object();
    if (shown >= 0)
        for (int e : shown_state().nodes) {
            if (!map_.node_drawn(e)) continue;   // hidden by "This step only"
            const ImVec2 p = map_.screen_position(e);
            screen[story_.entities[static_cast<std::size_t>(e)].id] = {p.x, p.y};
        }
    j["onScreen"] = std::move(screen);
}

// What the step changed, the search, the filter, the legend, the panel and
// the buttons, and the reveal as it plays.
void App::controls_json(nlohmann::json& j) const {
    const auto& step = story_.steps[static_cast<std::size_t>(nav_->step())];
    auto changes = nlohmann::json::array();
    for (const auto& c : changes_)
        changes.push_back({{"kind", what_changed::kind_name(c.kind)}, {"text", c.text},
                           {"entity", c.node >= 0 ? nlohmann::json(story_.entities[static_cast<std::size_t>(c.node)].id)
                                                  : nlohmann::json(nullptr)}});
    j["whatChanged"] = std::move(changes);
    auto found = nlohmann::json::array();
    for (int n : found_) found.push_back(story_.entities[static_cast<std::size_t>(n)].id);
    j["search"] = {{"query", query_}, {"found", std::move(found)}};
    j["filter"] = filter_.by == Filter::By::None ? nlohmann::json(nullptr)
                  : filter_.by == Filter::By::Members
                      ? nlohmann::json("members:" + story_.entities[static_cast<std::size_t>(filter_.what)].id)
                      : nlohmann::json(std::string("kind:") + story::kind_name(static_cast<story::Kind>(filter_.what)));
    j["showWasBelieved"] = map_.show_was_believed();
    j["legend"] = {{"open", legend_open_ == 1}, {"rect", rect_json(legend_rect_)}, {"button", rect_json(legend_button_)}};
    j["searchField"] = rect_json(search_rect_);
    j["controlsBottom"] = map_.area_min().y + map_.reserved_top();   // the map's controls end here
    j["controlsLeft"] = map_.reserved_top_from_x();                   // and start here (a phone's one button)
    j["legendTop"] = map_.area_max().y - map_.reserved_bottom();     // the phone's compact legend starts here
    const int subject = map_.reveal_subject();
    j["reveal"] = step.reveal;
    j["hint"] = panel_.hint();
    j["moreBelow"] = panel_.more_below();   // the panel's "more below" cue, "" when there is none
    j["keyboardFocus"] = focus_ring::focused_label();
    auto buttons = nlohmann::json::array();
    for (const auto& item : focus_ring::items())
        buttons.push_back({{"label", item.label}, {"area", focus_ring::area_name(item.area)},
                           {"x", item.x}, {"y", item.y}, {"w", item.w}, {"h", item.h}});
    j["buttons"] = std::move(buttons);
    const ImVec2 t0 = panel_.timeline_min(), t1 = panel_.timeline_max();
    j["titleRect"] = rect_json(panel_.title_rect());
    j["timeline"] = {{"x", t0.x}, {"y", t0.y}, {"w", t1.x - t0.x}, {"h", t1.y - t0.y}};
    j["staging"] = {{"phase", map_view::MapView::phase_name(map_.phase(host::now_ms()))},
                    {"subject", subject >= 0 ? nlohmann::json(story_.entities[static_cast<std::size_t>(subject)].id)
                                             : nlohmann::json(nullptr)}};
}

}  // namespace explainer::ui::app
