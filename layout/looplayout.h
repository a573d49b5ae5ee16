#pragma once

// Loop-first layout: loops drawn as rings, as system dynamicists draw causal loop diagrams by
// hand, instead of wherever a force layout puts their factors.

#include "layout/layout.h"

namespace causeway::layout {

enum class LoopDirection { Clockwise, Anticlockwise };

// The map's named loops (SystemMap::loopLabels), or when it names none its shortest independent
// loop set, each drawn as a ring (a circle or an oval) of the factors it does not share with an
// earlier ring (or, where that reads better on a map of up to 100 links, only the loops sharing
// none), reading round in `direction` from the top, turned to face the factors it links to.
// Each group's rings
// and factors on no loop are packed into a region of their own, and the regions for
// options.aspect (4:3 when unset), with no overlap. Each link on to the next factor of a ring is
// bent into an arc of the ring (LayoutResult::bends: store them, as applyLayout does); the
// result's curves are the links as the canvas and the SVG then draw them, the others routed
// around boxes. On a map of up to 100 links, of the drawings for `direction` and those for the
// other direction mirrored left to right or top to bottom, the one that reads best is kept.
// Pinned factors are not honoured (the rings decide); the drawing stays where the map was. A map
// with no ring to draw (no loop of two factors or more) and one group or none is drawn as
// computeLayout draws it for options.aspect, packed, with no pin kept. Throws LayoutStopped once
// options.stop is set.
LayoutResult loopFirstLayout(const SystemMap& map, const LayoutOptions& options,
                             LoopDirection direction = LoopDirection::Clockwise);

} // namespace causeway::layout
