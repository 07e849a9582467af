#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/layout/edge_route.h"

using namespace explainer::edge_route;

namespace {
// How close the drawn curve of line i comes to centre k.
float gap(const std::vector<Vec2>& centres, const std::vector<Line>& lines, const std::vector<Vec2>& controls,
          std::size_t i, int k) {
    const auto& l = lines[i];
    return distance_to(polyline(centres[l.from], controls[i], centres[l.to], 40), centres[k]);
}
}  // namespace

TEST_CASE("a line with nothing in its way stays straight") {
    const std::vector<Vec2> c{{0, 0}, {200, 0}, {100, 150}};
    const std::vector<Line> lines{{0, 1}};
    const auto ctl = route(c, lines, {});
    CHECK(ctl[0].x == doctest::Approx(100));
    CHECK(ctl[0].y == doctest::Approx(0));
}

TEST_CASE("a line that would run over another node bends round it, just far enough") {
    // C sits on the straight line A → B, and a little off it.
    for (float off : {0.0f, 5.0f, -12.0f}) {
        const std::vector<Vec2> c{{0, 0}, {300, 0}, {150, off}};
        const std::vector<Line> lines{{0, 1}};
        Options o;
        o.clearance = 30;
        const auto ctl = route(c, lines, o);
        CHECK(gap(c, lines, ctl, 0, 2) >= 30 - 0.5f);
        CHECK(std::fabs(apex_of(c[0], c[1], ctl[0])) <= 30 + std::fabs(off) + o.step);   // no wider than needed
    }
}

TEST_CASE("two lines between the same nodes are two curves that keep apart, whichever way they run") {
    const std::vector<Vec2> c{{0, 0}, {240, 0}};
    for (const auto& lines : {std::vector<Line>{{0, 1}, {0, 1}}, std::vector<Line>{{0, 1}, {1, 0}}}) {
        Options o;
        const auto ctl = route(c, lines, o);
        const auto p0 = polyline(c[0], ctl[0], c[1]), p1 = polyline(c[lines[1].from], ctl[1], c[lines[1].to]);
        const Vec2 m0 = point_along(p0, 0.5f), m1 = point_along(p1, 0.5f);
        CHECK(std::fabs(m0.y - m1.y) == doctest::Approx(o.lane).epsilon(0.05));
        CHECK(m0.y == doctest::Approx(-m1.y).epsilon(0.05));   // one each side of the straight line
    }
}

TEST_CASE("each pair's lines are routed as if they were alone, in their order, however the pairs interleave") {
    // Four nodes in a square and a fifth in the middle that every diagonal must bend round.
    const std::vector<Vec2> c{{0, 0}, {300, 0}, {300, 300}, {0, 300}, {150, 150}};
    const std::vector<Line> lines{{0, 2}, {1, 3}, {2, 0}, {0, 1}, {3, 1}, {0, 2}, {4, 0}, {1, 0}};
    const auto all = route(c, lines, {});
    REQUIRE(all.size() == lines.size());
    for (const auto& pair : {std::pair<int, int>{0, 2}, {1, 3}, {0, 1}, {0, 4}}) {
        std::vector<Line> alone;
        std::vector<std::size_t> at;
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (std::min(lines[i].from, lines[i].to) == pair.first && std::max(lines[i].from, lines[i].to) == pair.second)
                alone.push_back(lines[i]), at.push_back(i);
        const auto own = route(c, alone, {});
        for (std::size_t k = 0; k < at.size(); ++k) {
            CHECK(all[at[k]].x == own[k].x);
            CHECK(all[at[k]].y == own[k].y);
        }
    }
    // Three lines on one diagonal, whichever way they run: three lanes, side
    // by side in the order given.
    const float lane = Options{}.lane;
    const float a0 = apex_of(c[0], c[2], all[0]), a1 = apex_of(c[0], c[2], all[2]), a2 = apex_of(c[0], c[2], all[5]);
    CHECK(std::fabs(a1 - a0) == doctest::Approx(lane).epsilon(0.05));
    CHECK(a2 - a1 == doctest::Approx(a1 - a0).epsilon(0.05));
}

TEST_CASE("a line boxed in takes the bend that clears most, and nothing is lost") {
    // Nodes all along both sides: no bend clears them all.
    std::vector<Vec2> c{{0, 0}, {100, 0}};
    for (float x = 10; x < 100; x += 10) c.push_back({x, 0});
    const std::vector<Line> lines{{0, 1}, {1, 0}};
    const auto ctl = route(c, lines, {});
    REQUIRE(ctl.size() == 2);
    for (const auto& p : ctl) CHECK(std::isfinite(p.x + p.y));
}

TEST_CASE("a trimmed curve starts and ends outside its nodes, on the curve") {
    const Vec2 a{0, 0}, b{200, 0}, ctl{100, 80};
    const auto t = trimmed(a, ctl, b, 16, 18);
    REQUIRE(t.size() > 2);
    CHECK(std::hypot(t.front().x - a.x, t.front().y - a.y) == doctest::Approx(16).epsilon(0.01));
    CHECK(std::hypot(t.back().x - b.x, t.back().y - b.y) == doctest::Approx(18).epsilon(0.01));
    CHECK(distance_to(polyline(a, ctl, b, 200), t[t.size() / 2]) < 0.5f);
    CHECK(trimmed(a, {10, 0}, {20, 0}, 16, 18).empty());   // ends too close: nothing to draw
}

TEST_CASE("a straight line is trimmed where the curve's search would cut it") {
    const Vec2 a{10, 20}, b{250, -60};
    const Vec2 mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    const auto cut = trimmed(a, mid, b, 16, 18, 1);
    REQUIRE(cut.size() == 2);
    CHECK(std::hypot(cut[0].x - a.x, cut[0].y - a.y) == doctest::Approx(16).epsilon(1e-4));
    CHECK(std::hypot(cut[1].x - b.x, cut[1].y - b.y) == doctest::Approx(18).epsilon(1e-4));
    // The bisection's answer, from a control a hair off the mid-point.
    const auto searched = trimmed(a, {mid.x + 1e-3f, mid.y}, b, 16, 18, 1);
    REQUIRE(searched.size() == 2);
    CHECK(cut[0].x == doctest::Approx(searched[0].x).epsilon(1e-3));
    CHECK(cut[1].y == doctest::Approx(searched[1].y).epsilon(1e-3));
    CHECK(trimmed({0, 0}, {15, 0}, {30, 0}, 16, 4).empty());   // a circle holds the mid-point: as the search says
    CHECK(trimmed({0, 0}, {0, 0}, {0, 0}, 16, 18).empty());
}

TEST_CASE("a bend kept as its apex follows the line's ends") {
    const Vec2 a{0, 0}, b{200, 0};
    CHECK(apex_of(a, b, {100, 0}) == 0);
    const Vec2 c = control_at(a, b, 30);
    CHECK(apex_of(a, b, c) == doctest::Approx(30));
    CHECK(distance_to(polyline(a, c, b, 200), {100, 30}) < 0.5f);   // the apex stands 30 out, along (−dy, dx)
    CHECK(apex_of(b, a, c) == doctest::Approx(-30));                // seen from the other end, the other side
    // Moved and turned, the same apex bends the line the same way.
    const Vec2 a2{50, 50}, b2{50, 250}, c2 = control_at(a2, b2, 30);
    CHECK(distance_to(polyline(a2, c2, b2, 200), {20, 150}) < 0.5f);
    const Vec2 m = control_at(a, b, 0);
    CHECK((m.x == 100 && m.y == 0));
}

TEST_CASE("point_along walks the polyline by length") {
    const std::vector<Vec2> l{{0, 0}, {10, 0}, {10, 30}};
    const Vec2 m = point_along(l, 0.5f);
    CHECK(m.x == doctest::Approx(10));
    CHECK(m.y == doctest::Approx(10));
    CHECK(distance_to(l, {5, 4}) == doctest::Approx(4));
}

TEST_CASE("resampled keeps the ends and leaves no gap wider than asked") {
    const std::vector<Vec2> l{{0, 0}, {10, 0}, {10, 30}};
    const auto r = resampled(l, 6);
    REQUIRE(r.size() >= 8);   // 10 / 6 → 2 pieces, 30 / 6 → 5 pieces, plus the start
    CHECK(r.front().x == doctest::Approx(0));
    CHECK(r.back().y == doctest::Approx(30));
    for (std::size_t i = 1; i < r.size(); ++i) CHECK(std::hypot(r[i].x - r[i - 1].x, r[i].y - r[i - 1].y) <= 6.0f + 1e-4f);
    for (const auto& p : r) CHECK(distance_to(l, p) == doctest::Approx(0).epsilon(1e-4));
    CHECK(resampled({}, 6).empty());
}
