// Link ends spread along a busy box's border, and left alone where they do not crowd.
#include "maps.h"

#include "layout/cubicpath.h"
#include "layout/linkshapes.h"

#include <gtest/gtest.h>

using namespace causeway;
using causeway::testing::addFactor;
using causeway::testing::addLink;

namespace {

std::map<FactorId, BoxShape> boxesAt(const SystemMap& map, const std::map<FactorId, Point>& at)
{
    std::map<FactorId, BoxShape> boxes;
    for (const Factor& f : map.factors())
        boxes[f.id] = BoxShape{at.at(f.id), 120, 36};
    return boxes;
}

} // namespace

TEST(LinkPorts, EndsThatDoNotCrowdStayWhereTheLinkMeetsTheBox)
{
    SystemMap map;
    const FactorId hub = addFactor(map, "hub"), left = addFactor(map, "left"), right = addFactor(map, "right");
    addLink(map, left, hub);
    addLink(map, right, hub);
    const auto boxes = boxesAt(map, {{hub, {0, 0}}, {left, {-300, 0}}, {right, {300, 0}}});
    for (const auto& [id, shape] : computeLinkShapes(map, boxes)) {
        const Link& l = map.link(id);
        const LinkShape alone = computeLinkShape(boxes.at(l.from), boxes.at(l.to), std::nullopt, false,
                                                 obstaclesFor(boxes, l.from, l.to));
        EXPECT_EQ(shape.tip, alone.tip);
        EXPECT_EQ(shape.start, alone.start);
    }
}

TEST(LinkPorts, TipsMeetingOnePointSpreadAnArrowHeadApartInTheOrderOfTheirSources)
{
    // Three sources in a row far above: alone, their tips land within a few points of each other.
    SystemMap map;
    const FactorId hub = addFactor(map, "hub");
    std::map<FactorId, Point> at{{hub, {0, 0}}};
    std::vector<FactorId> sources;
    for (int i = 0; i < 3; ++i) {
        sources.push_back(addFactor(map, "source " + std::to_string(i)));
        at[sources.back()] = {(i - 1) * 150.0, -600};
        addLink(map, sources.back(), hub);
    }
    const auto boxes = boxesAt(map, at);
    const LinkStyle style;
    std::vector<Point> tips;
    for (const auto& [id, shape] : computeLinkShapes(map, boxes)) {
        tips.push_back(shape.tip);
        EXPECT_NEAR(shape.tip.y, -18 - style.tipMargin, 0.5) << "on the side facing the sources";
    }
    ASSERT_EQ(tips.size(), 3u);
    for (std::size_t i = 1; i < tips.size(); ++i)
        EXPECT_GE(tips[i].x - tips[i - 1].x, style.arrowWidth - 0.01) << "in the sources' order";
}
