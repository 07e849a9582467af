#include "core/layout/free_space.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace explainer::free_space {

namespace {
constexpr int kFineRings = 4;
// Spots one search may try on rings before it goes out along a ray instead
// (a crowd all around); the next search from the same point goes on from the
// ring this one reached.
constexpr int kSpotBudget = 800;
}  // namespace

Grid::Grid(float cell, float padding) : cell_(std::max(cell, 1.0f)), padding_(padding) {}

Grid::Span Grid::span(Vec2 at, Vec2 half) const {
    const float gx = half.x + 0.5f * padding_, gy = half.y + 0.5f * padding_;
    return {cell_index(at.x - gx), cell_index(at.y - gy), cell_index(at.x + gx), cell_index(at.y + gy)};
}

std::int64_t Grid::cell_index(float v) const {
    const float c = std::floor(v / cell_);
    return c >= -1e9f && c <= 1e9f ? static_cast<std::int64_t>(c) : (c > 0 ? 1000000000 : -1000000000);   // NaN too
}

void Grid::put(int id, Vec2 at, Vec2 half) {
    if (id >= static_cast<int>(in_.size())) {
        in_.resize(static_cast<std::size_t>(id) + 1, 0);
        at_.resize(in_.size());
        half_.resize(in_.size());
    }
    remove(id);
    at_[id] = at;
    half_[id] = half;
    in_[id] = 1;
    const Span s = span(at, half);
    for (std::int64_t y = s.y0; y <= s.y1; ++y)
        for (std::int64_t x = s.x0; x <= s.x1; ++x) cell(key(x, y)).push_back(id);
}

std::size_t Grid::slot_of(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    // Fibonacci hashing: neighbouring cells land far apart.
    for (std::size_t i = static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ull) >> 32) & mask;; i = (i + 1) & mask)
        if (slots_[i].list == 0 || slots_[i].key == key) return i;
}

std::vector<int>& Grid::cell(std::uint64_t key) {
    if (2 * (lists_.size() + 1) > slots_.size()) {
        std::vector<Slot> old(slots_.empty() ? 64 : 2 * slots_.size(), Slot{0, 0});
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.list != 0) slots_[slot_of(s.key)] = s;
    }
    Slot& s = slots_[slot_of(key)];
    if (s.list == 0) {
        lists_.emplace_back();
        s = {key, static_cast<std::uint32_t>(lists_.size())};
    }
    return lists_[s.list - 1];
}

const std::vector<int>* Grid::find_cell(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[slot_of(key)];
    return s.list == 0 ? nullptr : &lists_[s.list - 1];
}

void Grid::remove(int id) {
    if (!has(id)) return;
    const Span s = span(at_[id], half_[id]);
    for (std::int64_t y = s.y0; y <= s.y1; ++y)
        for (std::int64_t x = s.x0; x <= s.x1; ++x) {
            auto& list = cell(key(x, y));
            list.erase(std::find(list.begin(), list.end(), id));
        }
    in_[id] = 0;
}

bool Grid::is_free(Vec2 at, Vec2 half, int ignore) const {
    const Span s = span(at, half);
    for (std::int64_t y = s.y0; y <= s.y1; ++y)
        for (std::int64_t x = s.x0; x <= s.x1; ++x) {
            const std::vector<int>* list = find_cell(key(x, y));
            if (!list) continue;
            for (int j : *list) {
                if (j == ignore) continue;
                if (std::fabs(at_[j].x - at.x) < half.x + half_[j].x + padding_ &&
                    std::fabs(at_[j].y - at.y) < half.y + half_[j].y + padding_) return false;
            }
        }
    return true;
}

Vec2 Grid::nearest(Vec2 centre, Vec2 half, float min_radius, float toward, int ignore, int* ring) const {
    // Rings and the spots on them are spaced by half the box's smaller side:
    // close enough not to miss a gap a box fits in.
    const float step = 0.5f * (2.0f * std::min(half.x, half.y) + padding_);
    if (min_radius <= 0 && (!ring || *ring == 0) && is_free(centre, half, ignore)) return centre;
    const float ux = std::cos(toward), uy = std::sin(toward);
    int tried = 0, j = ring ? std::max(*ring, 0) : 0;
    for (; tried < kSpotBudget; ++j) {
        // Past the first rings (a crowd), twice as sparse: a gap missed there
        // costs a little distance, while searching a crowd spot by spot
        // costs time on every newcomer.
        const float gap = j < kFineRings ? step : 2.0f * step;
        const float r = std::max(min_radius, step) + step * static_cast<float>(std::min(j, kFineRings)) +
                        gap * static_cast<float>(std::max(j - kFineRings, 0));
        const int spots = std::max(6, static_cast<int>(6.2831853f * r / gap));
        const float angle = 6.2831853f / static_cast<float>(spots);
        const float cs = std::cos(angle), sn = std::sin(angle);
        // Spots 0, +1, -1, +2, -2, ... angles from `toward`: nearest first.
        // Both directions turn by rotation, no trigonometry per spot.
        Vec2 plus{ux, uy}, minus{ux, uy};
        for (int s = 0; s < spots; ++s) {
            Vec2 d;
            if (s == 0) {
                d = plus;
            } else if (s % 2) {
                plus = {plus.x * cs - plus.y * sn, plus.x * sn + plus.y * cs};
                d = plus;
            } else {
                minus = {minus.x * cs + minus.y * sn, -minus.x * sn + minus.y * cs};
                d = minus;
            }
            const Vec2 p{centre.x + r * d.x, centre.y + r * d.y};
            ++tried;
            if (is_free(p, half, ignore)) {
                if (ring) *ring = j;
                return p;
            }
        }
    }
    // A crowd all around: out along the ray from the map's origin through the
    // centre, to the first free spot past it. Its cost follows the crowd's
    // depth, not its area.
    if (ring) *ring = j;
    float dx = centre.x - origin_.x, dy = centre.y - origin_.y;
    float d = std::sqrt(dx * dx + dy * dy);
    if (d < 1e-3f) { dx = ux; dy = uy; d = 1; }
    dx /= d;
    dy /= d;
    const float out = std::max(min_radius, step) + step * static_cast<float>(kFineRings);
    for (int i = 0;; ++i) {
        const float t = out + cell_ * 0.5f * static_cast<float>(i);
        const Vec2 p{centre.x + t * dx, centre.y + t * dy};
        if (is_free(p, half, ignore)) return p;
    }
}

float typical_cell(const std::vector<Vec2>& half, float padding) {
    if (half.empty()) return 1;
    std::vector<float> sides;
    sides.reserve(half.size());
    for (const auto& h : half) sides.push_back(std::max(h.x, h.y));
    std::nth_element(sides.begin(), sides.begin() + static_cast<long>(sides.size() / 2), sides.end());
    return 2.0f * sides[sides.size() / 2] + padding;
}

int clear_overlaps(const std::vector<Vec2>& half, std::vector<Vec2>& pos, float padding,
                   const std::vector<float>& order) {
    const int n = static_cast<int>(pos.size());
    if (n == 0 || half.size() != pos.size()) return 0;
    Grid grid(typical_cell(half, padding), padding);
    Vec2 mid;
    for (int i = 0; i < n; ++i) {
        grid.put(i, pos[i], half[i]);
        mid.x += pos[i].x / static_cast<float>(n);
        mid.y += pos[i].y / static_cast<float>(n);
    }
    grid.set_origin(mid);
    std::vector<int> by_order(static_cast<std::size_t>(n));
    std::iota(by_order.begin(), by_order.end(), 0);
    if (order.size() == pos.size())
        std::stable_sort(by_order.begin(), by_order.end(), [&](int a, int b) { return order[a] > order[b]; });
    int moved = 0;
    for (int i : by_order) {
        if (grid.is_free(pos[i], half[i], i)) continue;
        pos[i] = grid.nearest(pos[i], half[i], 0, 0, i);
        grid.put(i, pos[i], half[i]);
        ++moved;
    }
    return moved;
}

}  // namespace explainer::free_space
