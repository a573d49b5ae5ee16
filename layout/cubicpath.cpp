#include "layout/cubicpath.h"

#include <algorithm>
#include <cmath>

namespace causeway {

Point halfwayAlong(const std::vector<Point>& points)
{
    double total = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        total += length(points[i] - points[i - 1]);
    double walked = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const double step = length(points[i] - points[i - 1]);
        if (walked + step >= total / 2 && step > 0)
            return points[i - 1] + (points[i] - points[i - 1]) * ((total / 2 - walked) / step);
        walked += step;
    }
    return points.empty() ? Point{} : points.front();
}

std::vector<Bounds> runBounds(const std::vector<Point>& points, std::size_t run)
{
    std::vector<Bounds> out;
    out.reserve(points.size() / run + 1);
    for (std::size_t first = 0; first + 1 < points.size(); first += run) {
        Bounds b{points[first].x, points[first].y, points[first].x, points[first].y};
        for (std::size_t k = first + 1; k <= std::min(first + run, points.size() - 1); ++k)
            b = {std::min(b.x0, points[k].x), std::min(b.y0, points[k].y), std::max(b.x1, points[k].x),
                 std::max(b.y1, points[k].y)};
        out.push_back(b);
    }
    return out;
}

CubicPath::CubicPath(std::vector<Point> points) : m_points(std::move(points))
{
    if (m_points.size() < 4 || (m_points.size() - 1) % 3 != 0)
        m_points.clear();
}

CubicPath CubicPath::line(Point a, Point b)
{
    return CubicPath({a, a + (b - a) * (1.0 / 3.0), a + (b - a) * (2.0 / 3.0), b});
}

CubicPath CubicPath::segment(double t0, double t1) const
{
    const int n = pieces();
    if (n == 0)
        return {};
    t0 = std::clamp(t0, 0.0, double(n));
    t1 = std::clamp(t1, t0, double(n));
    std::vector<Point> out{at(t0)};
    // Cut piece by piece; each cut is again a cubic whose handles are the piece's tangents
    // scaled by the share of its parameter kept (de Casteljau).
    double a = t0;
    do {
        const int i = std::min(int(a), n - 1);
        const double b = std::min(t1, double(i + 1));
        const double k = (b - a) / 3.0;
        const Point* piece = &m_points[std::size_t(i) * 3];
        const double sa = std::clamp(a - i, 0.0, 1.0), sb = std::clamp(b - i, 0.0, 1.0);
        const Point pb = pointOf(piece, sb);
        out.push_back(out.back() + tangentOf(piece, sa) * k);
        out.push_back(pb - tangentOf(piece, sb) * k);
        out.push_back(pb);
        a = b;
    } while (a < t1 - 1e-12);
    return CubicPath(std::move(out));
}

void CubicPath::append(const CubicPath& other)
{
    if (other.empty())
        return;
    if (empty()) {
        m_points = other.m_points;
        return;
    }
    m_points.insert(m_points.end(), other.m_points.begin() + 1, other.m_points.end());
}

std::vector<Point> CubicPath::sample(int perPiece) const
{
    std::vector<Point> out;
    const int n = pieces();
    if (n == 0)
        return out;
    out.reserve(std::size_t(n) * std::size_t(perPiece) + 1);
    for (int i = 0; i < n; ++i)
        for (int k = 0; k < perPiece; ++k)
            out.push_back(at(i + double(k) / perPiece));
    out.push_back(m_points.back());
    return out;
}

std::vector<Point> CubicPath::sampleEvery(double step) const
{
    std::vector<Point> out;
    const std::vector<Point>& p = m_points;
    for (int i = 0; i < pieces(); ++i) {
        const std::size_t k0 = 3 * std::size_t(i);
        const double leg = std::max({length(p[k0 + 1] - p[k0]), length(p[k0 + 2] - p[k0 + 1]),
                                     length(p[k0 + 3] - p[k0 + 2])});
        // At most kMaxSteps a piece: a path across an absurd drawing is sampled coarsely.
        constexpr double kMaxSteps = 4096;
        const double wanted = std::ceil(3 * leg / step);
        const int steps = wanted >= 1 ? int(std::min(wanted, kMaxSteps)) : 1; // also when NaN
        for (int k = 0; k <= steps; ++k)
            out.push_back(at(i + double(k) / steps));
    }
    return out;
}

} // namespace causeway
