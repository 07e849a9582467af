#include "semantics.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

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
long whole(float v) { return std::lround(v); }
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
    auto list = nlohmann::json::array();
    for (const auto& item : items) {
        nlohmann::json j = {{"name", item.label},
                            {"area", ui::focus_ring::area_name(item.area)},
                            {"role", role_name(item.role)},
                            {"x", whole(item.x)}, {"y", whole(item.y)}, {"w", whole(item.w)}, {"h", whole(item.h)},
                            {"disabled", item.disabled}};
        if (item.role == ui::focus_ring::Role::Disclosure) j["expanded"] = item.expanded;
        if (item.role == ui::focus_ring::Role::Choice || item.role == ui::focus_ring::Role::Steps) {
            j["choices"] = item.choices;
            j["chosen"] = item.chosen;
        }
        list.push_back(std::move(j));
    }
    return nlohmann::json{{"items", std::move(list)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace semantics
