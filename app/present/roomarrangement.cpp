#include "app/present/roomarrangement.h"

#include "layout/compaction.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace causeway::present {

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
    CompactionOptions options;
    options.aspect = aspect;
    // Between linked boxes: the room's arrow head, the gap before its sign, the sign, a margin
    // (the editor's 17 + 6 + 26 + 7 = 56 for its own style).
    options.linkedGap = link.arrowLength + link.signGap + 2 * link.signRadius + 7;
    const double grow = link.signRadius / LinkStyle{}.signRadius;
    options.looseGap *= grow;
    options.fitMargin *= grow;
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
