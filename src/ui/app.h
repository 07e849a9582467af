// app.h — the explainer application: owns the story, its precomputed
// per-step layout, the navigator, the map and the panel; turns reader actions
// (buttons, keys, clicks, links, JS API calls) into navigation, and keeps the
// URL, the text mirror and the picture in step with it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/reading/navigator.h"
#include "core/reading/step_state.h"
#include "core/story/loader.h"
#include "core/story/story.h"
#include "core/layout/story_layout.h"
#include "core/reading/what_changed.h"
#include "focus_ring.h"
#include "map_view.h"
#include "panel.h"
#include "host.h"

namespace explainer::json_writer { class Writer; }

namespace explainer::ui::app {

class App {
public:
    // Parses, validates and lays out a story and shows its first step; on
    // failure fills problems and keeps what is shown. Needs the fonts built.
    bool load(std::string_view story_text, std::vector<std::string>& problems);
    // load()'s last part, for a host that gives the loader's halves
    // (loader::parse, loader::read) tasks of their own: the same outcome.
    bool adopt(loader::Result loaded, std::vector<std::string>& problems);
    const explainer::story::Story& story() const { return story_; }
    // After load, before the first link: a part of the map's layout
    // (story_layout::Steps::prepare); true while parts are left. A host that
    // gives each part a task of its own keeps any one task short; one that
    // does not call it loses nothing (open_link lays out what it needs).
    bool prepare() { return layouts_.prepare(); }

    // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
    void frame(double now, const panel::Fonts& fonts);
    // Work done ahead after a frame is drawn, while the map is still: the
    // next step's layout, so that Next does not wait for it.
    void idle(double now);
    // Nothing moves on the map: a host may wait for input instead of drawing.
    bool still(double now) const;

    // Reader actions, also reached from the JS API and the keyboard.
    void open_link(std::string_view fragment, bool from_history);
    bool go_id(std::string_view step_id);
    void go(int step);
    void next();      // under a cover: lifts it, never skips past it
    void prev();      // under a cover: to the step whose map it shows
    void replay();    // plays the shown step's reveal again
    bool select_id(std::string_view entity_id);
    void uncover();
    // "Save image": the next frame draws the step's title over the map, and
    // take_picture() then names the PNG to save of it (once; "" otherwise).
    void request_picture() { picture_ = Picture::Requested; }
    std::string take_picture();
    // "Transcript": the story up to the step whose knowledge is on screen.
    void save_transcript() { host::save_transcript(nav_->shown_step()); }
    // The keys the app binds (the host sends only keys meant for the map):
    // true when the key was used.
    bool key(ImGuiKey key, bool shift);
    void zoom_by(float factor, float x, float y) { map_.zoom_by(factor, {x, y}); }
    // Search by name (the page's search field): matches stay lit, the rest fade.
    void set_query(std::string_view query);
    // "kind:character", "members:neans" (a group with members on the map now) or "" for none.
    bool set_filter(std::string_view spec);

    std::string state_json() const;   // for window.explainer.state() (app_state.cpp)
    // The map as this frame drew it, drawn first under the UI (runner.cpp); null when none was.
    ImDrawList* map_layer() const { return map_.layer(); }
    bool map_kept() const { return map_.layer_kept(); }   // the layer is the last frame's

private:
    // The filter: none, one kind (of the story's kinds), or the members of a group (an entity).
    struct Filter {
        enum class By { None, Kind, Members } by = By::None;
        int what = -1;   // the kind (story::Kind) or the group's entity
        bool operator==(const Filter& o) const { return by == o.by && what == o.what; }
        bool operator!=(const Filter& o) const { return !(*this == o); }
    };
    void map_json(json_writer::Writer& w) const;
    void controls_json(json_writer::Writer& w) const;
    void changed(bool step_changed, bool write_url);
    void map_controls(ImVec2 map_min, ImVec2 map_max, double now, bool compact);
    void flush_url(double now);
    void update_lit();                  // from the query or the filter, at the shown step
    void choose_filter(Filter filter);
    void legend(float max_w, bool compact);
    void compact_legend(ImVec2 map_min, ImVec2 map_max);
    void node_tooltip(int node);
    void edge_tooltip(int relationship);
    void title_band(ImVec2 map_min, ImVec2 map_max, const panel::Fonts& fonts);
    // The tab's title for what is on screen (spoiler-safe): also what sharing and the saved picture say.
    std::string tab_title() const;

    explainer::story::Story story_;
    // Laid out lazily: the opened step's prefix before the first frame, the
    // next step ahead while the map is still (idle()), any other on demand.
    explainer::story_layout::Steps layouts_;
    std::vector<explainer::layout::Vec2> sizes_;
    std::unique_ptr<explainer::step_state::Cache> states_;   // shared with nav_: one build per step
    std::unique_ptr<explainer::navigator::Navigator> nav_;
    explainer::navigator::HistoryPolicy history_;
    map_view::MapView map_;
    panel::Panel panel_;
    int shown_ = -2;                  // shown_step() the map was last given
    // What the map draws for shown_: the state at that step, or an empty map
    // under a covered first step. Built once per change, not per frame.
    std::shared_ptr<const explainer::step_state::State> shown_state_;
    const explainer::step_state::State& shown_state() const { return *shown_state_; }
    std::vector<explainer::what_changed::Item> changes_;   // the shown step's, empty under a cover
    std::string query_;
    std::vector<int> found_;          // the query's matches at the shown step
    Filter filter_;
    bool tools_open_ = false;         // phones: the map's tools unfolded from their one button
    int legend_open_ = -1;            // -1: not decided yet (open on a laptop, closed on a phone)
    ImVec4 search_rect_{0, 0, 0, 0};  // where the page's search field was last placed
    ImVec4 legend_rect_{0, 0, 0, 0}, legend_button_{0, 0, 0, 0};   // as drawn last frame, for state()
    std::string url_pending_;         // a fragment still to be written
    bool url_push_ = false;
    double notice_until_ = 0;
    enum class Picture { None, Requested, Drawn } picture_ = Picture::None;
};

}  // namespace explainer::ui::app
