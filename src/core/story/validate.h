// validate.h — rules that need the whole story at once: section order,
// self-links and duplicate relationships, reveal consistency and loops, and
// whether each entity appears before anything is said about it. Also derives
// Entity::first_step. Ids and aliases must not collide. Internal to the loader; unresolved references are -1
// (already reported) and are skipped here.
#pragma once

#include "core/story/field_reader.h"
#include "core/story/story.h"

namespace explainer::loader {

void validate(story::Story& story, FieldReader& r);

// Advice for a story that validated: reveal steps whose id names the entity
// the reveal is about (a link to it would give the twist away) or that have no
// summary, and, for a story with source parts, anything that cites none.
std::vector<Problem> advise(const story::Story& story);

}  // namespace explainer::loader
