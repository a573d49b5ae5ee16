#include "app/rounds/votingsession.h"

#include "app/document/document.h"
#include "app/rounds/roundedits.h"
#include "model/nominations.h"

#include <algorithm>

namespace causeway {

VotingSession::VotingSession(Document* document, QObject* parent)
    : QObject(parent), m_document(document)
{
    // Undo, a reload or another edit may take the round away or close it under us.
    auto check = [this] {
        if (!isActive())
            return;
        const NominationRound* r = round();
        if (!r || r->closed) {
            stop();
            return;
        }
        emit changed(); // budgets or participants may have changed
    };
    connect(document, &Document::mapDataChanged, this, check);
    connect(document, &Document::reset, this, check);
}

const NominationRound* VotingSession::round() const
{
    return m_round.isEmpty() ? nullptr : roundedits::findRound(m_document, m_round);
}

bool VotingSession::start(const QString& roundName)
{
    const NominationRound* r = roundedits::findRound(m_document, roundName);
    if (!r) {
        emit refused(tr("There is no round called '%1'.").arg(roundName));
        return false;
    }
    if (r->closed) {
        emit refused(tr("Round '%1' is closed: its results are frozen.").arg(roundName));
        return false;
    }
    m_round = roundName;
    m_ballot = {};
    m_mode = NominationKind::Watch;
    emit changed();
    return true;
}

void VotingSession::stop()
{
    if (!isActive())
        return;
    m_round.clear();
    m_ballot = {};
    emit changed();
    emit stopped();
}

void VotingSession::setParticipant(const QString& participant)
{
    m_ballot = {};
    m_ballot.participant = participant.trimmed().toStdString();
    m_mode = NominationKind::Watch;
    emit changed();
}

bool VotingSession::hasVoted(const QString& participant) const
{
    const NominationRound* r = round();
    if (!r)
        return false;
    const std::string name = participant.toStdString();
    return std::any_of(r->ballots.begin(), r->ballots.end(),
                       [&](const Ballot& b) { return b.participant == name; });
}

void VotingSession::setMode(NominationKind mode)
{
    if (mode != m_mode) {
        m_mode = mode;
        emit changed();
    }
}

int VotingSession::budget(NominationKind kind) const
{
    const NominationRound* r = round();
    if (!r)
        return 0;
    return kind == NominationKind::Watch ? r->watchBudget : r->stopBudget;
}

int VotingSession::remaining(NominationKind kind) const
{
    const auto& list = kind == NominationKind::Watch ? m_ballot.watch : m_ballot.stop;
    return budget(kind) - int(list.size());
}

QString VotingSession::budgetText() const
{
    return tr("Watch: %1 of %2 left   Stop: %3 of %4 left")
        .arg(remaining(NominationKind::Watch))
        .arg(budget(NominationKind::Watch))
        .arg(remaining(NominationKind::Stop))
        .arg(budget(NominationKind::Stop));
}

bool VotingSession::click(ItemRef item, Qt::MouseButton button)
{
    if (button != Qt::LeftButton && button != Qt::RightButton)
        return false;
    NominationKind kind = m_mode;
    if (button == Qt::RightButton)
        kind = m_mode == NominationKind::Watch ? NominationKind::Stop : NominationKind::Watch;
    return toggle(item, kind);
}

bool VotingSession::toggle(ItemRef item, NominationKind kind)
{
    const NominationRound* r = round();
    if (!r || m_ballot.participant.empty()) {
        emit refused(tr("Pick your name first, then click the factors and links."));
        return false;
    }
    if (item.isLink() && !r->allowLinks) {
        emit refused(tr("This round takes factors only, not links."));
        return false;
    }
    auto& mine = kind == NominationKind::Watch ? m_ballot.watch : m_ballot.stop;
    auto& other = kind == NominationKind::Watch ? m_ballot.stop : m_ballot.watch;
    const QString name = QString::fromStdString(itemName(m_document->map(), item));
    if (auto it = std::find(mine.begin(), mine.end(), item); it != mine.end()) {
        mine.erase(it); // clicking again takes it back
        emit changed();
        return true;
    }
    if (remaining(kind) <= 0) {
        const bool watch = kind == NominationKind::Watch;
        emit refused(watch ? tr("All %1 watch nominations are used: click one of them again to "
                                "take it back first.").arg(budget(kind))
                           : tr("All %1 stop nominations are used: click one of them again to "
                                "take it back first.").arg(budget(kind)));
        return false;
    }
    std::erase(other, item); // an item is in one kind of a ballot at most
    mine.push_back(item);
    emit changed();
    return true;
}

bool VotingSession::submit()
{
    if (!isActive() || m_ballot.participant.empty())
        return false;
    QString error;
    const QString who = participant();
    if (!roundedits::castBallot(m_document, m_round, m_ballot, &error)) {
        emit refused(error.isEmpty() ? tr("The ballot was not cast.") : error);
        return false;
    }
    m_ballot = {};
    m_mode = NominationKind::Watch;
    emit changed();
    emit submitted(who);
    return true;
}

void VotingSession::discard()
{
    m_ballot = {};
    m_mode = NominationKind::Watch;
    emit changed();
}

} // namespace causeway
