// what_changed.h — the "What changed" list of one step: the twist it reveals,
// what stops being believed there, and the entities, relationships and facts
// it adds. Built from a step_state::State, so it says nothing a later step
// teaches. Each item names the node that selecting it selects.
#pragma once

#include <string>
#include <vector>

#include "core/reading/step_state.h"
#include "core/story/story.h"

namespace explainer::what_changed {

// Confirmed: what was only hedged ("seems") and the step now says outright.
enum class Kind { Reveal, NoLongerTrue, Confirmed, NewEntity, NewRelationship, NewFact };
const char* kind_name(Kind kind);   // "reveal", "no-longer-true", "confirmed", "entity", "relationship", "fact"

struct Item {
    Kind kind = Kind::NewEntity;
    std::string text;           // "The Immortal Nine plot to overthrow Humans"
    int node = -1;              // what selecting the item selects on the map
    bool apparent = false;      // the source only says it seems so
    story::Cite cite;
};

// In reading order: reveals, then what is no longer true, then new entities,
// relationships and facts, each in story order.
std::vector<Item> at(const story::Story& story, const step_state::State& state);

}  // namespace explainer::what_changed
