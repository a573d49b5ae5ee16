#include "layout/linkgeometry.h"

#include <algorithm>
#include <cmath>

namespace causeway {
namespace {

Point operator+(Point a, Point b) { return {a.x + b.x, a.y + b.y}; }
Point operator-(Point a, Point b) { return {a.x - b.x, a.y - b.y}; }
Point operator*(Point a, double k) { return {a.x * k, a.y * k}; }
double length(Point a) { return std::hypot(a.x, a.y); }
Point unit(Point a)
{
    const double l = length(a);
    return l > 1e-9 ? a * (1.0 / l) : Point{1, 0};
}
Point normalLeft(Point d) { return {d.y, -d.x}; } // left of the direction, y pointing down

// A cubic Bezier; quadratic curves are raised to cubics so one evaluator serves both.
struct Cubic {
    Point p0, p1, p2, p3;
    Point at(double t) const
    {
        const double u = 1 - t;
        return p0 * (u * u * u) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t * t * t);
    }
    Point tangent(double t) const
    {
        const double u = 1 - t;
        return (p1 - p0) * (3 * u * u) + (p2 - p1) * (6 * u * t) + (p3 - p2) * (3 * t * t);
    }
    // The piece between t0 and t1 (de Casteljau twice), itself a cubic.
    Cubic segment(double t0, double t1) const
    {
        const Point a = at(t0), d = at(t1);
        const double k = (t1 - t0) / 3.0;
        return {a, a + tangent(t0) * k, d - tangent(t1) * k, d};
    }
};

Cubic quadraticAsCubic(Point p0, Point c, Point p2)
{
    return {p0, p0 + (c - p0) * (2.0 / 3.0), p2 + (c - p2) * (2.0 / 3.0), p2};
}

bool inside(const BoxShape& b, Point p, double margin)
{
    return std::abs(p.x - b.centre.x) <= b.width / 2 + margin
        && std::abs(p.y - b.centre.y) <= b.height / 2 + margin;
}

// The parameter where the curve crosses the box's edge: scanning from `from` towards `to`
// for the first point outside, then bisecting. Works for curves that start inside the box.
double exitParameter(const Cubic& c, const BoxShape& box, double margin, double from, double to)
{
    constexpr int steps = 64;
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

// Walks back from `t1` along the curve until `distance` (straight-line) from its point.
double parameterBefore(const Cubic& c, double t0, double t1, double distance)
{
    const Point tip = c.at(t1);
    double lo = t0, hi = t1; // at lo far enough, at hi too close
    if (length(c.at(lo) - tip) < distance)
        return t0;
    for (int k = 0; k < 40; ++k) {
        const double mid = (lo + hi) / 2;
        (length(c.at(mid) - tip) >= distance ? lo : hi) = mid;
    }
    return lo;
}

LinkShape finish(const Cubic& full, double t0, double t1, Point middle, const LinkStyle& s)
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

    const Cubic line = full.segment(t0, tBase);
    shape.start = line.p0;
    shape.c1 = line.p1;
    shape.c2 = line.p2;
    shape.end = line.p3;

    const double tSign = parameterBefore(full, t0, tBase, s.signGap + s.signRadius);
    shape.sign = full.at(tSign);

    // Delay mark and label halfway between the source box and the back of the sign circle, so
    // on a short link they do not disappear under the sign.
    const double tSignBack = parameterBefore(full, t0, tBase, s.signGap + 2 * s.signRadius + 2);
    const double tMid = (t0 + tSignBack) / 2;
    const Point m = full.at(std::max(t0, tMid));
    const Point along = unit(full.tangent(std::max(t0, tMid)));
    const Point across = normalLeft(along);
    const Point half = across * (s.delayLength / 2);
    const Point shift = along * (s.delayGap / 2);
    shape.delayA1 = m - shift + half;
    shape.delayA2 = m - shift - half;
    shape.delayB1 = m + shift + half;
    shape.delayB2 = m + shift - half;
    shape.labelAnchor = m + across * (s.delayLength / 2 + 10);
    return shape;
}

} // namespace

LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const LinkStyle& s)
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
    // A quadratic's middle is halfway between the chord's middle and its control point.
    const Point control = chordMid + offset * 2.0;
    const Cubic full = quadraticAsCubic(from.centre, control, to.centre);
    const double t0 = exitParameter(full, from, 0, 0.0, 1.0);
    // The target box, scanned from its end backwards: the curve's last entry into it.
    const Cubic reversed{full.p3, full.p2, full.p1, full.p0};
    const double t1 = 1.0 - exitParameter(reversed, to, s.tipMargin, 0.0, 1.0);
    if (t1 <= t0 + 1e-3) {
        // Overlapping boxes: draw a short straight stub rather than nothing.
        const Cubic stub = quadraticAsCubic(from.centre, chordMid, to.centre);
        return finish(stub, 0.0, 1.0, chordMid + offset, s);
    }
    return finish(full, t0, t1, chordMid + offset, s);
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
    const Cubic full{p0, p0 + dir * pull + side * spread, p3 + dir * pull - side * spread, p3};
    const double t0 = exitParameter(full, box, 0, 0.0, 0.5);
    const Cubic reversed{full.p3, full.p2, full.p1, full.p0};
    const double t1 = 1.0 - exitParameter(reversed, box, s.tipMargin, 0.0, 0.5);
    return finish(full, t0, t1, full.at(0.5), s);
}

Point bendForMiddle(const BoxShape& from, const BoxShape& to, bool selfLink, Point middle)
{
    if (selfLink)
        return middle - from.centre;
    return middle - (from.centre + to.centre) * 0.5;
}

} // namespace causeway
