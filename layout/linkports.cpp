// Link ends spread along a busy factor's border, each near where its link meets the box alone.

#include "layout/linkports.h"

#include "layout/cubicpath.h"
#include "layout/linkshapes.h"
#include "layout/untangle.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace causeway {
namespace {

// The ring a box's ends sit on: its border grown by `margin`, walked clockwise (y down) from the
// top-left corner by arc length.
struct Ring {
    double a, b; // half width and half height

    double perimeter() const { return 4 * (a + b); }

    double arcOf(Point d) const
    {
        if (std::abs(d.x) * b >= std::abs(d.y) * a) { // the left or right side
            const double y = std::clamp(d.y, -b, b);
            return d.x > 0 ? 2 * a + (y + b) : 4 * a + 2 * b + (b - y);
        }
        const double x = std::clamp(d.x, -a, a);
        return d.y < 0 ? x + a : 2 * a + 2 * b + (a - x);
    }

    Point pointAt(double s) const
    {
        const double p = perimeter();
        s = std::fmod(s, p);
        if (s < 0)
            s += p;
        if (s < 2 * a)
            return {-a + s, -b};
        if (s < 2 * a + 2 * b)
            return {a, -b + (s - 2 * a)};
        if (s < 4 * a + 2 * b)
            return {a - (s - 2 * a - 2 * b), b};
        return {-a, b - (s - 4 * a - 2 * b)};
    }
};

struct End {
    double s; // where it meets the box alone, on the ring
    double order; // where its approach a little further out projects on the ring: ends meeting
                  // at one point keep the order their links come in, so spreading crosses none
    bool tip;
    std::size_t link;
};

// Least-squares positions y (y[i+1] - y[i] >= gaps[i]) nearest `x`: isotonic regression of
// x - (the gaps before) by pooling adjacent violators.
std::vector<double> spreadInOrder(const std::vector<double>& x, const std::vector<double>& gaps)
{
    const std::size_t n = x.size();
    std::vector<double> before(n, 0);
    for (std::size_t i = 1; i < n; ++i)
        before[i] = before[i - 1] + gaps[i - 1];
    struct Block {
        double sum;
        std::size_t count;
        double mean() const { return sum / double(count); }
    };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < n; ++i) {
        blocks.push_back({x[i] - before[i], 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
            const Block last = blocks.back();
            blocks.pop_back();
            blocks.back().sum += last.sum;
            blocks.back().count += last.count;
        }
    }
    std::vector<double> y;
    y.reserve(n);
    for (const Block& block : blocks)
        for (std::size_t k = 0; k < block.count; ++k)
            y.push_back(block.mean() + before[y.size()]);
    return y;
}

// The ends on one box, moved apart when two heads crowd (positions on the ring, in `ends`' order).
std::vector<double> spreadOnRing(std::vector<End>& ends, double perimeter, const LinkStyle& style)
{
    std::sort(ends.begin(), ends.end(), [](const End& l, const End& r) { return l.order < r.order; });
    const std::size_t n = ends.size();
    auto wanted = [&](const End& l, const End& r) {
        if (l.tip && r.tip)
            return style.arrowWidth;
        return l.tip || r.tip ? style.arrowWidth / 2 : 2 * style.lineWidth;
    };
    std::vector<double> natural(n);
    for (std::size_t i = 0; i < n; ++i)
        natural[i] = ends[i].s;
    // Cut the ring open at its widest free stretch, where spreading is least likely to reach.
    std::size_t cut = 0;
    double widest = -1;
    bool crowded = false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1) % n;
        const double free = j == 0 ? ends[0].s + perimeter - ends[i].s : ends[j].s - ends[i].s;
        // Only heads that would read as one move the box's ends: a drawing where every head is
        // already apart keeps the lines the router chose.
        crowded = crowded || (ends[i].tip && ends[j].tip && free < style.arrowWidth / 2);
        const double room = j == 0 ? ends[0].order + perimeter - ends[i].order : ends[j].order - ends[i].order;
        if (room > widest) {
            widest = room;
            cut = j;
        }
    }
    if (!crowded)
        return natural;
    std::vector<double> x(n), gaps(n - 1);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (cut + k) % n;
        // On the turn of the ring nearest its order (the two may lie either side of the corner
        // where the ring's arc length starts).
        const double order = ends[i].order + (i < cut ? perimeter : 0);
        x[k] = ends[i].s + perimeter * std::round((order - ends[i].s) / perimeter);
        if (k + 1 < n)
            gaps[k] = wanted(ends[i], ends[(i + 1) % n]);
    }
    double wrap = wanted(ends[(cut + n - 1) % n], ends[cut]);
    const double total = std::accumulate(gaps.begin(), gaps.end(), wrap);
    if (total > perimeter) { // too many for the box: as evenly as it holds them
        for (double& g : gaps)
            g *= perimeter / total;
        wrap *= perimeter / total;
    }
    std::vector<double> y = spreadInOrder(x, gaps);
    if (y.back() - y.front() > perimeter - wrap + 1e-6) {
        // Both ends of the run pushed past the cut: spread over the whole ring, centred as before.
        const double span = perimeter - wrap, inRun = std::accumulate(gaps.begin(), gaps.end(), 0.0);
        std::vector<double> even(n, 0);
        for (std::size_t k = 1; k < n; ++k)
            even[k] = even[k - 1] + gaps[k - 1] * span / inRun;
        const double mean = std::accumulate(even.begin(), even.end(), 0.0) / double(n);
        const double centre = std::accumulate(x.begin(), x.end(), 0.0) / double(n);
        for (std::size_t k = 0; k < n; ++k)
            y[k] = centre + even[k] - mean;
    }
    std::vector<double> out(n);
    for (std::size_t k = 0; k < n; ++k)
        out[(cut + k) % n] = y[k];
    return out;
}

// Ends spread in the order their links approach a box can still cross a little further out: a
// link curving in from above and one coming from the left that meet the box's corner (SIR.mdl
// drawn loop-first, anticlockwise). Two ends of a kind spread on one box (both heads, or both
// tails) whose links, drawn, cross each other trade places when the two links then cross fewer
// lines in all. Only on maps small enough that no link's detour pays a toll for the lines it
// crosses (linkshapes.h kTolledFactors): the links drawn here are then exactly as drawn.
void uncrossSpreadEnds(const std::vector<DrawnLink>& links, const std::map<FactorId, BoxShape>& boxes,
                       const LinkStyle& style, std::vector<LinkPorts>& ports)
{
    if (boxes.size() > kTolledFactors)
        return;
    auto shapeOf = [&](std::size_t i) {
        const DrawnLink& l = links[i];
        return computeLinkLine(boxes.at(l.from), boxes.at(l.to), l.bend, l.curveApart,
                               obstaclesFor(boxes, l.from, l.to), ports[i], style, CrossingToll{});
    };
    // Each link as drawn (sampled), computed when first needed: most boxes have no such pair.
    std::vector<std::optional<SampledLine>> drawn(links.size());
    auto lineOf = [&](std::size_t i) -> const SampledLine& {
        if (!drawn[i])
            drawn[i] = links[i].shape && !(ports[i].start || ports[i].tip || ports[i].via) ? sampledLine(*links[i].shape)
                                                                                           : sampledLine(shapeOf(i));
        return *drawn[i];
    };
    auto crossings = [&](std::size_t i, const SampledLine& a, std::size_t j, const SampledLine& b) {
        return linkCrossings(a, links[i].from, links[i].to, b, links[j].from, links[j].to, boxes);
    };
    // Lines crossed by i and j drawn as `a` and `b` (each other once).
    auto crossedBoth = [&](std::size_t i, const SampledLine& a, std::size_t j, const SampledLine& b) {
        std::size_t n = crossings(i, a, j, b);
        for (std::size_t k = 0; k < links.size(); ++k)
            if (k != i && k != j && links[k].shape && links[k].from != links[k].to)
                n += crossings(i, a, k, lineOf(k)) + crossings(j, b, k, lineOf(k));
        return n;
    };
    for (std::size_t i = 0; i < links.size(); ++i) {
        for (std::size_t j = i + 1; j < links.size(); ++j) {
            if (!links[i].shape || !links[j].shape || links[i].from == links[i].to || links[j].from == links[j].to)
                continue;
            const bool heads = links[i].to == links[j].to && ports[i].tip && ports[j].tip;
            const bool tails = links[i].from == links[j].from && ports[i].start && ports[j].start;
            if ((!heads && !tails) || crossings(i, lineOf(i), j, lineOf(j)) == 0)
                continue;
            const std::size_t now = crossedBoth(i, lineOf(i), j, lineOf(j));
            const LinkPorts wasI = ports[i], wasJ = ports[j];
            if (heads)
                std::swap(ports[i].tip, ports[j].tip);
            if (tails)
                std::swap(ports[i].start, ports[j].start);
            const SampledLine a = sampledLine(shapeOf(i)), b = sampledLine(shapeOf(j));
            if (crossedBoth(i, a, j, b) < now) {
                drawn[i] = a;
                drawn[j] = b;
            } else {
                ports[i] = wasI;
                ports[j] = wasJ;
            }
        }
    }
}

} // namespace

std::vector<LinkPorts> spreadLinkEnds(const std::vector<DrawnLink>& links,
                                      const std::map<FactorId, BoxShape>& boxes, const LinkStyle& style)
{
    std::vector<LinkPorts> ports(links.size());
    std::map<FactorId, std::vector<End>> endsAt;
    const double approach = 40;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const DrawnLink& l = links[i];
        if (l.from == l.to || !l.shape)
            continue;
        const BoxShape& from = boxes.at(l.from);
        const BoxShape& to = boxes.at(l.to);
        const Ring fromRing{from.width / 2 + style.tipMargin, from.height / 2 + style.tipMargin};
        const Ring toRing{to.width / 2 + style.tipMargin, to.height / 2 + style.tipMargin};
        const Point out = l.shape->line.size() > 1 ? unit(l.shape->line[1] - l.shape->start) : Point{};
        const Point in = unit(l.shape->end - l.shape->tip);
        const Point s = l.shape->start - from.centre, t = l.shape->tip - to.centre;
        endsAt[l.from].push_back({fromRing.arcOf(s), fromRing.arcOf(s + out * approach), false, i});
        endsAt[l.to].push_back({toRing.arcOf(t), toRing.arcOf(t + in * approach), true, i});
    }
    for (auto& [id, ends] : endsAt) {
        if (ends.size() < 2)
            continue;
        const BoxShape& box = boxes.at(id);
        const Ring ring{box.width / 2 + style.tipMargin, box.height / 2 + style.tipMargin};
        const std::vector<double> placed = spreadOnRing(ends, ring.perimeter(), style);
        for (std::size_t k = 0; k < ends.size(); ++k) {
            if (std::abs(placed[k] - ends[k].s) < 0.5)
                continue;
            const Point p = ring.pointAt(placed[k]);
            if (ends[k].tip) {
                ports[ends[k].link].tip = p;
            } else { // a link leaves from the border itself
                const Point inward{std::clamp(p.x, -box.width / 2, box.width / 2),
                                   std::clamp(p.y, -box.height / 2, box.height / 2)};
                ports[ends[k].link].start = inward;
            }
        }
    }
    return ports;
}

LinkShape computeLineThrough(const BoxShape& from, const BoxShape& to, Point via, bool curveApart,
                             const std::vector<BoxShape>& obstacles, const LinkStyle& style)
{
    LinkPorts ports;
    ports.via = via;
    return computeLinkLine(from, to, std::nullopt, curveApart, obstacles, ports, style,
                           CrossingToll{});
}

std::vector<LinkPorts> arrangeLinks(const std::vector<DrawnLink>& links,
                                    const std::map<FactorId, BoxShape>& boxes, const LinkStyle& style,
                                    bool untangle)
{
    const std::vector<std::optional<Point>> vias =
        untangle ? untangleLinks(links, boxes, style) : std::vector<std::optional<Point>>(links.size());
    std::vector<DrawnLink> drawn = links;
    std::vector<LinkShape> moved(links.size());
    for (std::size_t i = 0; i < links.size(); ++i) {
        if (!vias[i])
            continue;
        const DrawnLink& l = links[i];
        // Spread by its line alone, drawn through its bend.
        moved[i] = computeLineThrough(boxes.at(l.from), boxes.at(l.to), *vias[i], l.curveApart,
                                      obstaclesFor(boxes, l.from, l.to), style);
        drawn[i].shape = &moved[i];
    }
    std::vector<LinkPorts> ports = spreadLinkEnds(drawn, boxes, style);
    for (std::size_t i = 0; i < links.size(); ++i)
        ports[i].via = vias[i];
    uncrossSpreadEnds(links, boxes, style, ports);
    return ports;
}

} // namespace causeway
