#pragma once

#include "model/nomination.h"

#include <QObject>
#include <QString>

namespace causeway {

class Document;

// "Pass the mouse": the state of voting on one open round at the shared screen. A participant
// is picked, their choices are collected in a draft ballot (checked against the round's budgets
// as they click), and Submit casts it as one undo step, then clears for the next person.
// Nothing here writes to the map except submit().
class VotingSession : public QObject {
    Q_OBJECT
public:
    explicit VotingSession(Document* document, QObject* parent = nullptr);

    // Starts voting on the round (refused, with a message, when it is missing or closed).
    bool start(const QString& roundName);
    void stop();
    bool isActive() const { return !m_round.isEmpty(); }
    QString roundName() const { return m_round; }
    const NominationRound* round() const;

    // The person at the mouse; empty between voters. Their draft starts empty.
    void setParticipant(const QString& participant);
    QString participant() const { return m_ballot.participant.empty() ? QString() : QString::fromStdString(m_ballot.participant); }
    bool hasVoted(const QString& participant) const;

    // The kind a left click nominates; a right click nominates the other kind.
    NominationKind mode() const { return m_mode; }
    void setMode(NominationKind mode);

    // A click on an item: adds it to `kind` (moving it from the other kind), or takes it back
    // when it is already there. Refused (returns false, emits refused) over budget, for a link in
    // a factors-only round, or with nobody voting.
    bool toggle(ItemRef item, NominationKind kind);
    // A canvas click: left = the current mode, right = the other kind.
    bool click(ItemRef item, Qt::MouseButton button);

    const Ballot& draft() const { return m_ballot; }
    int remaining(NominationKind kind) const;
    int budget(NominationKind kind) const;
    // "Watch: 2 of 3 left   Stop: 3 of 3 left"
    QString budgetText() const;

    // Casts the draft ballot (replacing an earlier one of the same participant) and clears.
    bool submit();
    // Drops the draft without casting.
    void discard();

signals:
    void changed();               // participant, draft, mode or round changed
    void refused(const QString& message);
    void submitted(const QString& participant);
    void stopped();

private:
    Document* m_document;
    QString m_round;
    Ballot m_ballot;
    NominationKind m_mode = NominationKind::Watch;
};

} // namespace causeway
