// Scaling tests of the step-by-step layout: degenerate shapes the loader
// accepts (tools/shapes/story_shapes.h), each too big for the one
// whole-story layout, over several steps. At every step: no two boxes
// overlap, and the mean link is within 3× of the ideal — the ideal edge
// length, or where the graph cannot have it (a hub's leaves need room), the
// mean link of a layout from scratch of the same graph.
#include <doctest/doctest.h>

#include <string>

#include "core/story/loader.h"
#include "core/reading/step_state.h"
#include "core/layout/story_layout.h"
#include "fixture.h"
#include "story_shapes.h"

using namespace explainer;
using story_shapes::Shape;

namespace {

constexpr float kPadding = 18.0f;   // the gap story_layout keeps between boxes

story::Story shape_story(Shape shape, int n, int steps) {
    auto r = fixture::load(story_shapes::story(story_shapes::cast(shape, n, steps), steps));
    REQUIRE_MESSAGE(r.ok(), fixture::problems(r));
    REQUIRE(r.story.entities.size() > story_layout::kWholeStoryMax);   // the step-by-step path
    return r.story;
}

void check_every_step(Shape shape, int n, int steps) {
    const auto s = shape_story(shape, n, steps);
    const auto sizes = story_layout::estimate_sizes(s);
    const layout::Options options;
    story_layout::Steps layouts(s, sizes, options);
    for (int k = 0; k < steps; ++k) {
        const auto st = step_state::at(s, k);
        const auto q = story_layout::quality_at(s, st, sizes, layouts.at(k));
        const float ideal = story_shapes::scratch_mean_link(story_layout::graph_at(s, st, sizes), options, kPadding);
        INFO(story_shapes::name_of(shape) << " of " << n << ", step " << k + 1 << ": " << st.nodes.size()
                                          << " nodes, mean link " << q.mean_edge_length << ", ideal " << ideal);
        CHECK(q.overlapping_pairs == 0);
        CHECK(q.mean_edge_length <= 3.0f * ideal);
    }
}

}  // namespace

TEST_CASE("a hub: many newcomers around one node fill rings around it, none overlapping") {
    check_every_step(Shape::Hub, 400, 6);
}

TEST_CASE("a chain grows along itself, its links near the ideal length") {
    check_every_step(Shape::Chain, 400, 6);
    // Not just within 3× of a layout from scratch: near the ideal itself.
    const auto s = shape_story(Shape::Chain, 400, 6);
    const auto sizes = story_layout::estimate_sizes(s);
    story_layout::Steps layouts(s, sizes);
    const auto q = story_layout::quality_at(s, step_state::at(s, 5), sizes, layouts.at(5));
    CHECK(q.mean_edge_length <= 3.0f * layout::Options{}.edge_length);
}

TEST_CASE("a star of stars") { check_every_step(Shape::StarOfStars, 400, 6); }

TEST_CASE("a complete graph") { check_every_step(Shape::Complete, 160, 4); }

TEST_CASE("isolated nodes") { check_every_step(Shape::Isolated, 400, 8); }

TEST_CASE("on a big map a later step moves nothing the reader has seen") {
    const auto s = shape_story(Shape::StarOfStars, 2000, 5);
    const auto sizes = story_layout::estimate_sizes(s);
    story_layout::Steps layouts(s, sizes);
    for (int k = 1; k < 5; ++k) {
        const auto before = layouts.at(k - 1);   // a copy: at(k) reuses the frame
        const auto& now = layouts.at(k);
        const auto st = step_state::at(s, k - 1);
        REQUIRE(st.nodes.size() > story_layout::kFreezeAbove);
        int moved = 0;
        for (int e : st.nodes) moved += now[e].x != before[e].x || now[e].y != before[e].y;
        CHECK(moved == 0);
    }
}

TEST_CASE("a story past the loader's limits is refused, naming the limit") {
    auto j = story_shapes::story(story_shapes::cast(Shape::Isolated, 1, 1), static_cast<int>(loader::kMaxSteps) + 1);
    const auto r = fixture::load(j);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].text() == "steps: has " + std::to_string(loader::kMaxSteps + 1) + " items; at most " +
                                      std::to_string(loader::kMaxSteps) + " are allowed");
    auto many = story_shapes::story(story_shapes::cast(Shape::Chain, static_cast<int>(loader::kMaxEntities) + 1, 2), 2);
    const auto r2 = fixture::load(many);
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.problems[0].text() == "entities: has " + std::to_string(loader::kMaxEntities + 1) + " items; at most " +
                                       std::to_string(loader::kMaxEntities) + " are allowed");
}
