#include "model/nominations.h"

#include <gtest/gtest.h>

using namespace causeway;

namespace {

// Five factors in a chain with one feedback link, and a round with default budgets.
struct NominationFixture : ::testing::Test {
    SystemMap map;
    std::vector<FactorId> f;
    LinkId ab;

    void SetUp() override
    {
        for (const char* label : {"Trust", "Visits", "Knowledge", "Skill", "Workload"}) {
            Factor factor;
            factor.label = label;
            f.push_back(map.addFactor(factor));
        }
        Link l;
        l.from = f[0];
        l.to = f[1];
        ab = map.addLink(l);
        NominationRound round;
        round.name = "Round 1";
        addRound(map, round);
    }

    Ballot ballot(const std::string& who, std::vector<ItemRef> watch, std::vector<ItemRef> stop = {})
    {
        return Ballot{who, std::move(watch), std::move(stop)};
    }
    ItemRef item(int i) const { return ItemRef::of(f[static_cast<std::size_t>(i)]); }
};

std::string refusal(const std::function<void()>& edit)
{
    try {
        edit();
    } catch (const EditError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST_F(NominationFixture, BallotWithinBudgetIsCastAndAddsTheParticipant)
{
    castBallot(map, "Round 1", ballot("Ana", {item(0), item(1), ItemRef::of(ab)}, {item(4)}));
    const NominationRound* round = findRound(map, "Round 1");
    ASSERT_EQ(round->ballots.size(), 1u);
    EXPECT_EQ(round->participants, std::vector<std::string>{"Ana"});
}

TEST_F(NominationFixture, OverBudgetBallotIsRefusedAndTheOldBallotStays)
{
    castBallot(map, "Round 1", ballot("Ana", {item(0)}));
    const SystemMap before = map;
    std::string why = refusal([&] {
        castBallot(map, "Round 1", ballot("Ana", {item(0), item(1), item(2), item(3)}));
    });
    EXPECT_NE(why.find("budget is 3"), std::string::npos) << why;
    EXPECT_EQ(map, before);
}

TEST_F(NominationFixture, SameItemInBothKindsOrTwiceInOneKindIsRefused)
{
    EXPECT_NE(refusal([&] { castBallot(map, "Round 1", ballot("Ana", {item(0)}, {item(0)})); })
                  .find("both"),
              std::string::npos);
    EXPECT_NE(refusal([&] { castBallot(map, "Round 1", ballot("Ana", {item(2), item(2)})); })
                  .find("twice"),
              std::string::npos);
    EXPECT_TRUE(findRound(map, "Round 1")->ballots.empty());
}

TEST_F(NominationFixture, LinksAreRefusedWhenTheRoundTakesFactorsOnly)
{
    NominationRound r = *findRound(map, "Round 1");
    r.allowLinks = false;
    updateRound(map, "Round 1", r);
    EXPECT_NE(refusal([&] { castBallot(map, "Round 1", ballot("Ana", {ItemRef::of(ab)})); })
                  .find("factors only"),
              std::string::npos);
}

TEST_F(NominationFixture, ClosedRoundTakesNoBallotsAndCannotReopen)
{
    NominationRound r = *findRound(map, "Round 1");
    r.closed = true;
    updateRound(map, "Round 1", r);
    EXPECT_NE(refusal([&] { castBallot(map, "Round 1", ballot("Ana", {item(0)})); }).find("closed"),
              std::string::npos);
    r.closed = false;
    EXPECT_THROW(updateRound(map, "Round 1", r), EditError);
}

TEST_F(NominationFixture, BudgetsOutsideZeroToTwentyAreRefused)
{
    NominationRound r;
    r.name = "Big";
    r.watchBudget = 21;
    EXPECT_THROW(addRound(map, r), EditError);
    r.watchBudget = -1;
    EXPECT_THROW(addRound(map, r), EditError);
    r.watchBudget = 20;
    r.stopBudget = 0;
    EXPECT_NO_THROW(addRound(map, r));
    EXPECT_THROW(castBallot(map, "Big", ballot("Ana", {}, {item(0)})), EditError);
}

TEST_F(NominationFixture, TallyCountsRanksTiesAndAgreement)
{
    // Hand-computed: Trust watched by 3, Visits by 2, Knowledge by 2, Skill by 1;
    // Workload stopped by 2. Ranks by watch: 1, 2, 2, 4, 5.
    castBallot(map, "Round 1", ballot("A", {item(0), item(1)}, {item(4)}));
    castBallot(map, "Round 1", ballot("B", {item(0), item(2)}, {item(4)}));
    castBallot(map, "Round 1", ballot("C", {item(0), item(1), item(2)}));
    castBallot(map, "Round 1", ballot("D", {item(3)}, {}));
    std::vector<TallyRow> rows = tallyRound(*findRound(map, "Round 1"));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].item, item(0));
    EXPECT_EQ(rows[0].watch, 3);
    EXPECT_EQ(rows[0].rank, 1);
    EXPECT_DOUBLE_EQ(rows[0].agreement, 0.75);
    EXPECT_EQ(rows[1].rank, 2);
    EXPECT_EQ(rows[2].rank, 2);
    EXPECT_EQ(rows[3].item, item(3));
    EXPECT_EQ(rows[3].rank, 4);
    EXPECT_EQ(rows[4].item, item(4));
    EXPECT_EQ(rows[4].stop, 2);
    EXPECT_EQ(rows[4].participants, 2);
    EXPECT_EQ(rows[4].rank, 5);
}

TEST_F(NominationFixture, RemovingNominatedItemsCanBeUndoneExactly)
{
    castBallot(map, "Round 1", ballot("A", {item(0), ItemRef::of(ab), item(2)}, {item(4)}));
    castBallot(map, "Round 1", ballot("B", {item(2), item(0)}));
    const SystemMap before = map;
    auto removed = removeNominations(map, {item(0), ItemRef::of(ab)});
    EXPECT_EQ(removed.size(), 3u);
    EXPECT_EQ(findRound(map, "Round 1")->ballots[0].watch, std::vector<ItemRef>{item(2)});
    restoreNominations(map, removed);
    EXPECT_EQ(map, before);
}

TEST_F(NominationFixture, CompareRoundsShowsWhatMoved)
{
    castBallot(map, "Round 1", ballot("A", {item(0)}));
    NominationRound second;
    second.name = "Round 2";
    addRound(map, second);
    castBallot(map, "Round 2", ballot("A", {item(1)}));
    castBallot(map, "Round 2", ballot("B", {item(1)}));
    auto changes = compareRounds(*findRound(map, "Round 1"), *findRound(map, "Round 2"));
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].item, item(1));
    EXPECT_EQ(changes[0].watchDelta(), 2);
    EXPECT_FALSE(changes[0].before.has_value());
    EXPECT_EQ(changes[1].watchDelta(), -1);
}

TEST_F(NominationFixture, ItemsAreNamedAndFoundByLabelOrArrow)
{
    EXPECT_EQ(itemName(map, ItemRef::of(ab)), "Trust -> Visits");
    EXPECT_EQ(findItemByName(map, "Trust -> Visits"), ItemRef::of(ab));
    EXPECT_EQ(findItemByName(map, " Skill"), std::nullopt);
    EXPECT_EQ(findItemByName(map, "Skill"), item(3));
    EXPECT_EQ(findItemByName(map, "Visits -> Trust"), std::nullopt);
}

TEST_F(NominationFixture, ParticipantCodesSkipThoseInUse)
{
    NominationRound r = *findRound(map, "Round 1");
    r.participants = {"P1", "P3"};
    updateRound(map, "Round 1", r);
    EXPECT_EQ(nextParticipantCode(*findRound(map, "Round 1")), "P2");
}

TEST_F(NominationFixture, CastingManyBallotsAtOnceEqualsCastingThemOneByOne)
{
    castBallot(map, "Round 1", ballot("Ana", {item(0)}));
    NominationRound with = *findRound(map, "Round 1");
    with.participants.push_back("Cy"); // listed, not yet voted
    updateRound(map, "Round 1", with);
    SystemMap oneByOne = map;
    const std::vector<Ballot> ballots = {ballot("Bo", {item(1)}, {item(2)}), ballot("Ana", {item(3)}),
                                         ballot("Cy", {item(4)}), ballot("Bo", {item(0)})};
    for (const Ballot& b : ballots)
        castBallot(oneByOne, "Round 1", b);
    castBallots(map, "Round 1", ballots);
    EXPECT_EQ(*findRound(map, "Round 1"), *findRound(oneByOne, "Round 1"));
    EXPECT_EQ(findRound(map, "Round 1")->participants, (std::vector<std::string>{"Ana", "Cy", "Bo"}));
}

TEST_F(NominationFixture, CastingManyBallotsIsAllOrNothingAndNamesTheOneRefused)
{
    const SystemMap before = map;
    std::size_t refused = 99;
    const std::string why = refusal([&] {
        castBallots(map, "Round 1",
                    {ballot("Ana", {item(0)}), ballot("Bo", {item(0), item(1), item(2), item(3)})},
                    &refused);
    });
    EXPECT_NE(why.find("budget"), std::string::npos) << why;
    EXPECT_EQ(refused, 1u);
    EXPECT_EQ(map, before);
}
