// app_state.cpp — App::state_json (see app.h): what window.explainer.state()
// and the desktop's --screenshot report. The step and the reader's place in
// the walkthrough; the map as drawn (in CSS px of the canvas); and the
// controls around it, so that tests find what a reader sees without pixels.
// Written straight to text (json_writer), as it is asked for every frame a
// test waits on something; src/contract/state.schema.json describes it.
#include "app.h"
#include "core/text/json_writer.h"
#include "focus_ring.h"
#include "host.h"

namespace explainer::ui::app {

using json_writer::Writer;

namespace {
void rect(Writer& w, const char* name, float x, float y, float width, float height) {
    w.key(name).object().field("x", x).field("y", y).field("w", width).field("h", height).end();
}
void rect(Writer& w, const char* name, const ImVec4& r) { rect(w, name, r.x, r.y, r.z, r.w); }
void point(Writer& w, float x, float y) { w.array().value(x).value(y).end(); }
// An entity by its id, or null for none (-1).
void entity_or_null(Writer& w, const story::Story& s, int e) {
    if (e >= 0) w.value(s.entities[static_cast<std::size_t>(e)].id);
    else w.null();
}
}  // namespace

std::string App::state_json() const {
    Writer w;
    w.object();
    w.key("story").object().field("id", story_.id).field("title", story_.title).field("show", story_.show).end();
    const auto& step = story_.steps[static_cast<std::size_t>(nav_->step())];
    w.field("step", step.id).field("index", nav_->step()).field("count", story_.steps.size()).field("covered", nav_->covered());
    entity_or_null(w.key("selected"), story_, nav_->selected());
    w.field("notice", nav_->notice()).field("fragment", nav_->fragment());
    w.field("title", nav_->covered() ? std::string() : step.title);
    w.field("skipped", nav_->skipped()).field("furthest", nav_->furthest());
    map_json(w);
    controls_json(w);
    // Every string is valid UTF-8 by now (the loader checks the story, the
    // search is clipped to whole characters); should one not be, the writer
    // puts U+FFFD in its place rather than writing something that is not JSON.
    w.end();
    return w.text();
}

// The map as drawn: its nodes (ids and layout positions), where each is on
// screen, the labels and edge labels of the last frame, the visible area.
void App::map_json(Writer& w) const {
    const int shown = nav_->shown_step();
    w.key("entities").array();
    if (shown >= 0)
        for (int e : shown_state().nodes) w.value(story_.entities[static_cast<std::size_t>(e)].id);   // the state changed() built
    w.end();
    w.key("positions").object();
    if (shown >= 0) {
        const auto& laid_out = layouts_.laid_out(shown);   // changed() laid it out
        for (int e : shown_state().nodes) {
            if (static_cast<std::size_t>(e) >= laid_out.size()) continue;
            const auto p = laid_out[static_cast<std::size_t>(e)];
            w.key(story_.entities[static_cast<std::size_t>(e)].id);
            point(w, p.x, p.y);
        }
    }
    w.end();
    // What the reader sees, in CSS px of the canvas: the map's visible area
    // (not under the panel), and every node label drawn in the last frame.
    const ImVec2 a = map_.area_min(), b = map_.area_max();
    rect(w, "mapRect", a.x, a.y, b.x - a.x, b.y - a.y);
    w.key("labels").array();
    for (const auto& l : map_.labels())
        w.object().field("id", story_.entities[static_cast<std::size_t>(l.entity)].id).field("text", l.text)
            .field("x", l.box.x0).field("y", l.box.y0).field("w", l.box.width()).field("h", l.box.height())
            .field("px", l.px).field("leader", l.leader).end();
    w.end();
    w.key("edgeLabels").array();
    for (const auto& l : map_.edge_labels())
        w.object().field("text", l.text).field("standing", l.standing).field("x", l.box.x0).field("y", l.box.y0)
            .field("w", l.box.width()).field("h", l.box.height()).field("rel", l.rel).end();
    w.end();
    // Every line drawn: its relationship (index into the story's list, as
    // edgeLabels' rel), its ends as drawn (nodes, after reveals), its type,
    // the polyline actually drawn, arrowhead's tip last, and whether it is the
    // backdrop (drawn fainter: neither the step's own nor its focus's).
    w.key("edges").array();
    for (const auto& e : map_.drawn_edges()) {
        const auto& rel = story_.relationships[static_cast<std::size_t>(e.rel)];
        const auto& type = story_.relation_types[static_cast<std::size_t>(rel.type)];
        w.object().field("rel", e.rel)
            .field("from", story_.entities[static_cast<std::size_t>(e.from)].id)
            .field("to", story_.entities[static_cast<std::size_t>(e.to)].id)
            .field("type", type.id).field("label", type.label).field("new", e.is_new).field("standing", e.standing)
            .field("backdrop", e.backdrop);
        w.key("points").array();
        for (const auto& p : *e.points) point(w, p.x, p.y);
        w.end().end();
    }
    w.end();
    w.field("stepOnly", map_.step_only());
    w.key("onScreen").object();
    if (shown >= 0)
        for (int e : shown_state().nodes) {
            if (!map_.node_drawn(e)) continue;   // hidden by "This step only"
            const ImVec2 p = map_.screen_position(e);
            w.key(story_.entities[static_cast<std::size_t>(e)].id);
            point(w, p.x, p.y);
        }
    w.end();
}

// What the step changed, the search, the filter, the legend, the panel and
// the buttons, and the reveal as it plays.
void App::controls_json(Writer& w) const {
    const auto& step = story_.steps[static_cast<std::size_t>(nav_->step())];
    w.key("whatChanged").array();
    for (const auto& c : changes_) {
        w.object().field("kind", what_changed::kind_name(c.kind)).field("text", c.text);
        entity_or_null(w.key("entity"), story_, c.node);
        w.end();
    }
    w.end();
    w.key("search").object().field("query", query_).key("found").array();
    for (int n : found_) w.value(story_.entities[static_cast<std::size_t>(n)].id);
    w.end().end();
    w.key("filter");
    if (filter_.by == Filter::By::None) w.null();
    else if (filter_.by == Filter::By::Members) w.value("members:" + story_.entities[static_cast<std::size_t>(filter_.what)].id);
    else w.value(std::string("kind:") + story::kind_name(static_cast<story::Kind>(filter_.what)));
    w.field("showWasBelieved", map_.show_was_believed());
    w.key("legend").object().field("open", legend_open_ == 1);
    rect(w, "rect", legend_rect_);
    rect(w, "button", legend_button_);
    w.end();
    rect(w, "searchField", search_rect_);
    w.field("controlsBottom", map_.area_min().y + map_.reserved_top());   // the map's controls end here
    w.field("controlsLeft", map_.reserved_top_from_x());                   // and start here (a phone's one button)
    w.field("legendTop", map_.area_max().y - map_.reserved_bottom());     // the phone's compact legend starts here
    const int subject = map_.reveal_subject();
    w.field("reveal", step.reveal).field("hint", panel_.hint());
    w.field("moreBelow", panel_.more_below());   // the panel's "more below" cue, "" when there is none
    w.field("keyboardFocus", focus_ring::focused_label());
    w.key("buttons").array();
    for (const auto& item : focus_ring::items())
        w.object().field("label", item.label).field("area", focus_ring::area_name(item.area))
            .field("x", item.x).field("y", item.y).field("w", item.w).field("h", item.h).end();
    w.end();
    const ImVec2 t0 = panel_.timeline_min(), t1 = panel_.timeline_max();
    rect(w, "titleRect", panel_.title_rect());
    rect(w, "timeline", t0.x, t0.y, t1.x - t0.x, t1.y - t0.y);
    w.key("staging").object().field("phase", map_view::MapView::phase_name(map_.phase(host::now_ms())));
    entity_or_null(w.key("subject"), story_, subject);
    w.end();
}

}  // namespace explainer::ui::app
