// computeLayout: the force-directed engines run from a few random starts and the drawing that
// reads best (no link through a box, no overlap, fewest crossings) is kept.
#include "layout/bestlayout.h"

#include "layout/cubicpath.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"
#include "layout/placement.h"
#include "layout/quality.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace causeway::layout {

namespace {

// Starts tried by map size. Measured (CPU time) on random maps with 3 links a factor: one
// compacted neato run plus routing and counting takes ~30 ms at 22 factors, ~150 ms at 50 and
// ~400 ms at 100, so in-process layout stays faster than running the Graphviz command. Small maps
// get 12: with signs kept off boxes, the sample map needed 12 starts to find a drawing with both
// <= 9 crossings and 18 px labels.
// Judging a drawing compares every pair of links, so a dense map (a complete 40-factor digraph
// has 1,560 links: ~12 s a judgement) gets one start and no swaps, whatever its factor count.
constexpr std::size_t judgedMaxLinks = 400;

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

// Lower is better: a link through a box, two overlapping factors or a sign hidden by another
// sign or a box (its link's polarity unreadable) outweigh any crossings. When the drawing is packed
// for a screen, labels under 20 px there (about 18 px with the editor's margins) cost too, so a
// start whose packing shows smaller never wins on a crossing or two.
double costOf(const QualityDrawing& drawing, const LayoutOptions& options)
{
    const ScreenSize screen{1024, options.aspect > 0 ? 1024 / options.aspect : 768};
    const DrawingQuality q = measureDrawing(drawing, screen);
    const double small = options.aspect > 0 ? std::max(0.0, 20.0 - q.labelPixels) : 0.0;
    return 1000.0 * double(q.linksThroughBoxes + q.overlappingFactors + q.overlappingSigns + q.signsOnFactors)
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
constexpr std::size_t smallMapFactors = 16;

// Measured with the box sizes the layout was given, which are what the canvas draws.
double cost(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result, double bound = noBound)
{
    const std::map<FactorId, BoxShape> boxes = boxesOf(map, options, result);
    std::map<LinkId, LinkShape> shapes = linkShapesAlone(map, boxes);
    return costOfArranged(map, options, boxes, shapes, map.factorCount() <= smallMapFactors, bound);
}

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

// Crossings of straight centre-to-centre lines between the links at `a` or `b` and the others
// (self-links and links sharing a factor left out): a quick guide to what swapping the two
// factors does to the drawing's crossings.
std::size_t straightCrossingsAt(const std::vector<Link>& links, const std::map<FactorId, Point>& at,
                                FactorId a, FactorId b)
{
    auto side = [](Point o, Point p, Point q) {
        const double c = (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
        return (c > 0) - (c < 0);
    };
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
            if (side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0)
                ++n;
        }
    }
    return n;
}

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

void improveBySwaps(const SystemMap& map, const LayoutOptions& options, LayoutResult& result,
                    double& bestCost)
{
    if (result.positions.size() > swapMaxFactors || map.linkCount() > judgedMaxLinks)
        return;
    std::vector<FactorId> ids;
    for (const auto& [id, position] : result.positions)
        if (!map.factor(id).pinned)
            ids.push_back(id);
    // Each factor trades places with its nearest neighbours only: far swaps rarely help.
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::vector<std::pair<double, std::size_t>> near;
        for (std::size_t j = 0; j < ids.size(); ++j)
            if (j != i)
                near.push_back({length(result.positions[ids[j]] - result.positions[ids[i]]), j});
        std::sort(near.begin(), near.end());
        for (std::size_t k = 0; k < std::min<std::size_t>(swapNeighbours, near.size()); ++k)
            pairs.push_back({std::min(i, near[k].second), std::max(i, near[k].second)});
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    bool swapped = false;
    const std::vector<Link> links = map.links();
    std::map<FactorId, BoxShape> boxes = boxesOf(map, options, result);
    std::map<LinkId, LinkShape> shapes = linkShapesAlone(map, boxes);
    for (int pass = 0; pass < 2 && bestCost > 0; ++pass) {
        bool improved = false;
        for (const auto& [i, j] : pairs) {
            const FactorId a = ids[i], b = ids[j];
            const std::size_t straightBefore = straightCrossingsAt(links, result.positions, a, b);
            std::swap(result.positions[a], result.positions[b]);
            // Screened first on straight lines (microseconds against a millisecond a drawing).
            if (straightCrossingsAt(links, result.positions, a, b) > straightBefore + swapStraightSlack) {
                std::swap(result.positions[a], result.positions[b]);
                continue;
            }
            std::swap(boxes[a].centre, boxes[b].centre);
            // Untangling every swap would cost seconds: only those close enough to win by it.
            const bool untangleNear = ids.size() <= smallMapFactors;
            double c = costAfterSwap(map, options, boxes, shapes, a, b, false,
                                     untangleNear ? bestCost + untangleWithin : bestCost);
            if (c >= bestCost && c < bestCost + untangleWithin && untangleNear)
                c = costAfterSwap(map, options, boxes, shapes, a, b, true, bestCost);
            if (c < bestCost)
                c = cost(map, options, result, bestCost);
            if (c < bestCost) {
                bestCost = c;
                improved = true;
                shapes = linkShapesAlone(map, boxes);
            } else {
                std::swap(result.positions[a], result.positions[b]);
                std::swap(boxes[a].centre, boxes[b].centre);
            }
        }
        swapped = swapped || improved;
        if (!improved)
            break;
    }
    // Graphviz's routes no longer fit the moved factors (as after compaction).
    for (LinkGeometry& link : result.links) {
        if (!swapped)
            break;
        const Link& l = map.link(link.id);
        link.curve = detail::straightCurve(result.positions[l.from], detail::sizeOf(map, options, l.from),
                                           result.positions[l.to], detail::sizeOf(map, options, l.to));
    }
}

// Graphviz's positions for the same map and seed differ from run to run in the last digits
// (~1e-10 pt); choosing among drawings by counts amplifies that into a different drawing now
// and then. Rounded to 1/1024 pt, the same map always gives the same choice.
LayoutResult snapped(LayoutResult result)
{
    for (auto& [id, p] : result.positions)
        p = {std::round(p.x * 1024) / 1024, std::round(p.y * 1024) / 1024};
    return result;
}

} // namespace

int detail::startsFor(const SystemMap& map, const LayoutOptions& options)
{
    const bool seeded =
        options.engine == Engine::Neato || options.engine == Engine::Fdp || options.engine == Engine::Sfdp;
    if (!seeded || options.tidy)
        return 1;
    if (options.keepPinned) {
        const std::vector<Factor> factors = map.factors();
        if (std::any_of(factors.begin(), factors.end(), [](const Factor& f) { return f.pinned; }))
            return 1;
    }
    return startsBySize(map.factorCount(), map.linkCount());
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

} // namespace

LayoutResult computeLayout(const SystemMap& map, const LayoutOptions& given)
{
    const LayoutOptions options = withEverySize(map, given);
    const int starts = detail::startsFor(map, options);
    if (starts <= 1)
        return detail::layoutOnce(map, options, 1);
    LayoutResult best = snapped(detail::layoutOnce(map, options, 1));
    double bestCost = cost(map, options, best);
    for (int seed = 2; seed <= starts && bestCost > 0; ++seed) {
        LayoutResult candidate = snapped(detail::layoutOnce(map, options, seed));
        const double c = cost(map, options, candidate, bestCost);
        if (c < bestCost) {
            bestCost = c;
            best = std::move(candidate);
        }
    }
    improveBySwaps(map, options, best, bestCost);
    return best;
}

} // namespace causeway::layout
