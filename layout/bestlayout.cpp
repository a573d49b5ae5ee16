// computeLayout: the force-directed engines run from a few random starts and the drawing that
// reads best (no link through a box, no overlap, fewest crossings) is kept.
#include "layout/bestlayout.h"

#include "layout/crew.h"

#include "layout/factorswaps.h"
#include "layout/judge.h"
#include "layout/placement.h"
#include "layout/planarstart.h"
#include "layout/quality.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

namespace causeway::layout {

using detail::anyDelayed;
using detail::beyond;
using detail::boxesOf;
using detail::cost;
using detail::costOfBoxes;
using detail::improveBySwaps;
using detail::judgedMaxLinks;
using detail::kHidden;
using detail::marksInTheWay;
using detail::noBound;

namespace {

// Maps up to this many factors get the most starts (startsBySize), uncrossed ones among them.
constexpr std::size_t kSmallMapStarts = 30;

// Uncrossed starts (planarstart.h) tried on a small map whose links can be drawn so: round each
// of its four longest faces (eight gained nothing on twenty random maps; swapping the best two
// rather than the best, nothing either).
constexpr std::size_t kUncrossedFaces = 4;

// Starts tried by map size. Measured (CPU time) on random maps with 3 links a factor: one
// compacted neato run plus routing and counting takes ~30 ms at 22 factors, ~150 ms at 50 and
// ~400 ms at 100, so in-process layout stays faster than running the Graphviz command. Small maps
// get 12: with signs kept off boxes, the sample map needed 12 starts to find a drawing with both
// <= 9 crossings and 18 px labels.
int startsBySize(std::size_t factors, std::size_t links)
{
    if (links > judgedMaxLinks)
        return 1;
    if (factors <= kSmallMapStarts)
        return 12;
    if (factors <= 60)
        return 4;
    if (factors <= 120)
        return 2;
    return 1;
}

} // namespace

LayoutResult detail::snapped(LayoutResult result)
{
    for (auto& [id, p] : result.positions)
        p = {std::round(p.x * 1024) / 1024, std::round(p.y * 1024) / 1024};
    return result;
}

namespace {

// A layout free to choose where every factor goes, from random starts: a force engine (not dot
// or circo), neither tidying nor keeping pinned factors.
bool freeLayout(const SystemMap& map, const LayoutOptions& options)
{
    const bool seeded =
        options.engine == Engine::Neato || options.engine == Engine::Fdp || options.engine == Engine::Sfdp;
    if (!seeded || options.tidy)
        return false;
    const std::vector<Factor> factors = map.factors();
    return !options.keepPinned || std::none_of(factors.begin(), factors.end(), [](const Factor& f) { return f.pinned; });
}

} // namespace

int detail::startsFor(const SystemMap& map, const LayoutOptions& options)
{
    return freeLayout(map, options) ? startsBySize(map.factorCount(), map.linkCount()) : 1;
}

namespace {

// Every factor's box measured once: a size the caller left out is shaped from the label, and
// each start, each judgement and each swap asks for it again.
LayoutOptions withEverySize(const SystemMap& map, LayoutOptions options)
{
    for (const Factor& f : map.factors())
        if (!options.sizes.count(f.id))
            options.sizes[f.id] = detail::sizeOf(map, options, f.id);
    return options;
}

// The start `seed` (of `start`) laid out and packed again with `room`, swapped (unless `swap` is
// false), and its cost.
std::pair<LayoutResult, double> packedAgain(const SystemMap& map, const SystemMap& start,
                                            const LayoutOptions& options, int seed,
                                            detail::Room room, bool denseSwaps, bool swap = true)
{
    LayoutResult again = detail::snapped(detail::layoutOnce(start, options, seed, nullptr, room));
    double againCost = cost(map, options, again);
    if (swap)
        improveBySwaps(map, options, again, againCost, denseSwaps);
    return {std::move(again), againCost};
}

// A drawing that still hides a sign (or overlaps) was packed in rows too tight for it: the start
// whose largest packing judged best (`seed`) is packed again with room for a sign between linked
// boxes (CompactionOptions::roomForSigns), swapped, and kept if it then reads better. Random maps of 50 factors and 150 links (and 100 /
// 300) had a sign on a box from every start: at 4:3 now none, with 783 crossings against 866
// (3,370 against 3,874).
// Past kSmallMapFactors starts and swaps are judged with their links not untangled, and the
// canvas's untangling can still leave a sign on a box (where it bends a link, or moves a sign off
// a line): given `resultAsDrawn` (the cost of `result` as the canvas draws it), the new drawing
// is judged so too (a random map of 18 factors and 39 links: two signs on boxes, now none, at 28
// crossings for 24).
void packWithRoomForSigns(const SystemMap& map, const SystemMap& start, const LayoutOptions& options, int seed,
                          LayoutResult& result, double& resultCost, bool denseSwaps,
                          std::optional<double> resultAsDrawn = std::nullopt)
{
    auto [roomy, roomyCost] = packedAgain(map, start, options, seed, detail::Room::ForSigns,
                                          denseSwaps);
    if (resultAsDrawn ? detail::costAsDrawn(map, options, roomy) < *resultAsDrawn : roomyCost < resultCost) {
        result = std::move(roomy);
        resultCost = roomyCost;
    }
}

} // namespace

bool detail::anyDelayed(const SystemMap& map)
{
    const std::vector<Link> links = map.links();
    return std::any_of(links.begin(), links.end(), [](const Link& l) { return l.delay; });
}

std::size_t detail::marksInTheWay(const SystemMap& map, const LayoutOptions& options,
                                  const LayoutResult& result)
{
    SystemMap drawn = map;
    applyLayout(drawn, result);
    const DrawingQuality q = measureDrawing(
        drawingOfMap(drawn, boxesOf(map, options, result), options.link));
    return q.delayMarksOnFactors + q.signsOnDelayMarks + q.overlappingDelayMarks;
}

namespace {

// A drawing whose delay marks are still in the way as drawn was packed too tight for them: boxes
// a delayed link joins get no more room than any linked pair, and a short link's line leaves its
// mark nowhere clear (the judge, which places marks without making room, charges such a mark
// half a crossing). The start whose packing judged best is packed again with room for signs and
// for a mark between those boxes (Room::ForSignsAndMarks), swapped, and kept when it reads better
// with each mark in the way as drawn costing as much as something hidden. 62 maps (the sample,
// the models, 48 random maps of 12-32 factors), every second link delayed, laid out for 4:3: the
// 8 that left marks in the way (20 in all) now leave none; 1,185 -> 1,123 crossings in all,
// labels 29.24 -> 28.89 px mean; the rest unchanged.
void packWhereMarksHide(const SystemMap& map, const SystemMap& start, const LayoutOptions& options,
                        int seed, LayoutResult& result, double& resultCost, bool denseSwaps)
{
    if (!options.compact || !anyDelayed(map)) // (unpacked, a drawing has no room to give)
        return;
    const std::size_t inTheWay = marksInTheWay(map, options, result);
    if (inTheWay == 0)
        return;
    auto [roomy, roomyCost] = packedAgain(map, start, options, seed, detail::Room::ForSignsAndMarks,
                                          denseSwaps);
    std::size_t roomyInTheWay = marksInTheWay(map, options, roomy);
    if (roomyInTheWay > 0) {
        // The swaps trade places with no more room for a delayed link than any: the swapped
        // drawing is packed again as it is, with room, and not swapped. A dense random map (22
        // factors, 55 links) with every link delayed, from two starts: 1 and 4 marks on factors
        // -> none, at 67 -> 74 and 71 -> 69 crossings.
        SystemMap swapped = map;
        applyLayout(swapped, roomy);
        auto [again, againCost] = packedAgain(map, swapped, options, detail::kAsPlaced,
                                              detail::Room::ForSignsAndMarks, denseSwaps, false);
        if (const std::size_t againInTheWay = marksInTheWay(map, options, again);
            againCost + kHidden * double(againInTheWay)
            < roomyCost + kHidden * double(roomyInTheWay)) {
            roomy = std::move(again);
            roomyCost = againCost;
            roomyInTheWay = againInTheWay;
        }
    }
    if (roomyCost + kHidden * double(roomyInTheWay) < resultCost + kHidden * double(inTheWay)) {
        result = std::move(roomy);
        resultCost = roomyCost;
    }
}

// The drawing chosen packed with room for signs (packWithRoomForSigns) when it hides a sign as
// judged, or, past kSmallMapFactors, as the canvas draws it.
void packWhereSignsHide(const SystemMap& map, const SystemMap& start, const LayoutOptions& options, int seed,
                        LayoutResult& result, double& resultCost, bool denseSwaps)
{
    if (resultCost >= kHidden) {
        packWithRoomForSigns(map, start, options, seed, result, resultCost, denseSwaps);
    } else if (map.factorCount() > detail::kSmallMapFactors) {
        if (const double asDrawn = detail::costAsDrawn(map, options, result); asDrawn >= kHidden)
            packWithRoomForSigns(map, start, options, seed, result, resultCost, denseSwaps, asDrawn);
    }
}

// A map laid out from one start, rounded as every start is: the untangling that follows
// (computeLayout) turned Graphviz's last-digit noise into different bends from run to run
// (World3-03: 25 of 471 links). A pinned factor stays exactly where it was pinned.
LayoutResult onlyStart(const SystemMap& map, const LayoutOptions& options)
{
    const LayoutResult once = detail::layoutOnce(map, options, 1);
    LayoutResult rounded = detail::snapped(once);
    for (auto& [id, p] : rounded.positions)
        if (options.keepPinned && map.factor(id).pinned)
            p = once.positions.at(id);
    return rounded;
}

// Whether one start is judged too: when packing it for the screen offers a choice (for size,
// or for fewer crossings) and its links are few enough to judge. World3-03 (301 factors, 471
// links) 3,928 -> 2,229 crossings, labels 5.0 -> 4.0 px at 1024x768, an overview either way.
bool judgesOneStart(const SystemMap& map, const LayoutOptions& options)
{
    return freeLayout(map, options) && options.aspect > 0 && map.linkCount() <= judgedMaxLinks;
}

// Then, on a small map whose links can be drawn with none crossing and whose drawing so far
// still costs something, starts drawn so (planarstart.h), packed as they are: the best is
// swapped and kept only when it then reads better (an uncrossed drawing with smaller labels does
// not replace one the swaps uncrossed). The Vensim CLD energy_tech_cld_v160.mdl (15 factors, 20
// links): 2 crossings at 25.2 px -> none at 20.1 (Graphviz: dot none, neato 1); twenty random
// maps of 12 to 28 factors that can be drawn uncrossed: 57 crossings -> 35. Returns the start
// whose drawing `result` now holds, or nothing when none was kept.
std::optional<SystemMap> fromUncrossedStarts(const SystemMap& map, const LayoutOptions& options,
                                             LayoutResult& result, double& resultCost, bool denseSwaps)
{
    if (resultCost <= 0 || map.factorCount() > kSmallMapStarts || !options.compact || !options.uncrossedStarts)
        return std::nullopt;
    const detail::PlanarStarts planar(map, options, kUncrossedFaces);
    const std::size_t count = planar.size();
    if (count == 0)
        return std::nullopt;
    // Each start is spread, packed (for size, and for fewer crossings when the packing finds
    // one) and judged in order, and none after the first that draws perfectly: the least cost
    // picks it and no swap betters it (energy_tech_cld_v160.mdl: a fifth of its layout's
    // instructions). A start whose packings no trading of places could show with labels large
    // enough to beat the drawing so far is judged only when another is not so (workforce.mdl:
    // uncrossed, its labels cost 18 or more, the drawing so far 2; a fifth of its layout's time).
    std::vector<std::optional<SystemMap>> starts(count); // none where the springs left a crossing
    std::vector<std::pair<LayoutResult, LayoutResult>> packed(count);
    std::vector<char> hopeless(count, 1);
    std::vector<std::pair<LayoutResult, double>> judged(count, {LayoutResult{}, noBound});
    const double bound = beyond(resultCost);
    auto judge = [&](std::size_t k) {
        LayoutResult drawing = std::move(packed[k].first);
        double c = cost(map, options, drawing, bound);
        if (!packed[k].second.positions.empty()) { // packed for fewer crossings: the better of the two
            if (const double o = cost(map, options, packed[k].second, bound); o < c) {
                drawing = std::move(packed[k].second);
                c = o;
            }
        }
        judged[k] = {std::move(drawing), c};
        return c <= 0;
    };
    auto beyondReach = [&](const LayoutResult& drawing) {
        return drawing.positions.empty()
            || detail::swappedLabelFloor(options, boxesOf(map, options, drawing)) >= resultCost;
    };
    detail::Crew crew(detail::judgingThreads(options, count));
    const std::size_t perfect = crew.firstThat(count, [&](std::size_t k) { // each writes its own entries
        const std::map<FactorId, Point> at = planar.start(k);
        if (at.empty())
            return false;
        SystemMap& start = starts[k].emplace(map);
        for (const auto& [id, p] : at)
            start.moveFactor(id, p);
        LayoutResult other;
        packed[k].first = detail::snapped(detail::layoutOnce(start, options, detail::kAsPlaced, &other));
        if (!other.positions.empty())
            packed[k].second = detail::snapped(std::move(other));
        hopeless[k] = beyondReach(packed[k].first) && beyondReach(packed[k].second);
        return !hopeless[k] && judge(k);
    });
    if (perfect == count) { // every start spread and packed, those within reach judged
        if (std::all_of(hopeless.begin(), hopeless.end(), [](char h) { return h != 0; }))
            return std::nullopt;
        crew.run(count, [&](std::size_t k) { // each writes its own entry
            if (starts[k] && hopeless[k])
                judge(k);
        });
    }
    const auto best = std::min_element(judged.begin(), judged.end(),
                                       [](const auto& x, const auto& y) { return x.second < y.second; });
    // Nor the best swapped when no trading of its places could beat the drawing so far.
    if (best->second >= noBound
        || detail::swappedLabelFloor(options, boxesOf(map, options, best->first)) >= resultCost)
        return std::nullopt;
    double bestCost = best->second; // swapped even when it costs more so far (on one random map 16 -> 3)
    improveBySwaps(map, options, best->first, bestCost, denseSwaps);
    if (bestCost >= resultCost)
        return std::nullopt;
    result = std::move(best->first);
    resultCost = bestCost;
    return std::move(starts[std::size_t(best - judged.begin())]);
}

// A start's cost, or when its labels alone already cost `bound` (judge.h labelFloor), that floor:
// it is not judged (the best of a kind is then the same drawing).
double boundedCost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& drawing, double bound)
{
    const std::map<FactorId, BoxShape> boxes = boxesOf(map, options, drawing);
    if (const double floor = detail::labelFloor(options, boxes); floor >= bound)
        return floor;
    return costOfBoxes(map, options, boxes, bound);
}

// Drawings of one kind (bestOfStarts), each with its cost.
struct Kind {
    std::vector<std::pair<LayoutResult, double>> judged;
    double bestCost = noBound; // so far: a bound for the starts still being judged
    explicit Kind(std::size_t starts) : judged(starts, {LayoutResult{}, noBound}) {}
    auto best()
    {
        return std::min_element(judged.begin(), judged.end(),
                                [](const auto& x, const auto& y) { return x.second < y.second; });
    }
};

LayoutResult bestOfStarts(const SystemMap& map, const LayoutOptions& options, bool denseSwaps)
{
    const int starts = detail::startsFor(map, options);
    if (starts <= 1 && !judgesOneStart(map, options))
        return onlyStart(map, options);
    // Starts are handed out in order and every one before the first perfect drawing is judged: the
    // lowest cost, the earliest start on a tie, is the drawing one thread trying them in turn keeps.
    // Each start is packed for the screen as large as it shows and, when the packing finds one,
    // with fewer straight-line crossings while its labels stay large enough (about 20 px on a small
    // map, two thirds of the largest where even that cannot be read; layoutOnce's
    // `fewerCrossings`). The best of each kind is found apart (each judged against its own kind,
    // so the choice never depends on which thread finished first). Swaps then improve the best
    // packed for size, and the best packed for crossings too when it reads better before them:
    // it is kept only if it still reads better after (on SIR.mdl, 0 crossings at 20.7 px
    // against 2 at 31 px; on hares_and_foxes both reach 0 and the larger labels stay).
    // One more start, last (an earlier one wins a tie): from where the factors are, as Graphviz's
    // command starts from a file's positions. An imported model keeps its modeller's
    // arrangement (Forrester's 97-factor supply chain, IDch15d: Graphviz drew 42 crossings from
    // it, our random starts 118).
    const std::vector<Factor> factors = map.factors();
    const bool placed =
        std::any_of(factors.begin(), factors.end(), [](const Factor& f) { return !detail::isUnplaced(f.position); });
    const std::size_t candidates = std::size_t(starts) + (placed ? 1 : 0);
    auto seedOf = [&](std::size_t i) { return i < std::size_t(starts) ? int(i) + 1 : detail::kFromPositions; };
    Kind large{candidates}, fewer{candidates};
    std::mutex mutex;
    std::size_t perfect = large.judged.size(); // the first start packed for size with no cost at all
    detail::Crew crew(detail::judgingThreads(options, large.judged.size()));
    crew.run(large.judged.size(), [&](std::size_t i) {
        double largeBound = noBound, fewerBound = noBound;
        {
            const std::lock_guard lock(mutex);
            if (perfect < i) // no later start beats it
                return;
            largeBound = beyond(large.bestCost);
            fewerBound = beyond(fewer.bestCost);
        }
        LayoutResult other;
        // Which packings may trade label size for crossings is the packing's to say (layout.cpp's
        // compact: small maps above 17 px, any map whose labels are under 16 px anyway).
        LayoutResult drawing = detail::snapped(detail::layoutOnce(map, options, seedOf(i), &other));
        const double c = boundedCost(map, options, drawing, largeBound);
        double o = noBound;
        if (c > 0 && !other.positions.empty()) {
            other = detail::snapped(std::move(other));
            o = boundedCost(map, options, other, fewerBound);
        }
        const std::lock_guard lock(mutex);
        large.bestCost = std::min(large.bestCost, c);
        fewer.bestCost = std::min(fewer.bestCost, o);
        if (c == 0)
            perfect = std::min(perfect, i);
        large.judged[i] = {std::move(drawing), c};
        if (o < noBound)
            fewer.judged[i] = {std::move(other), o};
    });
    auto best = large.best();
    const std::size_t bestStart = std::size_t(best - large.judged.begin());
    double bestCost = best->second;
    LayoutResult result = std::move(best->first);
    improveBySwaps(map, options, result, bestCost, denseSwaps);
    // (Not when no trading of places could beat what the swaps left: on SIR.mdl, nothing.)
    if (auto alternative = fewer.best();
        alternative->second <= best->second && alternative->second < noBound
        && detail::swappedLabelFloor(options, boxesOf(map, options, alternative->first)) < bestCost) {
        double alternativeCost = alternative->second;
        improveBySwaps(map, options, alternative->first, alternativeCost, denseSwaps);
        if (alternativeCost < bestCost) {
            result = std::move(alternative->first);
            bestCost = alternativeCost;
        }
    }
    const std::optional<SystemMap> uncrossed = fromUncrossedStarts(map, options, result, bestCost, denseSwaps);
    if (options.aspect > 0) {
        packWhereSignsHide(map, uncrossed ? *uncrossed : map, options,
                           uncrossed ? detail::kAsPlaced : seedOf(bestStart), result, bestCost, denseSwaps);
        packWhereMarksHide(map, uncrossed ? *uncrossed : map, options,
                           uncrossed ? detail::kAsPlaced : seedOf(bestStart), result, bestCost,
                           denseSwaps);
    }
    return result;
}

} // namespace

double detail::judgedCost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result)
{
    return cost(map, withEverySize(map, options), result);
}

std::map<FactorId, Point> tradePlaces(const SystemMap& map, const LayoutOptions& options,
                                      std::map<FactorId, Point> positions)
{
    const LayoutOptions sized = withEverySize(map, options);
    LayoutResult result;
    result.positions = std::move(positions);
    double cost = detail::cost(map, sized, result);
    improveBySwaps(map, sized, result, cost);
    return std::move(result.positions);
}

void detail::swapFactors(const SystemMap& map, const LayoutOptions& options, LayoutResult& result, double& cost)
{
    improveBySwaps(map, withEverySize(map, options), result, cost);
}

namespace {

LayoutResult laidOut(const SystemMap& map, const LayoutOptions& given, bool denseSwaps)
{
    const LayoutOptions options = withEverySize(map, given);
    LayoutResult result = bestOfStarts(map, options, denseSwaps);
    return detail::untangledIfBetter(map, options, std::move(result));
}

} // namespace

namespace {

// A screen far from 4:3 is also laid out for 4:3 (judge.h farFromProjector), on maps of up to
// this many links: packing for another shape can cross more for labels that gain little. The
// sample map on a 1280x720 window's canvas (990x660) 17 crossings at 18.0 px -> 9 at 17.3 px, on
// 735x708 (1024x768 beside the panel) 13 at 15.9 px -> 8 at 14.3 px; energy_tech on 990x660
// 1 -> 0; every other model as before. On a portrait page the sample's 4:3 drawing crossed 9 times
// for 13, but at 14.7 px for 18.9: not taken. The time there is ~1.6x (the sample ~55 -> ~90 ms).
constexpr std::size_t kProjectorTriedMaxLinks = 100;

// How large the drawing's boxes show fitted to a screen of the options' aspect, one unit high.
double shownScale(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result)
{
    const detail::Extent e = detail::extentOf(boxesOf(map, options, result));
    if (e.width <= 0 || e.height <= 0)
        return 0;
    return std::min(options.aspect / e.width, 1.0 / e.height);
}

// A map with a factor on this many links or more, and on at least half the map's links, is drawn
// by dot as well, on maps of up to kLayeredTriedMaxLinks links (layeredIfBetter). Dot won on hubs
// of 16 to 30 links with up to 6 more links among their factors; where a hub holds few of the
// links it only cost time (40 factors, 100 links, a hub of 14: 161 -> 679 ms, the same drawing).
constexpr std::size_t kLayeredHubLinks = 12;
constexpr std::size_t kLayeredTriedMaxLinks = 100;

bool hasLayeredHub(const SystemMap& map)
{
    const std::size_t hub = detail::endsAtBusiestFactor(map);
    return hub >= kLayeredHubLinks && 2 * hub >= map.linkCount();
}

// A hub's links fan out of one box: the force engines, packed for the screen, put its factors
// in rows where links to the far ones detour round the near ones and cross, and dot's ranks (the
// links in on one side, out on the other) cross none. On a map with a hub the hierarchical
// drawing (dot's ranks across or down the screen, its routes kept as bends: computeLayout's Dot)
// is judged too, as the canvas draws it, and kept when it reads better. At 4:3: a factor with 20
// links and nothing else 6 -> 0 crossings at 25.8 px, with 30 links 31 -> 1 at 17.7 -> 17.0 px;
// with 26 links and two links between its factors 20 -> 0 at 20.4 -> 18.9 px. Dot lost on every
// map here without a hub (the sample, the models, 40 random maps), so only maps with a hub pay
// its time. A map dot cannot draw (too many factors for it) keeps the force drawing.
LayoutResult layeredIfBetter(const SystemMap& map, const LayoutOptions& options,
                             LayoutResult result)
{
    if (!freeLayout(map, options) || !options.compact || options.aspect <= 0
        || map.linkCount() > kLayeredTriedMaxLinks || !hasLayeredHub(map))
        return result;
    LayoutOptions dot = withEverySize(map, options); // as the judge measures
    dot.engine = Engine::Dot;
    LayoutResult layered;
    try {
        layered = laidOut(map, dot, true);
    } catch (const LayoutError&) {
        return result;
    }
    const double now = detail::costAsDrawn(map, dot, result);
    if (detail::costAsDrawn(map, dot, layered, now) < now)
        return layered;
    return result;
}

LayoutResult laidOutOrLayered(const SystemMap& map, const LayoutOptions& options)
{
    return layeredIfBetter(map, options, laidOut(map, options, true));
}

} // namespace

LayoutResult computeLayout(const SystemMap& given, const LayoutOptions& options)
{
    const detail::StopScope stoppable(options.stop.get());
    // Judged as it will be drawn: an earlier layout's bends (a loop-first drawing's rings, dot's
    // routes) are dropped with the result, not kept. Judged with them, the sample map laid out
    // again after the loop-first layout drew 19 crossings at 18.4 px, for 8 at 20.0 px without.
    const SystemMap map = withoutLayoutBends(given);
    LayoutResult result = laidOutOrLayered(map, options);
    if (!freeLayout(map, options) || !options.compact || map.linkCount() > kProjectorTriedMaxLinks
        || !detail::farFromProjector(options.aspect))
        return result;
    LayoutOptions projector = options;
    projector.aspect = detail::kProjectorAspect;
    LayoutResult other = laidOutOrLayered(map, projector);
    // Both judged as the canvas draws them: with their bends (dot's routes, the untangling stored
    // on maps past 40 links), untangled as the canvas untangles.
    const LayoutOptions sized = withEverySize(map, options);
    if (shownScale(map, options, other)
            >= detail::kProjectorLabelShare * shownScale(map, options, result)
        && detail::costAsDrawn(map, sized, other) < detail::costAsDrawn(map, sized, result))
        return other;
    return result;
}

LayoutResult detail::guideLayout(const SystemMap& map, const LayoutOptions& options)
{
    LayoutOptions unswapped = options;
    unswapped.swapFirst = false;
    unswapped.uncrossedStarts = false;
    unswapped.signsOffLines = false;
    return laidOut(map, unswapped, false);
}

} // namespace causeway::layout
