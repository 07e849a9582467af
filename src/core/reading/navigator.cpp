#include "core/reading/navigator.h"

#include <algorithm>

#include "core/reading/deep_link.h"
#include "core/reading/step_state.h"

namespace explainer::navigator {

Navigator::Navigator(const story::Story& story, step_state::Cache& states) : story_(story), states_(&states) {}
Navigator::Navigator(const story::Story& story)
    : story_(story), own_states_(std::make_unique<step_state::Cache>(story)), states_(own_states_.get()) {}

void Navigator::arrive(int step) {
    pending_select_ = -1;   // arriving shows the step: nothing is left waiting for a cover to lift
    step_ = step;
    covered_ = false;
    first_skipped_ = -1;
    skipped_ = 0;
    furthest_ = std::max(furthest_, step);
    // A selection survives a step change only while its node is on the map.
    if (selected_ >= 0) selected_ = step_state::node_of(*states_->at(step), selected_);
}

bool Navigator::go(int step) {
    const int last = static_cast<int>(story_.steps.size()) - 1;
    step = std::max(0, std::min(step, last));
    if (covered_ && step == step_) {   // the covered step itself: the reader chose to see it
        uncover();
        return true;
    }
    const bool changed = step != step_ || covered_;
    arrive(step);
    return changed;
}

bool Navigator::next() {
    if (!covered_) return go(step_ + 1);
    uncover();
    return true;
}

bool Navigator::prev() { return covered_ ? go(std::max(shown_step(), 0)) : go(step_ - 1); }

int Navigator::unseen_twists(int step, int* first) const {
    int count = 0;
    if (first) *first = -1;
    for (int k = furthest_ + 1; k <= step && k < static_cast<int>(story_.steps.size()); ++k) {
        if (!story_.steps[static_cast<std::size_t>(k)].reveal) continue;
        if (first && *first < 0) *first = k;
        ++count;
    }
    return count;
}

bool Navigator::may_name(int step) const { return unseen_twists(step) == 0; }

void Navigator::select(int entity) {
    if (entity < 0) {
        selected_ = -1;
        pending_select_ = -1;
        return;
    }
    // Not on the map shown: ignored, and what a covered link waits to select still waits.
    const int node = step_state::node_of(*states_->at(shown_step() < 0 ? 0 : shown_step()), entity);
    if (node < 0 || (covered_ && shown_step() < 0)) return;
    selected_ = node;
    pending_select_ = -1;
}

void Navigator::uncover() {
    if (!covered_) return;
    const int pending = pending_select_;
    arrive(step_);
    if (pending >= 0) select(pending);
}

bool Navigator::open_link(std::string_view fragment, bool from_history) {
    const auto target = deep_link::resolve(story_, fragment);
    notice_ = target.notice;
    // The twists this link would jump over unseen (Back/Forward jumps over none).
    int first = -1;
    const int count = from_history ? 0 : unseen_twists(target.step, &first);
    selected_ = -1;
    pending_select_ = -1;
    if (count == 0) {
        arrive(target.step);
    } else {
        step_ = target.step;
        covered_ = true;
        first_skipped_ = first;
        skipped_ = count;
    }
    if (target.entity >= 0) {
        if (step_state::node_of(*states_->at(target.step), target.entity) < 0) {
            // Not met yet even at the linked step: naming them would be a spoiler.
            notice_ = "That link selects someone who has not appeared yet at this step; "
                      "showing the step without a selection.";
        } else {
            // Selected as known on the map being shown; under a cover they may
            // not exist yet (that would give the twist away), so it waits.
            select(target.entity);
            if (selected_ < 0) pending_select_ = target.entity;
        }
    }
    // An empty address stands for the first step as it is.
    return this->fragment() != fragment && !(fragment.empty() && step_ == 0);
}

std::string Navigator::fragment() const {
    const auto& step_id = story_.steps[static_cast<std::size_t>(step_)].id;
    const int entity = selected_ >= 0 ? selected_ : pending_select_;
    if (entity < 0) return deep_link::format(step_id);
    return deep_link::format(step_id, story_.entities[static_cast<std::size_t>(entity)].id);
}

HistoryPolicy::Write HistoryPolicy::decide(double now, bool want_push) {
    recent_.erase(std::remove_if(recent_.begin(), recent_.end(), [&](double t) { return now - t >= 30000.0; }),
                  recent_.end());
    if (static_cast<int>(recent_.size()) >= max_writes_) return Write::Defer;
    const Write w = want_push && now - last_write_ >= coalesce_ms_ ? Write::Push : Write::Replace;
    last_write_ = now;
    recent_.push_back(now);
    return w;
}

}  // namespace explainer::navigator
