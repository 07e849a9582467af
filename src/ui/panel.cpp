#include "panel.h"

#include <imgui_internal.h>   // ClearActiveID: a drag that scrolls presses nothing

#include <algorithm>
#include <string>

#include "focus_ring.h"
#include "theme.h"

namespace explainer::ui::panel {


namespace {
void dim_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}
}  // namespace

bool Panel::line(const char* id, const std::string& text, ImU32 color, bool struck, Wrapped* known) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize(), scale = size / font->FontSize;
    const float width = std::max(ImGui::GetContentRegionAvail().x, 40.0f);
    ImVec2 box;
    if (known && known->width == width && known->size == size && known->text == text) {
        box = {width, known->height};
    } else {
        box = ImGui::CalcTextSize(text.c_str(), nullptr, false, width);
        if (known) *known = {text, width, size, box.y};
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    bool chosen = false, hovered = false;
    if (id) {
        chosen = ImGui::InvisibleButton(id, {width, box.y});
        hovered = ImGui::IsItemHovered();
        chosen = focus_ring::last_item(text.c_str()) || chosen;
    } else {
        ImGui::Dummy({width, box.y});
    }
    if (!ImGui::IsItemVisible()) return chosen;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled({at.x - 3, at.y}, {at.x + width, at.y + box.y}, IM_COL32(255, 255, 255, 18), 4);
    // Wrap by hand, so each wrapped line can be struck through on its own.
    const char* p = text.c_str();
    const char* end = p + text.size();
    float y = at.y;
    while (p < end) {
        const char* stop = font->CalcWordWrapPositionA(scale, p, end, width);
        if (stop == p) stop = p + 1;
        dl->AddText(font, size, {at.x, y}, color, p, stop);
        if (struck) {
            const float w = font->CalcTextSizeA(size, 1e9f, 0, p, stop).x;
            dl->AddLine({at.x - 1, y + size * 0.55f}, {at.x + w + 1, y + size * 0.55f}, color, 1.5f);
        }
        y += ImGui::GetTextLineHeight();
        p = stop;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
    return chosen;
}

void Panel::source_toggle(const std::string& key, const story::Story& s, const story::Cite& cite) {
    if (open_source_ != key || cite.empty()) return;
    ImGui::Indent(14);
    dim_text("Source: \xE2\x80\x9C" + s.source.title + "\xE2\x80\x9D, " + story::cite_text(s, cite));
    ImGui::Unindent(14);
}

void Panel::changes_list(const std::vector<what_changed::Item>& changes, Actions& out) {
    if (changes.empty()) return;
    dim_text("What changed");
    using what_changed::Kind;
    change_lines_.resize(changes.size());
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& item = changes[i];
        std::string text;
        ImU32 color = theme::kText;
        switch (item.kind) {
            case Kind::Reveal: text = "\xE2\x97\x86 " + item.text; color = theme::kReveal; break;
            case Kind::NoLongerTrue: text = item.text; color = theme::kOverturned; break;
            case Kind::Confirmed: text = "\xE2\x9C\x93 Now confirmed: " + item.text; color = theme::kConfirmed; break;
            case Kind::NewEntity: text = "+ New: " + item.text; break;
            case Kind::NewRelationship: text = "+ " + item.text + (item.apparent ? " (seems)" : ""); break;
            case Kind::NewFact: text = "+ " + item.text; break;
        }
        if (item.kind == Kind::NoLongerTrue) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kOverturned));
            ImGui::TextUnformatted("\xE2\x9C\x97 No longer believed:");
            ImGui::PopStyleColor();
        }
        const std::string id = "##change" + std::to_string(i);
        if (line(id.c_str(), text, color, item.kind == Kind::NoLongerTrue, &change_lines_[i]) && item.node >= 0)
            out.select = item.node;
    }
}

void Panel::about(const story::Story& s) {
    if (s.source.title.empty()) {
        dim_text("Written for this explainer.");
        return;
    }
    ImGui::TextWrapped("This explainer retells, in its own words, the article \xE2\x80\x9C%s\xE2\x80\x9D.",
                       s.source.title.c_str());
    if (!s.source.url.empty()) dim_text(s.source.url);
    dim_text("Every step, fact and connection notes the section and paragraph of the article it comes from: "
             "choose Source under a step, or tap a line of a card.");
}

Actions Panel::draw(const story::Story& s, const navigator::Navigator& nav, const step_state::State& shown,
                    const std::vector<what_changed::Item>& changes, ImVec2 pos, ImVec2 size, const Fonts& fonts,
                    bool compact) {
    Actions out;
    hint_.clear();
    focus_ring::set_area(focus_ring::Area::Panel);
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("Walkthrough", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    const int k = nav.step();
    const auto& step = s.steps[static_cast<std::size_t>(k)];
    const int count = static_cast<int>(s.steps.size());

    // Progress line: "Step 12 of 25 · The Middle: …"
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::Text("Step %d of %d", k + 1, count);
    if (compact) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 90);
        if (focus_ring::button(collapsed_ ? "Show text" : "Hide text", {}, true)) collapsed_ = !collapsed_;
        focus_ring::mark_disclosure(!collapsed_);
    }
    ImGui::PopStyleColor();
    timeline(s, nav, out);

    // Buttons.
    const float bw = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    ImGui::BeginDisabled(k == 0 && !nav.covered());
    if (focus_ring::button("< Previous", {bw, 0})) out.prev = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(k + 1 >= count && !nav.covered());   // under a cover, Next lifts it
    if (focus_ring::button("Next >", {bw, 0})) out.next = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (focus_ring::button("Copy link", {bw, 0})) out.copy_link = true;

    if (!nav.notice().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.84f, 0.4f, 1));
        ImGui::TextWrapped("%s", nav.notice().c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    if (compact && collapsed_) {
        ImGui::PushFont(fonts.title);
        ImGui::TextWrapped("%s", nav.covered() ? "A hidden twist" : step.title.c_str());
        note_title();
        ImGui::PopFont();
        ImGui::End();
        return out;
    }

    ImGui::BeginChild("text", {0, 0}, false);
    drag_to_scroll();
    float changes_y = -1;   // where "What changed" starts, in the text's own coordinates
    if (nav.covered()) {
        title_rect_ = {};
        // Says what is hidden without saying what it is.
        const int skipped = nav.skipped(), first = nav.first_skipped();
        ImGui::PushFont(fonts.title);
        if (skipped == 1 && first == k) ImGui::TextWrapped("This link opens a twist");
        else ImGui::TextWrapped("This link skips %d twist%s", skipped, skipped == 1 ? "" : "s");
        ImGui::PopFont();
        if (skipped == 1 && first == k)
            ImGui::TextWrapped("It jumps to step %d of %d, where the story reveals something you haven't seen yet. "
                               "The map shows what you would know just before it.", k + 1, count);
        else
            ImGui::TextWrapped("It jumps to step %d of %d. On the way it passes %d twist%s you haven't seen yet, the "
                               "first at step %d. The map shows what you would know just before that.",
                               k + 1, count, skipped, skipped == 1 ? "" : "s", first + 1);
        ImGui::Spacing();
        const float full = ImGui::GetContentRegionAvail().x;
        if (focus_ring::button("Show everything", {full, 0})) out.uncover = true;
        if (first > 0) {
            const std::string from_twist = "Step through from the first twist (step " + std::to_string(first + 1) + ")";
            if (first != k && focus_ring::button(from_twist.c_str(), {full, 0})) out.go = first;
        }
        if (focus_ring::button("Start from the beginning", {full, 0})) out.go = 0;
    } else {
        dim_text(s.sections[static_cast<std::size_t>(step.section)].title);
        ImGui::PushFont(fonts.title);
        ImGui::TextWrapped("%s", step.title.c_str());
        note_title();
        ImGui::PopFont();
        if (step.reveal) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kReveal));
            ImGui::TextUnformatted("\xE2\x97\x86 Reveal");
            ImGui::PopStyleColor();
            if (!shown.reveals_new.empty() && focus_ring::button("Replay the reveal", {}, true)) out.replay = true;
        }
        ImGui::Spacing();
        ImGui::TextWrapped("%s", step.narration.c_str());
        if (!step.cite.empty()) {
            const std::string key = "step:" + step.id;
            if (focus_ring::button(open_source_ == key ? "Hide source" : "Source", {}, true))
                open_source_ = open_source_ == key ? std::string() : key;
            focus_ring::mark_disclosure(open_source_ == key);
            source_toggle(key, s, step.cite);
        }
        ImGui::Spacing();
        if (!changes.empty()) changes_y = ImGui::GetCursorPosY();
        changes_list(changes, out);
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (nav.selected() >= 0) card(s, shown, nav.selected(), out);
    else dim_text("Tap or click anything on the map to see what is known about it so far. Drag to pan, "
                  "scroll or pinch to zoom. Keys: \xE2\x86\x90 \xE2\x86\x92, Space, Home, End.");
    ImGui::Spacing();
    if (focus_ring::button(glossary_open_ ? "Hide glossary" : "Glossary", {}, true)) glossary_open_ = !glossary_open_;
    focus_ring::mark_disclosure(glossary_open_);
    ImGui::SameLine();
    if (focus_ring::button(about_open_ ? "Hide about" : "About this explainer", {}, true)) about_open_ = !about_open_;
    focus_ring::mark_disclosure(about_open_);
    if (focus_ring::button("Save image", {}, true)) out.save_image = true;
    ImGui::SameLine();
    if (focus_ring::button("Transcript", {}, true)) out.transcript = true;
    if (glossary_open_) glossary(s, nav.shown_step(), out);
    if (about_open_) about(s);
    more_below_cue(changes_y);
    ImGui::EndChild();
    ImGui::End();
    return out;
}

// ImGui scrolls a window by the wheel or its scrollbar only; on a phone the
// reader drags the text itself. A drag that begins on the text (not on the
// scrollbar) scrolls it, and is then no press of the button it began on.
void Panel::drag_to_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const float scrollbar_x = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - ImGui::GetStyle().ScrollbarSize;
        dragging_text_ = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && io.MousePos.x < scrollbar_x;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging_text_ = false;
    if (!dragging_text_ || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragPx)) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    ImGui::ClearActiveID();
}

void Panel::more_below_cue(float changes_y) {
    more_label_.clear();
    const float scroll = ImGui::GetScrollY(), max = ImGui::GetScrollMaxY(), view_h = ImGui::GetWindowHeight();
    if (max <= 1 || scroll >= max - 1) return;
    // "What changed" while it is still out of sight below; then plainly "More below".
    const bool changes_below = changes_y >= 0 && changes_y > scroll + view_h - ImGui::GetTextLineHeightWithSpacing() * 2;
    more_label_ = changes_below ? "What changed \xE2\x86\x93" : "More below \xE2\x86\x93";
    const ImVec2 win = ImGui::GetWindowPos(), win_size = ImGui::GetWindowSize();
    const float fade_h = ImGui::GetTextLineHeight() * 2.2f, bottom = win.y + win_size.y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 panel_bg = ImGui::GetColorU32(ImGuiCol_WindowBg, 1.0f);
    const ImU32 clear = theme::with_alpha(panel_bg, 0), solid = theme::with_alpha(panel_bg, 0.95f);
    dl->AddRectFilledMultiColor({win.x, bottom - fade_h}, {win.x + win_size.x, bottom}, clear, clear, solid, solid);
    // The cue sits over the fade, at the foot of what is in view; it is
    // drawn inside the scrolled text, so it is placed at the view's foot.
    const ImVec2 size = ImGui::CalcTextSize(more_label_.c_str());
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float x = (win_size.x - size.x - pad.x * 2) / 2;
    const float y = scroll + view_h - size.y - pad.y * 2 - 4;
    const ImVec2 keep = ImGui::GetCursorPos();
    ImGui::SetCursorPos({x, y});
    if (focus_ring::button(more_label_.c_str(), {}, true))   // the text moves at the next frame
        ImGui::SetScrollY(changes_below ? changes_y - ImGui::GetStyle().ItemSpacing.y : std::min(max, scroll + view_h * 0.8f));
    ImGui::SetCursorPos(keep);
}

// Titles only where they spoil nothing: up to the furthest step seen, or
// before the first twist not seen yet.
std::string step_name(const story::Story& s, const navigator::Navigator& nav, int i) {
    const auto& step = s.steps[static_cast<std::size_t>(i)];
    std::string name = std::to_string(i + 1) + ". ";
    if (nav.may_name(i)) name += step.title + (step.reveal ? "  (twist)" : "");
    else name += step.reveal ? "A twist you haven't seen yet" : "After a twist you haven't seen yet";
    return name;
}

void Panel::timeline(const story::Story& s, const navigator::Navigator& nav, Actions& out) {
    const int count = static_cast<int>(s.steps.size());
    const float w = ImGui::GetContentRegionAvail().x, h = 26;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("timeline", {w, h});
    timeline_min_ = p;
    timeline_max_ = {p.x + w, p.y + h};
    // The timeline's twin is the step list: each step by number, and by
    // name where naming it spoils nothing (step_name). Its focus names a step
    // (drawn as a ring on it, with its tooltip) and its press goes there.
    const bool chosen = focus_ring::last_item("Steps");
    {
        std::vector<std::string> names;
        names.reserve(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) names.push_back(step_name(s, nav, i));
        focus_ring::mark_steps(std::move(names), nav.step());
    }
    if (chosen && focus_ring::part() >= 0 && focus_ring::part() < count) out.go = focus_ring::part();
    const int cursor = focus_ring::focused_part_of("Steps");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto x_of = [&](int i) { return p.x + 8 + (w - 16) * (count > 1 ? static_cast<float>(i) / (count - 1) : 0.5f); };
    const float y = p.y + h / 2;
    dl->AddLine({x_of(0), y}, {x_of(count - 1), y}, IM_COL32(90, 96, 116, 255), 3);
    dl->AddLine({x_of(0), y}, {x_of(nav.step()), y}, theme::kind_color(story::Kind::Character), 3);
    for (int i = 0; i < count; ++i) {
        const float x = x_of(i);
        if (s.steps[static_cast<std::size_t>(i)].reveal) {
            const float d = 6;
            const ImVec2 q[4] = {{x, y - d}, {x + d, y}, {x, y + d}, {x - d, y}};
            dl->AddConvexPolyFilled(q, 4, i <= nav.step() ? theme::kReveal : theme::with_alpha(theme::kReveal, 0.45f));
        } else {
            dl->AddCircleFilled({x, y}, 3, i <= nav.step() ? theme::kText : IM_COL32(120, 126, 146, 255));
        }
    }
    dl->AddCircle({x_of(nav.step()), y}, 8, theme::kHighlight, 20, 2.5f);
    if (cursor >= 0 && cursor < count) {   // the step the keyboard is on, named as hovering names it
        dl->AddCircle({x_of(cursor), y}, 11, theme::kHighlight, 20, 2.0f);
        hint_ = step_name(s, nav, cursor);
        ImGui::SetNextWindowPos({x_of(cursor), p.y + h + 4}, 0, {0.5f, 0});
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(hint_.c_str());
        ImGui::EndTooltip();
    } else if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
        const float mx = ImGui::GetIO().MousePos.x;
        const int i = std::clamp(static_cast<int>((mx - p.x - 8) / std::max(w - 16, 1.0f) * (count - 1) + 0.5f), 0, count - 1);
        if (ImGui::IsItemActive() && i != nav.step()) out.go = i;
        hint_ = step_name(s, nav, i);
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(hint_.c_str());
        ImGui::EndTooltip();
    }
}

void Panel::card(const story::Story& s, const step_state::State& shown, int entity, Actions& out) {
    const auto c = step_state::card(s, shown, entity);
    if (c.entity < 0) return;
    const auto kind = s.entities[static_cast<std::size_t>(c.entity)].kind;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kind_color(kind)));
    ImGui::TextUnformatted(theme::kind_title(kind));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - 24);
    if (focus_ring::button("x", {}, true)) out.select = -1;
    focus_ring::mark_name(("Close the card on " + c.name).c_str());
    for (const auto& aka : c.also_known_as) dim_text("Known before as " + aka);
    const std::string base = "card:" + std::to_string(c.entity) + ":";
    if (line((base + "desc").c_str(), c.desc, theme::kText, false))
        open_source_ = open_source_ == base + "desc" ? std::string() : base + "desc";
    source_toggle(base + "desc", s, c.desc_cite);
    for (const auto& r : c.revealed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kReveal));
        ImGui::TextWrapped("\xE2\x97\x86 %s", r.c_str());
        ImGui::PopStyleColor();
    }
    // A line of the card: tap or click it for its source.
    auto card_line = [&](const std::string& key, const step_state::Line& l, const char* mark) {
        std::string text = std::string(mark) + l.text + (l.apparent ? " (seems)" : "");
        const ImU32 color = l.overturned_now ? theme::kOverturned : l.overturned ? theme::kTextDim : theme::kText;
        if (line(("##" + key).c_str(), text, color, l.overturned))
            open_source_ = open_source_ == key ? std::string() : key;
        if (!l.replaced_by.empty()) {
            ImGui::Indent(14);
            line(nullptr, "Instead: " + l.replaced_by, theme::kText, false);
            ImGui::Unindent(14);
        }
        source_toggle(key, s, l.cite);
    };
    for (std::size_t i = 0; i < c.facts.size(); ++i) card_line(base + "f" + std::to_string(i), c.facts[i], "\xE2\x80\xA2 ");
    if (!c.links.empty()) {
        dim_text("Connections so far");
        for (std::size_t i = 0; i < c.links.size(); ++i) card_line(base + "l" + std::to_string(i), c.links[i], "\xE2\x86\x92 ");
    }
}

void Panel::glossary(const story::Story& s, int shown_step, Actions& out) {
    int hidden = 0;
    for (std::size_t i = 0; i < s.glossary.size(); ++i) {
        const auto& g = s.glossary[i];
        if (g.step > shown_step) { ++hidden; continue; }
        ImGui::PushID(static_cast<int>(i));
        if (g.entity >= 0) {
            if (focus_ring::button(g.term.c_str(), {}, true)) out.select = g.entity;
        } else {
            ImGui::TextUnformatted(g.term.c_str());
        }
        ImGui::PopID();
        ImGui::TextWrapped("%s", g.definition.c_str());
    }
    if (hidden > 0) dim_text(std::to_string(hidden) + " more terms unlock as the story goes on.");
}

}  // namespace explainer::ui::panel
