// imgui_ini_web.cpp — where Dear ImGui's .ini reader's sscanf goes on the web.
//
// ImGui reads its .ini settings with sscanf, and no page reads any:
// io.IniFilename is null and nothing calls LoadIniSettingsFromMemory. On the
// web its calls in imgui.cpp and imgui_tables.cpp are renamed to this one
// (web/CMakeLists.txt), which converts no field and says so, so that musl's
// scanf, and the long-double float parser behind it, stay out of the wasm.
// Built into the imgui library itself, so every web program that links
// ImGui has it.
extern "C" int imgui_ini_sscanf(const char*, const char*, ...) { return 0; }
