// png_file.h — writes an RGBA picture as PNG (libpng), for --screenshot.
#pragma once

#include <string>
#include <vector>

namespace png_file {

// rgba: width × height × 4 bytes, top row first. Returns "" or what went wrong.
std::string write(const std::string& path, const std::vector<unsigned char>& rgba, int width, int height);

}  // namespace png_file
