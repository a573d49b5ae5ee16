#pragma once

// Seeded random signed maps for the loop tests: the same seed gives the same map everywhere.

#include "model/systemmap.h"

#include <cstdint>
#include <string>

namespace causeway::testing {

struct RandomMapSpec {
    int factors = 8;
    double linkChance = 0.3;     // chance of each ordered pair of distinct factors
    double selfLinkChance = 0.1; // chance of each factor linking to itself
    double negativeChance = 0.4;
    double unknownChance = 0.1;
};

SystemMap randomMap(std::uint64_t seed, const RandomMapSpec& spec);

// "from to sign" lines (factor ids, sign + - ?), one per link: the oracle script's input.
std::string edgeList(const SystemMap& map);

} // namespace causeway::testing
