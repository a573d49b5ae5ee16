// Phone voting in the editor: the vote/ library's session and server, with every accepted
// change written into the Document and its recovery copy on the GUI thread before the phone
// hears it was taken.
#include "app/rounds/phonevoting.h"

#include "app/document/document.h"
#include "app/document/qtstrings.h"
#include "model/nominations.h"
#include "vote/voteserver.h"
#include "vote/votesession.h"

#include <QEventLoop>
#include <QScopedValueRollback>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <thread>

namespace causeway {

void runBesideEventLoop(const std::function<void()>& work)
{
    QEventLoop loop;
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            work();
        } catch (...) {
            failure = std::current_exception();
        }
        // Queued: delivered once the loop below runs, even if work finished before it started.
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    // The facilitator's clicks wait; ballots being written (queued calls) go through. Should an
    // event handler throw, the worker is still joined before the exception goes on.
    try {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    } catch (...) {
        worker.join();
        throw;
    }
    worker.join();
    if (failure)
        std::rethrow_exception(failure);
}

PhoneVoting::PhoneVoting(Document* document, QObject* parent)
    : QObject(parent), m_document(document), m_poll(new QTimer(this))
{
    m_poll->setInterval(200);
    connect(m_poll, &QTimer::timeout, this, &PhoneVoting::poll);
    // Another map replaced this one: its round stays open in its file, to resume.
    connect(document, &Document::reset, this, [this] { stopServing(); });
    // The window is closing: the views that would hear of it are going too.
    connect(document, &QObject::destroyed, this, [this] { stopServing(/*notify=*/false); });
}

PhoneVoting::~PhoneVoting()
{
    stopServing(/*notify=*/false);
}

bool PhoneVoting::open(const QString& roundName, const QString& host, quint16 port, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_server)
        return fail(tr("Round '%1' is already open to phones: close it first.").arg(m_round));
    if (!m_document)
        return fail(tr("There is no map to vote on."));
    if (!m_persist)
        return fail(tr("Phone voting needs autosave, which keeps every ballot safe in a recovery "
                       "copy before the phone is told it was taken."));
    const NominationRound* round = findRound(m_document->map(), roundName.toStdString());
    if (!round)
        return fail(tr("There is no round called '%1'.").arg(roundName));
    if (round->closed)
        return fail(tr("Round '%1' is closed: its results are frozen.").arg(roundName));
    if (!m_document->factorEditLock().isEmpty())
        return fail(tr("Finish the voting under way first: %1").arg(m_document->factorEditLock()));
    if (host.trimmed().isEmpty())
        return fail(tr("Give an address to listen on, for example 192.168.1.20 or 127.0.0.1."));
    try {
        auto session = std::make_unique<vote::VoteSession>(
            m_document->map(), roundName.toStdString(), vote::makeJoinCode(),
            [this](const SystemMap& map) { commit(map); });
        auto server = std::make_unique<vote::VoteServer>(*session, host.trimmed().toStdString(), port);
        m_round = roundName;
        m_removed.clear();
        m_accepting = true;
        server->start();
        m_session = std::move(session);
        m_server = std::move(server);
    } catch (const std::exception& e) {
        m_round.clear();
        m_accepting = false;
        return fail(tr("Round '%1' could not be opened to phones: %2")
                        .arg(roundName, QString::fromUtf8(e.what())));
    }
    m_lock = tr("Round '%1' is open to phones: the map can be changed again when the round closes.")
                 .arg(roundName);
    m_document->setFactorEditLock(m_lock);
    m_seenVersion = 0;
    m_poll->start();
    emit opened();
    emit roomChanged();
    return true;
}

void PhoneVoting::commit(const SystemMap& map)
{
    const NominationRound* found = findRound(map, m_round.toStdString());
    if (!found)
        throw std::runtime_error("the round is not in the map");
    const NominationRound round = *found;
    bool ok = false;
    QString error;
    if (QThread::currentThread() == thread())
        ok = applyRound(round, &error);
    else if (!QMetaObject::invokeMethod(
                 this, [&] { ok = applyRound(round, &error); }, Qt::BlockingQueuedConnection))
        error = tr("The editor is no longer taking ballots.");
    if (!ok) // VoteSession takes the change back and refuses it
        throw std::runtime_error(error.isEmpty() ? "The editor did not take the change." : error.toStdString());
}

bool PhoneVoting::applyRound(const NominationRound& round, QString* error)
{
    if (!m_accepting || !m_document) {
        *error = tr("The editor is no longer taking ballots.");
        return false;
    }
    MapData data = mapDataOf(m_document->map());
    auto it = std::find_if(data.rounds.begin(), data.rounds.end(),
                           [&](const NominationRound& r) { return r.name == round.name; });
    if (it == data.rounds.end()) {
        *error = tr("Round '%1' is no longer in the map.").arg(q(round.name));
        return false;
    }
    const MapData before = data;
    *it = round; // the session's round: the Document's own changes to it are refused while open
    if (data != before && !m_document->updateMapData(data, tr("Phone ballots in '%1'").arg(q(round.name)))) {
        *error = tr("The map did not take the change.");
        return false;
    }
    QString why;
    if (!m_persist(&why) && !why.isEmpty()) {
        // Not durable, so not taken: the Document goes back to what the recovery copy holds.
        m_document->updateMapData(before, tr("Take back an unsaved phone ballot"));
        *error = why;
        return false;
    }
    return true;
}

void PhoneVoting::poll()
{
    if (!m_session)
        return;
    if (m_busy) // closing or removing: that call finishes the job
        return;
    // Closed through the API (POST /api/close): once the close is in the Document (the session
    // says closed before its change is written), there is nothing more to serve.
    const NominationRound* round = m_document ? findRound(m_document->map(), m_round.toStdString()) : nullptr;
    if (!round || round->closed) {
        stopServing();
        return;
    }
    const vote::RoomStatus status = m_session->status();
    if (status.version != m_seenVersion) {
        m_seenVersion = status.version;
        emit roomChanged();
    }
}

bool PhoneVoting::removeParticipant(const QString& name, QString* error)
{
    if (!m_session) {
        *error = tr("No round is open to phones.");
        return false;
    }
    bool found = false;
    try {
        const QScopedValueRollback busy(m_busy, true);
        runBesideEventLoop([&] { found = m_session->removeParticipant(name.toStdString()); });
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    if (!found) {
        *error = tr("Nobody called '%1' has joined or voted.").arg(name);
        return false;
    }
    m_removed << name;
    emit roomChanged();
    return true;
}

bool PhoneVoting::close(QString* error)
{
    if (!m_session) {
        *error = tr("No round is open to phones.");
        return false;
    }
    try {
        const QScopedValueRollback busy(m_busy, true);
        runBesideEventLoop([session = m_session.get()] { session->close(); });
    } catch (const std::exception& e) {
        *error = tr("Round '%1' could not be closed: %2").arg(m_round, QString::fromUtf8(e.what()));
        return false;
    }
    stopServing();
    return true;
}

void PhoneVoting::stopServing(bool notify)
{
    // Not again from within the event loop below, nor under a close or removal still running.
    if (!m_server || m_stopping || m_busy)
        return;
    const QScopedValueRollback stopping(m_stopping, true);
    m_accepting = false; // a ballot still being written is refused, never half taken
    m_poll->stop();
    vote::VoteServer* server = m_server.get();
    runBesideEventLoop([server] { server->stop(); });
    m_closedRoom = room();
    m_server.reset();
    m_session.reset();
    if (m_document && m_document->factorEditLock() == m_lock)
        m_document->setFactorEditLock({});
    if (notify) {
        emit roomChanged();
        emit finished();
    }
}

QString PhoneVoting::joinUrl() const
{
    return m_server ? QString::fromStdString(m_server->joinUrl()) : QString();
}

QString PhoneVoting::address() const
{
    const QString url = joinUrl();
    return url.left(url.indexOf(QLatin1String("/?")));
}

QString PhoneVoting::joinCode() const
{
    return m_session ? QString::fromStdString(m_session->joinCode()) : QString();
}

quint16 PhoneVoting::port() const
{
    return m_server ? m_server->port() : 0;
}

PhoneRoom PhoneVoting::room() const
{
    if (!m_session)
        return m_closedRoom;
    const vote::RoomStatus status = m_session->status();
    PhoneRoom room;
    room.round = m_round;
    room.open = status.open;
    auto add = [&](const QString& name) {
        if (!room.names.contains(name) && !m_removed.contains(name))
            room.names << name;
    };
    // Names listed in advance count as expected; an anonymous round's codes are given on joining.
    const NominationRound* round = m_document ? findRound(m_document->map(), m_round.toStdString()) : nullptr;
    if (round && !round->anonymous)
        for (const std::string& name : round->participants)
            add(q(name));
    for (const std::string& name : status.joined)
        add(q(name));
    for (const std::string& name : status.voted) {
        add(q(name));
        room.voted << q(name);
    }
    return room;
}

} // namespace causeway
