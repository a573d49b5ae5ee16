// Metrics timings (degree, betweenness, loops through each factor and link). Run a Release or
// RelWithDebInfo build:
//   build/bench/metrics_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// Maps have ten links per factor, as the 2000-factor, 20000-link map of issue 9; the last
// argument is --max-loop-length.

#include "bench/benchmaps.h"
#include "model/metrics.h"

#include <benchmark/benchmark.h>

namespace causeway {
namespace {

void BM_Metrics(benchmark::State& state)
{
    const int n = static_cast<int>(state.range(0));
    const SystemMap map = bench::randomMap(n, 10 * n, 5);
    MetricsOptions options;
    options.maxLoopLength = static_cast<std::size_t>(state.range(1));
    std::uint64_t loopsThroughFirst = 0;
    for (auto _ : state)
        loopsThroughFirst = computeMetrics(map, options).factors.front().loops;
    state.counters["loopsThroughF0"] = static_cast<double>(loopsThroughFirst);
}
BENCHMARK(BM_Metrics)
    ->Args({250, 3})
    ->Args({1000, 3})
    ->Args({2000, 3})
    ->Args({250, 8})
    ->Args({1000, 8})
    ->Args({2000, 8})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

} // namespace
} // namespace causeway

BENCHMARK_MAIN();
