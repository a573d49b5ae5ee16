// The bounded search and Hawick must agree on every random map, with and without filters, and
// the shortest-first listing must be a prefix of the full sorted list.

#include "model/loopsearch.h"
#include "model/loops.h"
#include "randommaps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace causeway {
namespace {

using namespace loopdetail;

using LoopKey = std::pair<std::vector<std::uint32_t>, LoopPolarity>;

// Every loop in canonical rotation, in the order the search gave them.
class RecordingSink : public LoopSink {
public:
    std::vector<LoopKey> loops;
    bool onLoop(const FoundLoop& loop) override
    {
        std::vector<std::uint32_t> v(loop.vertices.begin(), loop.vertices.end());
        std::rotate(v.begin(), std::min_element(v.begin(), v.end()), v.end());
        loops.emplace_back(std::move(v), loop.polarity);
        return true;
    }
    std::set<LoopKey> set() const { return {loops.begin(), loops.end()}; }
};

const testing::RandomMapSpec kSpecs[] = {
    {.factors = 6, .linkChance = 0.5},
    {.factors = 9, .linkChance = 0.3, .selfLinkChance = 0.2},
    {.factors = 12, .linkChance = 0.18, .negativeChance = 0.5, .unknownChance = 0.05},
    {.factors = 20, .linkChance = 0.09},
};

template <class F>
void forRandomGraphs(F&& check)
{
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        for (const auto& spec : kSpecs) {
            const SystemMap map = testing::randomMap(seed, spec);
            SCOPED_TRACE("seed " + std::to_string(seed) + ", factors " + std::to_string(spec.factors));
            check(map, LoopGraph::build(map));
        }
    }
}

TEST(LoopSearch, BoundedSearchFindsExactlyTheLoopsHawickFinds)
{
    forRandomGraphs([](const SystemMap&, const LoopGraph& g) {
        RecordingSink hawick;
        RecordingSink bounded;
        ASSERT_EQ(hawickSearch(g, {}, nullptr, hawick), SearchEnd::Completed);
        ASSERT_EQ(boundedSearch(g, {}, 1, g.vertexCount(), nullptr, bounded), SearchEnd::Completed);
        EXPECT_EQ(bounded.loops.size(), hawick.loops.size());
        EXPECT_EQ(bounded.set(), hawick.set());
    });
}

TEST(LoopSearch, BoundedSearchMeetsLoopsInLexicographicOrder)
{
    forRandomGraphs([](const SystemMap&, const LoopGraph& g) {
        RecordingSink bounded;
        boundedSearch(g, {}, 1, 6, nullptr, bounded);
        EXPECT_TRUE(std::is_sorted(bounded.loops.begin(), bounded.loops.end(),
                                   [](const LoopKey& a, const LoopKey& b) { return a.first < b.first; }));
        for (const auto& loop : bounded.loops)
            EXPECT_LE(loop.first.size(), 6u);
    });
}

TEST(LoopSearch, FiltersAgreeBetweenHawickBoundedAndFilteringEverything)
{
    forRandomGraphs([](const SystemMap&, const LoopGraph& g) {
        RecordingSink all;
        hawickSearch(g, {}, nullptr, all);
        for (std::uint32_t x = 0; x < g.vertexCount(); x += 3) {
            std::set<LoopKey> expected;
            for (const auto& loop : all.loops)
                if (std::count(loop.first.begin(), loop.first.end(), x))
                    expected.insert(loop);
            RecordingSink hawick;
            RecordingSink bounded;
            hawickSearch(g, {.vertex = x}, nullptr, hawick);
            boundedSearch(g, {.vertex = x}, 1, g.vertexCount(), nullptr, bounded);
            EXPECT_EQ(hawick.loops.size(), expected.size());
            EXPECT_EQ(hawick.set(), expected);
            EXPECT_EQ(bounded.loops.size(), expected.size());
            EXPECT_EQ(bounded.set(), expected);
        }
        for (std::uint32_t e = 0; e < g.target.size(); e += 2) {
            const std::uint32_t u = std::upper_bound(g.outBegin.begin(), g.outBegin.end(), e)
                                    - g.outBegin.begin() - 1;
            const std::uint32_t v = g.target[e];
            std::set<LoopKey> expected;
            for (const auto& loop : all.loops) {
                const auto& vs = loop.first;
                for (std::size_t i = 0; i < vs.size(); ++i)
                    if (vs[i] == u && vs[(i + 1) % vs.size()] == v)
                        expected.insert(loop);
            }
            const LoopFilter filter{.edge = std::pair(u, v)};
            RecordingSink hawick;
            RecordingSink bounded;
            hawickSearch(g, filter, nullptr, hawick);
            boundedSearch(g, filter, 1, g.vertexCount(), nullptr, bounded);
            EXPECT_EQ(hawick.loops.size(), expected.size());
            EXPECT_EQ(hawick.set(), expected);
            EXPECT_EQ(bounded.loops.size(), expected.size());
            EXPECT_EQ(bounded.set(), expected);
        }
    });
}

TEST(LoopSearch, ShortestFirstListingIsAPrefixOfTheFullList)
{
    forRandomGraphs([](const SystemMap& map, const LoopGraph&) {
        const LoopResult all = findLoops(map, {});
        for (std::size_t limit : {1, 5, 40}) {
            const LoopResult some = findLoops(map, {.limit = limit});
            const std::size_t expected = std::min(limit, all.loops.size());
            ASSERT_EQ(some.loops.size(), expected);
            EXPECT_TRUE(std::equal(some.loops.begin(), some.loops.end(), all.loops.begin()));
            EXPECT_EQ(some.truncated, all.loops.size() > limit);
        }
        const LoopResult bounded = findLoops(map, {.maxLength = 4});
        const LoopResult firstFew = findLoops(map, {.maxLength = 4, .limit = 3});
        EXPECT_EQ(firstFew.truncated, bounded.loops.size() > 3);
        EXPECT_TRUE(std::equal(firstFew.loops.begin(), firstFew.loops.end(), bounded.loops.begin()));
        EXPECT_EQ(countLoops(map, {.maxLength = 4}).counts, bounded.counts);
    });
}

TEST(LoopSearch, FilteredListingsAgreeWithFilteringTheFullList)
{
    forRandomGraphs([](const SystemMap& map, const LoopGraph&) {
        const LoopResult all = findLoops(map, {});
        const auto ids = map.factorIds();
        const auto links = map.linkIds();
        for (std::size_t i = 0; i < ids.size(); i += 4) {
            for (std::size_t j = 0; j < links.size(); j += 7) {
                // Both filters at once: loops through the link and the factor.
                std::vector<Loop> expected;
                for (const Loop& l : all.loops)
                    if (std::count(l.factors.begin(), l.factors.end(), ids[i])
                        && std::count(l.links.begin(), l.links.end(), links[j]))
                        expected.push_back(l);
                const LoopQuery q{.throughFactor = ids[i], .throughLink = links[j]};
                EXPECT_EQ(findLoops(map, q).loops, expected);
                EXPECT_EQ(countLoops(map, q).counts.total, expected.size());
                LoopQuery limited = q;
                limited.limit = 2;
                const LoopResult few = findLoops(map, limited);
                EXPECT_TRUE(std::equal(few.loops.begin(), few.loops.end(), expected.begin()));
                EXPECT_EQ(few.truncated, expected.size() > 2);
            }
        }
    });
}

} // namespace
} // namespace causeway
