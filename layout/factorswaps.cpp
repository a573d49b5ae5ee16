// Factor swaps on the default layout's chosen drawing (layout/factorswaps.h).
#include "layout/factorswaps.h"

#include "layout/bestlayout.h"
#include "layout/crew.h"
#include "layout/cubicpath.h"
#include "layout/judge.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"
#include "layout/placement.h"
#include "layout/untangle.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace causeway::layout {

using detail::boxesOf;
using detail::costOfArranged;
using detail::costOfBoxes;
using detail::judgedMaxLinks;
using detail::linkShapesAlone;
using detail::noBound;

namespace {

// Crossings between straight lines of the links `touches` picks and the others, each pair once.
template <typename Touches>
std::size_t straightCrossingsWhere(const std::vector<Link>& links, const std::map<FactorId, Point>& at,
                                   const Touches& touches)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const Link& l = links[i];
        if (l.from == l.to || !touches(l))
            continue;
        const Point p = at.at(l.from), q = at.at(l.to);
        for (std::size_t j = 0; j < links.size(); ++j) {
            const Link& m = links[j];
            if (j == i || (touches(m) && j < i) || m.from == m.to || m.from == l.from || m.from == l.to
                || m.to == l.from || m.to == l.to)
                continue;
            const Point r = at.at(m.from), s = at.at(m.to);
            if (straightLinesCross(p, q, r, s))
                ++n;
        }
    }
    return n;
}

} // namespace

std::size_t detail::straightCrossingsAt(const std::vector<Link>& links, const std::map<FactorId, Point>& at,
                                        FactorId a, FactorId b)
{
    return straightCrossingsWhere(
        links, at, [&](const Link& l) { return l.from == a || l.to == a || l.from == b || l.to == b; });
}

std::size_t detail::straightCrossingsAt(const std::vector<Link>& links, const std::map<FactorId, Point>& at,
                                        const std::set<FactorId>& moved)
{
    return straightCrossingsWhere(
        links, at, [&](const Link& l) { return moved.count(l.from) > 0 || moved.count(l.to) > 0; });
}

std::vector<std::pair<std::size_t, std::size_t>> detail::nearestPairs(const std::vector<FactorId>& ids,
                                                                     const std::map<FactorId, Point>& at,
                                                                     std::size_t neighbours)
{
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::vector<std::pair<double, std::size_t>> near;
        for (std::size_t j = 0; j < ids.size(); ++j)
            if (j != i)
                near.emplace_back(length(at.at(ids[j]) - at.at(ids[i])), j);
        std::sort(near.begin(), near.end());
        for (std::size_t k = 0; k < std::min(neighbours, near.size()); ++k)
            pairs.emplace_back(std::min(i, near[k].second), std::max(i, near[k].second));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

namespace {

// The drawing after two factors traded places, re-routing only what a drag would: their own
// links and the links their new boxes land on (links that went round their old places keep
// their detours). A quick screen: a swap it finds better is measured in full before it is kept
// (with `estimateFrom`, the links as arranged before the swap, only what the swap changed is
// routed again, arrangedAgain, no sign is placed, and the estimate is what counts; the links
// arranged go to `estimated`). `shapes`: each link as drawn on its own (ends not yet spread,
// links not untangled).
double costAfterSwap(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                     std::map<LinkId, LinkShape> shapes, // NOLINT(performance-unnecessary-value-param): changed here
                     FactorId a, FactorId b, bool untangle, double bound, const Arranged* estimateFrom = nullptr,
                     Arranged* estimated = nullptr)
{
    const std::vector<BoxShape> moved{boxes.at(a), boxes.at(b)};
    const OtherLines lines = linesToCross(map, boxes); // once for every link re-routed
    std::set<LinkId> rerouted;
    for (auto& [id, shape] : shapes) {
        const Link& l = map.link(id);
        const bool own = l.from == a || l.to == a || l.from == b || l.to == b;
        if (own || pathHitsBoxes(CubicPath(shape.line), moved)) {
            shape = linkShapeIn(map, boxes, l, lines, options.link, {}, Marks::DelayedLinks);
            rerouted.insert(id);
        }
    }
    if (!estimateFrom)
        return costOfArranged(map, options, boxes, shapes, untangle, bound);
    *estimated = arrangedAgain(map, boxes, shapes, *estimateFrom,
                               {{a, boxes.at(b).centre}, {b, boxes.at(a).centre}}, rerouted, options.link);
    return detail::costWithoutSigns(map, options, boxes, estimated->shapes);
}

// Swapping two factors' places often undoes a crossing the engine left (it sees links as
// springs, not as lines that cross). Greedy passes over all pairs, kept while they help; the
// cost of a pass grows with the cube of the map's size, so only small maps get them.
constexpr std::size_t swapMaxFactors = 30;
constexpr std::size_t swapNeighbours = 8;
// A swap whose drawing, its links not untangled, costs less than this much more than the best
// so far (2 crossings) is judged again with them untangled. At 4, energy_tech's layout spent a
// fifth of its time untangling swaps that could not win; at 2, 96 of 99 drawings came out the
// same (35 maps at three screens; 30 more random maps of 12 to 30 factors, all the same), and
// the other three crossed as little with larger labels (SIR.mdl at 4:3 20.7 -> 24.0 px).
constexpr double untangleWithin = 2;
// A swap that adds more than this many crossings between straight lines is not drawn and
// judged: laying out the sample map for 4:3 judged 214 swaps, now 60, and the sample and every
// model keep the drawing they had (with 1 or 2, hares_and_foxes at 4:3 kept a crossing a swap
// would undo).
constexpr std::size_t swapStraightSlack = 3;

// What a swap is judged against: the drawing's positions, boxes and each link as drawn on its own.
// (RoutedAlone's `lines` only when swaps are screened by their routes.)
struct Arrangement : detail::RoutedAlone {
    std::map<FactorId, Point> positions;
    Arranged arranged; // `shapes` arranged, when swaps are estimated
};

// Maps past swapMaxFactors, up to these sizes, are swapped too, but a swap is judged only when
// the links it re-routes (as a drag would: the two factors' own, and those their new boxes land
// on), each routed alone, cross fewer others than before: a count of a few links against the
// rest, where a judgement routes, spreads, signs and counts the whole drawing.
constexpr std::size_t screenedSwapMaxFactors = 120;
constexpr std::size_t screenedSwapMaxLinks = 300;
constexpr double screenedSwapLinksPerFactor = 2; // sparse maps only: a dense map's judgements cost seconds
// Nor a map with a hub: the judge does not see how close a busy box's arrow heads come, and
// swapping the factors round one with 30 links brought two heads at a corner within half a
// head's width (BadInputLayout.AFactorWithThirtyLinksShowsEveryArrowHeadDistinctly).
constexpr std::size_t screenedSwapMaxLinksAtAFactor = 16;
// A swap is judged when it takes at least this many crossings away between links routed alone,
// and adds no crossing between straight lines; each factor is tried with its 6 nearest, once.
constexpr long screenedSwapGain = 2;
constexpr std::size_t screenedSwapNeighbours = 6;
// Denser maps up to this size are swapped so too, but a swap that passes the screen is only
// estimated: its links' ends spread with the others' and crossings counted, no sign placed (a
// judgement costs several times as much: placing signs is half of it, routing every link again
// most of the rest). The pass then compares estimates, and the drawing it leaves is judged in
// full once and kept if it reads better. Random maps of 50 factors and 150 links at 4:3, six
// seeds: 635 / 639 / 714 / 623 / 608 / 672 -> 604 / 610 / 653 / 623 / 535 / 512 crossings
// (Graphviz's neato 641 / 605 / 687 / 651 / 582 / 633), in ~130 -> ~170-320 ms wall (its command
// ~250 ms). An estimate routes again only the links whose ends the spreading moved, those the
// swap re-routed on their own, and those whose way round a box crosses a line that moved; the
// rest keep their routes from the drawing before the swap (arrangedAgain: the same drawings).
// Past this size not yet: random 100/300 maps swapped so draw 2,726 / 2,794 -> 2,354 / 2,644
// crossings, but in ~4.5 s wall (0.9 / 1.3 s unswapped, Graphviz's neato command ~1.5 s), each
// estimate ~30 ms of CPU (~55 routing every link again) and each screen ~8.
constexpr std::size_t estimatedSwapMaxFactors = 60;

std::map<LinkId, SampledLine> linesOf(const std::map<LinkId, LinkShape>& shapes)
{
    std::map<LinkId, SampledLine> lines;
    for (const auto& [id, shape] : shapes)
        lines.emplace(id, sampledLine(shape));
    return lines;
}

} // namespace

detail::RoutedAlone detail::routedAlone(const SystemMap& map, const std::vector<Link>& links,
                                        std::map<FactorId, BoxShape> boxes, const LinkStyle& style)
{
    RoutedAlone alone{std::move(boxes), {}, {}};
    const OtherLines lines = linesToCross(map, alone.boxes); // once for every link
    for (const Link& l : links) {
        const LinkShape& shape = alone.shapes[l.id] = linkShapeIn(map, alone.boxes, l, lines, style,
                                                                  {}, Marks::DelayedLinks);
        alone.lines.emplace(l.id, sampledLine(shape));
    }
    return alone;
}

void detail::RoutedAlone::take(std::map<LinkId, LinkShape>& rerouted)
{
    for (auto& [id, shape] : rerouted) {
        lines[id] = sampledLine(shape);
        shapes[id] = std::move(shape);
    }
}

long detail::routedCrossingChange(const SystemMap& map, const LinkStyle& style,
                                  const std::vector<Link>& links, const RoutedAlone& now,
                                  const std::map<FactorId, BoxShape>& boxes,
                                  const std::set<FactorId>& moved,
                                  std::map<LinkId, LinkShape>* reroutedShapes)
{
    std::vector<BoxShape> movedBoxes;
    movedBoxes.reserve(moved.size());
    for (const FactorId f : moved)
        movedBoxes.push_back(boxes.at(f));
    const OtherLines lines = linesToCross(map, boxes); // once for every link re-routed
    std::vector<long> slot(links.size(), -1); // into `after`, for the links re-routed
    std::vector<std::size_t> rerouted;
    std::vector<SampledLine> after;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const Link& l = links[i];
        const bool own = moved.count(l.from) > 0 || moved.count(l.to) > 0;
        const SampledLine& line = now.lines.at(l.id);
        const bool near = std::any_of(movedBoxes.begin(), movedBoxes.end(),
                                      [&](const BoxShape& box) {
                                          return line.x1 >= box.centre.x - box.width / 2
                                              && line.x0 <= box.centre.x + box.width / 2
                                              && line.y1 >= box.centre.y - box.height / 2
                                              && line.y0 <= box.centre.y + box.height / 2;
                                      });
        if (own || (near && pathHitsBoxes(CubicPath(now.shapes.at(l.id).line), movedBoxes))) {
            slot[i] = long(after.size());
            rerouted.push_back(i);
            const LinkShape shape = linkShapeIn(map, boxes, l, lines, style, {},
                                                Marks::DelayedLinks);
            after.push_back(sampledLine(shape));
            if (reroutedShapes)
                reroutedShapes->emplace(l.id, shape);
        }
    }
    long change = 0;
    for (const std::size_t i : rerouted) {
        const Link& l = links[i];
        const SampledLine& was = now.lines.at(l.id);
        const SampledLine& is = after[std::size_t(slot[i])];
        for (std::size_t j = 0; j < links.size(); ++j) {
            if (j == i || (slot[j] >= 0 && j < i)) // each pair of re-routed links once
                continue;
            const Link& m = links[j];
            const SampledLine& mWas = now.lines.at(m.id);
            const SampledLine& mIs = slot[j] >= 0 ? after[std::size_t(slot[j])] : mWas;
            change += long(linkCrossings(is, l.from, l.to, mIs, m.from, m.to, boxes))
                    - long(linkCrossings(was, l.from, l.to, mWas, m.from, m.to, now.boxes));
        }
    }
    return change;
}

namespace {

// How many crossings between links routed alone swapping a and b adds (negative: removes); the
// links it re-routes go to `rerouted`.
long routedCrossingChange(const SystemMap& map, const LinkStyle& style,
                          const std::vector<Link>& links, const Arrangement& now, FactorId a,
                          FactorId b, std::map<LinkId, LinkShape>& rerouted)
{
    std::map<FactorId, BoxShape> boxes = now.boxes;
    std::swap(boxes[a].centre, boxes[b].centre);
    return detail::routedCrossingChange(map, style, links, now, boxes, {a, b}, &rerouted);
}

// Whether swapping a and b is worth drawing: it adds at most a few straight-line crossings.
bool worthJudging(const std::vector<Link>& links, const Arrangement& now, FactorId a, FactorId b, bool strict)
{
    std::map<FactorId, Point> swapped = now.positions;
    std::swap(swapped[a], swapped[b]);
    return detail::straightCrossingsAt(links, swapped, a, b)
           <= detail::straightCrossingsAt(links, now.positions, a, b) + (strict ? 0 : swapStraightSlack);
}

// The cost of the drawing with a and b traded, when it is below `bestCost`; else noBound. With
// `estimated`, the estimate (costAfterSwap's), against an estimate; its links go there.
double swapCost(const SystemMap& map, const LayoutOptions& options, const Arrangement& now, FactorId a, FactorId b,
                double bestCost, Arranged* estimated)
{
    std::map<FactorId, BoxShape> boxes = now.boxes;
    std::swap(boxes[a].centre, boxes[b].centre);
    // Two boxes of different sizes trading places can land a hair over a neighbour, below what
    // the judge counts (it lets boxes touch): no swap makes any overlap.
    for (const FactorId moved : {a, b})
        for (const auto& [id, box] : boxes)
            if (id != moved
                && std::abs(box.centre.x - boxes.at(moved).centre.x) < (box.width + boxes.at(moved).width) / 2
                && std::abs(box.centre.y - boxes.at(moved).centre.y) < (box.height + boxes.at(moved).height) / 2)
                return noBound;
    if (detail::labelFloor(options, boxes) >= bestCost) // its labels alone cost as much
        return noBound;
    if (estimated) {
        const double c = costAfterSwap(map, options, boxes, now.shapes, a, b, false, bestCost, &now.arranged, estimated);
        return c < bestCost ? c : noBound;
    }
    // Untangling every swap would cost seconds: only those close enough to win by it.
    const bool untangleNear = now.positions.size() <= detail::kSmallMapFactors;
    double c = costAfterSwap(map, options, boxes, now.shapes, a, b, false,
                             untangleNear ? bestCost + untangleWithin : bestCost);
    if (c >= bestCost && c < bestCost + untangleWithin && untangleNear)
        c = costAfterSwap(map, options, boxes, now.shapes, a, b, true, bestCost);
    if (c < bestCost)
        c = costOfBoxes(map, options, boxes, bestCost);
    return c < bestCost ? c : noBound;
}

// Each factor trades places with its nearest neighbours only: far swaps rarely help.
std::vector<std::pair<FactorId, FactorId>> swapPairs(const SystemMap& map, const LayoutResult& result,
                                                     std::size_t neighbours)
{
    std::vector<FactorId> ids;
    for (const auto& [id, position] : result.positions)
        if (!map.factor(id).pinned)
            ids.push_back(id);
    const std::vector<std::pair<std::size_t, std::size_t>> pairs =
        detail::nearestPairs(ids, result.positions, neighbours);
    std::vector<std::pair<FactorId, FactorId>> swaps;
    swaps.reserve(pairs.size());
    for (const auto& [i, j] : pairs)
        swaps.emplace_back(ids[i], ids[j]);
    return swaps;
}

// One greedy pass over `pairs`: each swap that lowers the cost is kept, and the later ones are
// judged against the drawing it made. Swaps worth judging are judged on every thread, in order;
// the first of them that helps is kept and judging goes on after it, so the drawing is the one a
// single thread judging them in turn would keep.
bool swapPass(const SystemMap& map, const LayoutOptions& options, const std::vector<std::pair<FactorId, FactorId>>& pairs,
              detail::Crew& crew, Arrangement& now, double& bestCost, bool estimate)
{
    const std::vector<Link> links = map.links();
    const bool screenRoutes = !now.lines.empty();
    bool improved = false;
    std::size_t next = 0;
    while (next < pairs.size()) {
        // Whether a swap is worth judging is asked only of the pairs up to the one kept (the
        // pairs after it are asked again of the drawing it makes): on a random 100-factor map
        // asking every pair after each swap kept was a seventh of the layout's time.
        const std::size_t left = pairs.size() - next;
        std::vector<double> costs(left, noBound);
        std::vector<Arranged> estimates(estimate ? left : 0);
        std::vector<std::map<LinkId, LinkShape>> rerouted(screenRoutes ? left : 0);
        const std::size_t kept = crew.firstThat(left, [&](std::size_t k) {
            const auto [a, b] = pairs[next + k];
            if (!worthJudging(links, now, a, b, screenRoutes))
                return false;
            if (screenRoutes
                && routedCrossingChange(map, options.link, links, now, a, b, rerouted[k])
                    > -screenedSwapGain)
                return false;
            costs[k] = swapCost(map, options, now, a, b, bestCost, estimate ? &estimates[k] : nullptr);
            return costs[k] < noBound;
        });
        if (kept == left)
            break;
        const auto [a, b] = pairs[next + kept];
        std::swap(now.positions[a], now.positions[b]);
        std::swap(now.boxes[a].centre, now.boxes[b].centre);
        if (screenRoutes) { // only what a drag would re-route, as the swap was screened
            now.take(rerouted[kept]);
            if (estimate)
                now.arranged = std::move(estimates[kept]);
        } else {
            now.shapes = linkShapesAlone(map, now.boxes, options.link);
        }
        bestCost = costs[kept];
        improved = true;
        next += kept + 1;
    }
    return improved;
}

bool hasHub(const SystemMap& map)
{
    return detail::endsAtBusiestFactor(map) > screenedSwapMaxLinksAtAFactor;
}

bool isDense(const SystemMap& map)
{
    return double(map.linkCount()) > screenedSwapLinksPerFactor * double(map.factorCount());
}

} // namespace

std::size_t detail::endsAtBusiestFactor(const SystemMap& map)
{
    std::map<FactorId, std::size_t> endsAt;
    for (const Link& l : map.links()) {
        ++endsAt[l.from];
        ++endsAt[l.to];
    }
    std::size_t most = 0;
    for (const auto& [id, ends] : endsAt)
        most = std::max(most, ends);
    return most;
}

bool detail::swapsOnStraightLines(const SystemMap& map)
{
    return map.factorCount() > swapMaxFactors && map.factorCount() <= screenedSwapMaxFactors
        && map.linkCount() <= judgedMaxLinks && !hasHub(map);
}

void detail::improveBySwaps(const SystemMap& map, const LayoutOptions& options, LayoutResult& result,
                            double& bestCost, bool denseToo)
{
    const std::size_t factors = result.positions.size();
    const bool screened = factors > swapMaxFactors;
    const bool hub = hasHub(map);
    const bool dense = isDense(map);
    const bool estimate = denseToo && screened && dense && factors <= estimatedSwapMaxFactors;
    if ((screened
         && (factors > screenedSwapMaxFactors || map.linkCount() > screenedSwapMaxLinks || (dense && !estimate)
             || hub))
        || map.linkCount() > judgedMaxLinks)
        return;
    const std::vector<std::pair<FactorId, FactorId>> pairs =
        swapPairs(map, result, screened ? screenedSwapNeighbours : swapNeighbours);
    Arrangement now{{boxesOf(map, options, result), {}, {}}, result.positions, {}};
    if (detail::swappedLabelFloor(options, now.boxes) >= bestCost) // no trade of places can beat it
        return;
    now.shapes = linkShapesAlone(map, now.boxes, options.link);
    if (screened)
        now.lines = linesOf(now.shapes);
    bool swapped = false;
    detail::Crew crew(detail::judgingThreads(options, pairs.size()));
    double passCost = bestCost; // estimates against an estimate
    if (estimate) {
        now.arranged.shapes = now.shapes;
        now.arranged.ports = arrangeLinks(map, now.boxes, now.arranged.shapes, options.link, false, Marks::DelayedLinks);
        passCost = detail::costWithoutSigns(map, options, now.boxes, now.arranged.shapes);
    }
    for (int pass = 0; pass < (screened ? 1 : 2) && passCost > 0; ++pass) {
        if (!swapPass(map, options, pairs, crew, now, passCost, estimate))
            break;
        swapped = true;
    }
    if (!swapped)
        return;
    if (estimate) {
        const double judged = costOfBoxes(map, options, now.boxes, bestCost);
        if (judged >= bestCost)
            return;
        passCost = judged;
    }
    bestCost = passCost;
    // Graphviz's routes no longer fit the moved factors (as after compaction).
    result.positions = now.positions;
    detail::straightenLinks(result, map, options);
}

} // namespace causeway::layout
