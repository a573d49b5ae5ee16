#include "app/present/roomarrangement.h"

#include "layout/compaction.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace causeway::present {

std::map<FactorId, Point> roomArrangement(const SystemMap& map,
                                          const std::map<FactorId, layout::Size>& sizes,
                                          const LinkStyle& link, double aspect)
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
    // Or the drawing read into rows, top to bottom and left to right, when that shows larger:
    // pushing apart keeps the holes of an organic drawing (13 px labels for the sample map at
    // 1024x768, where rows give 18.6).
    options.rows = true;
    // Between rows and between boxes in a row: room for a sign beside a link crossing the gap.
    options.rowGap = std::max(options.rowGap, 2 * link.signRadius + 4);
    options.landscape = false; // never turned: up stays up
    compactLayout(positions, sizes, options, links);
    return positions;
}

} // namespace causeway::present
