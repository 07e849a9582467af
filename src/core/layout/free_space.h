// free_space.h — where a box can go on the map without covering another.
// A grid of the boxes already placed answers "is this spot free?" and "which
// free spot is nearest to here?", searching rings around a point outwards.
// Placing newcomers there, and moving any box that still overlaps one to the
// nearest free spot, is what makes every step end with no overlapping boxes,
// whatever the story's shape. Unbounded: a spot can be anywhere on the plane.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/layout/layout.h"

namespace explainer::free_space {

using layout::Vec2;

class Grid {
public:
    // widest: the largest half extent of any box that will be put; padding:
    // the gap kept between boxes.
    Grid() = default;
    Grid(float widest, float padding);

    void put(int id, Vec2 at, Vec2 half);   // adds box id, or moves it
    void remove(int id);
    void set_origin(Vec2 origin) { origin_ = origin; }   // the map's middle, for nearest()
    bool has(int id) const { return id >= 0 && id < static_cast<int>(in_.size()) && in_[id]; }

    // No box but `ignore` comes within the padding of a box of this size here.
    bool is_free(Vec2 at, Vec2 half, int ignore = -1) const;

    // A free spot for a box of this size near `centre`, at least min_radius
    // from it: the nearest on rings outward, each tried from the angle
    // `toward` (radians) alternately either side. `ring` (optional) is where
    // to start and is set to the ring the spot was found on, so many boxes
    // placed around one point do not search the full rings again. Where
    // hundreds of spots are taken (deep in a crowd), the first free spot
    // outward on the ray from the origin through the centre.
    Vec2 nearest(Vec2 centre, Vec2 half, float min_radius, float toward, int ignore = -1, int* ring = nullptr) const;

private:
    // The cells a box (grown by half the padding) covers: each box is listed
    // in all of them, so a query looks only where its own box reaches.
    struct Span {
        std::int64_t x0, y0, x1, y1;
    };
    Span span(Vec2 at, Vec2 half) const;
    static std::uint64_t key(std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffu);
    }
    std::int64_t cell_index(float v) const;   // floor(v / cell), kept in range for any float
    // The boxes listed in a cell: made if new, or null where none ever was.
    std::vector<int>& cell(std::uint64_t key);
    const std::vector<int>* find_cell(std::uint64_t key) const;
    std::size_t slot_of(std::uint64_t key) const;   // the key's slot, or the empty one where it would go

    float cell_ = 1, padding_ = 0;
    Vec2 origin_;
    // The cells made so far, by key: open addressing, linear probing, a
    // power-of-two table at most half full. Written for this grid's hot
    // path (string_index's byte keys cost its queries a seventh more), and
    // not std::unordered_map, whose instantiation the page would download.
    struct Slot {
        std::uint64_t key;
        std::uint32_t list;   // index in lists_ + 1; 0: empty
    };
    std::vector<Slot> slots_;
    std::vector<std::vector<int>> lists_;
    std::vector<Vec2> at_, half_;
    std::vector<std::uint8_t> in_;
};

// A good cell side for these boxes: the median box's longer side, padded.
float typical_cell(const std::vector<Vec2>& half, float padding);

// Moves every box that overlaps another (plus padding) to the nearest free
// spot, those with the highest `order` first (newcomers before nodes the
// reader has seen). One pass ends with none overlapping: each move goes to a
// spot that is free. Returns how many boxes moved.
int clear_overlaps(const std::vector<Vec2>& half, std::vector<Vec2>& pos, float padding,
                   const std::vector<float>& order);

}  // namespace explainer::free_space
