#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/loader.h"
#include "core/step_state.h"
#include "core/story_layout.h"
#include "fixture.h"

using namespace explainer;

namespace {
story::Story real_story() {
    auto r = loader::load(fixture::read(STORY_FILE));
    REQUIRE(r.ok());
    return r.story;
}
float distance(layout::Vec2 a, layout::Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

TEST_CASE("every step of the real story: no overlapping nodes, and old nodes stay put") {
    const auto s = real_story();
    const auto sizes = story_layout::estimate_sizes(s);
    const auto frames = story_layout::compute(s, sizes);
    REQUIRE(frames.positions.size() == s.steps.size());
    float worst_move = 0;
    for (std::size_t k = 0; k < s.steps.size(); ++k) {
        const auto st = step_state::at(s, static_cast<int>(k));
        layout::Graph g;
        std::vector<layout::Vec2> pos;
        for (int e : st.nodes) {
            g.half_size.push_back(sizes[e]);
            pos.push_back(frames.positions[k][e]);
        }
        INFO("step " << s.steps[k].id);
        CHECK(layout::measure(g, pos).overlapping_pairs == 0);
        if (k == 0) continue;
        const auto prev = step_state::at(s, static_cast<int>(k) - 1);
        for (int e : prev.nodes) {
            if (st.shown_as[e] != e) continue;   // unmasked: becomes another node
            worst_move = std::max(worst_move, distance(frames.positions[k][e], frames.positions[k - 1][e]));
        }
    }
    MESSAGE("largest move of a node already on the map: " << worst_move);
    CHECK(worst_move < 150.0f);   // one ideal edge length
}

TEST_CASE("an unmasked node's successor starts where it stood") {
    const auto s = real_story();
    const auto frames = story_layout::compute(s, story_layout::estimate_sizes(s));
    const int k = s.find_step("puppet-master-is-roy");
    const auto before = frames.positions[k - 1][s.find_entity("puppet-master")];
    const auto after = frames.positions[k][s.find_entity("roy")];
    CHECK(distance(before, after) < 150.0f);
}

TEST_CASE("the layout is deterministic") {
    const auto s = real_story();
    const auto sizes = story_layout::estimate_sizes(s);
    const auto a = story_layout::compute(s, sizes);
    const auto b = story_layout::compute(s, sizes);
    for (std::size_t k = 0; k < a.positions.size(); ++k)
        for (std::size_t e = 0; e < a.positions[k].size(); ++e) {
            REQUIRE(a.positions[k][e].x == b.positions[k][e].x);
            REQUIRE(a.positions[k][e].y == b.positions[k][e].y);
        }
}
