// navigator.h — where the reader is in the walkthrough, and how they got
// there: the current step, the selected entity, whether a spoiler cover is
// up, and which steps they have already seen.
//
// The cover rule: a step reached *directly from a link* (opened or pasted)
// is covered when it is, or comes after, a reveal step the reader has not
// seen yet, until they choose to uncover it. Stepping there, scrubbing there,
// or coming back by Back/Forward never covers. While covered, the map shows
// the story as it stood just before the first twist the link skips, and the
// reader's next move (Next, the arrow key, Space) lifts the cover rather
// than stepping past it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/reading/step_state.h"
#include "core/story/story.h"

namespace explainer::navigator {

class Navigator {
public:
    // states: shared with whoever draws the steps, so each is built once.
    Navigator(const story::Story& story, step_state::Cache& states);
    explicit Navigator(const story::Story& story);   // with a cache of its own

    // The reader's own moves; each returns true if what is shown changed.
    bool go(int step);
    bool next();                      // under a cover: lifts it, never skips it
    bool prev();                      // under a cover: to the step the map shows
    void select(int entity);          // -1 clears; entities not on the map are ignored
    void uncover();                   // shows everything up to the linked step

    // A raw fragment from the address bar (first load, a paste, or
    // Back/Forward); from_history: Back/Forward, where the reader has been
    // before. Returns true when the address bar should be corrected to
    // fragment() (the link was bad, or spelled otherwise).
    bool open_link(std::string_view fragment, bool from_history = false);

    int step() const { return step_; }
    int selected() const { return selected_; }
    bool covered() const { return covered_; }
    // The step whose knowledge the map shows: while covered, the one before
    // the first skipped twist, or -1 for none.
    int shown_step() const { return covered_ ? first_skipped_ - 1 : step_; }
    // Under a cover: how many reveal steps the link skips, and the first one.
    int skipped() const { return covered_ ? skipped_ : 0; }
    int first_skipped() const { return covered_ ? first_skipped_ : -1; }
    // The furthest step the reader has seen uncovered.
    int furthest() const { return furthest_; }
    // Whether step k's title may be shown (timeline tooltips): the reader has
    // been there or beyond, or no twist they have not seen comes at or before it.
    bool may_name(int step) const;
    const std::string& notice() const { return notice_; }
    void clear_notice() { notice_.clear(); }
    std::string fragment() const;     // the deep link to what is on screen now

private:
    void arrive(int step);
    // Reveal steps after the furthest step seen, up to and including `step`:
    // how many, and the first (or -1).
    int unseen_twists(int step, int* first = nullptr) const;
    const story::Story& story_;
    std::unique_ptr<step_state::Cache> own_states_;   // when not given one
    step_state::Cache* states_;
    int step_ = 0;
    int selected_ = -1;
    int pending_select_ = -1;   // named by a covered link; selected once uncovered
    bool covered_ = false;
    int first_skipped_ = -1, skipped_ = 0;
    int furthest_ = 0;
    std::string notice_;
};

// When to push a history entry, replace the current one, or hold back.
// Rapid scrubbing collapses into one entry (a write within `coalesce_ms` of
// the last replaces it), and no more than `max_writes` happen in any 30 s
// window (Safari throws after 100 pushState/replaceState calls in 30 s).
class HistoryPolicy {
public:
    enum class Write { Push, Replace, Defer };
    explicit HistoryPolicy(double coalesce_ms = 700, int max_writes = 80) : coalesce_ms_(coalesce_ms), max_writes_(max_writes) {}
    // want_push: a step change (true) or a selection change (false).
    Write decide(double now_ms, bool want_push);

private:
    double coalesce_ms_;
    int max_writes_;
    double last_write_ = -1e18;
    std::vector<double> recent_;   // write times within the last 30 s
};

}  // namespace explainer::navigator
