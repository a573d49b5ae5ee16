#include "layout/bestlayout.h"
#include "layout/compaction.h"
#include "layout/linkgeometry.h"
#include "maps.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace causeway;

namespace {

bool anyOverlap(const std::map<FactorId, Point>& p, const std::map<FactorId, layout::Size>& s)
{
    for (auto i = p.begin(); i != p.end(); ++i)
        for (auto j = std::next(i); j != p.end(); ++j) {
            const auto& a = s.at(i->first);
            const auto& b = s.at(j->first);
            if (std::abs(i->second.x - j->second.x) < (a.width + b.width) / 2
                && std::abs(i->second.y - j->second.y) < (a.height + b.height) / 2)
                return true;
        }
    return false;
}

} // namespace

TEST(LayoutCompaction, PullsASparseDrawingTogetherWithoutOverlaps)
{
    std::map<FactorId, Point> positions;
    std::map<FactorId, layout::Size> sizes;
    for (int row = 0; row < 4; ++row) // a 4 x 4 grid 1000 apart: far sparser than the boxes need
        for (int column = 0; column < 4; ++column) {
            const FactorId id(4 * row + column + 1);
            positions[id] = {1000.0 * column, 1000.0 * row};
            sizes[id] = {140, 44};
        }
    compactLayout(positions, sizes);
    double minX = 1e9, maxX = -1e9;
    for (const auto& [id, p] : positions) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
    }
    EXPECT_LT(maxX - minX, 1000); // was 3000
    EXPECT_GT(maxX - minX, 3 * 140); // still room for three boxes and gaps between them
    EXPECT_FALSE(anyOverlap(positions, sizes));
    // Same arrangement: the first row stays left of the second factor's column.
    EXPECT_LT(positions[FactorId(1)].x, positions[FactorId(2)].x);
    EXPECT_LT(positions[FactorId(1)].y, positions[FactorId(5)].y);
}

TEST(LayoutCompaction, PushesOverlappingBoxesApart)
{
    std::map<FactorId, Point> positions{{FactorId(1), {0, 0}}, {FactorId(2), {10, 5}},
                                        {FactorId(3), {20, -5}}};
    std::map<FactorId, layout::Size> sizes{{FactorId(1), {120, 40}}, {FactorId(2), {120, 40}},
                                           {FactorId(3), {160, 60}}};
    compactLayout(positions, sizes);
    EXPECT_FALSE(anyOverlap(positions, sizes));
}

namespace {

double drawingArea(const causeway::layout::LayoutResult& r)
{
    double minX = 1e18, maxX = -1e18, minY = 1e18, maxY = -1e18;
    for (const auto& [id, p] : r.positions) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    return (maxX - minX) * (maxY - minY);
}

} // namespace

TEST(LayoutCompaction, ComputeLayoutCompactsOnRequestWithoutOverlapsAndWithStraightLinks)
{
    using namespace causeway;
    SystemMap map = causeway::testing::randomMap(40, 80, 5);
    layout::LayoutOptions loose;
    loose.engine = layout::Engine::Neato;
    loose.sizes = causeway::testing::boxSizes(map);
    layout::LayoutOptions tight = loose;
    tight.compact = true;
    const layout::LayoutResult a = layout::computeLayout(map, loose);
    const layout::LayoutResult b = layout::computeLayout(map, tight);
    EXPECT_LT(drawingArea(b), drawingArea(a));
    EXPECT_EQ(causeway::testing::overlappingPairs(tight, b), 0u);
    for (const layout::LinkGeometry& link : b.links) {
        const Link& l = map.link(link.id);
        ASSERT_EQ(link.curve.size(), 4u);
        EXPECT_LT(causeway::testing::distanceToBox(link.curve.front(), b.positions.at(l.from), tight.sizes.at(l.from)), 1.0);
        EXPECT_LT(causeway::testing::distanceToBox(link.curve.back(), b.positions.at(l.to), tight.sizes.at(l.to)), 1.0);
    }
}

TEST(LayoutCompaction, ComputeLayoutDoesNotCompactAroundPinnedFactors)
{
    using namespace causeway;
    SystemMap map = causeway::testing::randomMap(20, 40, 9);
    causeway::testing::placeOnGrid(map);
    Factor pinned = map.factors().front();
    pinned.pinned = true;
    map.updateFactor(pinned);
    layout::LayoutOptions options;
    options.engine = layout::Engine::Neato;
    options.compact = true;
    const layout::LayoutResult r = layout::computeLayout(map, options);
    EXPECT_NEAR(r.positions.at(pinned.id).x, pinned.position.x, 0.5);
    EXPECT_NEAR(r.positions.at(pinned.id).y, pinned.position.y, 0.5);
}

namespace {

struct BoxExtent {
    double width = 0, height = 0;
};

BoxExtent boxExtent(const layout::LayoutResult& r, const std::map<FactorId, layout::Size>& sizes)
{
    double minX = 1e18, maxX = -1e18, minY = 1e18, maxY = -1e18;
    for (const auto& [id, p] : r.positions) {
        const layout::Size s = sizes.at(id);
        minX = std::min(minX, p.x - s.width / 2);
        maxX = std::max(maxX, p.x + s.width / 2);
        minY = std::min(minY, p.y - s.height / 2);
        maxY = std::max(maxY, p.y + s.height / 2);
    }
    return {maxX - minX, maxY - minY};
}

} // namespace

TEST(LayoutCompaction, PackingForAScreenShapeLeavesNoOverlapsAndTakesThatShape)
{
    for (const std::size_t factors : {12u, 40u, 90u}) {
        SystemMap map = causeway::testing::randomMap(factors, factors * 2, 11);
        for (const double aspect : {16.0 / 9.0, 3.0 / 4.0}) {
            layout::LayoutOptions options;
            options.sizes = causeway::testing::boxSizes(map);
            options.compact = true;
            options.aspect = aspect;
            const layout::LayoutResult r = layout::computeLayout(map, options);
            EXPECT_EQ(causeway::testing::overlappingPairs(options, r), 0u) << factors << " factors";
            const BoxExtent e = boxExtent(r, options.sizes);
            EXPECT_NEAR((e.width + 70) / (e.height + 70) / aspect, 1.0, 0.3)
                << factors << " factors, aspect " << aspect << ": " << e.width << " x " << e.height;
        }
    }
}

TEST(LayoutCompaction, PackingForAScreenKeepsTheDrawingWhereItWas)
{
    SystemMap map = causeway::testing::randomMap(30, 60, 4);
    causeway::testing::placeOnGrid(map, 400, 300);
    layout::LayoutOptions options;
    options.sizes = causeway::testing::boxSizes(map);
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    const layout::LayoutResult r = layout::computeLayout(map, options);
    Point before, after;
    for (const Factor& f : map.factors()) {
        before = {before.x + f.position.x / 30, before.y + f.position.y / 30};
        after = {after.x + r.positions.at(f.id).x / 30, after.y + r.positions.at(f.id).y / 30};
    }
    EXPECT_NEAR(after.x, before.x, 1.0);
    EXPECT_NEAR(after.y, before.y, 1.0);
}

TEST(LayoutCompaction, PackingForAScreenLeavesRoomForSelfLinkLoops)
{
    SystemMap map = causeway::testing::randomMap(30, 60, 21);
    std::vector<FactorId> looped;
    for (const Factor& f : map.factors())
        if (f.id.value % 4 == 0) {
            causeway::testing::addLink(map, f.id, f.id);
            looped.push_back(f.id);
        }
    layout::LayoutOptions options;
    options.sizes = causeway::testing::boxSizes(map);
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    const layout::LayoutResult r = layout::computeLayout(map, options);
    const LinkStyle style;
    for (const FactorId id : looped) {
        // The loop's reach above the box (as computeSelfLoopShape draws it) is clear of others.
        const Point c = r.positions.at(id);
        const layout::Size s = options.sizes.at(id);
        const Point apex{c.x, c.y - s.height / 2 - style.loopSize};
        for (const auto& [other, p] : r.positions) {
            if (other == id)
                continue;
            EXPECT_GT(causeway::testing::distanceToBox(apex, p, options.sizes.at(other)), style.signRadius)
                << "self-link of factor " << id.value << " reaches factor " << other.value;
        }
    }
}

namespace {

std::size_t straightCrossingsOf(const std::map<FactorId, Point>& at, const SystemMap& map)
{
    const std::vector<Link> links = map.links();
    auto side = [](Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
    std::size_t n = 0;
    for (std::size_t i = 0; i < links.size(); ++i)
        for (std::size_t j = i + 1; j < links.size(); ++j) {
            const Link& l = links[i];
            const Link& m = links[j];
            if (l.from == m.from || l.from == m.to || l.to == m.from || l.to == m.to)
                continue;
            const Point p = at.at(l.from), q = at.at(l.to), r = at.at(m.from), s = at.at(m.to);
            if (side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0)
                ++n;
        }
    return n;
}

// How large a packing shows fitted to a target `aspect` wide and one unit high (as packing
// judges it), boxes and a margin of 35 around them.
double fitOf(const std::map<FactorId, Point>& at, const std::map<FactorId, layout::Size>& sizes, double aspect)
{
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (const auto& [id, p] : at) {
        const layout::Size s = sizes.at(id);
        minX = std::min(minX, p.x - s.width / 2);
        maxX = std::max(maxX, p.x + s.width / 2);
        minY = std::min(minY, p.y - s.height / 2);
        maxY = std::max(maxY, p.y + s.height / 2);
    }
    return std::min(aspect / (maxX - minX + 70), 1 / (maxY - minY + 70));
}

// A random map as neato draws it, not yet packed: its boxes, and its links as compactLayout takes them.
struct Unpacked {
    SystemMap map;
    std::map<FactorId, layout::Size> sizes;
    std::map<FactorId, Point> positions;
    std::vector<std::pair<FactorId, FactorId>> links;
};

Unpacked unpackedRandomMap(std::size_t factors, std::size_t links, std::uint32_t seed)
{
    Unpacked u{causeway::testing::randomMap(factors, links, seed), {}, {}, {}};
    layout::LayoutOptions neato;
    neato.sizes = u.sizes = causeway::testing::boxSizes(u.map);
    u.positions = layout::computeLayout(u.map, neato).positions;
    for (const Link& l : u.map.links())
        u.links.emplace_back(l.from, l.to);
    return u;
}

} // namespace

// A map too big for its labels to read when fitted whole (the 108-factor Foresight obesity map:
// 8.9 px at 1024x768) is offered a packing with fewer crossings that still shows two thirds as
// large; one whose labels read is offered none below `enoughFit`.
TEST(LayoutCompaction, AMapTooBigToReadWholeIsOfferedFewerCrossingsForSmallerLabels)
{
    const Unpacked u = unpackedRandomMap(100, 300, 100);
    CompactionOptions o;
    o.aspect = 4.0 / 3.0;
    std::map<FactorId, Point> largest = u.positions, fewer;
    o.readableFit = 1; // every packing shows less: labels too small to read
    compactLayout(largest, u.sizes, o, u.links, &fewer);
    ASSERT_FALSE(fewer.empty());
    EXPECT_LT(straightCrossingsOf(fewer, u.map), straightCrossingsOf(largest, u.map));
    EXPECT_GE(fitOf(fewer, u.sizes, o.aspect), fitOf(largest, u.sizes, o.aspect) * 2 / 3 * 0.99);
    EXPECT_FALSE(anyOverlap(fewer, u.sizes));

    std::map<FactorId, Point> readable = u.positions, none;
    o.readableFit = 0; // labels that read: nothing smaller offered
    compactLayout(readable, u.sizes, o, u.links, &none);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(readable, largest); // the largest packing is the same either way
}

namespace {

// Linked pairs whose boxes are closer than `gap` on both axes: no room between them for an
// arrow head and a sign along whichever way the link runs.
std::size_t linkedPairsCloserThan(const std::map<FactorId, Point>& p, const std::map<FactorId, layout::Size>& s,
                                  const SystemMap& map, double gap)
{
    std::size_t n = 0;
    for (const Link& l : map.links()) {
        if (l.from == l.to)
            continue;
        const layout::Size a = s.at(l.from), b = s.at(l.to);
        const Point d{p.at(l.from).x - p.at(l.to).x, p.at(l.from).y - p.at(l.to).y};
        if (std::abs(d.x) < (a.width + b.width) / 2 + gap - 1e-6 && std::abs(d.y) < (a.height + b.height) / 2 + gap - 1e-6)
            ++n;
    }
    return n;
}

// The map's positions packed with `o`.
std::map<FactorId, Point> packed(const Unpacked& u, const CompactionOptions& o)
{
    std::map<FactorId, Point> positions = u.positions;
    compactLayout(positions, u.sizes, o, u.links);
    return positions;
}

// A random 50-factor map packed in rows for 4:3 without and then with `change` made to the
// options: the first packing leaves pairs that `tooClose` counts (so the option has work to do),
// the second none, and no boxes overlap.
template <class Change, class Count>
void expectTheOptionLeavesNoPairTooClose(Change change, Count tooClose)
{
    const Unpacked u = unpackedRandomMap(50, 150, 3);
    CompactionOptions o;
    o.aspect = 4.0 / 3.0;
    const std::map<FactorId, Point> before = packed(u, o);
    change(o);
    const std::map<FactorId, Point> after = packed(u, o);
    EXPECT_GT(tooClose(before, u, o), 0u) << "rows were not chosen";
    EXPECT_EQ(tooClose(after, u, o), 0u);
    EXPECT_FALSE(anyOverlap(after, u.sizes));
}

} // namespace

// Rows pack boxes 40 apart, too close for a link's head and sign between two linked ones; with
// roomForSigns linked boxes keep linkedGap, as the packing by constraints always gives them.
TEST(LayoutCompaction, RowsWithRoomForSignsKeepLinkedBoxesFarEnoughApart)
{
    expectTheOptionLeavesNoPairTooClose([](CompactionOptions& o) { o.roomForSigns = true; },
                                        [](const std::map<FactorId, Point>& p, const Unpacked& u, const CompactionOptions& o) {
                                            return linkedPairsCloserThan(p, u.sizes, u.map, o.linkedGap);
                                        });
}

// Boxes a delayed link joins need room for its delay mark too: with `delayedLinks` (here every
// second link), packed in rows or scaled, they keep delayedGap apart, the others as before.
TEST(LayoutCompaction, BoxesADelayedLinkJoinsKeepRoomForItsMark)
{
    auto delayedPairsCloserThanTheirGap = [](const std::map<FactorId, Point>& p, const Unpacked& u,
                                             const CompactionOptions& o) {
        std::size_t n = 0;
        std::size_t i = 0;
        for (const Link& l : u.map.links()) {
            if (i++ % 2 != 0 || l.from == l.to)
                continue;
            const layout::Size a = u.sizes.at(l.from), b = u.sizes.at(l.to);
            const Point d{p.at(l.from).x - p.at(l.to).x, p.at(l.from).y - p.at(l.to).y};
            if (std::abs(d.x) < (a.width + b.width) / 2 + o.delayedGap - 1e-6
                && std::abs(d.y) < (a.height + b.height) / 2 + o.delayedGap - 1e-6)
                ++n;
        }
        return n;
    };
    expectTheOptionLeavesNoPairTooClose(
        [](CompactionOptions& o) {
            o.roomForSigns = true;
            const Unpacked u = unpackedRandomMap(50, 150, 3);
            std::size_t i = 0;
            for (const Link& l : u.map.links())
                if (i++ % 2 == 0)
                    o.delayedLinks.emplace_back(l.from, l.to);
        },
        delayedPairsCloserThanTheirGap);
}

namespace {

// Pairs of boxes one above the other (their spans across overlap) with less than `gap` between.
std::size_t stackedPairsCloserThan(const std::map<FactorId, Point>& p, const std::map<FactorId, layout::Size>& s,
                                   double gap)
{
    std::size_t n = 0;
    for (auto i = p.begin(); i != p.end(); ++i)
        for (auto j = std::next(i); j != p.end(); ++j) {
            const layout::Size a = s.at(i->first), b = s.at(j->first);
            const Point d{i->second.x - j->second.x, i->second.y - j->second.y};
            if (std::abs(d.x) < (a.width + b.width) / 2 && std::abs(d.y) < (a.height + b.height) / 2 + gap - 1e-6)
                ++n;
        }
    return n;
}

} // namespace

// Rows further apart (as layout.cpp packs maps past 30 factors) leave every box at least that far
// below the box above it, so links between rows pass between boxes rather than round them.
TEST(LayoutCompaction, RowsApartLeaveThatMuchRoomBetweenABoxAndTheOneAboveIt)
{
    expectTheOptionLeavesNoPairTooClose([](CompactionOptions& o) { o.rowsApart = 60; },
                                        [](const std::map<FactorId, Point>& p, const Unpacked& u, const CompactionOptions&) {
                                            return stackedPairsCloserThan(p, u.sizes, 60);
                                        });
}

// Past 30 factors a layout packed in rows sets them further apart (fewer crossings) unless asked
// not to (LayoutOptions::rowsApart, the loop-first layout's second guide): then boxes stack as
// close as rows allow, and the drawing fitted to the screen shows larger.
TEST(LayoutCompaction, ALayoutMaySetItsRowsAsCloseAsBoxesInARow)
{
    const SystemMap map = causeway::testing::randomMap(40, 80, 5);
    layout::LayoutOptions apart;
    apart.sizes = causeway::testing::boxSizes(map);
    apart.compact = true;
    apart.aspect = 4.0 / 3.0;
    layout::LayoutOptions close = apart;
    close.rowsApart = false;
    const layout::LayoutResult a = layout::detail::layoutOnce(map, apart, 1);
    const layout::LayoutResult c = layout::detail::layoutOnce(map, close, 1);
    EXPECT_EQ(causeway::testing::overlappingPairs(apart, a), 0u);
    EXPECT_EQ(causeway::testing::overlappingPairs(close, c), 0u);
    EXPECT_EQ(stackedPairsCloserThan(a.positions, apart.sizes, 60), 0u);
    EXPECT_GT(stackedPairsCloserThan(c.positions, close.sizes, 60), 0u);
    auto fitted = [&](const layout::LayoutResult& r) {
        const BoxExtent e = boxExtent(r, apart.sizes);
        return std::min(1024 / (e.width + 70), 768 / (e.height + 70));
    };
    EXPECT_GT(fitted(c), fitted(a));
}
