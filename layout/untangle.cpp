// Links that cross others tried through a few other places, kept where they cross fewer.

#include "layout/untangle.h"

#include "layout/crew.h"
#include "layout/cubicpath.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>

namespace causeway {

SampledLine sampledLine(const LinkShape& s)
{
    SampledLine out{CubicPath(s.line).sample(12), 1e300, 1e300, -1e300, -1e300, {}};
    out.points.push_back(s.tip);
    for (const Point p : out.points) {
        out.x0 = std::min(out.x0, p.x);
        out.y0 = std::min(out.y0, p.y);
        out.x1 = std::max(out.x1, p.x);
        out.y1 = std::max(out.y1, p.y);
    }
    out.runs = runBounds(out.points, kSampledRun);
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
        // b's segments in order, a run at a time: a run whose bounds miss this segment's is passed.
        for (std::size_t r0 = 0; r0 < b.runs.size(); ++r0) {
            const Bounds& run = b.runs[r0];
            if (run.x1 < px0 || run.x0 > px1 || run.y1 < py0 || run.y0 > py1)
                continue;
            const std::size_t j0 = r0 * kSampledRun + 1;
            for (std::size_t j = j0; j < std::min(b.points.size(), j0 + kSampledRun); ++j) {
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
    }
    return found.size();
}

// The bounds of the drawing as it stands: every box and every line (SampledLine's box, no points).
SampledLine drawingBounds(const std::map<FactorId, BoxShape>& boxes, const std::vector<SampledLine>& lines)
{
    SampledLine all{{}, 1e300, 1e300, -1e300, -1e300, {}};
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
// A curve sampled as finely as sampledLine turns under 25 degrees between two samples; a line
// turning this much at one point has a corner there.
constexpr double kCornerTurn = 1.0; // radians, about 57 degrees

// How far a line turns, either way, going on from step `a` to step `b` (radians).
double turnBetween(Point a, Point b)
{
    return std::abs(std::atan2(a.x * b.y - a.y * b.x, a.x * b.x + a.y * b.y));
}

} // namespace

bool doublesBack(const std::vector<Point>& points)
{
    std::vector<double> turn, step; // at each inner point: the turn there, the length before it
    for (std::size_t i = 1; i + 1 < points.size(); ++i) {
        const Point a = points[i] - points[i - 1], b = points[i + 1] - points[i];
        const double la = length(a), lb = length(b);
        if (la < 1e-9 || lb < 1e-9)
            continue;
        turn.push_back(turnBetween(a, b));
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

bool turnsAtACorner(const std::vector<Point>& points)
{
    // Each step against the last before it of any length: a corner rounded to nothing (where a
    // rounding would touch a box) is one point sampled many times over.
    std::optional<Point> last;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const Point b = points[i] - points[i - 1];
        if (length(b) < 1e-6)
            continue;
        if (last && turnBetween(*last, b) > kCornerTurn)
            return true;
        last = b;
    }
    return false;
}

std::size_t linkCrossings(const SampledLine& a, FactorId aFrom, FactorId aTo, const SampledLine& b, FactorId bFrom,
                          FactorId bTo, const std::map<FactorId, BoxShape>& boxes)
{
    return crossings(a, b, sharedEnds(aFrom, aTo, bFrom, bTo, boxes));
}

namespace {

// The links being untangled, each line as it is drawn so far.
struct Tangle {
    const std::vector<DrawnLink>& links;
    const std::map<FactorId, BoxShape>& boxes;
    const LinkStyle& style;
    KeptBends kept; // how the bends chosen are drawn
    std::vector<SampledLine> lines;
    SampledLine all; // the drawing's bounds, which a link moved keeps within

    Tangle(const std::vector<DrawnLink>& l, const std::map<FactorId, BoxShape>& b,
           const LinkStyle& s, KeptBends k)
        : links(l), boxes(b), style(s), kept(k), lines(l.size())
    {
        for (std::size_t i = 0; i < links.size(); ++i)
            if (links[i].shape)
                lines[i] = sampledLine(*links[i].shape);
        all = drawingBounds(boxes, lines);
    }

    bool movable(std::size_t i) const
    {
        return links[i].shape && !links[i].bend && links[i].from != links[i].to;
    }

    // Crossings of link i drawn as `line` with the others. Counting stops once past `limit`: a
    // line crossing more than the fewest found is not kept.
    std::size_t crossingsOf(std::size_t i, const SampledLine& line,
                            std::size_t limit = std::numeric_limits<std::size_t>::max()) const
    {
        std::size_t c = 0;
        for (std::size_t j = 0; j < links.size() && c <= limit; ++j)
            if (j != i && links[j].shape)
                c += crossings(line, lines[j], sharedEnds(links[i].from, links[i].to, links[j].from, links[j].to, boxes));
        return c;
    }

    // Fitted to a screen, the drawing keeps its size and shape, and so its labels' size.
    bool within(const SampledLine& line, const LinkShape& shape) const
    {
        const double r = style.signRadius;
        return line.x0 >= all.x0 && line.y0 >= all.y0 && line.x1 <= all.x1 && line.y1 <= all.y1
            && shape.sign.x - r >= all.x0 && shape.sign.y - r >= all.y0 && shape.sign.x + r <= all.x1
            && shape.sign.y + r <= all.y1;
    }

    // Link i drawn through `via` (offset from its chord's middle), if that misses every box, keeps
    // within the drawing and neither hooks nor turns at a corner.
    std::optional<SampledLine> through(std::size_t i, Point via, const std::vector<BoxShape>& obstacles) const
    {
        const BoxShape& from = boxes.at(links[i].from);
        const BoxShape& to = boxes.at(links[i].to);
        // A bend well outside the drawing cannot stay within it, and routing it would be wasted.
        const Point middle = (from.centre + to.centre) * 0.5 + via;
        if (middle.x < all.x0 - kOutside || middle.y < all.y0 - kOutside || middle.x > all.x1 + kOutside
            || middle.y > all.y1 + kOutside)
            return std::nullopt;
        const LinkShape shape = kept == KeptBends::Stored
            ? computeLinkLine(from, to, via, links[i].curveApart, obstacles, style)
            : computeLineThrough(from, to, via, links[i].curveApart, obstacles, style);
        if (pathHitsBoxes(CubicPath(shape.line), obstacles))
            return std::nullopt;
        SampledLine line = sampledLine(shape);
        if (!within(line, shape) || doublesBack(line.points) || turnsAtACorner(line.points))
            return std::nullopt;
        return line;
    }

    // Link i (crossing `now` others) tried through each bend: the one that crosses fewest, the
    // first on a tie (what trying them in turn keeps), if it crosses fewer than now.
    std::optional<Point> bestBend(std::size_t i, std::size_t now, std::span<const double> bends,
                                  layout::detail::Crew& crew)
    {
        const BoxShape& from = boxes.at(links[i].from);
        const BoxShape& to = boxes.at(links[i].to);
        const std::vector<BoxShape> obstacles = obstaclesFor(boxes, links[i].from, links[i].to);
        const double chord = std::max(length(to.centre - from.centre), 80.0);
        const Point side = normalLeft(unit(to.centre - from.centre));
        auto viaOf = [&](std::size_t k) { return side * ((k % 2 == 0 ? 1 : -1) * bends[k / 2] * chord); };
        std::vector<std::optional<SampledLine>> tried(bends.size() * 2);
        std::vector<std::size_t> crossed(tried.size(), 0);
        std::atomic<std::size_t> fewest{now - 1}; // kept only when it crosses fewer
        crew.run(tried.size(), [&](std::size_t k) { // each writes its own
            std::optional<SampledLine> line = through(i, viaOf(k), obstacles);
            if (!line)
                return;
            const std::size_t c = crossingsOf(i, *line, fewest.load());
            std::size_t f = fewest.load();
            if (c > f)
                return;
            while (c < f && !fewest.compare_exchange_weak(f, c))
                continue; // f is now what another thread stored
            tried[k] = std::move(line);
            crossed[k] = c;
        });
        std::optional<std::size_t> best;
        for (std::size_t k = 0; k < tried.size(); ++k)
            if (tried[k] && (!best || crossed[k] < crossed[*best]))
                best = k;
        if (!best)
            return std::nullopt;
        lines[i] = std::move(*tried[*best]);
        return viaOf(*best);
    }
};

} // namespace

std::vector<std::optional<Point>> untangleLinks(const std::vector<DrawnLink>& links,
                                                const std::map<FactorId, BoxShape>& boxes,
                                                const LinkStyle& style, std::size_t maxLinks,
                                                std::span<const double> bends, unsigned threads,
                                                KeptBends kept)
{
    const std::size_t n = links.size();
    std::vector<std::optional<Point>> vias(n);
    if (n > maxLinks)
        return vias;
    Tangle tangle(links, boxes, style, kept);
    layout::detail::Crew crew(threads);
    std::vector<std::size_t> count(n, 0);
    crew.run(n, [&](std::size_t i) { // each writes its own
        if (tangle.movable(i))
            count[i] = tangle.crossingsOf(i, tangle.lines[i]);
    });
    // The most tangled first: moving it may free the others.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return count[l] > count[r]; });
    for (const std::size_t i : order) {
        if (count[i] == 0)
            break;
        if (const std::size_t now = tangle.crossingsOf(i, tangle.lines[i]); now > 0)
            vias[i] = tangle.bestBend(i, now, bends, crew);
    }
    return vias;
}

} // namespace causeway
