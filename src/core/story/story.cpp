#include "core/story/story.h"

#include <string>

namespace explainer::story {

bool parse_kind(std::string_view text, Kind& out) {
    for (const auto& k : kKinds) {
        if (text == k.name) {
            out = k.kind;
            return true;
        }
    }
    return false;
}

std::string kind_names() {
    std::string out;
    for (int i = 0; i < kKindCount; ++i) {
        if (i > 0) out += i + 1 == kKindCount ? " or " : ", ";
        out += kKinds[i].name;
    }
    return out;
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

std::string sentence(const Story& s, const Relationship& rel, int from_node, int to_node) {
    const auto& type = s.relation_types[static_cast<std::size_t>(rel.type)];
    const auto& from = s.entities[static_cast<std::size_t>(from_node)];
    const std::string& one = type.phrase.empty() ? type.label : type.phrase;
    const std::string& words = from.plural && !type.plural_phrase.empty() ? type.plural_phrase : one;
    return from.name + " " + words + " " + s.entities[static_cast<std::size_t>(to_node)].name;
}

std::string cite_text(const Story& s, const Cite& c) {
    if (c.part < 0 || c.part >= static_cast<int>(s.source.parts.size())) return {};
    std::string out = s.source.parts[static_cast<std::size_t>(c.part)].title;
    if (c.first == c.last) return out + ", paragraph " + std::to_string(c.first);
    return out + ", paragraphs " + std::to_string(c.first) + "\xE2\x80\x93" + std::to_string(c.last);
}

}  // namespace explainer::story
