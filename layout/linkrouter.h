#pragma once

// Routes a link around the boxes of factors that are not its ends: a shortest path in the
// visibility graph of the boxes' (grown) corners, with its corners rounded into a curve.
// Written here rather than taken from Graphviz's libpathplan because pathplan keeps its work in
// file-static buffers (route.c, shortest.c) that neato's own spline routing also uses: it would
// need Graphviz's process-wide lock, which a running layout holds for seconds while the
// facilitator drags a factor. This router is reentrant and needs no lock.

#include "layout/cubicpath.h"
#include "layout/linkgeometry.h"
#include "layout/otherlines.h"

#include <vector>

namespace causeway {

struct RouteStyle {
    double clearance = 12; // how far the path keeps from a box it goes around
    double cornerRadius = 40; // the largest rounding of a corner
};

// What a detour pays, in units of length, for each other link's straight line it crosses: the
// shortest way round a box often crosses every link on that side of it. The lines at the routed
// link's own ends are free (lines meet there anyway). No lines: the shortest way.
struct CrossingToll {
    const OtherLines* lines = nullptr;
    FactorId from, to;
    double perCrossing = 30;
};

// Whether the curve passes through one of `boxes` (a point strictly inside, `margin` grown).
bool pathHitsBoxes(const CubicPath& path, const std::vector<BoxShape>& boxes, double margin = 0);

// The shortest polyline from `from`'s centre to `to`'s centre that keeps `clearance` from every
// box in `obstacles` and leaves `from` / enters `to` once, its length counted with `toll`'s charge
// for the lines it crosses. Just the two centres when the straight line is clear; empty when no
// way round was found.
std::vector<Point> routePolyline(const BoxShape& from, const BoxShape& to,
                                 const std::vector<BoxShape>& obstacles, const RouteStyle& style = {},
                                 const CrossingToll& toll = {});

namespace detail {
// routePolyline as first written, testing every segment against every box, with no toll and no
// route kept: the reference the indexed search is checked against in tests (it finds the same
// polylines, only slower).
std::vector<Point> routePolylineTestingEveryBox(const BoxShape& from, const BoxShape& to,
                                                const std::vector<BoxShape>& obstacles,
                                                const RouteStyle& style = {});
} // namespace detail

// The polyline with its corners rounded, as large as keeps the curve off `obstacles`
// (checked by sampling; down to the bare polyline).
CubicPath roundCorners(const std::vector<Point>& polyline, const std::vector<BoxShape>& obstacles,
                       const RouteStyle& style = {});

} // namespace causeway
