// edge_route.h — the shape of every line on the map, so that no line seems
// to link a node it does not join.
//
// A straight line from A to B that runs over C reads as "A—C" and "C—B": on a
// node-link map that is a false link. route() bends each line, as a quadratic
// curve, just far enough that it keeps `clearance` from the centre of every
// node but its two ends (Graphviz's splines=true does the same with obstacle
// polygons). Several lines between the same two nodes (two relationships, or
// one each way) become parallel lanes, each its own curve with its own label,
// and bend together so they never cross one another. Works in any one unit
// (the map calls it with screen px). Deterministic; a line that cannot clear
// every node within the bends it may try takes the bend that clears most.
//
// Usage:
//   std::vector<edge_route::Line> lines = {{a, b}, {b, a}, {a, c}};
//   auto controls = edge_route::route(centres, lines, {.clearance = 24});
//   auto drawn = edge_route::trimmed(centres[a], controls[0], centres[b], r + 3, r + 5);
#pragma once

#include <vector>

#include "core/layout/layout.h"

namespace explainer::edge_route {

using layout::Vec2;

struct Line {
    int from = 0, to = 0;        // indexes into the centres
};

struct Options {
    float clearance = 24;        // the least distance kept from another node's centre
    float lane = 22;             // apex distance between parallel lanes
    float step = 8;              // bends are tried in steps of this (apex offset)
    int max_steps = 14;          // each way; and never an apex more than 0.6 × the line's length out
};

// How the map routes and draws its lines, for nodes of radius r at a zoom:
// clear of strangers by r + 9, lanes 26 px apart (scaled with the zoom,
// within 0.8–1.4); a line starts kGapAtStart outside its first node and its
// arrowhead's tip stops kGapAtTip outside the other. The map and the
// benchmark that scores its picture both take them from here.
Options for_map(float node_radius, float zoom);
constexpr float kGapAtStart = 3, kGapAtTip = 5;

// Per line, the control point of its curve: the mid-point of its two ends
// for a straight line. Lines whose ends coincide get that point.
std::vector<Vec2> route(const std::vector<Vec2>& centres, const std::vector<Line>& lines, const Options& options);

// A line's bend as one number, and back: how far its curve's apex stands
// out from the mid-point of a → b, along a → b turned a quarter, (−dy, dx)
// (negative: the other side); 0 for a straight line. A bend kept as this follows its two ends
// wherever they move (the map keeps the bends it routed for where a step is
// going, and draws the glide there with them).
float apex_of(Vec2 a, Vec2 b, Vec2 control);
Vec2 control_at(Vec2 a, Vec2 b, float apex);

// The curve a → b through control c as a polyline of `segments` pieces.
std::vector<Vec2> polyline(Vec2 a, Vec2 c, Vec2 b, int segments = 20);
// The same polyline with the parts inside the end nodes cut off: it starts
// `trim_a` from a and ends `trim_b` from b (where the arrowhead's tip goes).
// Empty when the ends are too close for anything to show.
std::vector<Vec2> trimmed(Vec2 a, Vec2 c, Vec2 b, float trim_a, float trim_b, int segments = 20);

// The least distance from p to a polyline, and the point of the polyline
// half-way along its length (where its label belongs).
float distance_to(const std::vector<Vec2>& polyline, Vec2 p);
Vec2 point_along(const std::vector<Vec2>& polyline, float fraction);
// Points along the polyline no more than `spacing` apart, both ends included
// (what a label must not cover, as small boxes).
std::vector<Vec2> resampled(const std::vector<Vec2>& polyline, float spacing);

}  // namespace explainer::edge_route
