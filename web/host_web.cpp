// host_web.cpp — the browser host (see host.h): the WebGL2 context, hi-DPI
// sizing (CSS size × devicePixelRatio), input, the main loop, and the EM_JS
// helpers into the page. The page's API is in exports_web.cpp.
// Text only ever reaches the DOM through textContent; nothing is evaluated.
//
// Implemented features (as ImGui's backends list theirs):
//  [X] Hi-DPI: the canvas's CSS size × devicePixelRatio (clamped, contract.h)
//      is its backing store; fonts are rebuilt at the ratio, the mouse stays
//      in CSS px (DisplayFramebufferScale).
//  [X] Mouse: buttons (a quick click is never lost within one frame), wheel
//      (an embed lets the host page scroll until the map is clicked), leave.
//  [X] Touch: one finger is the mouse; two pinch to zoom about their middle.
//  [X] Keyboard: the app's keys only; Tab is the browser's, through the
//      controls' DOM twins (semantics.h), and keys aimed at a twin or a field
//      are left to the page.
//  [X] Clipboard: Copy link writes the page's clipboard in the reader's own
//      event (shell/page.js); the program never reads it.
//  [X] Text input and IME: in the page's own search field (an <input>, over
//      the map's spot for it), so every input method works; ImGui takes none.
// Missing features:
//  [ ] Mouse cursor shapes: ImGui's cursor is not mapped to the canvas's CSS
//      cursor (the map shows the arrow everywhere).
//  [ ] Gamepads.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app.h"
#include "contract.h"
#include "core/story/loader.h"
#include "exports_web.h"
#include "focus_ring.h"
#include "frame_stats.h"
#include "gl_renderer.h"
#include "host.h"
#include "runner.h"
#include "semantics.h"
#include "theme.h"

namespace ui = explainer::ui;
namespace loader = explainer::loader;

// ---- JavaScript helpers -----------------------------------------------------

// Moves bytes the page fetched (Module[name], a Uint8Array) into wasm memory.
EM_JS(unsigned char*, js_take_bytes, (const char* name, int* size), {
    const key = UTF8ToString(name);
    const data = Module[key];
    Module[key] = null;
    if (!data) { HEAP32[size >> 2] = 0; return 0; }
    const ptr = _malloc(data.length + 1);
    HEAPU8.set(data, ptr);
    HEAPU8[ptr + data.length] = 0;
    HEAP32[size >> 2] = data.length;
    return ptr;
});
// The page's drawing program, which it compiled and linked from the same
// shaders (contract.json) while the files downloaded (page.js): the
// context's next createProgram() hands it back, once, so Emscripten's
// glCreateProgram registers it as one of its own. Its glLinkProgram, never
// called for this one, would also have started the uniforms' table that
// glGetUniformLocation fills (library_webgl.js, Emscripten 3.1.6): started
// here. 1 where there is a program.
EM_JS(int, js_take_program, (int major_version), {
    const program = Module['glProgram'];
    Module['glProgram'] = null;
    const gl = program && Module['canvas'].getContext('webgl' + major_version);   // the context made, asked again
    if (!gl) return 0;
    gl.createProgram = function() {
        delete gl.createProgram;
        program.uniformSizeAndIdsByName = {};
        return program;
    };
    return 1;
});
// Keeps out[0..2] (the canvas's CSS width and height, and the device pixel
// ratio) current from resize events, so a frame reads three numbers from
// memory instead of asking the layout engine (getBoundingClientRect) each time.
EM_JS(void, js_watch_size, (double* out), {
    const canvas = Module['canvas'];
    const update = () => {
        const r = canvas.getBoundingClientRect();
        const at = out >> 3;
        HEAPF64[at] = r.width;
        HEAPF64[at + 1] = r.height;
        HEAPF64[at + 2] = window.devicePixelRatio || 1;
    };
    update();
    if (window.ResizeObserver) new ResizeObserver(update).observe(canvas);
    window.addEventListener('resize', update);   // also where a zoom changes the pixel ratio
});
EM_JS(int, js_reduced_motion, (), {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});
// The page decides whether it is embedded (?embed=1, shell/page.js); the program reads its decision.
EM_JS(int, js_embedded, (), { return document.body.classList.contains('embed') ? 1 : 0; });
// Keys are the app's only while the page's focus is on the map (or nowhere):
// a focused field, button or link of the page keeps its own keys.
// 2: the canvas itself, 1: nowhere, 3: a button's DOM twin (the app takes
// the arrows and Page keys; the twin keeps Enter, Space, Tab and Escape),
// 0: elsewhere (a field, the step list, the filter's <select>).
EM_JS(int, js_key_focus, (), {
    const el = document.activeElement;
    if (el === Module['canvas']) return 2;
    if (!el || el === document.body) return 1;
    return el.getAttribute('data-twin') === 'button' ? 3 : 0;
});
// The semantic layer changed (web/semantics.h): the page remakes the twins.
EM_JS(void, js_controls, (const char* json), { window['explainerPage']['controls'](UTF8ToString(json)); });
EM_JS(void, js_set_mirror, (const char* text), { window['explainerPage']['mirror'](UTF8ToString(text)); });
EM_JS(void, js_write_url, (const char* fragment, int push), {
    window['explainerPage']['writeUrl'](UTF8ToString(fragment), push !== 0);
});
EM_JS(void, js_copy_link, (const char* step, const char* title), {
    window['explainerPage']['copyLink'](UTF8ToString(step), UTF8ToString(title));
});
EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, js_reader_state, (const char* json), { window['explainerPage']['readerState'](JSON.parse(UTF8ToString(json))); });
EM_JS(void, js_save_transcript, (int last), { window['explainerPage']['saveTranscript'](last); });
// Called in the frame that drew the picture: the drawing buffer is only
// readable until the browser composites it.
EM_JS(void, js_save_canvas, (const char* name), { window['explainerPage']['saveCanvas'](UTF8ToString(name)); });
EM_JS(void, js_no_webgl, (const char* reason), { window['explainerPage']['textOnly'](UTF8ToString(reason)); });
EM_JS(void, js_first_frame, (), { window['explainerPage']['firstFrame'](); });
// For the benchmarks: when each stage of the start ended (performance.now(),
// ms), in window.explainerStartup.
EM_JS(void, js_mark, (const char* stage), {
    (window['explainerStartup'] = window['explainerStartup'] || {})[UTF8ToString(stage)] = performance.now();
});
EM_JS(void, js_place_search, (float x, float y, float w, float h), { window['explainerPage']['placeSearch'](x, y, w, h); });
EM_JS(void, js_clear_search, (), { window['explainerPage']['clearSearch'](); });
EM_JS(void, js_error_page, (const char* title, const char* lines), {
    window['explainerPage']['error'](UTF8ToString(title), UTF8ToString(lines).split('\n'));
});

namespace explainer::ui::host {
double now_ms() { return emscripten_get_now(); }
bool prefers_reduced_motion() { return js_reduced_motion() != 0; }
void set_mirror(const std::string& text) { js_set_mirror(text.c_str()); }
void write_url(const std::string& fragment, bool push) { js_write_url(fragment.c_str(), push ? 1 : 0); }
void copy_link(const std::string& step_id, const std::string& title) { js_copy_link(step_id.c_str(), title.c_str()); }
void set_title(const std::string& title) { js_set_title(title.c_str()); }
void reader_state(const std::string& json) { js_reader_state(json.c_str()); }
void save_transcript(int last) { js_save_transcript(last); }
void save_canvas(const std::string& filename) { js_save_canvas(filename.c_str()); }
void place_search(float x, float y, float w, float h) { js_place_search(x, y, w, h); }
void clear_search() { js_clear_search(); }
}  // namespace explainer::ui::host

// ---- the application and its frame ------------------------------------------

namespace {

void show_error_page(const std::string& title, const std::vector<std::string>& lines) {
    std::string joined;
    for (const auto& l : lines) joined += l + "\n";
    if (!joined.empty()) joined.pop_back();
    js_error_page(title.c_str(), joined.c_str());
}

ui::app::App g_app;
unsigned char* g_font_data = nullptr;
int g_font_size = 0;
ui::runner::Runner* g_runner = nullptr;
frame_stats::FrameStats g_stats;
bool g_first_frame_done = false;
bool g_embedded = false;        // ?embed=1, read once at start
double g_size[3] = {0, 0, 1};   // CSS width, height, device pixel ratio (js_watch_size)
int g_fb_w = 0, g_fb_h = 0;     // the canvas's backing store, as last set

void end_of_frame_input();
void publish_semantics();
// The device pixel ratio as the page clamps it too (contract.h).
float pixel_ratio() { return static_cast<float>(std::clamp(g_size[2], contract::kPixelRatioMin, contract::kPixelRatioMax)); }

bool start_stage();
void draw_frame();

// V8 compiles a wasm function the first time it is called, on the page's
// thread, and at the start every call is a first. So the start's stages and
// the frame's drawing are functions of their own, never inlined into this one
// (nor into each other): each is compiled in the task that first needs it,
// not all in the first (inlined, this function was 60 KB, and compiling it
// alone held the first task 114-159 ms on the mobile profile).
void frame() {
    if (start_stage()) draw_frame();
}

[[gnu::noinline]] void draw_frame() {
    const double start = emscripten_get_now();
    const float dpr = pixel_ratio();
    const int fb_w = std::max(1, static_cast<int>(std::lround(g_size[0] * dpr)));
    const int fb_h = std::max(1, static_cast<int>(std::lround(g_size[1] * dpr)));
    bool fresh = false;   // the canvas was cleared or the atlas changed: draw, whatever the frame
    if (fb_w != g_fb_w || fb_h != g_fb_h) emscripten_set_canvas_element_size("#canvas", g_fb_w = fb_w, g_fb_h = fb_h), fresh = true;
    if (g_runner->fonts_for(dpr)) gl_renderer::upload_fonts(*ImGui::GetIO().Fonts), fresh = true;   // a zoom changed the ratio

    const ImDrawData& draw = g_runner->frame({static_cast<float>(g_size[0]), static_cast<float>(g_size[1]), dpr}, start);
    const double ui_done = emscripten_get_now();
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui::theme::kBackground);
    const float background[3] = {bg.x, bg.y, bg.z};
    // A frame the same as the last is not drawn: the canvas still shows it
    // (a still 10k map would otherwise cost the GPU its every vertex again).
    if (fresh || !g_runner->unchanged()) gl_renderer::render(draw, fb_w, fb_h, background);
    g_runner->after_draw();   // "Save image": this frame, with its title band
    ImGui::GetIO().MouseWheel = 0;
    end_of_frame_input();
    publish_semantics();
    g_stats.add_frame(static_cast<float>(emscripten_get_now() - start), static_cast<float>(ui_done - start));
    if (!g_first_frame_done) {
        g_first_frame_done = true;
        js_mark("frame");
        js_first_frame();
        emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);   // from now on, a frame at each of the display's
    }
    // Work ahead (the next step's layout), after the draw calls and counted
    // apart from the frame: it runs on few frames, while the map is still.
    const double idle_start = emscripten_get_now();
    g_app.idle(idle_start);
    const double idle_ms = emscripten_get_now() - idle_start;
    if (idle_ms > 0.05) g_stats.add_idle(static_cast<float>(idle_ms));
}

// ---- input --------------------------------------------------------------------

struct Touch { int id; float x, y; };
std::vector<Touch> g_touches;
float g_pinch_distance = 0;

int imgui_button(unsigned short b) { return b == 0 ? 0 : b == 2 ? 1 : 2; }

// In an embed, the wheel scrolls the host page until the reader has clicked
// the map (or holds Ctrl): a page that scrolls past an embed must not get stuck.
bool g_map_engaged = false;

// ImGui 1.86 samples the button state once a frame, so a press and release
// that arrive within one frame (a quick click or tap) would be lost: a
// release is held back until a frame has seen the press.
bool g_pressed_unseen[3] = {}, g_release_pending[3] = {};
// A finger lifted off the screen points at nothing: once a frame has seen
// the release (so the tap lands), the pointer leaves, or the last button
// tapped would stay lit as if hovered.
bool g_finger_lifted = false;
void press(int b) {
    ui::runner::Runner::pointer_pressed();
    ImGui::GetIO().MouseDown[b] = true;
    g_pressed_unseen[b] = true;
}
void release(int b) {
    if (g_pressed_unseen[b]) g_release_pending[b] = true;
    else ImGui::GetIO().MouseDown[b] = false;
}
void end_of_frame_input() {
    const bool release_unseen = g_release_pending[0];
    for (int b = 0; b < 3; ++b) {
        g_pressed_unseen[b] = false;
        if (g_release_pending[b]) ImGui::GetIO().MouseDown[b] = false;
        g_release_pending[b] = false;
    }
    if (g_finger_lifted && !release_unseen) {
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        g_finger_lifted = false;
    }
}

// user_data is non-null for the document-wide mouseup (a release outside the
// canvas), whose coordinates are not the canvas's.
EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* user_data) {
    ImGuiIO& io = ImGui::GetIO();
    if (!user_data) io.MousePos = ImVec2(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) {
        press(imgui_button(e->button));
        g_map_engaged = true;
    }
    if (type == EMSCRIPTEN_EVENT_MOUSEUP) release(imgui_button(e->button));
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    if (g_embedded && !g_map_engaged && !e->mouse.ctrlKey) return EM_FALSE;
    const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3 : 1.0;
    ImGui::GetIO().MouseWheel -= static_cast<float>(std::clamp(e->deltaY * scale, -3.0, 3.0));
    return EM_TRUE;   // the page itself must not scroll
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    g_touches.clear();
    for (int i = 0; i < e->numTouches; ++i) {
        const auto& t = e->touches[i];
        const bool ended = (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) && t.isChanged;
        if (!ended) g_touches.push_back({t.identifier, static_cast<float>(t.targetX), static_cast<float>(t.targetY)});
    }
    if (g_touches.size() == 2) {   // pinch: zoom about the midpoint
        const float d = std::hypot(g_touches[0].x - g_touches[1].x, g_touches[0].y - g_touches[1].y);
        if (g_pinch_distance > 0 && d > 0)
            g_app.zoom_by(d / g_pinch_distance, (g_touches[0].x + g_touches[1].x) / 2, (g_touches[0].y + g_touches[1].y) / 2);
        g_pinch_distance = d;
        release(0);
    } else {
        g_pinch_distance = 0;
        if (g_touches.size() == 1) {
            io.MousePos = ImVec2(g_touches[0].x, g_touches[0].y);
            if (!io.MouseDown[0]) press(0);
            g_finger_lifted = false;
        } else {
            if (io.MouseDown[0]) release(0);
            g_finger_lifted = g_touches.empty();
        }
    }
    return EM_TRUE;
}

// The browser's key names for the keys the app binds (App::key).
ImGuiKey key_of(const char* name) {
    static const struct { const char* name; ImGuiKey key; } kKeys[] = {
        {"Tab", ImGuiKey_Tab}, {"Escape", ImGuiKey_Escape}, {"Enter", ImGuiKey_Enter}, {" ", ImGuiKey_Space},
        {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"PageDown", ImGuiKey_PageDown},
        {"PageUp", ImGuiKey_PageUp}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}};
    for (const auto& k : kKeys)
        if (std::strcmp(name, k.name) == 0) return k.key;
    return ImGuiKey_COUNT;
}

EM_BOOL on_key(int, const EmscriptenKeyboardEvent* e, void*) {
    const int focus = js_key_focus();
    if (focus == 0 || e->ctrlKey || e->metaKey || e->altKey) return EM_FALSE;
    const ImGuiKey key = key_of(e->key);
    // Tab is the browser's: it moves between the controls' DOM twins, which
    // bring the focus ring along (semantics.h).
    if (key == ImGuiKey_COUNT || key == ImGuiKey_Tab) return EM_FALSE;
    if (focus == 3 && (key == ImGuiKey_Enter || key == ImGuiKey_Space || key == ImGuiKey_Escape)) return EM_FALSE;
    return g_app.key(key, e->shiftKey) ? EM_TRUE : EM_FALSE;
}

// The page's twins follow the ring's items, told only when they changed
// (most frames they have not, and then nothing is written).
std::vector<ui::focus_ring::Item> g_published;
void publish_semantics() {
    const auto& items = ui::focus_ring::items();
    if (semantics::same(items, g_published)) return;
    g_published = items;
    js_controls(semantics::describe(items).c_str());
}

// The page made this context already, while the files downloaded
// (shell/page.js): asking with the same attributes hands it back.
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE make_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    // As the page asked (contract.h), so it is handed that same context.
    attrs.majorVersion = contract::kWebglMajorVersion;
    attrs.alpha = contract::kWebglAlpha;
    attrs.depth = contract::kWebglDepth;
    attrs.stencil = contract::kWebglStencil;
    // No multisampling: ImGui smooths its own edges (a one-pixel alpha
    // fringe), so MSAA would only multiply the fill and resolve work, which
    // on a software GL was most of each frame.
    attrs.antialias = contract::kWebglAntialias;
    // WebGL2's core is all the renderer uses; turning on every extension the
    // browser offers (Emscripten's default) cost ~150 ms at start-up.
    attrs.enableExtensionsByDefault = EM_FALSE;
    return emscripten_webgl_create_context("#canvas", &attrs);
}

void listen_for_input() {
    emscripten_set_mousedown_callback("#canvas", nullptr, EM_TRUE, on_mouse);
    static int document_tag = 1;
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, &document_tag, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback("#canvas", nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseleave_callback("#canvas", nullptr, EM_TRUE, on_mouse);
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, on_wheel);
    emscripten_set_touchstart_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
}

// The start, one stage a task: between them the browser handles input,
// paints the loading status and runs the page's own work, so no one task
// holds the page for the whole start (on a slow phone it was over a second).
// The main loop runs them back to back, each on a posted message (Emscripten's
// setImmediate: a zero timeout is held to 4 ms once nested, ~10 % of the
// start), and switches to the display's frames once the first one is drawn.
// Only waiting for the shader program polls on a timeout, so as not to spin
// on the cores the GL is compiling it with.
// The story takes three (parsed, read and checked, shown); the map's layout
// (Map) may take several, a few parts each.
enum class Start { Fonts, Parse, Read, Story, Map, Program, Layout, Running };
Start g_start = Start::Fonts;
unsigned char* g_story = nullptr;
int g_story_size = 0;
loader::Parsed g_parsed;
loader::Result g_read;
double g_program_wait_from = -1;       // when the start first found the program not yet linked
constexpr double kProgramWaitMs = 1000;   // then ready() waits for it
constexpr int kProgramPollMs = 4;
constexpr int kFirstRunFps = 1000;   // emscripten_set_main_loop: a rate over 0 runs it on a timeout
// The map's layout takes parts until a task has run this long: one task or
// two on a laptop, more on a slow phone, none much over it.
constexpr double kMapTaskMs = 20;

// Ends the start where the page has been told why it cannot go on.
void stop_start() { emscripten_cancel_main_loop(); }

[[gnu::noinline]] void stage_fonts() {
    // Built, not yet uploaded: the GL may still be busy with the program,
    // and an upload now would wait for it.
    g_runner->fonts_for(pixel_ratio());
    gl_renderer::build_fonts(*ImGui::GetIO().Fonts);
    js_mark("fonts");
    g_start = Start::Parse;
}

[[gnu::noinline]] void stage_parse() {
    g_parsed = loader::parse(std::string_view(reinterpret_cast<char*>(g_story), static_cast<std::size_t>(g_story_size)));
    std::free(g_story);
    g_story = nullptr;
    js_mark("parsed");
    g_start = Start::Read;
}

[[gnu::noinline]] void stage_read() {
    g_read = loader::read(std::move(g_parsed));
    js_mark("read");
    g_start = Start::Story;
}

[[gnu::noinline]] void stage_story() {
    std::vector<std::string> problems;
    const bool ok = g_app.adopt(std::move(g_read), problems);
    g_read = {};
    js_mark("story");
    if (!ok) {
        show_error_page("The story file has problems", problems);
        stop_start();
        return;
    }
    g_start = Start::Map;
}

// The map's layout in parts, while the GL compiles the program.
[[gnu::noinline]] void stage_map() {
    const double t0 = emscripten_get_now();
    bool more = g_app.prepare();
    while (more && emscripten_get_now() - t0 < kMapTaskMs) more = g_app.prepare();
    if (more) return;
    js_mark("map");
    g_start = Start::Program;
}

// The program compiled while the fonts and the story were made; where the GL
// says so without waiting (KHR_parallel_shader_compile), a task is never
// spent waiting for it, up to a point.
[[gnu::noinline]] void stage_program() {
    if (!gl_renderer::linked()) {
        const double now = emscripten_get_now();
        if (g_program_wait_from < 0) {
            g_program_wait_from = now;
            emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, kProgramPollMs);
        }
        if (now - g_program_wait_from < kProgramWaitMs) return;
    }
    emscripten_set_main_loop_timing(EM_TIMING_SETIMMEDIATE, 0);
    if (!gl_renderer::ready()) {   // its first (empty) draw builds the pipeline while the step is laid out
        js_no_webgl("Its drawing program did not compile on this browser's WebGL2.");
        stop_start();
        return;
    }
    gl_renderer::upload_fonts(*ImGui::GetIO().Fonts);
    js_mark("renderer");
    g_start = Start::Layout;
}

[[gnu::noinline]] void stage_layout() {
    g_embedded = js_embedded() != 0;
    // The page gets its API and hands over the address bar's fragment,
    // which lays out the opened step (and the ones before it).
    exports_web::hand_to_page(g_app, g_stats);
    js_mark("layout");
    listen_for_input();
    g_start = Start::Running;
}

// One stage of the start; true when the first frame may be drawn now.
[[gnu::noinline]] bool start_stage() {
    switch (g_start) {
    case Start::Fonts: stage_fonts(); return false;
    case Start::Parse: stage_parse(); return false;
    case Start::Read: stage_read(); return false;
    case Start::Story: stage_story(); return false;
    case Start::Map: stage_map(); return false;
    case Start::Program: stage_program(); return false;
    case Start::Layout: stage_layout(); return false;
    case Start::Running: return true;
    }
    return false;
}

}  // namespace

int main() {
    js_mark("main");
    g_story = js_take_bytes("storyBytes", &g_story_size);
    g_font_data = js_take_bytes("fontBytes", &g_font_size);
    if (!g_story || !g_font_data) {
        show_error_page("The explainer could not start", {"Its story or font did not arrive."});
        return 0;
    }
    const auto ctx = make_context();
    if (ctx <= 0) {
        js_no_webgl("Your browser could not give it a WebGL2 drawing surface.");
        return 0;
    }
    emscripten_webgl_make_context_current(ctx);
    // Asked for by name (no extension is on by default): lets the start ask
    // whether the program is linked without waiting for it.
    const bool can_ask_link = emscripten_webgl_enable_extension(ctx, "KHR_parallel_shader_compile") == EM_TRUE;
    js_mark("context");

    ui::runner::create_context();
    // Linked already, or still compiling while the fonts and the story are made.
    gl_renderer::start(can_ask_link, js_take_program(contract::kWebglMajorVersion) != 0);
    js_watch_size(g_size);
    emscripten_get_canvas_element_size("#canvas", &g_fb_w, &g_fb_h);   // the page may have sized it already
    static ui::runner::Runner runner(g_app, g_font_data, g_font_size);
    g_runner = &runner;
    // The rest of the start, a stage a task (start_stage), then a frame at
    // each of the display's. The loop's first run is asked for on a timeout:
    // a rate of 0 would ask for the next display frame, which a page still
    // loading (its GL busy compiling) was given some 100 ms later.
    emscripten_set_main_loop(frame, kFirstRunFps, false);
    emscripten_set_main_loop_timing(EM_TIMING_SETIMMEDIATE, 0);
    return 0;
}
