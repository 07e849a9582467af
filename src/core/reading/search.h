// search.h — finding and filtering what is on the map at one step: search by
// name (and by the names a node was known by), and membership of a group or
// species for filters. Everything is read from a step_state::State, so a name
// or a membership the reader has not learned yet never matches: before the
// Puppet Master is unmasked, "Roy" finds nothing.
#pragma once

#include "contract.h"   // generated from src/contract/contract.json

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/reading/step_state.h"
#include "core/story/story.h"

namespace explainer::search {

// What a search may hold: at most kMaxQueryChars characters (code points),
// as the page's field allows (its maxlength counts UTF-16 units, never fewer
// than characters). clip_query keeps that much of any input, cut between
// characters, and puts U+FFFD for each byte that is not valid UTF-8 (a lone
// surrogate from a script, say), so what it returns is always valid UTF-8.
constexpr std::size_t kMaxQueryChars = contract::kQueryChars;
std::string clip_query(std::string_view query);

// Nodes on the map whose name, or a name merged into them by a reveal the
// reader has seen, contains every word of query, compared as a reader would
// (case, spacing and how a character is encoded do not count; see
// unicode_fold::reader_key). In story order; empty for a blank query.
std::vector<int> find(const story::Story& story, const step_state::State& state, std::string_view query);

// Per entity, 1 for the nodes that belong to `group` at this state: the group
// itself, nodes with a known, still-believed membership relationship to it
// ("is one of", "leads"), and nodes a seen nature reveal put in it.
std::vector<std::uint8_t> members_of(const story::Story& story, const step_state::State& state, int group);

// The groups and species on the map that have at least one member but
// themselves, in story order: the choices a group filter offers.
std::vector<int> groups(const story::Story& story, const step_state::State& state);

}  // namespace explainer::search
