// imgui_config.h — compile-time options for Dear ImGui in the explainer.
#pragma once

// 32-bit indices: one draw list may hold more than 65,536 vertices (big casts),
// and WebGL2 accepts them.
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
// No file is ever opened through ImGui: the font comes from memory, and no
// settings or logs are written (io.IniFilename and io.LogFilename are null).
// Without this, fopen, fread and the stdio they need come along (3 KB).
#define IMGUI_DISABLE_FILE_FUNCTIONS
