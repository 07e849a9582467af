// exports_web.cpp — every entry point the page calls (EMSCRIPTEN_KEEPALIVE),
// and the one table of them the page is handed: window.explainer's methods,
// with the strings marshalled here, so no other file names a wasm export.
// Strings from the page are capped (contract.json's pageStringChars, 4,096) and only ever read as
// data (ids, fragments, queries); nothing is evaluated.
#include "exports_web.h"

#include <emscripten.h>

#include <string>
#include <string_view>

#include "app.h"
#include "focus_ring.h"
#include "frame_stats.h"

namespace ui = explainer::ui;

namespace {
ui::app::App* g_app = nullptr;
frame_stats::FrameStats* g_stats = nullptr;
std::string g_out;   // a returned string lives here until the next call
const char* out(std::string s) { return (g_out = std::move(s)).c_str(); }
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* explainer_state() { return out(g_app->state_json()); }
EMSCRIPTEN_KEEPALIVE int explainer_go(const char* step_id) { return g_app->go_id(step_id) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void explainer_next() { g_app->next(); }
EMSCRIPTEN_KEEPALIVE void explainer_prev() { g_app->prev(); }
EMSCRIPTEN_KEEPALIVE int explainer_select(const char* entity_id) { return g_app->select_id(entity_id) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void explainer_uncover() { g_app->uncover(); }
EMSCRIPTEN_KEEPALIVE void explainer_save_image() { g_app->request_picture(); }
EMSCRIPTEN_KEEPALIVE void explainer_save_transcript() { g_app->save_transcript(); }
EMSCRIPTEN_KEEPALIVE void explainer_search(const char* query) { g_app->set_query(query); }
EMSCRIPTEN_KEEPALIVE int explainer_filter(const char* spec) { return g_app->set_filter(spec) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void explainer_open_url(const char* fragment, int from_history) {
    g_app->open_link(fragment, from_history != 0);
}
// A story the reader picked or dropped (bytes, not text: it may not be
// UTF-8): checked, and shown from its first step if it is sound. Returns ""
// or its problems, one per line; on problems the story on screen stays.
EMSCRIPTEN_KEEPALIVE const char* explainer_open_story(const unsigned char* bytes, int size) {
    std::vector<std::string> problems;
    if (g_app->load(std::string_view(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)), problems))
        return out("");
    std::string joined;
    for (const auto& p : problems) joined += p + "\n";
    return out(joined);
}
// From a control's DOM twin (shell/controls.js): the ring's item `index`,
// named `name` (checked: the list may have changed since), takes focus
// (index -1: none does) or is pressed, with its part (a choice, a step; -1
// for the whole). Returns 1 when the item was still there.
EMSCRIPTEN_KEEPALIVE int explainer_focus_control(int index, const char* name, int part) {
    return ui::focus_ring::focus_on(index, name, part) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE int explainer_press_control(int index, const char* name, int part) {
    return ui::focus_ring::press_on(index, name, part) ? 1 : 0;
}
// Frame times since the last reset (frame_stats.h), and the wasm memory in
// bytes (it only grows): for the benchmarks and the soak test's leak watch.
EMSCRIPTEN_KEEPALIVE const char* explainer_frame_stats(int reset) {
    const unsigned long wasm_bytes = static_cast<unsigned long>(__builtin_wasm_memory_size(0)) * 65536ul;
    return out(g_stats->json(wasm_bytes, reset != 0));
}
}

EM_JS(void, js_hand_api, (), {
    // A string from a script may hold a lone surrogate, which stringToUTF8
    // would fuse with the next character: each becomes U+FFFD first.
    const wellFormed = (s) => {
        let out = "";
        for (let i = 0; i < s.length; ++i) {
            const c = s.charCodeAt(i);
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
                out += s[i] + s[i + 1];
                ++i;
            } else {
                out += (c & 0xF800) === 0xD800 ? String.fromCharCode(0xFFFD) : s[i];
            }
        }
        return out;
    };
    const withString = (text, fn) => {
        const s = wellFormed(String(text == null ? "" : text).slice(0, window['explainerContract']['limits']['pageStringChars']));
        const n = lengthBytesUTF8(s) + 1;
        const ptr = _malloc(n);
        stringToUTF8(s, ptr, n);
        try { return fn(ptr); } finally { _free(ptr); }
    };
    const withBytes = (bytes, fn) => {
        const ptr = _malloc(bytes.length + 1);
        HEAPU8.set(bytes, ptr);
        try { return fn(ptr, bytes.length); } finally { _free(ptr); }
    };
    window['explainerPage']['ready']({
        'state': () => JSON.parse(UTF8ToString(_explainer_state())),
        'go': (stepId) => withString(stepId, _explainer_go) === 1,
        'next': () => _explainer_next(),
        'prev': () => _explainer_prev(),
        'select': (entityId) => withString(entityId, _explainer_select) === 1,
        'uncover': () => _explainer_uncover(),
        'search': (query) => withString(query, _explainer_search),
        'filter': (spec) => withString(spec, _explainer_filter) === 1,
        'saveImage': () => _explainer_save_image(),
        'saveTranscript': () => _explainer_save_transcript(),
        'openUrl': (fragment, fromHistory) => withString(fragment, (p) => _explainer_open_url(p, fromHistory ? 1 : 0)),
        'openStory': (bytes) => withBytes(bytes, (p, n) => UTF8ToString(_explainer_open_story(p, n))),
        'focusControl': (index, name, part) => withString(name, (p) => _explainer_focus_control(index, p, part)) === 1,
        'pressControl': (index, name, part) => withString(name, (p) => _explainer_press_control(index, p, part)) === 1,
        'frameStats': (reset) => JSON.parse(UTF8ToString(_explainer_frame_stats(reset ? 1 : 0))),
    });
});

namespace exports_web {

void hand_to_page(ui::app::App& app, frame_stats::FrameStats& stats) {
    g_app = &app;
    g_stats = &stats;
    js_hand_api();
}

}  // namespace exports_web
