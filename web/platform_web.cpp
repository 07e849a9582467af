// platform_web.cpp — the browser side of the seam (see platform.h): the
// WebGL2 context, hi-DPI sizing, input, the main loop, EM_JS helpers into the
// page, and the EMSCRIPTEN_KEEPALIVE entry points behind window.explainer.
// Text only ever reaches the DOM through textContent; nothing is evaluated.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app.h"
#include "focus_ring.h"
#include "gl_renderer.h"
#include "platform.h"
#include "theme.h"

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
EM_JS(char*, js_location_hash, (), {
    const hash = location.hash.slice(0, 4096);   // the codec refuses anything over 512 anyway
    const n = lengthBytesUTF8(hash) + 1;
    const ptr = _malloc(n);
    stringToUTF8(hash, ptr, n);
    return ptr;
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
EM_JS(int, js_embedded, (), { return new URLSearchParams(location.search).get('embed') === '1' ? 1 : 0; });
EM_JS(int, js_typing, (), {
    const el = document.activeElement;
    return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') ? 1 : 0;
});
EM_JS(void, js_set_mirror, (const char* text), { window['explainerPage']['mirror'](UTF8ToString(text)); });
EM_JS(void, js_write_url, (const char* fragment, int push), {
    window['explainerPage']['writeUrl'](UTF8ToString(fragment), push !== 0);
});
EM_JS(void, js_copy_link, (), { window['explainerPage']['copyLink'](); });
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

namespace {
bool g_embedded = false;   // ?embed=1, read once at start
}  // namespace

namespace platform {
double now_ms() { return emscripten_get_now(); }
bool prefers_reduced_motion() { return js_reduced_motion() != 0; }
bool embedded() { return g_embedded; }
void set_mirror(const std::string& text) { js_set_mirror(text.c_str()); }
void write_url(const std::string& fragment, bool push) { js_write_url(fragment.c_str(), push ? 1 : 0); }
void copy_link() { js_copy_link(); }
void first_frame_drawn() { js_first_frame(); }
void place_search(float x, float y, float w, float h) { js_place_search(x, y, w, h); }
void clear_search() { js_clear_search(); }
void show_error_page(const std::string& title, const std::vector<std::string>& lines) {
    std::string joined;
    for (const auto& l : lines) joined += l + "\n";
    if (!joined.empty()) joined.pop_back();
    js_error_page(title.c_str(), joined.c_str());
}
}  // namespace platform

// ---- the application and its frame ------------------------------------------

namespace {

App g_app;
panel::Fonts g_fonts{};
unsigned char* g_font_data = nullptr;
int g_font_size = 0;
float g_font_dpr = 0;
bool g_first_frame_done = false;
std::string g_out;                         // returned strings live here until the next call
// Recent frames, in ms: the whole frame, and its UI part (app logic and
// ImGui's draw lists, before any GL call). The rest is handing the draw
// lists to WebGL, which a software GL (headless Chromium's SwiftShader)
// makes far dearer than a GPU does.
std::vector<float> g_frame_ms, g_ui_ms;
std::vector<float> g_idle_ms;   // work done ahead between frames (App::idle), when there was some

// Fonts are rasterised at the device pixel ratio and drawn at 1/dpr, so text
// is crisp on high-DPI screens; rebuilt if the ratio changes (browser zoom).
void build_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 2;
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x25C6, 0x25CF, 0x2713, 0x2713, 0x2717, 0x2717, 0};
    g_fonts.body = io.Fonts->AddFontFromMemoryTTF(g_font_data, g_font_size, theme::kBodySize * dpr, &config, ranges);
    g_fonts.title = io.Fonts->AddFontFromMemoryTTF(g_font_data, g_font_size, theme::kTitleSize * dpr, &config, ranges);
    io.FontGlobalScale = 1.0f / dpr;
    gl_renderer::upload_fonts(*io.Fonts);
    g_font_dpr = dpr;
}

void end_of_frame_input();

double g_size[3] = {0, 0, 1};   // CSS width, height, device pixel ratio (js_watch_size)
int g_fb_w = 0, g_fb_h = 0;     // the canvas's backing store, as last set

void frame() {
    const double start = emscripten_get_now();
    const double css_w = g_size[0], css_h = g_size[1];
    const float dpr = static_cast<float>(std::clamp(g_size[2], 1.0, 4.0));
    const int fb_w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int fb_h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    if (fb_w != g_fb_w || fb_h != g_fb_h) emscripten_set_canvas_element_size("#canvas", g_fb_w = fb_w, g_fb_h = fb_h);
    if (dpr != g_font_dpr) build_fonts(dpr);

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    ImGui::NewFrame();
    focus_ring::begin_frame();
    g_app.frame(start, g_fonts);
    ImGui::Render();
    const double ui_done = emscripten_get_now();
    static const float background[3] = {17 / 255.0f, 19 / 255.0f, 26 / 255.0f};
    gl_renderer::render(*ImGui::GetDrawData(), fb_w, fb_h, background);
    io.MouseWheel = 0;
    end_of_frame_input();

    if (g_frame_ms.size() >= 8192) {
        g_frame_ms.erase(g_frame_ms.begin(), g_frame_ms.begin() + 4096);
        g_ui_ms.erase(g_ui_ms.begin(), g_ui_ms.begin() + 4096);
    }
    g_frame_ms.push_back(static_cast<float>(emscripten_get_now() - start));
    g_ui_ms.push_back(static_cast<float>(ui_done - start));
    if (!g_first_frame_done) {
        g_first_frame_done = true;
        js_mark("frame");
        platform::first_frame_drawn();
    }
    // Work ahead (the next step's layout), after the draw calls and counted
    // apart from the frame: it runs on few frames, while the map is still.
    const double idle_start = emscripten_get_now();
    g_app.idle(idle_start);
    const double idle_ms = emscripten_get_now() - idle_start;
    if (idle_ms > 0.05) g_idle_ms.push_back(static_cast<float>(idle_ms));
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
void press(int b) {
    ImGui::GetIO().MouseDown[b] = true;
    g_pressed_unseen[b] = true;
}
void release(int b) {
    if (g_pressed_unseen[b]) g_release_pending[b] = true;
    else ImGui::GetIO().MouseDown[b] = false;
}
void end_of_frame_input() {
    for (int b = 0; b < 3; ++b) {
        g_pressed_unseen[b] = false;
        if (g_release_pending[b]) ImGui::GetIO().MouseDown[b] = false;
        g_release_pending[b] = false;
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
        focus_ring::clear();
    }
    if (type == EMSCRIPTEN_EVENT_MOUSEUP) release(imgui_button(e->button));
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    if (platform::embedded() && !g_map_engaged && !e->mouse.ctrlKey) return EM_FALSE;
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
        } else if (io.MouseDown[0]) {
            release(0);
        }
    }
    return EM_TRUE;
}

EM_BOOL on_key(int, const EmscriptenKeyboardEvent* e, void*) {
    if (js_typing() || e->ctrlKey || e->metaKey || e->altKey) return EM_FALSE;
    const std::string key = e->key;
    if (key == "Tab") return focus_ring::tab(e->shiftKey) ? EM_TRUE : EM_FALSE;   // off the end: the browser moves on
    if (key == "Escape") {
        focus_ring::clear();
        return EM_FALSE;
    }
    if ((key == "Enter" || key == " ") && focus_ring::press()) return EM_TRUE;   // the button in focus
    if (key == "ArrowRight" || key == " " || key == "Enter" || key == "PageDown") g_app.next();
    else if (key == "ArrowLeft" || key == "PageUp") g_app.prev();
    else if (key == "Home") g_app.go(0);
    else if (key == "End") g_app.go(static_cast<int>(g_app.story().steps.size()) - 1);
    else return EM_FALSE;
    return EM_TRUE;
}

}  // namespace

// ---- entry points for the page (window.explainer) ----------------------------

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* explainer_state() { return (g_out = g_app.state_json()).c_str(); }
EMSCRIPTEN_KEEPALIVE int explainer_go(const char* step_id) { return g_app.go_id(step_id) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void explainer_next() { g_app.next(); }
EMSCRIPTEN_KEEPALIVE void explainer_prev() { g_app.prev(); }
EMSCRIPTEN_KEEPALIVE int explainer_select(const char* entity_id) { return g_app.select_id(entity_id) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void explainer_uncover() { g_app.uncover(); }
EMSCRIPTEN_KEEPALIVE void explainer_search(const char* query) { g_app.set_query(query); }
EMSCRIPTEN_KEEPALIVE int explainer_filter(const char* spec) { return g_app.set_filter(spec) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void explainer_open_url(const char* fragment, int from_history) { g_app.open_link(fragment, from_history != 0); }
// Frame times since the last reset, in ms: {"count", "median", "p95", "max",
// "ui": {"median", "p95", "max"}, "idle": {"count", "total", "max"}}.
EMSCRIPTEN_KEEPALIVE const char* explainer_frame_stats(int reset) {
    std::vector<float> t = g_frame_ms, u = g_ui_ms, idle = g_idle_ms;
    if (reset) g_frame_ms.clear(), g_ui_ms.clear(), g_idle_ms.clear();
    char buf[320];
    if (t.empty()) {
        std::snprintf(buf, sizeof buf, "{\"count\":0}");
    } else {
        std::sort(t.begin(), t.end());
        std::sort(u.begin(), u.end());
        const std::size_t mid = t.size() / 2, p95 = std::min(t.size() - 1, t.size() * 95 / 100);
        float idle_total = 0, idle_max = 0;
        for (float x : idle) idle_total += x, idle_max = std::max(idle_max, x);
        std::snprintf(buf, sizeof buf,
                      "{\"count\":%zu,\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f,"
                      "\"ui\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},"
                      "\"idle\":{\"count\":%zu,\"total\":%.3f,\"max\":%.3f}}",
                      t.size(), t[mid], t[p95], t.back(), u[mid], u[p95], u.back(), idle.size(), idle_total, idle_max);
    }
    return (g_out = buf).c_str();
}
}

int main() {
    js_mark("main");
    int story_size = 0;
    unsigned char* story = js_take_bytes("storyBytes", &story_size);
    g_font_data = js_take_bytes("fontBytes", &g_font_size);
    if (!story || !g_font_data) {
        platform::show_error_page("The explainer could not start", {"Its story or font did not arrive."});
        return 0;
    }
    // The page made this context already, while the files downloaded
    // (shell/index.html): asking with the same attributes hands it back.
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_TRUE;
    // WebGL2's core is all the renderer uses; turning on every extension the
    // browser offers (Emscripten's default) cost ~150 ms at start-up.
    attrs.enableExtensionsByDefault = EM_FALSE;
    const auto ctx = emscripten_webgl_create_context("#canvas", &attrs);
    if (ctx <= 0) {
        platform::show_error_page("This page needs WebGL2", {"Your browser could not give it a WebGL2 drawing surface.",
                                  "Try a current Chrome, Edge, Firefox or Safari, with hardware acceleration on."});
        return 0;
    }
    emscripten_webgl_make_context_current(ctx);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    if (!gl_renderer::init()) {
        platform::show_error_page("This page needs WebGL2", {"Its drawing program did not compile on this browser's WebGL2."});
        return 0;
    }
    theme::apply_style(1.0f);
    js_watch_size(g_size);
    build_fonts(static_cast<float>(std::clamp(g_size[2], 1.0, 4.0)));
    js_mark("fonts");

    std::vector<std::string> problems;
    const bool ok = g_app.load(std::string_view(reinterpret_cast<char*>(story), static_cast<std::size_t>(story_size)),
                               g_fonts.body, problems);
    std::free(story);
    js_mark("story");
    if (!ok) {
        platform::show_error_page("The story file has problems", problems);
        return 0;
    }
    g_embedded = js_embedded() != 0;
    char* hash = js_location_hash();
    g_app.open_link(hash, false);   // lays out the opened step (and the ones before it)
    std::free(hash);
    js_mark("layout");

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
    frame();   // the first frame now, not at the next animation frame
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
