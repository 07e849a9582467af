// label_place.h — puts text labels on a drawn map without piling them up.
//
// Works in screen space, after the camera: each label offers candidate
// positions in order of preference (below its node, above, to the right, …)
// and takes the first one that stays inside the map area and covers neither
// an earlier label nor another node's shape, preferring a spot nearer its own
// node than any other (a name beside the wrong node is worse than a name a
// little farther from the right one; only a kept label takes such a spot,
// when there is no other). Labels are placed most important
// first, so on a crowded map it is the least important that go. A label
// marked `keep` is never dropped: when no candidate is free it still takes
// the least bad one inside the area. Greedy, deterministic, and fast enough
// to run every frame (placed boxes live in a coarse grid).
#pragma once

#include <vector>

#include "core/layout/layout.h"

namespace explainer::label_place {

using layout::Vec2;

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
};
bool overlaps(const Box& a, const Box& b);
bool inside(const Box& inner, const Box& outer);

struct Label {
    int id = -1;                 // the caller's; obstacles with the same owner are ignored
    float w = 0, h = 0;
    int rank = 0;                // lower places first
    bool keep = false;           // never dropped
    int prefer = -1;             // candidate to try first (last frame's), or -1
    std::vector<Vec2> at;        // candidate top-left corners, best first
};

struct Obstacle {
    Box box;
    int owner = -1;              // a label with this id may cover it (its own node)
};

struct Placed {
    int id = -1;
    Box box;
    int candidate = 0;           // index into Label::at
    bool clean = true;           // false: a kept label that found no free spot
};

// Labels that could not be placed are left out of the result. `avoid`: what
// a label should rather not cover (the step's own lines, which a name laid
// over hides): a spot next to its node clear of them is taken first, and
// only when there is none does the usual order apply.
std::vector<Placed> place(std::vector<Label> labels, const Box& bounds, const std::vector<Obstacle>& obstacles,
                          const std::vector<Box>& avoid = {});

// Candidates for a w×h label around a node shape of radius r at c: below,
// above, right, left, the four corners (the first kNearCandidates), then the
// same again farther out.
constexpr int kNearCandidates = 8;
std::vector<Vec2> around_node(Vec2 c, float r, float w, float h);
// Candidates for a w×h label centred on each of the given points.
std::vector<Vec2> centred_on(const std::vector<Vec2>& points, float w, float h);

}  // namespace explainer::label_place
