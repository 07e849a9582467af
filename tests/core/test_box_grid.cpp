#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <set>

#include "core/layout/box_grid.h"

using explainer::box_grid::Box;
using explainer::box_grid::BoxGrid;

namespace {
bool overlaps(const Box& a, float x0, float y0, float x1, float y1) { return a.x0 <= x1 && x0 <= a.x1 && a.y0 <= y1 && y0 <= a.y1; }
}  // namespace

TEST_CASE("visit finds every box that overlaps the rectangle, wherever it is") {
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> at(-500, 1500), size(0, 80);
    std::vector<Box> boxes;
    for (int i = 0; i < 2000; ++i) {
        const float x = at(rng), y = at(rng);
        boxes.push_back(i % 3 ? Box{x, y, x + size(rng), y + size(rng)} : Box{x, y, x, y});   // a third are points
    }
    BoxGrid grid;
    grid.build(boxes, 16);
    for (int q = 0; q < 500; ++q) {
        const float x0 = at(rng) - 600, y0 = at(rng) - 600, x1 = x0 + size(rng) * 4, y1 = y0 + size(rng) * 4;
        std::set<int> seen;
        grid.visit(x0, y0, x1, y1, [&](int i) { seen.insert(i); });
        for (int i = 0; i < 2000; ++i)
            if (overlaps(boxes[static_cast<std::size_t>(i)], x0, y0, x1, y1)) REQUIRE(seen.count(i) == 1);
    }
}

TEST_CASE("a grid of nothing, or of boxes with a non-finite corner, visits nothing of them") {
    BoxGrid grid;
    int visits = 0;
    grid.visit(-1e9f, -1e9f, 1e9f, 1e9f, [&](int) { ++visits; });
    grid.build({}, 8);
    grid.visit(-1e9f, -1e9f, 1e9f, 1e9f, [&](int) { ++visits; });
    CHECK(visits == 0);
    grid.build({{0, 0, 10, 10}, {NAN, 0, 1, 1}, {0, 0, INFINITY, 1}, {5, 5, 5, 5}}, 8);
    std::set<int> seen;
    grid.visit(-1e9f, -1e9f, 1e9f, 1e9f, [&](int i) { seen.insert(i); });
    CHECK(seen == std::set<int>{0, 3});
    seen.clear();
    grid.visit(NAN, NAN, NAN, NAN, [&](int i) { seen.insert(i); });   // a non-finite query: no crash, no hang
    CHECK(seen.size() <= 2);
}
