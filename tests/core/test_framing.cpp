#include <doctest/doctest.h>

#include "core/layout/framing.h"

using namespace explainer::framing;

namespace {
Subject at(float x, float y) { return {{x, y}, {50, 20}}; }

// Screen position of a world point in a w × h area.
Vec2 screen(const View& v, Vec2 p, float w, float h) {
    return {w / 2 + (p.x - v.centre.x) * v.zoom, h / 2 + (p.y - v.centre.y) * v.zoom};
}
bool inside(const View& v, const Subject& s, float w, float h) {
    const Vec2 p = screen(v, s.pos, w, h);
    return p.x - s.half_px.x >= 0 && p.x + s.half_px.x <= w && p.y - s.half_px.y >= 0 && p.y + s.half_px.y <= h;
}
}  // namespace

TEST_CASE("a small map is shown whole, with every label inside the area") {
    const std::vector<Subject> all = {at(0, 0), at(300, 0), at(150, 200)};
    const auto limits = limits_for(850, 760);
    View v;
    CHECK(choose({all, all, {all[0]}, {all[0]}}, 850, 760, limits, v) == Framed::Everything);
    CHECK(v.zoom <= limits.max_frame);
    for (const auto& s : all) CHECK(inside(v, s, 850, 760));
}

TEST_CASE("a map too big to read whole frames the focus and its neighbours, the step's own lines, or the focus alone") {
    std::vector<Subject> all;
    for (int i = 0; i < 12; ++i) all.push_back(at(i * 200.0f, (i % 3) * 200.0f));
    const std::vector<Subject> near = {all[4], all[5], all[6]}, focus = {all[5]};
    const auto limits = limits_for(390, 450);   // a phone, panel below
    View v;
    CHECK(choose({all, near, near, focus}, 390, 450, limits, v) == Framed::FocusAndNeighbours);
    CHECK(v.zoom >= limits.legible);
    for (const auto& s : near) CHECK(inside(v, s, 390, 450));
    // The neighbours reach too far to read, but the step's own line (to the
    // node 600 units off) fits when framed a little farther out than is legible:
    // both its ends are shown rather than the focus alone.
    const std::vector<Subject> spread = {all[0], all[5], all[11]};
    const std::vector<Subject> step = {all[5], all[8]};
    CHECK(choose({all, spread, step, focus}, 390, 450, limits, v) == Framed::Step);
    CHECK(v.zoom < limits.legible);
    CHECK(v.zoom >= limits.legible * kStepZoomShare);
    for (const auto& s : step) CHECK(inside(v, s, 390, 450));
    CHECK(choose({all, spread, spread, focus}, 390, 450, limits, v) == Framed::Focus);
    CHECK(inside(v, focus[0], 390, 450));
    CHECK(choose({}, 390, 450, limits, v) == Framed::Nothing);
}

TEST_CASE("zoom limits follow the screen") {
    const auto laptop = limits_for(850, 760), uhd = limits_for(3380, 2100), phone = limits_for(390, 450);
    CHECK(uhd.max_frame > 2 * laptop.max_frame);
    CHECK(uhd.legible > laptop.legible);
    CHECK(phone.legible >= 0.55f);
    CHECK(phone.max_frame == doctest::Approx(1.3f));
    CHECK(laptop.min_zoom < laptop.legible);
}

TEST_CASE("a frame narrower than the map leans toward the rest of it, its subjects kept inside") {
    std::vector<Subject> all;
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j) all.push_back(at(i * 150.0f, j * 150.0f));
    const std::vector<Subject> corner = {all[0], all[1], all[10]};   // (0, 0), (0, 150), (150, 0)
    const auto limits = limits_for(390, 450);
    View v;
    CHECK(choose({all, corner, corner, corner}, 390, 450, limits, v) == Framed::FocusAndNeighbours);
    for (const auto& s : corner) CHECK(inside(v, s, 390, 450));
    CHECK(v.centre.x > 75);   // centred on the corner, it would look at (75, 75)
    CHECK(v.centre.y > 75);
    View centred = v;
    centred.centre = {75, 75};
    int shown = 0, shown_centred = 0;
    for (const auto& s : all) shown += inside(v, s, 390, 450), shown_centred += inside(centred, s, 390, 450);
    CHECK(shown > shown_centred);
    // Framed in the middle of the map, it stays where it is.
    const std::vector<Subject> middle = {all[44], all[45], all[54], all[55]};
    CHECK(choose({all, middle, middle, middle}, 390, 450, limits, v) == Framed::FocusAndNeighbours);
    CHECK(v.centre.x == doctest::Approx(675));
    CHECK(v.centre.y == doctest::Approx(675));
}
