#pragma once

#include "model/systemmap.h"

#include <nlohmann/json.hpp>

#include <string>

// Private to io/: the loop labels and nomination rounds of a .causeway file (docs/file-format.md).
namespace causeway::mapdata {

using Json = nlohmann::ordered_json;

Json loopLabelsJson(const SystemMap& map);
Json roundsJson(const SystemMap& map);

// Read after the factors and links, since ballots name them. Throw IoError with `prefix` and the
// place in the file ("rounds[0].ballots[2].watch[1]: ...").
void readLoopLabels(const Json& array, SystemMap& map, const std::string& prefix);
void readRounds(const Json& array, SystemMap& map, const std::string& prefix);

} // namespace causeway::mapdata
