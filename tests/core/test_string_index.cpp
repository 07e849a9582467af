#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "core/text/string_index.h"

using explainer::string_index::Index;

TEST_CASE("an index keeps the first value given for each key, and says whether it added it") {
    Index ids;
    CHECK(ids.size() == 0);
    CHECK(ids.find("naomi") == -1);
    CHECK(ids.find("naomi", 99) == 99);
    CHECK(ids.insert("naomi", 4) == std::pair<int, bool>{4, true});
    CHECK(ids.insert("naomi", 7) == std::pair<int, bool>{4, false});
    CHECK(ids.insert("roy", 7) == std::pair<int, bool>{7, true});
    CHECK(ids.find("naomi") == 4);
    CHECK(ids.find("roy") == 7);
    CHECK(ids.find("Naomi") == -1);   // bytes, not case-folded
    CHECK(ids.find("") == -1);
    CHECK(ids.insert("", 1).second);  // the empty key is a key
    CHECK(ids.find("") == 1);
    CHECK(ids.size() == 3);
    ids.clear();
    CHECK(ids.size() == 0);
    CHECK(ids.find("naomi") == -1);
    CHECK(ids.insert("naomi", 5).second);
}

TEST_CASE("keys are bytes: embedded zeros, and prefixes of one another, are different keys") {
    Index cells;
    const std::string a("\0\0\0\1\0\0\0\0", 8), b("\0\0\0\0\0\0\0\1", 8);
    CHECK(cells.insert(a, 0).second);
    CHECK(cells.insert(b, 1).second);
    CHECK(cells.insert(a.substr(0, 4), 2).second);
    CHECK(cells.find(a) == 0);
    CHECK(cells.find(b) == 1);
    CHECK(cells.find(a.substr(0, 4)) == 2);
    CHECK(cells.find(a.substr(0, 3)) == -1);
}

TEST_CASE("an index answers as std::map does over many keys, across its growth") {
    // Short ids over a small alphabet, so that many repeat and many collide.
    std::mt19937 random(7);
    Index index;
    std::map<std::string, int> model;
    for (int i = 0; i < 20000; ++i) {
        std::string key(random() % 5, 'a');
        for (char& c : key) c = static_cast<char>('a' + random() % 6);
        const int value = static_cast<int>(random() % 1000);
        const auto [it, fresh] = model.emplace(key, value);
        REQUIRE(index.insert(key, value) == std::pair<int, bool>{it->second, fresh});
        std::string probe(random() % 5, 'a');
        for (char& c : probe) c = static_cast<char>('a' + random() % 6);
        const auto found = model.find(probe);
        REQUIRE(index.find(probe) == (found == model.end() ? -1 : found->second));
    }
    CHECK(index.size() == model.size());
    for (const auto& [key, value] : model) CHECK(index.find(key) == value);
}
