// explain — the story author's command-line tool.
//
//   explain check FILE            validate; print a summary, or every problem
//   explain show FILE STEP-ID     the story so far and the map at that step
//   explain site FILE OUT-DIR [--base-url URL] [--page INDEX.HTML]
//                                 text.json and, made from the site's page,
//                                 a link-preview page per step (site.h)
//   explain text FILE OUT.json    the text version's data alone (another story)
//
// Exit status: 0 fine, 1 the story has problems or the step is unknown,
// 2 bad usage or an unreadable file.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/text/file_text.h"
#include "core/story/loader.h"
#include "core/reading/step_state.h"
#include "core/reading/what_changed.h"
#include "site/site.h"

namespace {

using namespace explainer;

int usage() {
    std::cerr << "usage: explain check FILE\n"
                 "       explain show FILE STEP-ID\n"
                 "       explain site FILE OUT-DIR [--base-url URL] [--page INDEX.HTML]\n"
                 "       explain text FILE OUT.json\n";
    return 2;
}

void wrap(std::ostream& os, const std::string& text, const char* indent, std::size_t width = 78) {
    std::istringstream words(text);
    std::string word, line;
    while (words >> word) {
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            os << indent << line << '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) os << indent << line << '\n';
}

int check(const char* path, const loader::Result& r) {
    if (!r.ok()) {
        std::cout << path << ": " << r.problems.size() << (r.problems.size() == 1 ? " problem\n" : " problems\n");
        for (const auto& p : r.problems) std::cout << "  " << p.text() << '\n';
        return 1;
    }
    const auto& s = r.story;
    for (const auto& w : r.warnings) std::cout << "  warning: " << w.text() << '\n';
    std::cout << path << ": OK — " << s.title << " (" << s.show << ")\n"
              << "  " << s.entities.size() << " entities, " << s.relationships.size() << " relationships, "
              << s.reveals.size() << " reveals, " << s.steps.size() << " steps, "
              << s.glossary.size() << " glossary terms\n";
    int section = -1;
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const auto& st = s.steps[i];
        if (st.section != section) {
            section = st.section;
            std::cout << "  " << s.sections[section].title << '\n';
        }
        std::printf("    %2zu. %-24s %s%s\n", i + 1, st.id.c_str(), st.title.c_str(), st.reveal ? "  [reveal]" : "");
    }
    return 0;
}

int show(const story::Story& s, const char* step_id) {
    const int k = s.find_step(step_id);
    if (k < 0) {
        std::cerr << "no step \"" << step_id << "\" in this story; steps are:";
        for (const auto& st : s.steps) std::cerr << ' ' << st.id;
        std::cerr << '\n';
        return 1;
    }
    const auto state = step_state::at(s, k);
    std::cout << s.title << "\nStep " << k + 1 << " of " << s.steps.size() << ": " << s.steps[k].title
              << (s.steps[k].reveal ? "  [reveal]" : "") << "\n\nThe story so far\n";
    int section = -1;
    for (int i = 0; i <= k; ++i) {
        const auto& st = s.steps[i];
        if (st.section != section) {
            section = st.section;
            std::cout << "\n  " << s.sections[section].title << "\n";
        }
        std::cout << "\n  " << i + 1 << ". " << st.title << (st.reveal ? "  [reveal]" : "") << '\n';
        wrap(std::cout, st.narration, "     ");
    }
    std::cout << "\nOn the map (" << state.nodes.size() << ")\n";
    for (int e : state.nodes) {
        const auto c = step_state::card(s, state, e);
        std::cout << "  " << c.name << " [" << c.kind << "]" << (state.entity_new[e] ? "  new" : "");
        for (const auto& aka : c.also_known_as) std::cout << "  (was: " << aka << ")";
        if (state.revealed_as[e] >= 0) std::cout << "  (revealed: " << s.entities[state.revealed_as[e]].name << ")";
        std::cout << '\n';
    }
    std::cout << "\nWhat changed at this step\n";
    for (const auto& item : what_changed::at(s, state)) {
        const bool gone = item.kind == what_changed::Kind::NoLongerTrue;
        std::cout << "  " << (gone ? "no longer believed: " : "") << (item.apparent ? "seemingly: " : "")
                  << item.text << "  [" << what_changed::kind_name(item.kind) << "]\n";
    }
    // Overturned beliefs stay listed, marked, so the reader sees what changed their mind.
    std::cout << "\nRelationships known\n";
    for (std::size_t i = 0; i < s.relationships.size(); ++i) {
        if (!state.rel_known[i]) continue;
        const auto& rel = s.relationships[i];
        std::cout << "  " << (state.rel_over[i] ? "x " : "") << s.entities[state.shown_as[rel.from]].name << " — "
                  << (story::apparent_at(rel, state.step) ? "seemingly " : "") << s.relation_types[rel.type].label << " → "
                  << s.entities[state.shown_as[rel.to]].name << (state.rel_new[i] ? "  new" : "");
        if (state.rel_over[i]) std::cout << "  (no longer believed since step " << s.steps[rel.until].id << ")";
        std::cout << '\n';
    }
    std::cout << "\nReveals so far\n";
    if (state.reveals_done.empty()) std::cout << "  (none yet)\n";
    for (int r : state.reveals_done) {
        std::cout << "  " << s.reveals[r].summary << "  (step " << s.steps[s.reveals[r].step].id << ")\n";
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string command = argv[1];
    site::Options options;
    std::string page_path;
    bool site_args = command == "site" && argc >= 4 && argc % 2 == 0;
    for (int i = 4; site_args && i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--base-url") options.base_url = argv[i + 1];
        else if (flag == "--page") page_path = argv[i + 1];
        else site_args = false;
    }
    const bool two_args = (command == "show" || command == "text") && argc == 4;
    if (!((command == "check" && argc == 3) || two_args || site_args)) return usage();
    std::string text;
    const auto read = file_text::read(argv[2], text, loader::kMaxBytes);
    if (read == file_text::Read::TooLarge) {   // a story problem, said as check says the loader's
        std::cout << argv[2] << ": 1 problem\n  (file): is more than " << loader::kMaxBytes
                  << " bytes; a story may be at most " << loader::kMaxBytes << " bytes\n";
        return 1;
    }
    if (read != file_text::Read::Ok) {
        std::cerr << "explain: cannot read " << argv[2] << ": it " << file_text::describe(read) << '\n';
        return 2;
    }
    const auto result = loader::load(text);
    if (command == "check") return check(argv[2], result);
    if (!result.ok()) {
        check(argv[2], result);
        return 1;
    }
    if (command == "site") {
        options.out_dir = argv[3];
        if (!page_path.empty()) {
            const auto got = file_text::read(page_path.c_str(), options.page, 1 << 20);
            if (got != file_text::Read::Ok) {
                std::cerr << "explain: cannot read the page " << page_path << ": it " << file_text::describe(got) << '\n';
                return 2;
            }
        }
        if (!options.base_url.empty() && options.base_url.back() != '/') options.base_url += '/';
        return site::write(result.story, options) ? 0 : 2;
    }
    if (command == "text") {   // only the text version's data (a story beside the site's first)
        std::ofstream out(argv[3], std::ios::binary);
        out << site::text_json(result.story).dump();
        out.close();
        if (!out) std::cerr << "explain text: cannot write " << argv[3] << '\n';
        return out ? 0 : 2;
    }
    return show(result.story, argv[3]);
}
