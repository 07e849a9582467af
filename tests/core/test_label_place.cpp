#include <doctest/doctest.h>

#include "core/layout/label_place.h"

using namespace explainer::label_place;

namespace {
const Box kArea{0, 0, 400, 300};

Label node_label(int id, Vec2 c, float w, int rank, bool keep = false) {
    Label l;
    l.id = id;
    l.w = w;
    l.h = 16;
    l.rank = rank;
    l.keep = keep;
    l.at = around_node(c, 10, w, 16);
    return l;
}

bool any_overlap(const std::vector<Placed>& p) {
    for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t j = i + 1; j < p.size(); ++j)
            if (overlaps(p[i].box, p[j].box)) return true;
    return false;
}
}  // namespace

TEST_CASE("labels that would collide take other positions instead of piling up") {
    // Two nodes side by side: both want the spot below; the second moves.
    const auto placed = place({node_label(1, {200, 150}, 80, 0), node_label(2, {230, 150}, 80, 1)}, kArea, {});
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].id == 1);
    CHECK(placed[0].candidate == 0);   // below, as preferred
    CHECK(placed[1].candidate != 0);
    CHECK_FALSE(any_overlap(placed));
    for (const auto& p : placed) CHECK(inside(p.box, kArea));
}

TEST_CASE("on a crowded spot the least important labels go; a kept label never does") {
    std::vector<Label> crowd;
    for (int i = 0; i < 30; ++i) crowd.push_back(node_label(i, {200.0f + (i % 5), 150.0f + (i % 3)}, 120, 10 + i));
    crowd.push_back(node_label(99, {202, 151}, 120, 50, /*keep=*/true));   // least important rank, but kept
    const auto placed = place(crowd, kArea, {});
    CHECK(placed.size() < crowd.size());
    CHECK(placed.front().id == 99);            // kept labels go first
    CHECK_FALSE(any_overlap(placed));
    bool has_first = false, has_last = false;
    for (const auto& p : placed) {
        has_first = has_first || p.id == 10 - 10;   // rank 10
        has_last = has_last || p.id == 29;          // rank 39
    }
    CHECK(has_first);
    CHECK_FALSE(has_last);
}

TEST_CASE("labels stay inside the area; a kept one at the edge is nudged in") {
    auto corner = node_label(1, {395, 295}, 90, 0, true);
    auto dropped = node_label(2, {-300, 100}, 90, 0);   // its node is far off the area
    const auto placed = place({corner, dropped}, kArea, {});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].id == 1);
    CHECK(inside(placed[0].box, kArea));
}

TEST_CASE("a label covers no other node's shape, but may touch its own") {
    Label l = node_label(1, {200, 150}, 60, 0);
    const Obstacle own{{190, 140, 210, 160}, 1};
    const Obstacle other_below{{170, 160, 230, 200}, 2};   // right where "below" would go
    const auto placed = place({l}, kArea, {own, other_below});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].candidate != 0);
    CHECK_FALSE(overlaps(placed[0].box, other_below.box));
}

TEST_CASE("last frame's position is tried first, so labels do not flicker") {
    Label l = node_label(1, {200, 150}, 60, 0);
    l.prefer = 3;   // left
    const auto placed = place({l}, kArea, {});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].candidate == 3);
    CHECK(placed[0].box.x1 < 200);
}

TEST_CASE("a label does not take a spot nearer another node than its own, while a better one is free") {
    Label l = node_label(1, {200, 150}, 60, 0);
    l.prefer = 3;   // left, where last frame had it
    const Obstacle own{{190, 140, 210, 160}, 1};
    const Obstacle neighbour{{105, 140, 125, 160}, 2};   // touching where "left" would go
    const auto placed = place({l}, kArea, {own, neighbour});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].candidate == 0);   // below its own node instead
    // With every other spot taken, a label that may go goes; a kept one takes the misleading spot.
    Label boxed = node_label(1, {200, 150}, 60, 0);
    boxed.at.resize(4);
    boxed.at.erase(boxed.at.begin(), boxed.at.begin() + 3);   // only "left" is offered
    CHECK(place({boxed}, kArea, {own, neighbour}).empty());
    boxed.keep = true;
    const auto only = place({boxed}, kArea, {own, neighbour});
    REQUIRE(only.size() == 1);
    CHECK(only[0].box.x1 < 190);
}

TEST_CASE("a name goes beside a line it is asked to avoid, and over it only when nothing else is near") {
    // A line runs straight down through the node: below and above would cover it.
    std::vector<Box> line;
    for (float y = 0; y <= 300; y += 6) line.push_back({198, y - 2, 202, y + 2});
    const auto placed = place({node_label(1, {200, 150}, 60, 0)}, kArea, {}, line);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].candidate != 0);   // not below, its usual spot
    for (const auto& b : line) CHECK_FALSE(overlaps(placed[0].box, b));
    // Boxed in by the line on every side it may take, it still shows, on the line.
    Label only_below = node_label(1, {200, 150}, 60, 0);
    only_below.at.resize(1);
    const auto on_line = place({only_below}, kArea, {}, line);
    REQUIRE(on_line.size() == 1);
    CHECK(on_line[0].candidate == 0);
}
