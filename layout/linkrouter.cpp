#include "layout/linkrouter.h"

#include "layout/boxgrid.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <optional>
#include <queue>
#include <unordered_map>

namespace causeway {
namespace {

using detail::Rect;
using detail::segmentCrossesRect;

Rect rectOf(const BoxShape& b, double grow)
{
    const double w = std::max(0.0, b.width / 2 + grow), h = std::max(0.0, b.height / 2 + grow);
    return {b.centre.x - w, b.centre.y - h, b.centre.x + w, b.centre.y + h};
}

// A way round that crosses fewer other links is taken only when it is at most this much longer
// than the straight line (so than the shortest way round): room to go round the other side of a
// box (110 wide, kept 12 clear). Taken further (round the edge of the whole drawing, where no line
// is crossed) the toll misjudges it, since the links it meets there are routed too, not straight.
// Measured on random maps at their positions (50 factors, 150 links packed at 4:3 / 100 and 300
// drawn by dot): the shortest ways 765 / 4,316 crossings; no limit 667 / 6,878; at most 150
// longer 707 / 3,993; 300 longer 683 / 4,121; 500 longer 667 / 4,864.
constexpr double kTolledDetour = 300;

// Below this many blockers a segment is tested against each of them: building the grid and
// walking its cells cost more than it saves (perf: a fifth of laying out an 11-factor model).
constexpr std::size_t kGridFrom = 32;

// The search: nodes 0 (start) and 1 (goal), then the grown corners of the blockers.
class Router {
public:
    // `indexed`: segments are tested only against the blockers near them (the same answers),
    // when there are enough of them for that to pay.
    // `window`: the search keeps inside it (the blockers are those that overlap it).
    // `toll`: what each other link's line crossed costs, no path longer than `longest` taken.
    Router(const BoxShape& from, const BoxShape& to, std::vector<Rect> blockers, const Rect* window,
           bool indexed, const CrossingToll* toll = nullptr, double longest = std::numeric_limits<double>::infinity())
        : m_from(rectOf(from, -0.5)), m_to(rectOf(to, -0.5)), m_blockers(std::move(blockers)),
          m_indexed(indexed && m_blockers.size() >= kGridFrom), m_toll(toll), m_longest(longest)
    {
        if (m_indexed)
            m_grid.emplace(m_blockers);
        // A corner outside the window could lead past a box that is not among the blockers.
        auto inWindow = [&](Point c) {
            return !window || (c.x >= window->x0 && c.x <= window->x1 && c.y >= window->y0 && c.y <= window->y1);
        };
        m_nodes = {from.centre, to.centre};
        for (const Rect& r : m_blockers) {
            // Blockers are grown by clearance - 1: corners one unit further out see along edges.
            for (Point c : {Point{r.x0 - 1, r.y0 - 1}, Point{r.x1 + 1, r.y0 - 1},
                            Point{r.x0 - 1, r.y1 + 1}, Point{r.x1 + 1, r.y1 + 1}}) {
                // A corner no path short enough passes is left out.
                if (m_from.contains(c) || m_to.contains(c) || !inWindow(c)
                    || length(c - from.centre) + length(to.centre - c) >= m_longest)
                    continue;
                if (!insideBlocker(c))
                    m_nodes.push_back(c);
            }
        }
    }

    bool visible(std::size_t u, std::size_t v) const
    {
        const Point a = m_nodes[u], b = m_nodes[v];
        // A link leaves its source box and enters its target box once.
        if (u != 0 && v != 0 && segmentCrossesRect(a, b, m_from))
            return false;
        if (u != 1 && v != 1 && segmentCrossesRect(a, b, m_to))
            return false;
        if (m_indexed)
            return !m_grid->segmentCrossesAny(a, b);
        return std::none_of(m_blockers.begin(), m_blockers.end(),
                            [&](const Rect& r) { return segmentCrossesRect(a, b, r); });
    }

    bool insideBlocker(Point c) const
    {
        if (m_indexed)
            return m_grid->containsPoint(c);
        return std::any_of(m_blockers.begin(), m_blockers.end(), [&](const Rect& b) { return b.contains(c); });
    }

    // A* over the visibility graph, edges tested lazily.
    std::vector<Point> shortest() const
    {
        const std::size_t n = m_nodes.size();
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<double> g(n, inf);
        std::vector<double> walked(n, 0); // the length of the way to each node (its cost less the toll)
        std::vector<std::size_t> parent(n, n);
        std::vector<bool> done(n, false);
        using Entry = std::pair<double, std::size_t>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
        const Point goal = m_nodes[1];
        std::vector<double> h(n); // the straight distance left: A*'s estimate
        for (std::size_t v = 0; v < n; ++v)
            h[v] = length(goal - m_nodes[v]);
        g[0] = 0;
        open.push({h[0], 0});
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
                // A bound below the distance (octagonal, shaved against rounding) rules most
                // nodes out before the exact length is worked out; the exact test decides.
                const Point d = m_nodes[v] - m_nodes[u];
                const double ax = std::abs(d.x), ay = std::abs(d.y);
                const double below = g[u] + std::max({ax, ay, 0.7071 * (ax + ay)}) * (1 - 1e-9);
                if (below >= g[v] || below + h[v] >= g[1])
                    continue;
                double cost = g[u] + length(d);
                // No better than the way to the goal already found: the entry would never be
                // taken before the goal (on a tie the goal, node 1, comes first), so the
                // visibility test is skipped. (The toll only adds to the cost: the straight
                // distance left stays an estimate never above what is left to pay.)
                if (cost >= g[v] || cost + h[v] >= g[1] || !visible(u, v))
                    continue;
                const double way = walked[u] + length(d);
                if (m_toll) { // the other links' lines crossed, the way kept short enough
                    if (way + h[v] >= m_longest)
                        continue;
                    cost += m_toll->perCrossing
                          * double(m_toll->lines->crossings(m_nodes[u], m_nodes[v], m_toll->from, m_toll->to, m_marks));
                    if (cost >= g[v] || cost + h[v] >= g[1])
                        continue;
                }
                g[v] = cost;
                walked[v] = way;
                parent[v] = u;
                open.push({cost + h[v], v});
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
    bool m_indexed;
    std::optional<detail::BoxGrid> m_grid; // over m_blockers, when indexed
    std::vector<Point> m_nodes;
    const CrossingToll* m_toll; // null: no lines to charge for
    double m_longest;
    mutable OtherLines::Marks m_marks; // OtherLines::crossings's
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
    if (pts.empty())
        return false;
    Bounds span{pts[0].x, pts[0].y, pts[0].x, pts[0].y};
    for (const Point p : pts)
        span = {std::min(span.x0, p.x), std::min(span.y0, p.y), std::max(span.x1, p.x), std::max(span.y1, p.y)};
    constexpr std::size_t kRun = 8; // segments told apart from a box at a time
    const std::vector<Bounds> runs = runBounds(pts, kRun);
    // A box the whole path, or a run of it, keeps to one side of (or just touches) is not hit
    // there, as segmentCrossesRect would find for every segment.
    auto apart = [](const Bounds& a, const Rect& r) {
        return a.x1 <= r.x0 || a.x0 >= r.x1 || a.y1 <= r.y0 || a.y0 >= r.y1;
    };
    for (const BoxShape& b : boxes) {
        const Rect r = rectOf(b, margin);
        if (apart(span, r))
            continue;
        for (std::size_t k = 0; k < runs.size(); ++k) {
            if (apart(runs[k], r))
                continue;
            for (std::size_t i = k * kRun + 1; i <= std::min((k + 1) * kRun, pts.size() - 1); ++i)
                if (segmentCrossesRect(pts[i - 1], pts[i], r))
                    return true;
        }
    }
    return false;
}

namespace {

std::vector<Point> route(const BoxShape& from, const BoxShape& to, const std::vector<BoxShape>& obstacles,
                         const RouteStyle& style, bool indexed, const CrossingToll& toll = {})
{
    const double grow = style.clearance - 1;
    // An end well inside a blocker (a bend point the untangling tried over a box) is reached by
    // no segment: every one ending there runs inside the blocker for at least the margin. Both
    // searches below would fail, after trying every pair of corners (a third of laying out
    // energy_tech_cld_v160.mdl went on such searches).
    constexpr double deep = 1e-3;
    auto buried = [&](Point p) {
        return std::any_of(obstacles.begin(), obstacles.end(), [&](const BoxShape& b) {
            const Rect r = rectOf(b, grow);
            return p.x > r.x0 + deep && p.x < r.x1 - deep && p.y > r.y0 + deep && p.y < r.y1 - deep;
        });
    };
    if (length(to.centre - from.centre) > deep && (buried(from.centre) || buried(to.centre)))
        return {};
    // Most detours stay near the straight line: search a window around it first, since a
    // segment between two points of the window can only meet boxes that overlap it.
    const double reach = std::max(160.0, 0.6 * length(to.centre - from.centre));
    const Rect window{std::min(from.centre.x, to.centre.x) - reach, std::min(from.centre.y, to.centre.y) - reach,
                      std::max(from.centre.x, to.centre.x) + reach, std::max(from.centre.y, to.centre.y) + reach};
    const bool tolled = toll.lines && !toll.lines->empty() && toll.perCrossing > 0;
    if (tolled) {
        // Paying for the lines crossed, no longer than the straight line by more than the limit
        // (so never more than that longer than the shortest way round): most detours are found
        // so; the others are taken the shortest way.
        const double longest = length(to.centre - from.centre) + kTolledDetour;
        std::vector<Point> path =
            Router(from, to, blockersWithin(obstacles, &window, grow), &window, indexed, &toll, longest).shortest();
        if (!path.empty())
            return path;
    }
    std::vector<Point> path = Router(from, to, blockersWithin(obstacles, &window, grow), &window, indexed).shortest();
    if (path.empty())
        path = Router(from, to, blockersWithin(obstacles, nullptr, grow), nullptr, indexed).shortest();
    return path;
}

} // namespace

namespace {

// What a route is found from, as two independent 64-bit fingerprints.
struct RouteKey {
    std::uint64_t a = 0, b = 0x6a09e667f3bcc908ULL;
    void add(std::uint64_t w)
    {
        a = fingerprintStep(a, w);
        b = fingerprintStep(b, ~w);
    }
    void add(double d) { add(std::bit_cast<std::uint64_t>(d)); }
    void add(const BoxShape& box)
    {
        add(box.centre.x);
        add(box.centre.y);
        add(box.width);
        add(box.height);
    }
    bool operator==(const RouteKey&) const = default;
};

struct RouteKeyHash {
    std::size_t operator()(const RouteKey& k) const { return std::size_t(k.a); }
};

// Routes found on this thread: a layout routes the same link between the same boxes many times
// over (a start judged, its links' ends spread, its signs placed, the drawing kept and drawn):
// laying out a random 100-factor, 300-link map searched 4,577 times for 2,393 different routes.
// Forgotten when full.
constexpr std::size_t kRoutesKept = 1 << 15;

} // namespace

std::vector<Point> routePolyline(const BoxShape& from, const BoxShape& to,
                                 const std::vector<BoxShape>& obstacles, const RouteStyle& style,
                                 const CrossingToll& toll)
{
    RouteKey key;
    key.add(from);
    key.add(to);
    key.add(std::uint64_t(obstacles.size()));
    for (const BoxShape& b : obstacles)
        key.add(b);
    key.add(style.clearance);
    const bool tolled = toll.lines && !toll.lines->empty() && toll.perCrossing > 0;
    key.add(std::uint64_t(tolled));
    if (tolled) {
        key.add(toll.lines->fingerprint());
        key.add(toll.from.value);
        key.add(toll.to.value);
        key.add(toll.perCrossing);
    }
    thread_local std::unordered_map<RouteKey, std::vector<Point>, RouteKeyHash> found;
    if (const auto it = found.find(key); it != found.end())
        return it->second;
    std::vector<Point> path = route(from, to, obstacles, style, true, toll);
    if (found.size() >= kRoutesKept)
        found.clear();
    found.emplace(key, path);
    return path;
}

std::vector<Point> detail::routePolylineTestingEveryBox(const BoxShape& from, const BoxShape& to,
                                                        const std::vector<BoxShape>& obstacles,
                                                        const RouteStyle& style)
{
    return route(from, to, obstacles, style, false);
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
