// gl_renderer.cpp — see gl_renderer.h. Modelled on sokol_imgui's renderer:
// state is set, never queried; the buffers grow and are reused.
#include "gl_renderer.h"

#include "contract.h"   // the shaders

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>   // ImFontAtlasGetBuilderForStbTruetype

#include <cstddef>
#include <cstdint>

namespace gl_renderer {
namespace {

bool g_can_ask_link = false;   // KHR_parallel_shader_compile is on

GLuint g_program = 0, g_vao = 0, g_vbo = 0, g_ibo = 0, g_font = 0;
GLint g_screen = -1;   // uniform: 2 / display size, for the projection
GLsizeiptr g_vbo_size = 0, g_ibo_size = 0;

// The shaders (contract.json: the page compiles the same ones while the files
// download) map CSS pixels, y down, to clip space, and read a glyph's
// coverage from the font texture's one channel.
GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

}  // namespace

void start(bool can_ask_link, bool prepared) {
    g_can_ask_link = can_ask_link;
    g_program = glCreateProgram();   // the page's, linking already, where it prepared one
    if (!prepared) {
        const GLuint vs = compile(GL_VERTEX_SHADER, contract::kVertexShader);
        const GLuint fs = compile(GL_FRAGMENT_SHADER, contract::kFragmentShader);
        glAttachShader(g_program, vs);
        glAttachShader(g_program, fs);
        glLinkProgram(g_program);
        glDeleteShader(vs);   // freed with the program
        glDeleteShader(fs);
    }

    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vbo);
    glGenBuffers(1, &g_ibo);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ibo);   // recorded in the vertex array
    const GLsizei stride = sizeof(ImDrawVert);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
}

bool linked() {
    if (!g_can_ask_link) return true;
    constexpr GLenum kCompletionStatus = 0x91B1;   // GL_COMPLETION_STATUS_KHR: answered without waiting
    GLint done = GL_FALSE;
    glGetProgramiv(g_program, kCompletionStatus, &done);
    return done == GL_TRUE;
}

bool ready() {
    GLint ok = GL_FALSE;
    glGetProgramiv(g_program, GL_LINK_STATUS, &ok);   // once, at start: waits for the compile
    if (ok != GL_TRUE) return false;
    g_screen = glGetUniformLocation(g_program, "screen");
    // Everything below stays as set: nothing else draws on this context.
    glUseProgram(g_program);
    glUniform1i(glGetUniformLocation(g_program, "tex"), 0);
    glActiveTexture(GL_TEXTURE0);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);

    // One draw of a degenerate triangle (no pixels): a GL that builds its
    // pipeline at the first draw (SwiftShader does, taking ~200 ms) builds
    // it now, in the GPU process, while the app lays out the opened step.
    const ImDrawVert zero[3] = {};
    const ImDrawIdx indices[3] = {0, 1, 2};
    glBufferData(GL_ARRAY_BUFFER, sizeof zero, zero, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof indices, indices, GL_STREAM_DRAW);
    glDrawElements(GL_TRIANGLES, 3, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT, nullptr);
    g_vbo_size = sizeof zero;
    g_ibo_size = sizeof indices;
    return true;
}

bool build_fonts(ImFontAtlas& atlas) {
    // What ImFontAtlas::Build() does, minus its fallback to the built-in
    // ProggyClean font: leaving Build() unreferenced keeps that font's
    // 11 KiB (gzip) of data out of the download.
    return atlas.ConfigData.Size > 0 && ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas);
}

bool upload_fonts(ImFontAtlas& atlas) {
    if (!atlas.TexPixelsAlpha8 && !build_fonts(atlas)) return false;
    if (!g_font) glGenTextures(1, &g_font);
    glBindTexture(GL_TEXTURE_2D, g_font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas.TexPixelsAlpha8);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g_font)));
    atlas.ClearTexData();   // the GPU has it; ImGui needs only the glyph tables
    return true;
}

void render(const ImDrawData& data, int fb_width, int fb_height, const float rgb[3]) {
    glViewport(0, 0, fb_width, fb_height);
    glDisable(GL_SCISSOR_TEST);   // a clear obeys the scissor box
    glClearColor(rgb[0], rgb[1], rgb[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (data.DisplaySize.x <= 0 || data.DisplaySize.y <= 0) return;
    glEnable(GL_SCISSOR_TEST);
    glUniform2f(g_screen, 2 / data.DisplaySize.x, 2 / data.DisplaySize.y);
    const ImVec2 scale = data.FramebufferScale, origin = data.DisplayPos;
    GLuint bound = 0;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        const GLsizeiptr vtx = static_cast<GLsizeiptr>(list.VtxBuffer.Size) * sizeof(ImDrawVert);
        const GLsizeiptr idx = static_cast<GLsizeiptr>(list.IdxBuffer.Size) * sizeof(ImDrawIdx);
        // Grow to at least twice the need, so a growing map does not
        // reallocate every frame; otherwise overwrite in place.
        if (vtx > g_vbo_size) glBufferData(GL_ARRAY_BUFFER, g_vbo_size = vtx * 2, nullptr, GL_STREAM_DRAW);
        if (idx > g_ibo_size) glBufferData(GL_ELEMENT_ARRAY_BUFFER, g_ibo_size = idx * 2, nullptr, GL_STREAM_DRAW);
        glBufferSubData(GL_ARRAY_BUFFER, 0, vtx, list.VtxBuffer.Data);
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, idx, list.IdxBuffer.Data);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) continue;   // the explainer registers none
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            glScissor(static_cast<int>(x0), static_cast<int>(fb_height - y1), static_cast<int>(x1 - x0),
                      static_cast<int>(y1 - y0));
            const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.TextureId));
            if (texture != bound) glBindTexture(GL_TEXTURE_2D, bound = texture);
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
}

}  // namespace gl_renderer
