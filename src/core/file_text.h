// file_text.h — reads a whole file as bytes, for the native tools (the CLI,
// the desktop host, the benchmarks, the tests). The page never reads files:
// the browser hands it bytes.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace explainer::file_text {

// False when the file cannot be opened or read; out then holds what was read.
inline bool read(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    out = text.str();
    return !in.bad();
}

}  // namespace explainer::file_text
