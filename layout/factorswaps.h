#pragma once

// Private to layout/: factor swaps, trying two factors in each other's places on the drawing the
// default layout chose and keeping those the judge (layout/judge.h) finds read better.

#include "layout/layout.h"

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

// The most link ends on any one factor (a self-link has two): how much of a hub the map has.
std::size_t endsAtBusiestFactor(const SystemMap& map);

} // namespace causeway::layout::detail
