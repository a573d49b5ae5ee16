#pragma once

#include "layout/linkgeometry.h"
#include "model/systemmap.h"

#include <string_view>
#include <vector>

namespace causeway::layout {

// Where a feedback loop's label goes and which way its circular arrow turns. Plain C++ so the
// canvas and the SVG export mark loops the same way.
struct LoopMarker {
    Point centre;          // mean of the outline's points: inside the drawn loop for a ring
    bool clockwise = true; // as seen on screen (y down)
    bool degenerate = false; // the outline encloses no area (one factor, or all in a line)
};

// `outline` runs along the loop in its direction: the factors' centres, optionally with each
// link's drawn middle between its two ends (which also orients a two-factor loop, whose
// centres alone enclose nothing). A degenerate outline gets clockwise.
LoopMarker loopMarker(const std::vector<Point>& outline);

// The circular arrow of a loop label around `centre`: 290 degrees of arc from 110 degrees
// (counter-clockwise from 3 o'clock, as Qt and SVG's y-up reading count), turning as the loop
// turns, with the arrow head at the arc's end. Drawn the same by the canvas and the SVG.
struct LoopArrow {
    double startDegrees = 110;
    double sweepDegrees = 0; // negative: clockwise on screen
    Point start;             // on the circle
    Point end;
    Point head[3];           // tip, then the two base corners
};
LoopArrow loopArrow(Point centre, double radius, bool clockwise);

// The space a loop label takes around its marker's centre (map units): the circular arrow
// above, the name's box below it.
struct LabelFootprint {
    double left = 0;   // distances from the centre, all positive
    double right = 0;
    double above = 0;
    double below = 0;
};

// How a loop label is drawn in map units (the SVG export; the canvas keeps it a fixed size on
// screen): a circular arrow of this radius, the name below it in bold, wrapped.
inline constexpr double kLoopLabelRadius = 21;
inline constexpr double kLoopLabelNameGap = 8;      // from the circle to the name's box
inline constexpr double kLoopLabelNamePadding = 5;
inline constexpr double kLoopLabelNameMaxWidth = 260;
inline constexpr double kLoopLabelNamePixels = 18;

LabelFootprint loopLabelFootprint(std::string_view name);

// Moves a label off the factors: the nearest spot to `centre` (searched on rings around it,
// out to `maxDistance`, or further for a big label) where `footprint`, grown by `margin`,
// overlaps none of `obstacles`. `centre` itself when it is clear; when no spot is clear, the
// one where the label covers least.
Point placeClearOf(Point centre, const LabelFootprint& footprint,
                   const std::vector<BoxShape>& obstacles, double maxDistance = 320,
                   double margin = 6);
// The same, also keeping the label off links: the nearest spot within `lineReach` of `centre`
// that is clear of `obstacles` and of `lines` too (linkMarks below); when there is none, the
// spot within `lineReach` clear of `obstacles` that covers fewest of the lines' boxes (the nearest
// on a tie); when no spot there is clear of `obstacles`, the nearest that is, as above. A label over a link's line reads as if
// the link ran behind it; over its sign it hides the link's polarity, so signs and arrow heads
// go among the obstacles.
Point placeClearOf(Point centre, const LabelFootprint& footprint,
                   const std::vector<BoxShape>& obstacles, const std::vector<BoxShape>& lines,
                   double maxDistance = 320, double margin = 6);
// A drawn link as what labels keep off: its sign (radius `signRadius`) and arrow head added to
// `obstacles`, its line as small boxes every few units along it added to `lines`.
void linkMarks(const LinkShape& link, double signRadius, std::vector<BoxShape>& obstacles,
               std::vector<BoxShape>& lines);
// The footprint as a box at `centre`, to add to the obstacles of the labels placed after it.
BoxShape footprintBox(Point centre, const LabelFootprint& footprint);

// Twice the signed area of the polygon in y-down coordinates: positive when it runs clockwise
// on screen.
double signedArea2(const std::vector<Point>& polygon);

} // namespace causeway::layout
