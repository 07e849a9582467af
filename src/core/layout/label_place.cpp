#include "core/layout/label_place.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace explainer::label_place {

namespace {

constexpr float kCell = 64.0f;   // grid cell for placed boxes, in px
constexpr int kRim = 4;          // cells round the bounds: the nodes just outside them (which a
                                 // label inside may sit next to) get cells of their own, not the border's
constexpr float kNearer = 4.0f;  // how much nearer another node must be for a spot to mislead

// Boxes already placed, bucketed by the grid cells they touch.
class Grid {
public:
    explicit Grid(const Box& bounds) : origin_{bounds.x0 - kRim * kCell, bounds.y0 - kRim * kCell} {
        cols_ = std::max(1, static_cast<int>(std::ceil((bounds.width() + 2 * kRim * kCell) / kCell)));
        rows_ = std::max(1, static_cast<int>(std::ceil((bounds.height() + 2 * kRim * kCell) / kCell)));
        cells_.resize(static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_));
    }
    void add(const Box& b, int index) {
        for_cells(b, [&](std::vector<int>& cell) { cell.push_back(index); return false; });
    }
    // Calls fn(i) once for each box that may overlap b (each index once,
    // though a box sits in every cell it touches).
    template <class Fn>
    void each(const Box& b, Fn&& fn) {
        ++tick_;
        for_cells(b, [&](std::vector<int>& cell) {
            for (int i : cell) {
                if (static_cast<std::size_t>(i) >= seen_.size()) seen_.resize(static_cast<std::size_t>(i) + 1, 0);
                if (seen_[static_cast<std::size_t>(i)] != tick_) seen_[static_cast<std::size_t>(i)] = tick_, fn(i);
            }
            return false;
        });
    }
    // Whether hit(i) holds for a box that may overlap b; stops at the first.
    template <class Fn>
    bool any(const Box& b, Fn&& hit) {
        return for_cells(b, [&](std::vector<int>& cell) { return std::any_of(cell.begin(), cell.end(), hit); });
    }

private:
    // fn(cell) for each cell b touches, until one returns true (then true).
    template <class Fn>
    bool for_cells(const Box& b, Fn&& fn) {
        const int c0 = clamp_col((b.x0 - origin_.x) / kCell), c1 = clamp_col((b.x1 - origin_.x) / kCell);
        const int r0 = clamp_row((b.y0 - origin_.y) / kCell), r1 = clamp_row((b.y1 - origin_.y) / kCell);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                if (fn(cells_[static_cast<std::size_t>(r * cols_ + c)])) return true;
        return false;
    }
    int clamp_col(float v) const { return std::clamp(static_cast<int>(std::floor(v)), 0, cols_ - 1); }
    int clamp_row(float v) const { return std::clamp(static_cast<int>(std::floor(v)), 0, rows_ - 1); }
    Vec2 origin_;
    int cols_ = 1, rows_ = 1;
    std::vector<std::vector<int>> cells_;
    std::vector<unsigned> seen_;   // per index, the each() call that last visited it
    unsigned tick_ = 0;
};

Box box_at(Vec2 p, float w, float h) { return {p.x, p.y, p.x + w, p.y + h}; }

// Moves b the least distance that puts it inside bounds (as far as it fits).
Box pushed_inside(Box b, const Box& bounds) {
    const float dx = b.x0 < bounds.x0 ? bounds.x0 - b.x0 : b.x1 > bounds.x1 ? bounds.x1 - b.x1 : 0.0f;
    const float dy = b.y0 < bounds.y0 ? bounds.y0 - b.y0 : b.y1 > bounds.y1 ? bounds.y1 - b.y1 : 0.0f;
    return {b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy};
}

// The gap between two boxes (0 when they touch or overlap).
float gap(const Box& a, const Box& b) {
    const float dx = std::max({a.x0 - b.x1, b.x0 - a.x1, 0.0f}), dy = std::max({a.y0 - b.y1, b.y0 - a.y1, 0.0f});
    return std::sqrt(dx * dx + dy * dy);
}

float overlap_area(const Box& a, const Box& b) {
    const float w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    return w > 0 && h > 0 ? w * h : 0.0f;
}

}  // namespace

bool overlaps(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }
bool inside(const Box& in, const Box& out) {
    return in.x0 >= out.x0 - 0.01f && in.y0 >= out.y0 - 0.01f && in.x1 <= out.x1 + 0.01f && in.y1 <= out.y1 + 0.01f;
}

std::vector<Placed> place(std::vector<Label> labels, const Box& bounds, const std::vector<Obstacle>& obstacles,
                          const std::vector<Box>& avoid) {
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (labels[a].keep != labels[b].keep) return labels[a].keep;
        return labels[a].rank < labels[b].rank;
    });
    Grid taken(bounds), blocked(bounds), shunned(bounds);
    for (std::size_t i = 0; i < obstacles.size(); ++i) blocked.add(obstacles[i].box, static_cast<int>(i));
    for (std::size_t i = 0; i < avoid.size(); ++i) shunned.add(avoid[i], static_cast<int>(i));
    auto covers_avoided = [&](const Box& b) {
        return shunned.any(b, [&](int j) { return overlaps(b, avoid[static_cast<std::size_t>(j)]); });
    };
    // Each label's own node shape (the first obstacle it owns), found by a
    // binary search: no hash table of every node built each frame.
    struct Owned { int owner; std::size_t index; };
    std::vector<Owned> own;
    for (std::size_t i = 0; i < obstacles.size(); ++i)
        if (obstacles[i].owner >= 0) own.push_back({obstacles[i].owner, i});
    std::sort(own.begin(), own.end(), [](const Owned& a, const Owned& b) { return a.owner != b.owner ? a.owner < b.owner : a.index < b.index; });
    auto own_box = [&](int id) -> const Box* {
        const auto it = std::lower_bound(own.begin(), own.end(), id, [](const Owned& o, int v) { return o.owner < v; });
        return it != own.end() && it->owner == id ? &obstacles[it->index].box : nullptr;
    };
    std::vector<int> tries;   // one list, refilled for each label

    std::vector<Placed> out;
    out.reserve(labels.size());
    for (std::size_t li : order) {
        const Label& l = labels[li];
        if (l.at.empty() || l.w <= 0 || l.h <= 0) continue;
        auto hits_label = [&](const Box& b) { return taken.any(b, [&](int j) { return overlaps(b, out[static_cast<std::size_t>(j)].box); }); };
        auto hits_node = [&](const Box& b) {
            return blocked.any(b, [&](int j) {
                const auto& o = obstacles[static_cast<std::size_t>(j)];
                return o.owner != l.id && overlaps(b, o.box);
            });
        };
        // A spot nearer another node's shape than its own reads as that node's name.
        const Box* mine = own_box(l.id);
        auto misleads = [&](const Box& b) {
            if (!mine) return false;
            const float d = gap(b, *mine) - kNearer;
            if (d <= 0) return false;
            return blocked.any({b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d}, [&](int j) {
                const auto& o = obstacles[static_cast<std::size_t>(j)];
                return o.owner >= 0 && o.owner != l.id && gap(b, o.box) < d;
            });
        };
        tries.clear();
        if (l.prefer >= 0 && l.prefer < static_cast<int>(l.at.size())) tries.push_back(l.prefer);
        for (int c = 0; c < static_cast<int>(l.at.size()); ++c)
            if (c != l.prefer) tries.push_back(c);

        int chosen = -1;
        Box box;
        // First, a free spot next to the node that also leaves the lines to avoid uncovered.
        if (!avoid.empty())
            for (int c : tries) {
                if (c >= kNearCandidates) continue;
                const Box b = box_at(l.at[static_cast<std::size_t>(c)], l.w, l.h);
                if (inside(b, bounds) && !hits_label(b) && !hits_node(b) && !misleads(b) && !covers_avoided(b)) {
                    chosen = c;
                    box = b;
                    break;
                }
            }
        // A free spot: inside, on no label, over no node, and nearer its own node than any other;
        // a kept label may then take a free spot that is not (it draws a line to its node).
        for (int pass = 0; pass < (l.keep ? 2 : 1) && chosen < 0; ++pass) {
            for (int c : tries) {
                const Box b = box_at(l.at[static_cast<std::size_t>(c)], l.w, l.h);
                if (inside(b, bounds) && !hits_label(b) && !hits_node(b) && (pass == 1 || !misleads(b))) {
                    chosen = c;
                    box = b;
                    break;
                }
            }
        }
        bool clean = true;
        if (chosen < 0 && l.keep) {
            // Kept labels: a spot on no label, even over a node or nudged
            // inside the area; failing that, the one that overlaps least.
            for (int pass = 0; pass < 2 && chosen < 0; ++pass) {
                for (int c : tries) {
                    Box b = box_at(l.at[static_cast<std::size_t>(c)], l.w, l.h);
                    if (pass == 1) b = pushed_inside(b, bounds);
                    if (inside(b, bounds) && !hits_label(b)) { chosen = c; box = b; break; }
                }
            }
            if (chosen < 0) {
                float best = 1e30f;
                for (int c : tries) {
                    const Box b = pushed_inside(box_at(l.at[static_cast<std::size_t>(c)], l.w, l.h), bounds);
                    float cost = 0;   // what it overlaps: only boxes in its cells can
                    taken.each(b, [&](int j) { cost += overlap_area(b, out[static_cast<std::size_t>(j)].box); });
                    if (cost < best) { best = cost; chosen = c; box = b; }
                }
                clean = false;
            }
        }
        if (chosen < 0) continue;
        taken.add(box, static_cast<int>(out.size()));
        out.push_back({l.id, box, chosen, clean});
    }
    return out;
}

std::vector<Vec2> around_node(Vec2 c, float r, float w, float h) {
    const float g = 3.0f, d = r * 0.72f;
    std::vector<Vec2> out;
    for (float far = 0; far <= h * 1.2f; far += h * 1.2f) {
        out.push_back({c.x - w / 2, c.y + r + g + far});            // below
        out.push_back({c.x - w / 2, c.y - r - g - h - far});        // above
        out.push_back({c.x + r + g + 2 + far, c.y - h / 2});        // right
        out.push_back({c.x - r - g - 2 - w - far, c.y - h / 2});    // left
        out.push_back({c.x + d + far, c.y + d + far});              // below right
        out.push_back({c.x - d - w - far, c.y + d + far});          // below left
        out.push_back({c.x + d + far, c.y - d - h - far});          // above right
        out.push_back({c.x - d - w - far, c.y - d - h - far});      // above left
    }
    return out;
}

std::vector<Vec2> centred_on(const std::vector<Vec2>& points, float w, float h) {
    std::vector<Vec2> out;
    out.reserve(points.size());
    for (const auto& p : points) out.push_back({p.x - w / 2, p.y - h / 2});
    return out;
}

}  // namespace explainer::label_place
