// gl_renderer.h — draws ImGui's draw data on WebGL2 with one program, one
// vertex array and one font texture, and never reads GL state back.
//
// Why not ImGui's OpenGL3 backend: it saves and restores about twenty pieces
// of GL state every frame so that it can share a context with an unknown
// engine. In a browser each glGet* is a synchronous round trip to the GPU
// process (getParameter), and those reads were 95-99% of the frame's time.
// The explainer owns its context outright, so the state is simply set.
#pragma once

struct ImDrawData;
struct ImFontAtlas;

namespace gl_renderer {

// Starts compiling the program and creates the buffers, on the current
// context. Asks nothing back, so the browser compiles while the app does
// other start-up work (on a software GL compiling takes hundreds of ms).
// can_ask_link: the context has KHR_parallel_shader_compile on. prepared:
// the context's next glCreateProgram() hands back the page's own program,
// compiled and linked (or linking) from the same shaders while the files
// downloaded (host_web.cpp), so it is not compiled again.
void start(bool can_ask_link, bool prepared);
// True when asking about the program would not wait for it: the GL says its
// link is done (KHR_parallel_shader_compile), or it cannot say (then
// ready() waits).
bool linked();
// Waits for the program, sets the state that stays set and draws nothing
// once (so a GL that builds its pipeline at the first draw starts now).
// False (nothing can be drawn) if the program did not compile.
bool ready();

// Builds the atlas's fonts (TrueType only: ImGui's built-in default font is
// never added or linked): the glyphs' sizes and pixels, with no GL call, so
// text can be measured before the GL is ready.
bool build_fonts(ImFontAtlas& atlas);
// Uploads the atlas's pixels (building them first if need be) as a
// one-channel texture; frees the CPU copy of the pixels. Call again after the
// fonts change.
bool upload_fonts(ImFontAtlas& atlas);

// Clears the framebuffer to rgb (0..1) and draws the lists.
void render(const ImDrawData& data, int fb_width, int fb_height, const float rgb[3]);

}  // namespace gl_renderer
