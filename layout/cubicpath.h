#pragma once

// A piecewise cubic Bezier path (1 + 3k control points) and the point arithmetic the link
// geometry, the router and the quality measure share.

#include "model/systemmap.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace causeway {

inline Point operator+(Point a, Point b) { return {a.x + b.x, a.y + b.y}; }
inline Point operator-(Point a, Point b) { return {a.x - b.x, a.y - b.y}; }
inline Point operator*(Point a, double k) { return {a.x * k, a.y * k}; }
// sqrt, not std::hypot: hypot guards against overflow no map coordinate comes near, and cost a
// sixth of a layout's time in routing and judging (perf, the sample map).
inline double length(Point a) { return std::sqrt(a.x * a.x + a.y * a.y); }
inline Point unit(Point a)
{
    const double l = length(a);
    return l > 1e-9 ? a * (1.0 / l) : Point{1, 0};
}
inline Point normalLeft(Point d) { return {d.y, -d.x}; } // left of the direction, y pointing down
// How far p is from the segment a-b.
inline double distanceToSegment(Point p, Point a, Point b)
{
    const Point ab = b - a;
    const double len2 = ab.x * ab.x + ab.y * ab.y;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2, 0.0, 1.0) : 0;
    return length(p - (a + ab * t));
}
// How near the segments a-b and c-d come (0 where they cross).
inline double distanceBetweenSegments(Point a, Point b, Point c, Point d)
{
    auto side = [](Point o, Point p, Point q) { return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x); };
    if ((side(a, b, c) > 0) != (side(a, b, d) > 0) && (side(c, d, a) > 0) != (side(c, d, b) > 0))
        return 0;
    return std::min({distanceToSegment(a, c, d), distanceToSegment(b, c, d), distanceToSegment(c, a, b),
                     distanceToSegment(d, a, b)});
}
// Whether segments p-q and r-s cross, each strictly separating the other's ends (touching or
// running along each other does not count): how straight links are judged before routing.
inline bool straightLinesCross(Point p, Point q, Point r, Point s)
{
    auto side = [](Point o, Point a, Point b) {
        const double c = (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
        return (c > 0) - (c < 0);
    };
    return side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0;
}

// An axis-aligned box round some points.
struct Bounds {
    double x0, y0, x1, y1;
};
// The bounds of a polyline's runs of `run` segments: the k-th holds points[run * k] to
// points[run * (k + 1)] (or to the last). Most pairs of segments, or a segment and a box, are
// told apart a run at a time.
std::vector<Bounds> runBounds(const std::vector<Point>& points, std::size_t run);

// The point halfway along a polyline, by length (its first point if it has no length; {} if empty).
Point halfwayAlong(const std::vector<Point>& points);

// The parameter t runs from 0 to pieces(): piece i covers [i, i+1].
class CubicPath {
public:
    CubicPath() = default;
    explicit CubicPath(std::vector<Point> points); // 1 + 3k points; fewer than 4 is empty
    static CubicPath line(Point a, Point b);

    const std::vector<Point>& points() const { return m_points; }
    int pieces() const { return m_points.size() < 4 ? 0 : int((m_points.size() - 1) / 3); }
    bool empty() const { return pieces() == 0; }
    // Inline: routing and judging evaluate paths millions of times a layout.
    Point at(double t) const
    {
        if (empty())
            return {};
        const Point* c = piece(t);
        return pointOf(c, t);
    }
    Point tangent(double t) const
    {
        if (empty())
            return {1, 0};
        const Point* c = piece(t);
        return tangentOf(c, t);
    }
    // The part between t0 and t1 (t0 < t1), itself a piecewise cubic.
    CubicPath segment(double t0, double t1) const;
    // Appends `other`, whose first point should be this path's last.
    void append(const CubicPath& other);
    // `perPiece` points a piece plus the end point: a polyline close to the curve.
    std::vector<Point> sample(int perPiece = 16) const;
    // Points along the path at most `step` apart (a cubic's speed is at most 3 times its
    // longest control leg), each piece from its start to its end.
    std::vector<Point> sampleEvery(double step) const;

private:
    // The control points of the piece t falls in; t becomes the parameter within it (0..1).
    const Point* piece(double& t) const
    {
        const int n = pieces();
        t = std::clamp(t, 0.0, double(n));
        const int i = std::min(int(t), n - 1);
        t -= i;
        return &m_points[std::size_t(i) * 3];
    }

    // One piece's point and tangent at s (0..1), from its four control points.
    static Point pointOf(const Point* c, double s)
    {
        const double u = 1 - s;
        return c[0] * (u * u * u) + c[1] * (3 * u * u * s) + c[2] * (3 * u * s * s) + c[3] * (s * s * s);
    }
    static Point tangentOf(const Point* c, double s)
    {
        const double u = 1 - s;
        return (c[1] - c[0]) * (3 * u * u) + (c[2] - c[1]) * (6 * u * s) + (c[3] - c[2]) * (3 * s * s);
    }

    std::vector<Point> m_points;
};

} // namespace causeway
