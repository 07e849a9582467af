// fuzz_link — any fragment through the link codec: parse → format → parse
// is stable, and resolve's canonical fragment resolves to the same step and
// entity, and is its own canonical form, against the real story. No input
// may throw, loop or overflow.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/reading/deep_link.h"
#include "core/story/loader.h"
#include "fuzz_support.h"

using namespace explainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string fragment(reinterpret_cast<const char*>(data), size);
    const auto link = deep_link::parse(fragment);
    if (link.status == deep_link::Link::Status::Ok) {
        const auto again = deep_link::parse(deep_link::format(link.step, link.entity));
        FUZZ_ASSERT(again.status == deep_link::Link::Status::Ok);
        FUZZ_ASSERT(again.step == link.step && again.entity == link.entity);
    }
    const auto& s = real_story();
    const auto target = deep_link::resolve(s, fragment);
    FUZZ_ASSERT(target.step >= 0 && target.step < static_cast<int>(s.steps.size()));
    FUZZ_ASSERT(target.entity >= -1 && target.entity < static_cast<int>(s.entities.size()));
    FUZZ_ASSERT(target.canonical.empty() == (link.status == deep_link::Link::Status::Empty));
    if (!target.canonical.empty()) {
        const auto back = deep_link::resolve(s, target.canonical);
        FUZZ_ASSERT(back.step == target.step && back.entity == target.entity);
        FUZZ_ASSERT(back.canonical == target.canonical);
        FUZZ_ASSERT(back.notice.empty());
    }
    return 0;
}
