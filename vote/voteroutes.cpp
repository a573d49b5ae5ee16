// The voting API's routes: which request reaches which VoteSession call, and the errors of the
// HTTP layer itself (unknown path, wrong method, missing token), all as JSON with a 4xx.
#include "vote/voteroutes.h"

#include <nlohmann/json.hpp>

namespace causeway::vote {

namespace {

using Json = nlohmann::json;

HttpResponse fromReply(const Reply& reply)
{
    return {reply.status, "application/json", reply.body, false};
}

HttpResponse error(int status, const std::string& message)
{
    return {status, "application/json", Json{{"error", message}}.dump(), false};
}

std::string_view bearer(std::string_view authorization)
{
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.substr(0, scheme.size()) != scheme)
        return {};
    return authorization.substr(scheme.size());
}

std::string_view pathOf(std::string_view target)
{
    return target.substr(0, target.find('?'));
}

std::string_view contentTypeOf(std::string_view path)
{
    if (path.ends_with(".js"))
        return "text/javascript; charset=utf-8";
    if (path.ends_with(".css"))
        return "text/css; charset=utf-8";
    return "text/html; charset=utf-8";
}

HttpResponse join(VoteSession& session, const HttpRequest& request)
{
    const Json body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object() || !body.value("code", Json()).is_string()
        || !body.value("name", Json()).is_string())
        return error(400, "Send {\"code\": \"...\", \"name\": \"...\"} as JSON.");
    return fromReply(session.join(body["code"].get<std::string>(), body["name"].get<std::string>()));
}

HttpResponse closeRound(VoteSession& session, const HttpRequest& request, std::string_view facilitatorToken)
{
    if (facilitatorToken.empty() || bearer(request.authorization) != facilitatorToken)
        return error(403, "Only the facilitator can close the round.");
    try {
        session.close();
    } catch (const std::exception& e) {
        return error(503, e.what());
    }
    return {200, "application/json", Json{{"state", "closed"}}.dump(), false};
}

} // namespace

HttpResponse route(VoteSession& session, const HttpRequest& request, std::string_view facilitatorToken)
{
    const std::string_view path = pathOf(request.target);
    const std::string& method = request.method;
    auto only = [&](std::string_view allowed) { return method == allowed; };
    if (path == "/api/join")
        return only("POST") ? join(session, request) : error(405, "Use POST for /api/join.");
    if (path == "/api/round")
        return only("GET") ? fromReply(session.round(bearer(request.authorization)))
                           : error(405, "Use GET for /api/round.");
    if (path == "/api/ballot")
        return only("PUT") ? fromReply(session.putBallot(bearer(request.authorization), request.body))
                           : error(405, "Use PUT for /api/ballot.");
    if (path == "/api/events")
        return only("GET") ? HttpResponse{200, "text/event-stream", statusEvent(session.status()), true}
                           : error(405, "Use GET for /api/events.");
    if (path == "/api/close")
        return only("POST") ? closeRound(session, request, facilitatorToken) : error(405, "Use POST for /api/close.");
    if (path.starts_with("/api/"))
        return error(404, "There is no " + std::string(path) + " in this API.");
    const std::string_view file = pageFile(path == "/" ? "/index.html" : path);
    if (file.empty())
        return error(404, "Nothing here: open the address shown on the screen.");
    if (!only("GET") && !only("HEAD"))
        return error(405, "Use GET for the page.");
    return {200, std::string(contentTypeOf(path == "/" ? "/index.html" : path)), std::string(file), false};
}

std::string statusEvent(const RoomStatus& status)
{
    const Json data = {{"round", status.round},
                       {"state", status.open ? "open" : "closed"},
                       {"joined", status.joined.size()},
                       {"ballots", status.voted.size()},
                       {"version", status.version}};
    return "data: " + data.dump() + "\n\n";
}

} // namespace causeway::vote
