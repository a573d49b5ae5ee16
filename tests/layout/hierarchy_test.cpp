// The hierarchical (dot) layout keeps dot's ranks and routes: drawn for a screen, its ranks run
// across it or down it, whichever reads better, and a link dot routed round is bent through its
// route where that crosses less.

#include "layout/dotroutes.h"
#include "layout/layout.h"
#include "layout/quality.h"
#include "maps.h"

#include "io/import.h"
#include "io/mapfile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace causeway {
namespace {

using layout::Engine;
using layout::LayoutOptions;
using layout::LayoutResult;

// The map laid out hierarchically for a 4:3 screen, as the editor lays it out: factors moved,
// the layout's bends set.
SystemMap hierarchical(SystemMap map)
{
    LayoutOptions options;
    options.engine = Engine::Dot;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    layout::applyLayout(map, layout::computeLayout(map, options));
    return map;
}

TEST(Hierarchy, ARouteAwayFromTheStraightLineBecomesABendThroughItsMiddle)
{
    SystemMap map;
    const FactorId a = testing::addFactor(map, "A");
    const FactorId b = testing::addFactor(map, "B");
    const FactorId c = testing::addFactor(map, "C");
    const LinkId straight = testing::addLink(map, a, b);
    const LinkId bowed = testing::addLink(map, b, c);
    const LinkId slight = testing::addLink(map, c, a);
    const LinkId self = testing::addLink(map, c, c);
    LayoutResult result;
    result.positions = {{a, {0, 0}}, {b, {0, 200}}, {c, {0, 400}}};
    result.links = {
        {straight, {{0, 20}, {0, 80}, {0, 120}, {0, 180}}},
        // Out to the right and back: its middle 60 right of the line (3/4 of the control points' 80).
        {bowed, {{0, 220}, {80, 260}, {80, 340}, {0, 380}}},
        // Within 12 of the line: drawn straight as the canvas would.
        {slight, {{0, 380}, {-10, 260}, {-10, 140}, {0, 20}}},
        {self, {{30, 390}, {70, 380}, {70, 420}, {30, 410}}},
    };
    const std::map<LinkId, Point> bends = layout::detail::routedBends(result, map);
    ASSERT_EQ(bends.size(), 1u);
    ASSERT_TRUE(bends.count(bowed));
    EXPECT_NEAR(bends.at(bowed).x, 60, 0.5);
    EXPECT_NEAR(bends.at(bowed).y, 0, 0.5);
    // Its apex, the point furthest from the line, is the same point on a route this even; on a
    // route bulging late it is further along than the middle.
    result.links[1].curve = {{0, 220}, {0, 260}, {120, 380}, {0, 380}};
    const Point middle = layout::detail::routedBends(result, map).at(bowed);
    const Point apex = layout::detail::routedBends(result, map, true).at(bowed);
    EXPECT_GT(apex.y, middle.y + 5);
    EXPECT_GT(apex.x, middle.x);
}

// Packed across a landscape screen (as before), a chain's ranks ran left to right with labels
// about 8 px; down the screen they show larger.
TEST(Hierarchy, ALongChainRunsDownALandscapeScreen)
{
    SystemMap map;
    std::vector<FactorId> chain;
    chain.reserve(12);
    for (int i = 0; i < 12; ++i)
        chain.push_back(testing::addFactor(map, "Step number " + std::to_string(i + 1)));
    for (std::size_t i = 1; i < chain.size(); ++i)
        testing::addLink(map, chain[i - 1], chain[i]);
    map = hierarchical(std::move(map));
    for (std::size_t i = 1; i < chain.size(); ++i)
        EXPECT_GT(map.factor(chain[i]).position.y, map.factor(chain[i - 1]).position.y + 30) << i;
    EXPECT_GE(layout::measureMap(map).labelPixels, 10.0);
}

// Measured with layout_quality_report at 1024x768; Graphviz's `dot -Gsplines=true` on the
// exported DOT in the same run: the sample 14 crossings at 9.2 px, energy_tech 0 at 9.8 px.
// Packed for the screen with the canvas routing every link, as before: 34 at 7.0 px and 18 at
// 5.6 px.
TEST(Hierarchy, TheSampleAndAModelCrossAboutAsLittleAsGraphvizsDot)
{
    const SystemMap sample = hierarchical(loadMapFile(CAUSEWAY_SAMPLES_DIR "/peer-nsp.causeway"));
    const layout::DrawingQuality s = layout::measureMap(sample);
    EXPECT_LE(s.crossings, 12u);
    EXPECT_EQ(s.linksThroughBoxes, 0u);
    EXPECT_EQ(s.overlappingFactors + s.overlappingSigns + s.signsOnFactors, 0u);
    EXPECT_GE(s.labelPixels, 8.0);

    const SystemMap energy =
        hierarchical(importFile(CAUSEWAY_MODELS_DIR "/simlin/energy_tech_cld_v160.mdl").map);
    const layout::DrawingQuality e = layout::measureMap(energy);
    EXPECT_LE(e.crossings, 1u);
    EXPECT_EQ(e.linksThroughBoxes, 0u);
    EXPECT_EQ(e.overlappingFactors + e.overlappingSigns + e.signsOnFactors, 0u);
    EXPECT_GE(e.labelPixels, 10.0);
    // Some of its links keep dot's routes round the ranks, as the layout's bends (dropped by the
    // next layout).
    std::size_t routed = 0;
    for (const Link& l : energy.links())
        routed += l.bend && l.bendByLayout ? 1 : 0;
    EXPECT_GT(routed, 0u);
}

// dot moves pinned factors with the rest, and the layout puts them back: their links' routes no
// longer reach them, so those links get no bend (they are drawn as the canvas routes them).
// Every link of energy_tech bent by hand first: the hierarchical layout moves the factors and
// keeps each of those bends (where, drawn afresh, dot's routes replace a layout's).
TEST(Hierarchy, ALinkBentByHandKeepsItsBend)
{
    SystemMap map = importFile(CAUSEWAY_MODELS_DIR "/simlin/energy_tech_cld_v160.mdl").map;
    const SystemMap unbent = hierarchical(map);
    std::size_t routed = 0;
    for (const Link& l : unbent.links())
        routed += l.bend ? 1 : 0;
    ASSERT_GT(routed, 0u);
    for (Link l : map.links()) {
        l.bend = Point{7, -5};
        l.bendByLayout = false;
        map.updateLink(l);
    }
    map = hierarchical(std::move(map));
    for (const Link& l : map.links()) {
        ASSERT_TRUE(l.bend) << l.id.value;
        EXPECT_FALSE(l.bendByLayout) << l.id.value;
        EXPECT_EQ(*l.bend, (Point{7, -5})) << l.id.value;
    }
}

TEST(Hierarchy, LinksOfAPinnedFactorPutBackKeepNoBend)
{
    SystemMap map = testing::randomMap(20, 30, 11);
    const auto ids = map.factorIds();
    const Point places[] = {{-400, 250}, {300, -120}, {820, 600}};
    for (std::size_t i = 0; i < 3; ++i) {
        Factor f = map.factor(ids[i * 5]);
        f.position = places[i];
        f.pinned = true;
        map.updateFactor(f);
    }
    LayoutOptions options;
    options.engine = Engine::Dot;
    options.sizes = testing::boxSizes(map);
    const LayoutResult result = layout::computeLayout(map, options);
    // The routes the layout's bends are chosen from: elsewhere dot's, round its ranks.
    const std::map<LinkId, Point> routed = layout::detail::routedBends(result, map);
    EXPECT_FALSE(routed.empty());
    std::size_t atPutBack = 0;
    for (const Link& l : map.links()) {
        // The first pinned factor stays put by moving the drawing; the other two are put back.
        const bool putBack = l.from == ids[5] || l.to == ids[5] || l.from == ids[10] || l.to == ids[10];
        if (putBack && l.from != l.to) {
            ++atPutBack;
            EXPECT_FALSE(routed.count(l.id)) << l.id.value;
            EXPECT_FALSE(result.bends.count(l.id)) << l.id.value;
        }
    }
    EXPECT_GT(atPutBack, 0u);
}

} // namespace
} // namespace causeway
