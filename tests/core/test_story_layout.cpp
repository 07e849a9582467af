#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/story/loader.h"
#include "core/reading/step_state.h"
#include "core/layout/story_layout.h"
#include "fixture.h"

using namespace explainer;

namespace {
using fixture::real_story;
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

namespace {
// A cast too big for the one whole-story layout: a binary tree of n entities
// brought in over four steps (each step links its newcomers to the map).
story::Story tree_story(int n) {
    auto j = fixture::story();
    auto& entities = j["entities"];
    auto& rels = j["relationships"];
    for (int i = 0; i < n; ++i) {
        const std::string step = "s" + std::to_string(1 + i * 4 / n);
        entities.push_back({{"id", "t" + std::to_string(i)}, {"name", "Tree node " + std::to_string(i)},
                            {"kind", "character"}, {"desc", "Part of a tree."}});
        if (i > 0) rels.push_back({{"from", "t" + std::to_string(i)}, {"type", "leads"},
                                   {"to", "t" + std::to_string((i - 1) / 2)}, {"step", step}});
        else j["steps"][0]["focus"].push_back("t0");
    }
    auto r = fixture::load(j);
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    return r.story;
}
}  // namespace

TEST_CASE("a big cast is laid out lazily: opening a step lays out its prefix only, identical to stepping there") {
    const auto s = tree_story(400);
    REQUIRE(s.entities.size() > story_layout::kWholeStoryMax);
    const auto sizes = story_layout::estimate_sizes(s);
    const auto all = story_layout::compute(s, sizes);
    story_layout::Steps lazy(s, sizes);
    CHECK(lazy.done() == 0);                 // nothing before it is asked for
    CHECK(lazy.laid_out(1).empty());
    CHECK(lazy.at(2).size() == s.entities.size());   // a deep link to the third step
    CHECK(lazy.done() == 3);                 // its prefix, and no more
    CHECK(lazy.laid_out(3).empty());
    CHECK(lazy.advance());                   // ahead, one step
    CHECK(lazy.done() == 4);
    CHECK_FALSE(lazy.advance());             // all done
    for (int k = 0; k < lazy.count(); ++k)
        for (std::size_t e = 0; e < s.entities.size(); ++e) {
            INFO("step " << k << ", entity " << e);
            REQUIRE(lazy.laid_out(k)[e].x == all.positions[static_cast<std::size_t>(k)][e].x);
            REQUIRE(lazy.laid_out(k)[e].y == all.positions[static_cast<std::size_t>(k)][e].y);
        }
    // Each step's positions, asked for again in any order, are the same.
    const auto again = lazy.at(2);
    lazy.at(3);
    lazy.at(0);
    CHECK(lazy.at(2) == again);
}

TEST_CASE("the layout takes the states a reader is shown from the reader's cache, so each is built once") {
    const auto s = tree_story(400);
    const auto sizes = story_layout::estimate_sizes(s);
    const auto all = story_layout::compute(s, sizes);
    step_state::Cache states(s);
    story_layout::Steps lazy(s, sizes, {}, &states);
    lazy.at(2);                       // a deep link to the third step: steps 0 and 1 only for the layout
    CHECK(states.builds() == 1);
    states.at(2);                     // the reader's state of that step: already built
    CHECK(states.builds() == 1);
    lazy.advance();                   // the next step, laid out ahead of the reader
    states.at(3);
    CHECK(states.builds() == 2);
    // Taking states from the cache changes no position.
    for (int k = 0; k < lazy.count(); ++k) CHECK(lazy.at(k) == all.positions[static_cast<std::size_t>(k)]);

    const auto small = real_story();   // one layout, from the last step's state
    step_state::Cache small_states(small);
    story_layout::Steps whole(small, story_layout::estimate_sizes(small), {}, &small_states);
    whole.at(0);
    small_states.at(static_cast<int>(small.steps.size()) - 1);
    CHECK(small_states.builds() == 1);
}

TEST_CASE("a story-sized cast is one layout: the first request lays out every step") {
    const auto s = real_story();
    story_layout::Steps lazy(s, story_layout::estimate_sizes(s));
    lazy.at(0);
    CHECK(lazy.done() == lazy.count());
    CHECK(lazy.count() == static_cast<int>(s.steps.size()));
    CHECK(lazy.at(1000).size() == s.entities.size());   // out of range: clamped to the last step
}

TEST_CASE("a story-sized cast prepared in parts is laid out exactly as at() lays it out at once") {
    const auto s = real_story();
    const auto sizes = story_layout::estimate_sizes(s);
    story_layout::Steps at_once(s, sizes), in_parts(s, sizes);
    int parts = 0;
    while (in_parts.prepare()) {
        ++parts;
        CHECK(in_parts.done() == 0);   // nothing laid out until the last part
    }
    CHECK(parts >= 5);                 // relax, separate, untangle's passes, separate, clear lines, …
    CHECK(in_parts.done() == in_parts.count());
    CHECK_FALSE(in_parts.prepare());   // done: nothing more
    for (int k = 0; k < in_parts.count(); ++k) CHECK(in_parts.at(k) == at_once.at(k));

    // Stopped part-way, at() finishes the same layout.
    story_layout::Steps half(s, sizes);
    for (int i = 0; i < 3; ++i) half.prepare();
    CHECK(half.at(4) == at_once.at(4));

    // A big cast is laid out step by step: its first step is prepared, which
    // every link needs, and no more.
    const auto big = tree_story(400);
    const auto big_sizes = story_layout::estimate_sizes(big);
    story_layout::Steps steps(big, big_sizes), fresh(big, big_sizes);
    CHECK_FALSE(steps.prepare());
    CHECK(steps.done() == 1);
    CHECK(steps.laid_out(0) == fresh.at(0));
    CHECK_FALSE(steps.prepare());
    CHECK(steps.done() == 1);
    CHECK(steps.at(3) == fresh.at(3));
}

// The layout's share: no node centre within 18 units of a straight line it
// is not an end of (a node is 13 across, so none lies on one). A node boxed
// in by a triangle of its own links (the Asimov Laws, between Neans, Rouge
// and the Nine) cannot get the full 40 without crossing one; the map's
// curves (edge_route, checked in the browser) bend round what is left.
TEST_CASE("the real story's map keeps its lines off the nodes they do not join, at every step") {
    const auto s = real_story();
    const auto sizes = story_layout::estimate_sizes(s);
    const auto frames = story_layout::compute(s, sizes);
    int worst = 0, total_crossings = 0;
    for (std::size_t k = 0; k < s.steps.size(); ++k) {
        const auto st = step_state::at(s, static_cast<int>(k));
        const auto g = story_layout::graph_at(s, st, sizes);
        std::vector<layout::Vec2> pos;
        for (int e : st.nodes) pos.push_back(frames.positions[k][e]);
        const int hits = layout::line_intrusions(g, pos, 18.0f);
        INFO("step " << s.steps[k].id);
        CHECK(hits == 0);
        worst = std::max(worst, hits);
        total_crossings += layout::measure(g, pos).crossings;
    }
    MESSAGE("node-line intrusions within 18 units, worst step: " << worst << "; crossings summed over the steps: " << total_crossings);
}
