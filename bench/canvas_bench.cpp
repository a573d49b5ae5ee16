// The editor's canvas routing every link, as it does after each edit of a map of over 30 factors
// (a factor dropped: every link routed again round the boxes and the other lines) and on opening
// a map. Qt's offscreen platform; wall time (the canvas routes on every core).
// Run: build/bench/canvas_bench [--benchmark_repetitions=5]
#include "benchmaps.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/loops/loopjob.h"
#include "layout/layout.h"
#include "layout/textmetrics.h"

#include <QApplication>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>

using namespace causeway;

namespace {

// A random map laid out by the default layout, as the editor lays one out on opening it.
SystemMap laidOut(int factors, int links)
{
    SystemMap map = bench::randomMap(factors, links, 7);
    layout::LayoutOptions options;
    options.compact = true;
    for (const Factor& f : map.factors()) {
        const FactorBoxText box = layoutFactorBox(f.label);
        options.sizes[f.id] = {box.width, box.height};
    }
    for (const auto& [id, position] : layout::computeLayout(map, options).positions)
        map.moveFactor(id, position);
    return map;
}

// range(0)/range(1): factors/links. One factor dropped a little way off, then back, each time a
// hair from anywhere it has been (routes found are kept: layout/linkrouter.cpp). `countingLoops`:
// while the loops panel counts the map's loops in the background, as it does from opening a map
// until every loop is counted (on a random map of this size, far longer than anyone waits).
void dropAgainAndAgain(benchmark::State& state, bool countingLoops)
{
    Document doc;
    doc.replaceMap(laidOut(int(state.range(0)), int(state.range(1))));
    CanvasScene scene(&doc);
    LoopJob loops;
    if (countingLoops)
        loops.start(doc.map(), LoopJobRequest{});
    const Factor moved = doc.map().factors().front();
    static std::uint64_t drops = 0;
    double step = 40;
    for (auto _ : state) {
        const Point at = doc.map().factor(moved.id).position;
        doc.moveFactors({{moved.id, Point{at.x + step, at.y + double(++drops) / 1024}}});
        step = -step;
    }
    loops.cancel();
    loops.waitForFinished();
    state.counters["links"] = double(scene.linkItemCount());
}

void BM_CanvasDropFactor(benchmark::State& state) { dropAgainAndAgain(state, false); }
BENCHMARK(BM_CanvasDropFactor)
    ->Args({100, 300})
    ->Args({200, 400})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_CanvasDropFactorWhileCountingLoops(benchmark::State& state)
{
    dropAgainAndAgain(state, true);
}
BENCHMARK(BM_CanvasDropFactorWhileCountingLoops)
    ->Args({100, 300})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The canvas drawing a laid-out map it is given (opening a file): every link routed once.
void BM_CanvasOpenMap(benchmark::State& state)
{
    const SystemMap map = laidOut(int(state.range(0)), int(state.range(1)));
    Document doc;
    CanvasScene scene(&doc);
    static std::uint64_t opens = 0;
    for (auto _ : state) {
        SystemMap shifted = map; // a hair off each time, so no route is found again from those kept
        for (const Factor& f : map.factors())
            shifted.moveFactor(f.id, Point{f.position.x + double(++opens) / 4096, f.position.y});
        doc.replaceMap(std::move(shifted));
    }
    state.counters["links"] = double(scene.linkItemCount());
}
BENCHMARK(BM_CanvasOpenMap)
    ->Args({100, 300})
    ->Args({400, 800})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
