// The frontier counter gives exactly what the searches and counting by subsets give, in total,
// by length and by polarity, with every filter; it stops when cancelled, gives up cleanly past
// its budget, and countLoops falls back to the search with the same result.

#include "bench/benchmaps.h"
#include "model/countwhole.h"
#include "model/frontiercount.h"
#include "model/loops.h"
#include "model/loopsearch.h"
#include "randommaps.h"
#include "serialsearch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <thread>
#include <vector>

namespace causeway {
namespace {

using namespace loopdetail;

// Sparse and denser, with self-links, "?" links or none: many factors have one way in or out,
// so contraction makes parallel edges and self-edges.
const testing::RandomMapSpec kFrontierSpecs[] = {
    {.factors = 12, .linkChance = 0.25, .selfLinkChance = 0.2},
    {.factors = 22, .linkChance = 0.12, .selfLinkChance = 0.1, .unknownChance = 0.05},
    {.factors = 30, .linkChance = 0.08, .negativeChance = 0.5, .unknownChance = 0.0},
    {.factors = 45, .linkChance = 0.05, .selfLinkChance = 0.02, .unknownChance = 0.02},
};

const testing::RandomMapSpec kSubsetSpecs[] = {
    kFrontierSpecs[0],
    {.factors = 16, .linkChance = 0.14, .selfLinkChance = 0.05, .unknownChance = 0.05},
};

// The component with the most factors (the first of them on a tie).
std::uint32_t biggestComponent(const LoopGraph& g)
{
    std::uint32_t biggest = 0;
    for (std::uint32_t c = 0; c < g.components.size(); ++c)
        if (g.components[c].size() > g.components[biggest].size())
            biggest = c;
    return biggest;
}

// Threads share even the smallest sweep here.
constexpr FrontierBudget kRoomy{.maxWidth = 20, .maxBytes = 256u << 20, .shareFrom = 0};

// Every component by the frontier counter on `threads` threads; false when one was past the budget.
bool byFrontier(const LoopGraph& g, const LoopFilter& filter, std::size_t maxLength, LoopCounts& counts,
                unsigned threads)
{
    for (const auto& vertices : g.components) {
        const SearchEnd end =
            countByFrontier(g, vertices, filter, maxLength, nullptr, nullptr, counts, kRoomy, threads);
        if (end == SearchEnd::Stopped)
            return false;
        EXPECT_EQ(end, SearchEnd::Completed);
    }
    return true;
}

// On one thread, or on two or three: the states split among them by hash.
void expectSameAsSearch(const LoopGraph& g, const LoopFilter& filter, std::size_t maxLength, int& checked)
{
    LoopCounts counts;
    if (!byFrontier(g, filter, maxLength, counts, checked % 6 == 1 ? 2u : checked % 6 == 4 ? 3u : 1u))
        return;
    EXPECT_EQ(counts, testing::bySerialSearch(g, filter, maxLength));
    ++checked;
}

TEST(FrontierCount, CountsWhatTheSearchMeetsOnRandomMaps)
{
    int checked = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed)
        for (const auto& spec : kFrontierSpecs) {
            const LoopGraph g = LoopGraph::build(testing::randomMap(seed, spec));
            SCOPED_TRACE("seed " + std::to_string(seed) + ", factors " + std::to_string(spec.factors));
            expectSameAsSearch(g, {}, 0, checked);
            expectSameAsSearch(g, {}, 2 + seed % 5, checked);
            if (g.vertexCount() == 0)
                continue;
            const auto v = std::uint32_t(seed * 7 % g.vertexCount());
            expectSameAsSearch(g, {.vertex = v}, 0, checked);
            expectSameAsSearch(g, {.vertex = v}, 4, checked);
            const std::uint32_t e = std::uint32_t(seed * 13 % g.target.size());
            const auto from = std::uint32_t(std::upper_bound(g.outBegin.begin(), g.outBegin.end(), e) - g.outBegin.begin() - 1);
            expectSameAsSearch(g, {.edge = std::pair(from, g.target[e])}, 0, checked);
            expectSameAsSearch(g, {.edge = std::pair(from, g.target[e])}, 5, checked);
            expectSameAsSearch(g, {.vertex = v, .edge = std::pair(from, g.target[e])}, 0, checked);
        }
    EXPECT_GT(checked, 900); // few maps are past the budget
}

TEST(FrontierCount, CountsWhatCountingBySubsetsCounts)
{
    int checked = 0;
    for (std::uint64_t seed = 100; seed < 160; ++seed) {
        const LoopGraph g = LoopGraph::build(testing::randomMap(seed, kSubsetSpecs[seed % 2]));
        for (const auto& vertices : g.components) {
            const std::optional<std::uint32_t> through =
                seed % 3 == 0 ? std::optional(vertices[seed % vertices.size()]) : std::nullopt;
            for (std::size_t maxLength : {0, 3}) {
                LoopCounts frontier, subsets;
                const SearchEnd end = countByFrontier(g, vertices, {.vertex = through}, maxLength, nullptr,
                                                      nullptr, frontier, kRoomy);
                ASSERT_EQ(countBySubsets(g, vertices, through, maxLength, nullptr, subsets), SearchEnd::Completed);
                if (end == SearchEnd::Stopped)
                    continue;
                EXPECT_EQ(frontier, subsets) << "seed " << seed;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 60);
}

// a -> x -> b and a -> y -> b contract to two parallel a -> b edges; b -> z -> a and a -> w -> a
// contract to a self-edge; the loops are counted by hand.
TEST(FrontierCount, ContractionToParallelAndSelfEdgesKeepsEveryLoop)
{
    enum : std::uint32_t { A, B, X, Y, Z, W, C };
    const std::vector<LoopGraph::Edge> edges = {
        {A, X, Sign::Positive}, {X, B, Sign::Positive}, {A, Y, Sign::Negative}, {Y, B, Sign::Positive},
        {B, Z, Sign::Positive}, {Z, A, Sign::Positive}, {A, W, Sign::Unknown},  {W, A, Sign::Positive},
        {B, C, Sign::Positive}, {C, A, Sign::Negative}, {C, B, Sign::Positive},
    };
    const LoopGraph g = LoopGraph::fromEdges(7, edges);
    LoopCounts counted;
    const frontier::Reduced reduced = frontier::reduce(g, g.components.front(), {}, 0, counted);
    EXPECT_GE(counted.total, 1u); // a -> w -> a, at least, closed by contraction
    EXPECT_LT(reduced.vertexCount, 7u);
    LoopCounts counts;
    ASSERT_EQ(countByFrontier(g, g.components.front(), {}, 0, nullptr, nullptr, counts), SearchEnd::Completed);
    // a-w-a (U); a-x-b-z-a, a-y-b-z-a, a-x-b-c-a, a-y-b-c-a; b-c-b.
    EXPECT_EQ(counts.total, 6u);
    EXPECT_EQ(counts.unknown, 1u);
    EXPECT_EQ(counts.byLength, (std::vector<std::uint64_t>{0, 0, 2, 0, 4}));
    EXPECT_EQ(counts, testing::bySerialSearch(g, {}, 0));
}

// A dense 30-factor component: its frontier is wider than any budget allows.
LoopGraph denseGraph(std::uint32_t n)
{
    std::vector<LoopGraph::Edge> edges;
    for (std::uint32_t a = 0; a < n; ++a)
        for (std::uint32_t b = 0; b < n; ++b)
            if (a != b && (a * 7 + b * 3) % 5 < 2)
                edges.push_back({a, b, (a + b) % 3 ? Sign::Positive : Sign::Negative});
    return LoopGraph::fromEdges(n, edges);
}

TEST(FrontierCount, PastItsBudgetItStopsAndLeavesTheCountsAlone)
{
    const LoopGraph g = LoopGraph::build(testing::randomMap(7, kFrontierSpecs[3]));
    LoopCounts counts;
    addToCounts(counts, 3, LoopPolarity::Balancing, 5);
    const LoopCounts before = counts;
    const auto& biggest = *std::max_element(g.components.begin(), g.components.end(),
                                            [](const auto& a, const auto& b) { return a.size() < b.size(); });
    EXPECT_EQ(countByFrontier(g, biggest, {}, 0, nullptr, nullptr, counts, {.maxWidth = 20, .maxBytes = 4096}),
              SearchEnd::Stopped);
    EXPECT_EQ(counts, before);
    EXPECT_EQ(countByFrontier(g, biggest, {}, 0, nullptr, nullptr, counts,
                              {.maxWidth = 20, .maxBytes = 4096, .shareFrom = 0}, 2),
              SearchEnd::Stopped);
    EXPECT_EQ(counts, before);
    EXPECT_EQ(countByFrontier(g, biggest, {}, 0, nullptr, nullptr, counts, {.maxWidth = 1, .maxBytes = 64u << 20}),
              SearchEnd::Stopped);
    EXPECT_EQ(counts, before);
    const LoopGraph dense = denseGraph(30);
    EXPECT_EQ(countByFrontier(dense, dense.components.front(), {}, 0, nullptr, nullptr, counts), SearchEnd::Stopped);
    EXPECT_EQ(counts, before);
}

// The order the sweep takes decides how many states it holds. On this sparse 100-factor map
// (2.5 million loops) the greedy narrow-frontier order needed 64 MB of states; the annealed
// order, judged by the work each step makes, fits in 16.
TEST(FrontierCount, ItsOrderKeepsASparseHundredFactorMapWithinAQuarterOfTheMemory)
{
    const LoopGraph g = LoopGraph::build(bench::randomMap(100, 210, 2));
    const std::uint32_t biggest = biggestComponent(g);
    LoopCounts swept, searched;
    EXPECT_EQ(countByFrontier(g, g.components[biggest], {}, 0, nullptr, nullptr, swept,
                              {.maxWidth = 20, .maxBytes = 24u << 20}),
              SearchEnd::Completed);
    const std::uint32_t only[] = {biggest};
    ASSERT_EQ(countInParallel(g, only, {}, 0, 2, nullptr, nullptr, searched), SearchEnd::Completed);
    EXPECT_GT(searched.total, 1'000'000u);
    EXPECT_EQ(swept, searched);
    // Two threads share the states, and the budget, and count the same.
    LoopCounts shared;
    EXPECT_EQ(countByFrontier(g, g.components[biggest], {}, 0, nullptr, nullptr, shared,
                              {.maxWidth = 20, .maxBytes = 24u << 20, .shareFrom = 0}, 2),
              SearchEnd::Completed);
    EXPECT_EQ(shared, searched);
}

// The order is annealed as two chains, side by side on two threads: the plan, and so the sweep's
// work, is the same whatever the thread count.
TEST(FrontierCount, ItsPlanIsTheSameOnOneThreadOrTwo)
{
    const LoopGraph g = LoopGraph::build(bench::randomMap(100, 210, 2));
    const auto& biggest = *std::max_element(g.components.begin(), g.components.end(),
                                            [](const auto& a, const auto& b) { return a.size() < b.size(); });
    LoopCounts closed;
    const frontier::Reduced reduced = frontier::reduce(g, biggest, {}, 0, closed);
    const frontier::Plan one = frontier::makePlan(reduced, HUGE_VAL, 1);
    const frontier::Plan two = frontier::makePlan(reduced, HUGE_VAL, 2);
    EXPECT_GT(one.cost, 64'000.0); // enough work for the long annealing, which runs the two chains
    EXPECT_EQ(one.position, two.position);
    EXPECT_EQ(one.cost, two.cost);
    EXPECT_EQ(one.width, two.width);
}

// countLoops gives what the search gives whether a component is swept or falls back.
TEST(FrontierCount, CountLoopsFallsBackToTheSearchWithTheSameCounts)
{
    SystemMap map = testing::randomMap(11, {.factors = 30, .linkChance = 0.08});
    // A second, dense part too wide for any frontier budget.
    std::vector<FactorId> ids;
    for (int i = 0; i < 40; ++i)
        ids.push_back(map.addFactor(Factor{.label = "D" + std::to_string(i)}));
    for (int a = 0; a < 40; ++a)
        for (int b = 0; b < 40; ++b)
            if (a != b && (a * 7 + b * 3) % 5 < 2)
                map.addLink(Link{.from = ids[a], .to = ids[b], .polarity = (a + b) % 3 ? Polarity::Positive : Polarity::Negative});
    const LoopGraph g = LoopGraph::build(map);
    const auto& dense = g.components[g.component[*g.vertexOf(ids[0])]];
    const auto& sparse = g.components[g.component[0]];
    ASSERT_NE(&dense, &sparse);
    for (std::size_t maxLength : {3, 4}) {
        LoopCounts counts;
        ASSERT_EQ(countByFrontier(g, dense, {}, maxLength, nullptr, nullptr, counts), SearchEnd::Stopped);
        ASSERT_EQ(countByFrontier(g, sparse, {}, maxLength, nullptr, nullptr, counts), SearchEnd::Completed);
        EXPECT_EQ(countLoops(map, {.maxLength = maxLength}).counts, testing::bySerialSearch(g, {}, maxLength));
    }
}

// Counting without the search gives countLoops' counts, or nothing when a component needs it.
TEST(FrontierCount, CountingWithoutTheSearchGivesWhatCountLoopsGivesOrNothing)
{
    int whole = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed)
        for (const auto& spec : kFrontierSpecs) {
            const SystemMap map = testing::randomMap(seed, spec);
            if (const std::optional<LoopCounts> counts = countLoopsWithoutSearch(map, {})) {
                EXPECT_EQ(*counts, countLoops(map, {}).counts);
                ++whole;
            }
        }
    EXPECT_GT(whole, 30);
    // Dense: far too many states for the sweep, too many factors for subsets.
    const SystemMap dense = testing::randomMap(3, {.factors = 40, .linkChance = 0.4});
    EXPECT_FALSE(countLoopsWithoutSearch(dense, {.maxLength = 3}).has_value());
}

// The sweep meets no loop one by one, so the Loops panel's running figure stands still while it
// counts: it says instead how much of the plan's estimated work is done, step by step.
TEST(FrontierCount, ItsShareOfTheWorkRisesStepByStepToTheWhole)
{
    const LoopGraph g = LoopGraph::build(bench::randomMap(100, 210, 2));
    const std::uint32_t biggest = biggestComponent(g);
    LoopCounts closed;
    const frontier::Reduced reduced = frontier::reduce(g, g.components[biggest], {}, 0, closed);
    const frontier::Plan plan = frontier::makePlan(reduced);
    ASSERT_EQ(plan.doneAfter.size(), plan.steps.size());
    EXPECT_TRUE(std::is_sorted(plan.doneAfter.begin(), plan.doneAfter.end()));
    EXPECT_DOUBLE_EQ(plan.doneAfter.back(), 1.0);
    EXPECT_LT(plan.doneAfter[plan.doneAfter.size() / 4], 0.5); // the work is not all in one step
    EXPECT_TRUE(std::any_of(plan.doneAfter.begin(), plan.doneAfter.end(), [](double d) { return d > 0.1 && d < 0.9; }));

    // Watched from another thread, as the panel does: it only rises, within the share given.
    for (const unsigned threads : {1u, 2u}) {
        std::atomic<std::uint32_t> swept{0};
        std::atomic<bool> done{false};
        std::vector<std::uint32_t> seen;
        std::thread watcher([&] {
            while (!done.load()) {
                if (const std::uint32_t now = swept.load(); seen.empty() || now != seen.back())
                    seen.push_back(now);
                std::this_thread::yield();
            }
        });
        LoopCounts counts;
        const SearchEnd end = countByFrontier(g, g.components[biggest], {}, 0, nullptr, nullptr, counts,
                                              {.maxWidth = 20, .maxBytes = 24u << 20, .shareFrom = 0}, threads,
                                              {.to = &swept, .base = 0.25, .span = 0.5});
        done = true;
        watcher.join();
        ASSERT_EQ(end, SearchEnd::Completed);
        EXPECT_EQ(swept.load(), 750'000u) << threads << " threads";
        EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << threads << " threads";
        EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](std::uint32_t v) { return v == 0 || (v >= 250'000 && v <= 750'000); }));
        EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](std::uint32_t v) { return v > 250'000 && v < 750'000; }))
            << threads << " threads: no step seen between the first and the last";
    }

    // Through the public count: the whole map's components share the million.
    std::atomic<std::uint32_t> swept{0};
    LoopQuery query;
    query.swept = &swept;
    ASSERT_TRUE(countLoopsWithoutSearch(bench::randomMap(100, 210, 2), query).has_value());
    EXPECT_EQ(swept.load(), 1'000'000u);
}

TEST(FrontierCount, ASetCancelFlagStopsIt)
{
    const LoopGraph g = LoopGraph::build(testing::randomMap(3, kFrontierSpecs[3]));
    const std::atomic<bool> cancel{true};
    LoopCounts counts;
    EXPECT_EQ(countByFrontier(g, g.components.front(), {}, 0, &cancel, nullptr, counts), SearchEnd::Cancelled);
    EXPECT_EQ(counts, LoopCounts{});
    EXPECT_EQ(countByFrontier(g, g.components.front(), {}, 0, &cancel, nullptr, counts, {.shareFrom = 0}, 2),
              SearchEnd::Cancelled);
    EXPECT_EQ(counts, LoopCounts{});
}

} // namespace
} // namespace causeway
