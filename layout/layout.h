#pragma once

#include "layout/linkgeometry.h"
#include "model/ids.h"
#include "model/systemmap.h"

#include <atomic>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace causeway::layout {

// Graphviz failed: missing plugin configuration, unknown engine, bad input. The message is meant
// for a user ("Graphviz has no layout engine 'dot': its plugin configuration is missing ...").
class LayoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Engine { Dot, Neato, Fdp, Sfdp, Circo };
const char* engineName(Engine e);       // "dot", "neato", ...
std::vector<Engine> allEngines();

struct Size {
    double width = 0;
    double height = 0;
};

struct LayoutOptions {
    Engine engine = Engine::Neato;
    // Pinned factors keep their exact positions (neato/fdp; other engines are run and then the
    // drawing is translated so the first pinned factor stays put).
    bool keepPinned = true;
    // "Tidy": every factor starts where the facilitator put it and moves as little as possible;
    // factors at (0,0) that are new are placed around them.
    bool tidy = false;
    // Pull the drawing together for a screen (layout/compaction.h): same arrangement, shorter
    // links, landscape. Skipped with tidy or pinned factors, which promise positions close to
    // where the facilitator put them. Link curves then come back straight, box edge to box edge.
    // dot's drawing is not packed (its ranks and routes kept) but turned to suit the screen.
    bool compact = false;
    // With compact: the width / height of the screen or page the map will be shown on. The
    // drawing is packed to that shape so fitting it makes labels as large as they can be.
    // 0: only turned landscape.
    double aspect = 0;
    // With compact, force engines' rows on maps past 30 factors sit half as far apart again as
    // boxes in a row (fewer crossings); false: as close (larger labels, a looser guide for the
    // loop-first layout's rings).
    bool rowsApart = true;
    // With compact, a force engine's drawing of a map of 31 to 120 factors has its factors trade
    // places while their links' straight lines cross fewer, before it is packed (fewer
    // crossings); false: packed as the engine left it (the loop-first layout's guides: its rings
    // crossed more when placed by the swapped drawing).
    bool swapFirst = true;
    // With compact, a free layout of a map of up to 30 factors whose links can be drawn with none
    // crossing also tries starts drawn so, when its random starts leave a crossing
    // (layout/planarstart.h); false: random starts only (the loop-first layout's guides: from
    // them energy_tech's rings crossed as often, their labels 20.2 -> 18.8 px).
    bool uncrossedStarts = true;
    // When starts and swaps are judged, a sign over another link's line (it hides that line, or
    // reads as its sign) costs half a crossing; false: not weighed (the loop-first layout's
    // guides, whose signs are not drawn).
    bool signsOffLines = true;
    // Box size of each factor in map units (1 unit = 1 point, y down). Missing factors get an
    // estimate from their label.
    std::map<FactorId, Size> sizes;
    // Threads judging the random starts and the swaps (Graphviz itself lays out one start at a
    // time); 0: the machine's cores, at most 4. The drawing chosen is the same for any number.
    unsigned threads = 0;
    // How the judge draws links (arrow heads, signs) when it weighs starts and swaps: the
    // canvas's; a presentation's larger ones when it trades places (tradePlaces).
    LinkStyle link;
    // Set from another thread to stop computeLayout or loopFirstLayout: it throws LayoutStopped
    // before the next candidate drawing it would judge (a loop-first layout of a 100-factor map
    // judges hundreds, for seconds). Null: it runs to the end.
    std::shared_ptr<const std::atomic<bool>> stop;
};

// Thrown by a layout asked to stop (LayoutOptions::stop): nothing is laid out.
class LayoutStopped : public std::runtime_error {
public:
    LayoutStopped() : std::runtime_error("the layout was stopped") {}
};

struct LinkGeometry {
    LinkId id;
    // Cubic Bezier control points as Graphviz routed them (1 + 3k points), map coordinates.
    std::vector<Point> curve;
};

struct LayoutResult {
    std::map<FactorId, Point> positions; // centres, map coordinates (y down)
    std::vector<LinkGeometry> links;
    // Links the layout bends (a loop-first ring's arcs, dot's routes round its ranks): the
    // Link::bend to store so the canvas and the SVG draw them as the layout meant. Other links
    // keep the bend they have.
    std::map<LinkId, Point> bends;
};

// Lays the map out in process with cgraph/gvc. Thread-safe: every Graphviz call is made under
// one process-wide mutex (Graphviz keeps global state). Throws LayoutError, or LayoutStopped once
// options.stop is set. neato, fdp and sfdp run from a few random starts (layout/bestlayout.cpp)
// and the drawing kept is the one with no link through a box and the fewest crossings, as the
// canvas draws it (layout/quality.h); they are judged on several threads. dot's ranks are kept as
// dot drew them, across or down the screen, and its routes round them kept as bends where they
// cross less (layout.cpp hierarchy).
LayoutResult computeLayout(const SystemMap& map, const LayoutOptions& options);

// Factors of `positions` trade places with their neighbours where the drawing then reads better
// to the default layout's judge (no link through a box, no overlap, no hidden sign, fewest
// crossings, labels large enough fitted to `options.aspect`, boxes of `options.sizes`), as
// computeLayout's drawings do after packing. Pinned factors stay. Maps of up to 30 factors (and
// sparse ones of up to 120); others come back as they were.
std::map<FactorId, Point> tradePlaces(const SystemMap& map, const LayoutOptions& options,
                                      std::map<FactorId, Point> positions);

// The links a layout result changes, as they are after it: the bends it sets (marked as a
// layout's), and the bends an earlier layout made that it does not set again, dropped (they were
// shaped for other positions). Bends made by hand are kept. Id order.
std::vector<Link> linksBentByLayout(const SystemMap& map, const LayoutResult& result);

// Moves the map's factors to the result's positions and applies linksBentByLayout.
void applyLayout(SystemMap& map, const LayoutResult& result);

// The map with the bends an earlier layout made dropped, as every layout result leaves it
// (linksBentByLayout): what computeLayout and loopFirstLayout judge their drawings on. Bends made
// by hand are kept.
SystemMap withoutLayoutBends(SystemMap map);

// Whether Graphviz in this process can run `engine` (its plugins are configured).
bool engineAvailable(Engine engine);

} // namespace causeway::layout
