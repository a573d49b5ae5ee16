// Nomination rounds in the editor, without a window: the round edits as undo steps, the voting
// session's budgets, the badges' geometry and secrecy, the results table, deleting nominated
// items.
#include "roundstestutil.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/document/document.h"
#include "app/rounds/resultsview.h"
#include "app/rounds/rounddialog.h"
#include "app/rounds/roundedits.h"
#include "app/canvas/votebadgeitem.h"
#include "app/rounds/votingsession.h"
#include "io/ballots.h"
#include "layout/votebadge.h"

#include <QFile>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace causeway;
using namespace causeway::test;

namespace {


struct Rounds : ::testing::Test {
    Document doc;
    CanvasScene scene{&doc};

    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    }
    ItemRef factor(const char* label) const
    {
        const auto id = doc.map().findFactorByLabel(label);
        EXPECT_TRUE(id.has_value()) << label;
        return ItemRef::of(id.value_or(FactorId{}));
    }
    NominationRound named(const char* name, bool secret = true) const
    {
        NominationRound r;
        r.name = name;
        r.secret = secret;
        return r;
    }
    int badgeItems() const
    {
        int n = 0;
        for (QGraphicsItem* item : scene.items())
            n += item->type() == VoteBadgeItem::Type && item->isVisible();
        return n;
    }
};

} // namespace

// ---- badge geometry (layout/votebadge.h)

TEST(VoteBadges, LargerCountsGetLargerBadges)
{
    EXPECT_DOUBLE_EQ(voteBadgeHeight(1, 12), VoteBadgeStyle{}.minHeight);
    EXPECT_DOUBLE_EQ(voteBadgeHeight(12, 12), VoteBadgeStyle{}.maxHeight);
    EXPECT_LT(voteBadgeHeight(3, 12), voteBadgeHeight(6, 12));
}

TEST(VoteBadges, FactorBadgesStandOnTheTopEdgeWatchFirst)
{
    const BoxShape box{{100, 200}, 120, 40};
    const auto badges = factorVoteBadges(box, 4, 2, 10);
    ASSERT_EQ(badges.size(), 2u);
    EXPECT_EQ(badges[0].kind, NominationKind::Watch);
    EXPECT_EQ(badges[1].kind, NominationKind::Stop);
    for (const VoteBadge& b : badges)
        EXPECT_NEAR(b.y + b.height, 184, 1e-9); // on the top edge (y 180), reaching 4 over it
    EXPECT_LT(badges[0].x + badges[0].width, badges[1].x); // side by side, not overlapping
    EXPECT_DOUBLE_EQ(badges[0].cornerRadius, badges[0].height / 2); // a pill
    EXPECT_LT(badges[1].cornerRadius, badges[1].height / 4);         // a square-cornered tag
    EXPECT_TRUE(badges[0].glyph.open);
    EXPECT_FALSE(badges[1].glyph.open);
    EXPECT_FALSE(badges[1].glyph.lashes.empty());
}

TEST(VoteBadges, ZeroCountsGetNoBadgeAndLinkBadgesCentreOnTheMiddle)
{
    EXPECT_TRUE(factorVoteBadges(BoxShape{{0, 0}, 100, 30}, 0, 0, 5).empty());
    const auto badges = linkVoteBadges({50, 60}, 3, 0, 5);
    ASSERT_EQ(badges.size(), 1u);
    EXPECT_NEAR(badges[0].x + badges[0].width / 2, 50, 1e-9);
    EXPECT_NEAR(badges[0].y + badges[0].height / 2, 60, 1e-9);
    EXPECT_GT(makeVoteBadge(NominationKind::Watch, 12, 0, 0, 30).width,
              makeVoteBadge(NominationKind::Watch, 3, 0, 0, 30).width); // two digits need room
}

// Factors packed close for a screen leave no spot with room for full-size badges: they are drawn
// smaller there rather than over a label.
TEST(VoteBadges, FactorBadgesShrinkWhereNoSpotHasRoomForThem)
{
    const BoxShape box{{100, 200}, 120, 40};
    const std::vector<BoxShape> boxes{box,
                                      {{100, 134}, 420, 40},  // above, all along
                                      {{100, 266}, 420, 40},  // below
                                      {{265, 200}, 120, 40},  // right
                                      {{-65, 200}, 120, 40}}; // left
    const PlacedVoteBadges placed = placeFactorVoteBadges(box, 12, 12, 12, boxes);
    const auto full = factorVoteBadges(box, 12, 12, 12);
    ASSERT_EQ(placed.badges.size(), full.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
        EXPECT_LT(placed.badges[i].height, full[i].height); // no full-size spot was clear
        EXPECT_GE(placed.badges[i].height, full[i].height / 2 - 1e-9);
        for (const BoxShape& other : boxes)
            EXPECT_FALSE(voteBadgeOverlaps(placed.badges[i], labelArea(other)));
    }
}

TEST(VoteBadges, FactorBadgesMoveOffANeighboursLabel)
{
    const BoxShape box{{100, 200}, 120, 40};
    const BoxShape above{{160, 150}, 120, 40}; // just above and to the right
    // Standing on the top edge at the right end, the badges would cover the neighbour's label.
    bool covered = false;
    for (const VoteBadge& b : factorVoteBadges(box, 12, 12, 12))
        covered = covered || voteBadgeOverlaps(b, labelArea(above));
    ASSERT_TRUE(covered);
    const PlacedVoteBadges placed = placeFactorVoteBadges(box, 12, 12, 12, {box, above});
    ASSERT_EQ(placed.badges.size(), 2u);
    for (const VoteBadge& b : placed.badges) {
        EXPECT_FALSE(voteBadgeOverlaps(b, labelArea(above)));
        EXPECT_FALSE(voteBadgeOverlaps(b, labelArea(box)));
    }
    // With nobody near, the usual place: on the top edge at the right end.
    const PlacedVoteBadges alone = placeFactorVoteBadges(box, 4, 2, 10, {box});
    const auto usual = factorVoteBadges(box, 4, 2, 10);
    ASSERT_EQ(alone.badges.size(), usual.size());
    for (std::size_t i = 0; i < usual.size(); ++i) {
        EXPECT_DOUBLE_EQ(alone.badges[i].x, usual[i].x);
        EXPECT_DOUBLE_EQ(alone.badges[i].y, usual[i].y);
    }
    EXPECT_DOUBLE_EQ(alone.anchor.x, 160); // the top right corner
    EXPECT_DOUBLE_EQ(alone.anchor.y, 180);
}

// ---- round edits as undo steps

TEST_F(Rounds, EachRoundEditIsOneNamedUndoStep)
{
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 1")));
    EXPECT_EQ(doc.undoText(), QStringLiteral("Open round 'Round 1'"));
    const QStringList codes = roundedits::addParticipantCodes(&doc, QStringLiteral("Round 1"), 3);
    EXPECT_EQ(codes, QStringList({QStringLiteral("P1"), QStringLiteral("P2"), QStringLiteral("P3")}));
    Ballot ballot{"P3", {factor("Peer worker skill")}, {factor("Peer workload")}};
    ASSERT_TRUE(roundedits::castBallot(&doc, QStringLiteral("Round 1"), ballot));
    EXPECT_EQ(doc.undoText(), QStringLiteral("Ballot of P3"));
    ASSERT_TRUE(roundedits::setRevealed(&doc, QStringLiteral("Round 1"), true));
    EXPECT_EQ(doc.undoText(), QStringLiteral("Reveal round 'Round 1'"));
    ASSERT_TRUE(roundedits::closeRound(&doc, QStringLiteral("Round 1")));
    EXPECT_EQ(doc.undoText(), QStringLiteral("Close round 'Round 1'"));
    const SystemMap closed = doc.map();

    doc.undo();
    doc.undo();
    doc.undo();
    EXPECT_TRUE(doc.map().rounds()[0].ballots.empty());
    doc.redo();
    doc.redo();
    doc.redo();
    EXPECT_EQ(doc.map(), closed);
}

TEST_F(Rounds, RefusalsLeaveTheMapAndTheUndoStackAlone)
{
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 1")));
    const SystemMap before = doc.map();
    const int steps = doc.undoCount();
    QString error;
    EXPECT_FALSE(roundedits::addRound(&doc, named("Round 1"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("already a round"))) << error.toStdString();
    NominationRound tooBig = named("Round 2");
    tooBig.watchBudget = 21;
    EXPECT_FALSE(roundedits::addRound(&doc, tooBig, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("0 to 20"))) << error.toStdString();
    ASSERT_TRUE(roundedits::closeRound(&doc, QStringLiteral("Round 1")));
    const SystemMap closed = doc.map();
    Ballot late{"P1", {factor("Peer worker skill")}, {}};
    EXPECT_FALSE(roundedits::castBallot(&doc, QStringLiteral("Round 1"), late, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("closed"))) << error.toStdString();
    EXPECT_EQ(doc.map(), closed);
    EXPECT_EQ(doc.undoCount(), steps + 1);
    EXPECT_NE(doc.map(), before);
}

TEST_F(Rounds, ABadBallotsFileImportsNothingAndNamesTheLine)
{
    ASSERT_TRUE(roundedits::addRound(&doc, named("Paper")));
    const SystemMap before = doc.map();
    QString error;
    EXPECT_EQ(roundedits::importBallots(&doc, QStringLiteral("Paper"),
                                        readFile(data("over-budget.csv")), &error),
              0u);
    EXPECT_TRUE(error.contains(QStringLiteral("line 5"))) << error.toStdString();
    EXPECT_EQ(doc.map(), before);
    EXPECT_EQ(roundedits::importBallots(&doc, QStringLiteral("Paper"), readFile(data("round1.csv")),
                                        &error),
              12u);
    EXPECT_EQ(withoutCr(revealedTallyCsv(doc.map(), doc.map().rounds()[0])), readFile(data("round1-tally.csv")));
    doc.undo(); // the whole file is one step
    EXPECT_EQ(doc.map(), before);
}

// ---- the voting session

TEST_F(Rounds, AFourthWatchIsRefusedAndTheDraftStaysAsItWas)
{
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 1")));
    VotingSession session(&doc);
    ASSERT_TRUE(session.start(QStringLiteral("Round 1")));
    QStringList refusals;
    QObject::connect(&session, &VotingSession::refused,
                     [&](const QString& message) { refusals << message; });
    EXPECT_FALSE(session.toggle(factor("Peer worker skill"), NominationKind::Watch)); // nobody yet
    session.setParticipant(QStringLiteral("Ana"));
    for (const char* label : {"Peer worker skill", "Client trust in the service",
                              "Client visits to the NSP"})
        EXPECT_TRUE(session.click(factor(label), Qt::LeftButton));
    EXPECT_EQ(session.budgetText(), QStringLiteral("Watch: 0 of 3 left   Stop: 3 of 3 left"));
    const Ballot full = session.draft();
    EXPECT_FALSE(session.click(factor("HIV and HCV transmission"), Qt::LeftButton));
    EXPECT_EQ(session.draft(), full);
    EXPECT_TRUE(refusals.last().contains(QStringLiteral("All 3 watch"))) << refusals.last().toStdString();

    // Right click: stop. Clicking again takes it back; stop on a watched item moves it.
    EXPECT_TRUE(session.click(factor("Peer workload"), Qt::RightButton));
    EXPECT_EQ(session.remaining(NominationKind::Stop), 2);
    EXPECT_TRUE(session.click(factor("Peer workload"), Qt::RightButton));
    EXPECT_EQ(session.remaining(NominationKind::Stop), 3);
    EXPECT_TRUE(session.toggle(factor("Peer worker skill"), NominationKind::Stop));
    EXPECT_EQ(session.remaining(NominationKind::Watch), 1);
    EXPECT_EQ(session.draft().stop, std::vector<ItemRef>{factor("Peer worker skill")});

    ASSERT_TRUE(session.submit());
    EXPECT_TRUE(session.participant().isEmpty()); // cleared for the next person
    EXPECT_TRUE(session.hasVoted(QStringLiteral("Ana")));
    EXPECT_EQ(doc.undoText(), QStringLiteral("Ballot of Ana"));
}

TEST_F(Rounds, AFactorsOnlyRoundRefusesLinks)
{
    NominationRound r = named("Factors");
    r.allowLinks = false;
    ASSERT_TRUE(roundedits::addRound(&doc, r));
    VotingSession session(&doc);
    ASSERT_TRUE(session.start(QStringLiteral("Factors")));
    session.setParticipant(QStringLiteral("P1"));
    EXPECT_FALSE(session.toggle(ItemRef::of(doc.map().linkIds().front()), NominationKind::Watch));
    EXPECT_TRUE(session.draft().watch.empty());
}

TEST_F(Rounds, ClosingTheRoundEndsVotingAndASecondStartIsRefused)
{
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 1")));
    VotingSession session(&doc);
    ASSERT_TRUE(session.start(QStringLiteral("Round 1")));
    ASSERT_TRUE(roundedits::closeRound(&doc, QStringLiteral("Round 1")));
    EXPECT_FALSE(session.isActive());
    EXPECT_FALSE(session.start(QStringLiteral("Round 1")));
}

// ---- badges on the canvas

TEST_F(Rounds, BadgesShowOnlyOnceTheRoundIsRevealed)
{
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 1")));
    ASSERT_EQ(roundedits::importBallots(&doc, QStringLiteral("Round 1"), readFile(data("round1.csv"))),
              12u);
    VoteOverlay overlay(&scene);
    overlay.showRound(QStringLiteral("Round 1"));
    EXPECT_EQ(badgeItems(), 0);
    ASSERT_TRUE(roundedits::setRevealed(&doc, QStringLiteral("Round 1"), true));
    EXPECT_EQ(badgeItems(), 10); // one item per nominated factor or link
    int watchBadges = 0, stopBadges = 0;
    for (QGraphicsItem* item : scene.items())
        if (item->type() == VoteBadgeItem::Type)
            for (const VoteBadge& b : static_cast<VoteBadgeItem*>(item)->badges())
                (b.kind == NominationKind::Watch ? watchBadges : stopBadges) += 1;
    EXPECT_EQ(watchBadges, 7);
    EXPECT_EQ(stopBadges, 5);
    // A voter's draft replaces the counts; hiding the round takes the badges away.
    overlay.showDraft(Ballot{"P1", {factor("Peer worker skill")}, {}});
    EXPECT_EQ(badgeItems(), 1);
    overlay.clearDraft();
    doc.undo(); // unreveal
    EXPECT_EQ(badgeItems(), 0);
}

TEST_F(Rounds, NoBadgeCoversAFactorsLabelOnTheSampleMap)
{
    // Every factor nominated by everyone, both kinds: the largest badges there can be, at their
    // size and larger (the canvas once drew them up to twice that, relative to the map, on a
    // map fitted to a projector).
    std::vector<BoxShape> boxes;
    for (FactorId id : doc.map().factorIds())
        boxes.push_back(scene.factorItem(id)->box());
    int coveredBefore = 0;
    for (const double scale : {1.0, 1.6}) {
        VoteBadgeStyle style;
        style.minHeight *= scale;
        style.maxHeight *= scale;
        style.gap *= scale;
        for (const BoxShape& box : boxes) {
            for (const VoteBadge& b : factorVoteBadges(box, 12, 12, 12, style))
                for (const BoxShape& other : boxes)
                    coveredBefore += voteBadgeOverlaps(b, labelArea(other));
            for (const VoteBadge& b : placeFactorVoteBadges(box, 12, 12, 12, boxes, style).badges)
                for (const BoxShape& other : boxes)
                    EXPECT_FALSE(voteBadgeOverlaps(b, labelArea(other))) << scale;
        }
    }
    EXPECT_GT(coveredBefore, 0); // the map is dense enough for the test to mean something

    // On the canvas, at 100 %: the revealed round's badges, in scene coordinates.
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 1", /*secret=*/false)));
    for (const Factor& f : doc.map().factors()) {
        const std::string n = std::to_string(f.id.value);
        QString error;
        ASSERT_TRUE(roundedits::castBallot(&doc, QStringLiteral("Round 1"),
                                           Ballot{"W" + n, {ItemRef::of(f.id)}, {}}, &error))
            << error.toStdString();
        ASSERT_TRUE(roundedits::castBallot(&doc, QStringLiteral("Round 1"),
                                           Ballot{"S" + n, {}, {ItemRef::of(f.id)}}, &error))
            << error.toStdString();
    }
    ASSERT_TRUE(roundedits::setRevealed(&doc, QStringLiteral("Round 1"), true));
    VoteOverlay overlay(&scene);
    overlay.showRound(QStringLiteral("Round 1"));
    ASSERT_GT(badgeItems(), 0);
    for (QGraphicsItem* item : scene.items()) {
        if (item->type() != VoteBadgeItem::Type)
            continue;
        for (VoteBadge b : static_cast<VoteBadgeItem*>(item)->badges()) {
            b.x += item->pos().x();
            b.y += item->pos().y();
            for (const BoxShape& other : boxes)
                EXPECT_FALSE(voteBadgeOverlaps(b, labelArea(other)));
        }
    }
}

// ---- results

TEST_F(Rounds, TheResultsTableListsTheTallyWithTiesAndAgreement)
{
    NominationRound r = named("Round 1", /*secret=*/true);
    ASSERT_TRUE(roundedits::addRound(&doc, r));
    ASSERT_EQ(roundedits::importBallots(&doc, QStringLiteral("Round 1"), readFile(data("round1.csv"))),
              12u);
    ResultsView view(&doc);
    view.setRound(QStringLiteral("Round 1"));
    EXPECT_EQ(view.table()->rowCount(), 0); // secret until revealed
    ASSERT_TRUE(roundedits::setRevealed(&doc, QStringLiteral("Round 1"), true));
    ASSERT_EQ(view.table()->rowCount(), 10);
    EXPECT_EQ(view.table()->item(0, 0)->text(), QStringLiteral("Client trust in the service"));
    EXPECT_EQ(view.table()->item(0, 2)->text(), QStringLiteral("10"));
    EXPECT_EQ(view.table()->item(0, 6)->text(), QStringLiteral("83 %"));
    EXPECT_EQ(view.table()->item(9, 5)->text(), QStringLiteral("=8"));
    EXPECT_EQ(view.chart()->rows().size(), 10u);

    // A second round compared with the first: what moved.
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 2", /*secret=*/false)));
    Ballot one{"P1", {factor("Peer workload")}, {}};
    ASSERT_TRUE(roundedits::castBallot(&doc, QStringLiteral("Round 2"), one));
    view.setRound(QStringLiteral("Round 2"));
    view.setCompareWith(QStringLiteral("Round 1"));
    ASSERT_EQ(view.table()->rowCount(), 10);
    EXPECT_EQ(view.table()->horizontalHeaderItem(3)->text(), QStringLiteral("Watch change"));
    // Biggest change first: client trust lost all 10 watch nominations.
    EXPECT_EQ(view.table()->item(0, 0)->text(), QStringLiteral("Client trust in the service"));
    EXPECT_EQ(view.table()->item(0, 3)->text(), QString(QChar(0x2212)) + QStringLiteral("10"));
    const auto workload = view.table()->findItems(QStringLiteral("Peer workload"), Qt::MatchExactly);
    ASSERT_EQ(workload.size(), 1);
    EXPECT_EQ(view.table()->item(workload[0]->row(), 3)->text(), QStringLiteral("+1"));
}

TEST(RoundDialogTest, SettingsComeFromTheFields)
{
    NominationRound start;
    start.name = "Round 1";
    RoundDialog dialog(start, true);
    dialog.nameEdit()->setText(QStringLiteral("  Before lunch "));
    dialog.watchBudget()->setValue(5);
    dialog.stopBudget()->setValue(25); // clamped to the maximum
    const NominationRound r = dialog.settings();
    EXPECT_EQ(r.name, "Before lunch");
    EXPECT_EQ(r.watchBudget, 5);
    EXPECT_EQ(r.stopBudget, kMaxNominationBudget);
    EXPECT_TRUE(r.secret);
}

// ---- deleting nominated items

TEST_F(Rounds, DeletingANominatedFactorAsksAndUndoBringsTheNominationsBack)
{
    ASSERT_TRUE(roundedits::addRound(&doc, named("Round 1")));
    ASSERT_EQ(roundedits::importBallots(&doc, QStringLiteral("Round 1"), readFile(data("round1.csv"))),
              12u);
    const SystemMap before = doc.map();
    int asked = 0;
    bool answer = false;
    scene.setRemovalGuard([&](const std::vector<FactorId>&, const std::vector<LinkId>&) {
        ++asked;
        return answer;
    });
    const FactorId trust = factor("Client trust in the service").factor;
    scene.selectOnly({trust});
    scene.deleteSelection();
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(doc.map(), before); // "no": nothing deleted
    answer = true;
    scene.deleteSelection();
    EXPECT_FALSE(doc.map().contains(trust));
    // Its 10 watch nominations and the 4 of its link to client visits went in the same step.
    EXPECT_EQ(tallyRound(doc.map().rounds()[0]).size(), 8u);
    doc.undo();
    EXPECT_EQ(doc.map(), before);
}

TEST_F(Rounds, ARoundExportedToItsOwnFileImportsIntoAnotherCopyOfTheMapAsOneStep)
{
    QString error;
    ASSERT_TRUE(roundedits::addRound(&doc, named("Before"), &error)) << error.toStdString();
    ASSERT_EQ(roundedits::importBallots(&doc, "Before", readFile(data("round1.csv")), &error), 12u)
        << error.toStdString();
    ASSERT_TRUE(roundedits::setRevealed(&doc, "Before", true)); // a secret round's file stays in
    const std::string file = exportRoundJson(doc.map(), *roundedits::findRound(&doc, "Before"));

    Document other;
    ASSERT_TRUE(other.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error));
    EXPECT_EQ(roundedits::importRound(&other, file, &error), "Before") << error.toStdString();
    EXPECT_EQ(other.undoCount(), 1);
    EXPECT_EQ(revealedTallyCsv(other.map(), *roundedits::findRound(&other, "Before")),
              revealedTallyCsv(doc.map(), *roundedits::findRound(&doc, "Before")));
    // A second import does not overwrite the first.
    EXPECT_EQ(roundedits::importRound(&other, file, &error), "Before (imported)");
    EXPECT_EQ(other.map().rounds().size(), 2u);
    // A broken file changes nothing.
    EXPECT_TRUE(roundedits::importRound(&other, "{\"format\":\"causeway-round\"}", &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(other.map().rounds().size(), 2u);
}
