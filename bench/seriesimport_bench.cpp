// Indicator data import timings (causeway-cli data --import, monitor --data). Run a Release or
// RelWithDebInfo build:
//   build/bench/seriesimport_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// A long table (Date,Indicator,Value) of 20 daily indicators, checked against a map as the CLI
// does; linear import means the time per row stays flat from 25k to 200k rows (the BigO line).

#include "monitor/monitorcheck.h"
#include "monitor/seriesimport.h"

#include <benchmark/benchmark.h>

namespace causeway {
namespace {

std::string longTable(int rows, int indicators)
{
    std::string csv = "Date,Indicator,Value\n";
    for (int r = 0; r < rows; ++r) {
        const Period day{Granularity::Day, 10000 + r / indicators};
        csv += periodText(day) + ",Indicator " + std::to_string(r % indicators) + ","
               + std::to_string((r * 7919) % 1000) + "." + std::to_string(r % 10) + "\n";
    }
    return csv;
}

void BM_SeriesImport(benchmark::State& state)
{
    const int rows = static_cast<int>(state.range(0));
    SystemMap map;
    for (int i = 0; i < 20; ++i) {
        Factor f;
        f.label = "Indicator " + std::to_string(i);
        map.addFactor(f);
    }
    const std::string csv = longTable(rows, 20);
    const IndicatorFilter knows = [&map](std::string_view name) { return resolveIndicatorName(map, name).has_value(); };
    for (auto _ : state) {
        SeriesCsvResult result = parseSeriesCsv(csv, knows);
        benchmark::DoNotOptimize(result);
    }
    state.SetComplexityN(rows);
    state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_SeriesImport)->RangeMultiplier(2)->Range(25'000, 200'000)->Unit(benchmark::kMillisecond)->Complexity();

} // namespace
} // namespace causeway

BENCHMARK_MAIN();
