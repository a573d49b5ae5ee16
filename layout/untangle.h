#pragma once

// Links that cross others drawn through another place when that crosses fewer: a map-level pass
// after each link is routed on its own, whose choices (a bend the layout picked, never saved in
// the map) the canvas and computeLinkShapes both apply (layout/linkports.h arrangeLinks).

#include "layout/linkports.h"

#include <array>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace causeway {

// Maps up to this many links are untangled; on larger ones a pass would cost a drag its frame.
constexpr std::size_t untangledMaxLinks = 40;
// Maps up to this many links are untangled once by a layout, which keeps the bends it chose. A
// pass compares every crossing link with every other: World3-03's 471 links take a fraction of
// a second, but a random map of 1,000 links was laid out in 16 s with it, 4.7 s without.
constexpr std::size_t untangledByLayoutMaxLinks = 500;

// The bends a link is tried through, as fractions of the chord between its boxes' centres, each
// to the left and then to the right; the first that crosses fewest is kept. The canvas, untangling
// as it draws, tries four. A layout untangling a larger map once tries twelve: the smaller bends
// slip a link past crossings at a shallow angle, which dense maps are full of (14 random maps of
// 80-100 factors and 240-300 links: 29,987 crossings in all -> 28,205; the generated 100-factor
// map 2,583 -> 2,450). Bends a whole chord out drew long detours round the drawing.
constexpr std::array<double, 2> drawnBends{0.3, 0.6};
constexpr std::array<double, 6> laidOutBends{0.3, 0.6, 0.15, 0.45, 0.1, 0.2};

// For each link (in the order given), the bend (offset from the middle of the chord between its
// boxes' centres, as Link::bend) that it is drawn through instead, or none. A link bent by hand,
// a self-link and a link crossing nothing keep their shape; one is moved only when no box is in
// its way and it then crosses fewer links.
// Past `maxLinks` links none is moved (a layout untangles larger maps once, up to
// untangledByLayoutMaxLinks, and stores the bends: layout/linkshapes.h untangledBends).
// A link's bends are tried on `threads` threads; the bends chosen are the same on any number.
// Each bend is tried as it will be drawn (`kept`). Bends are judged without the toll a detour
// pays on maps past 30 factors (linkshapes.h linesToCross), which the drawing's routes do pay.
enum class KeptBends {
    Drawn, // the drawing's own (LinkPorts::via): a gentle curve through the bend
    Stored, // stored in the map by a layout (Link::bend): an arc through it
};
std::vector<std::optional<Point>>
untangleLinks(const std::vector<DrawnLink>& links, const std::map<FactorId, BoxShape>& boxes,
              const LinkStyle& style = {}, std::size_t maxLinks = untangledMaxLinks,
              std::span<const double> bends = drawnBends, unsigned threads = 1,
              KeptBends kept = KeptBends::Drawn);

// Whether a line (sampled) turns back on itself within a short stretch: a hook, where the way to
// its bend and the way on from it double back past a box, reading as two links meeting rather
// than one bending. No bend that draws one is taken.
bool doublesBack(const std::vector<Point>& points);

// Whether a sampled line (sampledLine) turns sharply at one point: a corner, where a bend's two
// routed halves meet at an angle, reading as two links meeting. No bend that draws one is taken.
bool turnsAtACorner(const std::vector<Point>& points);

// A link's line sampled for counting its crossings, with its bounds and those of its runs of
// kSampledRun segments (cubicpath.h runBounds).
constexpr std::size_t kSampledRun = 8;
struct SampledLine {
    std::vector<Point> points;
    double x0, y0, x1, y1;
    std::vector<Bounds> runs;
};
SampledLine sampledLine(const LinkShape& shape);

// Crossings of two links' lines as layout/quality.cpp counts them: not where they meet at a box
// they share (an end of both), and touches a few points apart counted once.
std::size_t linkCrossings(const SampledLine& a, FactorId aFrom, FactorId aTo, const SampledLine& b, FactorId bFrom,
                          FactorId bTo, const std::map<FactorId, BoxShape>& boxes);

} // namespace causeway
