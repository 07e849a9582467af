// file_text.h — reads a whole file as bytes, for the native tools (the CLI,
// the desktop host, the benchmarks, the tests). The page never reads files:
// the browser hands it bytes.
//
// Only a regular file (or a link to one) is read, and never more than the
// caller's limit + 1 bytes: a directory, a device (/dev/zero), a pipe with no
// writer or a growing stream is refused at once, not read until memory runs
// out or waited on forever.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <system_error>

namespace explainer::file_text {

enum class Read { Ok, Missing, NotAFile, TooLarge, Failed };

// What went wrong, to follow the file's name ("… is a directory").
inline const char* describe(Read r) {
    switch (r) {
        case Read::Ok: return "was read";
        case Read::Missing: return "cannot be opened (no such file, or no permission)";
        case Read::NotAFile: return "is not a regular file (a directory, a device or a pipe)";
        case Read::TooLarge: return "is larger than the limit";
        case Read::Failed: return "could not be read";
    }
    return "could not be read";
}

// Reads path into out, up to max_bytes. Read::TooLarge: the file holds more
// (out then holds the first max_bytes + 1 bytes, no more).
inline Read read(const std::string& path, std::string& out,
                 std::size_t max_bytes = std::numeric_limits<std::size_t>::max() - 1) {
    out.clear();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);   // follows links
    if (ec || !std::filesystem::exists(status)) return Read::Missing;
    if (!std::filesystem::is_regular_file(status)) return Read::NotAFile;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Read::Missing;
    char chunk[1 << 16];
    while (in && out.size() <= max_bytes) {
        const std::size_t want = std::min(sizeof chunk, max_bytes + 1 - out.size());
        in.read(chunk, static_cast<std::streamsize>(want));
        out.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) return Read::Failed;
    return out.size() > max_bytes ? Read::TooLarge : Read::Ok;
}

}  // namespace explainer::file_text
