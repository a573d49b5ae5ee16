#pragma once

// Private to layout/: one Graphviz run with a given random start (layout.cpp), and the choice
// among several runs (bestlayout.cpp).

#include "layout/layout.h"

namespace causeway::layout::detail {

LayoutResult layoutOnce(const SystemMap& map, const LayoutOptions& options, int seed);

// How many random starts computeLayout tries for this map: 1 where the engine has no random
// start (dot, circo), for tidy and pinned layouts (which promise to stay close to the
// facilitator's arrangement), and for maps too big to lay out several times quickly.
int startsFor(const SystemMap& map, const LayoutOptions& options);

} // namespace causeway::layout::detail
