// fuzz_navigator — random sequences of the reader's moves (go, next, prev,
// select, uncover, links cold and from history) and history writes against
// the real story, checking the navigator's rules after every move:
//   - the step is in range; without a cover the map shows the step itself;
//   - a cover stands only over a reveal step not yet seen, and the map shows
//     the story just before the first twist it skips;
//   - what is selected is on the map shown;
//   - the link names an entity only if it is selected, or waits under a cover;
//   - a selection a covered link waits to make survives moves that are
//     ignored (selecting what is not on the map) and is made by uncover();
//   - the history policy never writes more than its limit in 30 s.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/reading/deep_link.h"
#include "core/story/loader.h"
#include "core/reading/navigator.h"
#include "core/reading/step_state.h"
#include "fuzz_support.h"

using namespace explainer;

namespace {

// Every step's state, made once (the checks ask for them on every move).
const step_state::State& state_at(int k) {
    static const std::vector<step_state::State> states = [] {
        std::vector<step_state::State> out;
        for (int i = 0; i < static_cast<int>(real_story().steps.size()); ++i) out.push_back(step_state::at(real_story(), i));
        return out;
    }();
    return states[static_cast<std::size_t>(k)];
}

// The entity the link names, or -1.
int linked_entity(const story::Story& s, const navigator::Navigator& nav) {
    const auto link = deep_link::parse(nav.fragment());
    return link.entity.empty() ? -1 : s.find_entity(link.entity);
}

void check(const story::Story& s, const navigator::Navigator& nav) {
    const int n = static_cast<int>(s.steps.size());
    FUZZ_ASSERT(nav.step() >= 0 && nav.step() < n);
    if (nav.covered()) {
        const int first = nav.first_skipped();
        FUZZ_ASSERT(first >= 0 && first <= nav.step() && s.steps[static_cast<std::size_t>(first)].reveal);
        FUZZ_ASSERT(first > nav.furthest() && nav.skipped() >= 1);
        FUZZ_ASSERT(nav.shown_step() == first - 1);
    } else {
        FUZZ_ASSERT(nav.shown_step() == nav.step() && nav.furthest() >= nav.step());
    }
    if (nav.selected() >= 0) {
        FUZZ_ASSERT(nav.shown_step() >= 0);
        FUZZ_ASSERT(step_state::node_of(state_at(nav.shown_step()), nav.selected()) == nav.selected());
    }
    const int linked = linked_entity(s, nav);
    if (!nav.covered()) FUZZ_ASSERT(linked == nav.selected());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& s = real_story();
    const int steps = static_cast<int>(s.steps.size()), entities = static_cast<int>(s.entities.size());
    // Every step's state kept across runs: this target checks the navigator's
    // rules, and fuzz_loader the states themselves.
    static step_state::Cache states(s, s.steps.size());
    navigator::Navigator nav(s, states);
    navigator::HistoryPolicy history;
    std::deque<double> writes;
    double now = 0;
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        const std::uint8_t op = data[i] % 8, arg = data[i + 1];
        const int waiting = nav.covered() && nav.selected() < 0 ? linked_entity(s, nav) : -1;
        switch (op) {
            case 0: nav.go(arg % (steps + 2) - 1); break;
            case 1: nav.next(); break;
            case 2: nav.prev(); break;
            case 3: {
                const int e = arg % (entities + 1) - 1;
                const int shown = nav.shown_step();
                const bool on_map = e >= 0 && shown >= 0 && step_state::node_of(state_at(shown), e) >= 0 &&
                                    !(nav.covered() && shown < 0);
                const std::string before = nav.fragment();
                nav.select(e);
                if (e >= 0 && !on_map) FUZZ_ASSERT(nav.fragment() == before);   // ignored, whatever waited still waits
                break;
            }
            case 4:
                nav.uncover();
                if (waiting >= 0) FUZZ_ASSERT(nav.selected() == step_state::node_of(state_at(nav.step()), waiting));
                break;
            case 5:
            case 6: {
                const auto& step = s.steps[static_cast<std::size_t>(arg % steps)];
                const auto& entity = s.entities[static_cast<std::size_t>((arg * 7 + i) % entities)];
                nav.open_link(deep_link::format(step.id, arg & 1 ? entity.id : ""), op == 6);
                break;
            }
            case 7: {
                now += arg * 10.0;
                const auto w = history.decide(now, arg & 1);
                if (w != navigator::HistoryPolicy::Write::Defer) writes.push_back(now);
                while (!writes.empty() && now - writes.front() >= 30000.0) writes.pop_front();
                FUZZ_ASSERT(writes.size() <= 80);
                break;
            }
        }
        check(s, nav);
    }
    return 0;
}
