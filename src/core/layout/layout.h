// layout.h — deterministic force-directed layout for node-link maps.
//
// Fruchterman–Reingold-style forces: every node repels every other, far ones
// in groups through a Barnes–Hut quadtree, so an iteration costs
// O(n log n + edges) and a 10,000-node map can be laid out in the browser;
// links pull with a softened spring. Optional anchors pull chosen nodes back
// to where they were, which is how the story map stays stable from one step
// to the next. separate() then pushes apart any boxes (node + label) that still
// overlap. No randomness: the same input gives the same picture.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace explainer::layout {

struct Vec2 {
    float x = 0, y = 0;
    friend bool operator==(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }
    friend bool operator!=(Vec2 a, Vec2 b) { return !(a == b); }
};

struct Graph {
    std::vector<Vec2> half_size;                 // per node: half extents of its box
    std::vector<std::pair<int, int>> edges;      // undirected for layout purposes
    int size() const { return static_cast<int>(half_size.size()); }
};

struct Options {
    float edge_length = 150;     // the ideal distance between linked nodes
    int max_iterations = 300;
    float tolerance = 0.02f;     // stop once no node moves more than tolerance × edge_length
    float start_temperature = 0; // largest first move; 0 means edge_length
    float gravity = 0.02f;       // pull towards the centre, keeps components together
    // Optional, per node: where to stay near and how strongly (0 = free).
    std::vector<Vec2> anchor;
    std::vector<float> anchor_weight;
    // Anchored nodes never end an iteration further than this from their
    // anchor (0 = no limit): a hard guarantee that the map does not reshuffle.
    float max_drift = 0;
    // Optional, per node: 1 = stays where it is (it still repels and pulls
    // the others). A later step moves only its new nodes and their
    // neighbours, so its cost follows what changed, not the whole map.
    std::vector<std::uint8_t> fixed;
};

struct Run {
    int iterations = 0;
    float last_move = 0;         // largest move of the final iteration
};

Run relax(const Graph& graph, std::vector<Vec2>& pos, const Options& options);

// Pushes overlapping boxes apart (plus padding) until none overlap or
// max_passes is reached. Returns the number of overlapping pairs left.
// mobility (optional, per node, > 0) shares each push: a node with mobility
// 0.1 next to one with 1 moves a tenth as far, so old nodes can keep still
// while new ones make room.
int separate(const Graph& graph, std::vector<Vec2>& pos, float padding, int max_passes = 200,
             const std::vector<float>* mobility = nullptr);
// How many pairs of the edges cross, with pos for n nodes (untangle.cpp).
int count_crossings(const std::vector<std::pair<int, int>>& edges, const std::vector<Vec2>& pos, int n);

// Moves nodes, one at a time, to spots where their links cross fewer others:
// around their neighbours, or into another node's place (a swap, on graphs
// of up to kMaxSwapNodes nodes). A move must keep boxes apart (plus padding)
// and links near their length. Deterministic. Returns the crossings left.
int untangle(const Graph& graph, std::vector<Vec2>& pos, float edge_length, float padding, int max_passes = 6);
// One of untangle's passes: every node tried once. True when one moved
// (untangle stops after a pass that moves none); untangle(…, n) is up to n
// of these, for a caller that spreads the work over several tasks.
bool untangle_pass(const Graph& graph, std::vector<Vec2>& pos, float edge_length, float padding);
constexpr int kMaxSwapNodes = 80;

// Moves nodes off the lines they are not an end of: until no node centre is
// within `clearance` of another pair's straight line (or max_passes), each
// such node steps away and the line's ends step back a little; boxes are
// then kept apart (plus padding). Returns the node–line intrusions left
// (clearance.cpp). A line through a stranger reads as a link to it.
int clear_lines(const Graph& graph, std::vector<Vec2>& pos, float clearance, float padding, int max_passes = 60);
int line_intrusions(const Graph& graph, const std::vector<Vec2>& pos, float clearance);

struct Quality {
    int overlapping_pairs = 0;         // boxes that overlap (padding not counted)
    float edge_length_spread = 0;      // coefficient of variation of edge lengths
    float mean_edge_length = 0;
    // Pairs of edges whose segments cross (edges that share a node never
    // count); -1 when the graph has more than kMaxCrossingEdges edges, where
    // the all-pairs count would cost more than it tells.
    int crossings = 0;
};
constexpr std::size_t kMaxCrossingEdges = 4000;
Quality measure(const Graph& graph, const std::vector<Vec2>& pos);

// Deterministic starting positions on a sunflower spiral of the given spacing.
std::vector<Vec2> spiral(int count, float spacing, Vec2 centre = {});
Vec2 spiral_point(int index, float spacing, Vec2 centre = {});   // spiral(...)[index], alone

}  // namespace explainer::layout
