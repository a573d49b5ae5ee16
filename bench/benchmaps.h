#pragma once

// Seeded maps for the benchmarks: the same arguments give the same map in every run.

#include "model/systemmap.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace causeway::bench {

// n factors and exactly `links` links between random distinct pairs, two thirds positive.
inline SystemMap randomMap(int n, int links, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    SystemMap map;
    std::vector<FactorId> f;
    for (int i = 0; i < n; ++i) {
        Factor factor;
        factor.label = "F" + std::to_string(i);
        f.push_back(map.addFactor(factor));
    }
    while (static_cast<int>(map.linkCount()) < links) {
        const FactorId a = f[rng() % n];
        const FactorId b = f[rng() % n];
        if (a == b || map.findLink(a, b))
            continue;
        Link link;
        link.from = a;
        link.to = b;
        link.polarity = rng() % 3 ? Polarity::Positive : Polarity::Negative;
        map.addLink(link);
    }
    return map;
}

} // namespace causeway::bench
