#pragma once

// A round open to participants' phones from inside the editor: the vote/ server on its own
// threads, each accepted change brought to the GUI thread, written into the Document and its
// recovery copy before the phone is answered.

#include "model/nomination.h"
#include "model/systemmap.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>

class QTimer;

namespace causeway {

class Document;

namespace vote {
class VoteServer;
class VoteSession;
struct RoomStatus;
} // namespace vote

// What the projector and the facilitator see of the room: names only, never choices.
struct PhoneRoom {
    QString round;
    bool open = false;
    QStringList names; // everyone expected or joined, in order
    QStringList voted; // those with a ballot, whatever its source
};

class PhoneVoting : public QObject {
    Q_OBJECT
public:
    // Makes the Document's latest state durable (the recovery copy); false with a reason when it
    // cannot, and the change is then refused.
    using Persist = std::function<bool(QString* error)>;

    explicit PhoneVoting(Document* document, QObject* parent = nullptr);
    ~PhoneVoting() override; // stops serving; the round stays open, to resume

    void setPersist(Persist persist) { m_persist = std::move(persist); }

    // Listens on host:port (0: any free port) for round `roundName`. Refused (false, *error) when
    // the round is missing or closed, phones are already open, nothing makes ballots durable, or
    // the address cannot be used; the round is then untouched.
    bool open(const QString& roundName, const QString& host, quint16 port, QString* error);
    bool isOpen() const { return m_server != nullptr; }
    QString roundName() const { return m_round; }
    QString joinUrl() const;  // http://ADDRESS:PORT/?code=CODE
    QString address() const;  // http://ADDRESS:PORT, to type
    QString joinCode() const;
    quint16 port() const;
    PhoneRoom room() const;

    // Revokes the participant's token and withdraws their ballot.
    bool removeParticipant(const QString& name, QString* error);
    // Closes the round (no later ballot is taken), then stops serving.
    bool close(QString* error);
    // Stops serving and leaves the round open in the map, to resume (a window closing; another map).
    void stopServing(bool notify = true);

signals:
    void opened();
    void roomChanged(); // someone joined, voted or was removed, or the round closed
    void finished();    // no longer serving

private:
    // VoteSession's Commit: on any thread; throws when the change was not made durable.
    void commit(const SystemMap& map);
    // On the GUI thread: the session's round into the Document, then the recovery copy.
    bool applyRound(const NominationRound& round, QString* error);
    void poll();

    QPointer<Document> m_document;
    Persist m_persist;
    QString m_round;
    std::unique_ptr<vote::VoteSession> m_session;
    std::unique_ptr<vote::VoteServer> m_server;
    QString m_lock; // the Document's edit lock while open
    QStringList m_removed;
    PhoneRoom m_closedRoom; // as the room stood when serving stopped
    QTimer* m_poll;
    std::uint64_t m_seenVersion = 0;
    bool m_stopping = false;
    bool m_busy = false;      // closing or removing a participant (the GUI thread waits for it)
    bool m_accepting = false; // false while shutting down: late commits are refused
};

// Runs `work` on a thread of its own while this (GUI) thread keeps handling events, so work
// that waits for the GUI thread (a ballot being written into the Document) cannot deadlock.
// Rethrows what `work` threw.
void runBesideEventLoop(const std::function<void()>& work);

} // namespace causeway
