// Paths, traces, metrics and the shortest independent loop set.
#include "model/loops.h"
#include "model/metrics.h"
#include "model/paths.h"
#include "model/sils.h"
#include "model/systemmap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <random>
#include <set>

using namespace causeway;

namespace {

struct Builder {
    SystemMap map;
    std::vector<FactorId> f;
    explicit Builder(int n)
    {
        for (int i = 0; i < n; ++i) {
            Factor factor;
            factor.label = "F" + std::to_string(i);
            f.push_back(map.addFactor(factor));
        }
    }
    LinkId link(int a, int b, Polarity p = Polarity::Positive)
    {
        Link l;
        l.from = f[static_cast<std::size_t>(a)];
        l.to = f[static_cast<std::size_t>(b)];
        l.polarity = p;
        return map.addLink(l);
    }
};

Builder randomMap(std::mt19937& rng, int n, double p)
{
    Builder b(n);
    std::bernoulli_distribution edge(p), self(0.05), negative(0.4);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i == j ? self(rng) : edge(rng))
                b.link(i, j, negative(rng) ? Polarity::Negative : Polarity::Positive);
    return b;
}

} // namespace

TEST(Paths, TraceDownstreamStopsAtTheDepth)
{
    Builder b(5);
    b.link(0, 1);
    b.link(1, 2);
    b.link(2, 3);
    b.link(4, 0);
    Trace t = traceFrom(b.map, {b.f[0]}, TraceDirection::Downstream, 2);
    EXPECT_EQ(t.distance.size(), 3u);
    EXPECT_EQ(t.distance.at(b.f[2]), 2u);
    EXPECT_FALSE(t.distance.count(b.f[3]));
    EXPECT_FALSE(t.distance.count(b.f[4]));
    Trace up = traceFrom(b.map, {b.f[2]}, TraceDirection::Upstream);
    EXPECT_EQ(up.distance.size(), 4u); // F2, F1, F0, F4
    EXPECT_EQ(up.distance.at(b.f[4]), 3u);
    EXPECT_EQ(up.links.size(), 3u);
}

TEST(Paths, AllSimplePathsComeShortestFirst)
{
    Builder b(4);
    b.link(0, 3);
    b.link(0, 1);
    b.link(1, 2);
    b.link(2, 3);
    b.link(1, 3);
    b.link(3, 0); // a loop back must not create non-simple paths
    PathResult r = findPaths(b.map, b.f[0], b.f[3]);
    ASSERT_EQ(r.paths.size(), 3u);
    EXPECT_EQ(r.paths[0].links.size(), 1u);
    EXPECT_EQ(r.paths[1].links.size(), 2u);
    EXPECT_EQ(r.paths[2].links.size(), 3u);
    EXPECT_FALSE(r.truncated);

    PathResult limited = findPaths(b.map, b.f[0], b.f[3], {0, 2, nullptr});
    EXPECT_EQ(limited.paths.size(), 2u);
    EXPECT_TRUE(limited.truncated);
    EXPECT_EQ(findPaths(b.map, b.f[0], b.f[3], {2, 0, nullptr}).paths.size(), 2u);
    EXPECT_TRUE(findPaths(b.map, b.f[3], b.f[3]).paths.empty());
}

TEST(Paths, PathCountsMatchABruteForceOnRandomMaps)
{
    std::mt19937 rng(7);
    for (int trial = 0; trial < 30; ++trial) {
        Builder b = randomMap(rng, 7, 0.35);
        // Brute force: count simple paths 0 -> 6 by exhaustive DFS over factor sets.
        std::function<int(FactorId, std::set<FactorId>&)> count = [&](FactorId at, std::set<FactorId>& seen) {
            if (at == b.f[6])
                return 1;
            int n = 0;
            for (LinkId l : b.map.outLinks(at)) {
                FactorId next = b.map.link(l).to;
                if (seen.insert(next).second) {
                    n += count(next, seen);
                    seen.erase(next);
                }
            }
            return n;
        };
        std::set<FactorId> seen{b.f[0]};
        PathResult r = findPaths(b.map, b.f[0], b.f[6]);
        EXPECT_EQ(static_cast<int>(r.paths.size()), count(b.f[0], seen)) << "trial " << trial;
    }
}

TEST(Sils, CoversEveryLinkOnALoopWithShortestLoops)
{
    std::mt19937 rng(11);
    for (int trial = 0; trial < 30; ++trial) {
        Builder b = randomMap(rng, 8, 0.25);
        // Oracle: every loop, from the loop enumeration.
        LoopResult all = findLoops(b.map, {});
        std::map<LinkId, std::size_t> shortestThrough;
        for (const Loop& loop : all.loops)
            for (LinkId l : loop.links)
                if (!shortestThrough.count(l) || loop.length() < shortestThrough[l])
                    shortestThrough[l] = loop.length();

        LoopSet set = shortestIndependentLoopSet(b.map);
        EXPECT_EQ(set.linksOnLoops, shortestThrough.size());
        std::set<LinkId> covered;
        for (std::size_t i = 0; i < set.loops.size(); ++i) {
            const Loop& loop = set.loops[i];
            // Each kept loop is a real loop of the map and the shortest through a link it adds.
            EXPECT_NE(std::find(all.loops.begin(), all.loops.end(), loop), all.loops.end());
            bool shortestForANewLink = false;
            for (LinkId l : loop.links)
                if (!covered.count(l) && shortestThrough[l] == loop.length())
                    shortestForANewLink = true;
            EXPECT_TRUE(shortestForANewLink) << "trial " << trial << " loop " << i;
            covered.insert(loop.links.begin(), loop.links.end());
            if (i > 0)
                EXPECT_LE(set.loops[i - 1].length(), loop.length());
        }
        EXPECT_EQ(covered.size(), shortestThrough.size()) << "trial " << trial;
    }
}

TEST(Metrics, DegreesBetweennessAndLoopsOnAChain)
{
    // F0 -> F1 -> F2, plus F2 -> F0 closing one loop.
    Builder b(3);
    LinkId a = b.link(0, 1);
    b.link(1, 2);
    b.link(2, 0);
    MapMetrics m = computeMetrics(b.map);
    ASSERT_EQ(m.factors.size(), 3u);
    for (const FactorMetrics& f : m.factors) {
        EXPECT_EQ(f.inDegree, 1);
        EXPECT_EQ(f.outDegree, 1);
        EXPECT_EQ(f.loops, 1u);
        // In a directed 3-cycle each factor lies on one of the two paths between the others:
        // 1 / ((n-1)(n-2)) = 0.5.
        EXPECT_DOUBLE_EQ(f.betweenness, 0.5);
    }
    ASSERT_EQ(m.links.size(), 3u);
    EXPECT_EQ(m.links[0].id, a);
    EXPECT_EQ(m.links[0].loops, 1u);
    // Link F0->F1 carries F0->F1, F0->F2 and F2->F1: 3 of 6 ordered pairs.
    EXPECT_DOUBLE_EQ(m.links[0].betweenness, 0.5);
}

TEST(Metrics, IndicatorHintsRankTheHubFirstAndExplainIt)
{
    // F0 is on three loops; the others on one each.
    Builder b(4);
    for (int i = 1; i < 4; ++i) {
        b.link(0, i);
        b.link(i, 0);
    }
    MapMetrics m = computeMetrics(b.map);
    std::vector<IndicatorHint> hints = indicatorHints(m, 3);
    ASSERT_EQ(hints.size(), 3u);
    EXPECT_EQ(hints[0].item, ItemRef::of(b.f[0]));
    EXPECT_NE(hints[0].reason.find("on 3 short loops"), std::string::npos) << hints[0].reason;
}

TEST(Metrics, LoopsThroughEachFactorAndLinkMatchTheirOwnLoopQueries)
{
    // One shared enumeration must count what a query through each item counts on its own.
    std::mt19937 rng(16);
    for (int trial = 0; trial < 12; ++trial) {
        const Builder b = randomMap(rng, 7 + trial % 4, 0.35);
        for (std::size_t bound : {std::size_t{0}, std::size_t{2}, std::size_t{4}}) {
            MetricsOptions options;
            options.maxLoopLength = bound;
            const MapMetrics m = computeMetrics(b.map, options);
            for (const FactorMetrics& f : m.factors) {
                LoopQuery q;
                q.maxLength = bound;
                q.throughFactor = f.id;
                EXPECT_EQ(f.loops, countLoops(b.map, q).counts.total) << trial << " bound " << bound;
                EXPECT_EQ(f.loopsBounded, bound != 0);
            }
            for (const LinkMetrics& l : m.links) {
                LoopQuery q;
                q.maxLength = bound;
                q.throughLink = l.id;
                EXPECT_EQ(l.loops, countLoops(b.map, q).counts.total) << trial << " bound " << bound;
            }
        }
    }
}

TEST(Metrics, ACancelledRunSaysSoAndReportsProgress)
{
    std::mt19937 rng(3);
    const Builder b = randomMap(rng, 9, 0.5);
    std::atomic<bool> cancel{true};
    std::atomic<std::uint64_t> progress{0};
    MetricsOptions options;
    options.maxLoopLength = 0;
    options.cancel = &cancel;
    EXPECT_TRUE(computeMetrics(b.map, options).cancelled);
    cancel = false;
    options.progress = &progress;
    const MapMetrics m = computeMetrics(b.map, options);
    EXPECT_FALSE(m.cancelled);
    EXPECT_EQ(progress.load(), countLoops(b.map, {}).counts.total);
}

TEST(VisitLoops, VisitsEveryLoopFindLoopsListsOnceAndCanStop)
{
    std::mt19937 rng(9);
    for (int trial = 0; trial < 8; ++trial) {
        const Builder b = randomMap(rng, 8, 0.4);
        LoopQuery all;
        all.maxLength = trial % 2 ? 4 : 0;
        const std::vector<Loop> listed = findLoops(b.map, all).loops;
        std::vector<Loop> visited;
        const LoopResult r = visitLoops(b.map, all, [&](const Loop& loop) {
            visited.push_back(loop);
            return true;
        });
        std::sort(visited.begin(), visited.end(), [](const Loop& x, const Loop& y) {
            return x.length() != y.length() ? x.length() < y.length() : x.factors < y.factors;
        });
        EXPECT_EQ(visited, listed) << trial;
        EXPECT_EQ(r.counts.total, listed.size());
        if (listed.size() > 2) {
            std::size_t seen = 0;
            visitLoops(b.map, all, [&](const Loop&) { return ++seen < 2; });
            EXPECT_EQ(seen, 2u);
        }
    }
}
