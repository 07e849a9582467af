// fuzz_support.h — what the fuzz targets share: FUZZ_ASSERT (a broken rule
// is a finding: trap, so libFuzzer saves the input), and the shipped story,
// loaded once, for the targets that run against it. A story that fails to
// load is a broken build, not a finding, but traps all the same.
#pragma once


#include "core/text/file_text.h"
#include "core/story/loader.h"

#define FUZZ_ASSERT(cond) do { if (!(cond)) __builtin_trap(); } while (0)

inline const explainer::story::Story& real_story() {
    static const explainer::story::Story story = [] {
        std::string text;
        if (explainer::file_text::read(STORY_FILE, text) != explainer::file_text::Read::Ok) __builtin_trap();
        auto r = explainer::loader::load(text);
        if (!r.ok()) __builtin_trap();
        return r.story;
    }();
    return story;
}
