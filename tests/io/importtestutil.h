#pragma once

#include "layout/textmetrics.h"
#include "model/systemmap.h"

#include <gtest/gtest.h>

#include <string>

// Helpers for the Kumu, Loopy, Vensim and XMILE importer tests.
namespace causeway::test {

// The link between the factors labelled `from` and `to`; a test failure if there is none.
inline const Link& linkOf(const SystemMap& map, const std::string& from, const std::string& to)
{
    const auto a = map.findFactorByLabel(from);
    const auto b = map.findFactorByLabel(to);
    EXPECT_TRUE(a && b) << from << " -> " << to;
    const auto id = map.findLink(*a, *b);
    EXPECT_TRUE(id) << from << " -> " << to;
    return map.link(*id);
}

// Pairs of factors whose boxes, as Causeway draws them, overlap.
inline std::size_t overlappingBoxes(const SystemMap& map)
{
    const std::vector<Factor> factors = map.factors();
    std::size_t overlaps = 0;
    for (std::size_t i = 0; i < factors.size(); ++i)
        for (std::size_t j = i + 1; j < factors.size(); ++j) {
            const FactorBoxText a = layoutFactorBox(factors[i].label);
            const FactorBoxText b = layoutFactorBox(factors[j].label);
            if (std::abs(factors[i].position.x - factors[j].position.x) < (a.width + b.width) / 2
                && std::abs(factors[i].position.y - factors[j].position.y) < (a.height + b.height) / 2)
                ++overlaps;
        }
    return overlaps;
}

// The factor `a` sits from `b` as in the file (fileA - fileB), scaled by the same factor on
// both axes; returns that factor (0 when the arrangement changed).
inline double scaleBetween(const SystemMap& map, const std::string& a, const std::string& b, Point fileA,
                           Point fileB)
{
    const Point pa = map.factor(*map.findFactorByLabel(a)).position;
    const Point pb = map.factor(*map.findFactorByLabel(b)).position;
    const double sx = (pa.x - pb.x) / (fileA.x - fileB.x);
    const double sy = (pa.y - pb.y) / (fileA.y - fileB.y);
    return std::abs(sx - sy) < 1e-9 ? sx : 0;
}

} // namespace causeway::test
