// Starts drawn with no links crossing, for small maps whose links can be drawn so
// (layout/planarstart.h).
#include "maps.h"

#include "layout/planarstart.h"
#include "model/planarity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace causeway;
using causeway::testing::straightCrossings;

namespace {

// A connected random map of `factors` whose links can be drawn uncrossed: a random tree, then
// random links kept while that still holds.
SystemMap uncrossable(std::size_t factors, std::size_t links, std::uint32_t seed)
{
    std::mt19937 random(seed);
    SystemMap map;
    std::vector<FactorId> ids;
    for (std::size_t i = 0; i < factors; ++i)
        ids.push_back(causeway::testing::addFactor(map, "Factor " + std::to_string(i) + std::string(random() % 20, 'x')));
    for (std::size_t i = 1; i < factors; ++i)
        causeway::testing::addLink(map, ids[random() % i], ids[i]);
    for (int tries = 0; map.linkCount() < links && tries < 1000; ++tries) {
        const FactorId a = ids[random() % factors], b = ids[random() % factors];
        if (a == b || map.findLink(a, b) || map.findLink(b, a))
            continue;
        const LinkId id = causeway::testing::addLink(map, a, b);
        if (!planarFaces(map))
            map.removeLink(id);
    }
    return map;
}

layout::LayoutOptions at43()
{
    layout::LayoutOptions options;
    options.aspect = 4.0 / 3.0;
    return options;
}

} // namespace

// The default layout spreads its uncrossed starts one at a time, in order, and stops at the first
// that draws perfectly (layout/bestlayout.cpp): each start, asked for alone and in any order, is
// the drawing planarStarts gives, and the ones left crossed are exactly those it leaves out.
TEST(PlanarStart, EachStartSpreadAloneIsTheOnePlanarStartsGives)
{
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
        const std::size_t factors = 8 + seed * 3;
        const SystemMap map = uncrossable(factors, factors * 3 / 2, seed);
        const layout::LayoutOptions options = at43();
        const auto all = layout::detail::planarStarts(map, options, 4);
        const layout::detail::PlanarStarts planar(map, options, 4);
        ASSERT_EQ(planar.size(), 4 * layout::detail::kSpringLengths) << "seed " << seed;
        std::vector<std::map<FactorId, Point>> alone(planar.size());
        for (std::size_t k = planar.size(); k-- > 0;) // last first
            alone[k] = planar.start(k);
        std::vector<std::map<FactorId, Point>> kept;
        for (const auto& at : alone)
            if (!at.empty())
                kept.push_back(at);
        EXPECT_FALSE(kept.empty()) << "seed " << seed;
        EXPECT_EQ(kept, all) << "seed " << seed;
    }
}

// Each start: every factor placed, apart from the others and clear of the origin (which reads
// as not placed), and no two links crossing as straight lines (planarStarts leaves out a drawing
// that crosses, so every face asked for gives all its drawings here).
TEST(PlanarStart, EveryStartOfAnUncrossableMapCrossesNoLink)
{
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        const std::size_t factors = 8 + seed % 20;
        const SystemMap map = uncrossable(factors, factors * 3 / 2, seed);
        const auto starts = layout::detail::planarStarts(map, at43(), 4);
        // Each face asked for (these maps have at least 6) drawn every way: none left out.
        EXPECT_EQ(starts.size(), 4 * layout::detail::kSpringLengths) << seed;
        for (const auto& at : starts) {
            ASSERT_EQ(at.size(), map.factorCount()) << seed;
            EXPECT_EQ(straightCrossings(map, at), 0u) << seed;
            for (const auto& [id, p] : at) {
                EXPECT_FALSE(p.x == 0 && p.y == 0) << seed;
                for (const auto& [other, q] : at) {
                    if (other < id) {
                        EXPECT_GT(std::hypot(p.x - q.x, p.y - q.y), 1.0) << seed;
                    }
                }
            }
        }
    }
}

TEST(PlanarStart, NoneForAMapThatCannotBeDrawnUncrossedIsInPiecesOrHasNoCycle)
{
    SystemMap five;
    std::vector<FactorId> ids;
    ids.reserve(5);
    for (int i = 0; i < 5; ++i)
        ids.push_back(causeway::testing::addFactor(five, "F" + std::to_string(i)));
    for (int a = 0; a < 5; ++a)
        for (int b = a + 1; b < 5; ++b)
            causeway::testing::addLink(five, ids[std::size_t(a)], ids[std::size_t(b)]);
    EXPECT_TRUE(layout::detail::planarStarts(five, at43(), 4).empty());

    SystemMap tree = uncrossable(12, 11, 3); // the tree alone
    ASSERT_EQ(tree.linkCount(), 11u);
    EXPECT_TRUE(layout::detail::planarStarts(tree, at43(), 4).empty());

    SystemMap pieces = uncrossable(12, 18, 4);
    ASSERT_FALSE(layout::detail::planarStarts(pieces, at43(), 4).empty());
    causeway::testing::addFactor(pieces, "Alone");
    EXPECT_TRUE(layout::detail::planarStarts(pieces, at43(), 4).empty());
}
