#include "core/story/validate.h"

#include "core/story/belief_fields.h"
#include "core/text/string_index.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <set>
#include <tuple>

namespace explainer::loader {

namespace {

using story::Story;

std::string step_name(const Story& s, int step) { return quote(s.steps[step].id); }

void check_section_order(const Story& s, FieldReader& r) {
    int last = -1, last_step = -1;
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const int section = s.steps[i].section;
        if (section < 0) continue;
        if (section < last) {
            r.problem(at(at("steps", i), "section"),
                      "section " + quote(s.sections[section].id) + " comes before section " +
                          quote(s.sections[last].id) + " of step " + step_name(s, last_step) +
                          "; steps must follow the order of the sections");
        } else {
            last = section;
            last_step = static_cast<int>(i);
        }
    }
}

void check_focus(const Story& s, FieldReader& r) {
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const auto& focus = s.steps[i].focus;
        for (std::size_t f = 0; f < focus.size(); ++f) {
            if (focus[f] < 0) continue;
            if (std::find(focus.begin(), focus.begin() + static_cast<long>(f), focus[f]) !=
                focus.begin() + static_cast<long>(f)) {
                r.problem(at(at(at("steps", i), "focus"), f),
                          "entity " + quote(s.entities[focus[f]].id) + " is listed twice");
            }
        }
    }
}

void check_relationships(const Story& s, FieldReader& r) {
    std::set<std::tuple<int, int, int>> seen;
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        const auto& rel = s.relationships[i];
        if (rel.from < 0 || rel.to < 0) continue;
        const std::string path = at("relationships", i);
        if (rel.from == rel.to) {
            r.problem(path, "links " + quote(s.entities[rel.from].id) + " to itself");
        } else if (rel.type >= 0 && !seen.emplace(rel.from, rel.type, rel.to).second) {
            r.problem(path, "repeats an earlier relationship: " + quote(s.entities[rel.from].id) + " " +
                                s.relation_types[rel.type].label + " " + quote(s.entities[rel.to].id));
        }
    }
}

// Identity reveals point subject → target; following them must always end.
void check_reveal_loops(const Story& s, FieldReader& r, const std::vector<int>& becomes) {
    std::vector<int> state(s.entities.size(), 0);  // 0 unseen, 1 on current walk, 2 done
    for (std::size_t start = 0; start < s.entities.size(); ++start) {
        std::vector<int> walk;
        int e = static_cast<int>(start);
        while (e >= 0 && state[e] == 0) {
            state[e] = 1;
            walk.push_back(e);
            e = becomes[e];
        }
        if (e >= 0 && state[e] == 1) {
            std::string chain;
            const auto from = std::find(walk.begin(), walk.end(), e);
            for (auto it = from; it != walk.end(); ++it) chain += s.entities[*it].id + " → ";
            chain += s.entities[e].id;
            for (std::size_t i = 0; i < s.reveals.size(); ++i) {
                if (s.reveals[i].subject == walk.back() && s.reveals[i].type == story::RevealType::Identity) {
                    r.problem(at("reveals", i), "identity reveals go round in a loop: " + chain);
                    break;
                }
            }
        }
        for (int w : walk) state[w] = 2;
    }
}

void check_reveals(const Story& s, FieldReader& r) {
    std::vector<int> becomes(s.entities.size(), -1);
    for (std::size_t i = 0; i < s.reveals.size(); ++i) {
        const auto& rv = s.reveals[i];
        const std::string path = at("reveals", i);
        if (rv.step >= 0 && !s.steps[rv.step].reveal) {
            r.problem(at(path, "step"), "step " + step_name(s, rv.step) +
                                            " carries this reveal but is not marked \"reveal\": true");
        }
        if (rv.subject < 0 || rv.target < 0) continue;
        if (rv.subject == rv.target) {
            r.problem(path, "reveals " + quote(s.entities[rv.subject].id) + " to be itself");
            continue;
        }
        if (rv.type == story::RevealType::Nature) {
            const auto kind = s.entities[rv.target].kind;
            if (kind != story::Kind::Species && kind != story::Kind::Group) {
                r.problem(at(path, "target"), "a nature reveal needs a species or group as target; " +
                                                  quote(s.entities[rv.target].id) + " is a " +
                                                  story::kind_name(kind));
            }
            continue;
        }
        if (becomes[rv.subject] >= 0) {
            r.problem(at(path, "subject"), quote(s.entities[rv.subject].id) +
                                               " already has an identity reveal");
            continue;
        }
        becomes[rv.subject] = rv.target;
    }
    check_reveal_loops(s, r, becomes);
}

// first_step = the earliest step whose focus, relationships or reveals name the entity.
void derive_first_steps(Story& s) {
    std::vector<int> first(s.entities.size(), INT_MAX);
    auto mention = [&](int entity, int step) {
        if (entity >= 0 && step >= 0) first[entity] = std::min(first[entity], step);
    };
    for (std::size_t i = 0; i < s.steps.size(); ++i)
        for (int e : s.steps[i].focus) mention(e, static_cast<int>(i));
    for (const auto& rel : s.relationships) {
        mention(rel.from, rel.step);
        mention(rel.to, rel.step);
    }
    for (const auto& rv : s.reveals) {
        mention(rv.subject, rv.step);
        mention(rv.target, rv.step);
    }
    for (std::size_t e = 0; e < s.entities.size(); ++e) s.entities[e].first_step = first[e];
}

void check_appearances(const Story& s, FieldReader& r) {
    for (std::size_t e = 0; e < s.entities.size(); ++e) {
        const auto& entity = s.entities[e];
        const std::string path = at("entities", e);
        if (entity.first_step == INT_MAX) {
            if (!entity.id.empty())
                r.problem(path, quote(entity.id) + " never appears in any step (no focus, relationship or reveal names it)");
            continue;
        }
        for (std::size_t f = 0; f < entity.facts.size(); ++f) {
            const int step = entity.facts[f].step;
            if (step >= 0 && step < entity.first_step) {
                r.problem(at(at(at(path, "facts"), f), "step"),
                          "step " + step_name(s, step) + " comes before " + quote(entity.id) +
                              " first appears (step " + step_name(s, entity.first_step) + ")");
            }
        }
    }
    for (std::size_t i = 0; i < s.reveals.size(); ++i) {
        const auto& rv = s.reveals[i];
        if (rv.subject < 0 || rv.step < 0 || rv.type != story::RevealType::Identity) continue;
        if (s.entities[rv.subject].first_step == rv.step) {
            r.problem(at(at("reveals", i), "subject"),
                      quote(s.entities[rv.subject].id) + " must be on the map before step " +
                          step_name(s, rv.step) + " to be unmasked there");
        }
    }
    for (std::size_t i = 0; i < s.glossary.size(); ++i) {
        const auto& g = s.glossary[i];
        if (g.entity < 0 || g.step < 0) continue;
        const int first = s.entities[g.entity].first_step;
        if (first != INT_MAX && g.step < first) {
            r.problem(at(at("glossary", i), "step"),
                      "step " + step_name(s, g.step) + " comes before " + quote(s.entities[g.entity].id) +
                          " first appears (step " + step_name(s, first) + ")");
        }
    }
}

// An alias is an old id: it must not be any current id, nor another alias.
template <class Items>
void check_aliases(const Items& items, const char* list, FieldReader& r) {
    string_index::Index ids, aliases;
    for (std::size_t i = 0; i < items.size(); ++i) ids.insert(items[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (std::size_t a = 0; a < items[i].aliases.size(); ++a) {
            const std::string& alias = items[i].aliases[a];
            const std::string where = at(at(at(list, i), "aliases"), a);
            if (const int owner = ids.find(alias); owner >= 0) {
                r.problem(where, quote(alias) + " is already the id of " + at(list, static_cast<std::size_t>(owner)));
            } else if (const auto [old, fresh] = aliases.insert(alias, static_cast<int>(i)); !fresh) {
                r.problem(where, quote(alias) + " is also an alias of " + at(list, static_cast<std::size_t>(old)));
            }
        }
    }
}

// The words of an id or a name, lowercased: "The Puppet Master" → the, puppet, master.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out(1);
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) out.back() += static_cast<char>(std::tolower(u));
        else if (!out.back().empty()) out.emplace_back();
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// One word stands for another when they are the same, or, for words of four
// letters or more, one is the other with a short ending ("usurper", "usurpers").
bool same_word(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const auto& shorter = a.size() < b.size() ? a : b;
    const auto& longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 4 && longer.size() - shorter.size() <= 2 && longer.compare(0, shorter.size(), shorter) == 0;
}

// What in step_id names entity e: its id as a run of words, or one of the
// words of its name (the short words of a name, "the", "of", are too common).
std::string names_entity(const std::vector<std::string>& step_words, const story::Entity& e) {
    const auto id_words = words_of(e.id);
    for (std::size_t i = 0; !id_words.empty() && i + id_words.size() <= step_words.size(); ++i) {
        bool all = true;
        for (std::size_t w = 0; w < id_words.size() && all; ++w) all = same_word(step_words[i + w], id_words[w]);
        if (all) return e.id;
    }
    for (const auto& name_word : words_of(e.name)) {
        if (name_word.size() < 4) continue;
        for (const auto& w : step_words)
            if (same_word(w, name_word)) return name_word;
    }
    return {};
}

}  // namespace

std::vector<Problem> advise(const Story& s) {
    std::vector<Problem> out;
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const auto step_words = words_of(s.steps[i].id);
        std::string named, entity;
        for (const auto& rv : s.reveals) {
            if (rv.step != static_cast<int>(i)) continue;
            for (int e : {rv.subject, rv.target}) {
                if (!named.empty()) break;
                named = names_entity(step_words, s.entities[static_cast<std::size_t>(e)]);
                entity = s.entities[static_cast<std::size_t>(e)].id;
            }
        }
        if (named.empty()) continue;
        out.push_back({at(at("steps", i), "id"),
                       quote(s.steps[i].id) + " names " + quote(named) + " (entity " + quote(entity) +
                           "), which its reveal is about: a shared link would give the twist away. "
                           "Give the step a neutral id and keep the old one in \"aliases\""});
    }
    beliefs::advise(s, out);
    return out;
}

void validate(Story& s, FieldReader& r) {
    check_aliases(s.steps, "steps", r);
    check_aliases(s.entities, "entities", r);
    check_section_order(s, r);
    check_focus(s, r);
    check_relationships(s, r);
    check_reveals(s, r);
    derive_first_steps(s);
    check_appearances(s, r);
    beliefs::check(s, r);
}

}  // namespace explainer::loader
