#pragma once

#include "layout/layout.h"
#include "model/ids.h"
#include "model/systemmap.h"

#include <map>
#include <utility>
#include <vector>

namespace causeway {

// Graphviz's force layouts space a workshop map for a printed page: fitted to a projector
// window its labels come out a few pixels high. This pulls a laid-out drawing together (same
// arrangement, shorter links), then pushes apart any boxes closer than a link's arrow head and
// sign need. computeLayout applies it when LayoutOptions::compact is set.
struct CompactionOptions {
    double gapX = 80;      // clear space between boxes side by side
    double gapY = 60;      // and one above the other
    // With a target aspect, packing by constraints: between linked boxes, room for the arrow
    // head and the sign (17 + 6 + 26 + a margin along a straight link); unlinked boxes only
    // need to read apart.
    double linkedGap = 56;
    double looseGap = 30;
    double spacing = 1.7;  // wanted typical distance to the nearest neighbour, in box widths
    double fill = 0.25;    // wanted share of the drawing's area covered by boxes
    int maxIterations = 200;
    // Turn a drawing taller than wide a quarter turn: screens and projectors are landscape.
    // Only for engines whose drawings have no direction (not dot's ranks).
    bool landscape = false;
    // Width / height of the screen or page. When set, the drawing is packed to that shape
    // instead: scaled in each direction (and turned, with `landscape`) with its boxes pushed
    // apart in order, or read into rows (`rows`), whichever shows largest when fitted.
    double aspect = 0;
    // Room kept around the boxes when judging a shape: links, signs and the view's own margin.
    double fitMargin = 35;
    // With `aspect`: also try the drawing read into rows (tighter; kept when it shows larger),
    // boxes this far apart in and between rows.
    bool rows = true;
    double rowGap = 40;
    // With `rows`: linked boxes side by side or above one another `linkedGap` apart, not
    // `rowGap`, so an arrow head and a sign fit between them. Rows read tighter without: a
    // layout asks for this when a drawing packed so left a sign on a box (a random 50-factor,
    // 150-link map had one wherever it started; the sample map reads better without).
    bool roomForSigns = false;
    // With `rows`: rows (and boxes raised into the room above them) this far apart, when more
    // than `rowGap`. Links between rows pass through the gaps; gaps a box's height or less send
    // them round boxes, each detour crossing others. layout.cpp asks for this on maps past 30
    // factors.
    double rowsApart = 0;
    // Boxes joined by a delayed link (also among `links`), packed `delayedGap` apart, scaled or in
    // rows: room for the delay mark as well as the arrow head and the sign (two strokes 7 apart,
    // 3.5 wide, and a margin). A layout asks for this when a drawing packed without it left delay
    // marks in each other's way or on a sign (layout/bestlayout.cpp).
    std::vector<std::pair<FactorId, FactorId>> delayedLinks;
    double delayedGap = 70;
    // With `aspect` and a caller asking for it (compactLayout's `fewerCrossings`): how large a
    // packing must still show (in the units packing judges by: the drawing's scale when fitted
    // to a target one unit high) to be offered for having fewer straight-line crossings.
    double enoughFit = 0;
    // With `aspect` and `fewerCrossings`: when even the largest packing shows less than this (labels
    // too small to read at that size anyway, a big map's overview), packings down to two thirds of
    // its size are offered for having fewer crossings.
    double readableFit = 0;
};

// `links` (from, to) tell which boxes need room for an arrow between them; used with `aspect`.
// With `aspect` and `fewerCrossings`: the packing tried with the fewest crossings between
// straight links among those still showing at least options.enoughFit (or, under
// options.readableFit, two thirds of the largest), when it has fewer than the largest (which
// `positions` gets); else it is left empty. The caller judges which reads
// better once links are routed.
void compactLayout(std::map<FactorId, Point>& positions,
                   const std::map<FactorId, layout::Size>& sizes,
                   const CompactionOptions& options = {},
                   const std::vector<std::pair<FactorId, FactorId>>& links = {},
                   std::map<FactorId, Point>* fewerCrossings = nullptr);

} // namespace causeway
