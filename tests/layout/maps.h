#pragma once

// Maps and geometric checks shared by the layout tests.

#include "layout/layout.h"
#include "layout/linkgeometry.h"
#include "layout/quality.h"
#include "model/systemmap.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace causeway::testing {

// `factors` factors with labels of varied length and `links` distinct links (no self-links),
// from a fixed seed, all at (0,0).
SystemMap randomMap(std::size_t factors, std::size_t links, std::uint32_t seed);

FactorId addFactor(SystemMap& map, const std::string& label);
LinkId addLink(SystemMap& map, FactorId from, FactorId to, Polarity polarity = Polarity::Positive);

// A loop of new factors with these labels, each linked on to the next and the last to the first,
// named `name` (a loop label); returns the factors in order.
std::vector<FactorId> addLoop(SystemMap& map, const std::vector<std::string>& labels, const std::string& name);

// The layout's own link curves, measured as any drawing is (layout/quality.h).
layout::DrawingQuality qualityOfResult(const SystemMap& map, const layout::LayoutOptions& options,
                                       const layout::LayoutResult& r, const layout::ScreenSize& screen = {});

// The whole drawing's straight-line crossings, pair by pair: links that share no factor (self-links
// left out).
std::size_t straightCrossings(const SystemMap& map, const std::map<FactorId, Point>& at);

// Places every factor on a grid in id order, the way a facilitator might have arranged them.
void placeOnGrid(SystemMap& map, double dx = 200, double dy = 100);

// Lays the map out by the default layout (packed for a 4:3 screen, as `causeway-cli layout` and
// the editor do), stores it in the map (layout::applyLayout: its factors moved, an earlier
// layout's bends replaced by this one's), and returns the boxes the canvas draws.
// `signsOffLines` as in layout::LayoutOptions.
std::map<FactorId, BoxShape> laidOutByDefault(SystemMap& map, bool signsOffLines = true);

// Each factor's box where it is, sized for its label as the canvas and the SVG draw it.
std::map<FactorId, BoxShape> canvasBoxes(const SystemMap& map);

// Box sizes as the canvas would measure them: 7.5 pt a character plus padding, 36 pt tall.
std::map<FactorId, layout::Size> boxSizes(const SystemMap& map);

// Distance from a point to a box around `centre` (0 inside).
double distanceToBox(Point p, Point centre, layout::Size size);
double distanceToBox(Point p, const BoxShape& box);

// Pairs of factors whose boxes overlap by more than `tolerance` points in both directions.
std::size_t overlappingPairs(const layout::LayoutOptions& options, const layout::LayoutResult& result,
                             double tolerance = 0.5);

// Mean distance each factor placed in `before` moved in `after`.
double meanDisplacement(const SystemMap& before, const layout::LayoutResult& after);

} // namespace causeway::testing

namespace causeway::layout {
// Test names and messages read "neato", not "4-byte object <01-00 00-00>".
inline void PrintTo(Engine engine, std::ostream* os)
{
    *os << engineName(engine);
}
} // namespace causeway::layout
