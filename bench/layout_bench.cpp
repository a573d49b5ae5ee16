// The default layout (neato from several random starts, packed for a 4:3 screen, then factor
// swaps; layout/bestlayout.cpp) on one thread against several judging the starts and swaps.
// Run: build/bench/layout_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only
// Real time is what a facilitator waits; the peer is the Graphviz command line, timed by
// layout_quality_report in its own run.
#include "benchmaps.h"

#include "io/import.h"
#include "io/mapfile.h"
#include "layout/layout.h"
#include "layout/textmetrics.h"

#include <benchmark/benchmark.h>

#include <exception>
#include <string>

namespace causeway::bench {
namespace {

layout::LayoutOptions defaultOptions(const SystemMap& map, unsigned threads)
{
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    options.threads = threads;
    for (const Factor& f : map.factors()) {
        const FactorBoxText box = layoutFactorBox(f.label);
        options.sizes[f.id] = {box.width, box.height};
    }
    return options;
}

// The shipped sample map (22 factors, 34 links).
void BM_DefaultLayoutSample(benchmark::State& state)
{
    const SystemMap map = loadMapFile(CAUSEWAY_SOURCE_DIR "/resources/samples/peer-nsp.causeway");
    const layout::LayoutOptions options = defaultOptions(map, unsigned(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(layout::computeLayout(map, options));
}
BENCHMARK(BM_DefaultLayoutSample)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

// A real 15-factor Vensim causal loop diagram, the slowest of the models to lay out (it is
// judged with its links untangled, and packed for fewer crossings as well as for size).
void BM_DefaultLayoutEnergyTech(benchmark::State& state)
{
    const std::string path = CAUSEWAY_SOURCE_DIR "/tests/data/io/models/simlin/energy_tech_cld_v160.mdl";
    SystemMap map;
    try {
        map = importFile(path).map;
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    const layout::LayoutOptions options = defaultOptions(map, unsigned(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(layout::computeLayout(map, options));
}
BENCHMARK(BM_DefaultLayoutEnergyTech)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

// A large map imported without positions, laid out as the editor does on opening it (sfdp past
// 400 factors, neato below): 1,000 factors and 2,000 links, and 400 and 800. Past 500 links no
// link is untangled, so none is routed to try (linkshapes.cpp untangledBends: that routing was
// most of the time, on one thread: a 1,000-factor import's ~6.5 s).
void BM_FirstLayoutOfALargeImport(benchmark::State& state)
{
    const int factors = int(state.range(0));
    const SystemMap map = randomMap(factors, 2 * factors, 7);
    layout::LayoutOptions options = defaultOptions(map, unsigned(state.range(1)));
    options.engine = factors > 400 ? layout::Engine::Sfdp : layout::Engine::Neato;
    for (auto _ : state)
        benchmark::DoNotOptimize(layout::computeLayout(map, options));
}
BENCHMARK(BM_FirstLayoutOfALargeImport)
    ->Args({400, 1})
    ->Args({400, 2})
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->ArgNames({"factors", "threads"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace
} // namespace causeway::bench

BENCHMARK_MAIN();
