// Counting by subsets must give exactly what the searches count, loop by loop in total, by length
// and by polarity, on random maps with every kind of link, with each filter it takes.

#include "model/loops.h"
#include "model/loopsearch.h"
#include "randommaps.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace causeway {
namespace {

using namespace loopdetail;

const testing::RandomMapSpec kSubsetCountSpecs[] = {
    {.factors = 5, .linkChance = 0.6, .selfLinkChance = 0.3},
    {.factors = 9, .linkChance = 0.35, .selfLinkChance = 0.2},
    {.factors = 11, .linkChance = 0.3, .negativeChance = 0.5, .unknownChance = 0.05},
    {.factors = 14, .linkChance = 0.15, .unknownChance = 0.0},
    {.factors = 24, .linkChance = 0.07},
};

LoopCounts bySubsets(const LoopGraph& g, std::optional<std::uint32_t> through, std::size_t maxLength)
{
    LoopCounts counts;
    for (const auto& vertices : g.components) {
        if (!through || g.component[*through] == g.component[vertices.front()]) {
            EXPECT_EQ(countBySubsets(g, vertices, through, maxLength, nullptr, counts), SearchEnd::Completed);
        }
    }
    return counts;
}

LoopCounts bySearch(const LoopGraph& g, std::optional<std::uint32_t> through, std::size_t maxLength)
{
    CountingSink sink;
    LoopFilter filter;
    filter.vertex = through;
    const std::size_t longest = maxLength == 0 ? std::max<std::size_t>(g.vertexCount(), 1) : maxLength;
    EXPECT_EQ(boundedSearch(g, filter, 1, longest, nullptr, sink), SearchEnd::Completed);
    return sink.counts;
}

// The searches leave byLength without trailing zero lengths; so does counting by subsets.
TEST(SubsetCount, CountsWhatTheSearchMeetsOnRandomMaps)
{
    int maps = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed)
        for (const auto& spec : kSubsetCountSpecs) {
            const LoopGraph g = LoopGraph::build(testing::randomMap(seed, spec));
            SCOPED_TRACE("seed " + std::to_string(seed) + ", factors " + std::to_string(spec.factors));
            EXPECT_EQ(bySubsets(g, {}, 0), bySearch(g, {}, 0));
            EXPECT_EQ(bySubsets(g, {}, 3), bySearch(g, {}, 3));
            if (g.vertexCount() > 0) {
                const std::uint32_t through = std::uint32_t(seed % g.vertexCount());
                EXPECT_EQ(bySubsets(g, through, 0), bySearch(g, through, 0));
                EXPECT_EQ(bySubsets(g, through, 4), bySearch(g, through, 4));
                ++maps;
            }
        }
    EXPECT_GT(maps, 100); // most random maps have loops to count
}

// On the complete digraph of n factors every k factors make (k-1)! loops, of sign (-1)^k when
// every link is "-": counted from the formula, not by any search.
TEST(SubsetCount, CompleteDigraphMatchesTheFormula)
{
    const std::uint32_t n = 13;
    std::vector<LoopGraph::Edge> edges;
    for (std::uint32_t a = 0; a < n; ++a)
        for (std::uint32_t b = 0; b < n; ++b)
            if (a != b)
                edges.push_back({a, b, Sign::Negative});
    const LoopGraph g = LoopGraph::fromEdges(n, edges);
    LoopCounts counts;
    ASSERT_EQ(countBySubsets(g, g.components.front(), {}, 0, nullptr, counts), SearchEnd::Completed);
    std::uint64_t total = 0, reinforcing = 0;
    for (std::uint64_t k = 2; k <= n; ++k) {
        std::uint64_t choose = 1; // C(n, k)
        for (std::uint64_t i = 0; i < k; ++i)
            choose = choose * (n - i) / (i + 1);
        std::uint64_t arrangements = 1; // (k - 1)!
        for (std::uint64_t i = 2; i < k; ++i)
            arrangements *= i;
        ASSERT_EQ(counts.byLength.at(k), choose * arrangements) << "length " << k;
        total += choose * arrangements;
        if (k % 2 == 0)
            reinforcing += choose * arrangements;
    }
    EXPECT_EQ(counts.total, total); // 1,622,632,573 loops
    EXPECT_EQ(counts.reinforcing, reinforcing);
    EXPECT_EQ(counts.balancing, total - reinforcing);
    EXPECT_EQ(counts.unknown, 0u);
}

TEST(SubsetCount, CountLoopsOnAMapOfSmallAndLargeComponentsMatchesTheListing)
{
    // Two dense small components counted by subsets and a 30-factor ring with chords searched.
    SystemMap map;
    std::vector<FactorId> ids;
    for (int i = 0; i < 46; ++i)
        ids.push_back(map.addFactor(Factor{.label = "F" + std::to_string(i)}));
    auto link = [&](int a, int b, Polarity p) { map.addLink(Link{.from = ids[a], .to = ids[b], .polarity = p}); };
    for (int block : {0, 8})
        for (int a = 0; a < 8; ++a)
            for (int b = 0; b < 8; ++b)
                if (a != b && (a + b) % 3 != 0)
                    link(block + a, block + b, (a * b) % 2 ? Polarity::Negative : Polarity::Positive);
    for (int i = 0; i < 30; ++i) {
        link(16 + i, 16 + (i + 1) % 30, i % 4 == 0 ? Polarity::Negative : Polarity::Positive);
        if (i % 5 == 0)
            link(16 + i, 16 + (i + 13) % 30, Polarity::Unknown);
    }
    LoopQuery all;
    const LoopResult listed = findLoops(map, all);
    LoopCounts expected;
    for (const Loop& loop : listed.loops)
        addToCounts(expected, loop.length(), loop.polarity);
    EXPECT_EQ(countLoops(map, all).counts, expected);

    LoopQuery through;
    through.throughFactor = ids[20];
    through.maxLength = 12;
    LoopCounts expectedThrough;
    for (const Loop& loop : findLoops(map, through).loops)
        addToCounts(expectedThrough, loop.length(), loop.polarity);
    EXPECT_EQ(countLoops(map, through).counts, expectedThrough);
    through.throughFactor = ids[3];
    expectedThrough = {};
    for (const Loop& loop : findLoops(map, through).loops)
        addToCounts(expectedThrough, loop.length(), loop.polarity);
    EXPECT_EQ(countLoops(map, through).counts, expectedThrough);
}

TEST(SubsetCount, ASetCancelFlagStopsIt)
{
    std::vector<LoopGraph::Edge> edges;
    for (std::uint32_t a = 0; a < 16; ++a)
        for (std::uint32_t b = 0; b < 16; ++b)
            if (a != b)
                edges.push_back({a, b, Sign::Positive});
    const LoopGraph g = LoopGraph::fromEdges(16, edges);
    const std::atomic<bool> cancel{true};
    LoopCounts counts;
    EXPECT_EQ(countBySubsets(g, g.components.front(), {}, 0, &cancel, counts), SearchEnd::Cancelled);
}

} // namespace
} // namespace causeway
