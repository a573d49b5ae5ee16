// Dot's routes as bends: a link dot curved is drawn through its curve's middle, where the drawing
// then reads better (layout/dotroutes.h).
#include "layout/dotroutes.h"

#include "layout/cubicpath.h"
#include "layout/judge.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace causeway::layout::detail {

namespace {

// A route no further than this from the straight line between the centres (a third of a one-line
// box's height) is drawn straight: the canvas's own curve is as close.
constexpr double kStraightEnough = 12;

// The point halfway along a polyline.
Point halfwayAlong(const std::vector<Point>& points)
{
    double total = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        total += length(points[i] - points[i - 1]);
    double walked = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const double step = length(points[i] - points[i - 1]);
        if (step > 0 && walked + step >= total / 2)
            return points[i - 1] + (points[i] - points[i - 1]) * ((total / 2 - walked) / step);
        walked += step;
    }
    return points.front();
}

// What the default layout's judge makes of the drawing with these bends as the canvas draws it
// (links on maps of up to 40 untangled, which the judge does only up to 16 factors); at least
// `bound` when the drawing without its signs already costs that (costOfArranged).
double judgedAsDrawn(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result,
                     double bound = noBound)
{
    SystemMap drawn = map;
    applyLayout(drawn, result);
    const std::map<FactorId, BoxShape> boxes = boxesOf(drawn, options, result);
    std::map<LinkId, LinkShape> shapes = linkShapesAlone(drawn, boxes, options.link);
    return costOfArranged(drawn, options, boxes, shapes, true, bound);
}

} // namespace

std::map<LinkId, Point> routedBends(const LayoutResult& result, const SystemMap& map)
{
    std::map<LinkId, Point> bends;
    for (const LinkGeometry& routed : result.links) {
        const Link& link = map.link(routed.id);
        const CubicPath curve(routed.curve);
        if (link.from == link.to || curve.empty())
            continue;
        const Point a = result.positions.at(link.from);
        const Point b = result.positions.at(link.to);
        const std::vector<Point> points = curve.sample();
        double away = 0;
        for (const Point& p : points)
            away = std::max(away, distanceToSegment(p, a, b));
        if (away > kStraightEnough)
            bends[routed.id] = halfwayAlong(points) - (a + b) * 0.5;
    }
    return bends;
}

Routed startOfRoutes(const SystemMap& map, const LayoutOptions& options, LayoutResult result)
{
    Routed r;
    r.routed = routedBends(result, map);
    r.result = std::move(result);
    r.result.bends.clear();
    r.cost = judgedAsDrawn(map, options, r.result);
    r.result.bends = r.routed;
    if (const double all = judgedAsDrawn(map, options, r.result, r.cost); all < r.cost)
        r.cost = all;
    else
        r.result.bends.clear();
    return r;
}

void toggleRoutes(const SystemMap& map, const LayoutOptions& options, Routed& routed)
{
    LayoutResult& result = routed.result;
    for (const auto& [id, bend] : routed.routed) {
        const bool had = result.bends.erase(id) > 0;
        if (!had)
            result.bends[id] = bend;
        if (const double toggled = judgedAsDrawn(map, options, result, routed.cost); toggled < routed.cost)
            routed.cost = toggled;
        else if (had)
            result.bends[id] = bend;
        else
            result.bends.erase(id);
    }
}

} // namespace causeway::layout::detail
