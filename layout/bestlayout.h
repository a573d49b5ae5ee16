#pragma once

// Private to layout/: one Graphviz run with a given random start (layout.cpp), and the choice
// among several runs (bestlayout.cpp).

#include "layout/layout.h"
#include "layout/linkgeometry.h"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace causeway::layout::detail {

// Maps this small are judged with their links untangled, and trade some label size for fewer
// crossings whatever size their labels show (judge.cpp, layout.cpp).
constexpr std::size_t kSmallMapFactors = 16;

// Under this, labels fitted to the screen are too small to read from a workshop's back row: the
// drawing is an overview, and crossings what a reader zoomed in meets, so the default layout
// (layout.cpp) and the loop-first layout trade label size for fewer crossings there. (At 12 px,
// Forrester's IDch15d.mdl kept 169 crossings at 13.2 px; at 16, 91 at 10.6 px. The sample map,
// every model and the generated maps draw as before.)
constexpr double kReadableLabelPixels = 16;

// layoutOnce's `seed` for starting from where the map's factors are (those placed), as
// Graphviz's own command does from a file's positions, rather than from a random seed.
constexpr int kFromPositions = 0;

// layoutOnce's `seed` for a force engine's drawing that is where the map's factors are, packed
// for the screen without rows (no Graphviz run): a start drawn with no lines crossing
// (planarstart.h) packed so keeps most of them uncrossed; Graphviz's springs and rows do not.
constexpr int kAsPlaced = -1;

// Room a packing keeps between linked boxes: as tight as reads (rows `rowGap` apart), room for
// a sign between them (CompactionOptions::roomForSigns), or also for a delay mark between boxes
// a delayed link joins (CompactionOptions::delayedLinks).
enum class Room { Tight, ForSigns, ForSignsAndMarks };

// With `fewerCrossings`, when the drawing is packed for a screen and a packing that shows labels
// large enough (layout/compaction.h: 17 px on a small map, two thirds of the largest where even
// that is under 16 px) has fewer straight-line crossings than the largest, that drawing goes
// there too (else it is left empty): the caller judges both.
LayoutResult layoutOnce(const SystemMap& map, const LayoutOptions& options, int seed,
                        LayoutResult* fewerCrossings = nullptr, Room room = Room::Tight);

// Graphviz's positions for the same map and seed differ from run to run in the last digits
// (~1e-10 pt); choosing among drawings by counts amplifies that into a different drawing now
// and then. Rounded to 1/1024 pt, the same map always gives the same choice.
LayoutResult snapped(LayoutResult result);

// How many random starts computeLayout tries for this map: 1 where the engine has no random
// start (dot, circo), for tidy and pinned layouts (which promise to stay close to the
// facilitator's arrangement), and for maps too big to lay out several times quickly.
int startsFor(const SystemMap& map, const LayoutOptions& options);

// Each of `ids` (indexes into it) paired with its `neighbours` nearest at `at`: every pair once,
// (smaller, larger), in order. The factor swaps tried by factorswaps.cpp and the loop-first layout.
std::vector<std::pair<std::size_t, std::size_t>> nearestPairs(const std::vector<FactorId>& ids,
                                                              const std::map<FactorId, Point>& at,
                                                              std::size_t neighbours);

// Crossings of straight centre-to-centre lines between the links at `a` or `b` and the others
// (self-links and links sharing a factor left out): a quick guide to what swapping the two
// factors (or moving one: a == b) does to the drawing's crossings.
std::size_t straightCrossingsAt(const std::vector<Link>& links, const std::map<FactorId, Point>& at,
                                FactorId a, FactorId b);
// The same for the links at any of `moved` (a ring turned, two rings traded).
std::size_t straightCrossingsAt(const std::vector<Link>& links, const std::map<FactorId, Point>& at,
                                const std::set<FactorId>& moved);

// computeLayout's drawing, less the swaps it estimates on dense maps (factorswaps.h) and those
// before packing (LayoutOptions::swapFirst): the loop-first layout places rings by it, and with
// the first its rings crossed more as often as fewer (random 50-factor, 150-link maps: 800 / 667
// -> 761 / 756) in two and a half times the time; with the second, more (the report's generated
// maps, clockwise: 734 -> 786 and 3,202 -> 3,304); and less the uncrossed starts
// (LayoutOptions::uncrossedStarts).
LayoutResult guideLayout(const SystemMap& map, const LayoutOptions& options);

// A drawing of a map past the links the canvas untangles as it draws, up to 500, with its links
// untangled once (linkshapes.h untangledBends, each link's bends tried on `threads` threads),
// through bends that do not hook (untangle.h doublesBack) drawn with every link's ends spread:
// the map so drawn, its links' shapes as the canvas draws them. Nothing when no bend is left.
// Links already bent (by hand, or round a loop-first layout's rings) keep their bends.
struct Untangled {
    LayoutResult result; // `result` and the bends taken, stored as the layout's
    SystemMap drawn;
    std::map<LinkId, LinkShape> shapes;
};
std::optional<Untangled> untangledOnce(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                                       const LayoutResult& result, unsigned threads);

// `result` (the default layout's drawing, sized by `options`) untangled once when that reads
// better, the bends taken stored as the layout's; as it is otherwise (layout/untangledonce.cpp).
LayoutResult untangledIfBetter(const SystemMap& map, const LayoutOptions& options,
                               LayoutResult result);

// Whether any of the map's links is delayed, and how many delay marks `result` leaves in each
// other's way, on a sign or on a box, as the canvas and the SVG draw it (every mark placed, and
// room made where it could be).
bool anyDelayed(const SystemMap& map);
std::size_t marksInTheWay(const SystemMap& map, const LayoutOptions& options,
                          const LayoutResult& result);

// The cost the judge gives a drawing (lower is better; judge.cpp), and the factor swaps
// computeLayout tries on the best start, lowering `cost` with each kept.
double judgedCost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result);
void swapFactors(const SystemMap& map, const LayoutOptions& options, LayoutResult& result, double& cost);

} // namespace causeway::layout::detail
