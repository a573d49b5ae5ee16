#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace causeway {

// Reads a whole file, refusing (IoError) one larger than maxBytes before reading it.
std::string readFileLimited(const std::string& path, std::size_t maxBytes);
// Temporary file in the same folder, flush, fsync, rename over `path`. Throws IoError and leaves
// any existing file untouched on failure.
void writeFileAtomically(const std::string& path, std::string_view contents);
// Lower-case extension without the dot ("csv", "graphml", "causeway").
std::string fileExtension(const std::string& path);

} // namespace causeway
