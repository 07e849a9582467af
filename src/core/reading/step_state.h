// step_state.h — what the viewer knows at step k of the walkthrough.
//
// Knowledge is cumulative: everything learned at steps 0..k. Identity reveals
// are applied by mapping each entity to the node that now stands for it
// (the Puppet Master's node becomes Roy Yunghart's), so the map draws one node
// per person. Cards are built from the same cut-off, so nothing from a later
// step can leak into them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/story/story.h"

namespace explainer::step_state {

struct State {
    int step = 0;
    std::vector<std::uint8_t> entity_known, entity_new;   // per entity
    std::vector<std::uint8_t> rel_known, rel_new;         // per relationship
    // Per relationship: overturned by step k or before (known, but no longer
    // believed: "was believed"), and overturned at exactly step k.
    std::vector<std::uint8_t> rel_over, rel_over_new;
    std::vector<int> shown_as;       // per entity: the entity whose node stands for it, -1 if unknown
    std::vector<int> revealed_as;    // per entity: species/group from a nature reveal, or -1
    std::vector<int> reveals_done;   // reveal indexes with step <= k, in story order
    std::vector<int> reveals_new;    // those with step == k
    std::vector<int> nodes;          // entities drawn on the map: known and shown as themselves
    // Per node n (as index ranges [start[n], start[n+1])): the entities it
    // stands for, itself included, in story order; the known relationships
    // with one end on it, in story order. What card() reads.
    std::vector<int> stands_for_start, stands_for;
    std::vector<int> links_start, links;
};

// k is clamped to the story's steps.
State at(const story::Story& story, int k);

// The states of the last few steps asked for, shared by everyone who needs
// one (the navigator, the link it opens, the map and the panel), so that a
// step's state is built once however many of them ask. A state handed out
// stays valid for as long as its holder keeps it.
class Cache {
public:
    // keep: how many states are kept (the last ones asked for).
    explicit Cache(const story::Story& story, std::size_t keep = 4) : story_(&story), keep_(keep < 1 ? 1 : keep) {}
    std::shared_ptr<const State> at(int k);
    int builds() const { return builds_; }   // how many states were built (tests)

private:
    const story::Story* story_;
    std::size_t keep_;   // 4 serves the page: shown, the one before (replay), a link's target
    std::vector<std::shared_ptr<const State>> recent_;   // most recently asked for last
    int builds_ = 0;
};

// The node that stands for entity e at this state (identity reveals applied),
// or -1 when e is not known yet.
int node_of(const State& state, int entity);

// One line of a card: a fact, or a relationship as a sentence.
struct Line {
    std::string text;
    story::Cite cite;
    bool apparent = false;          // the source only says it seems so
    bool overturned = false;        // no longer believed at this state
    bool overturned_now = false;    // ... since this very step
    std::string replaced_by;        // facts: what took its place, once overturned
    int other = -1;                 // relationships: the node at the other end
    int relationship = -1;          // relationships: its index in the story
};

struct Card {
    int entity = -1;                       // the node's entity
    std::string name, kind, desc;
    story::Cite desc_cite;
    std::vector<std::string> also_known_as;   // names it was known by before a reveal
    std::vector<std::string> revealed;        // reveal summaries about it, so far
    // Learned so far, oldest first. A fact that replaced an overturned one is
    // not listed again: it is that line's replaced_by.
    std::vector<Line> facts;
    std::vector<Line> links;                  // known so far: "Naomi Orthmann looks after Rouge Redstar"
};

// The card of the node that stands for entity e; empty (entity == -1) when
// e is not known at this state.
Card card(const story::Story& story, const State& state, int entity);

}  // namespace explainer::step_state
