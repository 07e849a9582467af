// text_version.h — the story as text, for readers who do not see the map: a
// screen reader, a browser without WebGL2, a link preview, a saved
// transcript. Everything here is built from step_state at a cut-off step, so
// like the map it says nothing a later step teaches; what a *preview* may say
// follows the navigator's cover rule (navigator.h), so a shared link never
// names a twist its reader has not seen.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/reading/step_state.h"
#include "core/story/story.h"

namespace explainer::text_version {

// What a tab title or a link preview says about step k.
struct Preview {
    std::string title;         // "Step 3 of 25: Rouge" (at most kPreviewTitleMax characters)
    std::string description;   // the narration, shortened; or what the cover says
    bool hidden = false;       // a cold link to step k is covered: the text names no twist
    int skipped = 0;           // how many twists such a link skips
    int first_skipped = -1;    // the first of them
};
// For a reader who opens step k straight from a link and has seen nothing.
// Its title is the step's heading alone (og:site_name names the story), cut
// to fit a link card.
Preview preview(const story::Story& story, int k);
constexpr std::size_t kPreviewTitleMax = 70;   // characters: what link cards show uncut

// What step k is called: "Step 3 of 25: Rouge". Under a cover of `hidden`
// twists it names none, and says only what is true of the step: "Step 9 of
// 25: a twist (hidden)", "Step 12 of 25, past 2 twists (hidden)", "Step 13 of
// 25: a twist, past 1 more (hidden)". kSomeHidden: covered, count unknown.
constexpr int kSomeHidden = -1;
std::string heading(const story::Story& story, int k, int hidden);
// The tab title of a reader at step k: its heading · the story's title.
std::string tab_title(const story::Story& story, int k, int hidden);

// One entity on the map at a step, with its card as lines of text.
struct EntityText {
    std::string id, name, kind;
    std::string desc;
    std::vector<std::string> also_known_as;   // names it had before a reveal
    std::vector<std::string> revealed;        // reveal summaries about it
    std::vector<std::string> facts;           // "(no longer believed) …; instead: …"
    std::vector<std::string> links;           // "Naomi Orthmann looks after Rouge Redstar"
    std::vector<int> link_of;                 // the story's index of each link's relationship
};

// Everything the reader knows at step k (uncovered), as text. Entities come
// in the order they were met (then story order), relationships in the order
// they were learned, so a step's lists extend the step before's unless a
// reveal or an overturned belief rewrites them.
struct Page {
    int step = 0;
    std::string id, section, title, narration;
    std::string source;                        // "“Article”, The Middle…, paragraph 4", or ""
    std::vector<std::string> reveals;          // the twist of a reveal step, in a line each
    std::vector<std::pair<std::string, std::string>> changes;   // (what_changed kind name, text)
    std::vector<EntityText> entities;          // every node on the map (empty: with_entities false)
    std::vector<std::string> relationships;    // "Jean Junior — directs → Rouge Redstar"
    std::vector<int> relationship_of;          // the story's index of each line's relationship
    std::vector<std::pair<std::string, std::string>> glossary;   // (term, definition) so far
};
Page page(const story::Story& story, int k, bool with_entities = true);
// The same from a state already made (step_state::at(story, k)).
Page page(const story::Story& story, const step_state::State& state, bool with_entities = true);

// The nodes on the map in the order the text lists them: by the step they
// were met, then story order.
std::vector<int> map_order(const story::Story& story, const step_state::State& state);

// The card of one node at a state, as text.
EntityText entity(const story::Story& story, const step_state::State& state, int node);
// The nodes whose card may read differently from the step before: new ones,
// those a new or overturned fact or relationship touches; every node on a
// reveal step (names change). In map order.
std::vector<int> touched(const story::Story& story, const step_state::State& state);

// Step k as a Markdown section: title, narration, reveal, what changed, source.
std::string markdown(const story::Story& story, int k);
std::string markdown(const story::Story& story, const Page& page);   // from a page already made
// A heading saying what the transcript is and where its facts come from.
std::string transcript_header(const story::Story& story, int last);
// The heading and steps 0..last: never anything past `last`.
std::string transcript(const story::Story& story, int last);

}  // namespace explainer::text_version
