#include "app.h"

#include <cfloat>

#include "core/reading/search.h"
#include "core/reading/step_state.h"
#include "core/reading/text_version.h"
#include "core/text/json_writer.h"
#include "host.h"
#include "theme.h"

namespace explainer::ui::app {

namespace {
constexpr double kNoticeMs = 8000;
}

bool App::load(std::string_view text, std::vector<std::string>& problems) {
    return adopt(loader::load(text), problems);
}

bool App::adopt(loader::Result result, std::vector<std::string>& problems) {
    if (!result.ok()) {   // the story on screen, if any, stays as it was
        for (const auto& p : result.problems) problems.push_back(p.text());
        return false;
    }
    // A new story starts afresh: its first step, nothing selected, searched,
    // filtered or waiting to be written; nothing drawn of the old map.
    story_ = std::move(result.story);
    map_ = map_view::MapView();
    panel_ = panel::Panel();
    // Label boxes are measured at theme::kLabelSize whatever the font's own
    // size, so the atlas's first font (the body font) serves.
    sizes_ = map_.measure(story_, ImGui::GetIO().Fonts->Fonts[0]);
    states_ = std::make_unique<step_state::Cache>(story_);
    layouts_ = story_layout::Steps(story_, sizes_, {}, states_.get());   // one build per shown step, for both
    nav_ = std::make_unique<navigator::Navigator>(story_, *states_);
    shown_ = -2;
    shown_state_ = std::make_shared<const step_state::State>();
    changes_.clear();
    query_.clear();
    found_.clear();
    filter_ = {};
    url_pending_.clear();
    url_push_ = false;
    notice_until_ = 0;
    picture_ = Picture::None;
    host::clear_search();
    return true;
}

void App::changed(bool step_changed, bool write_url) {
    const int shown = nav_->shown_step();
    const double now = host::now_ms();
    if (shown != shown_) {
        shown_state_ = states_->at(std::max(shown, 0));
        if (shown < 0) {   // a covered first step: an empty map
            auto empty = std::make_shared<step_state::State>(*shown_state_);
            std::fill(empty->shown_as.begin(), empty->shown_as.end(), -1);
            empty->nodes.clear();
            shown_state_ = std::move(empty);
        }
        const auto& focus = story_.steps[static_cast<std::size_t>(std::max(shown, 0))].focus;
        map_.show(story_, shown_state(), layouts_.at(std::max(shown, 0)), focus, now,
                  !host::prefers_reduced_motion() && shown_ != -2 && shown >= 0);
        shown_ = shown;
        changes_ = shown >= 0 ? what_changed::at(story_, shown_state()) : std::vector<what_changed::Item>();
        update_lit();
    }
    if (nav_->covered()) changes_.clear();   // the cover hides the step's own text, and so what it changed
    const auto& step = story_.steps[static_cast<std::size_t>(nav_->step())];
    const std::string progress = "Step " + std::to_string(nav_->step() + 1) + " of " + std::to_string(story_.steps.size());
    if (nav_->covered()) {
        const int n = nav_->skipped();
        host::set_mirror(progress + ". This link skips " + std::to_string(n) + (n == 1 ? " twist" : " twists") +
                             " you haven't seen yet, hidden until you choose to show " + (n == 1 ? "it." : "them."));
    } else {
        host::set_mirror(progress + ": " + step.title + ". " + step.narration);
    }
    if (!nav_->notice().empty()) notice_until_ = now + kNoticeMs;
    host::set_title(tab_title());
    const int sel = nav_->selected();
    json_writer::Writer reader;
    reader.object().field("index", nav_->step()).field("step", step.id).field("shown", nav_->shown_step())
        .field("covered", nav_->covered()).field("skipped", nav_->skipped()).field("first", nav_->first_skipped())
        .field("selected", sel >= 0 ? story_.entities[static_cast<std::size_t>(sel)].id : std::string())
        .field("notice", nav_->notice()).field("furthest", nav_->furthest()).end();
    host::reader_state(reader.text());
    if (write_url) {
        url_pending_ = nav_->fragment();
        url_push_ = url_push_ || step_changed;
        flush_url(now);
    }
}

void App::flush_url(double now) {
    if (url_pending_.empty()) return;
    const auto w = history_.decide(now, url_push_);
    if (w == navigator::HistoryPolicy::Write::Defer) return;   // tried again next frame
    host::write_url(url_pending_, w == navigator::HistoryPolicy::Write::Push);
    url_pending_.clear();
    url_push_ = false;
}

void App::open_link(std::string_view fragment, bool from_history) {
    // The address bar already shows the link; rewrite it only where it was
    // corrected (a bad link), and then without a new history entry.
    const bool corrected = nav_->open_link(fragment, from_history);
    if (corrected) {
        url_pending_ = nav_->fragment();
        url_push_ = false;
    }
    changed(true, false);
    if (corrected) flush_url(host::now_ms());
}

void App::go(int step) {
    nav_->clear_notice();
    if (nav_->go(step)) changed(true, true);
}

void App::next() {
    nav_->clear_notice();
    const bool was_covered = nav_->covered();
    if (nav_->next()) changed(!was_covered, !was_covered);
}

void App::prev() {
    nav_->clear_notice();
    if (nav_->prev()) changed(true, true);
}

void App::replay() {
    const int shown = nav_->shown_step();
    if (shown <= 0 || shown_state().reveals_new.empty()) return;
    // Back to the picture before, at once; then the step again, staged.
    const auto before = states_->at(shown - 1);
    const double now = host::now_ms();
    map_.show(story_, *before, layouts_.at(shown - 1),
              story_.steps[static_cast<std::size_t>(shown - 1)].focus, now, false);
    map_.show(story_, shown_state(), layouts_.at(shown),
              story_.steps[static_cast<std::size_t>(shown)].focus, now, !host::prefers_reduced_motion());
}

bool App::go_id(std::string_view id) {
    const int k = story_.find_step(id);
    if (k < 0) return false;
    go(k);
    return true;
}

bool App::select_id(std::string_view id) {
    const int e = id.empty() ? -1 : story_.find_entity(id);
    if (!id.empty() && e < 0) return false;
    const int before = nav_->selected();
    if (shown_ != nav_->shown_step()) changed(false, false);   // shown_state() must be current
    const int node = e < 0 ? -1 : step_state::node_of(shown_state(), e);
    if (e >= 0 && node < 0) return false;   // not on the map yet: that would be a spoiler
    nav_->select(e);
    if (nav_->selected() != before) changed(false, true);
    return nav_->selected() == node;
}

bool App::key(ImGuiKey key, bool shift) {
    switch (key) {
        case ImGuiKey_Tab: return focus_ring::tab(shift);   // false off either end: focus may leave the map
        case ImGuiKey_Escape: focus_ring::clear(); return false;
        case ImGuiKey_Enter:
        case ImGuiKey_KeyPadEnter:
        case ImGuiKey_Space:
            if (!focus_ring::press()) next();   // the button in focus, else onwards
            return true;
        case ImGuiKey_RightArrow:
        case ImGuiKey_PageDown: next(); return true;
        case ImGuiKey_LeftArrow:
        case ImGuiKey_PageUp: prev(); return true;
        case ImGuiKey_Home: go(0); return true;
        case ImGuiKey_End: go(static_cast<int>(story_.steps.size()) - 1); return true;
        default: return false;
    }
}

void App::uncover() {
    if (!nav_->covered()) return;
    nav_->uncover();
    changed(true, false);
}

void App::frame(double now, const panel::Fonts& fonts) {
    if (shown_ == -2) changed(false, false);
    flush_url(now);
    if (!nav_->notice().empty() && now > notice_until_) nav_->clear_notice();
    const ImGuiIO& io = ImGui::GetIO();
    const float w = io.DisplaySize.x, h = io.DisplaySize.y;
    const bool compact = w < 760;
    ImVec2 panel_pos, panel_size, map_min{0, 0}, map_max{w, h};
    if (compact) {   // phones: the panel below the map; "Hide text" leaves it a strip
        const float ph = panel_.collapsed() ? std::min(h * 0.3f, 168.0f) : std::min(h * 0.44f, 400.0f);
        panel_pos = {0, h - ph};
        panel_size = {w, ph};
        map_max.y = h - ph;
    } else {
        const float pw = std::clamp(w * 0.3f, 340.0f, 460.0f);
        panel_pos = {w - pw, 0};
        panel_size = {pw, h};
        map_max.x = w - pw;
    }
    const auto& drawn = shown_state();
    const auto m = map_.draw(story_, drawn, map_min, map_max, nav_->selected(), now, fonts.body);
    if (m.hovered >= 0 && m.hovered != nav_->selected()) node_tooltip(m.hovered);
    if (m.hovered < 0 && m.hovered_edge >= 0) edge_tooltip(m.hovered_edge);
    if (m.clicked >= 0) {
        nav_->select(m.clicked);
        changed(false, true);
    } else if (m.background_click && nav_->selected() >= 0) {
        nav_->select(-1);
        changed(false, true);
    }

    // The saved picture is the map and the panel: no buttons over the map, a title instead.
    if (picture_ != Picture::Requested) map_controls(map_min, map_max, now, compact);
    const auto a = panel_.draw(story_, *nav_, drawn, changes_, panel_pos, panel_size, fonts, compact);
    if (a.next) next();
    if (a.prev) prev();
    if (a.go >= 0) go(a.go);
    if (a.uncover) uncover();
    if (a.copy_link)
        host::copy_link(story_.steps[static_cast<std::size_t>(nav_->step())].id,
                            tab_title());
    if (a.save_image) request_picture();
    if (a.transcript) save_transcript();
    if (picture_ == Picture::Requested) {
        title_band(map_min, map_max, fonts);
        picture_ = Picture::Drawn;
    }
    if (a.replay) replay();
    if (a.select >= -1) {
        nav_->select(a.select);
        changed(false, true);
    }
}

std::string App::tab_title() const {
    return text_version::tab_title(story_, nav_->step(), nav_->covered() ? std::max(1, nav_->skipped()) : 0);
}

// A band across the top of the map naming the step (as the tab title does,
// so never a twist under a cover), drawn only into the frame that is saved,
// in place of the map's controls.
void App::title_band(ImVec2 map_min, ImVec2 map_max, const panel::Fonts& fonts) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const std::string text = tab_title();
    ImFont* font = fonts.title;
    const float size = font->FontSize * ImGui::GetIO().FontGlobalScale, pad = 10;
    const float wrap = map_max.x - map_min.x - 2 * pad;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    dl->AddRectFilled(map_min, {map_max.x, map_min.y + extent.y + 2 * pad}, theme::kBackground);
    dl->AddText(font, size, {map_min.x + pad, map_min.y + pad}, theme::kText, text.c_str(), nullptr, wrap);
}

std::string App::take_picture() {
    if (picture_ != Picture::Drawn) return {};
    picture_ = Picture::None;
    return story_.id + "-step-" + std::to_string(nav_->step() + 1) + ".png";
}

bool App::still(double now) const { return map_.phase(now) == map_view::MapView::Phase::Still; }

void App::idle(double now) {
    if (!nav_ || !still(now)) return;
    const int next = std::max(nav_->step(), nav_->shown_step()) + 1;
    if (next < layouts_.count() && layouts_.done() <= next) layouts_.advance();
}

// What a node under the pointer is, as known at the shown step.
void App::node_tooltip(int node) {
    const auto c = step_state::card(story_, shown_state(), node);
    if (c.entity < 0) return;   // not known at this step: nothing to tell
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20);
    ImGui::TextDisabled("%s", theme::kind_title(story_.entities[static_cast<std::size_t>(c.entity)].kind));
    ImGui::TextWrapped("%s", c.desc.c_str());
    for (const auto& r : c.revealed) ImGui::TextWrapped("\xE2\x97\x86 %s", r.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void App::edge_tooltip(int i) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    const auto& rel = story_.relationships[static_cast<std::size_t>(i)];
    const auto& st = shown_state();
    ImGui::TextWrapped("%s%s%s", st.rel_over[static_cast<std::size_t>(i)] ? "No longer believed: " : "",
                       story::sentence(story_, rel, st.shown_as[rel.from], st.shown_as[rel.to]).c_str(),
                       story::apparent_at(rel, st.step) ? " (seems)" : "");
    if (!rel.note.empty()) ImGui::TextWrapped("%s", rel.note.c_str());   // the author's word on this link
    if (!rel.cite.empty()) ImGui::TextDisabled("Source: %s", story::cite_text(story_, rel.cite).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace explainer::ui::app
