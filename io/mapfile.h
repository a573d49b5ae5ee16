#pragma once

#include "io/fileutil.h"
#include "io/ioerror.h"
#include "model/systemmap.h"

#include <string>
#include <string_view>

namespace causeway {

// The native .causeway format: JSON with "format": "causeway" and an integer "version".
// See docs/file-format.md.
inline constexpr int kMapFormatVersion = 1;
inline constexpr std::size_t kMaxMapFileBytes = std::size_t{256} * 1024 * 1024;
// Coordinates (factor positions, link bends) a file may hold, in map units: 1e7 is thousands
// of screens wide; beyond it drawings and exports lose precision or overflow.
inline constexpr double kMaxCoordinate = 1e7;

// Parses a map. Throws IoError naming what is wrong and where (not JSON, truncated, unknown
// version, missing field, wrong type, duplicate id, link to an unknown factor, ...).
// `sourceName` prefixes messages (usually the file name).
SystemMap parseMapJson(std::string_view text, const std::string& sourceName = {});
std::string writeMapJson(const SystemMap& map);

// Reads a .causeway file; refuses files larger than kMaxMapFileBytes before reading them.
// Removes the temporaries a killed save of it left behind (removeStaleTemporaries).
SystemMap loadMapFile(const std::string& path);
// Writes atomically: temporary file in the same folder, flush, fsync, rename. On any error the
// old file is untouched and IoError is thrown. Recovery copies pass FileAccess::OwnerOnly.
void saveMapFile(const SystemMap& map, const std::string& path,
                 FileAccess access = FileAccess::Default);

} // namespace causeway
