#pragma once

// The HTTP side of phone voting: serves the participant page and the JSON API
// (docs/voting-api.md) for one VoteSession, on its own thread, with Boost.Beast. No Qt.

#include "vote/votesession.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace causeway::vote {

// Documented in docs/voting-api.md.
struct ServerLimits {
    std::size_t maxBodyBytes = std::size_t{16} * 1024;
    std::size_t maxHeaderBytes = std::size_t{8} * 1024;
    std::size_t maxConnections = 400;
    // Per client address, after a burst of `burst`: generous, since a venue's network may put a
    // whole room behind one address, yet a flood from one machine is held to this rate.
    double requestsPerSecond = 50;
    double burst = 200;
    std::chrono::seconds idleTimeout{30};
};

// The first IPv4 address of an interface that is up and not loopback: what phones in the room
// can reach. None when the machine is on no network.
std::optional<std::string> lanAddress();

class VoteServer {
public:
    // Listens on host:port (port 0: any free port). Throws std::runtime_error with a message
    // a facilitator can act on when the address cannot be used.
    VoteServer(VoteSession& session, const std::string& host, std::uint16_t port, ServerLimits limits = {});
    ~VoteServer(); // stops
    VoteServer(const VoteServer&) = delete;
    VoteServer& operator=(const VoteServer&) = delete;

    std::uint16_t port() const;
    // What participants open: http://ADDRESS:PORT/?code=CODE. For a wildcard listen address the
    // machine's first non-loopback IPv4 address is named.
    std::string joinUrl() const;
    // The bearer token of POST /api/close, for the facilitator only (never on the projector).
    const std::string& facilitatorToken() const;

    void start(); // serves on a thread of its own
    void stop();  // stops listening and drops every connection; no request is handled after

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace causeway::vote
