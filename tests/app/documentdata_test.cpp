// Map-level data (loop labels, nomination rounds) through the Document: one undo step each, and
// deleting a nominated item takes its nominations along in the same step.
#include "documenttestutil.h"

#include "model/nominations.h"
#include "model/stories.h"

#include <QSignalSpy>

using namespace causeway;
using namespace causeway::test;

TEST(DocumentData, AddingARoundIsOneStepAndUndoRemovesIt)
{
    Document doc;
    loadTriangle(doc);
    QSignalSpy changed(&doc, &Document::mapDataChanged);
    MapData data = mapDataOf(doc.map());
    NominationRound round;
    round.name = "Round 1";
    data.rounds.push_back(round);
    expectOneUndoableStep(doc, [&] { return doc.updateMapData(data, "Open round 'Round 1'"); });
    EXPECT_EQ(doc.undoText(), "Open round 'Round 1'");
    EXPECT_GE(changed.count(), 1);
    EXPECT_FALSE(doc.updateMapData(mapDataOf(doc.map()), "nothing")) << "an unchanged value is no step";
}

TEST(DocumentData, DeletingANominatedFactorRemovesItsNominationsAndUndoBringsBothBack)
{
    Document doc;
    loadTriangle(doc);
    SystemMap withRound = doc.map();
    NominationRound round;
    round.name = "R";
    addRound(withRound, round);
    const FactorId a = idOf(doc, "A"), b = idOf(doc, "B");
    castBallot(withRound, "R", Ballot{"P1", {ItemRef::of(a), ItemRef::of(b)}, {}});
    castBallot(withRound, "R", Ballot{"P2", {ItemRef::of(a)}, {}});
    ASSERT_TRUE(doc.updateMapData(mapDataOf(withRound), "Vote"));
    const SystemMap before = doc.map();

    ASSERT_TRUE(doc.remove({a}, {}));
    EXPECT_TRUE(nominationsOf(doc.map(), {ItemRef::of(a)}).empty());
    EXPECT_EQ(findRound(doc.map(), "R")->ballots[0].watch, std::vector<ItemRef>{ItemRef::of(b)});

    doc.undo();
    EXPECT_TRUE(doc.map() == before);
    doc.redo();
    EXPECT_TRUE(nominationsOf(doc.map(), {ItemRef::of(a)}).empty());
}

TEST(DocumentData, LoopLabelsAreMapDataWithUndo)
{
    Document doc;
    loadTriangle(doc);
    MapData data = mapDataOf(doc.map());
    data.loopLabels.push_back({"R1 Triangle", doc.map().linkIds()});
    expectOneUndoableStep(doc, [&] { return doc.updateMapData(data, "Name loop"); });
    EXPECT_EQ(doc.map().loopLabels().size(), 1u);
}

TEST(DocumentData, StoriesAreMapDataWithUndo)
{
    Document doc;
    loadTriangle(doc);
    MapData data = mapDataOf(doc.map());
    data.stories.push_back(Story{"Opening", {StoryStep{.kind = StoryStepKind::Focus, .focus = idOf(doc, "A")}}});
    expectOneUndoableStep(doc, [&] { return doc.updateMapData(data, "Add story"); });
    ASSERT_EQ(doc.map().stories().size(), 1u);
    EXPECT_EQ(doc.map().stories()[0].name, "Opening");
}

TEST(DocumentData, ARefusedStoryLeavesLabelsRoundsAndStoriesAsTheyWere)
{
    Document doc;
    loadTriangle(doc);
    const SystemMap before = doc.map();
    const int steps = doc.undoCount();
    MapData data = mapDataOf(doc.map());
    data.loopLabels.push_back({"R1 Triangle", doc.map().linkIds()});
    data.rounds.push_back(NominationRound{.name = "R"});
    data.stories.push_back(Story{"  ", {}}); // no name: refused
    EXPECT_FALSE(doc.updateMapData(data, "Add story"));
    EXPECT_TRUE(doc.map() == before);
    EXPECT_EQ(doc.undoCount(), steps);
}

TEST(DocumentData, WhileLockedFactorAndLinkEditsAreRefusedButBallotsStillGoIn)
{
    Document doc;
    loadTriangle(doc);
    doc.setFactorEditLock("Voting is under way.");
    QSignalSpy refused(&doc, &Document::editRefused);
    const SystemMap before = doc.map();
    EXPECT_FALSE(doc.addFactor("New", {}).valid());
    EXPECT_FALSE(doc.remove({idOf(doc, "A")}, {}));
    EXPECT_FALSE(doc.moveFactors({{idOf(doc, "B"), Point{9, 9}}}));
    EXPECT_TRUE(doc.map() == before);
    ASSERT_EQ(refused.count(), 3);
    EXPECT_EQ(refused[0][0].toString(), "Voting is under way.");
    MapData data = mapDataOf(doc.map());
    NominationRound round;
    round.name = "R";
    data.rounds.push_back(round);
    EXPECT_TRUE(doc.updateMapData(data, "Open round 'R'"));
    doc.setFactorEditLock({});
    EXPECT_TRUE(doc.addFactor("New", {}).valid());
}

TEST(DocumentData, WhileLockedUndoAndRedoAreRefusedSoABallotCannotBeTakenBack)
{
    Document doc;
    loadTriangle(doc);
    MapData data = mapDataOf(doc.map());
    NominationRound round;
    round.name = "R";
    data.rounds.push_back(round);
    ASSERT_TRUE(doc.updateMapData(data, "Ballot of P1"));
    doc.setFactorEditLock("Voting is under way.");
    QSignalSpy refused(&doc, &Document::editRefused);
    EXPECT_FALSE(doc.undo());
    EXPECT_EQ(doc.map().rounds().size(), 1u);
    EXPECT_EQ(refused.count(), 1);
    doc.setFactorEditLock({});
    EXPECT_TRUE(doc.undo());
    EXPECT_TRUE(doc.map().rounds().empty());
    EXPECT_TRUE(doc.redo());
    EXPECT_EQ(doc.map().rounds().size(), 1u);
}
