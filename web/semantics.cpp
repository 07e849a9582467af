#include "semantics.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace semantics {

namespace {
const char* role_name(focus_ring::Role role) {
    switch (role) {
        case focus_ring::Role::Disclosure: return "disclosure";
        case focus_ring::Role::Choice: return "choice";
        case focus_ring::Role::Steps: return "steps";
        case focus_ring::Role::Button: break;
    }
    return "button";
}
// Whole pixels: a rectangle that moves by a fraction is the same twin, and
// the page is not told again.
long whole(float v) { return std::lround(v); }
}  // namespace

std::string describe(const std::vector<focus_ring::Item>& items) {
    auto list = nlohmann::json::array();
    for (const auto& item : items) {
        nlohmann::json j = {{"name", item.label},
                            {"area", item.area == focus_ring::Area::Map ? "map" : "panel"},
                            {"role", role_name(item.role)},
                            {"x", whole(item.x)}, {"y", whole(item.y)}, {"w", whole(item.w)}, {"h", whole(item.h)},
                            {"disabled", item.disabled}};
        if (item.role == focus_ring::Role::Disclosure) j["expanded"] = item.expanded;
        if (item.role == focus_ring::Role::Choice || item.role == focus_ring::Role::Steps) {
            j["choices"] = item.choices;
            j["chosen"] = item.chosen;
        }
        list.push_back(std::move(j));
    }
    return nlohmann::json{{"items", std::move(list)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace semantics
