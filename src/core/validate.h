// validate.h — rules that need the whole story at once: section order,
// self-links and duplicate relationships, reveal consistency and loops, and
// whether each entity appears before anything is said about it. Also derives
// Entity::first_step. Internal to the loader; unresolved references are -1
// (already reported) and are skipped here.
#pragma once

#include "field_reader.h"
#include "story.h"

namespace explainer::loader {

void validate(story::Story& story, FieldReader& r);

}  // namespace explainer::loader
