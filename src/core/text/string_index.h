// string_index.h — a hash table from byte strings to ints: ids to their
// place in a list, an object's keys so far, terms to their first entry.
//
//     string_index::Index ids;
//     ids.insert("naomi", 4);        // {4, true}: added
//     ids.insert("naomi", 7);        // {4, false}: already there, kept as it was
//     ids.find("naomi");             // 4
//     ids.find("roy");               // -1: absent
//
// One class rather than std::unordered_map<K, V> for each pair of types the
// loader needs: each such instantiation, with libc++'s prime table, was code
// the page downloads on every visit (with the layout's two, since gone too,
// about 10 KiB of wasm). Keys are copied in; lookups take a string_view, so no string is
// built to ask. Open addressing with linear probing in a power-of-two table
// kept at most half full, so a miss ends at the first empty slot.
// Each slot holds its key's hash, so probing reads one array.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace explainer::string_index {

class Index {
public:
    // Adds key → value if the key is new. Returns the value the key has now
    // (the older one for a key already there) and whether it was added.
    std::pair<int, bool> insert(std::string_view key, int value);
    // The key's value, or `absent` when it was never added.
    int find(std::string_view key, int absent = -1) const;
    std::size_t size() const { return entries_.size(); }
    void clear();

private:
    struct Entry {
        std::string key;
        int value;
    };
    // A slot keeps its key's hash beside the entry, so a probe past other
    // keys compares numbers in one array and reads an entry only on a match.
    struct Slot {
        std::uint32_t entry;   // entry index + 1; 0: empty
        std::uint32_t hash;
    };
    static std::uint32_t hash_of(std::string_view key);
    // The slot holding key, or the empty slot where it would go.
    std::size_t slot_of(std::string_view key, std::uint32_t hash) const;
    void grow();

    std::vector<Entry> entries_;          // in the order added
    std::vector<Slot> slots_;
};

}  // namespace explainer::string_index
