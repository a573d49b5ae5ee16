// The default layout's judge: a drawing routed, arranged and signed as the canvas draws it, then
// counted (layout/quality.h).
#include "layout/judge.h"

#include "layout/bestlayout.h"
#include "layout/linkshapes.h"
#include "layout/placement.h"
#include "layout/quality.h"
#include "layout/textmetrics.h"

#include <algorithm>
#include <cmath>

namespace causeway::layout::detail {

namespace {

// Lower is better: a link through a box, two overlapping factors or a sign hidden by another
// sign or a box (its link's polarity unreadable) outweigh any crossings. When the drawing is packed
// for a screen, labels under 20 px there (about 18 px with the editor's margins) cost too, so a
// start whose packing shows smaller never wins on a crossing or two.
constexpr double kLargeEnoughPx = 20;
constexpr double kSmallLabelCost = 4; // a pixel under kLargeEnoughPx
// A sign over another link's line costs half a crossing. 63 maps (the models, the sample, 48
// random maps of 6-30 factors) laid out for 4:3: 693 -> 685 crossings in all, signs on other
// links' lines 238 -> 163 (labels 29.50 -> 29.46 px mean); the sample 9 -> 8 crossings, 3 -> 0
// signs on lines. At a quarter 681 crossings and 181 signs; at a whole crossing 703 and 136.
constexpr double kSignOnLineCost = 0.5;
// A delay mark left on a box, under a sign or on another mark (separateDelayMarks found no clear
// place on its line) costs half a crossing, as a sign over a line does: 63 maps with every second
// link delayed then draw 692 crossings and leave 21 marks so.
constexpr double kDelayMarkCost = 0.5;

ScreenSize judgedScreen(const LayoutOptions& options)
{
    return {1024, options.aspect > 0 ? 1024 / options.aspect : 768};
}

// What labels of this size cost on a screen.
double labelCost(double labelPixels)
{
    return kSmallLabelCost * std::max(0.0, kLargeEnoughPx - labelPixels);
}

// What labels of this size cost: only when the drawing is packed for a screen.
double smallLabelCost(const LayoutOptions& options, double labelPixels)
{
    return options.aspect > 0 ? labelCost(labelPixels) : 0.0;
}

// What hidden things and crossings cost.
double hiddenAndCrossings(const DrawingQuality& q)
{
    return kHidden
        * double(q.linksThroughBoxes + q.overlappingFactors + q.overlappingSigns + q.signsOnFactors)
        + double(q.crossings);
}

double costOf(const DrawingQuality& q, const LayoutOptions& options)
{
    return hiddenAndCrossings(q) + smallLabelCost(options, q.labelPixels)
        + (options.signsOffLines ? kSignOnLineCost * double(q.signsOnLines) : 0.0)
        + kDelayMarkCost
        * double(q.delayMarksOnFactors + q.signsOnDelayMarks + q.overlappingDelayMarks);
}

double costOf(const QualityDrawing& drawing, const LayoutOptions& options)
{
    return costOf(measureDrawing(drawing, judgedScreen(options)), options);
}

// What the labels cost at most as large as a drawing `width` x `height` (drawing units) shows
// them: its links and signs can only widen it. A hair under, so rounding never puts it above
// the cost measured in full.
double labelFloorOf(const LayoutOptions& options, double width, double height)
{
    if (options.aspect <= 0 || width <= 0 || height <= 0)
        return 0;
    const ScreenSize screen = judgedScreen(options);
    const double largest = FactorBoxStyle{}.font.pixelSize * std::min(screen.width / width, screen.height / height);
    return std::max(0.0, smallLabelCost(options, largest) - 1e-9);
}

// On a map this small, drawings are judged with their links untangled (layout/untangle.h), as
// they will be drawn. Larger maps are judged on their links as routed alone: untangling every
// start and swap would cost seconds, and judged so, a larger map's choice keeps the fewest
// crossings before untangling, which the drawing then only lowers.
constexpr std::size_t smallMapFactors = kSmallMapFactors;

} // namespace

std::map<FactorId, BoxShape> boxesOf(const SystemMap& map, const LayoutOptions& options,
                                     const LayoutResult& result)
{
    std::map<FactorId, BoxShape> boxes;
    for (const auto& [id, position] : result.positions) {
        const Size size = sizeOf(map, options, id);
        boxes[id] = BoxShape{position, size.width, size.height};
    }
    return boxes;
}

std::map<LinkId, LinkShape> linkShapesAlone(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                            const LinkStyle& style)
{
    std::map<LinkId, LinkShape> shapes;
    const OtherLines lines = linesToCross(map, boxes);
    for (const Link& l : map.links())
        shapes[l.id] = linkShapeIn(map, boxes, l, lines, style, {}, Marks::DelayedLinks);
    return shapes;
}

double costWithoutSigns(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                        const std::map<LinkId, LinkShape>& arranged)
{
    QualityDrawing withoutSigns = drawingOfShapes(map, boxes, arranged, options.link);
    withoutSigns.signs.clear();
    return costOf(withoutSigns, options);
}

double costOfDrawn(const SystemMap& map, const LayoutOptions& options,
                   const std::map<FactorId, BoxShape>& boxes,
                   const std::map<LinkId, LinkShape>& drawn, DrawingQuality* measured)
{
    const DrawingQuality q = measureDrawing(drawingOfShapes(map, boxes, drawn, options.link),
                                            judgedScreen(options));
    if (measured)
        *measured = q;
    return costOf(q, options);
}

Extent extentOf(const std::map<FactorId, BoxShape>& boxes)
{
    if (boxes.empty())
        return {};
    double x0 = noBound, y0 = noBound, x1 = -noBound, y1 = -noBound;
    for (const auto& [id, b] : boxes) {
        x0 = std::min(x0, b.centre.x - b.width / 2);
        x1 = std::max(x1, b.centre.x + b.width / 2);
        y0 = std::min(y0, b.centre.y - b.height / 2);
        y1 = std::max(y1, b.centre.y + b.height / 2);
    }
    return {x1 - x0, y1 - y0};
}

double labelFloor(const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes)
{
    const Extent e = extentOf(boxes);
    return labelFloorOf(options, e.width, e.height);
}

double swappedLabelFloor(const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes)
{
    double x0 = noBound, y0 = noBound, x1 = -noBound, y1 = -noBound, narrowest = noBound, lowest = noBound;
    for (const auto& [id, b] : boxes) {
        x0 = std::min(x0, b.centre.x);
        x1 = std::max(x1, b.centre.x);
        y0 = std::min(y0, b.centre.y);
        y1 = std::max(y1, b.centre.y);
        narrowest = std::min(narrowest, b.width);
        lowest = std::min(lowest, b.height);
    }
    return boxes.empty() ? 0 : labelFloorOf(options, x1 - x0 + narrowest, y1 - y0 + lowest);
}

double costOfArranged(const SystemMap& map, const LayoutOptions& options,
                      const std::map<FactorId, BoxShape>& boxes,
                      std::map<LinkId, LinkShape>& shapes, bool untangle, double bound)
{
    arrangeLinks(map, boxes, shapes, options.link, untangle, Marks::DelayedLinks);
    if (bound < noBound)
        if (const double floor = costWithoutSigns(map, options, boxes, shapes); floor >= bound)
            return floor;
    placeSigns(map, boxes, shapes, options.link, SignRoom::Near); // a sign with nowhere near counts hidden
    return costOfDrawn(map, options, boxes, shapes);
}

double costOfBoxes(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                   double bound)
{
    std::map<LinkId, LinkShape> shapes = linkShapesAlone(map, boxes, options.link);
    return costOfArranged(map, options, boxes, shapes, map.factorCount() <= smallMapFactors, bound);
}

double cost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result, double bound)
{
    return costOfBoxes(map, options, boxesOf(map, options, result), bound);
}

double costAsDrawn(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result,
                   double bound)
{
    SystemMap drawn = map;
    applyLayout(drawn, result);
    const std::map<FactorId, BoxShape> boxes = boxesOf(drawn, options, result);
    std::map<LinkId, LinkShape> shapes = linkShapesAlone(drawn, boxes, options.link);
    return costOfArranged(drawn, options, boxes, shapes, true, bound);
}

double beyond(double best) { return std::nextafter(best, noBound); }

} // namespace causeway::layout::detail

namespace causeway::layout {

double readingCost(const DrawingQuality& q, double labelPixels)
{
    return detail::hiddenAndCrossings(q) + detail::labelCost(labelPixels);
}

} // namespace causeway::layout
