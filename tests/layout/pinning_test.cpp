// Pinned factors stay exactly where they are, and a tidy layout keeps the facilitator's
// arrangement while placing new factors.

#include "maps.h"

#include <gtest/gtest.h>

#include <cmath>

namespace causeway {
namespace {

using layout::Engine;
using layout::LayoutOptions;
using layout::LayoutResult;

constexpr double pinTolerance = 0.5;

SystemMap mapWithThreePins()
{
    SystemMap map = testing::randomMap(20, 30, 11);
    const auto ids = map.factorIds();
    const Point places[] = {{-400, 250}, {300, -120}, {820, 600}};
    for (int i = 0; i < 3; ++i) {
        Factor f = map.factor(ids[i * 5]);
        f.position = places[i];
        f.pinned = true;
        map.updateFactor(f);
    }
    return map;
}

class PinnedFactors : public ::testing::TestWithParam<Engine> {};

TEST_P(PinnedFactors, StayExactlyWhereTheyWere)
{
    const SystemMap map = mapWithThreePins();
    LayoutOptions options;
    options.engine = GetParam();
    options.sizes = testing::boxSizes(map);
    const LayoutResult result = layout::computeLayout(map, options);

    for (const Factor& f : map.factors()) {
        if (!f.pinned)
            continue;
        const Point& p = result.positions.at(f.id);
        EXPECT_NEAR(p.x, f.position.x, pinTolerance) << f.label;
        EXPECT_NEAR(p.y, f.position.y, pinTolerance) << f.label;
    }
}

TEST_P(PinnedFactors, KeepTheirLinksAttached)
{
    const SystemMap map = mapWithThreePins();
    LayoutOptions options;
    options.engine = GetParam();
    options.sizes = testing::boxSizes(map);
    const LayoutResult result = layout::computeLayout(map, options);

    for (const auto& geometry : result.links) {
        const Link& link = map.link(geometry.id);
        EXPECT_LT(testing::distanceToBox(geometry.curve.front(), result.positions.at(link.from),
                                         options.sizes.at(link.from)),
                  4.0)
            << describeLink(map, link);
        EXPECT_LT(testing::distanceToBox(geometry.curve.back(), result.positions.at(link.to),
                                         options.sizes.at(link.to)),
                  4.0)
            << describeLink(map, link);
    }
}

INSTANTIATE_TEST_SUITE_P(Layout, PinnedFactors, ::testing::ValuesIn(layout::allEngines()),
                         [](const auto& info) { return std::string(layout::engineName(info.param)); });

TEST(Layout, NeatoAndFdpPlaceTheOtherFactorsAroundThePins)
{
    // Engines that honour pins lay the rest out around them: the unpinned factors' centroid
    // lies within the span of the pinned ones, not off to one side.
    const SystemMap map = mapWithThreePins();
    for (Engine engine : {Engine::Neato, Engine::Fdp}) {
        LayoutOptions options;
        options.engine = engine;
        options.sizes = testing::boxSizes(map);
        const LayoutResult result = layout::computeLayout(map, options);
        Point centre;
        int count = 0;
        for (const Factor& f : map.factors()) {
            if (f.pinned)
                continue;
            centre.x += result.positions.at(f.id).x;
            centre.y += result.positions.at(f.id).y;
            ++count;
        }
        centre = {centre.x / count, centre.y / count};
        EXPECT_GT(centre.x, -400) << layout::engineName(engine);
        EXPECT_LT(centre.x, 820) << layout::engineName(engine);
        EXPECT_GT(centre.y, -120) << layout::engineName(engine);
        EXPECT_LT(centre.y, 600) << layout::engineName(engine);
    }
}

TEST(Layout, IgnoresPinsWhenAskedTo)
{
    const SystemMap map = mapWithThreePins();
    LayoutOptions options;
    options.keepPinned = false;
    options.sizes = testing::boxSizes(map);
    const LayoutResult result = layout::computeLayout(map, options);

    int moved = 0;
    for (const Factor& f : map.factors()) {
        const Point& p = result.positions.at(f.id);
        if (f.pinned && std::hypot(p.x - f.position.x, p.y - f.position.y) > 1)
            ++moved;
    }
    EXPECT_GT(moved, 0);
}

class Tidy : public ::testing::Test {
protected:
    // A hand-arranged map (a grid, unlike anything neato would draw) with three new factors.
    void SetUp() override
    {
        m_map = testing::randomMap(30, 45, 21);
        testing::placeOnGrid(m_map);
        const auto ids = m_map.factorIds();
        for (int i = 0; i < 3; ++i) {
            const FactorId added = testing::addFactor(m_map, "new factor " + std::to_string(i));
            testing::addLink(m_map, ids[i * 7], added);
            m_newIds.push_back(added);
        }
        m_options.sizes = testing::boxSizes(m_map);
    }

    SystemMap m_map;
    std::vector<FactorId> m_newIds;
    LayoutOptions m_options;
};

TEST_F(Tidy, MovesPlacedFactorsFarLessThanAFreshLayout)
{
    m_options.tidy = true;
    const double tidy = testing::meanDisplacement(m_map, layout::computeLayout(m_map, m_options));
    m_options.tidy = false;
    const double fresh = testing::meanDisplacement(m_map, layout::computeLayout(m_map, m_options));

    EXPECT_LT(tidy, fresh / 4) << "tidy " << tidy << " pt, fresh " << fresh << " pt";
}

TEST_F(Tidy, PlacesNewFactorsWithoutOverlappingTheOthers)
{
    m_options.tidy = true;
    const LayoutResult result = layout::computeLayout(m_map, m_options);
    EXPECT_EQ(testing::overlappingPairs(m_options, result), 0u);
    for (FactorId id : m_newIds) {
        const Point& p = result.positions.at(id);
        EXPECT_FALSE(p.x == 0 && p.y == 0);
    }
}

TEST_F(Tidy, KeepsPinnedFactorsExactly)
{
    const FactorId pinnedId = m_map.factorIds()[4];
    Factor f = m_map.factor(pinnedId);
    f.pinned = true;
    m_map.updateFactor(f);
    m_options.tidy = true;
    const LayoutResult result = layout::computeLayout(m_map, m_options);

    EXPECT_NEAR(result.positions.at(pinnedId).x, f.position.x, pinTolerance);
    EXPECT_NEAR(result.positions.at(pinnedId).y, f.position.y, pinTolerance);
}

} // namespace
} // namespace causeway
