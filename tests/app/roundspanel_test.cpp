// The Rounds dock's actions without dialogs (offscreen): refusals shown, voting takes over the
// canvas's clicks and gives them back, the removal question counts the nominations.
#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/rounds/roundedits.h"
#include "app/rounds/roundspanel.h"
#include "app/rounds/votingpanel.h"
#include "app/rounds/votingsession.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace causeway;

namespace {

struct Panel : ::testing::Test {
    Document doc;
    CanvasScene scene{&doc};
    RoundsPanel panel{&scene};
    QStringList questions;
    bool answer = true;

    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error));
        panel.setAsk([this](const QString&, const QString& text) {
            questions << text;
            return answer;
        });
        NominationRound r;
        r.name = "Round 1";
        ASSERT_TRUE(panel.createRound(r));
    }
};

} // namespace

TEST_F(Panel, ACreatedRoundBecomesCurrentAndADuplicateIsRefusedWithItsReason)
{
    EXPECT_EQ(panel.currentRound(), QStringLiteral("Round 1"));
    NominationRound again;
    again.name = "Round 1";
    EXPECT_FALSE(panel.createRound(again));
    EXPECT_TRUE(panel.messageLabel()->text().contains(QStringLiteral("already a round")));
    EXPECT_EQ(doc.map().rounds().size(), 1u);
}

TEST_F(Panel, VotingTakesTheCanvasClicksAndEndingGivesThemBack)
{
    EXPECT_FALSE(scene.isIntercepting());
    ASSERT_TRUE(panel.startVoting());
    EXPECT_TRUE(scene.isIntercepting());
    EXPECT_TRUE(panel.votingPanel()->isPickingParticipant());
    panel.endVoting();
    EXPECT_FALSE(scene.isIntercepting());
    ASSERT_TRUE(panel.closeCurrent());
    EXPECT_FALSE(panel.startVoting()); // frozen
    EXPECT_FALSE(scene.isIntercepting());
}

TEST_F(Panel, ReVotingAsksFirst)
{
    roundedits::addParticipantCodes(&doc, QStringLiteral("Round 1"), 2);
    ASSERT_TRUE(panel.startVoting());
    VotingPanel* voting = panel.votingPanel();
    ASSERT_NE(voting->participantButton(QStringLiteral("P1")), nullptr);
    voting->participantButton(QStringLiteral("P1"))->click();
    ASSERT_TRUE(panel.session()->submit()); // an empty ballot counts as having voted
    EXPECT_TRUE(questions.isEmpty());
    answer = false;
    EXPECT_FALSE(voting->pick(QStringLiteral("P1")));
    ASSERT_EQ(questions.size(), 1);
    EXPECT_TRUE(questions[0].contains(QStringLiteral("already voted")));
    EXPECT_TRUE(panel.session()->participant().isEmpty());
    EXPECT_TRUE(voting->participantButton(QStringLiteral("P1"))->text().contains(QChar(0x2713)));
}

TEST_F(Panel, DeletingNominatedItemsSaysHowManyNominationsGo)
{
    roundedits::importBallots(&doc, QStringLiteral("Round 1"),
                              "Participant,Kind,Item\nA,watch,Peer worker skill\n"
                              "B,watch,Peer worker skill\nB,stop,Peer workload\n");
    const FactorId skill = *doc.map().findFactorByLabel("Peer worker skill");
    const FactorId workload = *doc.map().findFactorByLabel("Peer workload");
    EXPECT_TRUE(panel.confirmRemoval({workload}, {}));
    EXPECT_TRUE(panel.confirmRemoval({skill}, {}));
    ASSERT_EQ(questions.size(), 2);
    EXPECT_TRUE(questions[0].startsWith(QStringLiteral("1 nomination in round(s) 'Round 1'")))
        << questions[0].toStdString();
    EXPECT_TRUE(questions[1].startsWith(QStringLiteral("2 nominations"))) << questions[1].toStdString();
    const FactorId plain = *doc.map().findFactorByLabel("Outreach to client networks");
    // Outreach's links are not nominated either: nothing to ask.
    EXPECT_TRUE(panel.confirmRemoval({plain}, {}));
    EXPECT_EQ(questions.size(), 2);
}

// ---- a secret round's ballots stay in the editor until it is revealed

namespace {
QPushButton* buttonNamed(const QWidget& panel, const QString& text)
{
    for (QPushButton* b : panel.findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

QAction* menuAction(const QMainWindow& window, const QString& text)
{
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions())
                if (a->text().remove(QLatin1Char('&')) == text)
                    return a;
    return nullptr;
}
} // namespace

TEST_F(Panel, ASecretRoundsBallotsTallyAndRoundFileCannotBeExportedUntilItIsRevealed)
{
    ASSERT_TRUE(roundedits::importBallots(&doc, QStringLiteral("Round 1"),
                                          "Participant,Kind,Item\nA,watch,Peer worker skill\n"));
    ASSERT_TRUE(doc.map().rounds()[0].secret);
    QTemporaryDir dir;
    const QString ballots = dir.filePath(QStringLiteral("ballots.csv"));
    const QString tally = dir.filePath(QStringLiteral("tally.csv"));
    const QString round = dir.filePath(QStringLiteral("round.causeway-round"));
    EXPECT_FALSE(panel.exportBallots(ballots));
    EXPECT_TRUE(panel.messageLabel()->text().contains(QStringLiteral("Reveal the round first")))
        << panel.messageLabel()->text().toStdString();
    EXPECT_FALSE(panel.exportTally(tally));
    EXPECT_FALSE(panel.exportRound(round));
    for (const QString& path : {ballots, tally, round})
        EXPECT_FALSE(QFile::exists(path)) << path.toStdString();
    for (const char* text : {"Export ballots...", "Export tally...", "Export round..."}) {
        QPushButton* b = buttonNamed(panel, QString::fromLatin1(text));
        ASSERT_NE(b, nullptr) << text;
        EXPECT_FALSE(b->isEnabled()) << text;
        EXPECT_TRUE(b->toolTip().contains(QStringLiteral("Reveal the round first"))) << text;
    }

    ASSERT_TRUE(panel.reveal(true));
    EXPECT_TRUE(buttonNamed(panel, QStringLiteral("Export ballots..."))->isEnabled());
    EXPECT_TRUE(panel.exportBallots(ballots));
    EXPECT_TRUE(panel.exportTally(tally));
    EXPECT_TRUE(panel.exportRound(round));
    for (const QString& path : {ballots, tally, round})
        EXPECT_TRUE(QFile::exists(path)) << path.toStdString();
}

TEST_F(Panel, AnOpenRoundThatIsNotSecretCanBeExportedBeforeAnyReveal)
{
    NominationRound open;
    open.name = "Open vote";
    open.secret = false;
    ASSERT_TRUE(panel.createRound(open));
    QTemporaryDir dir;
    EXPECT_TRUE(panel.exportTally(dir.filePath(QStringLiteral("tally.csv"))));
}

TEST(RoundsMenu, ExportActionsAreDisabledWithTheReasonWhileTheRoundIsSecret)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error));
    CanvasScene scene(&doc);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&Help"));
    RoundsPanel* panel = RoundsPanel::install(&window, &scene, nullptr);
    NominationRound r;
    r.name = "Round 1";
    ASSERT_TRUE(panel->createRound(r));
    for (const char* text : {"Export Ballots...", "Export Tally...", "Export Round..."}) {
        QAction* a = menuAction(window, QString::fromLatin1(text));
        ASSERT_NE(a, nullptr) << text;
        EXPECT_FALSE(a->isEnabled()) << text;
        EXPECT_TRUE(a->toolTip().contains(QStringLiteral("Reveal the round first"))) << text;
    }
    ASSERT_TRUE(panel->reveal(true));
    EXPECT_TRUE(menuAction(window, QStringLiteral("Export Ballots..."))->isEnabled());
}
