#pragma once

// One geometry for the monitoring verdict marks, so the canvas (app/monitor/verdictmarks.cpp)
// and the SVG export (io/svglinkmarks.cpp) draw the same mark in the same place.

#include "layout/linkgeometry.h"
#include "model/systemmap.h"

#include <string>
#include <vector>

namespace causeway {

// How an item held up, as its mark shows it: a circle with a check, a square with a cross, or a
// dashed circle with a question mark. Shape and glyph tell them apart without colour.
enum class VerdictMark { Consistent, Contradicted, Unclear };
const char* verdictMarkClass(VerdictMark mark); // "consistent", "contradicted", "unclear"
// What a mark means, for a legend: "consistent: the figures moved as the map says", ...
const char* verdictMarkMeaning(VerdictMark mark);

// A mark of radius r centred at `centre`, as lines to stroke.
struct VerdictMarkShape {
    bool square = false;  // the ring: a square (contradicted) or a circle
    bool dashed = false;  // the ring dashed (unclear)
    double ringWidth = 0;
    double glyphWidth = 0;
    // The check (one polyline) or the cross (two); empty for the question mark.
    std::vector<std::vector<Point>> strokes;
    bool question = false; // a bold "?" centred on the mark
    double questionSize = 0;
    std::string ink;       // "#rrggbb": a colour as well as the shape, never instead of it
};
VerdictMarkShape verdictMarkShape(VerdictMark mark, Point centre, double r);

// Where a mark of radius r sits, as an offset from its anchor:
// a link's mark beside its middle, on the side away from its label (the delay mark sits on the
// middle, the polarity sign near the head);
Point linkMarkOffset(const LinkShape& shape, double r);
// a factor's mark on its box's top-left corner (the anchor), mostly outside the box, clear of the
// label inside (vote badges hang from the top-right).
Point factorMarkAnchor(const BoxShape& box);
Point factorMarkOffset(double r);

} // namespace causeway
