#pragma once

// Loop-first layout: loops drawn as rings, as system dynamicists draw causal loop diagrams by
// hand, instead of wherever a force layout puts their factors.

#include "layout/layout.h"

namespace causeway::layout {

enum class LoopDirection { Clockwise, Anticlockwise };

// The map's named loops (SystemMap::loopLabels), or when it names none its shortest independent
// loop set, each drawn as a ring of the factors it does not share with an earlier ring, reading
// round in `direction` from the top. Factors on no loop follow, group by group. Rings and the
// rest are then packed for options.aspect (4:3 when unset) with no overlap. Links come back
// straight, box edge to box edge. Pinned factors are not honoured (the rings decide); the
// drawing stays where the map was.
LayoutResult loopFirstLayout(const SystemMap& map, const LayoutOptions& options,
                             LoopDirection direction = LoopDirection::Clockwise);

} // namespace causeway::layout
