#pragma once

// Private to layout/: the hierarchical (dot) drawing kept as dot drew it, its routes turned into
// the bends the canvas and the SVG draw links through where they read better (layout.cpp's
// hierarchy).

#include "layout/layout.h"

#include <cstddef>
#include <map>

namespace causeway::layout::detail {

// The bends that keep links where dot routed them: a link dot curved away from the straight line
// between its factors' centres (round the boxes of the ranks it passes, or back against the
// ranks) is bent through its route's middle (`atApex`: its point furthest from that line). A
// bent link is drawn through its bend and routed round boxes from there, so it keeps to the side
// dot chose. Links dot drew straight, self-links, links whose curve anchor() straightened (at a
// pinned factor dot moved) and links bent by hand (which keep their bends) get none.
std::map<LinkId, Point> routedBends(const LayoutResult& result, const SystemMap& map, bool atApex = false);

// A dot drawing with some of its routes kept as bends (`result.bends`), what the default layout's
// judge makes of it as the canvas draws it (`cost`), and every bend its routes would set, through
// their middles and (on maps of up to kRoutesToggledMaxLinks) their apexes.
struct Routed {
    LayoutResult result;
    std::map<LinkId, Point> routed;
    std::map<LinkId, Point> apexes;
    double cost = 0;
};

// Dot's drawing judged with every bend its routes would set (through their middles, and through
// their apexes) and with none (each link drawn as the canvas draws it: straight, or round the
// boxes in its way), the best kept. Dot's routes and the canvas's each cross less on some maps: at
// 4:3, with every bend / none, the sample 19 / 18 crossings, energy_tech 1 / 5, energy_pos_loop
// 8 / 5. `options.aspect` is the screen judged.
Routed startOfRoutes(const SystemMap& map, const LayoutOptions& options, LayoutResult result);

// Then each link dot routed tried with no bend, through its route's middle and through its apex,
// each kept when the drawing then costs less: on maps of up to this many links (each try draws
// the whole map). 63 maps of 11-32 factors (the sample, the models, 47 random): 639 crossings in
// all with middles only, 617 with apexes too, labels as large.
constexpr std::size_t kRoutesToggledMaxLinks = 100;
void toggleRoutes(const SystemMap& map, const LayoutOptions& options, Routed& routed);

} // namespace causeway::layout::detail
