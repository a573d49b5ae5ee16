#include "layout/linkshapes.h"

#include "layout/cubicpath.h"

#include <algorithm>
#include <cmath>
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

LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                      const Link& link, const LinkStyle& style, const LinkPorts& ports)
{
    const BoxShape& from = boxes.at(link.from);
    if (link.from == link.to)
        return computeSelfLoopShape(from, link.bend, style);
    const bool apart = map.findLink(link.to, link.from).has_value();
    return computeLinkShape(from, boxes.at(link.to), link.bend, apart,
                            obstaclesFor(boxes, link.from, link.to), ports, style);
}

namespace {

bool onABox(Point c, double r, const std::vector<BoxShape>& boxes)
{
    return std::any_of(boxes.begin(), boxes.end(), [&](const BoxShape& b) { return circleOverlapsBox(c, r, b); });
}

} // namespace

namespace {

// Where a link's sign may go, best first: on the line, from just before the arrow head back to
// the source box (never onto the head itself); then, for a link too short to hold a sign between
// its boxes, beside the arrow head and then beside the line, touching them (where Vensim puts
// polarity), on either side.
std::vector<Point> signPlaces(const LinkShape& s, const LinkStyle& style)
{
    const double r = style.signRadius;
    std::vector<Point> places;
    const CubicPath line(s.line);
    const int steps = 48 * std::max(1, line.pieces());
    std::vector<Point> back; // from the arrow base to the source box
    for (int i = steps; i >= 0; --i)
        back.push_back(line.at(double(line.pieces()) * i / steps));
    for (const Point p : back)
        if (length(p - s.end) >= style.signGap + r - 1)
            places.push_back(p);
    const Point head = unit(s.tip - s.end);
    for (int i = 0; i <= 8; ++i) { // beside the head, from its tip to its base
        const Point p = s.tip + (s.end - s.tip) * (i / 8.0);
        for (const double side : {1.0, -1.0})
            places.push_back(p + normalLeft(head) * (side * (r + style.arrowWidth / 2 + 1)));
    }
    // Last, where links crowd into a busy box: one sign's width further out, still reading as
    // this line's (nothing else is nearer).
    for (const double off : {r + style.lineWidth / 2 + 1, 2 * r + style.lineWidth / 2 + 2}) {
        for (std::size_t i = 1; i < back.size(); ++i) {
            const Point along = unit(back[i - 1] - back[i]);
            for (const double side : {1.0, -1.0})
                places.push_back(back[i] + normalLeft(along) * (side * off));
        }
    }
    return places;
}

} // namespace

std::vector<Point> separateSigns(const std::vector<const LinkShape*>& shapes,
                                 const std::vector<BoxShape>& boxes, const LinkStyle& style)
{
    const double r = style.signRadius;
    std::vector<Point> placed;
    placed.reserve(shapes.size());
    // Clear of every sign placed so far but the one at `self`.
    auto clearOfSigns = [&](Point p, std::size_t self) {
        for (std::size_t j = 0; j < placed.size(); ++j) {
            // Far apart in x or y is far apart (and cheaper to see than the distance).
            const Point d = p - placed[j];
            if (j != self && std::abs(d.x) < 2 * r + 1 && std::abs(d.y) < 2 * r + 1 && length(d) < 2 * r + 1)
                return false;
        }
        return true;
    };
    auto clear = [&](const LinkShape& s, Point p, std::size_t self) {
        return clearOfSigns(p, self) && !onABox(p, r, boxes) && distanceToDelayMark(s, p) >= r + 1;
    };
    auto clearPlace = [&](const LinkShape& s, std::size_t self) -> std::optional<Point> {
        const std::vector<Point> places = signPlaces(s, style);
        const auto found = std::find_if(places.begin(), places.end(), [&](Point p) { return clear(s, p, self); });
        return found == places.end() ? std::nullopt : std::optional<Point>(*found);
    };
    for (const LinkShape* s : shapes) {
        Point sign = s->sign;
        if (!clear(*s, sign, shapes.size()))
            sign = clearPlace(*s, shapes.size()).value_or(sign);
        placed.push_back(sign);
    }
    // A sign left on another (no clear place when it came) may find one once the signs placed
    // before it move: a few rounds over the ones still in the way, each clear of all the others.
    for (int round = 0; round < 3; ++round) {
        bool moved = false;
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            if (clear(*shapes[i], placed[i], i))
                continue;
            if (const std::optional<Point> p = clearPlace(*shapes[i], i)) {
                placed[i] = *p;
                moved = true;
            }
        }
        if (!moved)
            break;
    }
    return placed;
}

void arrangeLinks(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                 std::map<LinkId, LinkShape>& shapes, const LinkStyle& style, bool untangle)
{
    std::vector<DrawnLink> drawn;
    drawn.reserve(shapes.size());
    for (const auto& [id, shape] : shapes) {
        const Link& l = map.link(id);
        const bool apart = l.from != l.to && map.findLink(l.to, l.from).has_value();
        drawn.push_back({l.from, l.to, &shape, l.bend.has_value(), apart});
    }
    const std::vector<LinkPorts> ports = arrangeLinks(drawn, boxes, style, untangle);
    std::size_t k = 0;
    for (auto& [id, shape] : shapes)
        if (const LinkPorts& p = ports[k++]; p.start || p.tip || p.via)
            shape = linkShapeIn(map, boxes, map.link(id), style, p);
}

std::map<LinkId, LinkShape> computeLinkShapes(const SystemMap& map,
                                              const std::map<FactorId, BoxShape>& boxes,
                                              const LinkStyle& style)
{
    std::map<LinkId, LinkShape> out;
    for (const Link& l : map.links())
        out[l.id] = linkShapeIn(map, boxes, l, style);
    arrangeLinks(map, boxes, out, style);
    placeSigns(boxes, out, style);
    return out;
}

void placeSigns(const std::map<FactorId, BoxShape>& boxes, std::map<LinkId, LinkShape>& shapes,
                const LinkStyle& style)
{
    std::vector<const LinkShape*> all;
    all.reserve(shapes.size());
    for (const auto& [id, shape] : shapes)
        all.push_back(&shape);
    std::vector<BoxShape> boxList;
    boxList.reserve(boxes.size());
    for (const auto& [id, box] : boxes)
        boxList.push_back(box);
    const std::vector<Point> signs = separateSigns(all, boxList, style);
    std::size_t i = 0;
    for (auto& [id, shape] : shapes)
        shape.sign = signs[i++];
}

} // namespace causeway
