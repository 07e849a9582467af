// deep_link.h — the URL fragment codec for links to a step and an entity.
//
//   #/<step-id>               opens that step
//   #/<step-id>/<entity-id>   also selects that entity
//
// parse() and format() are pure string ↔ struct functions that know nothing of
// any story; resolve() maps a parsed link onto a story with a defined fallback
// and a short notice for the reader. Any input string is accepted: junk, broken
// percent-encoding or megabytes of text never throw and never loop.
#pragma once

#include <string>
#include <string_view>

#include "story.h"

namespace explainer::deep_link {

constexpr std::size_t kMaxFragment = 512;   // longer fragments are refused unread

struct Link {
    enum class Status { Empty, Ok, Malformed, TooLong };
    Status status = Status::Empty;
    std::string step;     // decoded, not yet checked against a story
    std::string entity;   // empty when absent
};

Link parse(std::string_view fragment);            // with or without the leading '#'
std::string format(std::string_view step_id, std::string_view entity_id = {});

struct Target {
    int step = 0;          // always a valid step index
    int entity = -1;       // -1: select nothing
    std::string notice;    // empty, or one sentence saying what was not found
};

// Unknown step → the first step. Known step but unknown entity, or an entity
// the reader has not met yet at that step (a spoiler) → the step, nothing
// selected. An entity merged by an identity reveal selects the node that
// stands for it. The story must have at least one step.
Target resolve(const story::Story& story, const Link& link);

}  // namespace explainer::deep_link
