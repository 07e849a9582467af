// panel.h — the walkthrough panel: step title and narration (or the spoiler
// cover), progress and a timeline scrubber with the reveals marked, Previous /
// Next, Copy link, the selected entity's card, and the glossary. It only
// reports what the reader asked for; app.cpp acts on it.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/reading/navigator.h"
#include "core/reading/step_state.h"
#include "core/story/story.h"
#include "core/reading/what_changed.h"
#include "theme.h"

namespace explainer::ui::panel {

struct Actions {
    int go = -1;               // a step chosen on the timeline or on the cover
    bool next = false, prev = false, uncover = false, copy_link = false, replay = false;
    bool save_image = false, transcript = false;   // downloads: the map as PNG, the story so far as Markdown
    int select = -2;           // -2 nothing, -1 clear, else an entity
};

using Fonts = theme::Fonts;

// Step i as the timeline's tooltip and the step list name it: its number,
// and its title only where naming it spoils nothing.
std::string step_name(const explainer::story::Story& story, const explainer::navigator::Navigator& nav, int i);

class Panel {
public:
    // area: where the panel window goes (screen coords).
    // changes: the shown step's "What changed" list (empty under a cover).
    Actions draw(const explainer::story::Story& story, const explainer::navigator::Navigator& nav,
                 const explainer::step_state::State& shown, const std::vector<explainer::what_changed::Item>& changes,
                 ImVec2 pos, ImVec2 size, const Fonts& fonts, bool compact);

    bool collapsed() const { return collapsed_; }   // phones: "Hide text" gives the map the room
    // The timeline tooltip shown in the last frame ("" for none), and where the timeline is.
    const std::string& hint() const { return hint_; }
    // Where the step's title was drawn in the last frame (x, y, w, h; zero
    // under a cover, which names no step).
    ImVec4 title_rect() const { return title_rect_; }
    ImVec2 timeline_min() const { return timeline_min_; }
    // The "more below" cue of the last frame: its label ("" when the text
    // fits or the reader is at its end) and where it was drawn (x, y, w, h).
    const std::string& more_below() const { return more_label_; }
    ImVec2 timeline_max() const { return timeline_max_; }

private:
    void timeline(const explainer::story::Story& story, const explainer::navigator::Navigator& nav, Actions& out);
    void card(const explainer::story::Story& story, const explainer::step_state::State& shown, int entity, Actions& out);
    void glossary(const explainer::story::Story& story, int shown_step, Actions& out);
    void changes_list(const std::vector<explainer::what_changed::Item>& changes, Actions& out);
    void about(const explainer::story::Story& story);
    // While the text runs on below the panel's foot: a fade there, and a cue
    // that says what is below ("What changed") and goes to it in one tap.
    void more_below_cue(float changes_y);
    void drag_to_scroll();
    static constexpr float kDragPx = 6;   // a finger moves this far before a press becomes a scroll
    bool dragging_text_ = false;
    // A line's wrapped height, kept while its text, width and font size stay.
    struct Wrapped {
        std::string text;
        float width = -1, size = -1, height = 0;
    };
    // A line of text wrapped to the panel, optionally struck through; with an
    // id it is clickable (and in the keyboard ring) and returns true when chosen.
    // Out of the panel's sight it only takes its room; with `known` its
    // height is wrapped once, not every frame (a 10k story's step lists 500
    // changes, whose wrapping was a twentieth of the frame).
    bool line(const char* id, const std::string& text, ImU32 color, bool struck, Wrapped* known = nullptr);
    // "Source: The Middle…, paragraph 4" under a line the reader opened.
    void source_toggle(const std::string& key, const explainer::story::Story& story,
                       const explainer::story::Cite& cite);
    bool glossary_open_ = false, about_open_ = false;
    std::string open_source_;     // the line whose source is shown, or ""
    std::vector<Wrapped> change_lines_;   // "What changed", line by line
    std::string hint_;
    ImVec2 timeline_min_, timeline_max_;
    ImVec4 title_rect_{0, 0, 0, 0};
    void note_title() {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        title_rect_ = {a.x, a.y, b.x - a.x, b.y - a.y};
    }
    bool collapsed_ = false;
    std::string more_label_;
};

}  // namespace explainer::ui::panel
