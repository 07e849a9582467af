// fuzz_loader — bytes → loader::load. On success everything downstream runs:
// every step's state, what changed, cards and text, the layout of the first
// steps, and link resolution for every step and entity id. Under ASan and
// UBSan a crash, a leak or undefined behaviour is a finding; so is a story
// the loader accepts that breaks an invariant the rest of the code relies on,
// a problem in a parser's terms, or a reader's key (unicode_fold) that is not
// its own key.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/reading/deep_link.h"
#include "core/story/loader.h"
#include "core/reading/step_state.h"
#include "core/layout/story_layout.h"
#include "core/reading/text_version.h"
#include "core/text/unicode_fold.h"
#include "core/reading/what_changed.h"
#include "fuzz_support.h"

using namespace explainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (size <= 512) {   // any bytes, even broken UTF-8: the key of a key is itself
        const std::string key = unicode_fold::reader_key(bytes);
        FUZZ_ASSERT(unicode_fold::reader_key(key) == key);
    }
    const auto r = loader::load(bytes);
    if (!r.ok()) {
        FUZZ_ASSERT(!r.problems.empty());
        for (const auto& p : r.problems) {
            FUZZ_ASSERT(!p.text().empty());
            // A syntax error never echoes the file's text; other problems quote the author's own
            // names and keys, which may hold any word.
            if (p.what.rfind("not valid JSON: ", 0) != 0) continue;
            for (const char* jargon : {"syntax error", "json.exception", "literal", "last read", "token"})
                FUZZ_ASSERT(p.what.find(jargon) == std::string::npos);
        }
        return 0;
    }
    const auto& s = r.story;
    FUZZ_ASSERT(!s.steps.empty() && !s.entities.empty());
    for (int k = 0; k < static_cast<int>(s.steps.size()); ++k) {
        const auto st = step_state::at(s, k);
        for (int n : st.nodes) {
            FUZZ_ASSERT(n >= 0 && n < static_cast<int>(s.entities.size()));
            FUZZ_ASSERT(step_state::card(s, st, n).entity == n);
        }
        what_changed::at(s, st);
        text_version::page(s, k);
        text_version::preview(s, k);
        const auto link = deep_link::resolve(s, deep_link::format(s.steps[static_cast<std::size_t>(k)].id));
        FUZZ_ASSERT(link.step == k);
    }
    for (const auto& e : s.entities) {
        const auto t = deep_link::resolve(s, deep_link::format(s.steps.back().id, e.id));
        FUZZ_ASSERT(t.step == static_cast<int>(s.steps.size()) - 1);
    }
    // The layout of the first steps (what a page does before its first frame).
    if (s.entities.size() <= 200) {
        std::vector<layout::Vec2> sizes(s.entities.size(), layout::Vec2{30, 12});
        story_layout::Steps layouts(s, sizes);
        const auto& first = layouts.at(std::min<int>(2, static_cast<int>(s.steps.size()) - 1));
        for (const auto& p : first) FUZZ_ASSERT(std::isfinite(p.x) && std::isfinite(p.y));
    }
    return 0;
}
