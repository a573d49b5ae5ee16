// How a loop-first drawing is judged: its links drawn as the canvas and the SVG draw them once the
// layout is stored, and what that drawing costs (layout/looppolish.h).
#include "layout/looppolish.h"

#include "layout/cubicpath.h"
#include "layout/judge.h"
#include "layout/linkshapes.h"
#include "layout/placement.h"
#include "layout/quality.h"
#include "layout/textmetrics.h"

#include <algorithm>

namespace causeway::layout {

using detail::Chosen;
using detail::Reading;

namespace {

// A pixel of label height under 20 px costs as much as this many crossings. At 4 (as the
// default layout), workforce.mdl kept 7 crossings at 11.9 px over 3 at 10.9 px; at 2 it takes
// the 3, and the sample and every other model draw as before; at 1 the sample's labels shrank
// and hares_and_foxes crossed more.
constexpr double kLabelPixelCost = 2;
// What labels under 20 px on the screen cost: never below 0, as no term of a cost is, so a cost
// of 0 reads unbeatably (looppolish.h Reading::unbeatable).
double labelShortfallCost(double labelPixels)
{
    return kLabelPixelCost * std::max(0.0, 20.0 - labelPixels);
}

// The positions moved where the map was (placement.h anchorShift), as loopFirstLayout stores
// them: the same bits wherever they are worked out.
std::map<FactorId, Point> whereStored(std::map<FactorId, Point> positions, const SystemMap& map)
{
    const Point shift = detail::anchorShift(positions, map);
    for (auto& [id, at] : positions)
        at = Point{at.x + shift.x, at.y + shift.y};
    return positions;
}

} // namespace

Reading detail::drawLinks(LayoutResult& result, const SystemMap& map,
                          const std::map<FactorId, Size>& sizes, double aspect, double bound)
{
    // Drawn where it will be stored (looppolish.h stored): what is judged is what is drawn (a
    // link judged clear of every box once ran through one as stored).
    LayoutResult anchored = result;
    anchored.positions = whereStored(result.positions, map);
    SystemMap drawn = map; // other links keep any bend a facilitator gave them
    applyLayout(drawn, anchored);
    std::map<FactorId, BoxShape> boxes;
    for (const auto& [id, at] : anchored.positions)
        boxes[id] = BoxShape{at, sizes.at(id).width, sizes.at(id).height};
    const ScreenSize screen{1024, 1024 / aspect};
    // As computeLinkShapes(..., SignRoom::Near, Marks::DelayedLinks) draws them: as judged.
    std::map<LinkId, LinkShape> shapes = detail::linkShapesAlone(drawn, boxes);
    arrangeLinks(drawn, boxes, shapes, {}, true, Marks::DelayedLinks);
    if (bound < detail::noBound) {
        QualityDrawing bare = drawingOfShapes(drawn, boxes, shapes);
        bare.signs.clear();
        bare.delayMarks.clear();
        const DrawingQuality q = measureDrawing(bare, screen);
        const double floor = detail::kHidden * double(q.linksThroughBoxes + q.overlappingFactors)
            + double(q.crossings) + labelShortfallCost(q.labelPixels);
        if (floor >= bound)
            return {floor, q.labelPixels, q.crossings};
    }
    placeSigns(drawn, boxes, shapes, {}, SignRoom::Near);
    for (const Link& l : map.links()) {
        const LinkShape& s = shapes.at(l.id);
        CubicPath curve(s.line);
        curve.append(CubicPath::line(s.end, s.tip));
        result.links.push_back({l.id, curve.points()});
    }
    // Labels under 20 px on the screen cost too, as the default layout judges (judge.cpp),
    // but half as much: rings are what a loop-first drawing is for, and a link crossing them is
    // what hides them. A delay mark on a factor hides part of it, as a sign there does: a
    // loop-first layout once put two boxes 3 px apart with a delayed link between them.
    const DrawingQuality q = measureDrawing(drawingOfShapes(drawn, boxes, shapes), screen);
    return {detail::kHidden
                    * double(q.linksThroughBoxes + q.overlappingFactors + q.overlappingSigns
                             + q.signsOnFactors + q.delayMarksOnFactors)
                + double(q.crossings) + labelShortfallCost(q.labelPixels),
            q.labelPixels, q.crossings};
}

double detail::readingFloor(const std::map<FactorId, Size>& sizes, double aspect,
                            const std::map<FactorId, Point>& positions)
{
    QualityDrawing boxesAlone;
    for (const auto& [id, at] : positions)
        boxesAlone.boxes.push_back(BoxShape{at, sizes.at(id).width, sizes.at(id).height});
    boxesAlone.labelSize = FactorBoxStyle{}.font.pixelSize;
    const DrawingQuality q = measureDrawing(boxesAlone, {1024, 1024 / aspect});
    return detail::kHidden * double(q.overlappingFactors) + labelShortfallCost(q.labelPixels);
}

LayoutResult detail::stored(Chosen chosen, const SystemMap& map)
{
    chosen.result.positions = whereStored(chosen.result.positions, map);
    return std::move(chosen.result);
}

Chosen detail::judged(const SystemMap& map, const std::map<FactorId, Size>& sizes, double aspect,
                      LoopDirection direction, std::map<FactorId, Point> positions,
                      std::vector<Ring> rings, double bound)
{
    Chosen c;
    c.rings = std::move(rings);
    c.result.positions = std::move(positions);
    c.result.bends = detail::ringBends(c.rings, map, c.result.positions, direction);
    c.reading = drawLinks(c.result, map, sizes, aspect, bound);
    return c;
}

} // namespace causeway::layout
