#pragma once

// The voting API's routes (docs/voting-api.md) as a plain function of a request, so they are
// tested without sockets; vote/voteserver.cpp carries them over HTTP.

#include "vote/votesession.h"

#include <string>
#include <string_view>

namespace causeway::vote {

struct HttpRequest {
    std::string method; // "GET", "POST", ...
    std::string target; // path and query, e.g. "/api/round"
    std::string authorization; // the Authorization header, e.g. "Bearer 0f3a..."
    std::string body;
};

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    bool eventStream = false; // GET /api/events: the server keeps the connection and streams
};

HttpResponse route(VoteSession& session, const HttpRequest& request, std::string_view facilitatorToken);

// One server-sent event with the round's state and the number of ballots in (never whose or
// what): "data: {...}\n\n".
std::string statusEvent(const RoomStatus& status);

// The participant page's files, built into the program from resources/vote/.
std::string_view pageFile(std::string_view path); // "" when there is none at that path

} // namespace causeway::vote
