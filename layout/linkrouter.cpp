#include "layout/linkrouter.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace causeway {
namespace {

struct Rect {
    double x0, y0, x1, y1;
    bool contains(Point p) const { return p.x > x0 && p.x < x1 && p.y > y0 && p.y < y1; }
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

Rect rectOf(const BoxShape& b, double grow)
{
    const double w = std::max(0.0, b.width / 2 + grow), h = std::max(0.0, b.height / 2 + grow);
    return {b.centre.x - w, b.centre.y - h, b.centre.x + w, b.centre.y + h};
}

// Whether the segment a-b runs through the inside of r (touching its edge does not count):
// Liang-Barsky clipping.
bool crosses(Point a, Point b, const Rect& r)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
    for (int i = 0; i < 4; ++i) {
        if (std::abs(p[i]) < 1e-12) {
            if (q[i] <= 0)
                return false; // parallel and outside (or on) this edge
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    // Inside for a stretch of positive length, not just a grazed corner.
    return (t1 - t0) * std::hypot(dx, dy) > 1e-6;
}

// The search: nodes 0 (start) and 1 (goal), then the grown corners of the blockers.
class Router {
public:
    Router(const BoxShape& from, const BoxShape& to, std::vector<Rect> blockers)
        : m_from(rectOf(from, -0.5)), m_to(rectOf(to, -0.5)), m_blockers(std::move(blockers))
    {
        m_nodes = {from.centre, to.centre};
        for (const Rect& r : m_blockers) {
            // Blockers are grown by clearance - 1: corners one unit further out see along edges.
            for (Point c : {Point{r.x0 - 1, r.y0 - 1}, Point{r.x1 + 1, r.y0 - 1},
                            Point{r.x0 - 1, r.y1 + 1}, Point{r.x1 + 1, r.y1 + 1}}) {
                if (m_from.contains(c) || m_to.contains(c))
                    continue;
                if (std::none_of(m_blockers.begin(), m_blockers.end(),
                                 [&](const Rect& b) { return b.contains(c); }))
                    m_nodes.push_back(c);
            }
        }
    }

    bool visible(std::size_t u, std::size_t v) const
    {
        const Point a = m_nodes[u], b = m_nodes[v];
        // A link leaves its source box and enters its target box once.
        if (u != 0 && v != 0 && crosses(a, b, m_from))
            return false;
        if (u != 1 && v != 1 && crosses(a, b, m_to))
            return false;
        return std::none_of(m_blockers.begin(), m_blockers.end(),
                            [&](const Rect& r) { return crosses(a, b, r); });
    }

    // A* over the visibility graph, edges tested lazily.
    std::vector<Point> shortest() const
    {
        const std::size_t n = m_nodes.size();
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<double> g(n, inf);
        std::vector<std::size_t> parent(n, n);
        std::vector<bool> done(n, false);
        using Entry = std::pair<double, std::size_t>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
        const Point goal = m_nodes[1];
        g[0] = 0;
        open.push({length(goal - m_nodes[0]), 0});
        while (!open.empty()) {
            const std::size_t u = open.top().second;
            open.pop();
            if (done[u])
                continue;
            done[u] = true;
            if (u == 1)
                break;
            for (std::size_t v = 1; v < n; ++v) {
                if (done[v])
                    continue;
                const double cost = g[u] + length(m_nodes[v] - m_nodes[u]);
                if (cost >= g[v] || !visible(u, v))
                    continue;
                g[v] = cost;
                parent[v] = u;
                open.push({cost + length(goal - m_nodes[v]), v});
            }
        }
        if (!done[1])
            return {};
        std::vector<Point> path;
        for (std::size_t v = 1; v != n; v = parent[v])
            path.push_back(m_nodes[v]);
        std::reverse(path.begin(), path.end());
        return path;
    }

private:
    Rect m_from, m_to;
    std::vector<Rect> m_blockers;
    std::vector<Point> m_nodes;
};

std::vector<Rect> blockersWithin(const std::vector<BoxShape>& obstacles, const Rect* window,
                                 double grow)
{
    std::vector<Rect> out;
    for (const BoxShape& b : obstacles) {
        const Rect r = rectOf(b, grow);
        if (!window || r.overlaps(*window))
            out.push_back(r);
    }
    return out;
}

} // namespace

bool pathHitsBoxes(const CubicPath& path, const std::vector<BoxShape>& boxes, double margin)
{
    const std::vector<Point> pts = path.sample(12);
    for (const BoxShape& b : boxes) {
        const Rect r = rectOf(b, margin);
        for (std::size_t i = 1; i < pts.size(); ++i)
            if (crosses(pts[i - 1], pts[i], r))
                return true;
    }
    return false;
}

std::vector<Point> routePolyline(const BoxShape& from, const BoxShape& to,
                                 const std::vector<BoxShape>& obstacles, const RouteStyle& style)
{
    const double grow = style.clearance - 1;
    // Most detours stay near the straight line: search a window around it first, since a
    // segment between two points of the window can only meet boxes that overlap it.
    const double reach = std::max(160.0, 0.6 * length(to.centre - from.centre));
    const Rect window{std::min(from.centre.x, to.centre.x) - reach, std::min(from.centre.y, to.centre.y) - reach,
                      std::max(from.centre.x, to.centre.x) + reach, std::max(from.centre.y, to.centre.y) + reach};
    std::vector<Point> path = Router(from, to, blockersWithin(obstacles, &window, grow)).shortest();
    if (path.empty())
        path = Router(from, to, blockersWithin(obstacles, nullptr, grow)).shortest();
    return path;
}

CubicPath roundCorners(const std::vector<Point>& polyline, const std::vector<BoxShape>& obstacles,
                       const RouteStyle& style)
{
    if (polyline.size() < 2)
        return {};
    for (double radius = style.cornerRadius;; radius = radius > 2 ? radius / 2 : 0) {
        CubicPath path;
        Point at = polyline.front();
        for (std::size_t i = 1; i + 1 < polyline.size(); ++i) {
            const Point p = polyline[i];
            const Point in = p - polyline[i - 1], out = polyline[i + 1] - p;
            const double r = std::min({radius, length(in) / 2, length(out) / 2});
            const Point a = p - unit(in) * r, b = p + unit(out) * r;
            path.append(CubicPath::line(at, a));
            // Handles towards the corner: a round turn inside the triangle a, p, b.
            path.append(CubicPath({a, a + (p - a) * 0.6, b + (p - b) * 0.6, b}));
            at = b;
        }
        path.append(CubicPath::line(at, polyline.back()));
        if (radius == 0 || !pathHitsBoxes(path, obstacles, 1))
            return path;
    }
}

} // namespace causeway
