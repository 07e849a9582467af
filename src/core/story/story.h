// story.h — the in-memory model of one story: entities, typed and directed
// relationships, identity reveals and the ordered walkthrough steps.
//
// Plain data only. Every cross-reference is an index into a vector of the
// same Story; the loader (loader.h) resolves and checks them, so code that
// receives a Story from a successful load may index without bounds worries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "contract.h"   // generated from src/contract/contract.json

namespace explainer::story {

// The kinds of entity, in one table: what a story file calls each, what the
// UI calls it, and how the map draws it (plain data: the UI turns the colour
// and shape into pixels).
enum class Kind { Character, Group, Species, Program, Place, Term };
enum class Shape { Circle, Hexagon, Diamond, RoundedSquare, Triangle, Ring };
struct KindInfo {
    Kind kind;
    const char* name;     // in story files: "character", …
    const char* title;    // "Character", …
    const char* plural;   // "Characters", …, "Species"
    unsigned rgb;         // 0xRRGGBB
    Shape shape;
};
constexpr KindInfo kKinds[] = {
    {Kind::Character, "character", "Character", "Characters", 0xEC686E, Shape::Circle},
    {Kind::Group, "group", "Group", "Groups", 0xF2B45A, Shape::Hexagon},
    {Kind::Species, "species", "Species", "Species", 0x5FB3F0, Shape::Diamond},
    {Kind::Program, "program", "Program", "Programs", 0xA080F5, Shape::RoundedSquare},
    {Kind::Place, "place", "Place", "Places", 0x58C79A, Shape::Triangle},
    {Kind::Term, "term", "Term", "Terms", 0xB8BCC8, Shape::Ring},
};
constexpr int kKindCount = static_cast<int>(sizeof kKinds / sizeof kKinds[0]);
constexpr bool kinds_in_order() {
    for (int i = 0; i < kKindCount; ++i)
        if (static_cast<int>(kKinds[i].kind) != i) return false;
    return true;
}
static_assert(kinds_in_order(), "kKinds lists the kinds in the order of enum Kind");
inline const KindInfo& kind_info(Kind kind) { return kKinds[static_cast<int>(kind)]; }
inline const char* kind_name(Kind kind) { return kind_info(kind).name; }
bool parse_kind(std::string_view text, Kind& out);
std::string kind_names();   // "character, group, …, place or term", for messages

// identity: the subject turns out to be the target (one node becomes another).
// nature:   the subject turns out to be a member of the target (a species or
//           group), e.g. a character who is secretly an alien.
enum class RevealType { Identity, Nature };
bool parse_reveal_type(std::string_view text, RevealType& out);

// Where a fact comes from: paragraphs first..last of one part of the source
// ("middle:4" or "ending:2-3"). part is -1 when the fact names no source.
struct Cite {
    int part = -1;
    int first = 0, last = 0;
    bool empty() const { return part < 0; }
};

// A belief may end: from step `until` on it is no longer believed (that step
// overturns it). `apparent` marks what the source only hedges ("seems to").
// An apparent belief may be settled: from step `settled` on the source says
// it outright, and it is no longer hedged.
struct Belief {
    bool apparent = false;
    int until = -1;                // the overturning step, or -1: never overturned
    int settled = -1;              // the step that confirms an apparent belief, or -1
    Cite cite;
};
// Only hedged ("seems") at step k: apparent, and not settled by then.
inline bool apparent_at(const Belief& b, int k) { return b.apparent && (b.settled < 0 || k < b.settled); }

struct Fact : Belief {
    std::string id;                // optional: lets another fact name it in replacedBy
    int step = 0;                  // learned at this step
    std::string text;
    int replaced_by_entity = -1, replaced_by_fact = -1;   // what replaced it, when overturned
};

struct Entity {
    std::string id;                // stable slug, used in deep links
    std::vector<std::string> aliases;   // ids it had before: old links still find it
    std::string name;
    Kind kind = Kind::Character;
    std::string desc;              // what is known when it first appears
    std::vector<Fact> facts;       // what is learned about it later
    bool plural = false;           // its name is plural ("Neans"): sentences say "are"
    Cite cite;                     // where desc comes from
    int first_step = 0;            // derived: first step that mentions it
};

struct RelationType {
    std::string id;
    std::string label;             // on the map, between the two names: "Jean directs Rouge"
    std::string phrase;            // in a sentence; defaults to label ("is free of" for "free of")
    std::string plural_phrase;     // for a plural subject; defaults to phrase ("are free of")
    bool membership = false;       // `from` belongs to `to` (filters by group use it)
};

struct Relationship : Belief {
    int from = 0, to = 0, type = 0;
    int step = 0;                  // the step at which the viewer learns it
    std::string note;
};

struct Reveal {
    std::string id;
    int step = 0;
    int subject = 0, target = 0;
    RevealType type = RevealType::Identity;
    std::string summary;
    std::string badge;             // optional, nature reveals: the short tag the node wears afterwards ("Usurper")
};

struct Section {
    std::string id, title;
};

struct Step {
    std::string id;                // stable slug: changing it breaks shared links
    std::vector<std::string> aliases;   // ids it had before: old links still open it
    std::string title, narration;
    int section = 0;
    bool reveal = false;
    std::string summary;           // reveal steps with no reveals entry: the twist in one line
    std::vector<int> focus;        // entities the camera frames
    Cite cite;
};

struct GlossaryEntry {
    std::string term, definition;
    int step = 0;                  // first step at which it is spoiler-free
    int entity = -1;               // optional link to the map
};

// The article the story follows: its title, its link where known, and its
// parts (sections), which cites name.
struct Source {
    std::string title, url;
    std::vector<Section> parts;
};

struct Story {
    std::string id, title, show;
    Source source;
    std::vector<Section> sections;
    std::vector<RelationType> relation_types;
    std::vector<Entity> entities;
    std::vector<Step> steps;
    std::vector<Relationship> relationships;
    std::vector<Reveal> reveals;
    std::vector<GlossaryEntry> glossary;

    // By id or by an old id (alias); -1 when absent.
    int find_entity(std::string_view entity_id) const;
    int find_step(std::string_view step_id) const;
};

// "Jean directs Rouge", "The Immortal Nine are free of Asimov Laws": the
// relationship as a sentence, with the verb agreeing with its subject.
std::string sentence(const Story& story, const Relationship& rel, int from_node, int to_node);
// "The Middle: Code Eve and the War Against Aliens, paragraph 4" (or "paragraphs 7-8"); "" for none.
std::string cite_text(const Story& story, const Cite& cite);

// True for the ids deep links can carry: [a-z0-9]+ joined by single '-', at
// most kMaxSlugLength chars (64; the page's link codec reads the same limit).
bool is_slug(std::string_view text);
constexpr std::size_t kMaxSlugLength = contract::kIdBytes;

}  // namespace explainer::story
