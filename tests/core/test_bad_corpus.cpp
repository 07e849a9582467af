// Each tests/bad/NAME.json must produce, among its problems, the exact line
// in tests/bad/NAME.expect.
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/loader.h"
#include "fixture.h"

namespace {
std::vector<std::string> corpus() {
    std::vector<std::string> names;
    if (DIR* dir = opendir(BAD_DIR)) {
        while (const dirent* entry = readdir(dir)) {
            const std::string name = entry->d_name;
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
                names.push_back(name.substr(0, name.size() - 5));
        }
        closedir(dir);
    }
    std::sort(names.begin(), names.end());
    return names;
}
}  // namespace

TEST_CASE("every bad story file gives its expected, located problem") {
    const auto names = corpus();
    CHECK(names.size() >= 60);
    for (const auto& name : names) {
        std::string expect = fixture::read(std::string(BAD_DIR) + "/" + name + ".expect");
        while (!expect.empty() && (expect.back() == '\n' || expect.back() == '\r')) expect.pop_back();
        const auto r = explainer::loader::load(fixture::read(std::string(BAD_DIR) + "/" + name + ".json"));
        INFO(name << "\n  expected: " << expect << "\n  got:\n" << fixture::problems(r));
        CHECK_FALSE(expect.empty());
        CHECK(fixture::problems(r).find(expect + "\n") != std::string::npos);
    }
}
