#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>

#include "core/layout/layout.h"

using namespace explainer::layout;

namespace {
Graph ring_graph(int n, Vec2 half = {20, 10}) {
    Graph g;
    g.half_size.assign(n, half);
    for (int i = 0; i < n; ++i) g.edges.emplace_back(i, (i + 1) % n);
    return g;
}
float distance(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

TEST_CASE("relax converges, and the same input gives the same picture") {
    const auto g = ring_graph(30);
    auto a = spiral(30, 40);
    auto b = a;
    Options o;
    const auto run_a = relax(g, a, o);
    relax(g, b, o);
    CHECK(run_a.iterations < o.max_iterations);          // stopped by the tolerance
    CHECK(run_a.last_move < o.tolerance * o.edge_length);
    for (int i = 0; i < 30; ++i) {
        CHECK(a[i].x == b[i].x);
        CHECK(a[i].y == b[i].y);
    }
}

TEST_CASE("linked nodes end up near the ideal length, unlinked ones further apart") {
    Graph g = ring_graph(12);
    auto pos = spiral(12, 10);
    Options o;
    relax(g, pos, o);
    const auto q = measure(g, pos);
    CHECK(q.mean_edge_length > 0.5f * o.edge_length);
    CHECK(q.mean_edge_length < 1.5f * o.edge_length);
    CHECK(q.edge_length_spread < 0.3f);
    CHECK(distance(pos[0], pos[6]) > 1.5f * q.mean_edge_length);   // across the ring
}

TEST_CASE("separate removes overlaps from a dense cluster of boxes") {
    Graph g;
    g.half_size.assign(50, Vec2{40, 12});
    std::uint32_t seed = 3;
    auto next = [&] { seed = seed * 1664525u + 1013904223u; return static_cast<float>((seed >> 8) % 1000) * 0.15f; };
    std::vector<Vec2> pos(50);
    for (auto& p : pos) p = {next(), next()};   // 50 wide labels crammed into 150 × 150
    CHECK(measure(g, pos).overlapping_pairs > 40);
    separate(g, pos, 4.0f);
    CHECK(measure(g, pos).overlapping_pairs == 0);
}

TEST_CASE("anchors hold nodes near where they were") {
    Graph g = ring_graph(10);
    auto pos = spiral(10, 120);
    Options o;
    o.anchor = pos;
    o.anchor_weight.assign(10, 0.6f);
    o.anchor_weight[3] = 0;   // one free node
    o.max_drift = 40;
    const auto before = pos;
    relax(g, pos, o);
    for (int i = 0; i < 10; ++i) {
        if (i != 3) CHECK(distance(pos[i], before[i]) <= 40.01f);
    }
    CHECK(distance(pos[3], before[3]) > 40.0f);   // the free one settles between its neighbours
}

TEST_CASE("empty and mismatched input is handled") {
    Graph g;
    std::vector<Vec2> pos;
    CHECK(relax(g, pos, {}).iterations == 0);
    CHECK(separate(g, pos, 1) == 0);
    g.half_size.assign(3, Vec2{1, 1});
    g.edges = {{0, 7}, {-1, 2}, {1, 1}};   // out of range and self edges are ignored
    pos = spiral(3, 10);
    relax(g, pos, {});
    for (const auto& p : pos) CHECK(std::isfinite(p.x));
}

TEST_CASE("a large sparse graph lays out in bounded iterations with no overlaps left") {
    const int n = 2000;
    Graph g;
    g.half_size.assign(n, Vec2{12, 8});
    std::uint32_t seed = 7;
    auto next = [&] { seed = seed * 1664525u + 1013904223u; return static_cast<int>(seed >> 8); };
    for (int i = 1; i < n; ++i) g.edges.emplace_back(i, next() % i);   // a random tree
    auto pos = spiral(n, 30);
    Options o;
    o.edge_length = 60;
    relax(g, pos, o);
    separate(g, pos, 2.0f);
    CHECK(measure(g, pos).overlapping_pairs == 0);
    for (const auto& p : pos) REQUIRE(std::isfinite(p.x + p.y));
}

TEST_CASE("separate moves low-mobility nodes less") {
    Graph g;
    g.half_size.assign(2, Vec2{10, 10});
    std::vector<Vec2> pos = {{0, 0}, {5, 0}};
    const std::vector<float> mobility = {0.1f, 1.0f};
    CHECK(separate(g, pos, 0.0f, 200, &mobility) == 0);
    CHECK(std::fabs(pos[0].x) < 0.2f * std::fabs(pos[1].x - 5.0f));
}

TEST_CASE("measure counts edge crossings, but not edges that share a node") {
    Graph g;
    g.half_size.assign(4, {5, 5});
    g.edges = {{0, 2}, {1, 3}, {0, 1}, {2, 3}, {0, 3}};
    const std::vector<Vec2> square = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
    CHECK(measure(g, square).crossings == 1);        // only the two diagonals
    const std::vector<Vec2> untangled = {{0, 0}, {100, 0}, {0, 100}, {100, 100}};
    CHECK(measure(g, untangled).crossings == 0);     // 1 and 2 swapped: the two "diagonals" are now sides
    g.edges = {{0, 1}, {2, 3}};
    CHECK(measure(g, square).crossings == 0);
    Graph big;
    big.half_size.assign(2, {5, 5});
    big.edges.assign(kMaxCrossingEdges + 1, {0, 1});
    CHECK(measure(big, {{0, 0}, {10, 0}}).crossings == -1);   // too many edges to count
}

TEST_CASE("untangle removes the crossing of a twisted square and keeps boxes apart") {
    Graph g;
    g.half_size.assign(4, {10, 10});
    g.edges = {{0, 1}, {1, 2}, {2, 3}, {3, 0}};
    // A ring drawn as a bow tie: 0-1 and 2-3 cross.
    std::vector<Vec2> pos = {{0, 0}, {150, 150}, {150, 0}, {0, 150}};
    REQUIRE(measure(g, pos).crossings == 1);
    CHECK(untangle(g, pos, 150, 18) == 0);
    CHECK(measure(g, pos).crossings == 0);
    CHECK(measure(g, pos).overlapping_pairs == 0);
    const auto again = pos;
    CHECK(untangle(g, pos, 150, 18) == 0);   // nothing left to do: nothing moves
    for (std::size_t i = 0; i < pos.size(); ++i) CHECK((pos[i].x == again[i].x && pos[i].y == again[i].y));
}
