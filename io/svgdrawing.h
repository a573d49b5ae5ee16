#pragma once

// Internal to io/: the pieces svgexport.cpp and svgoverlays.cpp share.

#include "io/exportutil.h"
#include "io/svgexport.h"
#include "layout/linkgeometry.h"
#include "layout/textmetrics.h"
#include "layout/votebadge.h"
#include "model/nomination.h"
#include "model/systemmap.h"

#include <pugixml.hpp>

#include <map>
#include <string>
#include <string_view>

namespace causeway::svg {

// Where everything on the map is drawn, computed once with layout/'s functions, as the canvas
// computes it: boxes sized by layoutFactorBox, links by computeLinkShape/computeSelfLoopShape.
struct MapDrawing {
    std::map<FactorId, BoxShape> boxes;
    std::map<FactorId, FactorBoxText> labels;
    std::map<LinkId, LinkShape> links;
};
MapDrawing drawingOf(const SystemMap& map);

// The area the drawing covers.
class Bounds {
public:
    void add(Point p, double grow = 0);
    void addRect(double x, double y, double w, double h);
    bool empty() const { return m_empty; }
    // False once a point was infinite or not a number (which min and max would skip).
    bool finite() const { return m_finite; }
    double minX = 0, minY = 0, maxX = 0, maxY = 0;

private:
    bool m_empty = true;
    bool m_finite = true;
};

// A label as drawn: at most kMaxDrawnCharacters, ending in "…" when cut. A picture of a 1 MB
// label took gigabytes to render as PDF, and no one reads past a few lines; <title>s keep the
// whole text.
inline constexpr std::size_t kMaxDrawnCharacters = 300;
std::string drawnText(std::string_view label);

// The widest and tallest drawing exported, in map units: twice the coordinates a file may hold
// (kMaxCoordinate) and room for labels and bends.
inline constexpr double kMaxDrawingSpan = 1e8;

// A coordinate for an attribute: at most two decimals, no trailing zeros ("12.5", "-3").
std::string number(double v);
// A point for a path or points attribute: "x,y", each a number() ("12.5,-3").
std::string point(Point p);
using exportutil::xmlSafe;

pugi::xml_node element(pugi::xml_node parent, const char* name,
                       std::initializer_list<std::pair<const char*, std::string>> attributes);
// A <text> centred on x with its first baseline at y, one <tspan> per line.
pugi::xml_node centredText(pugi::xml_node parent, const char* cssClass, double x, double y,
                           const std::vector<std::string>& lines, double lineHeight);

// Overlays (svgoverlays.cpp, svgvotebadges.cpp).
void drawLoopLabels(pugi::xml_node layer, const SystemMap& map, const MapDrawing& drawing,
                    Bounds& bounds);
// One badge, as the canvas paints it (the legend shows one of each kind).
void drawBadge(pugi::xml_node parent, const VoteBadge& badge, Bounds& bounds);
// The legend beside the drawing (right of `bounds`, which it grows): svglegend.cpp.
// `verdictMarks`: explain the three verdict marks too.
void drawLegend(pugi::xml_node layer, const SystemMap& map, bool voteBadges, bool verdictMarks, Bounds& bounds);
// The verdict marks on links and factors (svglinkmarks.cpp), and one mark (for the legend).
inline constexpr double kVerdictMarkRadius = 14; // map units: legible when a map is shrunk onto a page
void drawVerdictMarks(pugi::xml_node layer, const SvgOptions& options, const MapDrawing& drawing, Bounds& bounds);
void drawVerdictMark(pugi::xml_node parent, VerdictMark mark, Point centre, double r);
void drawVoteBadges(pugi::xml_node layer, const SystemMap& map, const NominationRound& round,
                    const MapDrawing& drawing, Bounds& bounds);

} // namespace causeway::svg
