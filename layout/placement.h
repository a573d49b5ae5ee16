#pragma once

// Private to layout/: the geometry around a Graphviz run that needs no Graphviz (box sizes,
// moving the drawing back where the facilitator expects it, pinned factors).

#include "layout/layout.h"

#include <map>
#include <string_view>

namespace causeway::layout::detail {

// A box for a label when the caller gave none: about 7 pt a character plus padding, wrapped
// to a few lines past ~200 pt, 36 pt tall for one line.
Size estimateSize(std::string_view label);

Size sizeOf(const SystemMap& map, const LayoutOptions& options, FactorId id);

// A factor at exactly (0,0) has never been placed (new factors start there).
bool isUnplaced(const Point& p);

void translate(LayoutResult& result, Point delta);

// Moves the drawing so it sits where the map was: pinned factors (when kept) decide, else the
// centroid of the factors that had been placed stays where it was. Pinned factors end exactly
// at their positions; a pinned factor the engine moved gets straight links, since its routed
// curves no longer reach it.
void anchor(LayoutResult& result, const SystemMap& map, const LayoutOptions& options);

// How far anchor() moves a drawing with these positions when no pinned factor decides: the
// centroid of the factors the map had placed (or of all, to the origin, when none was) goes
// where it was.
Point anchorShift(const std::map<FactorId, Point>& positions, const SystemMap& map);

// Start positions for a tidy layout: placed factors where they are; new ones (at 0,0) beside
// the centroid of their placed neighbours, spreading through chains of new factors; new factors
// with no placed neighbour in a row below the drawing. Empty when nothing has been placed yet.
std::map<FactorId, Point> tidyPositions(const SystemMap& map, const LayoutOptions& options);

// A straight cubic from box border to box border (self-links: a small loop on the right side).
std::vector<Point> straightCurve(Point from, Size fromSize, Point to, Size toSize);

// Every link of `result` drawn straight between its factors' boxes where they now are (after the
// factors moved: Graphviz's routes no longer fit).
void straightenLinks(LayoutResult& result, const SystemMap& map, const LayoutOptions& options);

} // namespace causeway::layout::detail
