// imgui_config.h — compile-time options for Dear ImGui in the explainer.
#pragma once

// 32-bit indices: one draw list may hold more than 65,536 vertices (big casts),
// and WebGL2 accepts them.
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
