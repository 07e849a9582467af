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

// Compiles the program and creates the buffers, on the current context.
// False (nothing drawn afterwards) if the shaders do not compile.
bool init();

// Builds the atlas's fonts (TrueType only: ImGui's built-in default font is
// never added or linked) and uploads them as a one-channel texture; frees the
// CPU copy of the pixels. Call again after the fonts change.
bool upload_fonts(ImFontAtlas& atlas);

// Clears the framebuffer to rgb (0..1) and draws the lists.
void render(const ImDrawData& data, int fb_width, int fb_height, const float rgb[3]);

}  // namespace gl_renderer
