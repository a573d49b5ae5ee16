#include "documenttestutil.h"

#include "app/document/mapcommand.h"

#include <QAction>
#include <QSignalSpy>

using namespace causeway;
using namespace causeway::test;

namespace {

QString undoText(const Document& doc)
{
    return doc.undoText();
}

} // namespace

TEST(DocumentEdits, AddFactorIsOneStepNamedAfterTheFactor)
{
    Document doc;
    FactorId id;
    expectOneUndoableStep(doc, [&] { return (id = doc.addFactor("Trust", {5, 7})).valid(); });
    EXPECT_EQ(undoText(doc), "Add factor 'Trust'");
    EXPECT_EQ(doc.map().factor(id).label, "Trust");
    EXPECT_EQ(doc.map().factor(id).position, (Point{5, 7}));
}

TEST(DocumentEdits, RedoOfAnAddedFactorKeepsItsId)
{
    Document doc;
    const FactorId id = doc.addFactor("Trust", {});
    doc.undo();
    EXPECT_FALSE(doc.map().contains(id));
    doc.redo();
    EXPECT_TRUE(doc.map().contains(id));
}

TEST(DocumentEdits, AddLinkIsOneStepNamingBothEnds)
{
    Document doc;
    loadTriangle(doc);
    LinkId id;
    expectOneUndoableStep(doc, [&] {
        return (id = doc.addLink(idOf(doc, "C"), idOf(doc, "A"), Polarity::Negative)).valid();
    });
    EXPECT_EQ(undoText(doc), "Link C -> A");
    EXPECT_EQ(doc.map().link(id).polarity, Polarity::Negative);
}

TEST(DocumentEdits, DuplicateLinkIsRefusedNamingTheExistingLinkAndPushesNothing)
{
    Document doc;
    loadTriangle(doc);
    QSignalSpy refused(&doc, &Document::editRefused);
    const SystemMap before = doc.map();
    EXPECT_FALSE(doc.addLink(idOf(doc, "A"), idOf(doc, "B")).valid());
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_TRUE(doc.map() == before);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_TRUE(refused[0][0].toString().contains("'A' -> 'B'"));
}

TEST(DocumentEdits, LinkToAMissingFactorIsRefused)
{
    Document doc;
    loadTriangle(doc);
    QSignalSpy refused(&doc, &Document::editRefused);
    EXPECT_FALSE(doc.addLink(idOf(doc, "A"), FactorId(99)).valid());
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_EQ(refused.count(), 1);
}

TEST(DocumentEdits, FactorWithABlankLabelIsRefused)
{
    Document doc;
    QSignalSpy refused(&doc, &Document::editRefused);
    EXPECT_FALSE(doc.addFactor("   ", {}).valid());
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_EQ(doc.map().factorCount(), 0u);
    EXPECT_EQ(refused.count(), 1);
}

TEST(DocumentEdits, DeletingAFactorRemovesItsLinksAndUndoRestoresThemWithTheirIds)
{
    Document doc;
    loadTriangle(doc);
    const SystemMap before = doc.map();
    const FactorId b = idOf(doc, "B");
    expectOneUndoableStep(doc, [&] { return doc.remove({b}, {}); });
    EXPECT_EQ(undoText(doc), "Delete factor 'B'");
    EXPECT_EQ(doc.map().linkCount(), 0u);
    doc.undo();
    EXPECT_EQ(doc.map().links(), before.links());
}

TEST(DocumentEdits, DeletingSeveralItemsCountsOnlyWhatWasSelected)
{
    Document doc;
    loadTriangle(doc);
    const LinkId bc = *doc.map().findLink(idOf(doc, "B"), idOf(doc, "C"));
    // A -> B goes with A and is not counted; B -> C was selected, so it is.
    expectOneUndoableStep(doc, [&] { return doc.remove({idOf(doc, "A"), idOf(doc, "C")}, {bc}); });
    EXPECT_EQ(undoText(doc), "Delete 3 items");
    EXPECT_EQ(doc.map().factorCount(), 1u);
}

TEST(DocumentEdits, DeletingNothingPushesNothing)
{
    Document doc;
    loadTriangle(doc);
    EXPECT_FALSE(doc.remove({}, {}));
    EXPECT_EQ(doc.undoCount(), 0);
}

TEST(DocumentEdits, ADragOfTwoFactorsIsOneStep)
{
    Document doc;
    loadTriangle(doc);
    const FactorId a = idOf(doc, "A");
    const FactorId b = idOf(doc, "B");
    expectOneUndoableStep(doc, [&] { return doc.moveFactors({{a, {10, 10}}, {b, {110, 10}}}); });
    EXPECT_EQ(undoText(doc), "Move 2 factors");
    EXPECT_EQ(doc.map().factor(b).position, (Point{110, 10}));
}

TEST(DocumentEdits, TwoDragsOfTheSameFactorAreTwoSteps)
{
    Document doc;
    loadTriangle(doc);
    const FactorId a = idOf(doc, "A");
    doc.moveFactors({{a, {10, 10}}});
    doc.moveFactors({{a, {20, 20}}});
    EXPECT_EQ(doc.undoCount(), 2);
}

TEST(DocumentEdits, ConsecutiveNudgesOfTheSameFactorsMergeIntoOneStep)
{
    Document doc;
    loadTriangle(doc);
    const FactorId a = idOf(doc, "A");
    const SystemMap before = doc.map();
    doc.nudgeFactors({a}, {1, 0});
    doc.nudgeFactors({a}, {1, 0});
    doc.nudgeFactors({a}, {0, 5});
    EXPECT_EQ(doc.undoCount(), 1);
    EXPECT_EQ(doc.map().factor(a).position, (Point{2, 5}));
    doc.undo();
    EXPECT_TRUE(doc.map() == before);
}

TEST(DocumentEdits, NudgesAfterASaveStartANewStep)
{
    Document doc;
    loadTriangle(doc);
    const FactorId a = idOf(doc, "A");
    doc.nudgeFactors({a}, {1, 0});
    doc.markSaved();
    doc.nudgeFactors({a}, {1, 0});
    EXPECT_EQ(doc.undoCount(), 2);
    EXPECT_TRUE(doc.isModified());
}

TEST(DocumentEdits, MovingToTheSamePlacePushesNothing)
{
    Document doc;
    loadTriangle(doc);
    EXPECT_FALSE(doc.moveFactors({{idOf(doc, "A"), {0, 0}}}));
    EXPECT_EQ(doc.undoCount(), 0);
}

TEST(DocumentEdits, EditingALabelIsOneStepNamedEditLabel)
{
    Document doc;
    loadTriangle(doc);
    Factor f = doc.map().factor(idOf(doc, "A"));
    f.label = "Awareness";
    expectOneUndoableStep(doc, [&] { return doc.updateFactor(f); });
    EXPECT_EQ(undoText(doc), "Edit label");
    EXPECT_EQ(doc.map().factor(f.id).label, "Awareness");
}

TEST(DocumentEdits, ChangingALinksEndsIsRefused)
{
    Document doc;
    loadTriangle(doc);
    Link l = doc.map().links().front();
    l.to = idOf(doc, "C");
    QSignalSpy refused(&doc, &Document::editRefused);
    EXPECT_FALSE(doc.updateLink(l));
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(doc.undoCount(), 0);
}

TEST(DocumentEdits, BendingALinkIsOneStep)
{
    Document doc;
    loadTriangle(doc);
    Link l = doc.map().links().front();
    l.bend = Point{0, 30};
    expectOneUndoableStep(doc, [&] { return doc.updateLink(l); });
    EXPECT_EQ(undoText(doc), "Bend link");
}

TEST(DocumentEdits, SetPolarityOfTwoLinksIsOneStep)
{
    Document doc;
    loadTriangle(doc);
    const std::vector<LinkId> links = doc.map().linkIds();
    expectOneUndoableStep(doc, [&] { return doc.setPolarity(links, Polarity::Unknown); });
    EXPECT_EQ(undoText(doc), "Change polarity");
    for (const Link& l : doc.map().links())
        EXPECT_EQ(l.polarity, Polarity::Unknown);
}

TEST(DocumentEdits, CyclePolarityGoesPlusMinusUnknownPlus)
{
    Document doc;
    loadTriangle(doc);
    const LinkId ab = doc.map().linkIds().front();
    expectOneUndoableStep(doc, [&] { return doc.cyclePolarity({ab}); });
    EXPECT_EQ(doc.map().link(ab).polarity, Polarity::Negative);
    doc.cyclePolarity({ab});
    EXPECT_EQ(doc.map().link(ab).polarity, Polarity::Unknown);
    doc.cyclePolarity({ab});
    EXPECT_EQ(doc.map().link(ab).polarity, Polarity::Positive);
}

TEST(DocumentEdits, ToggleDelayOnAMixedSelectionDelaysAll)
{
    Document doc;
    loadTriangle(doc);
    const std::vector<LinkId> links = doc.map().linkIds();
    doc.toggleDelay({links[0]});
    expectOneUndoableStep(doc, [&] { return doc.toggleDelay(links); });
    EXPECT_EQ(undoText(doc), "Toggle delay");
    EXPECT_TRUE(doc.map().link(links[0]).delay);
    EXPECT_TRUE(doc.map().link(links[1]).delay);
    doc.toggleDelay(links);
    EXPECT_FALSE(doc.map().link(links[0]).delay);
    EXPECT_FALSE(doc.map().link(links[1]).delay);
}

TEST(DocumentEdits, FragmentKeepsOnlyTheLinksAmongItsFactors)
{
    Document doc;
    loadTriangle(doc);
    const SystemMap part = doc.fragment({idOf(doc, "A"), idOf(doc, "B")});
    EXPECT_EQ(part.factorCount(), 2u);
    ASSERT_EQ(part.linkCount(), 1u);
    EXPECT_EQ(part.links()[0], doc.map().link(part.links()[0].id));
}

TEST(DocumentEdits, PasteIsOneStepWithFreshIdsShiftedPositionsAndInnerLinks)
{
    Document doc;
    loadTriangle(doc);
    const SystemMap part = doc.fragment({idOf(doc, "A"), idOf(doc, "B")});
    std::pair<std::vector<FactorId>, std::vector<LinkId>> pasted;
    expectOneUndoableStep(doc, [&] {
        pasted = doc.paste(part, {20, 30});
        return !pasted.first.empty();
    });
    EXPECT_EQ(undoText(doc), "Paste 2 factors");
    ASSERT_EQ(pasted.first.size(), 2u);
    ASSERT_EQ(pasted.second.size(), 1u);
    EXPECT_EQ(doc.map().factorCount(), 5u);
    for (FactorId id : pasted.first)
        EXPECT_FALSE(part.contains(id));
    const Link& copy = doc.map().link(pasted.second[0]);
    EXPECT_EQ(copy.from, pasted.first[0]);
    EXPECT_EQ(copy.to, pasted.first[1]);
    EXPECT_EQ(doc.map().factor(pasted.first[1]).position, (Point{120, 30}));
}

TEST(DocumentEdits, ALayoutAppliedAsChangesIsOneStep)
{
    Document doc;
    loadTriangle(doc);
    std::vector<MapChange> changes;
    for (const Factor& f : doc.map().factors()) {
        Factor after = f;
        after.position = {f.position.y, f.position.x};
        changes.push_back(change::UpdateFactor{f, after});
    }
    expectOneUndoableStep(doc, [&] { return doc.applyChanges("Auto-layout (neato)", changes); });
    EXPECT_EQ(undoText(doc), "Auto-layout (neato)");
}

// Views that refresh whole (a table of every factor's figures, the loop labels) hear of a step
// once, after all its changes, however many factors it moved: a layout, its undo and redo, and a
// single edit each emit stepNotified once.
TEST(DocumentEdits, EachStepIsNotifiedOnceAfterItsChanges)
{
    Document doc;
    loadTriangle(doc);
    const std::vector<MapChange> changes = everyFactorMoved(doc, {50, 0});
    ASSERT_GE(changes.size(), 3u);
    QSignalSpy moved(&doc, &Document::factorChanged);
    QSignalSpy notified(&doc, &Document::stepNotified);
    int movedWhenNotified = -1; // how many factor signals had come when the step was notified
    QObject::connect(&doc, &Document::stepNotified, [&] { movedWhenNotified = int(moved.size()); });
    ASSERT_TRUE(doc.applyChanges("Auto-layout (neato)", changes));
    EXPECT_EQ(notified.size(), 1);
    EXPECT_EQ(movedWhenNotified, int(changes.size()));
    ASSERT_TRUE(doc.undo());
    EXPECT_EQ(notified.size(), 2);
    ASSERT_TRUE(doc.redo());
    EXPECT_EQ(notified.size(), 3);
    doc.moveFactors({{doc.map().factors().front().id, Point{1, 2}}});
    EXPECT_EQ(notified.size(), 4);
}

TEST(DocumentEdits, ChangesRemovingAFactorBeforeItsLinksAreRefused)
{
    Document doc;
    loadTriangle(doc);
    QSignalSpy refused(&doc, &Document::editRefused);
    const Factor b = doc.map().factor(idOf(doc, "B"));
    EXPECT_FALSE(doc.applyChanges("Delete", {change::RemoveFactor{b}}));
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(doc.map().factorCount(), 3u);
}

TEST(DocumentSignals, DeleteAndUndoReportEveryFactorAndLink)
{
    Document doc;
    loadTriangle(doc);
    QSignalSpy factorRemoved(&doc, &Document::factorRemoved);
    QSignalSpy linkRemoved(&doc, &Document::linkRemoved);
    QSignalSpy factorAdded(&doc, &Document::factorAdded);
    QSignalSpy linkAdded(&doc, &Document::linkAdded);
    const FactorId b = idOf(doc, "B");
    doc.remove({b}, {});
    EXPECT_EQ(factorRemoved.count(), 1);
    EXPECT_EQ(factorRemoved[0][0].value<FactorId>(), b);
    EXPECT_EQ(linkRemoved.count(), 2);
    doc.undo();
    EXPECT_EQ(factorAdded.count(), 1);
    EXPECT_EQ(linkAdded.count(), 2);
}

TEST(DocumentSignals, MovesAndLinkEditsReportChanges)
{
    Document doc;
    loadTriangle(doc);
    QSignalSpy factorChanged(&doc, &Document::factorChanged);
    QSignalSpy linkChanged(&doc, &Document::linkChanged);
    doc.moveFactors({{idOf(doc, "A"), {1, 1}}, {idOf(doc, "C"), {2, 2}}});
    EXPECT_EQ(factorChanged.count(), 2);
    doc.toggleDelay(doc.map().linkIds());
    EXPECT_EQ(linkChanged.count(), 2);
}

TEST(DocumentState, ANewDocumentIsUnmodifiedAndAnEditModifiesIt)
{
    Document doc;
    QSignalSpy modified(&doc, &Document::modifiedChanged);
    EXPECT_FALSE(doc.isModified());
    doc.addFactor("Trust", {});
    EXPECT_TRUE(doc.isModified());
    ASSERT_EQ(modified.count(), 1);
    EXPECT_TRUE(modified[0][0].toBool());
    doc.undo();
    EXPECT_FALSE(doc.isModified());
    ASSERT_EQ(modified.count(), 2);
    EXPECT_FALSE(modified[1][0].toBool());
}

TEST(DocumentState, ReplacingTheMapClearsUndoAndLeavesItModified)
{
    Document doc;
    doc.addFactor("Old", {});
    QSignalSpy reset(&doc, &Document::reset);
    loadTriangle(doc);
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.map().factorCount(), 3u);
}

TEST(DocumentState, NewMapIsEmptyUntitledAndClean)
{
    Document doc;
    loadTriangle(doc);
    doc.newMap();
    EXPECT_EQ(doc.map().factorCount(), 0u);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(doc.displayName(), "Untitled");
}

TEST(DocumentState, SaveWithoutAFileNameFailsWithAMessage)
{
    Document doc;
    QString error;
    EXPECT_FALSE(doc.save(&error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(DocumentEdits, AChangeListRefusedHalfwayLeavesTheMapAsItWas)
{
    Document doc;
    loadTriangle(doc);
    const SystemMap before = doc.map();
    Factor added = makeFactor("New");
    added.id = FactorId(doc.map().nextFactorId());
    Link broken = makeLink(added.id, FactorId(999), Polarity::Positive);
    broken.id = LinkId(doc.map().nextLinkId());
    Factor renamed = doc.map().factor(idOf(doc, "A"));
    renamed.label = "Renamed";
    QSignalSpy refused(&doc, &Document::editRefused);
    QSignalSpy added_(&doc, &Document::factorAdded);
    EXPECT_FALSE(doc.applyChanges("Broken", {
        change::UpdateFactor{doc.map().factor(renamed.id), renamed},
        change::InsertFactor{added},
        change::InsertLink{broken},
    }));
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(added_.count(), 0);
    EXPECT_TRUE(doc.map() == before);
    EXPECT_EQ(doc.undoCount(), 0);
}

TEST(DocumentEdits, NudgingBackToTheStartDropsTheStep)
{
    Document doc;
    loadTriangle(doc);
    doc.markSaved();
    const FactorId a = idOf(doc, "A");
    doc.nudgeFactors({a}, {1, 0});
    doc.nudgeFactors({a}, {-1, 0});
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_FALSE(doc.isModified());
}

TEST(DocumentSignals, APasteReportsEachNewFactorAndLink)
{
    Document doc;
    loadTriangle(doc);
    const SystemMap all = doc.fragment(doc.map().factorIds());
    QSignalSpy factorAdded(&doc, &Document::factorAdded);
    QSignalSpy linkAdded(&doc, &Document::linkAdded);
    const auto [factors, links] = doc.paste(all, {0, 100});
    ASSERT_EQ(factorAdded.count(), 3);
    EXPECT_EQ(linkAdded.count(), 2);
    EXPECT_EQ(factorAdded[2][0].value<FactorId>(), factors[2]);
}

TEST(DocumentState, ARefusedEditLeavesTheDocumentUnmodified)
{
    Document doc;
    QSignalSpy modified(&doc, &Document::modifiedChanged);
    doc.addLink(FactorId(1), FactorId(2));
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(modified.count(), 0);
}

// ---- a step that no longer fits the map

namespace {
void renameBehindTheHistory(Document& doc, const char* label, const char* newLabel)
{
    Factor f = doc.map().factor(idOf(doc, label));
    f.label = newLabel;
    DocumentTestAccess::map(doc).updateFactor(f);
}
} // namespace

TEST(DocumentHistory, ARedoThatFailsHalfwayLeavesTheMapAsItWasAndDropsTheStepsAhead)
{
    Document doc;
    loadTriangle(doc);
    ASSERT_TRUE(doc.moveFactors({{idOf(doc, "A"), {5, 5}}, {idOf(doc, "B"), {6, 6}}}));
    ASSERT_TRUE(doc.addFactor("D", {}).valid());
    doc.undo();
    doc.undo();
    renameBehindTheHistory(doc, "B", "B2"); // the move of A applies, then B's no longer fits
    const SystemMap snapshot = doc.map();
    QSignalSpy refused(&doc, &Document::editRefused);
    doc.redo();
    EXPECT_EQ(doc.map(), snapshot);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_TRUE(refused.at(0).at(0).toString().contains(QStringLiteral("Move 2 factors")));
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_EQ(doc.undoIndex(), doc.undoCount());
    EXPECT_FALSE(doc.canRedo());
    EXPECT_FALSE(doc.redo());
    EXPECT_EQ(doc.map(), snapshot);
}

TEST(DocumentHistory, AnUndoThatFailsHalfwayLeavesTheMapAsItWasAndClearsTheStepsBehind)
{
    Document doc;
    loadTriangle(doc);
    doc.markSaved();
    ASSERT_TRUE(doc.addFactor("D", {}).valid());
    ASSERT_TRUE(doc.moveFactors({{idOf(doc, "A"), {5, 5}}, {idOf(doc, "B"), {6, 6}}}));
    renameBehindTheHistory(doc, "A", "A2"); // undo takes B back first, then A's no longer fits
    const SystemMap snapshot = doc.map();
    QSignalSpy refused(&doc, &Document::editRefused);
    doc.undo();
    EXPECT_EQ(doc.map(), snapshot);
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_EQ(doc.undoIndex(), 0);
    EXPECT_FALSE(doc.canUndo());
    EXPECT_TRUE(doc.isModified()); // the map is not the saved one
}

TEST(DocumentHistory, ChangesMadeForAnotherStateOfTheMapAreRefusedBeforeTheyArePushed)
{
    Document doc;
    loadTriangle(doc);
    Factor stale = doc.map().factor(idOf(doc, "A"));
    stale.label = "Not what the map holds";
    Factor after = stale;
    after.position = {9, 9};
    QSignalSpy refused(&doc, &Document::editRefused);
    const SystemMap before = doc.map();
    EXPECT_FALSE(doc.applyChanges("Move", {change::UpdateFactor{stale, after}}));
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(doc.map(), before);
    EXPECT_EQ(doc.undoCount(), 0);
}

TEST(DocumentHistory, UndoAndRedoActionsAreDisabledWithTheReasonWhileTheMapIsLocked)
{
    Document doc;
    loadTriangle(doc);
    ASSERT_TRUE(doc.addFactor("D", {}).valid());
    QAction* undo = doc.undoAction();
    EXPECT_TRUE(undo->isEnabled());
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo Add factor 'D'"));
    doc.setFactorEditLock(QStringLiteral("Voting on 'R' is under way"));
    EXPECT_FALSE(undo->isEnabled());
    EXPECT_EQ(undo->toolTip(), QStringLiteral("Voting on 'R' is under way"));
    undo->trigger();
    EXPECT_FALSE(doc.undo());
    EXPECT_TRUE(doc.map().findFactorByLabel("D").has_value());
    doc.setFactorEditLock({});
    EXPECT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_FALSE(doc.map().findFactorByLabel("D").has_value());
    EXPECT_TRUE(doc.redoAction()->isEnabled());
    EXPECT_FALSE(undo->isEnabled());
}
