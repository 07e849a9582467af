// unicode_fold.h — text as a reader compares it, in any script.
//
// Two texts a reader cannot tell apart must compare equal: "é" typed as one
// code point or as "e" plus a combining acute, "Ω" as OMEGA or as OHM SIGN,
// "が" as one kana or as "か" plus a voicing mark, Hangul as syllables or as
// jamo, "Straße" and "STRASSE". That is Unicode's canonical caseless match
// (Unicode 15, chapter 3, D145): NFD(fold(NFD(text))). The tables come from
// Debian's unicode-data at build time (scripts/unicode_tables.py), so nothing
// is hand-copied and the page carries only the packed tables.
//
// Compatibility forms (full-width "Ａ" against "A", superscript "²" against
// "2") and look-alikes across scripts (Cyrillic "а" against Latin "a") stay
// different: a reader can see the first, and the second is a matter of fonts,
// not of equivalence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace explainer::unicode_fold {

// Canonical decomposition (NFD): every character decomposed, combining marks
// in canonical order.
std::u32string decompose(const std::u32string& text);

// Full case folding (CaseFolding.txt statuses C and F), code point by code point.
std::u32string fold_case(const std::u32string& text);

// decompose(fold_case(decompose(text))): equal for texts that are canonically
// equivalent when case is ignored.
std::u32string caseless_key(const std::u32string& text);

// A reader's key for a name or a term: caseless_key, with spaces of any width
// and line breaks as one space, none at either end, and characters nobody can
// see (zero-width, soft hyphen, joiners) dropped. UTF-8 in and out.
std::string reader_key(std::string_view text);

// Spaces of every width, zero-width and formatting characters, fillers.
bool invisible(char32_t c);

// The code point starting at text[i] of valid UTF-8 (the loader checks it
// first); i moves past it. A sequence cut short by the end reads what is there.
char32_t next_code_point(std::string_view text, std::size_t& i);
void append_utf8(std::string& out, char32_t c);

}  // namespace explainer::unicode_fold
