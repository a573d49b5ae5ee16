#include "maps.h"

#include "layout/cubicpath.h"
#include "layout/linkgeometry.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace causeway;

namespace {

const BoxShape kLeft{{0, 0}, 100, 40};
const BoxShape kRight{{400, 0}, 100, 40};
const BoxShape kBetween{{200, 0}, 120, 60}; // right across the straight line

// Whether any point of the drawn link (line and arrow head) lies inside `b`.
bool linkEnters(const LinkShape& s, const BoxShape& b)
{
    CubicPath path(s.line);
    path.append(CubicPath::line(s.end, s.tip));
    for (Point p : path.sample(64))
        if (std::abs(p.x - b.centre.x) < b.width / 2 && std::abs(p.y - b.centre.y) < b.height / 2)
            return true;
    return false;
}

} // namespace

TEST(LinkRouting, LinkWhoseStraightLineCrossesAThirdBoxGoesAroundIt)
{
    ASSERT_TRUE(linkEnters(computeLinkShape(kLeft, kRight, std::nullopt, false), kBetween));
    const LinkShape s = computeLinkShape(kLeft, kRight, std::nullopt, false, {kBetween});
    EXPECT_FALSE(linkEnters(s, kBetween));
    // It still runs from the source's edge to the target's edge.
    EXPECT_NEAR(causeway::testing::distanceToBox(s.start, kLeft), 0, 0.5);
    EXPECT_NEAR(causeway::testing::distanceToBox(s.tip, kRight), LinkStyle{}.tipMargin, 0.5);
}

TEST(LinkRouting, LinkAvoidsARowOfBoxesInItsWay)
{
    const std::vector<BoxShape> wall{{{200, -60}, 80, 50}, {{200, 0}, 80, 50}, {{200, 60}, 80, 50}};
    const LinkShape s = computeLinkShape(kLeft, kRight, std::nullopt, false, wall);
    for (const BoxShape& b : wall)
        EXPECT_FALSE(linkEnters(s, b));
}

TEST(LinkRouting, ClearLinkKeepsItsSimpleCurve)
{
    const BoxShape aside{{200, 200}, 120, 60};
    const LinkShape plain = computeLinkShape(kLeft, kRight, std::nullopt, false);
    const LinkShape routed = computeLinkShape(kLeft, kRight, std::nullopt, false, {aside});
    EXPECT_EQ(routed.line, plain.line);
}

TEST(LinkRouting, BentLinkStillPassesThroughItsBendPoint)
{
    // The facilitator bent the link up; a box sits on the way from the bend down to the target.
    const Point bend{0, -120};
    const BoxShape onTheWay{{300, -70}, 80, 40};
    ASSERT_TRUE(linkEnters(computeLinkShape(kLeft, kRight, bend, false), onTheWay));
    const LinkShape s = computeLinkShape(kLeft, kRight, bend, false, {onTheWay});
    EXPECT_FALSE(linkEnters(s, onTheWay));
    const Point wanted{200, -120}; // the chord's middle plus the bend
    EXPECT_NEAR(s.middle.x, wanted.x, 1e-9);
    EXPECT_NEAR(s.middle.y, wanted.y, 1e-9);
    double nearest = 1e9;
    for (Point p : CubicPath(s.line).sample(64))
        nearest = std::min(nearest, std::hypot(p.x - wanted.x, p.y - wanted.y));
    EXPECT_LT(nearest, 2.0);
}

TEST(LinkRouting, SignAndDelayMarkOfARoutedLinkStayOffEveryBox)
{
    const LinkShape s = computeLinkShape(kLeft, kRight, std::nullopt, false, {kBetween});
    const LinkStyle style;
    for (const BoxShape& b : {kLeft, kRight, kBetween}) {
        EXPECT_GE(causeway::testing::distanceToBox(s.sign, b), style.signRadius);
        EXPECT_GE(causeway::testing::distanceToBox((s.delayA1 + s.delayB2) * 0.5, b), style.delayLength / 2);
    }
}

TEST(LinkRouting, SignSlidesBackOffABoxTheLinkPassesClose)
{
    // A box just beside the end of the straight line, close enough to sit under the sign.
    const BoxShape beside{{320, 25}, 60, 30};
    ASSERT_LT(causeway::testing::distanceToBox(computeLinkShape(kLeft, kRight, std::nullopt, false).sign, beside),
              LinkStyle{}.signRadius);
    const LinkShape s = computeLinkShape(kLeft, kRight, std::nullopt, false, {beside});
    EXPECT_GE(causeway::testing::distanceToBox(s.sign, beside), LinkStyle{}.signRadius);
}

TEST(LinkRouting, ReversePairRoutedAroundABoxDoesNotShareOnePath)
{
    const LinkShape ab = computeLinkShape(kLeft, kRight, std::nullopt, true, {kBetween});
    const LinkShape ba = computeLinkShape(kRight, kLeft, std::nullopt, true, {kBetween});
    EXPECT_FALSE(linkEnters(ab, kBetween));
    EXPECT_FALSE(linkEnters(ba, kBetween));
    const Point a = CubicPath(ab.line).at(CubicPath(ab.line).pieces() / 2.0);
    const Point b = CubicPath(ba.line).at(CubicPath(ba.line).pieces() / 2.0);
    EXPECT_GT(std::hypot(a.x - b.x, a.y - b.y), 10);
}

TEST(LinkRouting, SelfLinkStaysASmallLoopBesideItsFactor)
{
    SystemMap map;
    Factor f;
    f.label = "A";
    const FactorId a = map.addFactor(f);
    f.label = "B";
    const FactorId b = map.addFactor(f);
    Link l;
    l.from = l.to = a;
    const LinkId id = map.addLink(l);
    const std::map<FactorId, BoxShape> boxes{{a, {{0, 0}, 100, 40}}, {b, {{0, -300}, 100, 40}}};
    const LinkShape s = computeLinkShapes(map, boxes).at(id);
    for (Point p : CubicPath(s.line).sample(16))
        EXPECT_LT(causeway::testing::distanceToBox(p, boxes.at(a)), 2 * LinkStyle{}.loopSize);
}

TEST(LinkRouting, PolylineKeepsItsClearanceFromObstacles)
{
    const std::vector<Point> route = routePolyline(kLeft, kRight, {kBetween});
    ASSERT_GE(route.size(), 3u);
    EXPECT_EQ(route.front(), kLeft.centre);
    EXPECT_EQ(route.back(), kRight.centre);
    for (std::size_t i = 1; i + 1 < route.size(); ++i)
        EXPECT_GE(causeway::testing::distanceToBox(route[i], kBetween), RouteStyle{}.clearance - 1e-6);
}

TEST(LinkRouting, NoWayRoundGivesAnEmptyRoute)
{
    // The target is walled in on every side.
    std::vector<BoxShape> walls;
    for (int i = -2; i <= 2; ++i) {
        walls.push_back({{400.0 + i * 60, -80}, 60, 40});
        walls.push_back({{400.0 + i * 60, 80}, 60, 40});
        walls.push_back({{280, i * 40.0}, 40, 40});
        walls.push_back({{520, i * 40.0}, 40, 40});
    }
    EXPECT_TRUE(routePolyline(kLeft, kRight, walls).empty());
    // The link is still drawn (as its simple curve) rather than lost.
    EXPECT_FALSE(computeLinkShape(kLeft, kRight, std::nullopt, false, walls).line.empty());
}

TEST(LinkRouting, SignsOfLinksArrivingSideBySideDoNotOverlap)
{
    // Three factors close together above a target: their links arrive almost in parallel.
    SystemMap map;
    std::map<FactorId, BoxShape> boxes;
    std::vector<FactorId> ids;
    for (int i = 0; i < 4; ++i) {
        Factor f;
        f.label = "F" + std::to_string(i);
        ids.push_back(map.addFactor(f));
    }
    boxes[ids[0]] = {{0, 300}, 200, 40}; // the target
    boxes[ids[1]] = {{-20, 0}, 30, 30};
    boxes[ids[2]] = {{0, 0}, 30, 30};
    boxes[ids[3]] = {{20, 0}, 30, 30};
    for (int i = 1; i < 4; ++i) {
        Link l;
        l.from = ids[std::size_t(i)];
        l.to = ids[0];
        map.addLink(l);
    }
    const auto shapes = computeLinkShapes(map, boxes);
    std::vector<Point> signs;
    for (const auto& [id, s] : shapes)
        signs.push_back(s.sign);
    const double r = LinkStyle{}.signRadius;
    for (std::size_t i = 0; i < signs.size(); ++i)
        for (std::size_t j = i + 1; j < signs.size(); ++j)
            EXPECT_GE(std::hypot(signs[i].x - signs[j].x, signs[i].y - signs[j].y), 2 * r);
    for (const auto& [id, box] : boxes)
        for (Point s : signs)
            EXPECT_GE(causeway::testing::distanceToBox(s, box), r);
}

// A bend point over a box (as the untangling tries) has no way to it or from it; a point just
// clear of the box is still reached.
TEST(LinkRouting, NoWayToOrFromAPointInsideABox)
{
    const BoxShape inside{kBetween.centre + Point{10, 5}, 0, 0};
    EXPECT_TRUE(routePolyline(kLeft, inside, {kBetween}).empty());
    EXPECT_TRUE(routePolyline(inside, kRight, {kBetween}).empty());
    const RouteStyle style;
    const BoxShape outside{{kBetween.centre.x, kBetween.centre.y - kBetween.height / 2 - style.clearance - 5}, 0, 0};
    const std::vector<Point> way = routePolyline(kLeft, outside, {kBetween});
    ASSERT_GE(way.size(), 2u);
    EXPECT_EQ(way.back(), outside.centre);
}
