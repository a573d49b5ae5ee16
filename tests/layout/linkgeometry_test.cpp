#include "layout/linkgeometry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

using namespace causeway;

namespace {

const BoxShape kLeft{{0, 0}, 100, 40};
const BoxShape kRight{{300, 0}, 100, 40};

// Distance from p to the edge of b grown by `margin`, for a point outside b.
double outsideBy(const BoxShape& b, Point p)
{
    const double dx = std::abs(p.x - b.centre.x) - b.width / 2;
    const double dy = std::abs(p.y - b.centre.y) - b.height / 2;
    return std::max(dx, dy);
}

double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

} // namespace

TEST(LinkGeometry, StraightLinkRunsFromEdgeToEdge)
{
    const LinkShape s = computeLinkShape(kLeft, kRight, std::nullopt, false);
    EXPECT_NEAR(s.start.x, 50, 0.5);
    EXPECT_NEAR(s.start.y, 0, 1e-6);
    EXPECT_NEAR(s.tip.x, 250 - LinkStyle{}.tipMargin, 0.5);
    EXPECT_NEAR(s.tip.y, 0, 1e-6);
    // The line stops at the arrow head's base, an arrow length before the tip.
    EXPECT_NEAR(distance(s.end, s.tip), LinkStyle{}.arrowLength, 0.5);
}

TEST(LinkGeometry, SignSitsOnTheLineJustBeforeTheArrowHead)
{
    const LinkShape s = computeLinkShape(kLeft, kRight, std::nullopt, false);
    EXPECT_NEAR(s.sign.y, 0, 1e-6);
    EXPECT_LT(s.sign.x, s.end.x);
    EXPECT_GT(s.sign.x, 150); // in the half near the head
}

TEST(LinkGeometry, DelayMarkCrossesTheMiddleOfAStraightLink)
{
    const LinkShape s = computeLinkShape(kLeft, kRight, std::nullopt, false);
    // Two strokes across (vertical for a horizontal link), side by side along the line.
    EXPECT_NEAR(s.delayA1.x, s.delayA2.x, 1e-6);
    EXPECT_NEAR(s.delayB1.x, s.delayB2.x, 1e-6);
    EXPECT_NEAR(std::abs(s.delayB1.x - s.delayA1.x), LinkStyle{}.delayGap, 1e-6);
    EXPECT_GT(s.delayA1.x, 100);
    EXPECT_LT(s.delayB1.x, 220);
}

// What the untangling judges a bend by (its line, head and sign) is what the link draws through
// it, whether it runs free, bends round a box or is routed round several; only the delay mark is
// left unplaced.
TEST(LinkGeometry, ALinksLineAloneIsTheLineItDraws)
{
    const BoxShape inTheWay{{150, 0}, 80, 40}, above{{150, -60}, 80, 40}, below{{150, 60}, 80, 40};
    const std::vector<std::vector<BoxShape>> obstacleSets{{}, {inTheWay}, {inTheWay, above, below}};
    for (const std::vector<BoxShape>& obstacles : obstacleSets)
        for (const std::optional<Point> via : {std::optional<Point>{}, std::optional<Point>{Point{0, 90}}})
            for (const bool apart : {false, true}) {
                const LinkShape drawn = computeLinkShape(kLeft, kRight, via, apart, obstacles);
                const LinkShape line = computeLinkLine(kLeft, kRight, via, apart, obstacles);
                ASSERT_EQ(line.line.size(), drawn.line.size()) << obstacles.size() << " boxes in the way";
                for (std::size_t i = 0; i < line.line.size(); ++i)
                    EXPECT_EQ(distance(line.line[i], drawn.line[i]), 0.0);
                EXPECT_EQ(distance(line.tip, drawn.tip), 0.0);
                EXPECT_EQ(distance(line.baseLeft, drawn.baseLeft), 0.0);
                EXPECT_EQ(distance(line.sign, drawn.sign), 0.0);
                EXPECT_EQ(distance(line.middle, drawn.middle), 0.0);
                EXPECT_GT(distance(drawn.delayA1, drawn.delayB2), 0.0) << "the drawn link has its mark";
            }
}

TEST(LinkGeometry, ReciprocalLinksCurveToOppositeSides)
{
    const LinkShape ab = computeLinkShape(kLeft, kRight, std::nullopt, true);
    const LinkShape ba = computeLinkShape(kRight, kLeft, std::nullopt, true);
    EXPECT_GT(std::abs(ab.middle.y), 10);
    EXPECT_LT(ab.middle.y * ba.middle.y, 0); // one above the chord, one below
}

TEST(LinkGeometry, BendPutsTheMiddleWhereItWasDragged)
{
    const Point wanted{150, 80};
    const Point bend = bendForMiddle(kLeft, kRight, false, wanted);
    const LinkShape s = computeLinkShape(kLeft, kRight, bend, false);
    EXPECT_NEAR(s.middle.x, wanted.x, 1e-9);
    EXPECT_NEAR(s.middle.y, wanted.y, 1e-9);
    EXPECT_GT(s.start.y, 0); // the curve leaves the box towards the bend
}

TEST(LinkGeometry, SelfLoopLeavesAndReturnsOutsideTheBox)
{
    const LinkShape s = computeSelfLoopShape(kLeft, std::nullopt);
    EXPECT_NEAR(outsideBy(kLeft, s.start), 0, 0.5);
    EXPECT_NEAR(outsideBy(kLeft, s.tip), LinkStyle{}.tipMargin, 0.5);
    EXPECT_LT(s.middle.y, -20); // above the box by default
    const Point bend = bendForMiddle(kLeft, kLeft, true, {0, 90});
    EXPECT_NEAR(computeSelfLoopShape(kLeft, bend).middle.y, 90, 1e-9);
}

TEST(LinkGeometry, OverlappingBoxesStillGiveAFiniteArrow)
{
    const LinkShape s = computeLinkShape(kLeft, BoxShape{{10, 5}, 100, 40}, std::nullopt, false);
    EXPECT_TRUE(std::isfinite(s.tip.x) && std::isfinite(s.sign.y));
}
