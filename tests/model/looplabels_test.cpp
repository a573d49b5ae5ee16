// Named loops: whether a label still names a loop, finding and naming loops.

#include "model/looplabels.h"
#include "model/systemmap.h"

#include <gtest/gtest.h>

namespace causeway {
namespace {

struct Triangle {
    SystemMap map;
    FactorId a, b, c;
    LinkId ab, bc, ca;
    Triangle()
    {
        a = map.addFactor(Factor{.label = "A"});
        b = map.addFactor(Factor{.label = "B"});
        c = map.addFactor(Factor{.label = "C"});
        ab = map.addLink(Link{.from = a, .to = b});
        bc = map.addLink(Link{.from = b, .to = c, .polarity = Polarity::Negative});
        ca = map.addLink(Link{.from = c, .to = a});
    }
};

TEST(LoopLabels, ALabelOnAClosedChainOfLinksIsIntact)
{
    Triangle t;
    EXPECT_TRUE(loopLabelIntact(t.map, LoopLabel{"B1", {t.bc, t.ca, t.ab}}));
}

TEST(LoopLabels, ALabelIsBrokenWhenOneOfItsLinksIsRemoved)
{
    Triangle t;
    const LoopLabel label{"B1", {t.ab, t.bc, t.ca}};
    t.map.removeLink(t.bc);
    EXPECT_FALSE(loopLabelIntact(t.map, label));
    EXPECT_FALSE(loopOfLabel(t.map, label).has_value());
    EXPECT_EQ(labelFactors(t.map, label), (std::vector<FactorId>{t.a, t.c}));
}

TEST(LoopLabels, LinksThatDoNotChainAreNotALoop)
{
    Triangle t;
    EXPECT_FALSE(loopLabelIntact(t.map, LoopLabel{"x", {t.ab, t.ca, t.bc}}));
    EXPECT_FALSE(loopLabelIntact(t.map, LoopLabel{"x", {t.ab, t.bc}}));
    EXPECT_FALSE(loopLabelIntact(t.map, LoopLabel{"x", {}}));
}

TEST(LoopLabels, AChainVisitingAFactorTwiceIsNotAnElementaryLoop)
{
    Triangle t;
    const LinkId ba = t.map.addLink(Link{.from = t.b, .to = t.a});
    EXPECT_FALSE(loopLabelIntact(t.map, LoopLabel{"x", {t.ab, ba, t.ab, t.bc, t.ca}}));
    EXPECT_TRUE(loopLabelIntact(t.map, LoopLabel{"x", {t.ab, ba}}));
}

TEST(LoopLabels, TheLabelledLoopIsTheOneFindLoopsLists)
{
    Triangle t;
    const LoopResult found = findLoops(t.map, {});
    ASSERT_EQ(found.loops.size(), 1u);
    const auto loop = loopOfLabel(t.map, LoopLabel{"B1", {t.ca, t.ab, t.bc}});
    ASSERT_TRUE(loop.has_value());
    EXPECT_EQ(*loop, found.loops.front());
    EXPECT_EQ(loop->polarity, LoopPolarity::Balancing);
}

TEST(LoopLabels, ALoopIsFoundByItsLinksWhateverTheRotation)
{
    Triangle t;
    addLoopLabel(t.map, LoopLabel{"other", {t.ab}});
    addLoopLabel(t.map, LoopLabel{"B1 Stock balances", {t.ca, t.ab, t.bc}});
    const Loop loop = findLoops(t.map, {}).loops.front();
    EXPECT_EQ(findLoopLabel(t.map, loop), std::optional<std::size_t>(1));
    EXPECT_EQ(labelForLoop(loop, "n").links, loop.links);
}

TEST(LoopLabels, ALabelWithoutANameOrLinksOrForAnAlreadyNamedLoopIsRefused)
{
    Triangle t;
    addLoopLabel(t.map, LoopLabel{"B1", {t.ab, t.bc, t.ca}});
    EXPECT_THROW(addLoopLabel(t.map, LoopLabel{"  ", {t.ab}}), EditError);
    EXPECT_THROW(addLoopLabel(t.map, LoopLabel{"R1", {}}), EditError);
    EXPECT_THROW(addLoopLabel(t.map, LoopLabel{"Again", {t.ca, t.ab, t.bc}}), EditError);
    ASSERT_EQ(t.map.loopLabels().size(), 1u);
    EXPECT_EQ(t.map.loopLabels()[0].name, "B1");
}

TEST(LoopLabels, ReplacingAllLabelsChecksEachAndChangesNothingOnARefusal)
{
    Triangle t;
    addLoopLabel(t.map, LoopLabel{"B1", {t.ab, t.bc, t.ca}});
    const std::vector<LoopLabel> before = t.map.loopLabels();
    EXPECT_THROW(replaceLoopLabels(t.map, {LoopLabel{"X", {t.ab}}, LoopLabel{"Y", {t.ab}}}),
                 EditError);
    EXPECT_EQ(t.map.loopLabels(), before);
    // A label whose link was deleted is kept (reported as broken), not refused.
    replaceLoopLabels(t.map, {LoopLabel{"Broken", {LinkId(99)}}});
    ASSERT_EQ(t.map.loopLabels().size(), 1u);
    EXPECT_FALSE(loopLabelIntact(t.map, t.map.loopLabels()[0]));
}

TEST(LoopLabels, SuggestedNamesSkipNumbersInUse)
{
    Triangle t;
    EXPECT_EQ(suggestLoopName(t.map, LoopPolarity::Reinforcing), "R1");
    addLoopLabel(t.map, LoopLabel{"R1 Trust builds reach", {t.ab}});
    addLoopLabel(t.map, LoopLabel{"R2", {t.bc}});
    addLoopLabel(t.map, LoopLabel{"R30", {t.ca}});
    EXPECT_EQ(suggestLoopName(t.map, LoopPolarity::Reinforcing), "R3");
    EXPECT_EQ(suggestLoopName(t.map, LoopPolarity::Balancing), "B1");
    EXPECT_EQ(suggestLoopName(t.map, LoopPolarity::Unknown), "U1");
}

TEST(LoopLabels, TheLongestPossibleLoopIsTheLargestStronglyConnectedPart)
{
    Triangle t;
    const FactorId d = t.map.addFactor(Factor{.label = "D"});
    const FactorId e = t.map.addFactor(Factor{.label = "E"});
    t.map.addLink(Link{.from = t.a, .to = d});
    t.map.addLink(Link{.from = d, .to = e});
    EXPECT_EQ(longestPossibleLoop(t.map), 3u);
    t.map.addLink(Link{.from = e, .to = t.a});
    EXPECT_EQ(longestPossibleLoop(t.map), 5u);
    EXPECT_EQ(longestPossibleLoop(SystemMap{}), 0u);
}

} // namespace
} // namespace causeway
