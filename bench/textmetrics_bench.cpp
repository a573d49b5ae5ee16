// Time to size and wrap the labels of a 100-factor map (layoutFactorBox for each). Run a Release
// or RelWithDebInfo build:
//   build/bench/textmetrics_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// "Repeat" lays out the same 100 labels every time (a relayout of an unchanged map); "Fresh"
// lays out 100 labels never seen before (an import), so no cached width can help.

#include "layout/textmetrics.h"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace causeway {
namespace {

// Labels of one to eight words, in English and in the scripts the services work in.
std::vector<std::string> labels(int n, const std::string& suffix)
{
    static const char* const words[] = {
        "Peer", "worker", "skill", "trust", "in", "the", "service", "client", "visits",
        "funding", "waiting", "times", "stigma", "community", "support", "outreach",
        "s\xE1\xBB\xA9" "c", "kh\xE1\xBB\x8F" "e",                 // Vietnamese
        "\xD8\xA7\xD9\x84\xD8\xAB\xD9\x82\xD8\xA9",                  // Arabic
        "\xE7\xA4\xBE\xE5\x8C\xBA\xE4\xBF\xA1\xE4\xBB\xBB",          // Chinese
        "\xF0\x9F\x99\x8F"};                                         // an emoji
    const int count = sizeof(words) / sizeof(words[0]);
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
        std::string label;
        for (int w = 0; w <= i % 8; ++w)
            label += (w ? " " : "") + std::string(words[(i * 7 + w * 3) % count]);
        out.push_back(label + suffix);
    }
    return out;
}

void BM_LayoutFactorBoxesRepeat(benchmark::State& state)
{
    const std::vector<std::string> map = labels(100, "");
    for (auto _ : state)
        for (const std::string& label : map)
            benchmark::DoNotOptimize(layoutFactorBox(label));
}
BENCHMARK(BM_LayoutFactorBoxesRepeat)->Unit(benchmark::kMicrosecond);

void BM_LayoutFactorBoxesFresh(benchmark::State& state)
{
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::vector<std::string> map = labels(100, " " + std::to_string(round++));
        state.ResumeTiming();
        for (const std::string& label : map)
            benchmark::DoNotOptimize(layoutFactorBox(label));
    }
}
BENCHMARK(BM_LayoutFactorBoxesFresh)->Unit(benchmark::kMicrosecond);

} // namespace
} // namespace causeway

BENCHMARK_MAIN();
