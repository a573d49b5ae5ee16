#include "randommaps.h"

#include <random>
#include <sstream>

namespace causeway::testing {

SystemMap randomMap(std::uint64_t seed, const RandomMapSpec& spec)
{
    // mt19937_64 output is fixed by the standard; the distributions are not, so map it by hand.
    std::mt19937_64 rng(seed);
    auto chance = [&](double p) { return double(rng() >> 11) * 0x1.0p-53 < p; };

    SystemMap map;
    std::vector<FactorId> ids;
    for (int i = 0; i < spec.factors; ++i)
        ids.push_back(map.addFactor(Factor{.label = "F" + std::to_string(i)}));
    for (FactorId from : ids) {
        for (FactorId to : ids) {
            if (!chance(from == to ? spec.selfLinkChance : spec.linkChance))
                continue;
            Polarity p = Polarity::Positive;
            if (chance(spec.unknownChance))
                p = Polarity::Unknown;
            else if (chance(spec.negativeChance))
                p = Polarity::Negative;
            map.addLink(Link{.from = from, .to = to, .polarity = p});
        }
    }
    return map;
}

std::string edgeList(const SystemMap& map)
{
    std::ostringstream out;
    for (const Link& l : map.links())
        out << l.from.value << ' ' << l.to.value << ' ' << polaritySymbol(l.polarity) << '\n';
    return out.str();
}

} // namespace causeway::testing
