#include "layout/placement.h"

#include "layout/textmetrics.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace causeway::layout::detail {

namespace {

constexpr double pinTolerance = 0.5;

// Where the ray from a box's centre towards `towards` leaves the box.
Point borderPoint(Point centre, Size size, Point towards)
{
    const double dx = towards.x - centre.x;
    const double dy = towards.y - centre.y;
    if (dx == 0 && dy == 0)
        return centre;
    double t = 1.0;
    if (dx != 0)
        t = std::min(t, size.width / 2 / std::abs(dx));
    if (dy != 0)
        t = std::min(t, size.height / 2 / std::abs(dy));
    return {centre.x + dx * t, centre.y + dy * t};
}

Point centroid(const std::vector<Point>& points)
{
    Point sum;
    for (const Point& p : points) {
        sum.x += p.x;
        sum.y += p.y;
    }
    if (points.empty())
        return sum;
    return {sum.x / points.size(), sum.y / points.size()};
}

} // namespace

Size estimateSize(std::string_view label)
{
    // The box the canvas and the SVG export draw (layout/textmetrics.h), so a layout made
    // without them (causeway-cli layout) spaces factors as the editor would.
    const FactorBoxText box = layoutFactorBox(label);
    return {box.width, box.height};
}

Size sizeOf(const SystemMap& map, const LayoutOptions& options, FactorId id)
{
    if (auto it = options.sizes.find(id); it != options.sizes.end())
        return it->second;
    return estimateSize(map.factor(id).label);
}

bool isUnplaced(const Point& p)
{
    return p.x == 0 && p.y == 0;
}

void translate(LayoutResult& result, Point delta)
{
    for (auto& [id, p] : result.positions) {
        p.x += delta.x;
        p.y += delta.y;
    }
    for (LinkGeometry& link : result.links) {
        for (Point& p : link.curve) {
            p.x += delta.x;
            p.y += delta.y;
        }
    }
}

Point anchorShift(const std::map<FactorId, Point>& positions, const SystemMap& map)
{
    // Least-squares translation for the factors that had a place.
    std::vector<Point> before;
    std::vector<Point> after;
    for (const Factor& f : map.factors()) {
        if (!isUnplaced(f.position)) {
            before.push_back(f.position);
            after.push_back(positions.at(f.id));
        }
    }
    if (before.empty()) {
        for (const auto& [id, p] : positions)
            after.push_back(p);
    }
    const Point from = centroid(after);
    const Point to = centroid(before);
    return {to.x - from.x, to.y - from.y};
}

void anchor(LayoutResult& result, const SystemMap& map, const LayoutOptions& options)
{
    if (result.positions.empty())
        return;
    const std::vector<Factor> factors = map.factors();

    std::vector<const Factor*> pinned;
    if (options.keepPinned) {
        for (const Factor& f : factors) {
            if (f.pinned)
                pinned.push_back(&f);
        }
    }

    if (pinned.empty()) {
        translate(result, anchorShift(result.positions, map)); // the view does not jump
        return;
    }

    const Point first = result.positions.at(pinned.front()->id);
    translate(result, {pinned.front()->position.x - first.x, pinned.front()->position.y - first.y});

    std::set<FactorId> moved;
    for (const Factor* f : pinned) {
        Point& p = result.positions.at(f->id);
        if (std::hypot(p.x - f->position.x, p.y - f->position.y) > pinTolerance)
            moved.insert(f->id);
        p = f->position;
    }
    if (moved.empty())
        return;
    for (LinkGeometry& geometry : result.links) {
        const Link& link = map.link(geometry.id);
        if (moved.count(link.from) || moved.count(link.to)) {
            geometry.curve = straightCurve(result.positions.at(link.from), sizeOf(map, options, link.from),
                                           result.positions.at(link.to), sizeOf(map, options, link.to));
        }
    }
}

std::map<FactorId, Point> tidyPositions(const SystemMap& map, const LayoutOptions& options)
{
    std::map<FactorId, Point> placed;
    std::vector<FactorId> unplaced;
    for (const Factor& f : map.factors()) {
        if (isUnplaced(f.position))
            unplaced.push_back(f.id);
        else
            placed[f.id] = f.position;
    }
    if (placed.empty())
        return placed;

    // Rounds, so a chain of new factors grows outwards from the placed ones.
    int index = 0;
    for (bool progress = true; progress && !unplaced.empty();) {
        progress = false;
        std::map<FactorId, Point> seeded;
        for (FactorId id : unplaced) {
            Point sum;
            int count = 0;
            auto add = [&](FactorId other) {
                if (auto it = placed.find(other); it != placed.end()) {
                    sum.x += it->second.x;
                    sum.y += it->second.y;
                    ++count;
                }
            };
            for (LinkId l : map.outLinks(id))
                add(map.link(l).to);
            for (LinkId l : map.inLinks(id))
                add(map.link(l).from);
            if (count > 0) {
                // Below the neighbours, fanned out so siblings do not start stacked.
                seeded[id] = {sum.x / count + 50.0 * ((index % 3) - 1),
                              sum.y / count + 70.0 + 25.0 * (index / 3 % 3)};
                ++index;
            }
        }
        if (!seeded.empty()) {
            progress = true;
            placed.insert(seeded.begin(), seeded.end());
            std::erase_if(unplaced, [&](FactorId id) { return seeded.count(id) > 0; });
        }
    }

    if (!unplaced.empty()) {
        double left = placed.begin()->second.x;
        double bottom = placed.begin()->second.y;
        for (const auto& [id, p] : placed) {
            left = std::min(left, p.x);
            bottom = std::max(bottom, p.y);
        }
        double x = left;
        for (FactorId id : unplaced) {
            const Size size = sizeOf(map, options, id);
            placed[id] = {x + size.width / 2, bottom + 90};
            x += size.width + 20;
        }
    }
    return placed;
}

void straightenLinks(LayoutResult& result, const SystemMap& map, const LayoutOptions& options)
{
    for (LinkGeometry& link : result.links) {
        const Link& l = map.link(link.id);
        link.curve = straightCurve(result.positions.at(l.from), sizeOf(map, options, l.from),
                                   result.positions.at(l.to), sizeOf(map, options, l.to));
    }
}

std::vector<Point> straightCurve(Point from, Size fromSize, Point to, Size toSize)
{
    if (from == to) {
        const double right = from.x + fromSize.width / 2;
        const double reach = 30.0;
        return {{right, from.y - fromSize.height / 4},
                {right + reach, from.y - fromSize.height / 2 - 10},
                {right + reach, from.y + fromSize.height / 2 + 10},
                {right, from.y + fromSize.height / 4}};
    }
    const Point a = borderPoint(from, fromSize, to);
    const Point b = borderPoint(to, toSize, from);
    return {a,
            {a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3},
            {a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3},
            b};
}

} // namespace causeway::layout::detail
