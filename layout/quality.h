#pragma once

// How readable a drawing is, measured the same way for Causeway's own drawing of a map and for
// any other drawing of it (Graphviz's own spline rendering, read back from its output).

#include "layout/linkgeometry.h"
#include "model/systemmap.h"

#include <cstddef>
#include <map>
#include <vector>

namespace causeway::layout {

struct ScreenSize {
    double width = 1024;
    double height = 768;
};

// A drawing reduced to what is measured: boxes, link curves (cubic pieces, 1 + 3k points, from
// box edge to arrow tip) and sign circles.
struct QualityDrawing {
    struct Line {
        std::vector<Point> curve;
        std::size_t from = 0, to = 0; // indices into boxes
    };
    std::vector<BoxShape> boxes;
    std::vector<Line> links;
    std::vector<Point> signs; // centres of the polarity circles (none for drawings without)
    double signRadius = 13;
    // The delay marks drawn (on delayed links only): each two strokes, a1-a2 and b1-b2, drawn
    // `lineWidth` wide; boxes are outlined `edgeWidth` wide.
    using DelayMark = DelayStrokes;
    std::vector<DelayMark> delayMarks;
    double lineWidth = 3.5;
    double edgeWidth = 2.5;
    double signEdgeWidth = 2.5; // the sign circle's outline
    double labelSize = 17; // a factor label's font size in drawing units
};

struct DrawingQuality {
    std::size_t factors = 0, links = 0;
    std::size_t linksThroughBoxes = 0;  // links that run through a box other than their ends
    std::size_t crossings = 0;          // points where two links cross (not at a shared end)
    std::size_t overlappingFactors = 0; // pairs of boxes that overlap
    std::size_t overlappingSigns = 0;   // pairs of sign circles that overlap
    std::size_t signsOnFactors = 0;     // sign circles that overlap a box
    std::size_t signsOnLines = 0;       // sign circles over another link's line (or arrow head's axis)
    std::size_t delayMarksOnFactors = 0;   // delay marks with a stroke on a box or its outline
    std::size_t signsOnDelayMarks = 0;     // pairs of a sign circle and a delay mark stroke it covers
    std::size_t overlappingDelayMarks = 0; // pairs of delay marks whose strokes touch
    double labelPixels = 0; // label font size in pixels with the drawing fitted to the screen
};

DrawingQuality measureDrawing(const QualityDrawing& drawing, const ScreenSize& screen = {});

// What a drawing costs to read, as the default layout's judge weighs the same (lower is better;
// the judge also charges signs on lines and delay marks in the way): 1,000 for each thing hidden
// (a link through another factor's box, overlapping factors or signs, a sign on a factor), 1 a
// crossing, 4 a pixel of label height under 20 with the drawing fitted to its screen
// (layout/judge.cpp).
double readingCost(const DrawingQuality& q, double labelPixels);

// The map as Causeway draws it (the canvas and the SVG export): boxes sized for their labels at
// the factors' positions, links routed around other factors (`routed` false: each link one curve
// from box to box, as drawn before links were routed, for comparison).
QualityDrawing drawingOfMap(const SystemMap& map, const LinkStyle& style = {}, bool routed = true);

// The same with the boxes given (e.g. the sizes a layout was computed for).
QualityDrawing drawingOfMap(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                            const LinkStyle& style = {}, bool routed = true);

// The drawing of links already shaped (e.g. only some of them routed again after a change).
QualityDrawing drawingOfShapes(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                               const std::map<LinkId, LinkShape>& shapes, const LinkStyle& style = {});

inline DrawingQuality measureMap(const SystemMap& map, const ScreenSize& screen = {})
{
    return measureDrawing(drawingOfMap(map), screen);
}

} // namespace causeway::layout
