// Loop analysis timings. Run a Release or RelWithDebInfo build:
//   build/bench/loops_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// Peers in the same run give ratios that do not depend on the machine: Boost's hawick_circuits
// with a bare counting visitor (the floor for enumerating every loop) against countLoops, which
// adds the SystemMap -> core conversion, strongly connected components and the R/B/U and
// length histogram.

#include "bench/benchmaps.h"
#include "model/loops.h"
#include "model/loopsearch.h"
#include "model/systemmap.h"

#include <benchmark/benchmark.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>


namespace causeway {
namespace {

// Every ordered pair of distinct factors linked, polarities mixed: sum_k C(n,k)(k-1)! loops
// (n = 10: 1,112,073; n = 11: 10,976,173). `drop` removes every drop-th link to thin it.
SystemMap nearCompleteMap(int n, int drop)
{
    SystemMap map;
    std::vector<FactorId> f;
    f.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        f.push_back(map.addFactor(Factor{.label = "F" + std::to_string(i)}));
    int k = 0;
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            if (a == b || (drop > 0 && ++k % drop == 0))
                continue;
            const Polarity p = (a * 7 + b) % 3 == 0 ? Polarity::Negative : Polarity::Positive;
            map.addLink(Link{.from = f[a], .to = f[b], .polarity = p});
        }
    return map;
}

using bench::randomMap;

void reportLoops(benchmark::State& state, std::uint64_t loops)
{
    state.counters["loops"] = static_cast<double>(loops);
    state.counters["loops/s"] =
        benchmark::Counter(static_cast<double>(loops), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_CountLoopsNearComplete(benchmark::State& state)
{
    const SystemMap map = nearCompleteMap(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    std::uint64_t loops = 0;
    for (auto _ : state)
        loops = countLoops(map, {}).counts.total;
    reportLoops(state, loops);
}
BENCHMARK(BM_CountLoopsNearComplete)->Args({10, 0})->Args({11, 0})->Unit(benchmark::kMillisecond);

// The peer: hawick_circuits on the same graph with a visitor that only counts.
struct CountingVisitor {
    std::uint64_t* count;
    template <class Path, class Graph>
    void cycle(const Path&, const Graph&) const { ++*count; }
};

void BM_BoostHawickRawNearComplete(benchmark::State& state)
{
    const SystemMap map = nearCompleteMap(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    const auto ids = map.factorIds();
    Graph g(ids.size());
    for (const Link& l : map.links())
        boost::add_edge(l.from.value - ids.front().value, l.to.value - ids.front().value, g);
    std::uint64_t loops = 0;
    for (auto _ : state) {
        loops = 0;
        boost::hawick_circuits(g, CountingVisitor{&loops});
    }
    reportLoops(state, loops);
}
BENCHMARK(BM_BoostHawickRawNearComplete)->Args({10, 0})->Args({11, 0})->Unit(benchmark::kMillisecond);

// The search alone, on one thread and on two: countLoops counts components this small by
// subsets, so this is the enumeration it uses on larger ones, met loop by loop as Boost does.
void BM_SearchCountNearComplete(benchmark::State& state)
{
    const SystemMap map = nearCompleteMap(static_cast<int>(state.range(0)), 0);
    const loopdetail::LoopGraph g = loopdetail::LoopGraph::build(map);
    std::vector<std::uint32_t> all(g.components.size());
    for (std::uint32_t c = 0; c < all.size(); ++c)
        all[c] = c;
    std::uint64_t loops = 0;
    for (auto _ : state) {
        LoopCounts counts;
        loopdetail::countInParallel(g, all, {}, 0, static_cast<unsigned>(state.range(1)), nullptr,
                                    nullptr, counts);
        loops = counts.total;
    }
    reportLoops(state, loops);
}
BENCHMARK(BM_SearchCountNearComplete)->Args({10, 1})->Args({11, 1})->Args({10, 2})->Args({11, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();

std::uint32_t biggestComponent(const loopdetail::LoopGraph& g)
{
    std::uint32_t biggest = 0;
    for (std::uint32_t c = 0; c < g.components.size(); ++c)
        if (g.components[c].size() > g.components[biggest].size())
            biggest = c;
    return biggest;
}

// The frontier counter (first arg 0) against the search it spares (1: factors with one way in or
// out contracted away, then Johnson's search split below the start vertex, on the second arg's
// threads), on the biggest component of a sparse 300-factor map like World3's core.
void BM_FrontierCountSparse(benchmark::State& state)
{
    const loopdetail::LoopGraph g = loopdetail::LoopGraph::build(randomMap(300, 505, 5));
    const std::uint32_t biggest = biggestComponent(g);
    const std::uint32_t only[] = {biggest};
    std::uint64_t loops = 0;
    for (auto _ : state) {
        LoopCounts counts;
        const loopdetail::SearchEnd end =
            state.range(0) == 0
                ? loopdetail::countByFrontier(g, g.components[biggest], {}, 0, nullptr, nullptr, counts,
                                              {.maxWidth = 20, .maxBytes = 1u << 30})
                : loopdetail::countInParallel(g, only, {}, 0, unsigned(state.range(1)), nullptr, nullptr, counts);
        if (end != loopdetail::SearchEnd::Completed)
            state.SkipWithError("past the frontier budget");
        loops = counts.total;
    }
    reportLoops(state, loops);
}
BENCHMARK(BM_FrontierCountSparse)->Args({0, 1})->Args({1, 1})->Args({1, 2})->Unit(benchmark::kMillisecond)->UseRealTime();


// The whole count of an 85M-loop map (100 factors, 230 links: contracted, planned, swept) on one
// thread and on two: the "speed-up from the second core on a 10^8-loop count".
void BM_FrontierCountThreads(benchmark::State& state)
{
    const SystemMap map = randomMap(100, 230, 8);
    LoopQuery query;
    query.threads = unsigned(state.range(0));
    std::uint64_t loops = 0;
    for (auto _ : state)
        loops = countLoops(map, query).counts.total;
    reportLoops(state, loops);
}
BENCHMARK(BM_FrontierCountThreads)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// 100 factors, 300 links: far too many loops to count in full, so bounded by length.
void BM_CountLoopsRandomBounded(benchmark::State& state)
{
    const SystemMap map = randomMap(100, 300, 7);
    std::uint64_t loops = 0;
    for (auto _ : state)
        loops = countLoops(map, {.maxLength = static_cast<std::size_t>(state.range(0))}).counts.total;
    reportLoops(state, loops);
}
BENCHMARK(BM_CountLoopsRandomBounded)->Arg(10)->Arg(14)->Arg(18)->Unit(benchmark::kMillisecond);

// Shortest-first listing on a 200-factor map with out-degree about 4.
void BM_FindShortestLoops(benchmark::State& state)
{
    const SystemMap map = randomMap(200, 800, 11);
    std::size_t listed = 0;
    std::size_t longest = 0;
    for (auto _ : state) {
        const LoopResult r = findLoops(map, {.limit = static_cast<std::size_t>(state.range(0))});
        listed = r.loops.size();
        longest = r.loops.empty() ? 0 : r.loops.back().length();
    }
    state.counters["listed"] = static_cast<double>(listed);
    state.counters["longest"] = static_cast<double>(longest);
}
BENCHMARK(BM_FindShortestLoops)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

// Shortest-first listing through one factor of the same map.
void BM_FindShortestLoopsThroughFactor(benchmark::State& state)
{
    const SystemMap map = randomMap(200, 800, 11);
    const FactorId x = map.factorIds()[100];
    std::size_t listed = 0;
    for (auto _ : state)
        listed = findLoops(map, {.throughFactor = x, .limit = 1000}).loops.size();
    state.counters["listed"] = static_cast<double>(listed);
}
BENCHMARK(BM_FindShortestLoopsThroughFactor)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace causeway

BENCHMARK_MAIN();
