// deep_link.h — the URL fragment codec for links to a step and an entity.
//
//   #/<step-id>               opens that step
//   #/<step-id>/<entity-id>   also selects that entity
//
// parse() and format() are pure string ↔ struct functions that know nothing of
// any story; resolve() maps a raw fragment onto a story with a defined
// fallback and a short notice for the reader. Any input string is accepted: junk, broken
// percent-encoding or megabytes of text never throw and never loop.
#pragma once

#include "contract.h"   // generated from src/contract/contract.json

#include <string>
#include <string_view>

#include "core/story/story.h"

namespace explainer::deep_link {

constexpr std::size_t kMaxFragment = contract::kFragmentBytes;   // longer fragments are refused unread

struct Link {
    enum class Status { Empty, Ok, Malformed, TooLong };
    Status status = Status::Empty;
    std::string step;     // decoded, not yet checked against a story
    std::string entity;   // empty when absent
};

Link parse(std::string_view fragment);
// Text from a link as a notice quotes it: printable ASCII only (anything else
// becomes '?'), at most 40 characters then "...", in quotes. A hostile link
// can neither spoof text (quotes, direction controls) nor flood the page.
std::string shown(std::string_view text);            // with or without the leading '#'
std::string format(std::string_view step_id, std::string_view entity_id = {});

struct Target {
    int step = 0;            // always a valid step index
    int entity = -1;         // the entity the link names (not yet which node shows it), or -1
    std::string canonical;   // the link in its one spelling (ids, not aliases; "" for an empty link)
    std::string notice;      // empty, or one sentence saying what was not found
};

// Parses a raw fragment once and maps it onto a story: an unknown or
// malformed step → the first step; a known step with an unknown entity →
// the step, nothing named. Old ids (aliases) resolve to what they became.
// Whether the entity may be selected at that step is the navigator's call
// (navigator.h holds the spoiler rule). The story must have a step.
Target resolve(const story::Story& story, std::string_view fragment);

}  // namespace explainer::deep_link
