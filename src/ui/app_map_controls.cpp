// app_map_controls.cpp — the App's controls over the map (see app.h): See
// the whole map and Frame the step, the search field's place, the filter
// (by kind, or members of a group the reader knows), the legend; and what
// the query or the filter lights on the map.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app.h"
#include "core/reading/search.h"
#include "focus_ring.h"
#include "host.h"
#include "theme.h"

namespace explainer::ui::app {

void App::set_query(std::string_view query) {
    query_ = search::clip_query(query);   // whole characters only: state() writes it as JSON
    if (!query_.empty()) filter_ = {};   // one way of lighting at a time
    update_lit();
}

void App::choose_filter(Filter filter) {
    filter_ = filter;
    if (filter_.by != Filter::By::None && !query_.empty()) {
        query_.clear();
        host::clear_search();
    }
    update_lit();
}

bool App::set_filter(std::string_view spec) {
    if (spec.empty()) {
        choose_filter({});
        return true;
    }
    if (spec.substr(0, 5) == "kind:") {
        story::Kind kind;
        if (!story::parse_kind(spec.substr(5), kind)) return false;
        choose_filter({Filter::By::Kind, static_cast<int>(kind)});
        return true;
    }
    if (spec.substr(0, 8) == "members:") {
        // Only a group the reader already knows has members: no filter may tell of a later twist.
        const int g = step_state::node_of(shown_state(), story_.find_entity(spec.substr(8)));
        const auto groups = search::groups(story_, shown_state());
        if (std::find(groups.begin(), groups.end(), g) == groups.end()) return false;
        choose_filter({Filter::By::Members, g});
        return true;
    }
    return false;
}

void App::update_lit() {
    found_.clear();
    std::vector<unsigned char> lit;
    const auto& st = shown_state();
    if (!query_.empty() && shown_ >= 0) {
        found_ = search::find(story_, st, query_);
        lit.assign(story_.entities.size(), 0);
        for (int n : found_) lit[static_cast<std::size_t>(n)] = 1;
    } else if (filter_.by == Filter::By::Members) {
        const auto members = search::members_of(story_, st, filter_.what);
        lit.assign(members.begin(), members.end());
        if (std::count(lit.begin(), lit.end(), 1) == 0) filter_ = {}, lit.clear();   // the group is not on this map
    } else if (filter_.by == Filter::By::Kind) {
        lit.assign(story_.entities.size(), 0);
        for (int n : st.nodes)
            lit[static_cast<std::size_t>(n)] = static_cast<int>(story_.entities[static_cast<std::size_t>(n)].kind) == filter_.what;
    }
    map_.set_lit(std::move(lit));
}

// Camera controls over the map's top-left corner, where the map is. On a
// phone they fold into one small "Map tools" button in the corner, so they
// cover no node; the compact legend stays at the map's foot instead.
void App::map_controls(ImVec2 map_min, ImVec2 map_max, double now, bool compact) {
    focus_ring::set_area(focus_ring::Area::Map);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoFocusOnAppearing;
    if (compact) compact_legend(map_min, map_max);
    else map_.reserve_bottom(0);
    if (compact && !tools_open_) {
        ImGui::SetNextWindowPos({map_max.x - 6, map_min.y + 6}, 0, {1, 0});
        ImGui::SetNextWindowBgAlpha(0.0f);   // the button alone: no panel round it to cover the map
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {2, 2});
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
        ImGui::Begin("Map controls", nullptr, kFlags);
        ImGui::PopStyleVar(2);
        if (focus_ring::button("Map tools")) tools_open_ = true;
        focus_ring::mark_disclosure(false);
        if (search_rect_.z != 0) {
            search_rect_ = {0, 0, 0, 0};
            host::place_search(0, 0, 0, 0);
        }
        legend_rect_ = {0, 0, 0, 0};
        legend_button_ = {0, 0, 0, 0};
        map_.reserve_top(ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - map_min.y, ImGui::GetWindowPos().x);
        ImGui::End();
        return;
    }
    ImGui::SetNextWindowPos({map_min.x + 8, map_min.y + 8});
    ImGui::SetNextWindowBgAlpha(compact ? 0.92f : 0.75f);
    ImGui::Begin("Map controls", nullptr, kFlags);
    if (focus_ring::button("See the whole map", {}, true)) map_.show_everything(now);
    ImGui::SameLine();
    if (focus_ring::button("Frame the step", {}, true)) map_.reset_camera(now);
    if (compact) {   // a phone's width holds two of these to a row
        ImGui::SameLine();
        if (focus_ring::button("Close", {}, true)) tools_open_ = false;
    } else {
        ImGui::SameLine();
    }
    if (focus_ring::button(map_.step_only() ? "Everything" : "This step only", {}, true))
        map_.set_step_only(!map_.step_only(), now, !host::prefers_reduced_motion());

    // The search field is the page's own <input> (a phone's keyboard and a
    // screen reader need a real one); ImGui keeps its place in the strip.
    const float field_w = compact ? 118 : 168, field_h = ImGui::GetFrameHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy({field_w, field_h});
    const ImVec4 rect{at.x, at.y, field_w, field_h};
    if (rect.x != search_rect_.x || rect.y != search_rect_.y || rect.z != search_rect_.z || rect.w != search_rect_.w) {
        search_rect_ = rect;
        host::place_search(rect.x, rect.y, rect.z, rect.w);
    }
    ImGui::SameLine();
    // Filters: by kind, or members of a group the reader knows has members.
    std::string current = "Filter: none";
    if (filter_.by == Filter::By::Members) current = "Members of " + story_.entities[static_cast<std::size_t>(filter_.what)].name;
    else if (filter_.by == Filter::By::Kind) current = std::string(theme::kind_plural(static_cast<story::Kind>(filter_.what))) + " only";
    ImGui::SetNextItemWidth(std::min(compact ? 150.0f : 220.0f, ImGui::CalcTextSize(current.c_str()).x + 40));
    // The choices: none, each kind on the map, members of each group with members on it.
    std::vector<std::pair<Filter, std::string>> choices{{Filter{}, "No filter"}};
    bool kinds[story::kKindCount] = {};
    for (int n : shown_state().nodes) kinds[static_cast<int>(story_.entities[static_cast<std::size_t>(n)].kind)] = true;
    for (int k = 0; k < story::kKindCount; ++k)
        if (kinds[k]) choices.emplace_back(Filter{Filter::By::Kind, k}, std::string(theme::kind_plural(static_cast<story::Kind>(k))) + " only");
    for (int g : search::groups(story_, shown_state()))
        choices.emplace_back(Filter{Filter::By::Members, g}, "Members of " + story_.entities[static_cast<std::size_t>(g)].name);
    if (ImGui::BeginCombo("##filter", current.c_str())) {
        const Filter* chosen = nullptr;
        for (const auto& [value, label] : choices)
            if (ImGui::Selectable(label.c_str(), filter_ == value)) chosen = &value;
        ImGui::EndCombo();
        if (chosen) choose_filter(*chosen);
    } else {
        std::size_t now_at = 0;
        while (now_at < choices.size() && choices[now_at].first != filter_) ++now_at;
        // From the keyboard, Enter or Space: the next choice; from its twin (a <select>), the one chosen.
        const bool pressed = focus_ring::last_item("Filter");
        std::vector<std::string> names;
        for (const auto& c : choices) names.push_back(c.second);
        focus_ring::mark_choices(std::move(names), static_cast<int>(now_at));
        const int part = focus_ring::part();
        if (pressed)
            choose_filter(choices[part >= 0 && part < static_cast<int>(choices.size()) ? static_cast<std::size_t>(part)
                                                                                        : (now_at + 1) % choices.size()]
                              .first);
    }
    ImGui::SameLine();
    if (legend_open_ < 0) legend_open_ = compact ? 0 : 1;
    if (focus_ring::button(legend_open_ ? "Hide legend" : "Legend", {}, true)) legend_open_ = !legend_open_;
    focus_ring::mark_disclosure(legend_open_ == 1);
    {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        legend_button_ = {a.x, a.y, b.x - a.x, b.y - a.y};
    }
    if (!query_.empty()) {
        ImGui::TextDisabled("%s", found_.empty() ? "Nothing on the map by that name yet"
                                                 : (std::to_string(found_.size()) + " found").c_str());
    }
    legend_rect_ = {0, 0, 0, 0};
    if (legend_open_ == 1) {
        ImGui::BeginGroup();
        legend(map_max.x - map_min.x - 32, compact);
        ImGui::EndGroup();
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        legend_rect_ = {a.x, a.y, b.x - a.x, b.y - a.y};
    }
    map_.reserve_top(ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - map_min.y);
    ImGui::End();
}

// The legend, as rows of the map's controls (so it never covers the map):
// what shapes, colours and lines mean, and the switch for beliefs that were
// overturned earlier. Items flow onto as many rows as the map is wide.
void App::legend(float max_w, bool compact) {
    if (legend_open_ < 0) legend_open_ = compact ? 0 : 1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight(), gap = ImGui::GetStyle().ItemSpacing.x;
    const float left = ImGui::GetCursorScreenPos().x;
    bool first = true;
    // Puts the next item of width w on this row when it fits, else on the next.
    auto flow = [&](float w) {
        if (!first && ImGui::GetItemRectMax().x + gap * 2 + w <= left + max_w) ImGui::SameLine(0, gap * 2);
        first = false;
    };
    auto entry = [&](const char* text, auto&& draw_key) {
        const float w = h * 2.2f + gap + ImGui::CalcTextSize(text).x;
        flow(w);
        ImGui::BeginGroup();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw_key(p);
        ImGui::Dummy({h * 2.2f, h});
        ImGui::SameLine(0, gap);
        ImGui::TextUnformatted(text);
        ImGui::EndGroup();
    };
    bool used[story::kKindCount] = {};
    for (const auto& e : story_.entities) used[static_cast<int>(e.kind)] = true;
    for (int k = 0; k < story::kKindCount; ++k) {
        if (!used[k]) continue;
        const auto kind = static_cast<story::Kind>(k);
        entry(theme::kind_title(kind), [&](ImVec2 p) {
            theme::draw_shape(dl, kind, {p.x + h * 1.1f, p.y + h * 0.5f}, h * 0.38f, theme::kind_color(kind),
                              IM_COL32(255, 255, 255, 200));
        });
    }
    struct Sample { const char* text; ImU32 color; float dash; bool cross; };
    const Sample samples[] = {{"New at this step", theme::kEdgeNew, 0, false},
                              {"Known", theme::kEdge, 0, false},
                              {"Only seems so", theme::kTextSoft, 6, false},
                              {"No longer believed", theme::kOverturned, 0, true},
                              {"Was believed", theme::kTextDim, 3, false}};
    for (const auto& sm : samples) {
        entry(sm.text, [&](ImVec2 p) {
            const float y = p.y + h * 0.5f, w = h * 2.2f;
            for (float x = 0; x < w; x += sm.dash > 0 ? 2 * sm.dash : w)
                dl->AddLine({p.x + x, y}, {p.x + std::min(w, x + (sm.dash > 0 ? sm.dash : w)), y}, sm.color, 2.0f);
            if (sm.cross) {
                dl->AddLine({p.x + w / 2 - 4, y - 4}, {p.x + w / 2 + 4, y + 4}, sm.color, 2.0f);
                dl->AddLine({p.x + w / 2 - 4, y + 4}, {p.x + w / 2 + 4, y - 4}, sm.color, 2.0f);
            }
        });
    }
    entry("Revealed: its true colour", [&](ImVec2 p) {
        const ImVec2 c{p.x + h * 1.1f, p.y + h * 0.5f};
        theme::draw_shape(dl, story::Kind::Character, c, h * 0.32f, theme::kind_color(story::Kind::Species),
                          IM_COL32(255, 255, 255, 200));
        dl->AddCircle(c, h * 0.32f + 3, theme::kReveal, 24, 2.0f);
    });
    const bool showing = map_.show_was_believed();
    const char* toggle = showing ? "Hide what was believed" : "Show what was believed";
    flow(ImGui::CalcTextSize(toggle).x + 12);
    if (focus_ring::button(toggle, {}, true)) map_.set_show_was_believed(!showing);
}


// The phone's legend: one or two rows at the map's foot, always there, naming
// only what this step's map holds (its kinds, its new lines, a hedge, a
// reveal's ring), so a reader learns the shapes and colours as they appear.
void App::compact_legend(ImVec2 map_min, ImVec2 map_max) {
    const auto& st = shown_state();
    bool kinds[story::kKindCount] = {};
    for (int n : st.nodes) kinds[static_cast<int>(story_.entities[static_cast<std::size_t>(n)].kind)] = true;
    bool fresh = false, hedged = false, overturned = false, was = false;
    for (std::size_t i = 0; i < story_.relationships.size(); ++i) {
        if (!st.rel_known[i]) continue;
        fresh = fresh || st.rel_new[i];
        overturned = overturned || st.rel_over_new[i];
        was = was || (st.rel_over[i] && !st.rel_over_new[i] && map_.show_was_believed());
        hedged = hedged || (!st.rel_over[i] && story::apparent_at(story_.relationships[i], st.step));
    }
    const bool revealed = !st.reveals_done.empty();

    ImGui::SetNextWindowPos({map_min.x, map_max.y}, 0, {0, 1});
    ImGui::SetNextWindowSize({map_max.x - map_min.x, 0});
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("Compact legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::SetWindowFontScale(0.85f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight(), gap = ImGui::GetStyle().ItemSpacing.x;
    const float left = ImGui::GetCursorScreenPos().x, max_w = map_max.x - map_min.x - 16;
    bool first = true;
    auto entry = [&](const char* text, float key_w, auto&& draw_key) {
        const float w = key_w + 4 + ImGui::CalcTextSize(text).x;
        if (!first && ImGui::GetItemRectMax().x + gap * 2 + w <= left + max_w) ImGui::SameLine(0, gap * 2);
        first = false;
        ImGui::BeginGroup();
        draw_key(ImGui::GetCursorScreenPos());
        ImGui::Dummy({key_w, h});
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(text);
        ImGui::EndGroup();
    };
    for (int k = 0; k < story::kKindCount; ++k) {
        if (!kinds[k]) continue;
        const auto kind = static_cast<story::Kind>(k);
        entry(theme::kind_plural(kind), h, [&](ImVec2 p) {
            theme::draw_shape(dl, kind, {p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.36f, theme::kind_color(kind),
                              IM_COL32(255, 255, 255, 200));
        });
    }
    auto line_key = [&](ImU32 col, float dash) {
        return [&, col, dash](ImVec2 p) {
            const float y = p.y + h * 0.5f, w = h * 1.6f;
            for (float x = 0; x < w; x += dash > 0 ? 2 * dash : w)
                dl->AddLine({p.x + x, y}, {p.x + std::min(w, x + (dash > 0 ? dash : w)), y}, col, 2.0f);
        };
    };
    if (fresh) entry("New", h * 1.6f, line_key(theme::kEdgeNew, 0));
    if (hedged) entry("Only seems so", h * 1.6f, line_key(theme::kTextSoft, 5));
    if (overturned) entry("No longer believed", h * 1.6f, line_key(theme::kOverturned, 0));
    if (was) entry("Was believed", h * 1.6f, line_key(theme::kTextDim, 2));
    if (revealed)
        entry("Revealed", h, [&](ImVec2 p) { dl->AddCircle({p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.4f, theme::kReveal, 24, 2.0f); });
    map_.reserve_bottom(ImGui::GetWindowSize().y);
    ImGui::End();
}

}  // namespace explainer::ui::app
