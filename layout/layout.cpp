#include "layout/layout.h"

#include "layout/bestlayout.h"
#include "layout/compaction.h"
#include "layout/crew.h"
#include "layout/dotroutes.h"
#include "layout/factorswaps.h"
#include "layout/graphviz.h"
#include "layout/judge.h"
#include "layout/placement.h"
#include "layout/straightswaps.h"
#include "layout/textmetrics.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace causeway::layout {

using detail::Graph;
using detail::GraphvizLock;

namespace {

// Engine limits measured here on random causal maps with 3 links a factor (Graphviz 2.42):
// dot 100 factors 1.4-2.5 s, 200 factors 4.2 s even with its optimisations capped; circo
// 80 factors 4.7 s, 100 factors 5-9 s. Past these sizes the engine is refused with a message.
constexpr std::size_t dotMaxFactors = 250;
constexpr std::size_t circoMaxFactors = 120;
// Above this dot's rank and crossing optimisations are capped (100 factors: 1.4 s -> 0.6 s).
constexpr std::size_t dotLimitFrom = 60;
// Routing splines around every box costs about factors x links: 50 x 150 took 0.2 s, 100 x 300
// 2 s. Past this budget links come back straight (the canvas curves them itself).
constexpr std::size_t splineBudget = 8000;

std::string number(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return buffer;
}

// Graphviz's y axis points up and the map's down: negate y on the way in and out. (Negating
// rather than flipping with GD_bb keeps positions given to neato with notranslate unchanged;
// anchor() fixes the translation either way.)
std::string gvPos(Point p, bool pin)
{
    return number(p.x) + "," + number(-p.y) + (pin ? "!" : "");
}

// How dot draws: ranks across the page (or down it), and the gaps between boxes in a rank and
// between ranks, in inches.
struct DotShape {
    bool down = false;
    double nodeSeparation = 0.3;
    double rankSeparation = 0.6;
};

void setEngineAttributes(Graph& g, Engine engine, std::size_t factorCount, std::size_t linkCount,
                         bool fixedPositions,
                         bool tidy, int seed, bool keepsCurves, const DotShape& dot)
{
    auto set = [&](std::string_view name, std::string_view value) { g.declare(AGRAPH, name, value); };
    // "curved" costs minutes on a few hundred factors; dot's own routing is cheap next to its
    // ranking, so it always routes.
    // Compaction moves the factors and throws the curves away: do not pay for them then.
    const bool route = keepsCurves && (engine == Engine::Dot || factorCount * linkCount <= splineBudget);
    set("splines", route ? "true" : "false");
    switch (engine) {
    case Engine::Dot:
        set("rankdir", dot.down ? "TB" : "LR");
        set("nodesep", number(dot.nodeSeparation));
        set("ranksep", number(dot.rankSeparation));
        if (factorCount > dotLimitFrom) {
            const bool large = factorCount > 150;
            set("nslimit", large ? "1" : "2");
            set("nslimit1", large ? "1" : "2");
            set("mclimit", large ? "0.2" : "0.5");
            if (large)
                set("searchsize", "10");
        }
        break;
    case Engine::Neato:
    case Engine::Fdp:
    case Engine::Sfdp:
        set("overlap", "prism");
        set("sep", "+12");
        set("esep", "+6");
        set("inputscale", "72");
        // Fixed seeds: the same map, placed the same, gets the same drawing every time.
        set("start", std::to_string(seed));
        if (engine == Engine::Fdp) {
            // fdp keeps these in globals between graphs unless the graph names them.
            set("K", "0.3");
            set("maxiter", "600");
        }
        if (engine == Engine::Neato && fixedPositions) {
            // With the default mode=major pinned factors keep their spacing but the whole
            // drawing shifts; KK without translation keeps them exactly.
            set("mode", "KK");
            set("notranslate", "true");
        }
        if (tidy) {
            // Measured on a hand-arranged 30-factor map: even 1-3 KK iterations moved placed
            // factors 34-77 pt on average, a fresh layout ~500 pt. Tidy therefore keeps every
            // start position (no iterations) and lets vpsc remove overlaps with the least
            // movement (prism moved them ~90 pt).
            set("maxiter", "0");
            set("overlap", "vpsc");
        }
        break;
    case Engine::Circo:
        set("mindist", "0.6");
        break;
    }
}

Engine engineFor(const LayoutOptions& options)
{
    // Tidy needs start positions and pins, which only neato honours both of.
    return options.tidy ? Engine::Neato : options.engine;
}

std::vector<Point> readCurve(Agedge_t* edge)
{
    std::vector<Point> curve;
    const splines* spl = ED_spl(edge);
    if (!spl)
        return curve;
    for (int b = 0; b < spl->size; ++b) {
        const bezier& bz = spl->list[b];
        if (bz.size < 1)
            continue;
        if (!curve.empty()) {
            // Join pieces with a straight cubic so the result stays 1 + 3k points.
            const Point last = curve.back();
            const Point next{bz.list[0].x, -bz.list[0].y};
            curve.push_back(last);
            curve.push_back(next);
            curve.push_back(next);
        }
        for (int i = 0; i < bz.size; ++i)
            curve.push_back({bz.list[i].x, -bz.list[i].y});
    }
    if (curve.size() < 4 || (curve.size() - 1) % 3 != 0)
        curve.clear();
    return curve;
}

std::string pluginsMissing(Engine engine)
{
    return std::string("Graphviz could not find its layout plugins (engine '") + engineName(engine) +
           "'). Reinstall the graphviz package or run `dot -c` as root.";
}

} // namespace

const char* engineName(Engine e)
{
    switch (e) {
    case Engine::Dot: return "dot";
    case Engine::Neato: return "neato";
    case Engine::Fdp: return "fdp";
    case Engine::Sfdp: return "sfdp";
    case Engine::Circo: return "circo";
    }
    return "neato";
}

std::vector<Engine> allEngines()
{
    return {Engine::Dot, Engine::Neato, Engine::Fdp, Engine::Sfdp, Engine::Circo};
}

bool engineAvailable(Engine engine)
{
    GraphvizLock lock;
    const auto plugins = lock.layoutPlugins();
    lock.takeMessages();
    return std::find(plugins.begin(), plugins.end(), engineName(engine)) != plugins.end();
}

namespace {

// neato, fdp and sfdp: drawings with no form of their own to keep (not dot's ranks or circo's
// circles).
bool isForceEngine(Engine engine)
{
    return engine == Engine::Neato || engine == Engine::Fdp || engine == Engine::Sfdp;
}

// Maps past this many factors are packed in rows further apart (compact).
constexpr std::size_t kRowsApartFactors = 30;

// Labels this large on the screen the drawing is packed for leave room to trade size for fewer
// crossings: the judge (judge.cpp) charges for labels under 20 px.
constexpr double enoughLabelPixels = 17;

// Compaction moves factors, so Graphviz's routes no longer fit: links come back straight. Without
// `rows`, the drawing is only scaled and its boxes pushed apart in order.
void compact(LayoutResult& result, const SystemMap& map, const LayoutOptions& options,
             Engine engine, LayoutResult* fewerCrossings, detail::Room room, bool rows)
{
    std::map<FactorId, Size> sizes;
    for (const auto& [id, position] : result.positions)
        sizes[id] = detail::sizeOf(map, options, id);
    CompactionOptions compaction;
    compaction.landscape = true; // (dot's drawing, whose ranks have a direction, is never packed)
    compaction.aspect = options.aspect;
    // Rows would undo what circo's circles show.
    compaction.rows = isForceEngine(engine) && rows;
    compaction.roomForSigns = room != detail::Room::Tight;
    // Past 30 factors rows sit half as far apart again as boxes in a row: at 4:3 random 50- and
    // 100-factor maps 783 -> 695 and 3,370 -> 3,224 crossings (labels 17.0 -> 16.8 and 12.6 ->
    // 11.5 px), Forrester's IDch15d 63 -> 53 (10.6 -> 8.9 px), the editor's 100-factor test map
    // 118 -> 113 (7.5 -> 7.1 px); smaller maps read as well or better with rows 40 apart (the
    // sample 9 crossings at 20.0 px, 8 at 18.7 with them further apart).
    if (options.rowsApart && map.factorCount() > kRowsApartFactors)
        compaction.rowsApart = 1.5 * compaction.rowGap;
    std::vector<std::pair<FactorId, FactorId>> links;
    for (const Link& l : map.links()) {
        links.emplace_back(l.from, l.to);
        if (l.delay && room == detail::Room::ForSignsAndMarks)
            compaction.delayedLinks.emplace_back(l.from, l.to);
    }
    // A packing's scale fitted to a target one unit high, times the screen's height (1024 wide)
    // and the label's font size, is its labels' height on that screen.
    const double fitPerPixel = 1 / (FactorBoxStyle{}.font.pixelSize * 1024 / options.aspect);
    // Trading label size for crossings above 17 px only on small maps, whose labels are large
    // anyway: a bigger map packed for fewer crossings strayed from the screen's shape (a
    // 40-factor map packed for a portrait screen came out landscape). Under 16 px every map may.
    compaction.enoughFit = map.factorCount() <= detail::kSmallMapFactors ? enoughLabelPixels * fitPerPixel : 0;
    compaction.readableFit = detail::kReadableLabelPixels * fitPerPixel;
    std::map<FactorId, Point> fewer;
    compactLayout(result.positions, sizes, compaction, links, fewerCrossings ? &fewer : nullptr);
    detail::straightenLinks(result, map, options);
    if (fewerCrossings && !fewer.empty()) { // layoutOnce left it empty
        *fewerCrossings = result;
        fewerCrossings->positions = std::move(fewer);
        detail::straightenLinks(*fewerCrossings, map, options);
    }
}

// dot and circo take minutes on big maps: refuse them there with a way out.
void checkEngineFits(const SystemMap& map, Engine engine)
{
    const std::size_t limit = engine == Engine::Dot     ? dotMaxFactors
                              : engine == Engine::Circo ? circoMaxFactors
                                                        : map.factorCount();
    if (map.factorCount() > limit) {
        throw LayoutError("The map has " + std::to_string(map.factorCount()) + " factors; the '" +
                          engineName(engine) + "' layout is only offered up to " + std::to_string(limit) +
                          " because it would take minutes. Use neato or sfdp.");
    }
}

// The Graphviz nodes and edges standing for the map's factors and links.
struct GraphItems {
    std::vector<std::pair<Agnode_t*, FactorId>> nodes;
    std::vector<std::pair<Agedge_t*, LinkId>> edges;
};

// Boxes of the measured label sizes; pinned factors fixed where they are, the others starting
// from `starts` when tidying, or with `fromPositions` from where they are (those placed).
GraphItems addMapToGraph(Graph& g, const SystemMap& map, const LayoutOptions& options,
                         bool honoursPins, bool tidy, const std::map<FactorId, Point>& starts,
                         bool fromPositions)
{
    g.declare(AGNODE, "shape", "box");
    g.declare(AGNODE, "fixedsize", "true");
    g.declare(AGNODE, "label", "");
    Agsym_t* width = g.declare(AGNODE, "width", "0.75");
    Agsym_t* height = g.declare(AGNODE, "height", "0.5");
    Agsym_t* pos = g.declare(AGNODE, "pos", "");
    g.declare(AGEDGE, "dir", "none"); // the canvas draws its own arrow heads: route to the border

    GraphItems items;
    std::map<FactorId, Agnode_t*> nodeOf;
    for (const Factor& f : map.factors()) {
        Agnode_t* n = g.addNode(std::to_string(f.id.value));
        const Size size = detail::sizeOf(map, options, f.id);
        g.set(n, width, number(size.width / 72.0));
        g.set(n, height, number(size.height / 72.0));
        const bool pin = options.keepPinned && honoursPins && f.pinned;
        if (pin) {
            g.set(n, pos, gvPos(f.position, true));
        } else if (tidy) {
            g.set(n, pos, gvPos(starts.at(f.id), false));
        } else if (fromPositions && !detail::isUnplaced(f.position)) {
            g.set(n, pos, gvPos(f.position, false));
        }
        items.nodes.emplace_back(n, f.id);
        nodeOf[f.id] = n;
    }
    for (const Link& l : map.links())
        items.edges.emplace_back(g.addEdge(nodeOf.at(l.from), nodeOf.at(l.to), std::to_string(l.id.value)), l.id);
    return items;
}

// Positions (y flipped to point down) and routed curves; a link Graphviz did not route is drawn
// straight between the boxes.
void readLayout(LayoutResult& result, const GraphItems& items, const SystemMap& map,
                const LayoutOptions& options)
{
    for (const auto& [n, id] : items.nodes)
        result.positions[id] = {ND_coord(n).x, -ND_coord(n).y};
    for (const auto& [e, id] : items.edges) {
        std::vector<Point> curve = readCurve(e);
        if (curve.empty()) {
            const Link& l = map.link(id);
            curve = detail::straightCurve(result.positions[l.from], detail::sizeOf(map, options, l.from),
                                          result.positions[l.to], detail::sizeOf(map, options, l.to));
        }
        result.links.push_back({id, std::move(curve)});
    }
}

// How one Graphviz run is set up.
struct Run {
    Engine engine;
    bool honoursPins; // neato and fdp read pinned positions
    bool anyPinned;
    bool tidy;
    bool keepsCurves; // no compaction follows
    int seed;         // detail::kFromPositions: from where the factors are
    DotShape dot = {};
};

// Graphviz's positions and routes. Graphviz keeps global state, so this holds its lock, and only
// this: starts judged on other threads (bestlayout.cpp) pack and measure while one lays out.
void runGraphviz(LayoutResult& result, const SystemMap& map, const LayoutOptions& options, const Run& run,
                 const std::map<FactorId, Point>& starts)
{
    GraphvizLock lock;
    GVC_t* gvc = lock.context();
    if (!gvc)
        throw LayoutError(pluginsMissing(run.engine));
    lock.takeMessages();

    Graph g(gvc, "causeway");
    if (!g.get())
        throw LayoutError("Graphviz could not create a graph: " + lock.takeMessages());
    setEngineAttributes(g, run.engine, map.factorCount(), map.linkCount(), run.anyPinned || run.tidy, run.tidy,
                        run.seed, run.keepsCurves, run.dot);
    const GraphItems items = addMapToGraph(g, map, options, run.honoursPins, run.tidy, starts,
                                           run.seed == detail::kFromPositions);

    if (g.layout(engineName(run.engine)) != 0) {
        const std::string messages = lock.takeMessages();
        if (lock.layoutPlugins().empty() || messages.find("not recognized") != std::string::npos)
            throw LayoutError(pluginsMissing(run.engine));
        throw LayoutError(std::string("Graphviz could not lay out the map with '") + engineName(run.engine) +
                          "': " + (messages.empty() ? "no reason given" : messages));
    }
    lock.takeMessages(); // warnings (e.g. straight-line fallbacks) are not the user's business
    readLayout(result, items, map, options);
}

// The hierarchical drawing. Dot's ranks run across the page, and when the map is drawn for a
// screen also down it, each with boxes in a rank close (0.2 in apart) or further (0.6 in; past
// 100 links only that, which crossed less on every larger map here, at half the time): the
// drawing the judge prefers is kept (crossings, and labels fitted to the screen). A long chain
// reads better down a landscape screen than squeezed across it, a wide shallow map across; which
// gap crosses less varies from map to map. None is packed: packing would move the factors off
// the routes dot drew round them. At 4:3 (before: ranks across, 0.3 in, packed, every link
// routed by the canvas; Graphviz's `dot` on the exported DOT in brackets): the sample 34 -> 10
// crossings, labels 7.0 -> 8.5 px (14, 9.2 px); energy_tech 18 -> 1, 5.6 -> 10.4 px (0, 9.8 px);
// workforce.mdl 4 -> 2 (3); SIR.mdl 5 -> 4 (6); the generated 50- and 100-factor maps 790 -> 593
// and 4,216 -> 3,139 (610 and 2,580).
LayoutResult hierarchy(const SystemMap& map, const LayoutOptions& given, const Run& run,
                       const std::map<FactorId, Point>& starts, bool forScreen)
{
    LayoutOptions options = given;
    if (options.aspect <= 0)
        options.aspect = detail::kProjectorAspect;
    std::vector<DotShape> shapes;
    for (const bool down : {false, true})
        if (!down || forScreen)
            for (const double gap : {0.2, 0.6})
                if (gap > 0.5 || map.linkCount() <= detail::kRoutesToggledMaxLinks)
                    shapes.push_back({down, gap, 0.6});
    // Each drawn and judged on the judging threads (dot itself one at a time), kept in this order.
    std::vector<detail::Routed> drawn(shapes.size());
    detail::Crew crew(detail::judgingThreads(given, shapes.size()));
    crew.run(shapes.size(), [&](std::size_t i) {
        Run shaped = run;
        shaped.dot = shapes[i];
        LayoutResult result;
        runGraphviz(result, map, given, shaped, starts);
        detail::anchor(result, map, given); // before the bends: a pinned factor's links straightened
        drawn[i] = detail::startOfRoutes(map, options, std::move(result));
    });
    std::size_t best = 0;
    for (std::size_t i = 1; i < drawn.size(); ++i)
        if (drawn[i].cost < drawn[best].cost)
            best = i;
    if (map.linkCount() <= detail::kRoutesToggledMaxLinks)
        detail::toggleRoutes(map, options, drawn[best]);
    return std::move(drawn[best].result);
}

} // namespace

LayoutResult detail::layoutOnce(const SystemMap& map, const LayoutOptions& options, int seed,
                                LayoutResult* fewerCrossings, Room room)
{
    if (fewerCrossings)
        *fewerCrossings = {};
    LayoutResult result;
    if (map.factorCount() == 0)
        return result;

    const Engine engine = engineFor(options);
    checkEngineFits(map, engine);
    const bool honoursPins = engine == Engine::Neato || engine == Engine::Fdp;
    const std::vector<Factor> factors = map.factors();
    const bool pinnedAny =
        options.keepPinned && std::any_of(factors.begin(), factors.end(), [](const Factor& f) { return f.pinned; });

    const std::map<FactorId, Point> starts =
        options.tidy ? detail::tidyPositions(map, options) : std::map<FactorId, Point>{};
    const bool tidy = !starts.empty(); // nothing placed yet: tidy is a fresh layout
    const bool compacts = options.compact && !options.tidy && !pinnedAny;

    const bool asPlaced = seed == detail::kAsPlaced && compacts && isForceEngine(engine);
    if (asPlaced) {
        for (const Factor& f : factors)
            result.positions[f.id] = f.position;
        detail::straightenLinks(result, map, options);
    } else if (engine == Engine::Dot) {
        const int from = seed == detail::kAsPlaced ? detail::kFromPositions : seed;
        return hierarchy(map, options, Run{engine, false, false, false, true, from}, starts, compacts);
    } else {
        const int from = seed == detail::kAsPlaced ? detail::kFromPositions : seed; // not packed: Graphviz's
        runGraphviz(result, map, options, Run{engine, honoursPins, honoursPins && pinnedAny, tidy, !compacts, from},
                    starts);
    }
    detail::anchor(result, map, options);
    if (compacts) {
        // Graphviz's engines see links as springs, not as lines that cross: factors trading
        // places before the packing (which then sets the gaps round the boxes as they link)
        // undo crossings they left. At 4:3, the report's generated 100-factor, 300-link map
        // 2,908 -> 2,583 crossings; random maps imported from links tables, sums: ten of 100
        // factors and 300 links (six with short names, four long) and four of 80 and 240
        // 34,883 -> 29,987, ten of 50 and 150 5,835 -> 5,473, eight of 100 and 150 1,552 ->
        // 1,371. Swapped after the packing instead, the gaps no longer fit: the eight with long
        // names crossed 12% more.
        if (options.swapFirst && isForceEngine(engine) && detail::swapsOnStraightLines(map))
            detail::swapForStraightLines(map, options, result);
        compact(result, map, options, engine, options.aspect > 0 ? fewerCrossings : nullptr, room,
                !asPlaced);
    }
    return result;
}

} // namespace causeway::layout
