// The Rounds dock's actions without dialogs (offscreen): refusals shown, voting takes over the
// canvas's clicks and gives them back, the removal question counts the nominations.
#include "app/canvasscene.h"
#include "app/document.h"
#include "app/roundedits.h"
#include "app/roundspanel.h"
#include "app/votingpanel.h"
#include "app/votingsession.h"

#include <QLabel>
#include <QPushButton>

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
