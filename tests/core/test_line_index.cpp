#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/layout/edge_route.h"
#include "core/layout/line_index.h"

using explainer::edge_route::distance_to;
using explainer::line_index::LineIndex;
using explainer::line_index::Vec2;

namespace {

// The index answers as a scan of every line does, to rounding: a line just
// inside the limit counts, one just beyond does not.
void agrees_with_scan(const LineIndex& index, const std::vector<std::vector<Vec2>>& paths, Vec2 p, float limit, int skip) {
    float scan = limit;
    for (std::size_t i = 0; i < paths.size(); ++i)
        if (static_cast<int>(i) != skip) scan = std::min(scan, distance_to(paths[i], p));
    if (std::fabs(scan - limit) > 1e-3f) REQUIRE(index.within(p, limit, skip) == (scan < limit));
    if (scan < limit && scan > 1e-2f) {
        REQUIRE(index.within(p, scan + 1e-3f, skip));
        REQUIRE_FALSE(index.within(p, scan - 1e-3f, skip));
    }
}

}  // namespace

TEST_CASE("within finds the lines that run nearer than the limit, and skips the one asked to") {
    const std::vector<std::vector<Vec2>> paths = {
        {{0, 0}, {100, 0}},              // 0: along y = 0
        {{0, 10}, {50, 10}, {100, 10}},  // 1: along y = 10
        {{500, 500}},                    // 2: one point, no segment
        {},                              // 3: empty
    };
    LineIndex index;
    index.build(paths, 8);
    CHECK(index.within({50, 4}, 4.01f));
    CHECK_FALSE(index.within({50, 4}, 3.99f));
    CHECK(index.within({50, 4}, 6.01f, 0));         // line 0 skipped: line 1 is 6 away
    CHECK_FALSE(index.within({50, 4}, 5.99f, 0));
    CHECK(index.within({50, 4}, 4.01f, 1));
    CHECK(index.within({130, 0}, 30.01f));           // past the end: to the end point
    CHECK_FALSE(index.within({130, 0}, 29.99f));
    CHECK_FALSE(index.within({500, 500}, 20));       // a point is no segment
    CHECK_FALSE(index.within({-1e6f, 3}, 50));       // far outside the indexed bounds
    CHECK_FALSE(index.within({50, 4}, 0));           // no limit, nothing within it
}

TEST_CASE("within agrees with a scan of every line, wherever the point is") {
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
        agrees_with_scan(index, paths, p, limit, skip);
    }
}

TEST_CASE("an index over a region answers as a scan does, inside it, across its edge and far outside") {
    // Long lines (a zoomed-in map's, most of them out of sight) cut into
    // pieces inside the region; what lies outside answers from its list.
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> coord(-3000, 4000), near(-100, 900);
    std::vector<std::vector<Vec2>> paths(400);
    for (auto& path : paths) path = {{coord(rng), coord(rng)}, {coord(rng), coord(rng)}, {coord(rng), coord(rng)}};
    paths[0] = {{-5000, 300}, {5000, 300}};   // across the region, horizontal
    paths[1] = {{400, -5000}, {400, 5000}};   // and vertical
    LineIndex index;
    index.build(paths, 32, {0, 0, 800, 600});
    std::uniform_int_distribution<int> which(-1, 399);
    std::uniform_real_distribution<float> lim(1, 120);
    for (int q = 0; q < 3000; ++q) {
        const Vec2 p = q % 3 ? Vec2{near(rng), near(rng)} : Vec2{coord(rng), coord(rng)};
        const int skip = which(rng);
        const float limit = lim(rng);
        agrees_with_scan(index, paths, p, limit, skip);
    }
    CHECK(index.within({100, 302}, 2.01f));            // the long horizontal, found inside
    CHECK_FALSE(index.within({100, 302}, 1.99f, 0));   // (the vertical is 300 away)
    CHECK(index.within({-4000, 305}, 5.01f));          // and far outside the region
    CHECK_FALSE(index.within({-4000, 305}, 4.99f));
}

TEST_CASE("an index rebuilt from nothing finds nothing, and a non-finite point is left out") {
    LineIndex index;
    CHECK_FALSE(index.within({0, 0}, 10));
    index.build({{{0, 0}, {10, 0}}}, 4);
    CHECK(index.within({5, 1}, 1.01f));
    index.build({}, 4);
    CHECK_FALSE(index.within({5, 1}, 10));
    index.build({{{0, 0}, {10, 0}, {NAN, 0}}, {{NAN, NAN}, {3, 3}}}, 4);
    CHECK(index.within({5, 1}, 1.01f));    // the finite segment alone
    CHECK_FALSE(index.within({3, 3.5f}, 0.6f, 0));   // the segment with a NaN end is no line
}
