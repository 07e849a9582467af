#include "story.h"

namespace explainer::story {

namespace {
constexpr const char* kKindNames[kKindCount] = {"character", "group", "species",
                                                "program", "place", "term"};
}

const char* kind_name(Kind kind) { return kKindNames[static_cast<int>(kind)]; }

bool parse_kind(std::string_view text, Kind& out) {
    for (int i = 0; i < kKindCount; ++i) {
        if (text == kKindNames[i]) {
            out = static_cast<Kind>(i);
            return true;
        }
    }
    return false;
}

const char* reveal_type_name(RevealType type) {
    return type == RevealType::Identity ? "identity" : "nature";
}

bool parse_reveal_type(std::string_view text, RevealType& out) {
    if (text == "identity") out = RevealType::Identity;
    else if (text == "nature") out = RevealType::Nature;
    else return false;
    return true;
}

// Linear scans: stories hold at most a few thousand ids and lookups happen on
// user actions, not per frame. The loader builds hash maps for its own checks.
namespace {
template <class Items>
int find_by_id(const Items& items, std::string_view id) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    for (std::size_t i = 0; i < items.size(); ++i)
        for (const auto& alias : items[i].aliases)
            if (alias == id) return static_cast<int>(i);
    return -1;
}
}  // namespace

int Story::find_entity(std::string_view entity_id) const { return find_by_id(entities, entity_id); }
int Story::find_step(std::string_view step_id) const { return find_by_id(steps, step_id); }

bool is_slug(std::string_view text) {
    if (text.empty() || text.size() > kMaxSlugLength) return false;
    bool prev_dash = true;  // forbids a leading dash
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c == '-') {
            if (prev_dash) return false;
            prev_dash = true;
        } else if (alnum) {
            prev_dash = false;
        } else {
            return false;
        }
    }
    return !prev_dash;  // forbids a trailing dash
}

}  // namespace explainer::story
