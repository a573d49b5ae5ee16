#include "maps.h"

#include "layout/cubicpath.h"
#include "layout/textmetrics.h"
#include "model/looplabels.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <utility>

namespace causeway::testing {

std::map<FactorId, BoxShape> laidOutByDefault(SystemMap& map, bool signsOffLines)
{
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    options.signsOffLines = signsOffLines;
    layout::applyLayout(map, layout::computeLayout(map, options)); // as the editor stores it
    return canvasBoxes(map);
}

std::map<FactorId, BoxShape> canvasBoxes(const SystemMap& map)
{
    std::map<FactorId, BoxShape> boxes;
    for (const Factor& f : map.factors()) {
        const FactorBoxText text = layoutFactorBox(f.label);
        boxes[f.id] = BoxShape{f.position, text.width, text.height};
    }
    return boxes;
}

SystemMap randomMap(std::size_t factors, std::size_t links, std::uint32_t seed)
{
    static const char* words[] = {"stress", "trust", "funding", "staff turnover", "waiting times",
                                  "community cohesion", "capacity", "demand", "morale", "outcomes",
                                  "public awareness of services", "costs", "access", "quality"};
    std::mt19937 rng(seed);
    SystemMap map;
    std::vector<FactorId> ids;
    for (std::size_t i = 0; i < factors; ++i) {
        Factor f;
        f.label = std::string(words[rng() % std::size(words)]) + " " + std::to_string(i);
        ids.push_back(map.addFactor(f));
    }
    std::set<std::pair<std::size_t, std::size_t>> used;
    const std::size_t possible = factors * (factors - 1);
    while (used.size() < std::min(links, possible)) {
        const std::size_t a = rng() % factors;
        const std::size_t b = rng() % factors;
        if (a == b || !used.insert({a, b}).second)
            continue;
        Link l;
        l.from = ids[a];
        l.to = ids[b];
        l.polarity = rng() % 3 == 0 ? Polarity::Negative : Polarity::Positive;
        map.addLink(l);
    }
    return map;
}

FactorId addFactor(SystemMap& map, const std::string& label)
{
    Factor f;
    f.label = label;
    return map.addFactor(f);
}

LinkId addLink(SystemMap& map, FactorId from, FactorId to, Polarity polarity)
{
    Link l;
    l.from = from;
    l.to = to;
    l.polarity = polarity;
    return map.addLink(l);
}

void placeOnGrid(SystemMap& map, double dx, double dy)
{
    const auto ids = map.factorIds();
    const auto columns = static_cast<std::size_t>(std::ceil(std::sqrt(double(ids.size()))));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::size_t row = i / columns, column = i % columns;
        map.moveFactor(ids[i], {100 + dx * double(column), 50 + dy * double(row)});
    }
}

std::map<FactorId, layout::Size> boxSizes(const SystemMap& map)
{
    std::map<FactorId, layout::Size> sizes;
    for (const Factor& f : map.factors())
        sizes[f.id] = {7.5 * double(f.label.size()) + 16, 36};
    return sizes;
}

double distanceToBox(Point p, Point centre, layout::Size size)
{
    const double dx = std::max(0.0, std::abs(p.x - centre.x) - size.width / 2);
    const double dy = std::max(0.0, std::abs(p.y - centre.y) - size.height / 2);
    return std::hypot(dx, dy);
}

double distanceToBox(Point p, const BoxShape& box)
{
    return distanceToBox(p, box.centre, {box.width, box.height});
}

std::size_t overlappingPairs(const layout::LayoutOptions& options, const layout::LayoutResult& result,
                             double tolerance)
{
    std::size_t count = 0;
    for (auto a = result.positions.begin(); a != result.positions.end(); ++a) {
        for (auto b = std::next(a); b != result.positions.end(); ++b) {
            const layout::Size& sa = options.sizes.at(a->first);
            const layout::Size& sb = options.sizes.at(b->first);
            const double overlapX = (sa.width + sb.width) / 2 - std::abs(a->second.x - b->second.x);
            const double overlapY = (sa.height + sb.height) / 2 - std::abs(a->second.y - b->second.y);
            if (overlapX > tolerance && overlapY > tolerance)
                ++count;
        }
    }
    return count;
}

double meanDisplacement(const SystemMap& before, const layout::LayoutResult& after)
{
    double sum = 0;
    std::size_t count = 0;
    for (const Factor& f : before.factors()) {
        if (f.position.x == 0 && f.position.y == 0)
            continue;
        const Point& p = after.positions.at(f.id);
        sum += std::hypot(p.x - f.position.x, p.y - f.position.y);
        ++count;
    }
    return count ? sum / double(count) : 0;
}

std::size_t straightCrossings(const SystemMap& map, const std::map<FactorId, Point>& at)
{
    const std::vector<Link> links = map.links();
    std::size_t n = 0;
    for (std::size_t i = 0; i < links.size(); ++i)
        for (std::size_t j = i + 1; j < links.size(); ++j) {
            const Link &l = links[i], &m = links[j];
            if (l.from != l.to && m.from != m.to && m.from != l.from && m.from != l.to && m.to != l.from
                && m.to != l.to && straightLinesCross(at.at(l.from), at.at(l.to), at.at(m.from), at.at(m.to)))
                ++n;
        }
    return n;
}

std::vector<FactorId> addLoop(SystemMap& map, const std::vector<std::string>& labels, const std::string& name)
{
    std::vector<FactorId> ids;
    ids.reserve(labels.size());
    for (const std::string& l : labels)
        ids.push_back(addFactor(map, l));
    std::vector<LinkId> links;
    links.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        links.push_back(addLink(map, ids[i], ids[(i + 1) % ids.size()]));
    addLoopLabel(map, {name, links});
    return ids;
}

layout::DrawingQuality qualityOfResult(const SystemMap& map, const layout::LayoutOptions& options,
                                       const layout::LayoutResult& r, const layout::ScreenSize& screen)
{
    layout::QualityDrawing d;
    std::map<FactorId, std::size_t> index;
    for (const auto& [id, at] : r.positions) {
        index[id] = d.boxes.size();
        d.boxes.push_back({at, options.sizes.at(id).width, options.sizes.at(id).height});
    }
    for (const layout::LinkGeometry& g : r.links) {
        const Link& l = map.link(g.id);
        d.links.push_back({g.curve, index.at(l.from), index.at(l.to)});
    }
    return layout::measureDrawing(d, screen);
}

} // namespace causeway::testing
