#include "core/layout/newcomers.h"

#include <algorithm>
#include <cmath>

namespace explainer::newcomers {

namespace {

constexpr float kGoldenAngle = 2.39996323f;
constexpr std::size_t kTries = 4;   // neighbours whose rings a newcomer linked to several tries

float angle_of(Vec2 from, Vec2 to, float otherwise) {
    const float dx = to.x - from.x, dy = to.y - from.y;
    return dx * dx + dy * dy > 1e-6f ? std::atan2(dy, dx) : otherwise;
}

// One call of place(): the map being filled, and the breadth-first queue.
class Placer {
public:
    Placer(const Neighbours& neighbours, Map& m, Vec2 origin, float edge_length)
        : neighbours_(neighbours), m_(m), origin_(origin), edge_length_(edge_length), queued_(m.at.size(), 0),
          away_(m.at.size(), kNotYet) {}

    void run(const std::vector<int>& newcomers) {
        queue_.reserve(newcomers.size());
        // Those beside the map first, then whatever they bring in, breadth first;
        // a newcomer linked to nothing placed starts a new group near the origin.
        for (int e : newcomers) {
            neighbours_(e, links_);
            for (int o : links_)
                if (placed(o)) { enqueue(e); break; }
        }
        std::size_t head = 0, seed = 0;
        for (;;) {
            while (head < queue_.size()) settle(queue_[head++]);
            while (seed < newcomers.size() && placed(newcomers[seed])) ++seed;
            if (seed == newcomers.size()) break;
            enqueue(newcomers[seed]);
        }
    }

private:
    bool placed(int e) const { return m_.placed[static_cast<std::size_t>(e)] != 0; }
    void enqueue(int e) {
        queued_[static_cast<std::size_t>(e)] = 1;
        queue_.push_back(e);
    }

    // Which way is "away" from an anchor: from the middle of its placed
    // neighbours through it (worked out once per anchor per step, at its first use).
    float away_from(int a) {
        float& known = away_[static_cast<std::size_t>(a)];
        if (known != kNotYet) return known;
        neighbours_(a, around_);
        Vec2 mid;
        int count = 0;
        for (int o : around_)
            if (placed(o)) { mid.x += m_.at[o].x; mid.y += m_.at[o].y; ++count; }
        const float fallback = kGoldenAngle * static_cast<float>(a);
        float angle;
        if (count > 0) angle = angle_of({mid.x / static_cast<float>(count), mid.y / static_cast<float>(count)}, m_.at[a], fallback);
        else angle = angle_of(origin_, m_.at[a], fallback);
        known = angle;
        return angle;
    }

    // Between several placed neighbours (mid: their middle): the free spot on
    // the rings around one of them (the few nearest the middle) nearest to them all.
    Vec2 spot_between(std::size_t ue, Vec2 mid) {
        near_.clear();
        for (int o : links_)
            if (placed(o)) near_.push_back(o);
        const auto from_mid = [&](int o) { return std::hypot(m_.at[o].x - mid.x, m_.at[o].y - mid.y); };
        if (near_.size() > kTries)
            std::nth_element(near_.begin(), near_.begin() + kTries, near_.end(),
                             [&](int a, int b) { return from_mid(a) < from_mid(b) || (from_mid(a) == from_mid(b) && a < b); });
        float best = 0;
        Vec2 p;
        for (std::size_t t = 0; t < std::min(near_.size(), kTries); ++t) {
            const int a = near_[t];
            const Vec2 q = m_.space.nearest(m_.at[a], m_.half_size[ue], edge_length_, angle_of(m_.at[a], mid, 0), -1,
                                            &m_.ring[static_cast<std::size_t>(a)]);
            float total = 0;
            for (int o : near_) total += std::hypot(m_.at[o].x - q.x, m_.at[o].y - q.y);
            if (t == 0 || total < best) { best = total; p = q; }
        }
        return p;
    }

    void settle(int e) {
        const auto ue = static_cast<std::size_t>(e);
        neighbours_(e, links_);
        Vec2 mid;
        int count = 0, only = -1;
        for (int o : links_) {
            if (!placed(o)) continue;
            mid.x += m_.at[o].x;
            mid.y += m_.at[o].y;
            ++count;
            only = o;
        }
        Vec2 p;
        if (count == 0) {
            p = m_.space.nearest(origin_, m_.half_size[ue], 0, kGoldenAngle * static_cast<float>(seeds_++), -1,
                                 &m_.origin_ring);
        } else if (count == 1) {
            p = m_.space.nearest(m_.at[only], m_.half_size[ue], edge_length_, away_from(only), -1,
                                 &m_.ring[static_cast<std::size_t>(only)]);
        } else {
            p = spot_between(ue, {mid.x / static_cast<float>(count), mid.y / static_cast<float>(count)});
        }
        m_.at[ue] = p;
        m_.placed[ue] = 1;
        m_.space.put(e, p, m_.half_size[ue]);
        for (int o : links_)
            if (!placed(o) && !queued_[static_cast<std::size_t>(o)]) enqueue(o);
    }

    const Neighbours& neighbours_;
    Map& m_;
    Vec2 origin_;
    float edge_length_;
    std::vector<std::uint8_t> queued_;
    std::vector<int> queue_, links_, around_, near_;
    static constexpr float kNotYet = 1e30f;   // no angle is this
    std::vector<float> away_;                 // per node: away_from()'s answer, once asked
    int seeds_ = 0;
};

}  // namespace

void place(const std::vector<int>& newcomers, const Neighbours& neighbours, Map m, Vec2 origin, float edge_length) {
    Placer(neighbours, m, origin, edge_length).run(newcomers);
}

}  // namespace explainer::newcomers
