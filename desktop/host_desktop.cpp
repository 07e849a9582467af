// host_desktop.cpp — the desktop host (see host.h): a GLFW window with an
// OpenGL 3.3 context, ImGui's GLFW and OpenGL3 backends, the loop, and the
// author's conveniences: the story file is reloaded when it changes on disk,
// and --screenshot draws one settled frame to a PNG and exits (under Xvfb in
// the tests). The UI is the same src/ui/ the browser runs.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app.h"
#include "core/text/file_text.h"
#include "core/story/loader.h"
#include "core/reading/text_version.h"
#include "desktop_args.h"
#include "host.h"
#include "png_file.h"
#include "runner.h"
#include "theme.h"

namespace ui = explainer::ui;

namespace {

GLFWwindow* g_window = nullptr;
ui::app::App g_app;
bool g_settled_only = false;   // --screenshot: the step as it ends, no motion
std::string g_fragment;        // the deep link of what is on screen
int g_fb_w = 0, g_fb_h = 0;


// The framebuffer as RGBA, top row first (GL reads bottom-up).
std::vector<unsigned char> read_pixels(int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4), row(static_cast<std::size_t>(w) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    for (int y = 0; y < h / 2; ++y) {
        unsigned char* a = px.data() + static_cast<std::size_t>(y) * w * 4;
        unsigned char* b = px.data() + static_cast<std::size_t>(h - 1 - y) * w * 4;
        std::copy(a, a + row.size(), row.data());
        std::copy(b, b + row.size(), a);
        std::copy(row.data(), row.data() + row.size(), b);
    }
    for (std::size_t i = 3; i < px.size(); i += 4) px[i] = 255;
    return px;
}

bool save_png(const std::string& path) {
    const std::string error = png_file::write(path, read_pixels(g_fb_w, g_fb_h), g_fb_w, g_fb_h);
    if (!error.empty()) std::fprintf(stderr, "explainer-desktop: %s\n", error.c_str());
    return error.empty();
}

}  // namespace

namespace explainer::ui::host {
double now_ms() { return glfwGetTime() * 1000.0; }
bool prefers_reduced_motion() { return g_settled_only; }
void write_url(const std::string& fragment, bool) { g_fragment = fragment; }
void set_mirror(const std::string&) {}      // no screen-reader mirror here: ImGui draws the only text
void reader_state(const std::string&) {}    // no text version beside the map here
void set_title(const std::string& title) {
    if (g_window) glfwSetWindowTitle(g_window, title.c_str());
}
// The same fragment the page would put after its address.
void copy_link(const std::string&, const std::string&) {
    if (g_window) glfwSetClipboardString(g_window, g_fragment.c_str());
}
void save_transcript(int last) {
    const auto& story = g_app.story();
    const std::string name = story.id + "-transcript.md";
    std::ofstream out(name, std::ios::binary);
    out << explainer::text_version::transcript(story, last);
    std::fprintf(stderr, out ? "explainer-desktop: wrote %s\n" : "explainer-desktop: could not write %s\n", name.c_str());
}
void save_canvas(const std::string& filename) {
    if (save_png(filename)) std::fprintf(stderr, "explainer-desktop: wrote %s\n", filename.c_str());
}
void place_search(float, float, float, float) {}   // the search field is the page's own
void clear_search() {}
}  // namespace explainer::ui::host

namespace {

// The keys the app binds; everything else goes to ImGui alone.
void on_key(GLFWwindow*, int key, int, int action, int mods) {
    if (action == GLFW_RELEASE || (mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER))) return;
    static const struct { int glfw; ImGuiKey key; } kKeys[] = {
        {GLFW_KEY_TAB, ImGuiKey_Tab}, {GLFW_KEY_ESCAPE, ImGuiKey_Escape}, {GLFW_KEY_ENTER, ImGuiKey_Enter},
        {GLFW_KEY_KP_ENTER, ImGuiKey_KeyPadEnter}, {GLFW_KEY_SPACE, ImGuiKey_Space},
        {GLFW_KEY_RIGHT, ImGuiKey_RightArrow}, {GLFW_KEY_LEFT, ImGuiKey_LeftArrow},
        {GLFW_KEY_PAGE_DOWN, ImGuiKey_PageDown}, {GLFW_KEY_PAGE_UP, ImGuiKey_PageUp},
        {GLFW_KEY_HOME, ImGuiKey_Home}, {GLFW_KEY_END, ImGuiKey_End}};
    for (const auto& k : kKeys)
        if (k.glfw == key) g_app.key(k.key, (mods & GLFW_MOD_SHIFT) != 0);
}

void on_mouse_button(GLFWwindow*, int, int action, int) {
    if (action == GLFW_PRESS) ui::runner::Runner::pointer_pressed();
}

// Problems of a story file, each with the file's name, as a compiler prints them.
void print_problems(const std::string& path, const std::vector<std::string>& problems) {
    for (const auto& p : problems) std::fprintf(stderr, "%s: %s\n", path.c_str(), p.c_str());
}

// Watches the story file and reloads it when it changes; a broken edit
// prints its problems and leaves the map as it was.
class StoryFile {
public:
    explicit StoryFile(std::string path) : path_(std::move(path)) { stamp_ = stamp(); }
    const std::string& path() const { return path_; }
    void poll(double now) {
        if (now < next_check_) return;
        next_check_ = now + 500;
        const auto s = stamp();
        if (s == stamp_) return;
        stamp_ = s;
        std::string text;
        std::vector<std::string> problems;
        const std::string at = g_fragment;   // the same step again, as Back would (no cover)
        if (const auto read = explainer::file_text::read(path_, text, explainer::loader::kMaxBytes);
            read != explainer::file_text::Read::Ok)
            problems.push_back(explainer::file_text::describe(read));
        else if (g_app.load(text, problems)) {
            g_app.open_link(at, true);
            std::fprintf(stderr, "explainer-desktop: reloaded %s\n", path_.c_str());
        }
        print_problems(path_, problems);
    }

private:
    std::filesystem::file_time_type stamp() const {
        std::error_code ec;
        return std::filesystem::last_write_time(path_, ec);
    }
    std::string path_;
    std::filesystem::file_time_type stamp_;
    double next_check_ = 0;
};

// A window of the size asked for in points; --scale draws it with that
// many pixels per point, as a hi-DPI phone would. Hidden for --screenshot.
bool open_window(const desktop_args::Args& args) {
    glfwSetErrorCallback([](int, const char* text) { std::fprintf(stderr, "explainer-desktop: %s\n", text); });
    if (!glfwInit()) {
        std::fprintf(stderr, "explainer-desktop: no display to open a window on (set DISPLAY, or use xvfb-run)\n");
        return false;
    }
    g_settled_only = !args.screenshot.empty();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    if (g_settled_only) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    g_window = glfwCreateWindow(static_cast<int>(args.width * args.scale), static_cast<int>(args.height * args.scale),
                                "Explainer", nullptr, nullptr);
    if (!g_window) glfwTerminate();
    return g_window != nullptr;
}

// One frame: the backends' input, the fonts at the screen's pixel ratio, the
// UI, and the GL draw (not yet swapped: a screenshot reads it first).
void draw_frame(ui::runner::Runner& runner, float scale, double now) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    int win_w = 0, win_h = 0;
    glfwGetWindowSize(g_window, &win_w, &win_h);
    glfwGetFramebufferSize(g_window, &g_fb_w, &g_fb_h);
    const float ratio = win_w > 0 ? scale * static_cast<float>(g_fb_w) / static_cast<float>(win_w) : scale;
    ImGuiIO& io = ImGui::GetIO();
    if (io.MousePos.x > -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x / scale, io.MousePos.y / scale);
    if (runner.fonts_for(ratio)) {   // moved to a screen of another pixel ratio
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImDrawData& draw = runner.frame({static_cast<float>(g_fb_w) / ratio, static_cast<float>(g_fb_h) / ratio, ratio}, now);
    glViewport(0, 0, g_fb_w, g_fb_h);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui::theme::kBackground);
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(&draw);
    runner.after_draw();
}

int run(const desktop_args::Args& args) {
    StoryFile file(args.story.empty() ? EXPLAINER_DEFAULT_STORY : args.story);
    std::string story, font;
    if (const auto read = explainer::file_text::read(file.path(), story, explainer::loader::kMaxBytes);
        read != explainer::file_text::Read::Ok) {
        std::fprintf(stderr, "explainer-desktop: %s %s\n", file.path().c_str(), explainer::file_text::describe(read));
        return 1;
    }
    if (explainer::file_text::read(EXPLAINER_FONT_FILE, font) != explainer::file_text::Read::Ok) {
        std::fprintf(stderr, "explainer-desktop: the font %s is missing (Debian: fonts-dejavu-core)\n", EXPLAINER_FONT_FILE);
        return 1;
    }
    if (!open_window(args)) return 1;
    glfwMakeContextCurrent(g_window);
    glfwSwapInterval(1);
    ui::runner::create_context();
    glfwSetKeyCallback(g_window, on_key);   // before the backend, which chains to them
    glfwSetMouseButtonCallback(g_window, on_mouse_button);
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ui::runner::Runner runner(g_app, reinterpret_cast<const unsigned char*>(font.data()), static_cast<int>(font.size()));
    runner.fonts_for(args.scale);

    std::vector<std::string> problems;
    int status = 0;
    if (!g_app.load(story, problems)) {
        print_problems(file.path(), problems);
        status = 1;
    } else {
        g_app.open_link(args.fragment, false);   // the one way in for a link, as on the web
    }
    for (int frames = 0; status == 0 && !glfwWindowShouldClose(g_window); ++frames) {
        const double now = ui::host::now_ms();
        if (!g_settled_only && g_app.still(now)) glfwWaitEventsTimeout(0.5);   // nothing moves: wait for input
        else glfwPollEvents();
        if (!g_settled_only) file.poll(now);
        draw_frame(runner, args.scale, now);
        // A screenshot is the step as it settles, after the first frames have
        // laid out labels (they are placed from the frame before).
        if (g_settled_only && frames >= 3 && (g_app.still(now) || frames > 600)) {
            status = save_png(args.screenshot) ? 0 : 1;
            std::printf("%s\n", g_app.state_json().c_str());
            break;
        }
        glfwSwapBuffers(g_window);
        g_app.idle(ui::host::now_ms());
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(g_window);
    glfwTerminate();
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    const auto args = desktop_args::parse(argc, argv);
    if (args.help) {
        std::fputs(desktop_args::usage(), stdout);
        return 0;
    }
    if (!args.error.empty()) {
        std::fprintf(stderr, "explainer-desktop: %s\n%s", args.error.c_str(), desktop_args::usage());
        return 2;
    }
    return run(args);
}
