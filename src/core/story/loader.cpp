// loader.cpp — text → JSON tree → Story, with every problem located.
// Cross-reference rules that need the whole story live in validate.cpp.
#include "core/story/loader.h"

#include "core/story/belief_fields.h"
#include "core/story/field_reader.h"
#include "core/story/json_parse.h"
#include "core/text/unicode_fold.h"
#include "core/story/validate.h"

#include <utility>

namespace explainer::loader {

namespace {

using story::Story;

constexpr TextRule kName{80}, kTitle{120}, kLabel{40}, kTerm{60}, kBadge{24};
constexpr TextRule kShort{300}, kDesc{600, true}, kNarration{1200, true};

// First pass over an array of objects: the "id" of each, duplicates reported.
IdIndex index_ids(FieldReader& r, const Json* list, const std::string& path,
                  std::vector<std::string>& ids) {
    IdIndex index;
    if (!list) return index;
    ids.assign(list->size(), std::string());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        const std::string where = at(path, i);
        if (!r.object(item, where) || !r.slug(item, "id", where, ids[i])) continue;
        const auto [old, fresh] = index.insert(ids[i], static_cast<int>(i));
        if (!fresh)
            r.problem(at(where, "id"), "duplicate id " + quote(ids[i]) + " (also " + at(path, static_cast<std::size_t>(old)) + ")");
    }
    return index;
}

// "aliases": the ids something had before it was renamed, so that links
// already shared keep working. Each must be a slug.
void read_aliases(FieldReader& r, const Json& item, const std::string& path, std::vector<std::string>& out) {
    const Json* list = r.array(item, "aliases", path, Need::Optional, 20);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string alias;
        if (r.slug_value((*list)[i], at(at(path, "aliases"), i), alias)) out.push_back(std::move(alias));
    }
}

struct Indexes {
    IdIndex sections, types, entities, steps, reveals, parts;
};

void read_entities(FieldReader& r, const Json& list, const Indexes& ix, Story& s) {
    s.entities.resize(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& item = list[i];
        const std::string path = at("entities", i);
        if (!item.is_object()) continue;  // reported by index_ids
        story::Entity& e = s.entities[i];
        r.only_keys(item, path, {"id", "aliases", "name", "kind", "desc", "facts", "plural", "cite"});
        read_aliases(r, item, path, e.aliases);
        r.boolean(item, "plural", path, e.plural, Need::Optional);
        beliefs::read_cite(r, item, path, ix.parts, e.cite);
        r.text(item, "name", path, e.name, kName);
        r.text(item, "desc", path, e.desc, kDesc);
        std::string kind;
        if (r.text(item, "kind", path, kind, kLabel) && !story::parse_kind(kind, e.kind)) {
            r.problem(at(path, "kind"), "unknown kind " + quote(kind) +
                      " (expected " + story::kind_names() + ")");
        }
        const Json* facts = r.array(item, "facts", path, Need::Optional, 50);
        if (!facts) continue;
        for (std::size_t f = 0; f < facts->size(); ++f) {
            const std::string fpath = at(at(path, "facts"), f);
            const Json& fact = (*facts)[f];
            if (!r.object(fact, fpath)) continue;
            r.only_keys(fact, fpath, {"id", "step", "text", "apparent", "until", "settled", "replacedBy", "cite"});
            story::Fact out;   // "id" and "replacedBy" are read once every fact is (beliefs::read_replacements)
            out.step = r.ref(fact, "step", fpath, ix.steps, "step");
            beliefs::read_belief(r, fact, fpath, ix.steps, ix.parts, out);
            r.text(fact, "text", fpath, out.text, kShort);
            e.facts.push_back(std::move(out));
        }
    }
}

void read_steps(FieldReader& r, const Json& list, const Indexes& ix, Story& s) {
    s.steps.resize(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& item = list[i];
        const std::string path = at("steps", i);
        if (!item.is_object()) continue;
        story::Step& st = s.steps[i];
        r.only_keys(item, path, {"id", "aliases", "section", "reveal", "title", "narration", "focus", "summary", "cite"});
        read_aliases(r, item, path, st.aliases);
        r.text(item, "summary", path, st.summary, kShort, Need::Optional);
        beliefs::read_cite(r, item, path, ix.parts, st.cite);
        r.text(item, "title", path, st.title, kTitle);
        r.text(item, "narration", path, st.narration, kNarration);
        st.section = r.ref(item, "section", path, ix.sections, "section");
        r.boolean(item, "reveal", path, st.reveal);
        const Json* focus = r.array(item, "focus", path, Need::Required, 50);
        if (!focus) continue;
        for (std::size_t f = 0; f < focus->size(); ++f) {
            st.focus.push_back(r.ref_value((*focus)[f], at(at(path, "focus"), f), ix.entities, "entity"));
        }
    }
}

void read_relationships(FieldReader& r, const Json& list, const Indexes& ix, Story& s) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& item = list[i];
        const std::string path = at("relationships", i);
        story::Relationship rel;
        if (r.object(item, path)) {
            r.only_keys(item, path, {"from", "type", "to", "step", "note", "apparent", "until", "settled", "cite"});
            beliefs::read_belief(r, item, path, ix.steps, ix.parts, rel);
            rel.from = r.ref(item, "from", path, ix.entities, "entity");
            rel.type = r.ref(item, "type", path, ix.types, "relationship type");
            rel.to = r.ref(item, "to", path, ix.entities, "entity");
            rel.step = r.ref(item, "step", path, ix.steps, "step");
            r.text(item, "note", path, rel.note, kShort, Need::Optional);
        } else {
            rel.from = rel.to = rel.type = rel.step = -1;
        }
        s.relationships.push_back(std::move(rel));
    }
}

void read_reveals(FieldReader& r, const Json& list, const Indexes& ix, Story& s) {
    s.reveals.resize(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& item = list[i];
        const std::string path = at("reveals", i);
        story::Reveal& rv = s.reveals[i];
        rv.step = rv.subject = rv.target = -1;
        if (!item.is_object()) continue;
        r.only_keys(item, path, {"id", "step", "subject", "type", "target", "summary", "badge"});
        r.text(item, "badge", path, rv.badge, kBadge, Need::Optional);
        rv.step = r.ref(item, "step", path, ix.steps, "step");
        rv.subject = r.ref(item, "subject", path, ix.entities, "entity");
        rv.target = r.ref(item, "target", path, ix.entities, "entity");
        r.text(item, "summary", path, rv.summary, kShort);
        std::string type;
        if (r.text(item, "type", path, type, kLabel) && !story::parse_reveal_type(type, rv.type)) {
            r.problem(at(path, "type"), "unknown reveal type " + quote(type) +
                                            " (expected identity or nature)");
            rv.subject = -1;  // without a type, later rules cannot judge it
        }
    }
}

void read_glossary(FieldReader& r, const Json& list, const Indexes& ix, Story& s) {
    string_index::Index terms;                               // reader_key → its entry in `first`
    std::vector<std::pair<std::size_t, std::string>> first;   // (index in the list, term) of each reader key
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& item = list[i];
        const std::string path = at("glossary", i);
        if (!r.object(item, path)) continue;
        r.only_keys(item, path, {"term", "definition", "step", "entity"});
        story::GlossaryEntry g;
        if (r.text(item, "term", path, g.term, kTerm)) {
            // Terms that differ only in case, in how a character is encoded, or in spacing read the same.
            const auto [seen, fresh] = terms.insert(unicode_fold::reader_key(g.term), static_cast<int>(first.size()));
            if (fresh) {
                first.emplace_back(i, g.term);
            } else {
                const auto& [index, other] = first[static_cast<std::size_t>(seen)];
                r.problem(at(path, "term"), "duplicate term " + quote(g.term) + " (also " + at("glossary", index) +
                                                (other == g.term ? ")" : ", " + quote(other) + ", which reads the same)"));
            }
        }
        r.text(item, "definition", path, g.definition, kDesc);
        g.step = r.ref(item, "step", path, ix.steps, "step");
        g.entity = r.ref(item, "entity", path, ix.entities, "entity", Need::Optional);
        s.glossary.push_back(std::move(g));
    }
}

void read_story(FieldReader& r, const Json& root, Story& s) {
    r.only_keys(root, "", {"format", "id", "title", "show", "source", "sections", "relationTypes",
                           "entities", "steps", "relationships", "reveals", "glossary"});
    std::string format;
    if (r.text(root, "format", "", format, kLabel) && format != "story-explainer/1") {
        r.problem("format", "unsupported format " + quote(format) + " (expected \"story-explainer/1\")");
    }
    r.slug(root, "id", "", s.id);
    r.text(root, "title", "", s.title, kTitle);
    r.text(root, "show", "", s.show, kTitle);
    Indexes ix;
    beliefs::read_source(r, root, s.source, ix.parts);

    const Json* sections = r.array(root, "sections", "", Need::Required, 100);
    const Json* types = r.array(root, "relationTypes", "", Need::Required, 1000);
    const Json* entities = r.array(root, "entities", "", Need::Required, kMaxEntities);
    const Json* steps = r.array(root, "steps", "", Need::Required, kMaxSteps);
    const Json* relationships = r.array(root, "relationships", "", Need::Optional, kMaxRelationships);
    const Json* reveals = r.array(root, "reveals", "", Need::Optional, 2000);
    const Json* glossary = r.array(root, "glossary", "", Need::Optional, 2000);

    // Every id index first: entities refer to steps (facts) and steps to entities (focus).
    std::vector<std::string> section_ids, type_ids, entity_ids, step_ids, reveal_ids;
    ix.sections = index_ids(r, sections, "sections", section_ids);
    ix.types = index_ids(r, types, "relationTypes", type_ids);
    ix.entities = index_ids(r, entities, "entities", entity_ids);
    ix.steps = index_ids(r, steps, "steps", step_ids);
    ix.reveals = index_ids(r, reveals, "reveals", reveal_ids);

    s.sections.resize(section_ids.size());
    for (std::size_t i = 0; i < section_ids.size(); ++i) {
        s.sections[i].id = section_ids[i];
        const std::string path = at("sections", i);
        if (!(*sections)[i].is_object()) continue;
        r.only_keys((*sections)[i], path, {"id", "title"});
        r.text((*sections)[i], "title", path, s.sections[i].title, kTitle);
    }
    s.relation_types.resize(type_ids.size());
    for (std::size_t i = 0; i < type_ids.size(); ++i) {
        s.relation_types[i].id = type_ids[i];
        const std::string path = at("relationTypes", i);
        if (!(*types)[i].is_object()) continue;
        auto& type = s.relation_types[i];
        r.only_keys((*types)[i], path, {"id", "label", "phrase", "pluralPhrase", "membership"});
        r.text((*types)[i], "label", path, type.label, kLabel);
        r.text((*types)[i], "phrase", path, type.phrase, kLabel, Need::Optional);
        r.text((*types)[i], "pluralPhrase", path, type.plural_phrase, kLabel, Need::Optional);
        r.boolean((*types)[i], "membership", path, type.membership, Need::Optional);
    }
    if (entities) {
        read_entities(r, *entities, ix, s);
        beliefs::read_replacements(r, *entities, s);
        for (std::size_t i = 0; i < entity_ids.size(); ++i) s.entities[i].id = entity_ids[i];
    }
    if (steps) {
        read_steps(r, *steps, ix, s);
        for (std::size_t i = 0; i < step_ids.size(); ++i) s.steps[i].id = step_ids[i];
    }
    if (relationships) read_relationships(r, *relationships, ix, s);
    if (reveals) {
        read_reveals(r, *reveals, ix, s);
        for (std::size_t i = 0; i < reveal_ids.size(); ++i) s.reveals[i].id = reveal_ids[i];
    }
    if (glossary) read_glossary(r, *glossary, ix, s);
}

}  // namespace

struct Parsed::Tree {
    Json root;
};
Parsed::Parsed() = default;
Parsed::~Parsed() = default;
// A Parsed moved from is left with nothing, not an unspecified list of problems.
Parsed::Parsed(Parsed&& other) noexcept
    : tree_(std::move(other.tree_)), problems_(std::exchange(other.problems_, {})) {}
Parsed& Parsed::operator=(Parsed&& other) noexcept {
    tree_ = std::move(other.tree_);
    problems_ = std::exchange(other.problems_, {});
    return *this;
}

Parsed parse(std::string_view text) {
    Parsed parsed;
    FieldReader r(parsed.problems_, nullptr);
    if (text.size() > kMaxBytes) {
        r.problem("(file)", "is " + std::to_string(text.size()) + " bytes; a story may be at most " +
                                std::to_string(kMaxBytes) + " bytes");
        return parsed;
    }
    auto tree = std::make_unique<Parsed::Tree>();
    if (Problem problem; !json_parse::parse(text, tree->root, problem)) {
        parsed.problems_.push_back(std::move(problem));
        return parsed;
    }
    if (!tree->root.is_object()) {
        r.problem("(top level)", std::string("expected an object, found ") + describe(tree->root));
        return parsed;
    }
    parsed.tree_ = std::move(tree);
    return parsed;
}

Result read(Parsed parsed) {
    Result result;
    result.problems = std::move(parsed.problems_);
    if (!parsed.tree_) {
        if (result.problems.empty()) result.problems.push_back({"(file)", "was never parsed"});   // a moved-from Parsed
        return result;
    }
    FieldReader r(result.problems, &result.warnings);
    read_story(r, parsed.tree_->root, result.story);
    parsed.tree_.reset();   // the tree is done with before the checks: a big story's is several times its text
    validate(result.story, r);
    if (result.problems.empty())
        for (auto& w : advise(result.story)) result.warnings.push_back(std::move(w));

    if (result.problems.size() > kMaxProblems) {
        const std::size_t more = result.problems.size() - kMaxProblems;
        result.problems.resize(kMaxProblems);
        result.problems.push_back({"(file)", "and " + std::to_string(more) + " more problems"});
    }
    return result;
}

Result load(std::string_view text) { return read(parse(text)); }

}  // namespace explainer::loader
