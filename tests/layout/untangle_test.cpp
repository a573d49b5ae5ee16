// Links that cross others drawn through another place when that crosses fewer.
#include "maps.h"

#include "layout/linkshapes.h"
#include "layout/quality.h"

#include <gtest/gtest.h>

using namespace causeway;
using causeway::testing::addFactor;
using causeway::testing::addLink;

namespace {

// A -> B across the middle of C -> D: drawn alone, the two links cross once. Two more factors,
// far out at the corners, leave the drawing room to go round C.
struct Cross {
    SystemMap map;
    FactorId a, b, c, d;
    LinkId across, down;
    std::map<FactorId, BoxShape> boxes;

    Cross()
    {
        a = addFactor(map, "a");
        b = addFactor(map, "b");
        c = addFactor(map, "c");
        d = addFactor(map, "d");
        const FactorId e = addFactor(map, "e"), f = addFactor(map, "f");
        across = addLink(map, a, b);
        down = addLink(map, c, d);
        boxes = {{a, {{0, 0}, 80, 36}}, {b, {{400, 0}, 80, 36}}, {c, {{200, -100}, 80, 36}}, {d, {{200, 100}, 80, 36}},
                 {e, {{-100, -300}, 80, 36}}, {f, {{500, 300}, 80, 36}}};
    }

    std::size_t crossings(const std::map<LinkId, LinkShape>& shapes) const
    {
        return layout::measureDrawing(layout::drawingOfShapes(map, boxes, shapes)).crossings;
    }
};

} // namespace

TEST(Untangle, ALinkCrossingAnotherGoesRoundItsEndWhenTheDrawingHasRoom)
{
    const Cross x;
    std::map<LinkId, LinkShape> alone;
    for (const Link& l : x.map.links())
        alone[l.id] = linkShapeIn(x.map, x.boxes, l);
    ASSERT_EQ(x.crossings(alone), 1u);
    const std::map<LinkId, LinkShape> drawn = computeLinkShapes(x.map, x.boxes);
    EXPECT_EQ(x.crossings(drawn), 0u);
    const layout::DrawingQuality q = layout::measureDrawing(layout::drawingOfShapes(x.map, x.boxes, drawn));
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.signsOnFactors, 0u);
}

TEST(Untangle, ALinkBentByHandKeepsItsBendThoughItCrosses)
{
    Cross x;
    Link bent = x.map.link(x.across);
    bent.bend = Point{0, 0};
    x.map.updateLink(bent);
    const std::map<LinkId, LinkShape> drawn = computeLinkShapes(x.map, x.boxes);
    EXPECT_EQ(x.crossings(drawn), 1u);
    EXPECT_EQ(drawn.at(x.across).middle.y, 0);
}
