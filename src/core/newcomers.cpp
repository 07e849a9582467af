#include "newcomers.h"

#include <cmath>
#include <unordered_map>

namespace explainer::newcomers {

namespace {

constexpr float kGoldenAngle = 2.39996323f;
constexpr std::size_t kTries = 4;   // neighbours whose rings a newcomer linked to several tries

float angle_of(Vec2 from, Vec2 to, float otherwise) {
    const float dx = to.x - from.x, dy = to.y - from.y;
    return dx * dx + dy * dy > 1e-6f ? std::atan2(dy, dx) : otherwise;
}

}  // namespace

void place(const std::vector<int>& newcomers, const Neighbours& neighbours, Map m, Vec2 origin, float edge_length) {
    const std::size_t n = m.at.size();
    std::vector<std::uint8_t> queued(n, 0);
    std::vector<int> queue, links, around, near;
    queue.reserve(newcomers.size());
    // Which way is "away" from an anchor: from the middle of its placed
    // neighbours through it (worked out once per anchor per step, at its first use).
    std::unordered_map<int, float> away;
    auto away_from = [&](int a) {
        const auto it = away.find(a);
        if (it != away.end()) return it->second;
        neighbours(a, around);
        Vec2 mid;
        int count = 0;
        for (int o : around)
            if (m.placed[static_cast<std::size_t>(o)]) { mid.x += m.at[o].x; mid.y += m.at[o].y; ++count; }
        const float fallback = kGoldenAngle * static_cast<float>(a);
        float angle;
        if (count > 0) angle = angle_of({mid.x / static_cast<float>(count), mid.y / static_cast<float>(count)}, m.at[a], fallback);
        else angle = angle_of(origin, m.at[a], fallback);
        away.emplace(a, angle);
        return angle;
    };
    int seeds = 0;
    auto settle = [&](int e) {
        const auto ue = static_cast<std::size_t>(e);
        neighbours(e, links);
        Vec2 mid;
        int count = 0, only = -1;
        for (int o : links) {
            if (!m.placed[static_cast<std::size_t>(o)]) continue;
            mid.x += m.at[o].x;
            mid.y += m.at[o].y;
            ++count;
            only = o;
        }
        Vec2 p;
        if (count == 0) {
            p = m.space.nearest(origin, m.half_size[ue], 0, kGoldenAngle * static_cast<float>(seeds++), -1, &m.origin_ring);
        } else if (count == 1) {
            p = m.space.nearest(m.at[only], m.half_size[ue], edge_length, away_from(only), -1,
                                &m.ring[static_cast<std::size_t>(only)]);
        } else {
            // Between several: the free spot on the rings around one of them
            // (the few nearest the middle) that is nearest to them all.
            mid = {mid.x / static_cast<float>(count), mid.y / static_cast<float>(count)};
            near.clear();
            for (int o : links)
                if (m.placed[static_cast<std::size_t>(o)]) near.push_back(o);
            const auto from_mid = [&](int o) { return std::hypot(m.at[o].x - mid.x, m.at[o].y - mid.y); };
            if (near.size() > kTries)
                std::nth_element(near.begin(), near.begin() + kTries, near.end(),
                                 [&](int a, int b) { return from_mid(a) < from_mid(b) || (from_mid(a) == from_mid(b) && a < b); });
            float best = 0;
            for (std::size_t t = 0; t < std::min(near.size(), kTries); ++t) {
                const int a = near[t];
                const Vec2 q = m.space.nearest(m.at[a], m.half_size[ue], edge_length, angle_of(m.at[a], mid, 0), -1,
                                               &m.ring[static_cast<std::size_t>(a)]);
                float total = 0;
                for (int o : near) total += std::hypot(m.at[o].x - q.x, m.at[o].y - q.y);
                if (t == 0 || total < best) { best = total; p = q; }
            }
        }
        m.at[ue] = p;
        m.placed[ue] = 1;
        m.space.put(e, p, m.half_size[ue]);
        for (int o : links) {
            const auto uo = static_cast<std::size_t>(o);
            if (!m.placed[uo] && !queued[uo]) { queued[uo] = 1; queue.push_back(o); }
        }
    };
    // Those beside the map first, then whatever they bring in, breadth first;
    // a newcomer linked to nothing placed starts a new group near the origin.
    for (int e : newcomers) {
        neighbours(e, links);
        for (int o : links)
            if (m.placed[static_cast<std::size_t>(o)]) { queued[static_cast<std::size_t>(e)] = 1; queue.push_back(e); break; }
    }
    std::size_t head = 0, seed = 0;
    for (;;) {
        while (head < queue.size()) settle(queue[head++]);
        while (seed < newcomers.size() && m.placed[static_cast<std::size_t>(newcomers[seed])]) ++seed;
        if (seed == newcomers.size()) break;
        const int e = newcomers[seed];
        queued[static_cast<std::size_t>(e)] = 1;
        queue.push_back(e);
    }
}

}  // namespace explainer::newcomers
