#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace causeway {

// Reads a whole file, refusing (IoError) one larger than maxBytes before reading it.
std::string readFileLimited(const std::string& path, std::size_t maxBytes);
// Who may read a written file. Default: a new file gets 0666 less the umask and a replaced one
// keeps its mode, owner and group. OwnerOnly (crash recovery, autosave): 0600, always.
enum class FileAccess { Default, OwnerOnly };

// Temporary file in the same folder, flush, fsync, rename over `path`. Throws IoError and leaves
// any existing file untouched on failure. A symbolic link is followed: its target is replaced
// and the link kept. Stale temporaries of `path` (see removeStaleTemporaries) are removed.
void writeFileAtomically(const std::string& path, std::string_view contents,
                         FileAccess access = FileAccess::Default);
// Removes the ".NAME.tmp-PID-..." files a writer of `path` left when it died mid-save: those
// whose process is gone, or older than kStaleTemporaryHours. Never fails (best effort).
inline constexpr int kStaleTemporaryHours = 24;
void removeStaleTemporaries(const std::string& path);
// Lower-case extension without the dot ("csv", "graphml", "causeway").
std::string fileExtension(const std::string& path);

} // namespace causeway
