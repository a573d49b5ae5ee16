#pragma once

// Every link of a map drawn at once over its factors' boxes, each routed around the boxes of the
// factors that are not its ends: what the SVG export and the quality measure draw, and what
// the canvas draws link by link with the same obstacles.

#include "layout/linkgeometry.h"
#include "layout/linkports.h"
#include "layout/otherlines.h"
#include "layout/signplacement.h"
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

// Which links' delay marks are placed (and the label anchors beside them): every link's, as
// drawn (a link's label sits where its mark would), or the delayed links' alone, as a layout
// judges a drawing (nothing it counts reads the others, and placing them took a tenth of the
// default layout's time on SIR.mdl).
enum class Marks { EveryLink, DelayedLinks };

// One link: a self-link is a loop, a link with a reverse partner curves apart from it, a detour
// pays for crossing `lines` (linesToCross of the same boxes; without it, worked out here).
LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                      const Link& link, const LinkStyle& style = {}, const LinkPorts& ports = {});
LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes, const Link& link,
                      const OtherLines& lines, const LinkStyle& style = {}, const LinkPorts& ports = {},
                      Marks marks = Marks::EveryLink);

// `shapes` (each link as drawn on its own) with their ends spread along busy boxes (linkports.h).
// Returns each link's ports, in id order.
std::vector<LinkPorts> arrangeLinks(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                    std::map<LinkId, LinkShape>& shapes, const LinkStyle& style = {},
                                    bool untangle = true, Marks marks = Marks::EveryLink);

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

// Every link, its ends spread along busy boxes (linkports.h), signs and delay marks separated (in
// link id order). `room` SignRoom::Near and `marks` Marks::DelayedLinks as the layouts judge a
// drawing (signplacement.h).
std::map<LinkId, LinkShape> computeLinkShapes(const SystemMap& map,
                                              const std::map<FactorId, BoxShape>& boxes,
                                              const LinkStyle& style = {}, SignRoom room = SignRoom::FurtherOut,
                                              Marks marks = Marks::EveryLink);

} // namespace causeway
