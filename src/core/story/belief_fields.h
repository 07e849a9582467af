// belief_fields.h — the loader's reading and checking of what the story says
// about its own claims: the source it follows (title, link, parts), where each
// step, card fact and relationship comes from ("cite": "middle:4"), and beliefs
// that end ("until": the step that overturns them, "replacedBy": the fact that
// takes a fact's place) or are only apparent ("apparent": true).
// Internal to the loader, like field_reader.h.
#pragma once

#include <string>
#include <vector>

#include "core/story/field_reader.h"
#include "core/story/story.h"

namespace explainer::loader::beliefs {

// "source": a title, or {title, url?, parts?: [{id, title}]}. Fills parts,
// the index cites resolve against.
void read_source(FieldReader& r, const Json& root, story::Source& out, IdIndex& parts);

// "cite": "part:N" or "part:N-M", optional.
void read_cite(FieldReader& r, const Json& item, const std::string& path, const IdIndex& parts,
               story::Cite& out);

// "apparent", "until", "settled" (the step that confirms what was only
// apparent) and "cite", all optional.
void read_belief(FieldReader& r, const Json& item, const std::string& path, const IdIndex& steps,
                 const IdIndex& parts, story::Belief& out);

// Fact "id"s and "replacedBy" links, read after every entity's facts are.
void read_replacements(FieldReader& r, const Json& entities, story::Story& s);

// Whole-story rules: an end comes after its start, a replacement is known by
// the time it replaces, replacements never go round in a loop, and a step
// "summary" belongs to a reveal step.
void check(const story::Story& s, FieldReader& r);

// Advice: things cited by nothing (when the story has source parts to cite),
// and reveal steps with no one-line summary.
void advise(const story::Story& s, std::vector<Problem>& out);

}  // namespace explainer::loader::beliefs
