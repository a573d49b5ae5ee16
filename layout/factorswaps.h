#pragma once

// Private to layout/: factor swaps, trying two factors in each other's places on the drawing the
// default layout chose and keeping those the judge (layout/judge.h) finds read better.

#include "layout/layout.h"
#include "layout/untangle.h"

#include <map>
#include <set>
#include <vector>

namespace causeway::layout::detail {

// Swaps `result`'s factors while that lowers `cost` (the judge's cost of `result`, lowered with
// each swap kept): small maps every near pair, sparse maps up to 120 factors only swaps whose
// re-routed links cross fewer others, denser maps up to 60 factors (with `denseToo`) such swaps
// estimated; larger maps are left as they are. `options.sizes` holds every factor's box.
void improveBySwaps(const SystemMap& map, const LayoutOptions& options, LayoutResult& result, double& cost,
                    bool denseToo = true);

// Whether a force engine's drawing of this map has its factors swapped on straight lines before
// it is packed (layout/straightswaps.h): past 30 factors (smaller maps have every swap judged)
// up to 120, up to 500 links, and no factor at more than 16 links (a hub's arrow heads, as
// improveBySwaps).
bool swapsOnStraightLines(const SystemMap& map);

// Links each routed on its own (ends not spread, not untangled, no sign placed) at `boxes`: what
// a change is screened against before it is judged in full (routedCrossingChange).
struct RoutedAlone {
    std::map<FactorId, BoxShape> boxes;
    std::map<LinkId, LinkShape> shapes;
    std::map<LinkId, SampledLine> lines; // of `shapes`
    // A change kept: the links it re-routed (routedCrossingChange's), taken from `rerouted`. The
    // caller moves `boxes`.
    void take(std::map<LinkId, LinkShape>& rerouted);
};
RoutedAlone routedAlone(const SystemMap& map, const std::vector<Link>& links,
                        std::map<FactorId, BoxShape> boxes, const LinkStyle& style);

// How many crossings between links routed alone a change adds to `now` (negative: removes): the
// factors `moved` to their places in `boxes`, `links` (map's links, bent as after the change; a
// link's bend changes only with its ends). Only what a drag would re-route is routed again: the
// links at a moved factor, and those the moved boxes land on (each link re-routed goes to
// `reroutedShapes`, when given, in its new shape).
long routedCrossingChange(const SystemMap& map, const LinkStyle& style,
                          const std::vector<Link>& links, const RoutedAlone& now,
                          const std::map<FactorId, BoxShape>& boxes,
                          const std::set<FactorId>& moved,
                          std::map<LinkId, LinkShape>* reroutedShapes = nullptr);

// The most link ends on any one factor (a self-link has two): how much of a hub the map has.
std::size_t endsAtBusiestFactor(const SystemMap& map);

} // namespace causeway::layout::detail
