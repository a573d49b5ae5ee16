#pragma once

#include "model/systemmap.h"

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

// Twice the signed area of the polygon in y-down coordinates: positive when it runs clockwise
// on screen.
double signedArea2(const std::vector<Point>& polygon);

} // namespace causeway::layout
