#include "semantics.h"

#include <algorithm>
#include <cmath>

#include "core/text/json_writer.h"

namespace ui = explainer::ui;

namespace semantics {

namespace {
const char* role_name(ui::focus_ring::Role role) {
    switch (role) {
        case ui::focus_ring::Role::Disclosure: return "disclosure";
        case ui::focus_ring::Role::Choice: return "choice";
        case ui::focus_ring::Role::Steps: return "steps";
        case ui::focus_ring::Role::Button: break;
    }
    return "button";
}
// Whole pixels: a rectangle that moves by a fraction is the same twin, and
// the page is not told again.
int whole(float v) { return static_cast<int>(std::lround(v)); }
bool same_item(const ui::focus_ring::Item& a, const ui::focus_ring::Item& b) {
    return a.label == b.label && a.area == b.area && a.role == b.role && a.disabled == b.disabled &&
           a.expanded == b.expanded && a.chosen == b.chosen && whole(a.x) == whole(b.x) && whole(a.y) == whole(b.y) &&
           whole(a.w) == whole(b.w) && whole(a.h) == whole(b.h) && a.choices == b.choices;
}
}  // namespace

bool same(const std::vector<ui::focus_ring::Item>& a, const std::vector<ui::focus_ring::Item>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same_item);
}

std::string describe(const std::vector<ui::focus_ring::Item>& items) {
    explainer::json_writer::Writer w;
    w.object().key("items").array();
    for (const auto& item : items) {
        w.object().field("name", item.label).field("area", ui::focus_ring::area_name(item.area))
            .field("role", role_name(item.role))
            .field("x", whole(item.x)).field("y", whole(item.y)).field("w", whole(item.w)).field("h", whole(item.h))
            .field("disabled", item.disabled);
        if (item.role == ui::focus_ring::Role::Disclosure) w.field("expanded", item.expanded);
        if (item.role == ui::focus_ring::Role::Choice || item.role == ui::focus_ring::Role::Steps) {
            w.key("choices").array();
            for (const auto& c : item.choices) w.value(c);
            w.end().field("chosen", item.chosen);
        }
        w.end();
    }
    w.end().end();
    return w.text();
}

}  // namespace semantics
