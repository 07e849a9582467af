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
int Story::find_entity(std::string_view entity_id) const {
    for (std::size_t i = 0; i < entities.size(); ++i)
        if (entities[i].id == entity_id) return static_cast<int>(i);
    return -1;
}

int Story::find_step(std::string_view step_id) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == step_id) return static_cast<int>(i);
    return -1;
}

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
