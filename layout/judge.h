#pragma once

// Private to layout/: how the default layout judges a drawing (lower is better), for its starts
// (bestlayout.cpp) and its factor swaps (factorswaps.cpp).

#include "layout/layout.h"
#include "layout/linkgeometry.h"
#include "layout/quality.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <map>

namespace causeway::layout::detail {

constexpr double noBound = std::numeric_limits<double>::infinity();

// What the judge charges for one link through a box, overlap or hidden sign: a drawing costing
// this much hides something.
constexpr double kHidden = 1000;

// Judging a drawing compares every pair of links, so a dense map (a complete 40-factor digraph
// has 1,560 links: ~12 s a judgement) gets one start and no swaps, whatever its factor count.
// Up to this many links a map too big for several starts still has its one start judged,
// packed for size and for fewer crossings (World3-03, 471 links: ~1.0 -> ~2.1 s).
constexpr std::size_t judgedMaxLinks = 500;

// How wide and high these boxes reach together (0 x 0 for none).
struct Extent {
    double width = 0, height = 0;
};
Extent extentOf(const std::map<FactorId, BoxShape>& boxes);

// A floor under the cost of a drawing with these boxes: what its labels cost at most as large
// as the boxes alone would show them (its links and signs can only widen it). Judging stops there
// when that already reaches the cost to beat.
double labelFloor(const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes);

// The same floor for any drawing that trades these boxes' places (factor swaps): the centres
// stay where they are, so it is at least as wide as they spread plus the narrowest box.
double swappedLabelFloor(const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes);

// Each factor's box where `result` puts it, of the size the layout was given.
std::map<FactorId, BoxShape> boxesOf(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result);

// Each link routed on its own round the boxes (ends not yet spread, links not untangled), as
// judged: delay marks placed on delayed links alone (linkshapes.h Marks::DelayedLinks).
std::map<LinkId, LinkShape> linkShapesAlone(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                            const LinkStyle& style = {});

// The cost of `shapes` (each link as drawn on its own) arranged as the canvas arranges them:
// ends spread, links untangled when asked, signs separated. Placing signs costs as much as
// counting crossings, and signs only add to a cost (overlaps, and a wider drawing with smaller
// labels): the drawing is first judged without them, and if that alone reaches `bound` (the
// cost the caller must beat) that floor is returned instead of the full cost.
double costOfArranged(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                      std::map<LinkId, LinkShape>& shapes, bool untangle, double bound = noBound);

// The cost of links arranged as costOfArranged arranges them (not untangled: arrangeLinks,
// arrangedAgain), but with no sign placed: the floor it starts from, a quick estimate.
double costWithoutSigns(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                        const std::map<LinkId, LinkShape>& arranged);

// The cost of links already drawn (arranged and signed, as computeLinkShapes draws them), and
// into `measured` (when given) what it counted.
double costOfDrawn(const SystemMap& map, const LayoutOptions& options,
                   const std::map<FactorId, BoxShape>& boxes,
                   const std::map<LinkId, LinkShape>& drawn, DrawingQuality* measured = nullptr);

// The cost of the drawing with these boxes, its links routed afresh (and, on a small map,
// untangled as they will be drawn).
double costOfBoxes(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                   double bound = noBound);

// Measured with the box sizes the layout was given, which are what the canvas draws.
double cost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result, double bound = noBound);

// The same, its links untangled as the canvas draws them whatever the map's size (`cost` leaves
// them so past kSmallMapFactors, where judging every start and swap so would cost seconds), and
// with the bends the result sets (dot's routes: dotroutes.h) and none an earlier layout stored
// (applyLayout). At least `bound` when the drawing without its signs already costs that
// (costOfArranged).
double costAsDrawn(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result,
                   double bound = noBound);

// The projector's shape. A screen far from it (the editor's canvas beside its panels, 16:9) is
// laid out for it and for 4:3 as well, both judged on the screen, and the 4:3 drawing kept when it
// reads better there with labels at least kProjectorLabelShare as large (bestlayout.cpp
// computeLayout, looplayout.cpp loopFirstLayout).
constexpr double kProjectorAspect = 4.0 / 3.0;
// At 0.9 the sample map on 735x708 (1024x768 beside the panel) kept 13 crossings at 15.9 px over
// its 4:3 drawing's 8 at 14.3 px (0.899 as large).
constexpr double kProjectorLabelShare = 0.88;
// Whether `aspect` is more than 10% from 4:3.
inline bool farFromProjector(double aspect)
{
    return aspect > 0 && std::max(aspect / kProjectorAspect, kProjectorAspect / aspect) > 1.1;
}

// A bound that a cost equal to `best` does not reach: a drawing that only ties the best so far
// is measured in full (on a tie the earlier start or swap wins, whichever thread finishes first).
double beyond(double best);

} // namespace causeway::layout::detail
