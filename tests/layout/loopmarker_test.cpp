// Where a loop's label goes and which way its arrow turns (screen coordinates, y down).

#include "layout/cubicpath.h"
#include "layout/loopmarker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace causeway::layout {
namespace {

TEST(LoopMarker, TheMarkerSitsAtTheMeanOfTheOutline)
{
    const LoopMarker m = loopMarker({{0, 0}, {300, 0}, {300, 200}, {0, 200}});
    EXPECT_DOUBLE_EQ(m.centre.x, 150);
    EXPECT_DOUBLE_EQ(m.centre.y, 100);
    EXPECT_FALSE(m.degenerate);
}

TEST(LoopMarker, RightThenDownTurnsClockwiseOnScreen)
{
    // Right along the top, then down: clockwise when y points down.
    EXPECT_TRUE(loopMarker({{0, 0}, {100, 0}, {100, 100}}).clockwise);
    EXPECT_FALSE(loopMarker({{0, 0}, {100, 100}, {100, 0}}).clockwise);
}

TEST(LoopMarker, LinkMiddlesOrientATwoFactorLoop)
{
    // A at left, B at right; A->B curves above (its middle at y=-40), B->A below.
    const LoopMarker above = loopMarker({{0, 0}, {50, -40}, {100, 0}, {50, 40}});
    EXPECT_FALSE(above.degenerate);
    EXPECT_TRUE(above.clockwise);
    const LoopMarker below = loopMarker({{0, 0}, {50, 40}, {100, 0}, {50, -40}});
    EXPECT_FALSE(below.clockwise);
    EXPECT_DOUBLE_EQ(above.centre.x, 50);
    EXPECT_DOUBLE_EQ(above.centre.y, 0);
}

TEST(LoopMarker, CentresInALineEncloseNothing)
{
    const LoopMarker m = loopMarker({{0, 0}, {100, 0}, {200, 0}});
    EXPECT_TRUE(m.degenerate);
    EXPECT_TRUE(m.clockwise);
    EXPECT_TRUE(loopMarker({{5, 5}}).degenerate);
    EXPECT_TRUE(loopMarker({}).degenerate);
}

TEST(LoopMarker, SignedAreaIsTwiceTheArea)
{
    EXPECT_DOUBLE_EQ(signedArea2({{0, 0}, {10, 0}, {10, 10}, {0, 10}}), 200);
    EXPECT_DOUBLE_EQ(signedArea2({{0, 0}, {0, 10}, {10, 10}, {10, 0}}), -200);
}

TEST(LoopLabelPlacement, ALabelAtAClearCentreStaysThere)
{
    const LabelFootprint f{40, 40, 20, 50};
    const Point centre{0, 0};
    const Point at = placeClearOf(centre, f, {{{300, 300}, 100, 40}});
    EXPECT_EQ(at, centre);
}

TEST(LoopLabelPlacement, ALabelOverAFactorMovesToTheNearestClearSpot)
{
    const LabelFootprint f{40, 40, 20, 50};
    const std::vector<BoxShape> boxes{{{0, 0}, 120, 40}, {{0, 150}, 120, 40}};
    const Point at = placeClearOf({0, 10}, f, boxes);
    const BoxShape placed = footprintBox(at, f);
    for (const BoxShape& b : boxes) {
        const bool apart = std::abs(placed.centre.x - b.centre.x) * 2 >= placed.width + b.width
                        || std::abs(placed.centre.y - b.centre.y) * 2 >= placed.height + b.height;
        EXPECT_TRUE(apart);
    }
    // Nearest: not further than the factor's half width plus the label's, plus a ring step.
    EXPECT_LT(std::hypot(at.x, at.y - 10), 60 + 40 + 6 + 12 + 1);
}

TEST(LoopLabelPlacement, NoClearSpotNearbyKeepsTheCentreWhenEverySpotIsAsCovered)
{
    const LabelFootprint f{40, 40, 20, 50};
    const std::vector<BoxShape> wall{{{0, 0}, 5000, 5000}};
    EXPECT_EQ(placeClearOf({7, 9}, f, wall, 200), (Point{7, 9}));
}

TEST(LoopLabelPlacement, WithoutAClearSpotTheLabelGoesWhereItCoversLeast)
{
    // A crowd of boxes with one half-open gap to the right of the centre.
    const LabelFootprint f{40, 40, 20, 50};
    std::vector<BoxShape> crowd;
    for (int x = -400; x <= 400; x += 100)
        for (int y = -400; y <= 400; y += 100)
            if (!(x == 100 && y == 0))
                crowd.push_back({{double(x), double(y)}, 90, 90});
    const Point at = placeClearOf({0, 0}, f, crowd, 60);
    EXPECT_GT(at.x, 40) << "moved towards the gap";
}

bool overlaps(const BoxShape& a, const BoxShape& b)
{
    return std::abs(a.centre.x - b.centre.x) * 2 < a.width + b.width
        && std::abs(a.centre.y - b.centre.y) * 2 < a.height + b.height;
}

// How many of `lines` a label of footprint {30, 30, 30, 50} at `at` meets, grown by the margin
// of 6 that placeClearOf adds.
std::ptrdiff_t linesUnder(const std::vector<BoxShape>& lines, Point at)
{
    const LabelFootprint grown{36, 36, 36, 56};
    return std::count_if(lines.begin(), lines.end(), [&](const BoxShape& l) { return overlaps(l, footprintBox(at, grown)); });
}

// A link's line as labels see it: every point of the curve lies in one of its small boxes, and
// its sign and arrow head are obstacles.
TEST(LoopLabelPlacement, ALinksMarksCoverItsWholeCurveItsSignAndItsHead)
{
    const LinkShape link = computeLinkShape({{0, 0}, 100, 40}, {{400, 160}, 100, 40}, Point{-30, 60}, false);
    std::vector<BoxShape> obstacles, lines;
    linkMarks(link, 13, obstacles, lines);
    ASSERT_EQ(obstacles.size(), 2u);
    EXPECT_TRUE(overlaps(obstacles[0], {link.sign, 1, 1}));
    for (const Point p : {link.tip, link.baseLeft, link.baseRight})
        EXPECT_TRUE(overlaps(obstacles[1], {p, 0.5, 0.5}));
    for (const Point p : CubicPath(link.line).sample(400))
        EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [&](const BoxShape& b) { return overlaps(b, {p, 0.01, 0.01}); }))
            << p.x << "," << p.y;
}

// A label whose centre falls on a link moves off the line to the nearest spot clear of it, when
// one is near; among many lines it still keeps off the factors and the signs.
TEST(LoopLabelPlacement, ALabelKeepsOffLinksNearItsLoopButOffFactorsAndSignsFirst)
{
    const LabelFootprint f{30, 30, 30, 50};
    const LinkShape link = computeLinkShape({{-300, 0}, 100, 40}, {{300, 0}, 100, 40}, std::nullopt, false);
    std::vector<BoxShape> obstacles, lines;
    linkMarks(link, 13, obstacles, lines);
    const Point at = placeClearOf({0, 0}, f, obstacles, lines);
    const BoxShape placed = footprintBox(at, f);
    for (const BoxShape& l : lines)
        EXPECT_FALSE(overlaps(placed, l));
    EXPECT_LT(std::hypot(at.x, at.y), 100) << "near where it was";
    EXPECT_EQ(placeClearOf({0, 0}, f, obstacles), (Point{0, 0})) << "without lines it stays on the link";

    // Lines every 20 units everywhere: no spot is clear of them, so the label takes the
    // nearest spot clear of the factor it started on, as without lines, or one as near that
    // hides no more of them.
    std::vector<BoxShape> mesh;
    for (int y = -600; y <= 600; y += 20)
        mesh.push_back({{0, double(y)}, 1200, 2});
    const std::vector<BoxShape> factor{{{0, 0}, 120, 40}};
    auto hidden = [&](Point at) { return linesUnder(mesh, at); };
    const Point nearest = placeClearOf({0, 10}, f, factor);
    const Point amongLines = placeClearOf({0, 10}, f, factor, mesh);
    EXPECT_FALSE(overlaps(footprintBox(amongLines, f), factor[0]));
    EXPECT_LE(hidden(amongLines), hidden(nearest));
    EXPECT_LE(std::hypot(amongLines.x, amongLines.y - 10), std::hypot(nearest.x, nearest.y - 10) + 12);
}

// In a dense drawing no spot near a loop misses every link; its label then takes the spot clear
// of the factors that hides fewest of the lines, not the nearest one: here above the factor,
// where lines run 60 apart (a label 92 tall always meets one), not below, where they run 20
// apart.
TEST(LoopLabelPlacement, WhereNoSpotMissesEveryLinkALabelHidesFewest)
{
    const LabelFootprint f{30, 30, 30, 50};
    std::vector<BoxShape> lines;
    for (int y = -10; y <= 600; y += 20)
        lines.push_back({{0, double(y)}, 1200, 2});
    for (int y = -70; y >= -600; y -= 60)
        lines.push_back({{0, double(y)}, 1200, 2});
    auto hidden = [&](Point at) { return linesUnder(lines, at); };
    const std::vector<BoxShape> factor{{{0, 0}, 120, 40}};
    const Point nearest = placeClearOf({0, 10}, f, factor);
    ASSERT_GT(nearest.y, 0) << "the nearest spot clear of the factor is below it";
    ASSERT_GE(hidden(nearest), 4);
    const Point placed = placeClearOf({0, 10}, f, factor, lines);
    EXPECT_FALSE(overlaps(footprintBox(placed, f), factor[0]));
    EXPECT_LT(placed.y, 0);
    EXPECT_EQ(hidden(placed), 1);
    EXPECT_LT(std::hypot(placed.x, placed.y - 10), 160) << "still beside its loop";
}

TEST(LoopArrow, EndsOnTheCircleWithItsHeadPointingTheWayTheLoopTurns)
{
    for (bool clockwise : {true, false}) {
        const LoopArrow a = loopArrow({100, 50}, 20, clockwise);
        EXPECT_NEAR(std::hypot(a.end.x - 100, a.end.y - 50), 20, 1e-9);
        EXPECT_NEAR(std::hypot(a.start.x - 100, a.start.y - 50), 20, 1e-9);
        EXPECT_DOUBLE_EQ(a.sweepDegrees, clockwise ? -290 : 290);
        // The tip lies ahead of the arc's end: turning from the centre to the tip goes the
        // loop's way (positive cross product is clockwise on a y-down screen).
        const double cross = (a.end.x - 100) * (a.head[0].y - 50) - (a.end.y - 50) * (a.head[0].x - 100);
        EXPECT_EQ(cross > 0, clockwise);
    }
}

} // namespace
} // namespace causeway::layout
