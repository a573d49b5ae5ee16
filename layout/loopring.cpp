#include "layout/loopring.h"

#include "layout/cubicpath.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

namespace causeway::layout::detail {

namespace {

constexpr double kRingGap = 40;   // between neighbours on a ring, along the chord
constexpr double kArcMargin = 16; // outside a ring's circle: a sign (13) on the arc, and the stroke

// The radius at which neighbours on a ring of `members` clear each other: the chord
// 2 r sin(pi / k) holds them.
double ringRadius(const std::vector<FactorId>& members, const std::map<FactorId, Size>& sizes)
{
    const std::size_t k = members.size();
    double radius = 70;
    for (std::size_t i = 0; i < k; ++i) {
        const Size a = sizes.at(members[i]), b = sizes.at(members[(i + 1) % k]);
        const double need = std::max((a.width + b.width) / 2, (a.height + b.height) / 2) + kRingGap;
        radius = std::max(radius, need / (2 * std::sin(std::numbers::pi / double(k))));
    }
    return radius;
}

// Gap between boxes on a ring that are not neighbours round it.
constexpr double kLooseRingGap = 30;

// The radii of the ellipse a ring's factors sit on, evenly spaced by angle: the flattest or
// tallest that keeps every two boxes apart along one axis (neighbours by kRingGap, room for an
// arc and its sign between them; others by kLooseRingGap), with the least area. Boxes are taken
// at the ring's widest and tallest, so any turn of the ring clears.
std::pair<double, double> ovalRadii(const std::vector<FactorId>& members, const std::map<FactorId, Size>& sizes)
{
    const std::size_t k = members.size();
    double w = 0, h = 0;
    for (const FactorId id : members) {
        w = std::max(w, sizes.at(id).width);
        h = std::max(h, sizes.at(id).height);
    }
    std::vector<double> cosines, sines;
    for (std::size_t i = 0; i < k; ++i) {
        const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * double(i) / double(k); // as drawn
        cosines.push_back(std::cos(angle));
        sines.push_back(std::sin(angle));
    }
    std::pair<double, double> best{0, 0};
    double bestArea = 0;
    for (int step = 0; step <= 26; ++step) {
        const double ratio = 0.3 + 0.05 * step; // height / width, 0.3 to 1.6
        double rx = w / 2 + kArcMargin + kRingGap / 2;
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = i + 1; j < k; ++j) {
                const bool neighbours = j == i + 1 || (i == 0 && j == k - 1);
                const double gap = neighbours ? kRingGap : kLooseRingGap;
                const double dc = std::abs(cosines[i] - cosines[j]), ds = std::abs(sines[i] - sines[j]);
                const double byX = dc > 1e-9 ? (w + gap) / dc : 1e300;
                const double byY = ds > 1e-9 ? (h + gap) / (ratio * ds) : 1e300;
                rx = std::max(rx, std::min(byX, byY));
            }
        const double ry = std::max(rx * ratio, h / 2 + kArcMargin + kRingGap / 2);
        const double area = (2 * rx + w) * (2 * ry + h);
        if (bestArea == 0 || area < bestArea) {
            bestArea = area;
            best = {rx, ry};
        }
    }
    return best;
}

Point centreOf(const Ring& ring, const std::map<FactorId, Point>& positions)
{
    Point sum{0, 0};
    for (const FactorId id : ring.members)
        sum = sum + positions.at(id);
    return sum * (1.0 / double(ring.members.size()));
}

// Total length of the links between the ring's factors and factors off it.
double outerLinkLength(const std::set<FactorId>& on, const std::vector<const Link*>& links,
                       const std::map<FactorId, Point>& positions)
{
    double sum = 0;
    for (const Link* l : links)
        if (on.count(l->from) != on.count(l->to))
            sum += length(positions.at(l->from) - positions.at(l->to));
    return sum;
}

} // namespace

RingDrawing drawRing(const std::vector<FactorId>& members, const std::map<FactorId, Size>& sizes,
                     LoopDirection direction, bool oval)
{
    const std::size_t k = members.size();
    RingDrawing d;
    const double circle = oval ? 0 : ringRadius(members, sizes);
    const auto [rx, ry] = oval ? ovalRadii(members, sizes) : std::pair{circle, circle};
    d.ring = {members, rx, ry};
    // y points down: angles growing from the top go round clockwise on the screen.
    const double turn = direction == LoopDirection::Clockwise ? 1.0 : -1.0;
    double halfW = kArcMargin, halfH = kArcMargin;
    for (std::size_t i = 0; i < k; ++i) {
        const double angle = -std::numbers::pi / 2 + turn * 2 * std::numbers::pi * double(i) / double(k);
        d.offsets.emplace_back(members[i], Point{std::cos(angle) * rx, std::sin(angle) * ry});
        halfW = std::max(halfW, sizes.at(members[i]).width / 2);
        halfH = std::max(halfH, sizes.at(members[i]).height / 2);
    }
    d.half = {rx + halfW, ry + halfH};
    return d;
}

void turnRings(const std::vector<Ring>& rings, const SystemMap& map, std::map<FactorId, Point>& positions)
{
    const std::vector<Link> all = map.links();
    for (int pass = 0; pass < 2; ++pass) {
        for (const Ring& ring : rings) {
            const std::set<FactorId> on(ring.members.begin(), ring.members.end());
            std::vector<const Link*> outer;
            for (const Link& l : all)
                if (on.count(l.from) != on.count(l.to))
                    outer.push_back(&l);
            std::vector<Point> slots;
            for (const FactorId id : ring.members)
                slots.push_back(positions.at(id));
            const std::size_t k = slots.size();
            std::size_t best = 0;
            double bestLength = 0;
            for (std::size_t s = 0; s < k; ++s) {
                for (std::size_t i = 0; i < k; ++i)
                    positions[ring.members[i]] = slots[(i + s) % k];
                const double len = outerLinkLength(on, outer, positions);
                if (s == 0 || len < bestLength - 1e-6) {
                    best = s;
                    bestLength = len;
                }
            }
            for (std::size_t i = 0; i < k; ++i)
                positions[ring.members[i]] = slots[(i + best) % k];
        }
    }
}

std::map<LinkId, Point> ringBends(const std::vector<Ring>& rings, const SystemMap& map,
                                  const std::map<FactorId, Point>& positions, LoopDirection direction)
{
    const double turn = direction == LoopDirection::Clockwise ? 1.0 : -1.0;
    std::map<LinkId, Point> bends;
    for (const Ring& ring : rings) {
        const Point c = centreOf(ring, positions);
        const std::size_t k = ring.members.size();
        for (std::size_t i = 0; i < k; ++i) {
            const FactorId a = ring.members[i], b = ring.members[(i + 1) % k];
            const auto link = map.findLink(a, b);
            if (!link)
                continue;
            const Point pa = positions.at(a) - c;
            const double angle = std::atan2(pa.y / ring.radiusY, pa.x / ring.radiusX) + turn * std::numbers::pi / double(k);
            const Point middle = c + Point{std::cos(angle) * ring.radiusX, std::sin(angle) * ring.radiusY};
            bends[*link] = middle - (positions.at(a) + positions.at(b)) * 0.5;
        }
    }
    return bends;
}

} // namespace causeway::layout::detail
