// navigator.h — where the reader is in the walkthrough, and how they got
// there: the current step, the selected entity, whether a spoiler cover is
// up, and which steps they have already seen.
//
// The cover rule: a reveal step reached *directly from a link* (opened or
// pasted) that the reader has not seen yet is covered until they choose to
// uncover it. Stepping there, scrubbing there, or coming back to a step
// already seen never covers. While covered, the map shows the step before.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "story.h"

namespace explainer::navigator {

class Navigator {
public:
    explicit Navigator(const story::Story& story);

    // The reader's own moves; each returns true if the step changed.
    bool go(int step);
    bool next() { return go(step_ + 1); }
    bool prev() { return go(step_ - 1); }
    void select(int entity);          // -1 clears; entities not on the map are ignored
    void uncover();

    // A fragment from the address bar (first load, a paste, or Back/Forward).
    // from_history: Back/Forward, where the reader has been before.
    void open_link(std::string_view fragment, bool from_history = false);

    int step() const { return step_; }
    int selected() const { return selected_; }
    bool covered() const { return covered_; }
    // The step whose knowledge the map shows: the one before while covered, or -1 for none.
    int shown_step() const { return covered_ ? step_ - 1 : step_; }
    const std::string& notice() const { return notice_; }
    void clear_notice() { notice_.clear(); }
    std::string fragment() const;     // the deep link to what is on screen now

private:
    void arrive(int step);
    const story::Story& story_;
    int step_ = 0;
    int selected_ = -1;
    int pending_select_ = -1;   // named by a covered link; selected once uncovered
    bool covered_ = false;
    std::string notice_;
    std::vector<bool> seen_;
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
