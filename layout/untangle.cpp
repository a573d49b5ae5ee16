// Links that cross others tried through a few other places, kept where they cross fewer.

#include "layout/untangle.h"

#include "layout/cubicpath.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace causeway {

SampledLine sampledLine(const LinkShape& s)
{
    SampledLine out{CubicPath(s.line).sample(12), 1e300, 1e300, -1e300, -1e300};
    out.points.push_back(s.tip);
    for (const Point p : out.points) {
        out.x0 = std::min(out.x0, p.x);
        out.y0 = std::min(out.y0, p.y);
        out.x1 = std::max(out.x1, p.x);
        out.y1 = std::max(out.y1, p.y);
    }
    return out;
}

namespace {

double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool nearBox(Point p, const BoxShape& b, double margin)
{
    return std::abs(p.x - b.centre.x) < b.width / 2 + margin && std::abs(p.y - b.centre.y) < b.height / 2 + margin;
}

// The boxes two links share (at most two), near which their lines meeting is not a crossing.
struct Shared {
    std::array<const BoxShape*, 2> boxes{};
    std::size_t count = 0;
    bool near(Point p) const
    {
        return std::any_of(boxes.begin(), boxes.begin() + std::ptrdiff_t(count),
                           [&](const BoxShape* box) { return nearBox(p, *box, 6); });
    }
};

// The boxes of the ends link a (aFrom -> aTo) shares with link b.
Shared sharedEnds(FactorId aFrom, FactorId aTo, FactorId bFrom, FactorId bTo, const std::map<FactorId, BoxShape>& boxes)
{
    Shared shared;
    for (const FactorId e : {aFrom, aTo})
        if (e == bFrom || e == bTo)
            shared.boxes[shared.count++] = &boxes.at(e);
    return shared;
}

// Crossings of two links, as layout/quality.cpp counts them: not at a box they share, and
// touches a few points apart counted once. Only the pieces of `a` that reach `b`'s bounds are
// compared with `b`'s.
std::size_t crossings(const SampledLine& a, const SampledLine& b, const Shared& shared)
{
    if (a.x1 < b.x0 || b.x1 < a.x0 || a.y1 < b.y0 || b.y1 < a.y0)
        return 0;
    std::vector<Point> found;
    for (std::size_t i = 1; i < a.points.size(); ++i) {
        const Point p = a.points[i - 1], q = a.points[i];
        const double px0 = std::min(p.x, q.x), px1 = std::max(p.x, q.x), py0 = std::min(p.y, q.y),
                     py1 = std::max(p.y, q.y);
        if (px1 < b.x0 || px0 > b.x1 || py1 < b.y0 || py0 > b.y1)
            continue;
        for (std::size_t j = 1; j < b.points.size(); ++j) {
            const Point r = b.points[j - 1], s = b.points[j];
            if (std::max(r.x, s.x) < px0 || std::min(r.x, s.x) > px1 || std::max(r.y, s.y) < py0
                || std::min(r.y, s.y) > py1)
                continue;
            const double d1 = cross(p, q, r), d2 = cross(p, q, s), d3 = cross(r, s, p), d4 = cross(r, s, q);
            if (!((d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0)) || d1 == 0 || d2 == 0 || d3 == 0 || d4 == 0)
                continue;
            const double t = d3 / (d3 - d4);
            const Point at = p + (q - p) * t;
            if (shared.near(at))
                continue;
            if (std::none_of(found.begin(), found.end(), [&](Point f) { return length(f - at) < 10; }))
                found.push_back(at);
        }
    }
    return found.size();
}

// The bounds of the drawing as it stands: every box and every line (SampledLine's box, no points).
SampledLine drawingBounds(const std::map<FactorId, BoxShape>& boxes, const std::vector<SampledLine>& lines)
{
    SampledLine all{{}, 1e300, 1e300, -1e300, -1e300};
    for (const auto& [id, b] : boxes) {
        all.x0 = std::min(all.x0, b.centre.x - b.width / 2);
        all.y0 = std::min(all.y0, b.centre.y - b.height / 2);
        all.x1 = std::max(all.x1, b.centre.x + b.width / 2);
        all.y1 = std::max(all.y1, b.centre.y + b.height / 2);
    }
    for (const SampledLine& line : lines) {
        if (line.points.empty())
            continue;
        all.x0 = std::min(all.x0, line.x0);
        all.y0 = std::min(all.y0, line.y0);
        all.x1 = std::max(all.x1, line.x1);
        all.y1 = std::max(all.y1, line.y1);
    }
    return all;
}

// How far outside the drawing a bend point may lie and its sampled line still be found within
// it (samples can miss the curve's outermost point by a little).
constexpr double kOutside = 10;

// A hook turns this far within this stretch; routed corners turn a right angle at most.
constexpr double kHookTurn = 2.4;      // radians, about 135 degrees
constexpr double kHookStretch = 40;    // along the line

} // namespace

bool doublesBack(const std::vector<Point>& points)
{
    std::vector<double> turn, step; // at each inner point: the turn there, the length before it
    for (std::size_t i = 1; i + 1 < points.size(); ++i) {
        const Point a = points[i] - points[i - 1], b = points[i + 1] - points[i];
        const double la = length(a), lb = length(b);
        if (la < 1e-9 || lb < 1e-9)
            continue;
        turn.push_back(std::abs(std::atan2(a.x * b.y - a.y * b.x, a.x * b.x + a.y * b.y)));
        step.push_back(lb);
    }
    for (std::size_t i = 0; i < turn.size(); ++i) {
        double turned = 0, along = 0;
        for (std::size_t j = i; j < turn.size() && along <= kHookStretch; along += step[j], ++j)
            if ((turned += turn[j]) > kHookTurn)
                return true;
    }
    return false;
}

std::size_t linkCrossings(const SampledLine& a, FactorId aFrom, FactorId aTo, const SampledLine& b, FactorId bFrom,
                          FactorId bTo, const std::map<FactorId, BoxShape>& boxes)
{
    return crossings(a, b, sharedEnds(aFrom, aTo, bFrom, bTo, boxes));
}

std::vector<std::optional<Point>> untangleLinks(const std::vector<DrawnLink>& links,
                                                const std::map<FactorId, BoxShape>& boxes,
                                                const LinkStyle& style, std::size_t maxLinks)
{
    const std::size_t n = links.size();
    std::vector<std::optional<Point>> vias(n);
    if (n > maxLinks)
        return vias;
    std::vector<SampledLine> lines(n);
    for (std::size_t i = 0; i < n; ++i)
        if (links[i].shape)
            lines[i] = sampledLine(*links[i].shape);
    auto sharedBoxes = [&](std::size_t i, std::size_t j) {
        return sharedEnds(links[i].from, links[i].to, links[j].from, links[j].to, boxes);
    };
    auto crossingsOf = [&](std::size_t i, const SampledLine& line) {
        std::size_t c = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (j != i && links[j].shape)
                c += crossings(line, lines[j], sharedBoxes(i, j));
        return c;
    };
    // A link moved keeps within the drawing as it stands: fitted to a screen, the drawing keeps
    // its size and shape, and so its labels' size.
    const SampledLine all = drawingBounds(boxes, lines);
    auto within = [&](const SampledLine& line, const LinkShape& shape) {
        const double r = style.signRadius;
        return line.x0 >= all.x0 && line.y0 >= all.y0 && line.x1 <= all.x1 && line.y1 <= all.y1
            && shape.sign.x - r >= all.x0 && shape.sign.y - r >= all.y0 && shape.sign.x + r <= all.x1
            && shape.sign.y + r <= all.y1;
    };
    auto movable = [&](std::size_t i) { return links[i].shape && !links[i].bent && links[i].from != links[i].to; };
    std::vector<std::size_t> count(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (movable(i))
            count[i] = crossingsOf(i, lines[i]);
    // The most tangled first: moving it may free the others.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return count[l] > count[r]; });
    for (const std::size_t i : order) {
        if (count[i] == 0)
            break;
        const BoxShape& from = boxes.at(links[i].from);
        const BoxShape& to = boxes.at(links[i].to);
        const std::vector<BoxShape> obstacles = obstaclesFor(boxes, links[i].from, links[i].to);
        const double chord = length(to.centre - from.centre);
        const Point side = normalLeft(unit(to.centre - from.centre));
        std::size_t best = crossingsOf(i, lines[i]);
        // Bends up to 0.6 of the chord to either side. Bends a whole chord out drew long detours
        // round the drawing (on the sample's loop-first layout, a link out to the drawing's edge
        // and back, another round its foot) and, without them, the sample, every model and
        // the generated maps keep every crossing count but one: one crossing fewer.
        for (const double k : {0.3, -0.3, 0.6, -0.6}) {
            if (best == 0)
                break;
            const Point via = side * (k * std::max(chord, 80.0));
            // The line runs through the chord's middle plus the bend: a bend well outside the
            // drawing cannot stay within it, and routing it would be wasted.
            const Point through = (from.centre + to.centre) * 0.5 + via;
            if (through.x < all.x0 - kOutside || through.y < all.y0 - kOutside || through.x > all.x1 + kOutside
                || through.y > all.y1 + kOutside)
                continue;
            const LinkShape shape = computeLinkShape(from, to, via, links[i].curveApart, obstacles, style);
            if (pathHitsBoxes(CubicPath(shape.line), obstacles))
                continue;
            SampledLine line = sampledLine(shape);
            if (!within(line, shape) || doublesBack(line.points))
                continue;
            if (const std::size_t c = crossingsOf(i, line); c < best) {
                best = c;
                vias[i] = via;
                lines[i] = std::move(line);
            }
        }
    }
    return vias;
}

} // namespace causeway
