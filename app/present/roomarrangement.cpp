#include "app/present/roomarrangement.h"

#include "layout/compaction.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

namespace causeway::present {

namespace {

// The gaps the room's boxes keep: between linked boxes, the room's arrow head, the gap before its
// sign, the sign, a margin (the editor's 17 + 6 + 26 + 7 = 56 for its own style); between others
// and round the drawing, the editor's grown as the room's signs are.
CompactionOptions roomGaps(const LinkStyle& link)
{
    CompactionOptions options;
    options.linkedGap = link.arrowLength + link.signGap + 2 * link.signRadius + 7;
    const double grow = link.signRadius / LinkStyle{}.signRadius;
    options.looseGap *= grow;
    options.fitMargin *= grow;
    return options;
}

} // namespace

std::map<FactorId, Point> roomArrangement(const SystemMap& map,
                                          const std::map<FactorId, layout::Size>& sizes,
                                          const LinkStyle& link, double aspect, bool rows)
{
    std::map<FactorId, Point> positions; // from where the facilitator drew them
    for (FactorId id : map.factorIds())
        positions[id] = map.factor(id).position;
    std::vector<std::pair<FactorId, FactorId>> links;
    for (const Link& l : map.links())
        links.emplace_back(l.from, l.to);
    CompactionOptions options = roomGaps(link);
    options.aspect = aspect;
    // With `rows`, or the drawing read into rows, top to bottom and left to right, when that
    // shows larger: pushing apart keeps the holes of an organic drawing (the sample map at
    // 1024x768: 14.8 px pushed apart, 18.6 in rows).
    options.rows = rows;
    // Between rows and between boxes in a row: room for a sign beside a link crossing the gap.
    options.rowGap = std::max(options.rowGap, 2 * link.signRadius + 4);
    options.landscape = false; // never turned: up stays up
    compactLayout(positions, sizes, options, links);
    return positions;
}

std::map<FactorId, Point> scaledForRoom(const SystemMap& map,
                                        const std::map<FactorId, layout::Size>& sizes,
                                        const LinkStyle& link)
{
    const CompactionOptions gaps = roomGaps(link);
    const std::vector<FactorId> ids = map.factorIds();
    std::vector<Point> at;
    at.reserve(ids.size());
    for (const FactorId id : ids)
        at.push_back(map.factor(id).position);
    std::set<std::pair<FactorId, FactorId>> linked; // each pair either way round
    for (const Link& l : map.links())
        linked.insert(std::minmax(l.from, l.to));
    double scale = 0; // the least that keeps every pair apart along one axis or the other
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        x0 = std::min(x0, at[i].x), x1 = std::max(x1, at[i].x);
        y0 = std::min(y0, at[i].y), y1 = std::max(y1, at[i].y);
        for (std::size_t j = i + 1; j < ids.size(); ++j) {
            const layout::Size si = sizes.at(ids[i]), sj = sizes.at(ids[j]);
            const double gap = linked.count(std::minmax(ids[i], ids[j])) ? gaps.linkedGap
                                                                         : gaps.looseGap;
            const double dx = std::abs(at[i].x - at[j].x), dy = std::abs(at[i].y - at[j].y);
            const double nx = dx > 0 ? ((si.width + sj.width) / 2 + gap) / dx : 1e300;
            const double ny = dy > 0 ? ((si.height + sj.height) / 2 + gap) / dy : 1e300;
            scale = std::max(scale, std::min(nx, ny));
        }
    }
    if (!(scale > 0) || scale > 1e6)
        scale = 1; // one factor, or two on the same spot: as drawn
    const Point middle{(x0 + x1) / 2, (y0 + y1) / 2};
    std::map<FactorId, Point> positions;
    for (std::size_t i = 0; i < ids.size(); ++i)
        positions[ids[i]] = Point{middle.x + (at[i].x - middle.x) * scale,
                                  middle.y + (at[i].y - middle.y) * scale};
    return positions;
}

std::map<FactorId, Point> tradedPlaces(const SystemMap& map, const std::map<FactorId, layout::Size>& sizes,
                                       const LinkStyle& link, double aspect, std::map<FactorId, Point> positions)
{
    if (map.factorCount() > kTradedMaxFactors)
        return positions;
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = aspect;
    options.sizes = sizes;
    options.link = link;
    return layout::tradePlaces(map, options, std::move(positions));
}

double boxesScale(const std::map<FactorId, Point>& positions, const std::map<FactorId, layout::Size>& sizes,
                  double aspect)
{
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& [id, p] : positions) {
        const layout::Size s = sizes.at(id);
        x0 = std::min(x0, p.x - s.width / 2);
        x1 = std::max(x1, p.x + s.width / 2);
        y0 = std::min(y0, p.y - s.height / 2);
        y1 = std::max(y1, p.y + s.height / 2);
    }
    return positions.empty() || x1 <= x0 || y1 <= y0 ? 0 : std::min(aspect / (x1 - x0), 1 / (y1 - y0));
}

} // namespace causeway::present
