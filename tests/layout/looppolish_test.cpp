// Loop-first polishing: how much a map gets by its size, and what it brings on large and dense
// maps and where a ring sits across the drawing from what it links to (layout/looppolish.h).
#include "layout/looplayout.h"
#include "layout/cubicpath.h"
#include "layout/layout.h"
#include "layout/looppolish.h"
#include "layout/loopring.h"
#include "layout/quality.h"
#include "layout/textmetrics.h"
#include "maps.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

using namespace causeway;
using causeway::testing::addLink;
using causeway::testing::addLoop;
using causeway::testing::qualityOfResult;

namespace {

// Boxes sized as the canvas draws them.
std::map<FactorId, layout::Size> canvasSizes(const SystemMap& map)
{
    std::map<FactorId, layout::Size> sizes;
    for (const Factor& f : map.factors()) {
        const FactorBoxText box = layoutFactorBox(f.label);
        sizes[f.id] = {box.width, box.height};
    }
    return sizes;
}

// The map laid out loop-first and by the default layout, for 4:3 with boxes sized as the canvas
// draws them, each measured.
std::pair<layout::DrawingQuality, layout::DrawingQuality> bothLayouts(const SystemMap& map)
{
    layout::LayoutOptions options;
    options.sizes = canvasSizes(map);
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    SystemMap rings = map, laid = map;
    layout::applyLayout(rings, layout::loopFirstLayout(map, options));
    layout::applyLayout(laid, layout::computeLayout(map, options));
    return {layout::measureMap(rings), layout::measureMap(laid)};
}

// Each loop drawn as a clockwise ring, the rings side by side in a row `gap` apart.
struct RingsInARow {
    std::map<FactorId, Point> positions;
    std::vector<layout::detail::Ring> rings;
};
RingsInARow ringsInARow(const std::vector<const std::vector<FactorId>*>& loops,
                        const std::map<FactorId, layout::Size>& sizes, double gap)
{
    RingsInARow row;
    double x = 0;
    for (const std::vector<FactorId>* ring : loops) {
        const layout::detail::RingDrawing d = layout::detail::drawRing(
            *ring, sizes, layout::LoopDirection::Clockwise);
        x += d.half.width;
        for (const auto& [id, offset] : d.offsets)
            row.positions[id] = Point{x, 0} + offset;
        x += d.half.width + gap;
        row.rings.push_back(d.ring);
    }
    return row;
}

} // namespace

// On a map too big to try every arrangement (past 200 links), the rings are also placed where
// the default layout puts their factors, which crosses far fewer links than rows of rings: on
// this random 100-factor, 300-link map rows crossed 6,502 times, more than twice the default
// layout's 2,937; placed so, 3,500. Polished since moves are screened on every map (looppolish.h,
// up to 32,000 factors x links): 2,554 -> 2,207 crossings, as few as its default layout's 2,207.
// With a third pass, moves screened by their links routed alone too: 2,070 (the default 2,237);
// with passes past the third while they pay, the quality report's generated 100/300 map (another
// random map) crosses 2,136 -> 2,120 times, drawn clockwise by `causeway-cli layout`.
TEST(LoopFirstLayout, ABigMapsRingsSitWhereTheDefaultLayoutPutsTheirFactors)
{
    const SystemMap map = causeway::testing::randomMap(100, 300, 100);
    const auto [loopFirst, byDefault] = bothLayouts(map);
    EXPECT_LT(double(loopFirst.crossings), 1.1 * double(byDefault.crossings));
    EXPECT_EQ(loopFirst.linksThroughBoxes, 0u);
    EXPECT_EQ(loopFirst.overlappingFactors, 0u);
}

// Past 100 links a map small enough (factors times links up to 32,000: looppolish.h) gets three
// polishing passes (more while they pay), each move judged only when its straight lines cross no
// more than before and its links routed alone cross fewer, and up to 8,000 every kind of ring tried
// first. On this random 50-factor, 150-link map its rings crossed 724 times, 1.56 times as often as
// its default layout (465); polished twice, 467; with three passes, 483. Polished twice, six such
// maps: 3,888 -> 2,938 crossings (the default layout 2,736); the quality report's generated 50/150
// map 658 -> 487 (Graphviz 610 / 634).
TEST(LoopFirstLayout, ADenseMapIsPolishedAndCrossesAboutAsOftenAsTheDefaultLayout)
{
    const SystemMap map = causeway::testing::randomMap(50, 150, 6);
    ASSERT_EQ(layout::detail::polishPasses(map), layout::detail::kDenseMostPasses);
    ASSERT_TRUE(layout::detail::everyKindOfRing(map));
    const auto [loopFirst, byDefault] = bothLayouts(map);
    EXPECT_LT(double(loopFirst.crossings), 1.15 * double(byDefault.crossings));
    EXPECT_EQ(loopFirst.linksThroughBoxes, 0u);
    EXPECT_EQ(loopFirst.overlappingFactors, 0u);
}

// A ring packed across the drawing from the ring it links to, another ring between them: no turn
// of a ring brings its links past the ring between, and rings of different sizes never trade
// places, so only moving a ring whole (looppolish.cpp ringShiftsFor) uncrosses them.
TEST(LoopFirstLayout, PolishingMovesARingBesideTheRingItLinksTo)
{
    SystemMap map;
    const std::vector<FactorId> left = addLoop(map, {"Staff trained", "Clients reached", "Referrals made"}, "R1");
    const std::vector<FactorId> middle =
        addLoop(map, {"Outreach shifts", "Kits handed out", "Return visits", "Peer contacts"}, "R2");
    const std::vector<FactorId> right =
        addLoop(map, {"Funding", "Reports filed", "Program reach", "Board support", "Budget"}, "R3");
    addLink(map, left[0], right[0]);
    addLink(map, right[1], left[1]);
    addLink(map, left[2], right[2]);
    const std::map<FactorId, layout::Size> sizes = canvasSizes(map);
    const auto direction = layout::LoopDirection::Clockwise;
    auto [positions, rings] = ringsInARow({&left, &middle, &right}, sizes, 60);
    auto middleOf = [](const std::vector<FactorId>& ring, const std::map<FactorId, Point>& at) {
        Point sum{0, 0};
        for (const FactorId id : ring)
            sum = sum + at.at(id);
        return sum * (1.0 / double(ring.size()));
    };
    const double apart = length(middleOf(left, positions) - middleOf(right, positions));
    layout::detail::Chosen chosen = layout::detail::judged(map, sizes, 4.0 / 3.0, direction, positions, rings);
    const double before = chosen.reading.cost;
    layout::LayoutOptions options;
    options.sizes = sizes;
    const std::size_t crossedBefore
        = qualityOfResult(map, options, layout::detail::stored(chosen, map)).crossings;
    ASSERT_GE(crossedBefore, 3u); // each link between the outer rings crosses the middle one
    layout::detail::polish(map, sizes, 4.0 / 3.0, direction, 1, chosen);
    const std::map<FactorId, Point>& after = chosen.result.positions;
    EXPECT_LT(chosen.reading.cost, before);
    EXPECT_LT(length(middleOf(left, after) - middleOf(right, after)), 0.75 * apart);
    const layout::DrawingQuality q = qualityOfResult(map, options,
                                                     layout::detail::stored(chosen, map));
    EXPECT_LT(q.crossings, crossedBefore);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.overlappingFactors, 0u);
}

// How much polishing a map gets, by size: four passes up to 100 links; past that up to eight while
// factors times links stay within 32,000 (Forrester's IDch15d.mdl, 97 x 159; the editor's
// 100-factor test map, 100 x 170; the obesity map, 108 x 296), every kind of ring only up to
// 8,000; then none.
TEST(LoopFirstLayout, PolishingShrinksWithTheMapsSize)
{
    const SystemMap small = causeway::testing::randomMap(40, 100, 1), dense = causeway::testing::randomMap(50, 150, 1),
                    larger = causeway::testing::randomMap(100, 170, 1), big = causeway::testing::randomMap(100, 300, 1),
                    bigger = causeway::testing::randomMap(120, 300, 1);
    EXPECT_EQ(layout::detail::polishPasses(small), 4);
    EXPECT_EQ(layout::detail::polishPasses(dense), 8);
    EXPECT_EQ(layout::detail::polishPasses(larger), 8);
    EXPECT_EQ(layout::detail::polishPasses(big), 8);
    EXPECT_EQ(layout::detail::polishPasses(bigger), 0);
    EXPECT_TRUE(layout::detail::everyKindOfRing(small));
    EXPECT_TRUE(layout::detail::everyKindOfRing(dense));
    EXPECT_FALSE(layout::detail::everyKindOfRing(larger));
    EXPECT_FALSE(layout::detail::everyKindOfRing(big));
}

// Polishing goes on after a pass that kept a move: on maps of up to 100 links for four passes;
// on denser ones for three, then only while the last pass lowered the drawing's cost by 2% or
// more, up to eight (the editor's 100-factor test map kept moves worth 8% in its fourth pass).
TEST(LoopFirstLayout, ADenseMapIsPolishedFurtherWhileAPassPays)
{
    using layout::detail::anotherPass;
    const SystemMap small = causeway::testing::randomMap(40, 100, 1),
                    dense = causeway::testing::randomMap(100, 170, 1),
                    bigger = causeway::testing::randomMap(120, 300, 1);
    for (const SystemMap* map : {&small, &dense}) {
        EXPECT_FALSE(anotherPass(*map, 1, 100, 100)); // a pass that kept nothing
        EXPECT_TRUE(anotherPass(*map, 1, 100, 99.9));
        EXPECT_TRUE(anotherPass(*map, 2, 100, 99.9));
    }
    EXPECT_TRUE(anotherPass(small, 3, 100, 99.9));
    EXPECT_FALSE(anotherPass(small, 4, 100, 50));
    // Past three, only after a pass that paid (looppolish.h kFurtherPassGain, 2%).
    const double gain = layout::detail::kFurtherPassGain;
    EXPECT_FALSE(anotherPass(dense, 3, 100, 100 * (1 - gain / 2)));
    EXPECT_TRUE(anotherPass(dense, 3, 100, 100 * (1 - 2 * gain)));
    EXPECT_TRUE(anotherPass(dense, 7, 100, 90));
    EXPECT_FALSE(anotherPass(dense, 8, 100, 90));
    EXPECT_FALSE(anotherPass(bigger, 1, 100, 50)); // not polished at all
}

// A polished drawing with room to spare is pulled together (detail::squeeze): three rings packed
// far apart, as polishing can leave them, come closer, their labels larger when fitted to the
// screen, no more links crossing; every ring still a ring its arcs follow, everything in the
// order it was.
TEST(LoopFirstLayout, ADrawingWithRoomToSpareIsPulledTogether)
{
    SystemMap map;
    const std::vector<FactorId> left = addLoop(
        map, {"Staff trained", "Clients reached", "Referrals made"}, "R1");
    const std::vector<FactorId> middle = addLoop(
        map, {"Outreach shifts", "Kits handed out", "Return visits", "Peer contacts"}, "R2");
    const std::vector<FactorId> right = addLoop(map, {"Funding", "Reports filed", "Program reach"},
                                                "R3");
    addLink(map, left[1], middle[0]);
    addLink(map, middle[2], right[0]);
    const std::map<FactorId, layout::Size> sizes = canvasSizes(map);
    const auto direction = layout::LoopDirection::Clockwise;
    const auto [positions, rings] = ringsInARow({&left, &middle, &right}, sizes,
                                                300); // 5x packing's room
    const double aspect = 4.0 / 3.0;
    layout::detail::Chosen chosen = layout::detail::judged(map, sizes, aspect, direction, positions,
                                                           rings);
    const layout::detail::Reading before = chosen.reading;
    layout::LayoutOptions options;
    options.sizes = sizes;
    const layout::DrawingQuality spread = qualityOfResult(map, options,
                                                          layout::detail::stored(chosen, map));
    ASSERT_LT(before.labelPixels, 15.0); // room to gain

    layout::detail::Chosen onTwo = chosen;
    layout::detail::squeeze(map, sizes, aspect, 1, chosen);
    layout::detail::squeeze(map, sizes, aspect, 2, onTwo); // the same on any number of threads
    EXPECT_EQ(onTwo.result.positions, chosen.result.positions);

    EXPECT_LT(chosen.reading.cost, before.cost);
    EXPECT_GT(chosen.reading.labelPixels, before.labelPixels + 2.0);
    const std::map<FactorId, Point>& after = chosen.result.positions;
    for (const auto& [a, pa] : positions)
        for (const auto& [b, pb] : positions) {
            EXPECT_EQ(pa.x < pb.x, after.at(a).x < after.at(b).x);
            EXPECT_EQ(pa.y < pb.y, after.at(a).y < after.at(b).y);
        }
    const std::map<LinkId, Point> arcs = layout::detail::ringBends(chosen.rings, map, after,
                                                                   direction);
    ASSERT_EQ(arcs.size(), 10u);
    for (const auto& [id, bend] : arcs) {
        ASSERT_TRUE(chosen.result.bends.count(id));
        EXPECT_NEAR(length(chosen.result.bends.at(id) - bend), 0.0, 1e-6);
    }
    for (const layout::detail::Ring& ring : chosen.rings) {
        Point centre{0, 0};
        for (const FactorId id : ring.members)
            centre = centre + after.at(id) * (1.0 / double(ring.members.size()));
        for (const FactorId id : ring.members) {
            const Point d = after.at(id) - centre;
            EXPECT_NEAR(d.x * d.x / (ring.radiusX * ring.radiusX)
                            + d.y * d.y / (ring.radiusY * ring.radiusY),
                        1.0, 1e-6);
        }
    }
    const layout::DrawingQuality q = qualityOfResult(map, options,
                                                     layout::detail::stored(chosen, map));
    EXPECT_LE(q.crossings, spread.crossings);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.overlappingFactors, 0u);
    EXPECT_EQ(q.overlappingSigns + q.signsOnFactors, 0u);
}

// The loop-first layout stops trying once a drawing reads unbeatably (layout/looppolish.h
// Reading::unbeatable): the other kinds of rings, the other direction mirrored, untangling and a
// squarer screen's second try are skipped, as none could cost less. That holds only while a cost
// is never below 0 and is 0 just when nothing crosses, nothing the judge counts as hidden shows
// and the labels show at 20 px or more.
TEST(LoopFirstLayout, ADrawingReadsUnbeatablyOnlyWithNothingCrossingOrHiddenAndLargeLabels)
{
    const auto direction = layout::LoopDirection::Clockwise;
    const auto unbeatableJustWhenClear = [](const layout::detail::Reading& r, const char* what) {
        EXPECT_GE(r.cost, 0.0) << what;
        const bool clear = r.crossings == 0 && r.labelPixels >= 20.0
            && r.cost < layout::detail::kHidden;
        EXPECT_EQ(r.unbeatable(), clear)
            << what; // nothing else adds to the cost, nor takes from it
    };
    SystemMap map;
    const std::vector<FactorId> ring = addLoop(
        map, {"Outreach shifts", "Kits handed out", "Return visits", "Peer contacts"}, "R1");
    const std::map<FactorId, layout::Size> sizes = canvasSizes(map);
    const layout::detail::RingDrawing d = layout::detail::drawRing(ring, sizes, direction);
    std::map<FactorId, Point> positions;
    for (const auto& [id, offset] : d.offsets)
        positions[id] = offset;
    const layout::detail::Chosen alone = layout::detail::judged(map, sizes, 4.0 / 3.0, direction,
                                                                positions, {d.ring});
    EXPECT_EQ(alone.reading.crossings, 0u);
    EXPECT_GE(alone.reading.labelPixels, 20.0);
    EXPECT_TRUE(alone.reading.unbeatable());
    unbeatableJustWhenClear(alone.reading, "the ring alone");

    // Not judged yet: beaten by anything.
    EXPECT_FALSE(layout::detail::Chosen{}.reading.unbeatable());

    // The same ring with a lone factor far off: the drawing fits the screen only with small labels.
    SystemMap far = map;
    const FactorId lone = far.addFactor({.label = "Board support"});
    const std::map<FactorId, layout::Size> farSizes = canvasSizes(far);
    std::map<FactorId, Point> farPositions = positions;
    farPositions[lone] = Point{3000, 0};
    const layout::detail::Chosen small = layout::detail::judged(far, farSizes, 4.0 / 3.0, direction,
                                                                farPositions, {d.ring});
    EXPECT_LT(small.reading.labelPixels, 20.0);
    EXPECT_FALSE(small.reading.unbeatable());
    unbeatableJustWhenClear(small.reading, "a factor far off");

    // The same lone factor on top of one of the ring's: two factors overlap, labels still large.
    std::map<FactorId, Point> onTop = positions;
    onTop[lone] = positions.at(ring[0]);
    const layout::detail::Chosen hidden = layout::detail::judged(far, farSizes, 4.0 / 3.0,
                                                                 direction, onTop, {d.ring});
    EXPECT_GE(hidden.reading.cost, layout::detail::kHidden);
    EXPECT_FALSE(hidden.reading.unbeatable());
    unbeatableJustWhenClear(hidden.reading, "two factors overlapping");

    // The ring's two diagonals: unbeatable only if they are drawn without crossing.
    SystemMap crossed = map;
    addLink(crossed, ring[0], ring[2]);
    addLink(crossed, ring[1], ring[3]);
    const layout::detail::Chosen across = layout::detail::judged(crossed, sizes, 4.0 / 3.0,
                                                                 direction, positions, {d.ring});
    unbeatableJustWhenClear(across.reading, "the ring and its diagonals");

    // The layout's own drawing of the ring, either way round, is one such (the layout stopped at
    // it: no faster-or-slower check here, only that it still reads unbeatably, as it did before).
    for (const auto way :
         {layout::LoopDirection::Clockwise, layout::LoopDirection::Anticlockwise}) {
        layout::LayoutOptions options;
        options.sizes = sizes;
        options.aspect = 4.0 / 3.0;
        SystemMap laid = map;
        layout::applyLayout(laid, layout::loopFirstLayout(map, options, way));
        const layout::DrawingQuality q = layout::measureMap(laid, {1024, 768});
        EXPECT_EQ(q.crossings, 0u);
        EXPECT_EQ(q.linksThroughBoxes, 0u);
        EXPECT_EQ(q.overlappingFactors, 0u);
        EXPECT_GE(q.labelPixels, 20.0);
    }
}
