#include "core/text/string_index.h"

#include <cstring>

namespace explainer::string_index {

std::uint32_t Index::hash_of(std::string_view key) {
    // Four bytes a step, each mixed in by a multiply and a shift; the last
    // shift spreads the high bits into the low ones the table's mask keeps.
    std::uint32_t h = 2166136261u ^ static_cast<std::uint32_t>(key.size());
    std::size_t i = 0;
    for (; i + 4 <= key.size(); i += 4) {
        std::uint32_t word;
        std::memcpy(&word, key.data() + i, 4);
        h = (h ^ word) * 0x9e3779b1u;
        h ^= h >> 15;
    }
    for (; i < key.size(); ++i) h = (h ^ static_cast<unsigned char>(key[i])) * 16777619u;
    return h ^ (h >> 16);
}

std::size_t Index::slot_of(std::string_view key, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.entry == 0 || (s.hash == hash && entries_[s.entry - 1].key == key)) return i;
    }
}

void Index::grow() {
    std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2, Slot{0, 0});
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.entry == 0) continue;
        std::size_t i = s.hash & mask;
        while (slots_[i].entry != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

std::pair<int, bool> Index::insert(std::string_view key, int value) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::uint32_t hash = hash_of(key);
    const std::size_t i = slot_of(key, hash);
    if (slots_[i].entry != 0) return {entries_[slots_[i].entry - 1].value, false};
    entries_.push_back({std::string(key), value});
    slots_[i] = {static_cast<std::uint32_t>(entries_.size()), hash};
    return {value, true};
}

int Index::find(std::string_view key, int absent) const {
    if (entries_.empty()) return absent;
    const Slot& s = slots_[slot_of(key, hash_of(key))];
    return s.entry == 0 ? absent : entries_[s.entry - 1].value;
}

void Index::clear() {
    entries_.clear();
    slots_.clear();
}

}  // namespace explainer::string_index
