#pragma once

// Where each link's polarity sign and delay mark go once every link is shaped (layout/linkshapes.h):
// off the factors' boxes, off each other and, where there is room, off other links' lines. The
// canvas and the SVG export place them alike.

#include "layout/linkgeometry.h"
#include "model/systemmap.h"

#include <cstddef>
#include <map>
#include <vector>

namespace causeway {

// Whether a sign with no clear place of its own (a short link between close boxes, the places
// beside its head taken) goes further out beside its arrow head, off the boxes and the other
// signs: as drawn (the canvas, the SVG, `quality`), it does; as the layouts judge a drawing, it
// stays where it is and is counted hidden, so they keep choosing drawings whose signs sit near.
enum class SignRoom { Near, FurtherOut };

// Where each link's sign goes so that no sign covers the sign of a link before it (in the order
// given), a factor's box or a delay mark drawn: a sign that would is slid back along its link to
// the nearest clear place (kept where it was when there is none). A sign with no place clear of
// the marks too takes one clear of the rest whose circle keeps off its own mark's strokes: the
// first, or once every sign is placed the one furthest from every mark (it may then touch
// another link's mark, which separateDelayMarks moves). Among clear places, one off every other
// link's line comes first (unless `offLines` is false: the canvas while a factor is dragged,
// each frame then costing a tenth): a sign over another link's line hides that line or reads as
// its sign. With `room` FurtherOut a sign left on a box or another sign then goes further out
// beside its head where that is clear. `shapes` as computed for each link on its own; the result
// is in the same order. `delayed[i]` says whether shapes[i]'s delay mark is drawn (missing: not drawn).
// placeSignsAndMarks applies it.
std::vector<Point> separateSigns(const std::vector<const LinkShape*>& shapes,
                                 const std::vector<BoxShape>& boxes, const LinkStyle& style = {},
                                 bool offLines = true, const std::vector<bool>& delayed = {},
                                 SignRoom room = SignRoom::FurtherOut);

// After separateSigns: each drawn delay mark (`delayed[i]` for shapes[i]; missing: not drawn)
// that meets a box, a sign (as now placed in `shapes`) or another mark drawn moves along its
// line, short of the arrow head, to the nearest place clear of them all, or failing that to the
// place clear of the boxes and signs that is furthest from the other marks; it stays where it is
// when no place is. Its link label's anchor moves with it.
// Returns how many marks found no place clear of them all.
std::size_t separateDelayMarks(const std::vector<LinkShape*>& shapes, const std::vector<bool>& delayed,
                               const std::vector<BoxShape>& boxes, const LinkStyle& style = {});

// separateSigns over `shapes` (each as computed on its own), each sign written back into its
// shape, then separateDelayMarks (moving marks and label anchors). While a mark is left in the
// way, both once more, twice at most: a sign that had no place clear of the marks may have one
// once they have moved, and a mark then one clear of the signs. With `room` FurtherOut and
// `offLines` (as drawn, not as judged nor while a factor is dragged), a mark still in the way
// then goes to a place on its line where the one or two signs and marks in its way each have
// another place clear of everything (moved there), and a sign still on a mark or a box to a
// place clear of everything (its own, or further out beside its head; off other links' lines if
// it was). The canvas and placeSigns both apply it.
void placeSignsAndMarks(const std::vector<LinkShape*>& shapes, const std::vector<BoxShape>& boxes,
                        const LinkStyle& style, bool offLines, const std::vector<bool>& delayed,
                        SignRoom room = SignRoom::FurtherOut);

// placeSignsAndMarks over every shape in `shapes`, the map's delayed links drawing their marks.
void placeSigns(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes, std::map<LinkId, LinkShape>& shapes,
                const LinkStyle& style = {}, SignRoom room = SignRoom::FurtherOut);

} // namespace causeway
