#include "layout/arcpath.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace causeway {

namespace {

double cross(Point u, Point v) { return u.x * v.y - u.y * v.x; }

// The angle from a to b going the way `turn` says (+1: angles growing), in (0, 2 pi].
double sweep(double a, double b, double turn)
{
    double s = turn > 0 ? b - a : a - b;
    while (s <= 0)
        s += 2 * std::numbers::pi;
    while (s > 2 * std::numbers::pi)
        s -= 2 * std::numbers::pi;
    return s;
}

} // namespace

CubicPath arcThrough(Point a, Point m, Point b)
{
    const Point ab = b - a, am = m - a;
    const double d = 2 * cross(ab, am);
    // Bowed out by less than a hundredth of its length the arc is a straight line.
    if (std::abs(d) < 0.02 * (ab.x * ab.x + ab.y * ab.y) || length(am) < 1e-6 || length(b - m) < 1e-6)
        return {};
    // The circumcentre, relative to a.
    const double ab2 = ab.x * ab.x + ab.y * ab.y, am2 = am.x * am.x + am.y * am.y;
    const Point o{(am.y * ab2 - ab.y * am2) / d, (ab.x * am2 - am.x * ab2) / d};
    const Point centre = a + o;
    const double radius = length(o);
    auto angleOf = [&](Point p) { return std::atan2(p.y - centre.y, p.x - centre.x); };
    // From a, the arc turns towards m: angles grow when m is to the positive side of a->b's circle.
    const double turn = cross(m - a, b - m) > 0 ? 1.0 : -1.0;
    const double start = angleOf(a);
    const double total = sweep(start, angleOf(b), turn);
    const int pieces = std::max(1, int(std::ceil(total / (std::numbers::pi / 2) - 1e-9)));
    const double step = turn * total / pieces;
    const double handle = 4.0 / 3.0 * std::tan(std::abs(step) / 4) * radius;
    auto on = [&](double angle) { return centre + Point{std::cos(angle), std::sin(angle)} * radius; };
    // Tangent at an angle, pointing the way the arc runs.
    auto along = [&](double angle) { return Point{-std::sin(angle), std::cos(angle)} * turn; };
    std::vector<Point> points{a};
    for (int i = 0; i < pieces; ++i) {
        const double t0 = start + step * i, t1 = start + step * (i + 1);
        const Point p1 = i + 1 == pieces ? b : on(t1);
        points.push_back(points.back() + along(t0) * handle);
        points.push_back(p1 - along(t1) * handle);
        points.push_back(p1);
    }
    return CubicPath(std::move(points));
}

} // namespace causeway
