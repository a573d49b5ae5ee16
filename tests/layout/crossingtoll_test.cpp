// A link routed round a box goes by the side that crosses fewer other links (CrossingToll),
// no more than a little longer than the straight line, on maps big enough for it (linkshapes.h
// linesToCross).
#include "maps.h"

#include "layout/cubicpath.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"
#include "layout/otherlines.h"
#include "layout/quality.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace causeway;

namespace {

double lengthOf(const std::vector<Point>& path)
{
    double total = 0;
    for (std::size_t i = 1; i < path.size(); ++i)
        total += length(path[i] - path[i - 1]);
    return total;
}

// The highest (least y) and lowest (greatest y) the path reaches between x0 and x1.
std::pair<double, double> spanBetween(const std::vector<Point>& path, double x0, double x1)
{
    double top = 1e300, bottom = -1e300;
    for (Point p : CubicPath(roundCorners(path, {}, RouteStyle{12, 0})).sample(64))
        if (p.x >= x0 && p.x <= x1) {
            top = std::min(top, p.y);
            bottom = std::max(bottom, p.y);
        }
    return {top, bottom};
}

// Lines from `centre` (factor 100) to `count` factors spread along y = `toY`.
OtherLines spokes(Point centre, int count, double toY)
{
    std::vector<OtherLines::Line> lines;
    lines.reserve(std::size_t(count));
    for (int k = 0; k < count; ++k)
        lines.push_back({centre, Point{centre.x - 200 + 400.0 * k / std::max(1, count - 1), toY}, FactorId{100},
                         FactorId{std::uint64_t(101 + k)}});
    return OtherLines(std::move(lines));
}

const BoxShape kFrom{{0, 0}, 100, 40};
const BoxShape kTo{{500, 0}, 100, 40};

} // namespace

TEST(OtherLines, CountsTheCrossingsTestingEveryLineWouldFind)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> at(-100, 1100);
    std::uniform_int_distribution<std::uint64_t> factor(1, 40);
    std::vector<OtherLines::Line> lines;
    lines.reserve(300);
    for (int i = 0; i < 300; ++i)
        lines.push_back({{at(rng), at(rng)}, {at(rng), at(rng)}, FactorId{factor(rng)}, FactorId{factor(rng)}});
    const OtherLines indexed(lines);
    OtherLines::Marks marks;
    std::uniform_real_distribution<double> wide(-400, 1400), step(-120, 120);
    std::size_t total = 0;
    for (int q = 0; q < 2000; ++q) {
        // Short legs (as a route's) and long ones, some leaving the lines' extent.
        const Point p{wide(rng), wide(rng)};
        const Point r = q % 2 == 0 ? p + Point{step(rng), step(rng)} : Point{wide(rng), wide(rng)};
        const FactorId x{factor(rng)}, y{factor(rng)};
        std::size_t expected = 0;
        for (const OtherLines::Line& l : lines)
            if (l.from != x && l.from != y && l.to != x && l.to != y && straightLinesCross(p, r, l.a, l.b))
                ++expected;
        ASSERT_EQ(indexed.crossings(p, r, x, y, marks), expected) << "query " << q;
        total += expected;
    }
    EXPECT_GT(total, 2000u); // the queries met lines often enough to mean something
    // Nothing to count: nothing found.
    EXPECT_EQ(OtherLines().crossings({0, 0}, {100, 100}, FactorId{1}, FactorId{2}, marks), 0u);
}

TEST(CrossingToll, AWayRoundABoxGoesByTheSideWithFewerOfItsLinks)
{
    // A box just below the straight line: the shortest way goes over it, across the five links
    // that leave it upwards; the way under it crosses none of them.
    const BoxShape box{{250, 12}, 120, 60};
    const OtherLines upwards = spokes(box.centre, 5, -300);
    const std::vector<Point> shortest = routePolyline(kFrom, kTo, {box});
    const std::vector<Point> tolled = routePolyline(kFrom, kTo, {box}, {}, CrossingToll{&upwards, FactorId{1}, FactorId{2}});
    ASSERT_GT(shortest.size(), 2u);
    ASSERT_GT(tolled.size(), 2u);
    EXPECT_LT(spanBetween(shortest, 200, 300).second, box.centre.y - box.height / 2); // over the box
    EXPECT_GT(spanBetween(tolled, 200, 300).first, box.centre.y + box.height / 2);    // under it
    EXPECT_LE(lengthOf(tolled), length(kTo.centre - kFrom.centre) + 300);

    // Lines going down instead: over the box again (the route kept for the first lines is not
    // given back for these).
    const OtherLines downwards = spokes(box.centre, 5, 300);
    const std::vector<Point> over = routePolyline(kFrom, kTo, {box}, {}, CrossingToll{&downwards, FactorId{1}, FactorId{2}});
    EXPECT_LT(spanBetween(over, 200, 300).second, box.centre.y - box.height / 2);

    // Links at the routed link's own ends cost nothing: lines of factor 100 are free to a link
    // from it.
    const std::vector<Point> own = routePolyline(kFrom, kTo, {box}, {}, CrossingToll{&upwards, FactorId{100}, FactorId{2}});
    EXPECT_EQ(own, shortest);
}

TEST(CrossingToll, AWayRoundIsNeverMoreThan300LongerThanTheStraightLine)
{
    // A wide, tall box whose top is just above the line, with forty links leaving it upwards:
    // going under it would cross none of them, but is some 370 longer than the straight line (800).
    const BoxShape from{{0, 0}, 100, 40}, to{{800, 0}, 100, 40};
    const BoxShape tall{{400, 150}, 400, 320};
    const OtherLines upwards = spokes(tall.centre, 40, -300);
    const std::vector<Point> shortest = routePolyline(from, to, {tall});
    const std::vector<Point> tolled = routePolyline(from, to, {tall}, {}, CrossingToll{&upwards, FactorId{1}, FactorId{2}});
    ASSERT_GT(shortest.size(), 2u);
    EXPECT_EQ(tolled, shortest);
    // Less tall (the way under it some 180 longer than the straight line), it goes under.
    const BoxShape lower{{400, 90}, 400, 200};
    const OtherLines fromLower = spokes(lower.centre, 40, -300);
    const std::vector<Point> under = routePolyline(from, to, {lower}, {}, CrossingToll{&fromLower, FactorId{1}, FactorId{2}});
    EXPECT_GT(spanBetween(under, 300, 500).first, lower.centre.y + lower.height / 2);
    EXPECT_LE(lengthOf(under), length(to.centre - from.centre) + 300);
}

TEST(CrossingToll, OnlyMapsPastThirtyFactorsPayIt)
{
    for (const std::size_t factors : {kTolledFactors, kTolledFactors + 1}) {
        SystemMap map = causeway::testing::randomMap(factors, 2 * factors, 5);
        const std::map<FactorId, BoxShape> boxes = causeway::testing::laidOutByDefault(map);
        EXPECT_EQ(linesToCross(map, boxes).empty(), factors <= kTolledFactors) << factors << " factors";
    }
}

TEST(CrossingToll, LinksRoutedOnADenseMapCrossFewerOthers)
{
    // A random 50-factor, 150-link map where the default layout leaves it: every link drawn on
    // its own (as linkShapesAlone and the canvas do before spreading ends), with and without
    // the toll, measured as the quality report measures drawings.
    SystemMap map = causeway::testing::randomMap(50, 150, 11);
    const std::map<FactorId, BoxShape> boxes = causeway::testing::laidOutByDefault(map);
    // Routed on their own, not through the bends the layout's untangling stored.
    map = layout::withoutLayoutBends(map);
    const OtherLines lines = linesToCross(map, boxes);
    ASSERT_FALSE(lines.empty());
    std::map<LinkId, LinkShape> tolled, shortest;
    for (const Link& l : map.links()) {
        tolled[l.id] = linkShapeIn(map, boxes, l, lines);
        shortest[l.id] = linkShapeIn(map, boxes, l, OtherLines{});
    }
    const layout::DrawingQuality withToll = layout::measureDrawing(layout::drawingOfShapes(map, boxes, tolled));
    const layout::DrawingQuality without = layout::measureDrawing(layout::drawingOfShapes(map, boxes, shortest));
    EXPECT_EQ(withToll.linksThroughBoxes, 0u);
    EXPECT_EQ(without.linksThroughBoxes, 0u);
    // 553 -> 510 (8% fewer or more before factors were swapped before packing)
    EXPECT_LT(double(withToll.crossings), 0.94 * double(without.crossings))
        << withToll.crossings << " crossings with the toll, " << without.crossings << " without";
    // linkShapeIn without lines given works them out the same.
    const Link first = map.links().front();
    EXPECT_EQ(linkShapeIn(map, boxes, first).line, tolled.at(first.id).line);
}

TEST(ArrangedAgain, AfterTwoFactorsSwapOnlyWhatTheyChangedIsRoutedAgain)
{
    // A dense map as the default layout leaves it, its links arranged (ends spread); then two
    // neighbouring factors trade places, as a swap the layout estimates.
    SystemMap map = causeway::testing::randomMap(50, 150, 7);
    std::map<FactorId, BoxShape> boxes = causeway::testing::laidOutByDefault(map);
    std::map<LinkId, LinkShape> alone;
    for (const Link& l : map.links())
        alone[l.id] = linkShapeIn(map, boxes, l);
    Arranged before{{}, alone};
    before.ports = arrangeLinks(map, boxes, before.shapes, {}, false);

    const Link swapped = map.links().front();
    const FactorId a = swapped.from, b = swapped.to;
    const Point aWas = boxes.at(a).centre, bWas = boxes.at(b).centre;
    std::swap(boxes[a].centre, boxes[b].centre);
    const std::vector<BoxShape> moved{boxes.at(a), boxes.at(b)};
    std::set<LinkId> rerouted; // as the layout re-routes a swap's links on their own
    for (const Link& l : map.links())
        if (l.from == a || l.to == a || l.from == b || l.to == b
            || pathHitsBoxes(CubicPath(alone.at(l.id).line), moved)) {
            alone[l.id] = linkShapeIn(map, boxes, l);
            rerouted.insert(l.id);
        }
    const Arranged again = arrangedAgain(map, boxes, alone, before, {{a, aWas}, {b, bWas}}, rerouted);
    std::map<LinkId, LinkShape> fresh = alone;
    EXPECT_EQ(again.ports, arrangeLinks(map, boxes, fresh, {}, false));

    std::size_t k = 0, portsMoved = 0;
    for (const Link& l : map.links()) { // in id order, as the ports
        const std::vector<Point>& line = again.shapes.at(l.id).line;
        const bool asFresh = line == fresh.at(l.id).line;
        if (rerouted.count(l.id) || again.ports[k] != before.ports[k]) {
            EXPECT_TRUE(asFresh) << "link " << l.id.value << " changed but kept its route";
            portsMoved += again.ports[k] != before.ports[k] ? 1 : 0;
        } else if (!asFresh) {
            EXPECT_EQ(line, before.shapes.at(l.id).line) << "link " << l.id.value;
            EXPECT_FALSE(pathHitsBoxes(CubicPath(line), moved)) << "link " << l.id.value;
        }
        ++k;
    }
    EXPECT_GT(rerouted.size(), 2u);
    EXPECT_GT(portsMoved, 0u);

    // Nothing moved, nothing changed: every route kept as it was.
    const Arranged same = arrangedAgain(map, boxes, alone, again, {}, {});
    EXPECT_EQ(same.ports, again.ports);
    for (const Link& l : map.links())
        EXPECT_EQ(same.shapes.at(l.id).line, again.shapes.at(l.id).line);
}
