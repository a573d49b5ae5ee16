#include "layout/linkgeometry.h"

#include "layout/arcpath.h"
#include "layout/linkports.h"
#include "layout/linkrouter.h"
#include "layout/textmetrics.h"

#include <algorithm>
#include <cmath>

namespace causeway {
namespace {

CubicPath quadraticAsCubic(Point p0, Point c, Point p2)
{
    return CubicPath({p0, p0 + (c - p0) * (2.0 / 3.0), p2 + (c - p2) * (2.0 / 3.0), p2});
}

CubicPath reversed(const CubicPath& c)
{
    std::vector<Point> points = c.points();
    std::reverse(points.begin(), points.end());
    return CubicPath(std::move(points));
}

bool inside(const BoxShape& b, Point p, double margin)
{
    return std::abs(p.x - b.centre.x) <= b.width / 2 + margin
        && std::abs(p.y - b.centre.y) <= b.height / 2 + margin;
}

// The parameter where the curve crosses the box's edge: scanning from `from` towards `to`
// for the first point outside, then bisecting. Works for curves that start inside the box.
double exitParameter(const CubicPath& c, const BoxShape& box, double margin, double from, double to)
{
    const int steps = 64 * std::max(1, c.pieces());
    double prev = from;
    for (int i = 1; i <= steps; ++i) {
        const double t = from + (to - from) * i / steps;
        if (!inside(box, c.at(t), margin)) {
            double lo = prev, hi = t; // lo inside, hi outside
            for (int k = 0; k < 30; ++k) {
                const double mid = (lo + hi) / 2;
                (inside(box, c.at(mid), margin) ? lo : hi) = mid;
            }
            return hi;
        }
        prev = t;
    }
    return to;
}

// Walks along the curve from `from` towards `towards` until `distance` (straight-line) from the
// point at `from`; `towards` when the curve never gets that far.
double parameterAway(const CubicPath& c, double from, double towards, double distance)
{
    const Point anchor = c.at(from);
    const double wanted = distance * distance; // squared distances: no root taken
    auto away = [&](double t) {
        const Point d = c.at(t) - anchor;
        return d.x * d.x + d.y * d.y;
    };
    double near = from, far = towards; // at near too close, at far far enough
    if (away(far) < wanted)
        return towards;
    for (int k = 0; k < 40; ++k) {
        const double mid = (near + far) / 2;
        (away(mid) >= wanted ? far : near) = mid;
    }
    return far;
}

// Walks back from `t1` towards `t0` until `distance` from the point at `t1`.
double parameterBefore(const CubicPath& c, double t0, double t1, double distance)
{
    return parameterAway(c, t1, t0, distance);
}

// Walks on from `t0` towards `t1` until `distance` from the point at `t0`.
double parameterAfter(const CubicPath& c, double t0, double t1, double distance)
{
    return parameterAway(c, t0, t1, distance);
}

bool circleHitsBoxes(Point centre, double radius, const std::vector<BoxShape>& boxes)
{
    return std::any_of(boxes.begin(), boxes.end(),
                       [&](const BoxShape& b) { return circleOverlapsBox(centre, radius, b); });
}

// `preferred`, or the nearest parameter in [lo, hi] where a circle on the path clears every
// obstacle (a path that runs close past a box must not hide its sign under it).
double clearParameter(const CubicPath& c, double preferred, double lo, double hi, double radius,
                      const std::vector<BoxShape>& obstacles)
{
    if (obstacles.empty() || !circleHitsBoxes(c.at(preferred), radius, obstacles))
        return preferred;
    const double step = std::max(1e-3, (hi - lo) / 60);
    for (double d = step; d <= hi - lo; d += step)
        for (double t : {preferred - d, preferred + d})
            if (t >= lo && t <= hi && !circleHitsBoxes(c.at(t), radius, obstacles))
                return t;
    return preferred;
}

// The delay mark (two strokes across the curve) and the label anchor at parameter t.
void placeDelayMark(LinkShape& shape, const CubicPath& full, double t, const LinkStyle& s)
{
    const Point m = full.at(t);
    const Point along = unit(full.tangent(t));
    const Point across = normalLeft(along);
    const Point half = across * (s.delayLength / 2);
    const Point shift = along * (s.delayGap / 2);
    shape.delayA1 = m - shift + half;
    shape.delayA2 = m - shift - half;
    shape.delayB1 = m + shift + half;
    shape.delayB2 = m + shift - half;
    shape.labelAnchor = m + across * (s.delayLength / 2 + 10);
}

// The link drawn along `full` from t0 to t1: its line, arrow head and sign, and with `mark` its
// delay mark (judging where a link would run needs none, and the untangling tries many bends).
LinkShape finish(const CubicPath& full, double t0, double t1, Point middle, const LinkStyle& s,
                 const std::vector<BoxShape>& obstacles = {}, bool mark = true)
{
    LinkShape shape;
    shape.middle = middle;
    shape.tip = full.at(t1);
    const double tBase = parameterBefore(full, t0, t1, s.arrowLength);
    const Point base = full.at(tBase);
    const Point dir = unit(shape.tip - base);
    const Point n = normalLeft(dir);
    shape.baseLeft = base + n * (s.arrowWidth / 2);
    shape.baseRight = base - n * (s.arrowWidth / 2);

    shape.line = full.segment(t0, tBase).points();
    shape.start = shape.line.front();
    shape.end = shape.line.back();

    const double tSignWanted = parameterBefore(full, t0, tBase, s.signGap + s.signRadius);
    const double tSign = clearParameter(full, tSignWanted, t0, tSignWanted, s.signRadius + 1, obstacles);
    shape.sign = full.at(tSign);
    if (!mark)
        return shape;

    // Delay mark and label halfway between the source box and the back of the sign circle, so
    // on a short link they do not disappear under the sign: its nearer stroke stays clear of the
    // circle.
    const double tSignBack = parameterBefore(full, t0, tSign, signKeepsFromDelayMark(s) + s.delayGap / 2);
    const double tMid = clearParameter(full, std::max(t0, (t0 + tSignBack) / 2), t0, tSignBack,
                                       s.delayLength / 2, obstacles);
    placeDelayMark(shape, full, tMid, s);
    // Where the link turns, a stroke's end can still reach the sign: further back, then.
    const double step = std::max(1e-3, (tMid - t0) / 40);
    for (double t = tMid - step; t >= t0 && distanceToDelayMark(shape, shape.sign) < signKeepsFromDelayMark(s); t -= step)
        if (!circleHitsBoxes(full.at(t), s.delayLength / 2, obstacles))
            placeDelayMark(shape, full, t, s);
    // A link too short for the mark between its source box and its sign leaves it on the box
    // (four of the shipped sample's five delay marks had a stroke under a box). Then the nearest
    // place on the line where both strokes clear every box and the sign; failing that, every box
    // (a delayed link's sign then moves off the mark where it has anywhere to go: separateSigns).
    // Else it stays. (The label's anchor moves with it, on any link.)
    if (!delayMarkOnABox(shape, obstacles, s))
        return shape;
    LinkShape onBox = shape;
    const double stride = std::max(1e-3, (tBase - t0) / 60);
    for (const double keep : {signKeepsFromDelayMark(s), 0.0})
        for (double d = 0; d <= tBase - t0; d += stride)
            for (const double t : {tMid - d, tMid + d}) {
                if (t < t0 || t > tBase)
                    continue;
                placeDelayMark(shape, full, t, s);
                if (!delayMarkOnABox(shape, obstacles, s) && distanceToDelayMark(shape, shape.sign) >= keep)
                    return shape;
            }
    return onBox;
}

// The curve from centre to centre, as drawn when nothing is in the way. A link bent in the map
// (`arc`) follows the circle through both centres and its middle: a loop-first ring's links
// then run round the ring, and a hand-bent link bows as evenly.
CubicPath simpleCurve(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                      bool curveApart, Point& middle, bool arc = false)
{
    const Point chord = to.centre - from.centre;
    const Point chordMid = (from.centre + to.centre) * 0.5;
    Point offset{0, 0};
    if (bend) {
        offset = *bend;
    } else if (curveApart) {
        const double amount = std::clamp(length(chord) * 0.12, 18.0, 50.0);
        offset = normalLeft(unit(chord)) * amount;
    }
    middle = chordMid + offset;
    if (arc && bend)
        if (CubicPath round = arcThrough(from.centre, middle, to.centre); !round.empty())
            return round;
    // A quadratic's middle is halfway between the chord's middle and its control point.
    return quadraticAsCubic(from.centre, chordMid + offset * 2.0, to.centre);
}

// The point halfway along the path, measured on a sampled polyline.
Point halfway(const CubicPath& path)
{
    return halfwayAlong(path.sample(12));
}

// A polyline around the obstacles; a link with a reverse partner keeps a little to its left so
// the two stay apart. Empty: no way found.
std::vector<Point> detour(const BoxShape& from, const BoxShape& to, bool curveApart,
                          const std::vector<BoxShape>& obstacles, const CrossingToll& toll)
{
    std::vector<Point> route = routePolyline(from, to, obstacles, {}, toll);
    if (curveApart && route.size() > 2) {
        std::vector<Point> shifted = route;
        for (std::size_t i = 1; i + 1 < shifted.size(); ++i) {
            const Point dir = unit(route[i + 1] - route[i - 1]);
            shifted[i] = route[i] + normalLeft(dir) * 8.0;
        }
        if (!pathHitsBoxes(roundCorners(shifted, {}, RouteStyle{12, 0}), obstacles))
            return shifted;
    }
    return route;
}

// `a` then `b` (which starts where `a` ends), with the handles at the join turned into one
// direction so the path passes the bend point without a kink, unless that touches an obstacle.
CubicPath joinSmoothly(const CubicPath& a, const CubicPath& b, const std::vector<BoxShape>& obstacles)
{
    CubicPath kinked = a;
    kinked.append(b);
    std::vector<Point> pa = a.points(), pb = b.points();
    if (pa.size() < 4 || pb.size() < 4)
        return kinked;
    const Point join = pa.back();
    const Point in = join - pa[pa.size() - 2], out = pb[1] - join;
    const Point dir = unit(unit(in) + unit(out));
    pa[pa.size() - 2] = join - dir * length(in);
    pb[1] = join + dir * length(out);
    CubicPath smooth{std::move(pa)};
    smooth.append(CubicPath(std::move(pb)));
    return pathHitsBoxes(smooth, obstacles, 1) ? kinked : smooth;
}

// The side's outward direction at a point `d` (from the centre) on or near a box's border.
Point outwardAt(const BoxShape& box, Point d)
{
    const double nx = std::abs(d.x) >= box.width / 2 - 0.5 ? (d.x > 0 ? 1.0 : -1.0) : 0.0;
    const double ny = std::abs(d.y) >= box.height / 2 - 0.5 ? (d.y > 0 ? 1.0 : -1.0) : 0.0;
    return nx == 0 && ny == 0 ? unit(d) : unit(Point{nx, ny});
}

// Whether a piece meant to end (or start) at a box's border runs through the box on the way.
bool crossesOwnBox(const CubicPath& piece, const BoxShape& box, bool atEnd)
{
    const std::vector<Point> pts = piece.sample(24);
    for (std::size_t i = atEnd ? 0 : 1; i + (atEnd ? 1 : 0) < pts.size(); ++i)
        if (inside(box, pts[i], -1))
            return true;
    return false;
}

// `full` (centre to centre) bent near each end that has a port so it meets the box there, square
// to its side; empty when that would run through one of the link's own boxes.
CubicPath throughPorts(const CubicPath& full, const BoxShape& from, const BoxShape& to, double t0,
                       double t1, const LinkPorts& ports, double reach)
{
    const Point start = ports.start ? from.centre + *ports.start : full.at(t0);
    const Point tip = ports.tip ? to.centre + *ports.tip : full.at(t1);
    const double a = ports.start ? parameterAfter(full, t0, t1, reach) : t0;
    const double b = ports.tip ? parameterBefore(full, a, t1, reach) : t1;
    CubicPath out;
    if (ports.start) {
        const Point q = full.at(a), dir = unit(full.tangent(a));
        const double k = 0.45 * length(q - start);
        out = CubicPath({start, start + outwardAt(from, *ports.start) * k, q - dir * k, q});
        if (crossesOwnBox(out, from, false))
            return {};
    } else {
        out = full.segment(0, a);
    }
    if (b > a + 1e-6)
        out.append(full.segment(a, b));
    if (ports.tip) {
        const Point q = full.at(b), dir = unit(full.tangent(b));
        const double k = 0.45 * length(tip - q);
        const CubicPath piece({q, q + dir * k, tip + outwardAt(to, *ports.tip) * k, tip});
        if (crossesOwnBox(piece, to, true))
            return {};
        out.append(piece);
    } else {
        out.append(full.segment(b, full.pieces()));
    }
    return out;
}

LinkShape shapeAlong(const CubicPath& natural, const BoxShape& from, const BoxShape& to, Point middle,
                     const LinkStyle& s, const std::vector<BoxShape>& obstacles, const LinkPorts& ports, bool mark)
{
    CubicPath full = natural;
    double t0 = exitParameter(full, from, 0, 0.0, full.pieces());
    // The target box, scanned from its end backwards: the curve's last entry into it.
    double t1 = full.pieces() - exitParameter(reversed(full), to, s.tipMargin, 0.0, full.pieces());
    if (t1 <= t0 + 1e-3) {
        // Overlapping boxes: draw a short straight stub rather than nothing.
        return finish(CubicPath::line(from.centre, to.centre), 0.0, 1.0, middle, s, {}, mark);
    }
    if (ports.start || ports.tip) {
        // Bent far from the box reads smoothest; nearer keeps off close neighbours.
        const bool hitsAlready = pathHitsBoxes(full, obstacles);
        const double far = std::clamp(0.35 * length(full.at(t1) - full.at(t0)), 12.0, 60.0);
        for (const double reach : {far, far / 2, far / 4}) {
            const CubicPath ported = throughPorts(full, from, to, t0, t1, ports, reach);
            if (!ported.empty() && (hitsAlready || !pathHitsBoxes(ported, obstacles))) {
                full = ported;
                t0 = exitParameter(full, from, 0, 0.0, full.pieces());
                t1 = full.pieces() - exitParameter(reversed(full), to, s.tipMargin, 0.0, full.pieces());
                break;
            }
        }
    }
    // The sign and the delay mark keep off the link's own boxes too (a path may graze them).
    std::vector<BoxShape> blockers = obstacles;
    blockers.push_back(from);
    blockers.push_back(to);
    return finish(full, t0, t1, middle, s, blockers, mark);
}

} // namespace

LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const LinkStyle& s)
{
    return computeLinkShape(from, to, bend, curveApart, {}, s);
}

LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const std::vector<BoxShape>& obstacles, const LinkStyle& s)
{
    return computeLinkShape(from, to, bend, curveApart, obstacles, LinkPorts{}, s);
}

LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const std::vector<BoxShape>& obstacles,
                           const LinkPorts& ports, const LinkStyle& s)
{
    return computeLinkShape(from, to, bend, curveApart, obstacles, ports, s, CrossingToll{});
}

namespace {

// computeLinkShape, with `mark` its delay mark placed too (computeLinkLine: not).
LinkShape shapeLink(const BoxShape& from, const BoxShape& to, std::optional<Point> bend, bool curveApart,
                    const std::vector<BoxShape>& obstacles, const LinkPorts& ports, const LinkStyle& s,
                    const CrossingToll& toll, bool mark)
{
    const bool arc = bend.has_value(); // bent in the map, not by the drawing's own untangling
    if (!bend)
        bend = ports.via;
    Point middle;
    const CubicPath simple = simpleCurve(from, to, bend, curveApart, middle, arc);
    if (obstacles.empty() || !pathHitsBoxes(simple, obstacles))
        return shapeAlong(simple, from, to, middle, s, obstacles, ports, mark);
    if (!bend) {
        // A gentle arc to one side reads better than a path around corners: the least bend
        // (either way) that clears every box with room to spare.
        for (double amount : {20.0, 35.0}) {
            const double side = curveApart ? 1.0 : -1.0; // a reverse pair's link keeps to its left
            for (double k : {side, -side}) {
                const Point offset = normalLeft(unit(to.centre - from.centre)) * (amount * k);
                Point arcMiddle;
                const CubicPath arc = simpleCurve(from, to, (middle - (from.centre + to.centre) * 0.5) + offset,
                                                  false, arcMiddle);
                if (!pathHitsBoxes(arc, obstacles, 6))
                    return shapeAlong(arc, from, to, arcMiddle, s, obstacles, ports, mark);
            }
        }
    }
    if (bend) {
        // Through the bend point: each half routed on its own, joined there.
        const BoxShape point{middle, 0, 0};
        const std::vector<Point> first = routePolyline(from, point, obstacles, {}, toll);
        const std::vector<Point> second = first.empty() ? first : routePolyline(point, to, obstacles, {}, toll);
        if (first.empty() || second.empty())
            return shapeAlong(simple, from, to, middle, s, obstacles, ports, mark);
        const CubicPath routed =
            joinSmoothly(roundCorners(first, obstacles), roundCorners(second, obstacles), obstacles);
        return shapeAlong(routed, from, to, middle, s, obstacles, ports, mark);
    }
    const std::vector<Point> route = detour(from, to, curveApart, obstacles, toll);
    if (route.empty())
        return shapeAlong(simple, from, to, middle, s, obstacles, ports, mark);
    const CubicPath routed = roundCorners(route, obstacles);
    return shapeAlong(routed, from, to, halfway(routed), s, obstacles, ports, mark);
}

} // namespace

LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const std::vector<BoxShape>& obstacles,
                           const LinkPorts& ports, const LinkStyle& s, const CrossingToll& toll)
{
    return shapeLink(from, to, bend, curveApart, obstacles, ports, s, toll, true);
}

LinkShape computeLinkLine(const BoxShape& from, const BoxShape& to, std::optional<Point> bend, bool curveApart,
                          const std::vector<BoxShape>& obstacles, const LinkStyle& s)
{
    return shapeLink(from, to, bend, curveApart, obstacles, LinkPorts{}, s, CrossingToll{}, false);
}

LinkShape computeLinkLine(const BoxShape& from, const BoxShape& to, std::optional<Point> bend, bool curveApart,
                          const std::vector<BoxShape>& obstacles, const LinkPorts& ports, const LinkStyle& s,
                          const CrossingToll& toll)
{
    return shapeLink(from, to, bend, curveApart, obstacles, ports, s, toll, false);
}

LinkShape computeSelfLoopShape(const BoxShape& box, std::optional<Point> bend, const LinkStyle& s)
{
    const Point apexOffset = bend ? *bend : Point{0, -(box.height / 2 + s.loopSize)};
    const Point dir = unit(apexOffset);
    const Point side = normalLeft(dir);
    const double extent = std::abs(dir.x) * box.width / 2 + std::abs(dir.y) * box.height / 2;
    const double reach = std::max(length(apexOffset), extent + 24);
    const double spread = std::min(box.width, box.height) * 0.35 + 6;
    // Leaves the box on one side of the apex direction and comes back on the other.
    const Point p0 = box.centre + side * spread;
    const Point p3 = box.centre - side * spread;
    const double pull = reach * 4.0 / 3.0; // a cubic's middle reaches 3/4 of its control offset
    const CubicPath full({p0, p0 + dir * pull + side * spread, p3 + dir * pull - side * spread, p3});
    const double t0 = exitParameter(full, box, 0, 0.0, 0.5);
    const double t1 = 1.0 - exitParameter(reversed(full), box, s.tipMargin, 0.0, 0.5);
    return finish(full, t0, t1, full.at(0.5), s);
}

double distanceToStrokes(const DelayStrokes& m, Point p)
{
    return std::min(distanceToSegment(p, m.a1, m.a2), distanceToSegment(p, m.b1, m.b2));
}

double strokesApart(const DelayStrokes& m, const DelayStrokes& n)
{
    return std::min({distanceBetweenSegments(m.a1, m.a2, n.a1, n.a2), distanceBetweenSegments(m.a1, m.a2, n.b1, n.b2),
                     distanceBetweenSegments(m.b1, m.b2, n.a1, n.a2), distanceBetweenSegments(m.b1, m.b2, n.b1, n.b2)});
}

double distanceToDelayMark(const LinkShape& s, Point p)
{
    return distanceToStrokes(delayStrokesOf(s), p);
}

double delayMarksApart(const LinkShape& a, const LinkShape& b)
{
    return strokesApart(delayStrokesOf(a), delayStrokesOf(b));
}

void moveDelayMark(LinkShape& s, double t, const LinkStyle& style)
{
    placeDelayMark(s, CubicPath(s.line), t, style);
}

bool segmentMeetsBox(Point a, Point b, const BoxShape& box, double pad)
{
    // Liang-Barsky: clip the segment to the box grown by `pad`; it meets the box if anything is left.
    const double x0 = box.centre.x - box.width / 2 - pad, x1 = box.centre.x + box.width / 2 + pad;
    const double y0 = box.centre.y - box.height / 2 - pad, y1 = box.centre.y + box.height / 2 + pad;
    const Point d = b - a;
    double lo = 0, hi = 1;
    auto keep = [&](double p, double q) { // keeps the part where p * t <= q
        if (p == 0)
            return q >= 0;
        if (p < 0)
            lo = std::max(lo, q / p);
        else
            hi = std::min(hi, q / p);
        return lo <= hi;
    };
    return keep(-d.x, a.x - x0) && keep(d.x, x1 - a.x) && keep(-d.y, a.y - y0) && keep(d.y, y1 - a.y);
}

bool delayMarkMeetsBox(const LinkShape& s, const BoxShape& box, const LinkStyle& style, double edgeWidth,
                       double spare)
{
    return strokesMeetBox(delayStrokesOf(s), box, style.lineWidth / 2 + edgeWidth / 2 + spare);
}

bool strokesMeetBox(const DelayStrokes& m, const BoxShape& box, double pad)
{
    return segmentMeetsBox(m.a1, m.a2, box, pad) || segmentMeetsBox(m.b1, m.b2, box, pad);
}

bool delayMarkOnABox(const LinkShape& s, const std::vector<BoxShape>& boxes, const LinkStyle& style)
{
    const double edge = FactorBoxStyle{}.edgeWidth;
    return std::any_of(boxes.begin(), boxes.end(),
                       [&](const BoxShape& b) { return delayMarkMeetsBox(s, b, style, edge, 1); });
}

Point bendForMiddle(const BoxShape& from, const BoxShape& to, bool selfLink, Point middle)
{
    if (selfLink)
        return middle - from.centre;
    return middle - (from.centre + to.centre) * 0.5;
}

} // namespace causeway
