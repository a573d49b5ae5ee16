// A change screened by its links routed alone (layout/factorswaps.h routedCrossingChange) counts
// what routing the whole drawing again would count.
#include "layout/factorswaps.h"
#include "layout/untangle.h"
#include "maps.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <set>
#include <vector>

using namespace causeway;
using causeway::testing::canvasBoxes;
using causeway::testing::placeOnGrid;
using causeway::testing::randomMap;
using layout::detail::RoutedAlone;

namespace {

// Crossings between every pair of links routed alone, as routedCrossingChange counts a pair.
long everyCrossing(const std::vector<Link>& links, const RoutedAlone& alone)
{
    long n = 0;
    for (std::size_t i = 0; i < links.size(); ++i)
        for (std::size_t j = i + 1; j < links.size(); ++j) {
            const Link& a = links[i];
            const Link& b = links[j];
            n += long(linkCrossings(alone.lines.at(a.id), a.from, a.to, alone.lines.at(b.id),
                                    b.from, b.to, alone.boxes));
        }
    return n;
}

} // namespace

// Three factors trade places round a cycle, as a ring's factors do when polishing turns it. Every
// link at those three is routed again as routing the whole drawing does, and so is every other
// link their new boxes land on; where routing the whole drawing changes no other link (a link
// that went round a box that left keeps its way round in the count, as a drag keeps it), the
// change counted from the links re-routed is the whole drawing's change. (On a map small enough
// that no detour pays for the lines it crosses, a link's way depends on no other link's line.)
TEST(RoutedCrossingChange, CountsWhatRoutingEveryLinkAgainCounts)
{
    SystemMap map = randomMap(20, 45, 7);
    placeOnGrid(map, 190, 110);
    const std::map<FactorId, BoxShape> boxes = canvasBoxes(map);
    const std::vector<Link> links = map.links();
    const RoutedAlone now = layout::detail::routedAlone(map, links, boxes, {});
    std::vector<FactorId> ids;
    ids.reserve(boxes.size());
    for (const auto& [id, box] : boxes)
        ids.push_back(id);
    std::size_t compared = 0, changed = 0, landedOn = 0;
    for (std::size_t i = 0; i + 2 < ids.size(); ++i) {
        const std::set<FactorId> moved{ids[i], ids[i + 1], ids[i + 2]};
        std::map<FactorId, BoxShape> turned = boxes;
        turned[ids[i]].centre = boxes.at(ids[i + 1]).centre;
        turned[ids[i + 1]].centre = boxes.at(ids[i + 2]).centre;
        turned[ids[i + 2]].centre = boxes.at(ids[i]).centre;
        const RoutedAlone after = layout::detail::routedAlone(map, links, turned, {});
        std::map<LinkId, LinkShape> rerouted;
        const long change = layout::detail::routedCrossingChange(map, {}, links, now, turned, moved,
                                                                 &rerouted);
        bool othersKept = true;
        for (const Link& l : links) {
            const bool own = moved.count(l.from) || moved.count(l.to);
            if (own) {
                ASSERT_TRUE(rerouted.count(l.id)) << "factors " << i << " to " << i + 2;
            }
            if (rerouted.count(l.id)) {
                EXPECT_EQ(rerouted.at(l.id).line, after.shapes.at(l.id).line);
                landedOn += own ? 0 : 1;
            } else {
                othersKept = othersKept && after.shapes.at(l.id).line == now.shapes.at(l.id).line;
            }
        }
        if (!othersKept)
            continue;
        ++compared;
        EXPECT_EQ(change, everyCrossing(links, after) - everyCrossing(links, now))
            << "factors " << i << " to " << i + 2;
        changed += change != 0 ? 1 : 0;
    }
    EXPECT_GE(compared, 5u);
    EXPECT_GE(changed, 4u); // turns that cross more, and fewer
    EXPECT_GE(landedOn, 1u); // links the turned boxes land on, routed again
}
