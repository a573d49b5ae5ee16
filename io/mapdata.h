#pragma once

#include "model/systemmap.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

// Private to io/: the loop labels and nomination rounds of a .causeway file (docs/file-format.md).
namespace causeway::mapdata {

using Json = nlohmann::ordered_json;

Json loopLabelsJson(const SystemMap& map);
Json roundsJson(const SystemMap& map);
Json storiesJson(const SystemMap& map); // io/mapstories.cpp

// One writer and one reader for a nomination round's JSON object, shared by the native file
// (items by id) and the .causeway-round file (items by label), so the two cannot drift apart.
// A missing field and a null one read alike: as the field's default (docs/file-format.md,
// "Nomination rounds").
struct ItemCodec {
    std::function<Json(ItemRef)> write;
    // Reads one item at `where`; throws IoError naming the place.
    std::function<ItemRef(const Json& item, const std::string& where)> read;
};
ItemCodec itemsById(const std::string& prefix);   // {"factor": 3}, {"link": 7}
ItemCodec itemsByName(const SystemMap& map);      // {"factor": "Trust"}, {"link": "A -> B"}
Json roundJson(const NominationRound& round, const ItemCodec& items);
// Reads the fields; the round's rules (budgets, ballots against the map) are checked by adding
// it to a map, which the caller does. Throws IoError with `prefix` and the place.
NominationRound readRound(const Json& object, const std::string& where, const std::string& prefix,
                          const ItemCodec& items);

// Read after the factors and links, since ballots name them. Throw IoError with `prefix` and the
// place in the file ("rounds[0].ballots[2].watch[1]: ...").
void readLoopLabels(const Json& array, SystemMap& map, const std::string& prefix);
void readRounds(const Json& array, SystemMap& map, const std::string& prefix);
void readStories(const Json& array, SystemMap& map, const std::string& prefix);

// Indicators and the monitoring plan (io/mapmonitoring.cpp). `where` names the indicator's
// place ("factors[2].indicator") in messages.
Json indicatorJson(const Indicator& indicator);
Indicator readIndicator(const Json& object, const std::string& where, const std::string& prefix);
Json monitoringJson(const SystemMap& map);
void readMonitoring(const Json& object, SystemMap& map, const std::string& prefix);

} // namespace causeway::mapdata
