#include "model/systemmap.h"

#include "model/nominations.h"
#include "tests/mapvalues.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace causeway;

using test::makeLink;
using test::named;

TEST(SystemMap, AddedFactorsGetFreshIncreasingIds)
{
    SystemMap map;
    FactorId a = map.addFactor(named("Trust"));
    FactorId b = map.addFactor(named("Visits"));
    EXPECT_TRUE(a.valid());
    EXPECT_LT(a, b);
    EXPECT_EQ(map.factor(b).label, "Visits");
    EXPECT_EQ(map.factorCount(), 2u);
}

TEST(SystemMap, RemovedIdsAreNeverHandedOutAgain)
{
    SystemMap map;
    FactorId a = map.addFactor(named("A"));
    map.removeFactor(a);
    FactorId b = map.addFactor(named("B"));
    EXPECT_NE(a, b);
}

TEST(SystemMap, EmptyOrBlankLabelIsRefused)
{
    SystemMap map;
    EXPECT_THROW(map.addFactor(named("")), EditError);
    EXPECT_THROW(map.addFactor(named("  \t")), EditError);
    EXPECT_EQ(map.factorCount(), 0u);
    FactorId a = map.addFactor(named("A"));
    Factor edited = map.factor(a);
    edited.label = "";
    EXPECT_THROW(map.updateFactor(edited), EditError);
    EXPECT_EQ(map.factor(a).label, "A");
}

TEST(SystemMap, NonFinitePositionIsRefused)
{
    SystemMap map;
    EXPECT_THROW(map.addFactor(named("A", {std::nan(""), 0})), EditError);
    EXPECT_EQ(map.factorCount(), 0u);
}

TEST(SystemMap, SecondLinkInTheSameDirectionIsRefusedNamingTheExistingOne)
{
    SystemMap map;
    FactorId a = map.addFactor(named("Trust"));
    FactorId b = map.addFactor(named("Visits"));
    LinkId first = map.addLink(makeLink(a, b));
    try {
        map.addLink(makeLink(a, b, Polarity::Negative));
        FAIL() << "expected EditError";
    } catch (const EditError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("'Trust' -> 'Visits'"), std::string::npos) << message;
        EXPECT_NE(message.find(std::to_string(first.value)), std::string::npos) << message;
    }
    EXPECT_EQ(map.linkCount(), 1u);
    EXPECT_EQ(map.link(first).polarity, Polarity::Positive);
}

TEST(SystemMap, OppositeDirectionAndSelfLinksAreAllowed)
{
    SystemMap map;
    FactorId a = map.addFactor(named("A"));
    FactorId b = map.addFactor(named("B"));
    map.addLink(makeLink(a, b));
    LinkId back = map.addLink(makeLink(b, a));
    LinkId self = map.addLink(makeLink(a, a));
    EXPECT_EQ(map.linkCount(), 3u);
    EXPECT_EQ(map.findLink(b, a), back);
    EXPECT_EQ(map.findLink(a, a), self);
    EXPECT_EQ(map.outLinks(a).size(), 2u);
    EXPECT_EQ(map.inLinks(a).size(), 2u);
}

TEST(SystemMap, LinkToMissingFactorIsRefused)
{
    SystemMap map;
    FactorId a = map.addFactor(named("A"));
    EXPECT_THROW(map.addLink(makeLink(a, FactorId(99))), EditError);
    EXPECT_THROW(map.addLink(makeLink(FactorId(98), a)), EditError);
    EXPECT_EQ(map.linkCount(), 0u);
}

TEST(SystemMap, UnknownIdsGiveErrorsNotCrashes)
{
    SystemMap map;
    EXPECT_THROW(map.factor(FactorId(5)), EditError);
    EXPECT_THROW(map.removeFactor(FactorId(5)), EditError);
    EXPECT_THROW(map.removeLink(LinkId(5)), EditError);
    EXPECT_THROW(map.link(LinkId(5)), EditError);
    EXPECT_THROW(map.moveFactor(FactorId(5), {1, 2}), EditError);
    EXPECT_EQ(map.findFactor(FactorId(5)), nullptr);
}

TEST(SystemMap, RemovingAFactorRemovesItsLinksAndRestoreBringsBackTheSameMap)
{
    SystemMap map;
    FactorId a = map.addFactor(named("A", {1, 2}));
    FactorId b = map.addFactor(named("B"));
    FactorId c = map.addFactor(named("C"));
    map.addLink(makeLink(a, b));
    map.addLink(makeLink(b, a, Polarity::Negative));
    map.addLink(makeLink(b, b));
    map.addLink(makeLink(c, b, Polarity::Unknown));
    LinkId kept = map.addLink(makeLink(a, c));
    const SystemMap before = map;

    RemovedFactor removed = map.removeFactor(b);
    EXPECT_EQ(removed.links.size(), 4u);
    EXPECT_EQ(map.linkCount(), 1u);
    EXPECT_TRUE(map.contains(kept));
    EXPECT_FALSE(map.findLink(a, b));

    map.restoreFactor(removed);
    EXPECT_EQ(map, before);
}

TEST(SystemMap, RestoreThatWouldConflictLeavesTheMapUnchanged)
{
    SystemMap map;
    FactorId a = map.addFactor(named("A"));
    FactorId b = map.addFactor(named("B"));
    map.addLink(makeLink(a, b));
    RemovedFactor removed = map.removeFactor(b);
    map.removeFactor(a); // the link's other end is gone now
    const SystemMap before = map;
    EXPECT_THROW(map.restoreFactor(removed), EditError);
    EXPECT_EQ(map, before);
}

TEST(SystemMap, UpdateLinkCannotMoveItsEnds)
{
    SystemMap map;
    FactorId a = map.addFactor(named("A"));
    FactorId b = map.addFactor(named("B"));
    LinkId l = map.addLink(makeLink(a, b));
    Link changed = map.link(l);
    changed.to = a;
    EXPECT_THROW(map.updateLink(changed), EditError);
    changed = map.link(l);
    changed.polarity = Polarity::Negative;
    changed.delay = true;
    Link old = map.updateLink(changed);
    EXPECT_EQ(old.polarity, Polarity::Positive);
    EXPECT_EQ(map.link(l).polarity, Polarity::Negative);
    EXPECT_TRUE(map.link(l).delay);
}

TEST(SystemMap, CopiesAreIndependentAndEqual)
{
    SystemMap map;
    FactorId a = map.addFactor(named("A"));
    FactorId b = map.addFactor(named("B"));
    map.addLink(makeLink(a, b));
    SystemMap copy = map;
    EXPECT_EQ(copy, map);
    copy.removeFactor(a);
    EXPECT_NE(copy, map);
    EXPECT_EQ(map.linkCount(), 1u);
    EXPECT_EQ(copy.nextFactorId(), map.nextFactorId());
    // The copy's graph works on its own descriptors.
    copy.addLink(makeLink(b, b));
    EXPECT_EQ(copy.outLinks(b).size(), 1u);
}

TEST(SystemMap, InsertKeepsIdsAndAdvancesTheCounter)
{
    SystemMap map;
    Factor f = named("Loaded");
    f.id = FactorId(40);
    map.insertFactor(f);
    EXPECT_THROW(map.insertFactor(f), EditError);
    EXPECT_GT(map.addFactor(named("Next")).value, 40u);
}

TEST(Polarity, ParsesTheSpellingsResearchersUse)
{
    for (auto s : {"+", "positive", "Same", " s ", "1", "+1"})
        EXPECT_EQ(parsePolarity(s), Polarity::Positive) << s;
    for (auto s : {"-", "NEGATIVE", "opposite", "o", "-1"})
        EXPECT_EQ(parsePolarity(s), Polarity::Negative) << s;
    for (auto s : {"?", "unknown"})
        EXPECT_EQ(parsePolarity(s), Polarity::Unknown) << s;
    for (auto s : {"", "maybe", "++", "2"})
        EXPECT_FALSE(parsePolarity(s).has_value()) << s;
}

TEST(SystemMap, RoundsReplacedWholeAreCheckedAndARefusalChangesNothing)
{
    SystemMap map;
    const FactorId a = map.addFactor(named("Trust"));
    NominationRound round;
    round.name = "Round 1";
    round.ballots = {{"P1", {ItemRef::of(a)}, {}}};
    replaceRounds(map, {round});
    ASSERT_EQ(map.rounds().size(), 1u);

    NominationRound overBudget = round;
    overBudget.name = "Round 2";
    overBudget.watchBudget = 0; // P1's ballot no longer fits
    NominationRound unknownItem = round;
    unknownItem.name = "Round 3";
    unknownItem.ballots = {{"P1", {ItemRef::of(FactorId(42))}, {}}};
    for (const auto& rounds : {std::vector{round, overBudget}, std::vector{unknownItem},
                               std::vector{round, round}}) {
        EXPECT_THROW(replaceRounds(map, rounds), EditError);
        EXPECT_EQ(map.rounds(), std::vector{round});
    }
}
