#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/layout/edge_route.h"
#include "core/layout/line_index.h"

using explainer::edge_route::distance_to;
using explainer::line_index::LineIndex;
using explainer::line_index::Vec2;

TEST_CASE("nearest finds the closest other line, and skips the one asked to") {
    const std::vector<std::vector<Vec2>> paths = {
        {{0, 0}, {100, 0}},              // 0: along y = 0
        {{0, 10}, {50, 10}, {100, 10}},  // 1: along y = 10
        {{500, 500}},                    // 2: one point, no segment
        {},                              // 3: empty
    };
    LineIndex index;
    index.build(paths, 8);
    CHECK(index.nearest({50, 4}, 100) == doctest::Approx(4));
    CHECK(index.nearest({50, 4}, 100, 0) == doctest::Approx(6));      // line 0 skipped: line 1 is 6 away
    CHECK(index.nearest({50, 4}, 100, 1) == doctest::Approx(4));
    CHECK(index.nearest({130, 0}, 100) == doctest::Approx(30));       // past the end: to the end point
    CHECK(index.nearest({500, 500}, 20) == doctest::Approx(20));      // nothing within the limit: the limit
    CHECK(index.nearest({50, 4}, 3) == doctest::Approx(3));           // the nearest is beyond the limit
    CHECK(index.nearest({-1e6f, 3}, 50) == doctest::Approx(50));      // far outside the indexed bounds
}

TEST_CASE("nearest agrees with a scan of every line, wherever the point is") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> coord(-300, 900), step(-60, 60);
    std::vector<std::vector<Vec2>> paths(300);
    for (auto& path : paths) {
        Vec2 p{coord(rng), coord(rng)};
        for (int k = 0; k < 12; ++k, p = {p.x + step(rng), p.y + step(rng)}) path.push_back(p);
    }
    LineIndex index;
    index.build(paths, 24);
    std::uniform_int_distribution<int> which(-1, 299);
    for (int q = 0; q < 2000; ++q) {
        const Vec2 p{coord(rng), coord(rng)};
        const int skip = which(rng);
        const float limit = 5 + std::fabs(step(rng)) * 2;
        float scan = limit;
        for (int i = 0; i < 300; ++i)
            if (i != skip) scan = std::min(scan, distance_to(paths[static_cast<std::size_t>(i)], p));
        REQUIRE(index.nearest(p, limit, skip) == doctest::Approx(scan).epsilon(1e-4));
    }
}

TEST_CASE("an index rebuilt from nothing answers the limit, and a non-finite point is left out") {
    LineIndex index;
    CHECK(index.nearest({0, 0}, 10) == 10);
    index.build({{{0, 0}, {10, 0}}}, 4);
    CHECK(index.nearest({5, 1}, 10) == doctest::Approx(1));
    index.build({}, 4);
    CHECK(index.nearest({5, 1}, 10) == 10);
    index.build({{{0, 0}, {10, 0}, {NAN, 0}}}, 4);
    CHECK(index.nearest({5, 1}, 10) == doctest::Approx(1));    // the finite segment alone
}
