#pragma once

// Where presentation draws the map: packed for the room's boxes and the screen's shape.

#include "layout/layout.h"
#include "layout/linkgeometry.h"
#include "model/systemmap.h"

#include <cstddef>
#include <map>

namespace causeway::present {

// The map's factors re-placed for boxes of `sizes` (the room theme's, larger than the
// editor's) on a screen area `aspect` wide for 1 high (layout/compaction.h): the editor's
// drawing scaled in each direction with boxes pushed apart right or down only, each pair
// keeping the side it had, or with `rows`, that or the drawing read into rows top to bottom and
// left to right, whichever shows larger. Either way the arrangement reads in the facilitator's
// order. Linked boxes keep room for the room's arrow head and sign when pushed apart. For
// display only: the map is unchanged.
std::map<FactorId, Point> roomArrangement(const SystemMap& map,
                                          const std::map<FactorId, layout::Size>& sizes,
                                          const LinkStyle& link, double aspect, bool rows = true);

// The editor's drawing as it stands, scaled about its middle just enough that no two boxes of
// `sizes` come closer than a link's arrow head and sign need (linked) or than they read apart
// (others): its shape kept whole, its bends turned and scaled with their links
// (CanvasScene::shown). For display only.
std::map<FactorId, Point> scaledForRoom(const SystemMap& map,
                                        const std::map<FactorId, layout::Size>& sizes,
                                        const LinkStyle& link);

// Maps of up to this many factors have their rows traded (tradedPlaces): on larger ones the
// room would wait.
constexpr std::size_t kTradedMaxFactors = 30;

// `positions` (the room's rows) with factors trading places where the default layout's judge
// finds the drawing then reads better (layout::tradePlaces, for the room's boxes, links and
// screen): rows read factors in the order they were drawn and can cross links the drawing kept
// apart. Larger maps come back as they were.
std::map<FactorId, Point> tradedPlaces(const SystemMap& map, const std::map<FactorId, layout::Size>& sizes,
                                       const LinkStyle& link, double aspect, std::map<FactorId, Point> positions);

// How large boxes of `sizes` at `positions` show fitted to an area `aspect` wide for 1 high,
// relative to each other (the boxes alone; links can only widen a drawing).
double boxesScale(const std::map<FactorId, Point>& positions, const std::map<FactorId, layout::Size>& sizes,
                  double aspect);

} // namespace causeway::present
