// Where a loop's label goes and which way its arrow turns (screen coordinates, y down).

#include "layout/loopmarker.h"

#include <gtest/gtest.h>

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

} // namespace
} // namespace causeway::layout
