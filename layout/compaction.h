#pragma once

#include "layout/layout.h"
#include "model/ids.h"
#include "model/systemmap.h"

#include <map>

namespace causeway {

// Graphviz's force layouts space a workshop map for a printed page: fitted to a projector
// window its labels come out a few pixels high. This pulls a laid-out drawing together (same
// arrangement, shorter links), then pushes apart any boxes closer than a link's arrow head and
// sign need. computeLayout applies it when LayoutOptions::compact is set.
struct CompactionOptions {
    double gapX = 80;      // clear space between boxes side by side
    double gapY = 60;      // and one above the other
    double spacing = 1.7;  // wanted typical distance to the nearest neighbour, in box widths
    double fill = 0.25;    // wanted share of the drawing's area covered by boxes
    int maxIterations = 200;
    // Turn a drawing taller than wide a quarter turn: screens and projectors are landscape.
    // Only for engines whose drawings have no direction (not dot's ranks).
    bool landscape = false;
};

void compactLayout(std::map<FactorId, Point>& positions,
                   const std::map<FactorId, layout::Size>& sizes,
                   const CompactionOptions& options = {});

} // namespace causeway
