// newcomers.h — where a step's new nodes first stand. Each goes to a free
// spot (no box covered) beside what it links to, in breadth-first order from
// the nodes already on the map, so a chain of newcomers grows along itself
// and a crowd around one node fills rings around it:
//   - linked to one placed node: about one edge length from it, on the side
//     facing away from that node's other neighbours (a chain goes on straight,
//     leaves fan out), further out once that ring is full;
//   - linked to several: as near as is free to the middle of them;
//   - linked to nothing placed: as near as is free to the map's origin.
// Deterministic; the cost follows the newcomers and their links.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/layout/free_space.h"
#include "core/layout/layout.h"

namespace explainer::newcomers {

using layout::Vec2;

// Everything per entity. `space` holds the box of every placed entity, keyed
// by entity; `ring` is where to start looking around an entity (see
// free_space::Grid::nearest); the origin's is origin_ring. Both stay valid
// from one step to the next while placed nodes keep still.
struct Map {
    std::vector<Vec2>& at;
    std::vector<std::uint8_t>& placed;
    const std::vector<Vec2>& half_size;
    free_space::Grid& space;
    std::vector<int>& ring;
    int& origin_ring;
};

// Fills `out` with the nodes (entities) linked to an entity at this step.
using Neighbours = std::function<void(int entity, std::vector<int>& out)>;

// Places the newcomers (entities not yet placed), in a deterministic order.
void place(const std::vector<int>& newcomers, const Neighbours& neighbours, Map map, Vec2 origin, float edge_length);

}  // namespace explainer::newcomers
