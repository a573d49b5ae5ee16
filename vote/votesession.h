#pragma once

// One nomination round open to participants' phones: who has joined, with which token, and
// their ballots, with the model's round rules (model/nominations.h) as the only authority.
// No networking here (vote/voteapi.h maps HTTP requests onto it); no Qt.

#include "model/systemmap.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace causeway::vote {

// Documented in docs/voting-api.md.
struct Limits {
    std::size_t maxParticipants = 300;
    std::size_t maxNameBytes = 80;
};

// An answer for a participant: an HTTP status and a JSON body ({"error": "..."} when refused).
struct Reply {
    int status = 200;
    std::string body;
};

// What the projector shows: names (or codes) only, never choices.
struct RoomStatus {
    std::string round;
    bool open = true;
    std::vector<std::string> joined;  // in joining order
    std::vector<std::string> voted;   // participants of the round with a ballot, whatever its source
    std::uint64_t version = 0;        // grows with every accepted change
};

// A join code of `length` characters a room can read aloud and type: no 0/O, 1/I/L.
std::string makeJoinCode(std::size_t length = 6);
// A random bearer token of 128 bits, as 32 hexadecimal digits.
std::string makeToken();

class VoteSession {
public:
    // Writes the map where it is kept (atomically), called with each accepted change before the
    // change is acknowledged. When it throws, the change is taken back and refused.
    using Commit = std::function<void(const SystemMap&)>;

    // Throws EditError when the round does not exist or is closed.
    VoteSession(SystemMap map, std::string roundName, std::string joinCode, Commit commit,
                Limits limits = {});

    const std::string& joinCode() const { return m_joinCode; }

    // The participant API. Every method is safe to call from several threads.
    Reply join(std::string_view code, std::string_view name);
    Reply round(std::string_view token) const;     // items, budgets, state, the caller's own ballot
    Reply putBallot(std::string_view token, std::string_view body); // {"watch": [ids], "stop": [ids]}

    // The facilitator's side.
    RoomStatus status() const;
    // Revokes the participant's token and withdraws their ballot. False when unknown.
    bool removeParticipant(std::string_view name);
    // Closes the round (committed); later ballots are refused.
    void close();
    bool isOpen() const;
    SystemMap snapshot() const;

private:
    const NominationRound& theRound() const;
    const std::string* participantOf(std::string_view token) const; // nullptr when unknown
    Reply commitOrUndo(const SystemMap& before, Reply accepted);

    mutable std::mutex m_mutex;
    SystemMap m_map;
    std::string m_round;
    std::string m_joinCode;
    Commit m_commit;
    Limits m_limits;
    std::map<std::string, std::string, std::less<>> m_tokens; // token -> participant
    std::vector<std::string> m_joined;
    std::uint64_t m_version = 0;
};

} // namespace causeway::vote
