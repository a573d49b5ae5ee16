// Loop analysis on small hand-built maps whose loops can be listed by hand.

#include "model/loops.h"
#include "model/systemmap.h"

#include <gtest/gtest.h>

#include <random>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>

namespace causeway {
namespace {

constexpr Polarity kPos = Polarity::Positive;
constexpr Polarity kNeg = Polarity::Negative;
constexpr Polarity kUnk = Polarity::Unknown;

class LoopMap {
public:
    FactorId factor(const std::string& label) { return map.addFactor(Factor{.label = label}); }
    LinkId link(FactorId from, FactorId to, Polarity p = kPos)
    {
        return map.addLink(Link{.from = from, .to = to, .polarity = p});
    }
    std::vector<FactorId> factors(int n)
    {
        for (int i = 0; i < n; ++i)
            m_ids.push_back(factor("F" + std::to_string(i)));
        return m_ids;
    }
    // Positive links between factors made by factors(), by their index.
    void links(std::initializer_list<std::pair<int, int>> pairs)
    {
        for (auto [from, to] : pairs)
            link(m_ids.at(from), m_ids.at(to));
    }
    SystemMap map;

private:
    std::vector<FactorId> m_ids;
};

// Every ordered pair linked, self-links included: sum over k of C(n,k)(k-1)! loops, plus n.
LoopMap completeMap(int n)
{
    LoopMap m;
    const auto f = m.factors(n);
    for (FactorId a : f)
        for (FactorId b : f)
            m.link(a, b, (a.value + b.value) % 3 == 0 ? kNeg : kPos);
    return m;
}

std::vector<std::vector<FactorId>> factorLists(const LoopResult& r)
{
    std::vector<std::vector<FactorId>> lists;
    for (const Loop& loop : r.loops)
        lists.push_back(loop.factors);
    return lists;
}

TEST(Loops, SelfLinkIsALoopOfLengthOne)
{
    LoopMap m;
    const FactorId a = m.factor("A");
    const LinkId aa = m.link(a, a, kNeg);
    const LoopResult r = findLoops(m.map, {});
    ASSERT_EQ(r.loops.size(), 1u);
    EXPECT_EQ(r.loops[0].factors, std::vector{a});
    EXPECT_EQ(r.loops[0].links, std::vector{aa});
    EXPECT_EQ(r.loops[0].polarity, LoopPolarity::Balancing);
    EXPECT_EQ(r.counts.byLength, (std::vector<std::uint64_t>{0, 1}));
}

TEST(Loops, LinksBothWaysMakeALoopOfLengthTwo)
{
    LoopMap m;
    const FactorId a = m.factor("A");
    const FactorId b = m.factor("B");
    const LinkId ab = m.link(a, b);
    const LinkId ba = m.link(b, a);
    const LoopResult r = findLoops(m.map, {});
    ASSERT_EQ(r.loops.size(), 1u);
    EXPECT_EQ(r.loops[0].factors, (std::vector{a, b}));
    EXPECT_EQ(r.loops[0].links, (std::vector{ab, ba}));
    EXPECT_EQ(r.loops[0].polarity, LoopPolarity::Reinforcing);
}

// The one loop of a triangle 0 -> 1 -> 2 -> 0 with these polarities.
LoopResult triangle(Polarity p01, Polarity p12, Polarity p20)
{
    LoopMap m;
    const auto f = m.factors(3);
    m.link(f[0], f[1], p01);
    m.link(f[1], f[2], p12);
    m.link(f[2], f[0], p20);
    return findLoops(m.map, {});
}

TEST(Loops, TwoNegativeLinksMakeAReinforcingLoop)
{
    const LoopResult r = triangle(kNeg, kNeg, kPos);
    ASSERT_EQ(r.loops.size(), 1u);
    EXPECT_EQ(r.loops[0].polarity, LoopPolarity::Reinforcing);
    EXPECT_EQ(r.counts.reinforcing, 1u);
}

TEST(Loops, AnOddNumberOfNegativeLinksMakesABalancingLoop)
{
    EXPECT_EQ(triangle(kNeg, kNeg, kNeg).loops.at(0).polarity, LoopPolarity::Balancing);
    EXPECT_EQ(triangle(kPos, kNeg, kPos).loops.at(0).polarity, LoopPolarity::Balancing);
}

TEST(Loops, OneUnknownLinkMakesTheLoopUnknownWhateverTheOthers)
{
    const LoopResult r = triangle(kNeg, kNeg, kUnk);
    EXPECT_EQ(r.loops.at(0).polarity, LoopPolarity::Unknown);
    EXPECT_EQ(r.counts.unknown, 1u);
    EXPECT_EQ(r.counts.reinforcing + r.counts.balancing, 0u);
}

TEST(Loops, LoopStartsAtItsSmallestFactorAndFollowsTheLinks)
{
    LoopMap m;
    const auto f = m.factors(3);
    const LinkId l12 = m.link(f[1], f[2]);
    const LinkId l20 = m.link(f[2], f[0]);
    const LinkId l01 = m.link(f[0], f[1]);
    const LoopResult r = findLoops(m.map, {.limit = 5});
    ASSERT_EQ(r.loops.size(), 1u);
    EXPECT_EQ(r.loops[0].factors, (std::vector{f[0], f[1], f[2]}));
    EXPECT_EQ(r.loops[0].links, (std::vector{l01, l12, l20}));
    EXPECT_EQ(r.loops[0].length(), 3u);
}

TEST(Loops, AMapWithoutCyclesHasNoLoops)
{
    LoopMap m;
    const auto f = m.factors(4);
    m.links({{0, 1}, {1, 2}, {0, 2}, {2, 3}});
    EXPECT_TRUE(findLoops(m.map, {}).loops.empty());
    EXPECT_EQ(countLoops(m.map, {}).counts.total, 0u);
    EXPECT_TRUE(findLoops(m.map, {.throughFactor = f[2], .limit = 3}).loops.empty());
}

TEST(Loops, ListIsShortestFirstThenOrderedByFactorIds)
{
    LoopMap m;
    const auto f = m.factors(4);
    // Loops: [3], [0,3], [1,2], [0,1,2]: lengths and smallest factors interleave.
    m.links({{0, 1}, {1, 2}, {2, 0}, {2, 1}, {0, 3}, {3, 0}, {3, 3}});
    const std::vector<std::vector<FactorId>> expected = {
        {f[3]}, {f[0], f[3]}, {f[1], f[2]}, {f[0], f[1], f[2]}};
    EXPECT_EQ(factorLists(findLoops(m.map, {})), expected);
    EXPECT_EQ(factorLists(findLoops(m.map, {.limit = 10})), expected);
    EXPECT_EQ(factorLists(findLoops(m.map, {.maxLength = 3})), expected);
}

TEST(Loops, ThroughFactorKeepsOnlyLoopsThroughThatFactor)
{
    LoopMap m = completeMap(5);
    const FactorId x = m.map.factorIds()[2];
    const LoopResult all = findLoops(m.map, {});
    std::vector<Loop> expected;
    for (const Loop& l : all.loops)
        if (std::find(l.factors.begin(), l.factors.end(), x) != l.factors.end())
            expected.push_back(l);
    EXPECT_EQ(findLoops(m.map, {.throughFactor = x}).loops, expected);
    EXPECT_EQ(findLoops(m.map, {.throughFactor = x, .limit = 1000}).loops, expected);
    EXPECT_EQ(countLoops(m.map, {.throughFactor = x}).counts.total, expected.size());
}

TEST(Loops, ThroughLinkKeepsOnlyLoopsUsingThatLinkInItsDirection)
{
    LoopMap m;
    const auto f = m.factors(3);
    const LinkId ab = m.link(f[0], f[1]);
    m.links({{1, 0}, {1, 2}, {2, 0}, {0, 2}, {2, 1}});
    // Loops: [0,1] [0,2] [1,2] [0,1,2] [0,2,1]; only [0,1] and [0,1,2] go 0 -> 1.
    const LoopResult r = findLoops(m.map, {.throughLink = ab});
    const std::vector<std::vector<FactorId>> expected = {{f[0], f[1]}, {f[0], f[1], f[2]}};
    EXPECT_EQ(factorLists(r), expected);
    EXPECT_EQ(factorLists(findLoops(m.map, {.throughLink = ab, .limit = 1})),
              (std::vector<std::vector<FactorId>>{{f[0], f[1]}}));
    EXPECT_EQ(countLoops(m.map, {.throughLink = ab}).counts.total, 2u);
}

TEST(Loops, ALinkBetweenTwoCyclesIsOnNoLoop)
{
    LoopMap m;
    const auto f = m.factors(4);
    m.links({{0, 1}, {1, 0}, {2, 3}, {3, 2}});
    const LinkId bridge = m.link(f[1], f[2]);
    EXPECT_EQ(countLoops(m.map, {}).counts.total, 2u);
    EXPECT_TRUE(findLoops(m.map, {.throughLink = bridge}).loops.empty());
}

TEST(Loops, MaxLengthDropsLongerLoops)
{
    LoopMap m = completeMap(5);
    const LoopResult r = findLoops(m.map, {.maxLength = 2});
    // 5 self-links + C(5,2) two-factor loops.
    EXPECT_EQ(r.loops.size(), 15u);
    EXPECT_FALSE(r.truncated);
    const LoopResult c = countLoops(m.map, {.maxLength = 2});
    EXPECT_EQ(c.counts.byLength, (std::vector<std::uint64_t>{0, 5, 10}));
}

TEST(Loops, LimitListsTheShortestLoopsAndSaysMoreExist)
{
    LoopMap m = completeMap(5);
    const LoopResult all = findLoops(m.map, {});
    const LoopResult r = findLoops(m.map, {.limit = 7});
    ASSERT_EQ(r.loops.size(), 7u);
    EXPECT_TRUE(r.truncated);
    EXPECT_TRUE(std::equal(r.loops.begin(), r.loops.end(), all.loops.begin()));
    EXPECT_EQ(r.counts.total, 7u);
}

TEST(Loops, LimitMetExactlyIsNotTruncated)
{
    LoopMap m = completeMap(4);
    const std::size_t total = countLoops(m.map, {}).counts.total;
    EXPECT_FALSE(findLoops(m.map, {.limit = total}).truncated);
    EXPECT_TRUE(findLoops(m.map, {.limit = total - 1}).truncated);
    // Loops of length 1 and 2 only: 4 + 6; longer loops exist but are outside maxLength.
    EXPECT_FALSE(findLoops(m.map, {.maxLength = 2, .limit = 10}).truncated);
    EXPECT_TRUE(findLoops(m.map, {.maxLength = 3, .limit = 10}).truncated);
}

TEST(Loops, CountLoopsIgnoresTheLimitAndStoresNothing)
{
    LoopMap m = completeMap(6);
    const LoopResult r = countLoops(m.map, {.limit = 3});
    EXPECT_TRUE(r.loops.empty());
    EXPECT_FALSE(r.truncated);
    EXPECT_EQ(r.counts, findLoops(m.map, {}).counts);
    EXPECT_EQ(r.counts.total, r.counts.reinforcing + r.counts.balancing + r.counts.unknown);
}

TEST(Loops, TheOrderOfEditsDoesNotChangeTheLoops)
{
    LoopMap forward = completeMap(5);
    LoopMap backward;
    backward.factors(5);
    auto links = forward.map.links();
    std::reverse(links.begin(), links.end());
    for (const Link& l : links)
        backward.link(l.from, l.to, l.polarity);
    EXPECT_EQ(factorLists(findLoops(forward.map, {.limit = 40})),
              factorLists(findLoops(backward.map, {.limit = 40})));
    EXPECT_EQ(findLoops(forward.map, {}).loops, findLoops(forward.map, {}).loops);
}

TEST(Loops, AnAlreadyCancelledQueryReturnsCancelled)
{
    LoopMap m = completeMap(6);
    const std::atomic<bool> cancel = true;
    EXPECT_TRUE(countLoops(m.map, {.cancel = &cancel}).cancelled);
    EXPECT_TRUE(findLoops(m.map, {.limit = 5, .cancel = &cancel}).cancelled);
    EXPECT_TRUE(findLoops(m.map, {.maxLength = 4, .cancel = &cancel}).cancelled);
}

// Counts on another thread and cancels once the worker is inside the search. A cancel that does
// not stop the search fails the test after a generous timeout instead of hanging it.
LoopResult countCancelledFromAnotherThread(const SystemMap& map, LoopQuery query)
{
    // Shared with the worker, which may outlive this call when cancelling is broken.
    struct State {
        SystemMap map;
        std::atomic<bool> cancel = false;
        std::promise<void> started;
        std::promise<LoopResult> done;
    };
    auto state = std::make_shared<State>();
    state->map = map;
    query.cancel = &state->cancel;
    std::future<void> started = state->started.get_future();
    std::future<LoopResult> done = state->done.get_future();
    std::thread worker([state, query] {
        state->started.set_value();
        state->done.set_value(countLoops(state->map, query));
    });
    if (started.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        worker.detach();
        ADD_FAILURE() << "the counting thread did not start";
        return {};
    }
    // Give the search time to get deep into its recursion, so this is a mid-search cancel.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    state->cancel = true;
    if (done.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
        // The map is far too big to finish: the worker runs on until the process ends.
        worker.detach();
        ADD_FAILURE() << "cancel did not stop the count within 30 s";
        return {};
    }
    worker.join();
    return done.get();
}

TEST(Loops, CancellingFromAnotherThreadStopsAHugeCount)
{
    // About 3e17 loops, in a component too large to count by subsets: the search meets them one
    // by one, far too many to finish, so only the cancel can end it.
    EXPECT_TRUE(countCancelledFromAnotherThread(completeMap(20).map, {}).cancelled);
}

TEST(Loops, CancellingFromAnotherThreadStopsACountBySubsets)
{
    // 18 factors: counted by subsets (2^17 path sets per start), long enough to cancel midway.
    EXPECT_TRUE(countCancelledFromAnotherThread(completeMap(18).map, {}).cancelled);
}

TEST(Loops, CancellingFromAnotherThreadStopsALengthBoundedCount)
{
    // A bound just below the component size takes the bounded search, over billions of loops.
    EXPECT_TRUE(countCancelledFromAnotherThread(completeMap(20).map, {.maxLength = 19}).cancelled);
}

TEST(Loops, UnknownFactorOrLinkInAQueryThrows)
{
    LoopMap m = completeMap(2);
    EXPECT_THROW(findLoops(m.map, {.throughFactor = FactorId(999)}), EditError);
    EXPECT_THROW(countLoops(m.map, {.throughLink = LinkId(999)}), EditError);
}

TEST(Loops, ClassifyLoopCountsNegativeAndUnknownLinks)
{
    LoopMap m;
    const auto f = m.factors(2);
    const LinkId pos = m.link(f[0], f[1], kPos);
    const LinkId neg = m.link(f[1], f[0], kNeg);
    const LinkId neg2 = m.link(f[0], f[0], kNeg);
    const LinkId unk = m.link(f[1], f[1], kUnk);
    EXPECT_EQ(classifyLoop(m.map, {pos, neg}), LoopPolarity::Balancing);
    EXPECT_EQ(classifyLoop(m.map, {neg, neg2}), LoopPolarity::Reinforcing);
    EXPECT_EQ(classifyLoop(m.map, {pos, unk}), LoopPolarity::Unknown);
    EXPECT_STREQ(loopPolarityLetter(LoopPolarity::Reinforcing), "R");
    EXPECT_STREQ(loopPolarityLetter(LoopPolarity::Balancing), "B");
    EXPECT_STREQ(loopPolarityLetter(LoopPolarity::Unknown), "U");
}

TEST(Loops, CountsByLengthAreSplitByPolarityAndAddUp)
{
    // F0 <-> F1 (R, both +), F1 <-> F2 (B, one -), F0 -> F1 -> F2 -> F0 (U via '?').
    SystemMap map;
    std::vector<FactorId> f;
    for (int i = 0; i < 3; ++i) {
        Factor factor;
        factor.label = "F" + std::to_string(i);
        f.push_back(map.addFactor(factor));
    }
    auto link = [&](int a, int b, Polarity p) {
        Link l;
        l.from = f[std::size_t(a)];
        l.to = f[std::size_t(b)];
        l.polarity = p;
        map.addLink(l);
    };
    link(0, 1, Polarity::Positive);
    link(1, 0, Polarity::Positive);
    link(1, 2, Polarity::Positive);
    link(2, 1, Polarity::Negative);
    link(2, 0, Polarity::Unknown);
    for (const LoopResult& r : {countLoops(map, {}), findLoops(map, {})}) {
        ASSERT_EQ(r.counts.byLengthAndPolarity.size(), 4u);
        EXPECT_EQ(r.counts.byLengthAndPolarity[2], (std::array<std::uint64_t, 3>{1, 1, 0}));
        EXPECT_EQ(r.counts.byLengthAndPolarity[3], (std::array<std::uint64_t, 3>{0, 0, 1}));
        for (std::size_t k = 1; k < r.counts.byLength.size(); ++k) {
            const auto& s = r.counts.byLengthAndPolarity[k];
            EXPECT_EQ(s[0] + s[1] + s[2], r.counts.byLength[k]);
        }
    }
}

TEST(Loops, APolarityFilterListsTheShortestLoopsOfThatKindAndSaysWhenMoreExist)
{
    std::mt19937 rng(3);
    for (int trial = 0; trial < 20; ++trial) {
        SystemMap map;
        std::vector<FactorId> f;
        for (int i = 0; i < 8; ++i) {
            Factor factor;
            factor.label = "F" + std::to_string(i);
            f.push_back(map.addFactor(factor));
        }
        std::bernoulli_distribution edge(0.35), negative(0.4), unknown(0.05);
        for (int a = 0; a < 8; ++a)
            for (int b = 0; b < 8; ++b)
                if (a != b && edge(rng)) {
                    Link l;
                    l.from = f[std::size_t(a)];
                    l.to = f[std::size_t(b)];
                    l.polarity = unknown(rng) ? Polarity::Unknown
                                 : negative(rng) ? Polarity::Negative : Polarity::Positive;
                    map.addLink(l);
                }
        const std::vector<Loop> all = findLoops(map, {}).loops;
        for (LoopPolarity kind : {LoopPolarity::Reinforcing, LoopPolarity::Balancing, LoopPolarity::Unknown}) {
            std::vector<Loop> expected;
            for (const Loop& l : all)
                if (l.polarity == kind)
                    expected.push_back(l);
            for (std::size_t limit : {std::size_t(0), std::size_t(3), std::size_t(1000)}) {
                LoopQuery q;
                q.polarity = kind;
                q.limit = limit;
                LoopResult r = findLoops(map, q);
                const std::size_t n = limit ? std::min(limit, expected.size()) : expected.size();
                ASSERT_EQ(r.loops.size(), n) << trial;
                EXPECT_TRUE(std::equal(r.loops.begin(), r.loops.end(), expected.begin())) << trial;
                EXPECT_EQ(r.truncated, limit != 0 && expected.size() > limit) << trial;
            }
        }
    }
}

} // namespace
} // namespace causeway
