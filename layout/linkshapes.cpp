#include "layout/linkshapes.h"

#include "layout/cubicpath.h"
#include "layout/linkrouter.h"
#include "layout/untangle.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>

namespace causeway {

std::vector<BoxShape> obstaclesFor(const std::map<FactorId, BoxShape>& boxes, FactorId a, FactorId b)
{
    std::vector<BoxShape> out;
    out.reserve(boxes.size());
    for (const auto& [id, box] : boxes)
        if (id != a && id != b)
            out.push_back(box);
    return out;
}

OtherLines linesToCross(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes)
{
    if (map.factorCount() <= kTolledFactors)
        return {};
    std::vector<OtherLines::Line> lines;
    lines.reserve(map.linkCount());
    for (const Link& l : map.links()) {
        const auto from = boxes.find(l.from), to = boxes.find(l.to);
        if (l.from != l.to && from != boxes.end() && to != boxes.end())
            lines.push_back({from->second.centre, to->second.centre, l.from, l.to});
    }
    return OtherLines(std::move(lines));
}

LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                      const Link& link, const LinkStyle& style, const LinkPorts& ports)
{
    if (link.from == link.to)
        return computeSelfLoopShape(boxes.at(link.from), link.bend, style);
    return linkShapeIn(map, boxes, link, linesToCross(map, boxes), style, ports);
}

LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes, const Link& link,
                      const OtherLines& lines, const LinkStyle& style, const LinkPorts& ports, Marks marks)
{
    const BoxShape& from = boxes.at(link.from);
    if (link.from == link.to)
        return computeSelfLoopShape(from, link.bend, style);
    const bool apart = map.findLink(link.to, link.from).has_value();
    const BoxShape& to = boxes.at(link.to);
    const std::vector<BoxShape> obstacles = obstaclesFor(boxes, link.from, link.to);
    const CrossingToll toll{&lines, link.from, link.to};
    return marks == Marks::DelayedLinks && !link.delay
             ? computeLinkLine(from, to, link.bend, apart, obstacles, ports, style, toll)
             : computeLinkShape(from, to, link.bend, apart, obstacles, ports, style, toll);
}

namespace {

// `shapes` as arrangeLinks and untangleLinks take them, in id order.
std::vector<DrawnLink> drawnLinks(const SystemMap& map, const std::map<LinkId, LinkShape>& shapes)
{
    std::vector<DrawnLink> drawn;
    drawn.reserve(shapes.size());
    for (const auto& [id, shape] : shapes) {
        const Link& l = map.link(id);
        const bool apart = l.from != l.to && map.findLink(l.to, l.from).has_value();
        drawn.push_back({l.from, l.to, &shape, l.bend, apart});
    }
    return drawn;
}

} // namespace

std::vector<LinkPorts> arrangeLinks(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                    std::map<LinkId, LinkShape>& shapes, const LinkStyle& style, bool untangle,
                                    Marks marks)
{
    std::vector<LinkPorts> ports = arrangeLinks(drawnLinks(map, shapes), boxes, style, untangle);
    const OtherLines lines = linesToCross(map, boxes);
    std::size_t k = 0;
    for (auto& [id, shape] : shapes)
        if (const LinkPorts& p = ports[k++]; p.start || p.tip || p.via)
            shape = linkShapeIn(map, boxes, map.link(id), lines, style, p, marks);
    return ports;
}

Arranged arrangedAgain(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                       const std::map<LinkId, LinkShape>& shapes, const Arranged& before,
                       const std::map<FactorId, Point>& movedFrom, const std::set<LinkId>& rerouted,
                       const LinkStyle& style)
{
    Arranged now{arrangeLinks(drawnLinks(map, shapes), boxes, style, false), shapes};
    std::vector<BoxShape> moved;
    moved.reserve(movedFrom.size());
    for (const auto& [f, was] : movedFrom)
        moved.push_back(boxes.at(f));
    // The straight lines that moved (a detour pays to cross them), before and after.
    auto wasAt = [&](FactorId f) {
        const auto it = movedFrom.find(f);
        return it == movedFrom.end() ? boxes.at(f).centre : it->second;
    };
    std::vector<std::pair<Point, Point>> movedLines;
    for (const Link& l : map.links())
        if (l.from != l.to && (movedFrom.count(l.from) || movedFrom.count(l.to))) {
            movedLines.emplace_back(boxes.at(l.from).centre, boxes.at(l.to).centre);
            movedLines.emplace_back(wasAt(l.from), wasAt(l.to));
        }
    auto crossesMovedLine = [&](const std::vector<Point>& line) { // its control polygon holds it
        for (std::size_t i = 0; i + 1 < line.size(); ++i)
            for (const auto& [p, q] : movedLines)
                if (straightLinesCross(line[i], line[i + 1], p, q))
                    return true;
        return false;
    };
    const OtherLines lines = linesToCross(map, boxes);
    std::size_t k = 0;
    for (auto& [id, shape] : now.shapes) {
        const LinkPorts& p = now.ports[k];
        const LinkShape& was = before.shapes.at(id);
        const bool same = p == before.ports[k++] && !rerouted.count(id);
        const bool detourPaysMore = was.line.size() > 4 && crossesMovedLine(was.line);
        if (same && !detourPaysMore && !pathHitsBoxes(CubicPath(was.line), moved))
            shape = was;
        else if (p.start || p.tip || p.via)
            shape = linkShapeIn(map, boxes, map.link(id), lines, style, p);
    }
    return now;
}

std::map<LinkId, Point> untangledBends(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                       const LinkStyle& style, unsigned threads)
{
    std::map<LinkId, Point> bends;
    // Up to untangledMaxLinks the canvas untangles them as it draws; past untangledByLayoutMaxLinks
    // untangleLinks moves none, and routing every link first for it was most of a large map's
    // layout (a random 1,000-factor, 2,000-link map ~6.5 s -> ~0.9 s wall, the drawing the same).
    if (map.linkCount() <= untangledMaxLinks || map.linkCount() > untangledByLayoutMaxLinks)
        return bends;
    std::map<LinkId, LinkShape> shapes;
    const OtherLines lines = linesToCross(map, boxes);
    for (const Link& l : map.links())
        shapes[l.id] = linkShapeIn(map, boxes, l, lines, style);
    const std::vector<std::optional<Point>> vias = untangleLinks(
        drawnLinks(map, shapes), boxes, style, untangledByLayoutMaxLinks, laidOutBends, threads,
        KeptBends::Stored);
    std::size_t k = 0;
    for (const auto& [id, shape] : shapes)
        if (const std::optional<Point>& via = vias[k++])
            bends[id] = *via;
    return bends;
}

std::map<LinkId, LinkShape> computeLinkShapes(const SystemMap& map,
                                              const std::map<FactorId, BoxShape>& boxes,
                                              const LinkStyle& style, SignRoom room, Marks marks)
{
    std::map<LinkId, LinkShape> out;
    const OtherLines lines = linesToCross(map, boxes);
    for (const Link& l : map.links())
        out[l.id] = linkShapeIn(map, boxes, l, lines, style, {}, marks);
    arrangeLinks(map, boxes, out, style, true, marks);
    placeSigns(map, boxes, out, style, room);
    return out;
}

} // namespace causeway
