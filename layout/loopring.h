#pragma once

// Private to layout/looplayout.cpp: one loop drawn as a ring of factors, its turn to face the
// factors it links to, and the bends that make its links arcs of the ring.

#include "layout/layout.h"
#include "layout/looplayout.h"

#include <map>
#include <utility>
#include <vector>

namespace causeway::layout::detail {

struct Ring {
    std::vector<FactorId> members; // in reading order round the ring
    double radiusX = 0; // across and down: a circle, or an oval (drawRing)
    double radiusY = 0;
    bool operator==(const Ring&) const = default;
};

// The ring's factors at offsets from its centre, evenly round from the top in `direction`, and
// the half width and half height of a box that holds them in any turn of the ring (arcs, and
// signs on them, included). On a circle whose chords hold neighbours apart, as system
// dynamicists draw rings by hand; or, `oval`, on the ellipse of least area that keeps every two
// boxes apart along one axis (for 3 to 8 factors of mixed sizes, 79% to 93% of the circle's
// room: the circle's middle is left empty).
struct RingDrawing {
    Ring ring;
    std::vector<std::pair<FactorId, Point>> offsets;
    Size half;
};
RingDrawing drawRing(const std::vector<FactorId>& members, const std::map<FactorId, Size>& sizes,
                     LoopDirection direction, bool oval = false);

// Turns each ring by whole steps (its factors trading places round it, the reading direction
// kept) to the turn whose links to factors off the ring are shortest: those links then leave
// the ring on the side facing their other end and cross it less.
void turnRings(const std::vector<Ring>& rings, const SystemMap& map, std::map<FactorId, Point>& positions);

// The bend of each link from a ring's factor on to the next one round: its middle on the ring
// halfway between the two, so it is drawn as an arc of the ring (layout/linkgeometry.h).
std::map<LinkId, Point> ringBends(const std::vector<Ring>& rings, const SystemMap& map,
                                  const std::map<FactorId, Point>& positions, LoopDirection direction);

} // namespace causeway::layout::detail
