// story_shapes.h — stories of degenerate shapes that the validator accepts,
// for the layout's scaling tests (tests/core/test_layout_shapes.cpp) and its
// benchmark (bench/src/layout_shapes.cpp): a hub, a chain, a star of stars, a
// complete graph and isolated nodes, each brought onto the map over several
// steps. Names have the lengths of real names, so label boxes do too. The
// same arguments always give the same story.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/layout/layout.h"

namespace story_shapes {

enum class Shape { Hub, Chain, StarOfStars, Complete, Isolated };

inline const char* name_of(Shape s) {
    switch (s) {
        case Shape::Hub: return "hub";
        case Shape::Chain: return "chain";
        case Shape::StarOfStars: return "star of stars";
        case Shape::Complete: return "complete";
        case Shape::Isolated: return "isolated";
    }
    return "?";
}

// The graph: how many entities, the step each arrives at, and the links.
struct Cast {
    int entities = 0;
    std::vector<int> arrives;                 // per entity: its step
    std::vector<std::pair<int, int>> links;   // pairs of entities
};

// n entities arriving in order, an equal share per step.
inline std::vector<int> in_order(int n, int steps) {
    std::vector<int> at(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) at[static_cast<std::size_t>(i)] = static_cast<int>(static_cast<long long>(i) * steps / n);
    return at;
}

// About n entities of the shape over the given steps.
inline Cast cast(Shape shape, int n, int steps) {
    Cast c;
    c.entities = n;
    c.arrives = in_order(n, steps);
    switch (shape) {
        case Shape::Hub:   // entity 0 at the centre, every other linked to it
            for (int i = 1; i < n; ++i) c.links.emplace_back(i, 0);
            break;
        case Shape::Chain:
            for (int i = 1; i < n; ++i) c.links.emplace_back(i, i - 1);
            break;
        case Shape::StarOfStars: {   // a centre, hubs around it, leaves around each hub
            int hubs = 1;
            while (hubs * hubs < n) ++hubs;
            for (int i = 1; i < n; ++i) c.links.emplace_back(i, i <= hubs ? 0 : 1 + (i - hubs - 1) % hubs);
            // The hubs first, then their leaves: every step brings leaves of every hub.
            break;
        }
        case Shape::Complete:
            for (int i = 1; i < n; ++i)
                for (int j = 0; j < i; ++j) c.links.emplace_back(i, j);
            break;
        case Shape::Isolated:
            break;
    }
    return c;
}

// Deterministic names of 1 to 3 words, like a cast's.
inline std::string name(int i) {
    static const char* const kSyllables[] = {"ro", "ge", "na", "mi", "jean", "ash", "sar", "dis", "ev", "ol",
                                             "cel", "ver", "ra", "fa", "ton", "ve", "ru", "lo", "ka", "mer"};
    std::uint32_t h = static_cast<std::uint32_t>(i) * 2654435761u + 12345u;
    auto next = [&h](std::uint32_t m) { h ^= h >> 13; h *= 0x5bd1e995u; h ^= h >> 15; return h % m; };
    std::string out;
    const std::uint32_t words = 1 + next(3);
    for (std::uint32_t w = 0; w < words; ++w) {
        std::string word;
        const std::uint32_t syllables = 1 + next(3);
        for (std::uint32_t k = 0; k < syllables; ++k) word += kSyllables[next(20)];
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
        out += (w ? " " : "") + word;
    }
    return out + " " + std::to_string(i);
}

// The story file for a cast: every step's focus lists up to 50 of its
// newcomers (the format's limit), so isolated entities appear too.
inline nlohmann::json story(const Cast& c, int steps, const std::string& id = "shape") {
    static const char* const kKinds[] = {"character", "character", "group", "species", "program", "place"};
    nlohmann::json entities = nlohmann::json::array(), rels = nlohmann::json::array(), step_list = nlohmann::json::array();
    for (int i = 0; i < c.entities; ++i)
        entities.push_back({{"id", "e" + std::to_string(i)}, {"name", name(i)}, {"kind", kKinds[i % 6]},
                            {"desc", "Entity " + std::to_string(i) + "."}});
    for (const auto& [a, b] : c.links) {
        const int at = std::max(c.arrives[static_cast<std::size_t>(a)], c.arrives[static_cast<std::size_t>(b)]);
        rels.push_back({{"from", "e" + std::to_string(a)}, {"type", "knows"}, {"to", "e" + std::to_string(b)},
                        {"step", "s" + std::to_string(at)}});
    }
    std::vector<nlohmann::json> focus(static_cast<std::size_t>(steps), nlohmann::json::array());
    for (int i = 0; i < c.entities; ++i) {
        auto& f = focus[static_cast<std::size_t>(c.arrives[static_cast<std::size_t>(i)])];
        if (f.size() < 50) f.push_back("e" + std::to_string(i));
    }
    for (int k = 0; k < steps; ++k) {
        auto& f = focus[static_cast<std::size_t>(k)];
        if (f.empty()) f.push_back("e0");
        step_list.push_back({{"id", "s" + std::to_string(k)}, {"section", "all"}, {"reveal", false},
                             {"title", "Step " + std::to_string(k + 1)}, {"narration", "More of the cast."},
                             {"focus", f}});
    }
    return {{"format", "story-explainer/1"}, {"id", id}, {"title", "Shape"}, {"show", "Test"},
            {"sections", {{{"id", "all"}, {"title", "All"}}}},
            {"relationTypes", {{{"id", "knows"}, {"label", "knows"}}}},
            {"entities", entities}, {"steps", step_list}, {"relationships", rels},
            {"reveals", nlohmann::json::array()}, {"glossary", nlohmann::json::array()}};
}

// The reference for link length: the mean link of a layout from scratch of
// the same graph (spiral start, forces, boxes parted), free of what the
// step-by-step layout must keep (nothing the reader has seen moves far).
// Never less than the ideal edge length.
inline float scratch_mean_link(const explainer::layout::Graph& g, const explainer::layout::Options& o, float padding) {
    auto pos = explainer::layout::spiral(g.size(), o.edge_length);
    explainer::layout::relax(g, pos, o);
    explainer::layout::separate(g, pos, padding, 200);
    return std::max(o.edge_length, explainer::layout::measure(g, pos).mean_edge_length);
}

}  // namespace story_shapes
