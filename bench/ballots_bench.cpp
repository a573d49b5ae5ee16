// Ballots CSV import timings (causeway-cli ballots --add). Run a Release or RelWithDebInfo build:
//   build/bench/ballots_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// Rows of six per participant (three watch, three stop), or one per participant (the most
// participants, where a per-participant scan hurt most), on a 100-factor map; linear import means
// the time per row stays flat from 16k to 200k rows.

#include "bench/benchmaps.h"
#include "io/ballots.h"

#include <benchmark/benchmark.h>

namespace causeway {
namespace {

std::string ballotsCsv(const SystemMap& map, int rows, int perParticipant)
{
    const std::vector<Factor> factors = map.factors();
    std::string csv = "Participant,Kind,Item\n";
    for (int r = 0; r < rows; ++r) {
        const int participant = r / perParticipant;
        const int slot = r % perParticipant;
        // Six distinct factors per participant, shifted so ballots differ.
        const Factor& f = factors[(participant * 7 + slot) % factors.size()];
        csv += "Person " + std::to_string(participant) + (slot < 3 ? ",watch," : ",stop,") + f.label
               + "\n";
    }
    return csv;
}

void BM_ImportBallotsCsv(benchmark::State& state)
{
    const SystemMap map = bench::randomMap(100, 300, 3);
    const int rows = static_cast<int>(state.range(0));
    const std::string csv = ballotsCsv(map, rows, static_cast<int>(state.range(1)));
    std::size_t cast = 0;
    for (auto _ : state) {
        SystemMap copy = map;
        cast = importBallotsCsv(copy, "Round 1", csv);
    }
    state.counters["ballots"] = static_cast<double>(cast);
    state.counters["rows/s"] = benchmark::Counter(rows, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ImportBallotsCsv)
    ->Args({16000, 6})
    ->Args({64000, 6})
    ->Args({200000, 6})
    ->Args({64000, 1})
    ->Args({200000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

} // namespace
} // namespace causeway

BENCHMARK_MAIN();
