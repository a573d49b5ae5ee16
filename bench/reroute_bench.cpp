// Re-routing while a factor is dragged: each mouse move re-routes the dragged factor's links and
// any other link its box now lands on, then places every sign, as the canvas does
// (app/canvas/canvasscene.cpp).
// Run: build/bench/reroute_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only
// Goal: the median under 16 ms (one frame at 60 Hz) on a 100-factor, 300-link map.
#include "benchmaps.h"

#include "layout/layout.h"
#include "layout/linkrouter.h"
#include "layout/linkshapes.h"
#include "layout/textmetrics.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <map>

namespace causeway::bench {
namespace {

struct Drawing {
    SystemMap map;
    std::map<FactorId, BoxShape> boxes;
    std::map<LinkId, LinkShape> shapes;
};

// A random map laid out as the editor lays it out (neato, compacted, boxes sized for their
// labels), made once per size.
const Drawing& laidOutMap(int factors = 100, int links = 300)
{
    static std::map<std::pair<int, int>, Drawing> made;
    auto [it, fresh] = made.try_emplace({factors, links});
    if (fresh) {
        Drawing& d = it->second;
        d.map = randomMap(factors, links, 7);
        layout::LayoutOptions options;
        options.compact = true;
        for (const Factor& f : d.map.factors()) {
            const FactorBoxText box = layoutFactorBox(f.label);
            options.sizes[f.id] = {box.width, box.height};
        }
        for (const auto& [id, position] : layout::computeLayout(d.map, options).positions)
            d.map.moveFactor(id, position);
        for (const Factor& f : d.map.factors())
            d.boxes[f.id] = BoxShape{f.position, options.sizes[f.id].width, options.sizes[f.id].height};
        d.shapes = computeLinkShapes(d.map, d.boxes);
    }
    return it->second;
}

// range(0): 0 drags a factor with a typical number of links (6), 1 the busiest factor.
// range(1): 1 draws every third link's delay mark, which signs keep off and which then move off
// boxes, signs and each other (separateDelayMarks), as the canvas does; 0 none.
void BM_RerouteLinksOfDraggedFactor(benchmark::State& state)
{
    Drawing d = laidOutMap();
    std::vector<std::pair<std::size_t, FactorId>> degrees;
    for (const Factor& f : d.map.factors())
        degrees.push_back({d.map.outLinks(f.id).size() + d.map.inLinks(f.id).size(), f.id});
    std::sort(degrees.begin(), degrees.end());
    const auto typical = std::find_if(degrees.begin(), degrees.end(), [](auto& e) { return e.first >= 6; });
    const FactorId dragged = state.range(0) == 1 ? degrees.back().second : typical->second;

    std::vector<LinkId> own = d.map.outLinks(dragged);
    for (LinkId l : d.map.inLinks(dragged))
        own.push_back(l);
    double step = 15;
    std::size_t rerouted = 0;
    static std::uint64_t moves = 0;
    const double y0 = d.boxes[dragged].centre.y;
    for (auto _ : state) {
        BoxShape& box = d.boxes[dragged];
        box.centre.x += step;
        step = -step; // back and forth, as a hand does,
        box.centre.y = y0 + double(++moves) / 1024; // never twice at one place, in any repetition
                                                    // (routes found are kept: linkrouter.cpp)
        for (LinkId id : own)
            d.shapes[id] = linkShapeIn(d.map, d.boxes, d.map.link(id));
        for (auto& [id, shape] : d.shapes) {
            const Link& l = d.map.link(id);
            if (l.from != dragged && l.to != dragged && pathHitsBoxes(CubicPath(shape.line), {box})) {
                shape = linkShapeIn(d.map, d.boxes, l);
                ++rerouted;
            }
        }
        // The canvas then places every sign again (no sign over another; off other lines only
        // once the drag ends).
        std::vector<LinkShape> placed;
        std::vector<bool> delayed;
        for (const auto& [id, shape] : d.shapes) {
            placed.push_back(shape);
            delayed.push_back(state.range(1) == 1 && id.value % 3 == 0);
        }
        std::vector<const LinkShape*> shapes;
        shapes.reserve(placed.size());
        for (const LinkShape& shape : placed)
            shapes.push_back(&shape);
        std::vector<BoxShape> boxes;
        for (const auto& [id, b] : d.boxes)
            boxes.push_back(b);
        const std::vector<Point> signs = separateSigns(shapes, boxes, {}, false, delayed);
        std::vector<LinkShape*> marked;
        marked.reserve(placed.size());
        for (std::size_t i = 0; i < placed.size(); ++i) {
            placed[i].sign = signs[i];
            marked.push_back(&placed[i]);
        }
        separateDelayMarks(marked, delayed, boxes);
        benchmark::DoNotOptimize(placed);
        benchmark::DoNotOptimize(d.shapes);
    }
    state.counters["links"] = double(own.size());
    state.counters["others/move"] = double(rerouted) / double(std::max<std::int64_t>(1, state.iterations()));
}
BENCHMARK(BM_RerouteLinksOfDraggedFactor)
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond);

// Every link of the map routed from scratch (opening a map, exporting SVG, judging a layout).
// range(0)/range(1): factors/links.
void BM_RouteWholeMap(benchmark::State& state)
{
    Drawing d = laidOutMap(int(state.range(0)), int(state.range(1)));
    static std::uint64_t runs = 0;
    std::map<FactorId, Point> at;
    for (const auto& [id, box] : d.boxes)
        at[id] = box.centre;
    for (auto _ : state) {
        // Moved a hair each time, in any repetition, so that no route is found again from those
        // kept (layout/linkrouter.cpp): every link routed from scratch, as on opening the map.
        const double shift = double(++runs) / 1024;
        for (auto& [id, box] : d.boxes)
            box.centre.x = at.at(id).x + shift;
        benchmark::DoNotOptimize(computeLinkShapes(d.map, d.boxes));
    }
}
BENCHMARK(BM_RouteWholeMap)->Args({100, 300})->Args({110, 450})->Unit(benchmark::kMillisecond);

} // namespace
} // namespace causeway::bench

BENCHMARK_MAIN();
