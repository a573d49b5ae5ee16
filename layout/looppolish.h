#pragma once

// Private to layout/: a loop-first drawing as judged (loopjudge.cpp), and its polishing
// (looppolish.cpp).

#include "layout/judge.h"
#include "layout/looplayout.h"
#include "layout/loopring.h"

#include <cstddef>
#include <map>
#include <vector>

namespace causeway::layout::detail {

constexpr double kPieceGap = 60; // between rings and lone factors: room for the links joining them

// How a drawing reads: its cost, lower better (a link through a box, overlapping factors or a
// hidden sign outweigh any number of crossings), and its labels' size.
struct Reading {
    double cost;
    double labelPixels; // on a 1024-wide screen of the aspect
    std::size_t crossings = 0;
    // Nothing crossing, nothing the judge counts as hidden, labels of 20 px or more: no drawing
    // reads better, as no term of a cost is ever below 0 (loopjudge.cpp drawLinks), so nothing
    // more need be tried once one reads so.
    bool unbeatable() const { return cost <= 0; }
};

struct Chosen {
    // Positions and bends; links filled in by drawLinks where the drawing will be stored, moved
    // where the map was (placement.h anchorShift): see stored().
    LayoutResult result;
    std::vector<Ring> rings;
    Reading reading{noBound, 0}; // until judged: no better than anything
};

// Each link of `result` (positions and bends) as the canvas and the SVG draw it once the layout is
// stored (ring links bent into arcs, the others routed around boxes, signs placed clear), box
// edge to arrow tip, and how that drawing reads. When the drawing without signs or delay marks
// already costs `bound` (what the caller must beat), that floor is returned and the links are
// not filled in: placing signs costs as much as counting crossings and only adds to the cost.
Reading drawLinks(LayoutResult& result, const SystemMap& map, const std::map<FactorId, Size>& sizes,
                  double aspect, double bound = noBound);

// The drawing as loopFirstLayout returns it: its positions moved where the map was, where its
// links were drawn and judged (a translation by a fraction of a pixel can tip a tie in routing or
// untangling, so a drawing is judged only there).
LayoutResult stored(Chosen chosen, const SystemMap& map);

// The drawing with these positions and rings: ring bends for them, links routed and judged. A
// drawing that cannot cost less than `bound` (what the caller must beat) may be judged only so
// far as that shows: its cost is then at least `bound` and its links are not filled in.
Chosen judged(const SystemMap& map, const std::map<FactorId, Size>& sizes, double aspect, LoopDirection direction,
              std::map<FactorId, Point> positions, std::vector<Ring> rings, double bound = noBound);

// A floor under the cost of any drawing with factors at `positions` (judged's, whatever its
// links): its overlapping boxes, and its labels as large as the boxes alone would show them.
double readingFloor(const std::map<FactorId, Size>& sizes, double aspect, const std::map<FactorId, Point>& positions);

// Polishing the drawing chosen: each ring tried at every turn, rings of a size and factors on no
// ring traded with their nearest such neighbours or moved beside the factors they link to
// (spotsFor), each ring moved whole beside the factors off it that it links to (ringShiftsFor),
// each kept when the drawing, routed and judged in full, reads better; up to four
// passes, while one helps. A move is judged only when the straight lines of the links at the
// factors it moves cross no more straight lines than before (looppolish.cpp worthJudging).
// turnRings turns rings by the length of their outer links, which is quick but blind to
// crossings. Each try routes every link: only maps this small get four passes.
constexpr std::size_t kPolishedMaxLinks = 100;

// Denser maps up to this size (factors times links, what a judgement costs) get three passes and
// more while they pay (kFurtherPassGain), of the best kind of rings only (two before their moves
// were also screened by their routes, kScreenedMoveGain). With two, at 4:3, clockwise, Graphviz in
// the same run: Forrester's IDch15d.mdl (97 factors, 159 links) 353 -> 126 crossings (labels 6.4 ->
// 6.1 px; `neato` 64), the editor's 100-factor test map (170 links) 657 -> 240, in ~1.5 -> ~6 s and
// ~2 -> ~9 s wall on two cores (the editor lays out in the background). Since moves are screened on
// every map by their straight lines, up to 32,000 (was 17,000): the Foresight obesity map (108 /
// 296) 1,577 / 1,586 -> 1,165 / 1,128 (Graphviz `dot` 1,483; its default layout 1,142), the
// generated 100/300 map 2,876 / 2,897 -> 2,383 / 2,424 (`dot` 2,580), in ~1.7-3 -> ~7-12 s wall; a
// random 60-factor, 500-link map 14,018 -> 11,915 in ~14 -> ~29 s.
constexpr std::size_t kDensePolishedMaxWork = 32000;

// On those denser maps a move is judged only when the links it re-routes, each routed alone as a
// drag re-routes them (factorswaps.h routedCrossingChange: the links at the factors it moves and
// those their new boxes land on, counted against the rest), cross at least this many fewer
// others; the time saved buys a third pass. Sixteen random maps of 40-100 factors and 110-300
// links (the editor's 100-factor test map and the quality report's generated maps among them),
// clockwise at 4:3, `causeway-cli layout --engine loops`: 10,833 -> 10,594 crossings in all,
// labels 6.28 -> 6.56 px mean, in 119 -> 102 s of CPU time (the test map 208 -> 147 crossings,
// 15.3 -> 11.3 s). Screened with two passes: 10,978 crossings in 85 s. Needing a gain of 2 or 4
// (two passes, the first ten maps): 7,088 and 7,121 crossings against 6,994, in 2% and 14% less
// time.
constexpr long kScreenedMoveGain = 1;

// Up to this size the rings are also tried as ovals and as whole loops (as on maps of up to 100
// links) before polishing: the generated 50-factor, 150-link map 658 -> 487 crossings (Graphviz
// 610 / 634; circles alone, two passes unscreened: 597), ten random 50/150 maps 7,423 -> 5,885 in
// all (their default layouts 5,288), ~0.8 -> ~2.6 s each. On IDch15d they never won and doubled
// the time.
constexpr std::size_t kEveryKindOfRingMaxWork = 8000;

// Denser maps' passes past the third: each only while the one before lowered the drawing's cost
// by at least this share, up to kDenseMostPasses in all. At 4:3, both ways, against three passes
// in the same run: the editor's 100-factor test map (170 links) 147 / 140 -> 122 / 103 crossings
// (Graphviz `neato -Gsplines=true` 129; the default layout 114) in ~8 -> ~9 s wall; the generated
// 100/300 map 2,136 / 2,186 -> 2,120 / 2,142 in ~13 -> ~15-17 s; 50/150 468 / 486 -> 465 / 473;
// eight random maps of 40-100 factors and 112-280 links 15,412 -> 15,339 in all. In all, 22
// drawings, 200 -> 221 s of CPU. At 1% (clockwise, not alternating): the random maps gained three
// times as much for 23% more CPU time (2%: 6%); passes until one kept nothing drew as 1% did, in
// more time still.
constexpr int kDenseSurePasses = 3;
constexpr int kDenseMostPasses = 8;
constexpr double kFurtherPassGain = 0.02;
static_assert(kFurtherPassGain > 0 && kFurtherPassGain < 1);

// The most passes polishing gives the map: four, kDenseMostPasses, or none (past both sizes).
int polishPasses(const SystemMap& map);
// Whether polishing the map gives it another pass after `passesDone`, the last of which took the
// drawing's cost from `costBefore` to `costAfter`: none after a pass that kept no move (a kept move
// always lowers the cost), nor past polishPasses; on denser maps, past kDenseSurePasses, only after
// a pass that paid (kFurtherPassGain).
bool anotherPass(const SystemMap& map, int passesDone, double costBefore, double costAfter);
// Whether the map's rings are tried as circles, ovals and whole loops, or as circles alone.
bool everyKindOfRing(const SystemMap& map);

// Moves are judged on `threads` threads, in order (Crew::firstThat); the first that reads better
// is kept and judging goes on after it, so the drawing is the one a single thread trying them in
// turn would keep.
void polish(const SystemMap& map, const std::map<FactorId, Size>& sizes, double aspect, LoopDirection direction,
            unsigned threads, Chosen& best);

// The polished drawing pulled together: every factor, ring and layout's bend scaled towards the
// middle (a bend given by hand keeps its shape), in three rounds: both ways, then across, then
// down, each by steps of 2.5% down to 60% of where the round began, the best step kept when the
// drawing reads better and crosses no more links. Rings and lone factors are packed with room
// to spare (kPieceGap round every piece, the middle of every ring empty) and polishing leaves
// gaps where it moved them; scaling keeps the order of everything, so what crossed little still
// does. At 4:3, both directions, 13 models, the sample, energy_pos_loop.mdl and 48 random maps
// (126 drawings): crossings 1,939 -> 1,898, labels 20.11 -> 20.80 px mean, none smaller, none
// crossing more (the sample 8 -> 7 crossings, 12.5 -> 14.3 px). Steps of 5%: 1,911 crossings,
// 20.71 px. Letting the judge trade crossings for size (2 a pixel) as polishing does: 1,939
// crossings at 20.95 px, but workforce.mdl 1 -> 3, as many as Graphviz draws. Only maps of up to
// kPolishedMaxLinks: the generated 50/150 and 100/300 maps drew the same at 10% more time.
constexpr std::size_t kSqueezeSteps = 16;
constexpr double kSqueezeStep = 0.025;
void squeeze(const SystemMap& map, const std::map<FactorId, Size>& sizes, double aspect,
             unsigned threads, Chosen& best);

} // namespace causeway::layout::detail
