// The presentation's turn screen counts who has voted out of everyone voting, the person at
// the mouse included.
#include "app/document/document.h"
#include "app/present/presentationview.h"
#include "app/present/turnscreen.h"
#include "app/rounds/roundedits.h"
#include "app/rounds/votingsession.h"

#include <QApplication>

#include <gtest/gtest.h>

using namespace causeway;

TEST(TurnScreen, ASixthVoterAfterFiveHaveVotedCountsInTheTotal)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    NominationRound settings;
    settings.name = "Round 1";
    ASSERT_TRUE(roundedits::addRound(&doc, settings, &error)) << error.toStdString();
    const QStringList five = roundedits::addParticipantCodes(&doc, QStringLiteral("Round 1"), 5);
    ASSERT_EQ(five.size(), 5);
    const FactorId some = doc.map().factorIds().front();
    VotingSession session(&doc);
    ASSERT_TRUE(session.start(QStringLiteral("Round 1")));
    for (const QString& who : five) {
        session.setParticipant(who);
        ASSERT_TRUE(session.toggle(ItemRef::of(some), NominationKind::Watch));
        ASSERT_TRUE(session.submit());
    }
    PresentationView view(&doc);
    TurnScreen turn(&session, &view);
    EXPECT_TRUE(turn.detail().contains(QStringLiteral("5 of 5 have voted")))
        << turn.detail().toStdString();

    session.setParticipant(QStringLiteral("Sam")); // a walk-in, not on the round's list
    EXPECT_EQ(turn.headline(), QStringLiteral("Sam's turn"));
    EXPECT_TRUE(turn.detail().contains(QStringLiteral("5 of 6 have voted")))
        << turn.detail().toStdString();
    ASSERT_TRUE(session.toggle(ItemRef::of(some), NominationKind::Watch));
    ASSERT_TRUE(session.submit());
    EXPECT_TRUE(turn.detail().contains(QStringLiteral("6 of 6 have voted")))
        << turn.detail().toStdString();

    session.setParticipant(five.front()); // voting again: still one of six
    EXPECT_TRUE(turn.detail().contains(QStringLiteral("6 of 6 have voted")))
        << turn.detail().toStdString();
}
