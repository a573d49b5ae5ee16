#pragma once

// Every link of a map drawn at once over its factors' boxes, each routed around the boxes of the
// factors that are not its ends: what the SVG export and the quality measure draw, and what
// the canvas draws link by link with the same obstacles.

#include "layout/linkgeometry.h"
#include "layout/linkports.h"
#include "layout/otherlines.h"
#include "model/systemmap.h"

#include <map>
#include <set>
#include <vector>

namespace causeway {

// The boxes of every factor but `a` and `b`: what a link between them must go around.
std::vector<BoxShape> obstaclesFor(const std::map<FactorId, BoxShape>& boxes, FactorId a, FactorId b);

// Maps past this many factors route each detour round the side of a box that crosses fewer other
// links (layout/linkrouter.h's CrossingToll): the shortest way round a busy box crosses every link
// on its side. Small maps' routes are also shaped by their ports and untangling, and the straight
// lines a toll counts misjudge them (the sample map drew 11 crossings for 9).
constexpr std::size_t kTolledFactors = 30;

// The straight lines between the boxes' centres of the map's links (not self-links) that a detour
// pays to cross: none on a map of kTolledFactors factors or fewer.
OtherLines linesToCross(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes);

// One link: a self-link is a loop, a link with a reverse partner curves apart from it, a detour
// pays for crossing `lines` (linesToCross of the same boxes; without it, worked out here).
LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                      const Link& link, const LinkStyle& style = {}, const LinkPorts& ports = {});
LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes, const Link& link,
                      const OtherLines& lines, const LinkStyle& style = {}, const LinkPorts& ports = {});

// Where each link's sign goes so that no sign covers the sign of a link before it (in the order
// given), a factor's box or a delay mark drawn: a sign that would is slid back along its link to
// the nearest clear place (kept where it was when there is none). A sign with no place clear of
// the marks too takes, of those clear of the rest whose circle keeps off its own mark's strokes,
// the one furthest from every mark (it may then touch another link's mark, which
// separateDelayMarks moves). Among clear places, one off
// every other link's line comes first (unless `offLines` is false: the canvas while a factor is
// dragged, each frame then costing a tenth): a sign over another link's line hides that line or
// reads as its sign. `shapes` as computed for each link on its own; the result is in the same
// order. `delayed[i]` says whether shapes[i]'s delay mark is drawn (missing: not drawn).
// placeSignsAndMarks applies it.
std::vector<Point> separateSigns(const std::vector<const LinkShape*>& shapes,
                                 const std::vector<BoxShape>& boxes, const LinkStyle& style = {},
                                 bool offLines = true, const std::vector<bool>& delayed = {});

// After separateSigns: each drawn delay mark (`delayed[i]` for shapes[i]; missing: not drawn)
// that meets a box, a sign (as now placed in `shapes`) or another mark drawn moves along its
// line, short of the arrow head, to the nearest place clear of them all, or failing that to the
// place clear of the boxes and signs that is furthest from the other marks; it stays where it is
// when no place is. Its link label's anchor moves with it.
// Returns how many marks found no place clear of them all.
std::size_t separateDelayMarks(const std::vector<LinkShape*>& shapes, const std::vector<bool>& delayed,
                        const std::vector<BoxShape>& boxes, const LinkStyle& style = {});

// `shapes` (each link as drawn on its own) with their ends spread along busy boxes (linkports.h).
// Returns each link's ports, in id order.
std::vector<LinkPorts> arrangeLinks(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                    std::map<LinkId, LinkShape>& shapes, const LinkStyle& style = {},
                                    bool untangle = true);

// Links arranged (not untangled): their ports, in id order, and their shapes.
struct Arranged {
    std::vector<LinkPorts> ports;
    std::map<LinkId, LinkShape> shapes;
};

// arrangeLinks again after a few factors moved (`movedFrom`: where each was) from a drawing
// arranged as `before`, `shapes` each link on its own as drawn now. A link is routed afresh only
// when its ports changed, its shape on its own did (`rerouted`), its route runs through a moved
// box, or it goes round a box crossing a line that moved (its toll changed); the rest keep their
// routes (a way round that a moved line no longer crosses is not looked for: an estimate).
Arranged arrangedAgain(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                       const std::map<LinkId, LinkShape>& shapes, const Arranged& before,
                       const std::map<FactorId, Point>& movedFrom, const std::set<LinkId>& rerouted,
                       const LinkStyle& style = {});

// Links on a map past untangledMaxLinks (layout/untangle.h), which the canvas draws as routed
// alone, untangled once as a layout's choice: the bend (as Link::bend) of each link that crosses
// fewer drawn through it (layout/untangle.h laidOutBends, tried on `threads` threads). Links bent
// by hand keep theirs; none past untangledByLayoutMaxLinks.
std::map<LinkId, Point> untangledBends(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                       const LinkStyle& style = {}, unsigned threads = 1);

// separateSigns over `shapes` (each as computed on its own), each sign written back into its
// shape, then separateDelayMarks (moving marks and label anchors). While a mark is left in the
// way, both once more, twice at most: a sign that had no place clear of the marks may have one
// once they have moved, and a mark then one clear of the signs. The canvas and placeSigns both
// apply it.
void placeSignsAndMarks(const std::vector<LinkShape*>& shapes, const std::vector<BoxShape>& boxes,
                        const LinkStyle& style, bool offLines, const std::vector<bool>& delayed);

// placeSignsAndMarks over every shape in `shapes`, the map's delayed links drawing their marks.
void placeSigns(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes, std::map<LinkId, LinkShape>& shapes,
                const LinkStyle& style = {});

// Every link, its ends spread along busy boxes (linkports.h), signs and delay marks separated (in
// link id order).
std::map<LinkId, LinkShape> computeLinkShapes(const SystemMap& map,
                                              const std::map<FactorId, BoxShape>& boxes,
                                              const LinkStyle& style = {});

} // namespace causeway
