// Counting on several threads gives exactly the serial counts (checked against the independent
// Hawick and bounded searches), stops when cancelled, and reports progress that never goes back.

#include "model/loops.h"
#include "model/metrics.h"
#include "model/loopsearch.h"
#include "model/frontiercount.h"
#include "randommaps.h"
#include "serialsearch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace causeway {
namespace {

using namespace loopdetail;

const testing::RandomMapSpec kParallelSpecs[] = {
    {.factors = 24, .linkChance = 0.12, .selfLinkChance = 0.1},
    {.factors = 30, .linkChance = 0.1, .negativeChance = 0.5, .unknownChance = 0.0},
    {.factors = 40, .linkChance = 0.07, .unknownChance = 0.02},
};

LoopCounts inParallel(const LoopGraph& g, const LoopFilter& filter, std::size_t maxLength,
                      unsigned threads)
{
    std::vector<std::uint32_t> all(g.components.size());
    for (std::uint32_t c = 0; c < all.size(); ++c)
        all[c] = c;
    LoopCounts counts;
    EXPECT_EQ(countInParallel(g, all, filter, maxLength, threads, nullptr, nullptr, counts),
              SearchEnd::Completed);
    return counts;
}

TEST(ParallelCount, OneThreadAndFourCountWhatTheSerialSearchesMeet)
{
    std::uint64_t loops = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed)
        for (const auto& spec : kParallelSpecs) {
            const LoopGraph g = LoopGraph::build(testing::randomMap(seed, spec));
            SCOPED_TRACE("seed " + std::to_string(seed) + ", factors " + std::to_string(spec.factors));
            std::vector<LoopFilter> filters(1);
            if (g.vertexCount() > 0) {
                const std::uint32_t v = std::uint32_t(seed * 7 % g.vertexCount());
                filters.push_back({.vertex = v});
                const std::uint32_t e = g.outBegin[v]; // every core vertex has an out-link
                filters.push_back({.edge = std::pair(v, g.target[e])});
                const std::uint32_t r = std::uint32_t((seed * 13 + 5) % g.vertexCount());
                filters.push_back({.vertex = r, .edge = std::pair(v, g.target[e])});
            }
            for (const LoopFilter& filter : filters)
                for (const std::size_t maxLength : {std::size_t(0), std::size_t(5)}) {
                    const LoopCounts serial = testing::bySerialSearch(g, filter, maxLength);
                    EXPECT_EQ(inParallel(g, filter, maxLength, 1), serial);
                    EXPECT_EQ(inParallel(g, filter, maxLength, 4), serial);
                    loops += serial.total;
                }
        }
    EXPECT_GT(loops, 100'000u); // enough work for the threads to split start vertices
}

// A filtered count starts from one vertex only: the other threads get work only by splitting
// that vertex's search tree, which is the case one heavy start vertex makes on real maps.
TEST(ParallelCount, ASingleStartVertexSplitAmongThreadsCountsTheSame)
{
    const LoopGraph g = LoopGraph::build(testing::randomMap(7, {.factors = 32, .linkChance = 0.1}));
    ASSERT_GT(g.vertexCount(), 0u);
    const LoopFilter through{.vertex = 0};
    const LoopCounts serial = testing::bySerialSearch(g, through, 0);
    ASSERT_GT(serial.total, 10'000u);
    for (const unsigned threads : {2u, 3u, 8u})
        EXPECT_EQ(inParallel(g, through, 0, threads), serial) << threads << " threads";
}

// Handing untried branches over mid-search (the receiver rebuilding the path, its links, its
// polarity and its blocking) runs only when a thread goes idle at the right moment. Eager
// hand-offs run it at every check-in, even on one thread, so every map here splits its start
// vertices' trees many times, at every depth, whatever the timing.
TEST(ParallelCount, HandingBranchesOverAtEveryDepthCountsWhatTheSerialSearchesMeet)
{
    std::uint64_t loops = 0;
    // Sparse maps as well: there a branching vertex's first branches often close no loop while
    // the branches handed over do.
    const testing::RandomMapSpec specs[] = {
        kParallelSpecs[0], kParallelSpecs[1],
        {.factors = 40, .linkChance = 0.05},
    };
    for (std::uint64_t seed = 21; seed <= 24; ++seed)
        for (const auto& spec : specs) {
            const LoopGraph g = LoopGraph::build(testing::randomMap(seed, spec));
            SCOPED_TRACE("seed " + std::to_string(seed) + ", factors " + std::to_string(spec.factors));
            std::vector<LoopFilter> filters(1);
            if (g.vertexCount() > 0)
                filters.push_back({.vertex = std::uint32_t(seed * 5 % g.vertexCount())});
            std::vector<std::uint32_t> all(g.components.size());
            for (std::uint32_t c = 0; c < all.size(); ++c)
                all[c] = c;
            for (const LoopFilter& filter : filters)
                for (const std::size_t maxLength : {std::size_t(0), std::size_t(6)}) {
                    const LoopCounts serial = testing::bySerialSearch(g, filter, maxLength);
                    loops += serial.total;
                    for (const std::uint32_t every : {4u, 32u, 256u})
                        for (const unsigned threads : {1u, 2u, 3u}) {
                            LoopCounts counts;
                            EXPECT_EQ(countInParallel(g, all, filter, maxLength, threads, nullptr, nullptr,
                                                      counts, nullptr, {.checkEvery = every, .eager = true}),
                                      SearchEnd::Completed);
                            EXPECT_EQ(counts, serial) << threads << " threads, hand-off every " << every
                                                      << " steps, up to " << maxLength << " links";
                        }
                }
        }
    EXPECT_GT(loops, 10'000u);
}

// The plain count contracts factors with one way in or out, so one step of its search can stand
// for many links: two hubs joined by chains of one-way factors (lengths 1 to 6, some "-", one
// "?") and a self-link, whose loops are known by hand and met by the serial search too.
TEST(ParallelCount, LoopsAlongChainsOfOneWayFactorsKeepTheirLengthAndPolarity)
{
    SystemMap map;
    const FactorId a = map.addFactor(Factor{.label = "A"});
    const FactorId b = map.addFactor(Factor{.label = "B"});
    int made = 0;
    // A chain of `links` links from `from` to `to`, the first of them with polarity `first`.
    auto chain = [&](FactorId from, FactorId to, int links, Polarity first) {
        FactorId at = from;
        for (int i = 1; i <= links; ++i) {
            const FactorId next = i == links ? to : map.addFactor(Factor{.label = "c" + std::to_string(++made)});
            map.addLink(Link{.from = at, .to = next, .polarity = i == 1 ? first : Polarity::Positive});
            at = next;
        }
    };
    chain(a, b, 3, Polarity::Negative);
    chain(a, b, 1, Polarity::Positive);
    chain(b, a, 6, Polarity::Positive);
    chain(b, a, 2, Polarity::Unknown);
    map.addLink(Link{.from = b, .to = b, .polarity = Polarity::Negative});
    const LoopGraph g = LoopGraph::build(map);
    // A -> B (3 "-" or 1 "+") and back (6 "+" or 2 "?"): lengths 9 B, 7 R, 5 U, 3 U; B -> B: 1 B.
    LoopCounts expected;
    addToCounts(expected, 9, LoopPolarity::Balancing);
    addToCounts(expected, 7, LoopPolarity::Reinforcing);
    addToCounts(expected, 5, LoopPolarity::Unknown);
    addToCounts(expected, 3, LoopPolarity::Unknown);
    addToCounts(expected, 1, LoopPolarity::Balancing);
    EXPECT_EQ(testing::bySerialSearch(g, {}, 0), expected);
    for (const unsigned threads : {1u, 2u})
        EXPECT_EQ(inParallel(g, {}, 0, threads), expected) << threads << " threads";
}

// A map whose count takes long enough to cancel: a 60-factor component with billions of loops.
SystemMap bigMap()
{
    return testing::randomMap(11, {.factors = 60, .linkChance = 0.12, .selfLinkChance = 0.0});
}

TEST(ParallelCount, CancellingStopsEveryThreadAndKeepsWhatWasCounted)
{
    const SystemMap map = bigMap();
    std::atomic<bool> cancel = false;
    std::atomic<std::uint64_t> progress = 0;
    LoopResult result;
    std::thread counter([&] { result = countLoops(map, {.cancel = &cancel, .progress = &progress, .threads = 4}); });
    // Cancel once the threads are well into the search (progress is published every 4096 loops).
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (progress.load() < 50'000 && std::chrono::steady_clock::now() < giveUp)
        std::this_thread::yield();
    cancel = true;
    counter.join();
    EXPECT_TRUE(result.cancelled);
    EXPECT_GE(result.counts.total, 50'000u);
    EXPECT_EQ(progress.load(), result.counts.total); // every loop counted was reported
}

TEST(ParallelCount, ProgressNeverGoesBackAndEndsAtTheTotal)
{
    // Dense, so its frontier is too wide to count without the search; short loops only, so the
    // search ends soon.
    const SystemMap map = testing::randomMap(7, {.factors = 40, .linkChance = 0.4});
    std::atomic<std::uint64_t> progress = 0;
    std::atomic<bool> finished = false;
    std::vector<std::uint64_t> seen;
    std::thread watcher([&] {
        while (!finished.load())
            if (const std::uint64_t p = progress.load(); seen.empty() || p != seen.back())
                seen.push_back(p);
    });
    const LoopResult result = countLoops(map, {.maxLength = 5, .progress = &progress, .threads = 3});
    finished = true;
    watcher.join();
    ASSERT_GT(result.counts.total, 100'000u);
    EXPECT_EQ(progress.load(), result.counts.total);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_GT(std::count_if(seen.begin(), seen.end(), [&](std::uint64_t p) { return p > 0 && p < result.counts.total; }), 0)
        << "progress was never seen between none and all";
}

// metrics counts the loops through every item in one parallel count; each must equal the count
// of the loops through that item alone.
TEST(ParallelCount, MetricsCountTheLoopsThroughEachItemAsTheFilteredCountDoes)
{
    const SystemMap map = testing::randomMap(7, {.factors = 30, .linkChance = 0.1, .unknownChance = 0.1});
    for (const std::size_t maxLength : {std::size_t(0), std::size_t(4)}) {
        const MapMetrics metrics = computeMetrics(map, {.maxLoopLength = maxLength, .threads = 3});
        std::uint64_t through = 0;
        for (const FactorMetrics& f : metrics.factors) {
            EXPECT_EQ(f.loops, countLoops(map, {.throughFactor = f.id, .maxLength = maxLength}).counts.total);
            through += f.loops;
        }
        for (const LinkMetrics& l : metrics.links)
            EXPECT_EQ(l.loops, countLoops(map, {.throughLink = l.id, .maxLength = maxLength}).counts.total);
        EXPECT_GT(through, maxLength ? 50u : 100000u) << "up to " << maxLength;
    }
}

// The counts through each factor and link come from a search over contracted links, each
// standing for a chain of links and the factors between: checked against the serial searches,
// which meet every loop link by link, on sparse maps (many chains), with and without a bound,
// on one thread and on three with hand-offs at every check-in.
TEST(ParallelCount, CountsThroughEachFactorAndLinkAlongContractedChainsAreTheSerialSearchs)
{
    class Through : public LoopSink {
    public:
        explicit Through(const LoopGraph& g) : m_g(g), counts{std::vector<std::uint64_t>(g.vertexCount()),
                                                              std::vector<std::uint64_t>(g.target.size())} {}
        bool onLoop(const FoundLoop& loop) override
        {
            for (std::size_t i = 0; i < loop.vertices.size(); ++i) {
                const std::uint32_t u = loop.vertices[i];
                const std::uint32_t v = loop.vertices[(i + 1) % loop.vertices.size()];
                ++counts.vertex[u];
                const auto* const b = m_g.target.data();
                const auto* const link = std::find(b + m_g.outBegin[u], b + m_g.outBegin[u + 1], v);
                ++counts.edge[std::size_t(link - b)];
            }
            return true;
        }
        const LoopGraph& m_g;
        ThroughCounts counts;
    };
    std::uint64_t contracted = 0;
    for (std::uint64_t seed = 31; seed <= 34; ++seed) {
        const LoopGraph g = LoopGraph::build(testing::randomMap(seed, {.factors = 40, .linkChance = 0.05}));
        std::vector<std::uint32_t> all(g.components.size());
        for (std::uint32_t c = 0; c < all.size(); ++c) {
            all[c] = c;
            LoopCounts closed;
            contracted += g.components[c].size() - frontier::reduce(g, g.components[c], {}, 0, closed).vertexCount;
        }
        for (const std::size_t maxLength : {std::size_t(0), std::size_t(7)}) {
            Through serial(g);
            if (maxLength)
                boundedSearch(g, {}, 1, maxLength, nullptr, serial);
            else
                hawickSearch(g, {}, nullptr, serial);
            for (const unsigned threads : {1u, 3u}) {
                ThroughCounts through;
                LoopCounts counts;
                countInParallel(g, all, {}, maxLength, threads, nullptr, nullptr, counts, &through,
                                {.checkEvery = 8, .eager = threads > 1});
                EXPECT_EQ(through.vertex, serial.counts.vertex) << "seed " << seed << ", up to " << maxLength;
                EXPECT_EQ(through.edge, serial.counts.edge) << "seed " << seed << ", up to " << maxLength;
                EXPECT_EQ(counts, testing::bySerialSearch(g, {}, maxLength));
            }
        }
    }
    EXPECT_GT(contracted, 20u) << "the maps have chains to contract";
}

} // namespace
} // namespace causeway
