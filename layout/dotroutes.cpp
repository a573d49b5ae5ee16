// Dot's routes as bends: a link dot curved is drawn through its curve's middle, where the drawing
// then reads better (layout/dotroutes.h).
#include "layout/dotroutes.h"

#include "layout/cubicpath.h"
#include "layout/judge.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace causeway::layout::detail {

namespace {

// A route no further than this from the straight line between the centres (a third of a one-line
// box's height) is drawn straight: the canvas's own curve is as close.
constexpr double kStraightEnough = 12;

} // namespace

std::map<LinkId, Point> routedBends(const LayoutResult& result, const SystemMap& map, bool atApex)
{
    std::map<LinkId, Point> bends;
    for (const LinkGeometry& routed : result.links) {
        const Link& link = map.link(routed.id);
        const CubicPath curve(routed.curve);
        if (link.from == link.to || curve.empty() || (link.bend && !link.bendByLayout)) // bent by hand: kept
            continue;
        const Point a = result.positions.at(link.from);
        const Point b = result.positions.at(link.to);
        const std::vector<Point> points = curve.sample();
        double away = 0;
        Point apex = points.front();
        for (const Point& p : points)
            if (const double d = distanceToSegment(p, a, b); d > away) {
                away = d;
                apex = p;
            }
        if (away > kStraightEnough)
            bends[routed.id] = (atApex ? apex : halfwayAlong(points)) - (a + b) * 0.5;
    }
    return bends;
}

Routed startOfRoutes(const SystemMap& map, const LayoutOptions& options, LayoutResult result)
{
    Routed r;
    r.routed = routedBends(result, map);
    if (map.linkCount() <= kRoutesToggledMaxLinks) // on larger maps (no toggling) the middles only
        r.apexes = routedBends(result, map, true);
    r.result = std::move(result);
    r.result.bends.clear();
    r.cost = costAsDrawn(map, options, r.result);
    for (const std::map<LinkId, Point>* every : {&r.routed, &r.apexes}) {
        if (every->empty())
            continue;
        LayoutResult bent = r.result;
        bent.bends = *every;
        if (const double all = costAsDrawn(map, options, bent, r.cost); all < r.cost) {
            r.cost = all;
            r.result = std::move(bent);
        }
    }
    return r;
}

void toggleRoutes(const SystemMap& map, const LayoutOptions& options, Routed& routed)
{
    LayoutResult& result = routed.result;
    auto bendOf = [&](LinkId id) {
        const auto it = result.bends.find(id);
        return it == result.bends.end() ? std::optional<Point>() : std::optional<Point>(it->second);
    };
    auto bend = [&](LinkId id, const std::optional<Point>& way) {
        if (way)
            result.bends[id] = *way;
        else
            result.bends.erase(id);
    };
    for (const auto& [id, middle] : routed.routed) {
        std::vector<std::optional<Point>> ways{std::nullopt, middle};
        if (const Point apex = routed.apexes.at(id); length(apex - middle) > kStraightEnough)
            ways.emplace_back(apex);
        for (const std::optional<Point>& way : ways) {
            const std::optional<Point> now = bendOf(id);
            if (way == now)
                continue;
            bend(id, way);
            if (const double tried = costAsDrawn(map, options, result, routed.cost);
                tried < routed.cost)
                routed.cost = tried;
            else
                bend(id, now);
        }
    }
}

} // namespace causeway::layout::detail
