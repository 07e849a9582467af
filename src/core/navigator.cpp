#include "navigator.h"

#include <algorithm>

#include "deep_link.h"
#include "step_state.h"

namespace explainer::navigator {

Navigator::Navigator(const story::Story& story) : story_(story), seen_(story.steps.size(), false) {
    if (!seen_.empty()) seen_[0] = true;
}

void Navigator::arrive(int step) {
    if (step != step_) pending_select_ = -1;
    step_ = step;
    covered_ = false;
    seen_[static_cast<std::size_t>(step)] = true;
    // A selection survives a step change only while its node is on the map.
    if (selected_ >= 0) selected_ = step_state::node_of(step_state::at(story_, step_), selected_);
}

bool Navigator::go(int step) {
    const int last = static_cast<int>(story_.steps.size()) - 1;
    step = std::max(0, std::min(step, last));
    const bool changed = step != step_ || covered_;
    arrive(step);
    return changed;
}

void Navigator::select(int entity) {
    pending_select_ = -1;
    if (entity < 0) {
        selected_ = -1;
        return;
    }
    const int node = step_state::node_of(step_state::at(story_, shown_step() < 0 ? 0 : shown_step()), entity);
    if (node >= 0 && !(covered_ && shown_step() < 0)) selected_ = node;
}

void Navigator::uncover() {
    if (!covered_) return;
    arrive(step_);
    if (pending_select_ >= 0) select(pending_select_);
    pending_select_ = -1;
}

void Navigator::open_link(std::string_view fragment, bool from_history) {
    const auto target = deep_link::resolve(story_, deep_link::parse(fragment));
    notice_ = target.notice;
    const auto k = static_cast<std::size_t>(target.step);
    const bool cover = story_.steps[k].reveal && !seen_[k] && !from_history;
    selected_ = -1;
    pending_select_ = -1;
    arrive(target.step);
    if (cover) {
        covered_ = true;
        seen_[k] = false;
    }
    if (target.entity < 0) return;
    // Select what the link names, as known on the map being shown; under a
    // cover that may not exist yet (it would give the twist away), so it waits.
    const int named = story_.find_entity(deep_link::parse(fragment).entity);
    select(named);
    if (selected_ < 0) pending_select_ = named;
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
