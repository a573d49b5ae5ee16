// computeLayout: the force-directed engines run from a few random starts and the drawing that
// reads best (no link through a box, no overlap, fewest crossings) is kept.
#include "layout/bestlayout.h"

#include "layout/crew.h"

#include "layout/cubicpath.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"
#include "layout/placement.h"
#include "layout/quality.h"
#include "layout/untangle.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace causeway::layout {

namespace {

// Starts tried by map size. Measured (CPU time) on random maps with 3 links a factor: one
// compacted neato run plus routing and counting takes ~30 ms at 22 factors, ~150 ms at 50 and
// ~400 ms at 100, so in-process layout stays faster than running the Graphviz command. Small maps
// get 12: with signs kept off boxes, the sample map needed 12 starts to find a drawing with both
// <= 9 crossings and 18 px labels.
// Judging a drawing compares every pair of links, so a dense map (a complete 40-factor digraph
// has 1,560 links: ~12 s a judgement) gets one start and no swaps, whatever its factor count.
// Up to this many links a map too big for several starts still has its one start judged,
// packed for size and for fewer crossings (World3-03, 471 links: ~1.0 -> ~2.1 s).
constexpr std::size_t judgedMaxLinks = 500;

int startsBySize(std::size_t factors, std::size_t links)
{
    if (links > judgedMaxLinks)
        return 1;
    if (factors <= 30)
        return 12;
    if (factors <= 60)
        return 4;
    if (factors <= 120)
        return 2;
    return 1;
}

std::map<FactorId, BoxShape> boxesOf(const SystemMap& map, const LayoutOptions& options,
                                     const LayoutResult& result)
{
    std::map<FactorId, BoxShape> boxes;
    for (const auto& [id, position] : result.positions) {
        const Size size = detail::sizeOf(map, options, id);
        boxes[id] = BoxShape{position, size.width, size.height};
    }
    return boxes;
}

// What costOf charges for one link through a box, overlap or hidden sign: a drawing costing this
// much hides something.
constexpr double kHidden = 1000;

// Lower is better: a link through a box, two overlapping factors or a sign hidden by another
// sign or a box (its link's polarity unreadable) outweigh any crossings. When the drawing is packed
// for a screen, labels under 20 px there (about 18 px with the editor's margins) cost too, so a
// start whose packing shows smaller never wins on a crossing or two.
double costOf(const QualityDrawing& drawing, const LayoutOptions& options)
{
    const ScreenSize screen{1024, options.aspect > 0 ? 1024 / options.aspect : 768};
    const DrawingQuality q = measureDrawing(drawing, screen);
    const double small = options.aspect > 0 ? std::max(0.0, 20.0 - q.labelPixels) : 0.0;
    return kHidden * double(q.linksThroughBoxes + q.overlappingFactors + q.overlappingSigns + q.signsOnFactors)
         + double(q.crossings) + 4.0 * small;
}

std::map<LinkId, LinkShape> linkShapesAlone(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes)
{
    std::map<LinkId, LinkShape> shapes;
    for (const Link& l : map.links())
        shapes[l.id] = linkShapeIn(map, boxes, l);
    return shapes;
}

constexpr double noBound = std::numeric_limits<double>::infinity();

// The cost of `shapes` (each link as drawn on its own) arranged as the canvas arranges them:
// ends spread, links untangled when asked, signs separated. Placing signs costs as much as
// counting crossings, and signs only add to a cost (overlaps, and a wider drawing with smaller
// labels): the drawing is first judged without them, and if that alone reaches `bound` (the
// cost the caller must beat) that floor is returned instead of the full cost.
double costOfArranged(const SystemMap& map, const LayoutOptions& options,
                      const std::map<FactorId, BoxShape>& boxes,
                      std::map<LinkId, LinkShape>& shapes, bool untangle, double bound = noBound)
{
    arrangeLinks(map, boxes, shapes, {}, untangle);
    if (bound < noBound) {
        QualityDrawing withoutSigns = drawingOfShapes(map, boxes, shapes);
        withoutSigns.signs.clear();
        if (const double floor = costOf(withoutSigns, options); floor >= bound)
            return floor;
    }
    placeSigns(boxes, shapes);
    return costOf(drawingOfShapes(map, boxes, shapes), options);
}

// On a map this small, drawings are judged with their links untangled (layout/untangle.h), as
// they will be drawn. Larger maps are judged on their links as routed alone: untangling every
// start and swap would cost seconds, and judged so, a larger map's choice keeps the fewest
// crossings before untangling, which the drawing then only lowers.
constexpr std::size_t smallMapFactors = detail::kSmallMapFactors;

double costOfBoxes(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                   double bound = noBound)
{
    std::map<LinkId, LinkShape> shapes = linkShapesAlone(map, boxes);
    return costOfArranged(map, options, boxes, shapes, map.factorCount() <= smallMapFactors, bound);
}

// Measured with the box sizes the layout was given, which are what the canvas draws.
double cost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result, double bound = noBound)
{
    return costOfBoxes(map, options, boxesOf(map, options, result), bound);
}

// A bound that a cost equal to `best` does not reach: a drawing that only ties the best so far
// is measured in full (on a tie the earlier start or swap wins, whichever thread finishes first).
double beyond(double best) { return std::nextafter(best, noBound); }

// The drawing after two factors traded places, re-routing only what a drag would: their own
// links and the links their new boxes land on (links that went round their old places keep
// their detours). A quick screen: a swap it finds better is measured in full before it is kept.
// `shapes`: each link as drawn on its own (ends not yet spread, links not untangled).
double costAfterSwap(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, BoxShape>& boxes,
                     std::map<LinkId, LinkShape> shapes, // NOLINT(performance-unnecessary-value-param): changed here
                     FactorId a, FactorId b, bool untangle, double bound)
{
    const std::vector<BoxShape> moved{boxes.at(a), boxes.at(b)};
    for (auto& [id, shape] : shapes) {
        const Link& l = map.link(id);
        const bool own = l.from == a || l.to == a || l.from == b || l.to == b;
        if (own || pathHitsBoxes(CubicPath(shape.line), moved))
            shape = linkShapeIn(map, boxes, l);
    }
    return costOfArranged(map, options, boxes, shapes, untangle, bound);
}

} // namespace

std::size_t detail::straightCrossingsAt(const std::vector<Link>& links, const std::map<FactorId, Point>& at,
                                        FactorId a, FactorId b)
{
    auto touches = [&](const Link& l) { return l.from == a || l.to == a || l.from == b || l.to == b; };
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

namespace {

// Swapping two factors' places often undoes a crossing the engine left (it sees links as
// springs, not as lines that cross). Greedy passes over all pairs, kept while they help; the
// cost of a pass grows with the cube of the map's size, so only small maps get them.
constexpr std::size_t swapMaxFactors = 30;
constexpr std::size_t swapNeighbours = 8;
constexpr double untangleWithin = 4; // crossings
// A swap that adds more than this many crossings between straight lines is not drawn and
// judged: laying out the sample map for 4:3 judged 214 swaps, now 60, and the sample and every
// model keep the drawing they had (with 1 or 2, hares_and_foxes at 4:3 kept a crossing a swap
// would undo).
constexpr std::size_t swapStraightSlack = 3;

// What a swap is judged against: the drawing's positions, boxes and each link as drawn on its own.
struct Arrangement {
    std::map<FactorId, Point> positions;
    std::map<FactorId, BoxShape> boxes;
    std::map<LinkId, LinkShape> shapes;
    std::map<LinkId, SampledLine> lines; // of `shapes`, when swaps are screened by their routes
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

std::map<LinkId, SampledLine> linesOf(const std::map<LinkId, LinkShape>& shapes)
{
    std::map<LinkId, SampledLine> lines;
    for (const auto& [id, shape] : shapes)
        lines.emplace(id, sampledLine(shape));
    return lines;
}

// How many crossings between links routed alone swapping a and b adds (negative: removes).
long routedCrossingChange(const SystemMap& map, const std::vector<Link>& links, const Arrangement& now, FactorId a,
                          FactorId b)
{
    std::map<FactorId, BoxShape> boxes = now.boxes;
    std::swap(boxes[a].centre, boxes[b].centre);
    const std::vector<BoxShape> moved{boxes.at(a), boxes.at(b)};
    std::vector<long> slot(links.size(), -1); // into `after`, for the links re-routed
    std::vector<std::size_t> rerouted;
    std::vector<SampledLine> after;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const Link& l = links[i];
        const bool own = l.from == a || l.to == a || l.from == b || l.to == b;
        const SampledLine& line = now.lines.at(l.id);
        const bool near = std::any_of(moved.begin(), moved.end(), [&](const BoxShape& box) {
            return line.x1 >= box.centre.x - box.width / 2 && line.x0 <= box.centre.x + box.width / 2
                && line.y1 >= box.centre.y - box.height / 2 && line.y0 <= box.centre.y + box.height / 2;
        });
        if (own || (near && pathHitsBoxes(CubicPath(now.shapes.at(l.id).line), moved))) {
            slot[i] = long(after.size());
            rerouted.push_back(i);
            after.push_back(sampledLine(linkShapeIn(map, boxes, l)));
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

// Whether swapping a and b is worth drawing: it adds at most a few straight-line crossings.
bool worthJudging(const std::vector<Link>& links, const Arrangement& now, FactorId a, FactorId b, bool strict)
{
    std::map<FactorId, Point> swapped = now.positions;
    std::swap(swapped[a], swapped[b]);
    return detail::straightCrossingsAt(links, swapped, a, b)
           <= detail::straightCrossingsAt(links, now.positions, a, b) + (strict ? 0 : swapStraightSlack);
}

// The cost of the drawing with a and b traded, when it is below `bestCost`; else noBound.
double swapCost(const SystemMap& map, const LayoutOptions& options, const Arrangement& now, FactorId a, FactorId b,
                double bestCost)
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
    // Untangling every swap would cost seconds: only those close enough to win by it.
    const bool untangleNear = now.positions.size() <= smallMapFactors;
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
              detail::Crew& crew, Arrangement& now, double& bestCost)
{
    const std::vector<Link> links = map.links();
    const bool screenRoutes = !now.lines.empty();
    bool improved = false;
    std::size_t next = 0;
    while (next < pairs.size()) {
        std::vector<std::size_t> worth; // indexes into pairs
        for (std::size_t i = next; i < pairs.size(); ++i)
            if (worthJudging(links, now, pairs[i].first, pairs[i].second, screenRoutes))
                worth.push_back(i);
        std::vector<double> costs(worth.size(), noBound);
        const std::size_t kept = crew.firstThat(worth.size(), [&](std::size_t k) {
            const auto [a, b] = pairs[worth[k]];
            if (screenRoutes && routedCrossingChange(map, links, now, a, b) > -screenedSwapGain)
                return false;
            costs[k] = swapCost(map, options, now, a, b, bestCost);
            return costs[k] < noBound;
        });
        if (kept == worth.size())
            break;
        const auto [a, b] = pairs[worth[kept]];
        std::swap(now.positions[a], now.positions[b]);
        std::swap(now.boxes[a].centre, now.boxes[b].centre);
        if (screenRoutes) { // only what a drag would re-route, as the swap was judged
            const std::vector<BoxShape> moved{now.boxes.at(a), now.boxes.at(b)};
            for (const Link& l : links)
                if (l.from == a || l.to == a || l.from == b || l.to == b
                    || pathHitsBoxes(CubicPath(now.shapes.at(l.id).line), moved)) {
                    now.shapes[l.id] = linkShapeIn(map, now.boxes, l);
                    now.lines[l.id] = sampledLine(now.shapes.at(l.id));
                }
        } else {
            now.shapes = linkShapesAlone(map, now.boxes);
        }
        bestCost = costs[kept];
        improved = true;
        next = worth[kept] + 1;
    }
    return improved;
}

void improveBySwaps(const SystemMap& map, const LayoutOptions& options, LayoutResult& result,
                    double& bestCost)
{
    const std::size_t factors = result.positions.size();
    const bool screened = factors > swapMaxFactors;
    std::map<FactorId, std::size_t> linksAt;
    for (const Link& l : map.links())
        ++linksAt[l.from], ++linksAt[l.to];
    const bool hub = std::any_of(linksAt.begin(), linksAt.end(),
                                 [](const auto& at) { return at.second > screenedSwapMaxLinksAtAFactor; });
    if ((screened
         && (factors > screenedSwapMaxFactors || map.linkCount() > screenedSwapMaxLinks
             || double(map.linkCount()) > screenedSwapLinksPerFactor * double(factors) || hub))
        || map.linkCount() > judgedMaxLinks)
        return;
    const std::vector<std::pair<FactorId, FactorId>> pairs =
        swapPairs(map, result, screened ? screenedSwapNeighbours : swapNeighbours);
    Arrangement now{result.positions, boxesOf(map, options, result), {}, {}};
    now.shapes = linkShapesAlone(map, now.boxes);
    if (screened)
        now.lines = linesOf(now.shapes);
    bool swapped = false;
    detail::Crew crew(detail::judgingThreads(options, pairs.size()));
    for (int pass = 0; pass < (screened ? 1 : 2) && bestCost > 0; ++pass) {
        if (!swapPass(map, options, pairs, crew, now, bestCost))
            break;
        swapped = true;
    }
    if (!swapped)
        return;
    // Graphviz's routes no longer fit the moved factors (as after compaction).
    result.positions = now.positions;
    for (LinkGeometry& link : result.links) {
        const Link& l = map.link(link.id);
        link.curve = detail::straightCurve(result.positions[l.from], detail::sizeOf(map, options, l.from),
                                           result.positions[l.to], detail::sizeOf(map, options, l.to));
    }
}

} // namespace

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

// A drawing that still hides a sign (or overlaps) was packed in rows too tight for it: the start
// whose largest packing judged best (`seed`) is packed again with room for a sign between linked
// boxes (CompactionOptions::roomForSigns), swapped, and kept if it then reads better. Random maps of 50 factors and 150 links (and 100 /
// 300) had a sign on a box from every start: at 4:3 now none, with 783 crossings against 866
// (3,370 against 3,874).
void packWithRoomForSigns(const SystemMap& map, const LayoutOptions& options, int seed, LayoutResult& result,
                          double& resultCost)
{
    LayoutResult roomy = detail::snapped(detail::layoutOnce(map, options, seed, nullptr, true));
    double roomyCost = cost(map, options, roomy);
    improveBySwaps(map, options, roomy, roomyCost);
    if (roomyCost < resultCost) {
        result = std::move(roomy);
        resultCost = roomyCost;
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

LayoutResult bestOfStarts(const SystemMap& map, const LayoutOptions& options)
{
    const int starts = detail::startsFor(map, options);
    if (starts <= 1 && !judgesOneStart(map, options))
        return onlyStart(map, options);
    // Starts are handed out in order and every one before the first perfect drawing is judged: the
    // lowest cost, the earliest start on a tie, is the drawing one thread trying them in turn keeps.
    // Each start is packed for the screen as large as it shows and, when the packing finds one,
    // with fewer straight-line crossings while its labels stay large enough (about 20 px on a small
    // map, two thirds of the largest where even that cannot be read; layoutOnce's `fewerCrossings`). The best of each kind is found apart (each judged against its own kind,
    // so the choice never depends on which thread finished first). Swaps then improve the best
    // packed for size, and the best packed for crossings too when it reads better before them:
    // it is kept only if it still reads better after (on SIR.mdl, 0 crossings at 20.7 px
    // against 2 at 31 px; on hares_and_foxes both reach 0 and the larger labels stay).
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
        const double c = cost(map, options, drawing, largeBound);
        double o = noBound;
        if (c > 0 && !other.positions.empty()) {
            other = detail::snapped(std::move(other));
            o = cost(map, options, other, fewerBound);
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
    improveBySwaps(map, options, result, bestCost);
    if (auto alternative = fewer.best(); alternative->second <= best->second && alternative->second < noBound) {
        double alternativeCost = alternative->second;
        improveBySwaps(map, options, alternative->first, alternativeCost);
        if (alternativeCost < bestCost) {
            result = std::move(alternative->first);
            bestCost = alternativeCost;
        }
    }
    if (bestCost >= kHidden && options.aspect > 0)
        packWithRoomForSigns(map, options, seedOf(bestStart), result, bestCost);
    return result;
}

} // namespace

double detail::judgedCost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result)
{
    return cost(map, withEverySize(map, options), result);
}

void detail::swapFactors(const SystemMap& map, const LayoutOptions& options, LayoutResult& result, double& cost)
{
    improveBySwaps(map, withEverySize(map, options), result, cost);
}

LayoutResult computeLayout(const SystemMap& map, const LayoutOptions& given)
{
    const LayoutOptions options = withEverySize(map, given);
    LayoutResult result = bestOfStarts(map, options);
    // A map past the links the canvas untangles as it draws is untangled here, once: the bends
    // are stored as the layout's (the next layout drops them), when the drawing then reads
    // better (a sign the untangling slid onto another would not). At 4:3: Forrester's
    // IDch15d.mdl 91 -> 80 crossings, the Foresight obesity map 1,652 -> 1,455, random 50/150
    // and 100/300 maps 912 -> 866 and 4,029 -> 3,874.
    SystemMap drawn = map;
    applyLayout(drawn, result); // an earlier layout's bends dropped, the facilitator's kept
    const std::map<FactorId, BoxShape> boxes = boxesOf(drawn, options, result);
    LayoutResult untangled = result;
    untangled.bends.merge(untangledBends(drawn, boxes));
    if (untangled.bends.size() == result.bends.size())
        return result;
    SystemMap bent = map;
    applyLayout(bent, untangled);
    return costOfBoxes(bent, options, boxes) < costOfBoxes(drawn, options, boxes) ? untangled : result;
}

} // namespace causeway::layout
