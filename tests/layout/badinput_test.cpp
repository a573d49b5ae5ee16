// Maps a facilitator should not have to make but will: very long, blank or repeated labels,
// and a factor with twenty or thirty links, still lay out readably.
#include "maps.h"

#include "layout/cubicpath.h"
#include "layout/layout.h"
#include "layout/linkshapes.h"
#include "layout/quality.h"
#include "layout/textmetrics.h"

#include <gtest/gtest.h>

#include <string>

using namespace causeway;
using causeway::testing::addFactor;
using causeway::testing::addLink;

TEST(BadInputLayout, LongTinyAndIdenticalLabelsLayOutWithNoOverlap)
{
    SystemMap map;
    std::vector<FactorId> ids;
    ids.push_back(addFactor(map, std::string(400, 'w')));
    ids.push_back(addFactor(map, "Housing " + std::string(60, 'x') + " and " + std::string(300, 'y')));
    // A blank label is refused by the map (MapFileErrors.AnEmptyLabelIsRefused): the least a
    // label can be is one narrow character.
    ids.push_back(addFactor(map, "."));
    ids.push_back(addFactor(map, "i"));
    for (int i = 0; i < 4; ++i)
        ids.push_back(addFactor(map, "Same"));
    for (std::size_t i = 0; i < ids.size(); ++i)
        addLink(map, ids[i], ids[(i + 1) % ids.size()]);
    addLink(map, ids[0], ids[4]);
    addLink(map, ids[5], ids[2]);
    const std::map<FactorId, BoxShape> boxes = causeway::testing::laidOutByDefault(map);
    const layout::DrawingQuality q = layout::measureDrawing(layout::drawingOfMap(map, boxes));
    EXPECT_EQ(q.overlappingFactors, 0u);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.signsOnFactors, 0u);
    EXPECT_EQ(q.overlappingSigns, 0u);
}

// Thirty links into one factor (fifteen from it back): every arrow head that lands on it can be
// told apart, its tip clear of every other head's tip by at least half a head's width.
// Fails today: links that reach the hub from one side along the same last leg end on the same
// point (2 pairs of tips coincide, 26 pairs closer than 7 pt); ends need spreading along the
// hub's edge, in the geometry the canvas shares.
TEST(BadInputLayout, AFactorWithThirtyLinksShowsEveryArrowHeadDistinctly)
{
    SystemMap map;
    const FactorId hub = addFactor(map, "Hub");
    for (int i = 0; i < 30; ++i) {
        const FactorId spoke = addFactor(map, "Spoke " + std::to_string(i));
        addLink(map, spoke, hub);
        if (i % 2 == 0)
            addLink(map, hub, spoke);
    }
    const std::map<FactorId, BoxShape> boxes = causeway::testing::laidOutByDefault(map);
    const LinkStyle style;
    std::vector<Point> tips;
    for (const auto& [id, shape] : computeLinkShapes(map, boxes))
        if (map.link(id).to == hub)
            tips.push_back(shape.tip);
    ASSERT_EQ(tips.size(), 30u);
    for (std::size_t i = 0; i < tips.size(); ++i)
        for (std::size_t j = i + 1; j < tips.size(); ++j)
            EXPECT_GE(length(tips[i] - tips[j]), style.arrowWidth / 2) << "heads " << i << " and " << j;
    const layout::DrawingQuality q = layout::measureDrawing(layout::drawingOfMap(map, boxes));
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.overlappingSigns, 0u);
    EXPECT_EQ(q.signsOnFactors, 0u);
}

// Twenty factors each linked to one hub (ten links in, ten out) and to nothing else. Packed for
// the screen by the force engines, the far ones sat behind the near ones and their links crossed
// as they went round them (6 crossings); drawn as dot ranks them (bestlayout.cpp layeredIfBetter)
// none cross, with labels as large.
TEST(BadInputLayout, AFactorWithTwentyLinksAndNothingElseDrawsWithNoCrossing)
{
    SystemMap map;
    const FactorId hub = addFactor(map, "Hub factor");
    for (int i = 1; i <= 20; ++i) {
        const FactorId leaf = addFactor(map, "Leaf number " + std::to_string(i));
        if (i % 2 == 0)
            addLink(map, hub, leaf);
        else
            addLink(map, leaf, hub, Polarity::Negative);
    }
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    // Its positions, and dot's routes as bends.
    layout::applyLayout(map, layout::computeLayout(map, options));
    const layout::DrawingQuality q = layout::measureDrawing(
        layout::drawingOfMap(map, causeway::testing::canvasBoxes(map)), {1024, 768});
    EXPECT_EQ(q.crossings, 0u);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.overlappingFactors, 0u);
    EXPECT_EQ(q.overlappingSigns, 0u);
    EXPECT_EQ(q.signsOnFactors, 0u);
    EXPECT_GE(q.labelPixels, 20.0);
}

// A hub on a map with more factors than dot lays out (250): the hierarchical drawing is not
// tried, and the force layout's drawing comes back rather than dot's refusal.
TEST(BadInputLayout, AHubOnAMapTooBigForDotIsLaidOutByTheForceLayout)
{
    SystemMap map;
    const FactorId hub = addFactor(map, "Hub");
    for (int i = 0; i < 12; ++i)
        addLink(map, addFactor(map, "Spoke " + std::to_string(i)), hub);
    for (int i = 0; i < 250; ++i)
        addFactor(map, "Alone " + std::to_string(i));
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    layout::LayoutResult result;
    ASSERT_NO_THROW(result = layout::computeLayout(map, options));
    EXPECT_EQ(result.positions.size(), map.factorCount());
    EXPECT_TRUE(result.bends.empty()); // not dot's routes
}
