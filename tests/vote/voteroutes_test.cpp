// The voting API's routes without sockets: which request reaches which call, and the HTTP
// layer's own refusals.
#include "vote/voteroutes.h"

#include "model/nominations.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace causeway;
using namespace causeway::vote;
using Json = nlohmann::json;

namespace {

SystemMap roomMap()
{
    SystemMap map;
    map.addFactor(Factor{.label = "Trust"});
    addRound(map, NominationRound{.name = "R"});
    return map;
}

HttpResponse call(VoteSession& s, std::string method, std::string target, std::string body = {},
                  std::string token = {})
{
    return route(s, HttpRequest{std::move(method), std::move(target), token.empty() ? "" : "Bearer " + token,
                                std::move(body)},
                 "facilitator-secret");
}

} // namespace

TEST(VoteRoutes, JoinRoundAndBallotReachTheSession)
{
    VoteSession s(roomMap(), "R", "CODE22", {});
    const HttpResponse joined = call(s, "POST", "/api/join", R"({"code":"CODE22","name":"Ana"})");
    ASSERT_EQ(joined.status, 200) << joined.body;
    const std::string token = Json::parse(joined.body)["token"];
    EXPECT_EQ(call(s, "GET", "/api/round?x=1", {}, token).status, 200) << "a query string is ignored";
    EXPECT_EQ(call(s, "PUT", "/api/ballot", R"({"watch":["f1"]})", token).status, 200);
    EXPECT_EQ(findRound(s.snapshot(), "R")->ballots.size(), 1u);
}

TEST(VoteRoutes, TheHttpLayersOwnMistakesAreJson4xx)
{
    VoteSession s(roomMap(), "R", "CODE22", {});
    for (const auto& [method, target, body, status] :
         std::vector<std::tuple<std::string, std::string, std::string, int>>{
             {"GET", "/api/join", "", 405},
             {"POST", "/api/join", "not json", 400},
             {"POST", "/api/join", R"({"code":5,"name":"A"})", 400},
             {"DELETE", "/api/ballot", "", 405},
             {"GET", "/api/nothing", "", 404},
             {"GET", "/etc/passwd", "", 404},
             {"GET", "/../vote.js", "", 404},
             {"POST", "/", "", 405},
             {"POST", "/api/close", "", 403},
         }) {
        const HttpResponse r = call(s, method, target, body);
        EXPECT_EQ(r.status, status) << method << " " << target;
        EXPECT_EQ(r.contentType, "application/json");
        EXPECT_TRUE(Json::parse(r.body).contains("error")) << r.body;
    }
    EXPECT_TRUE(s.isOpen());
}

TEST(VoteRoutes, OnlyTheFacilitatorsTokenClosesTheRound)
{
    VoteSession s(roomMap(), "R", "CODE22", {});
    const std::string token = Json::parse(call(s, "POST", "/api/join", R"({"code":"CODE22","name":"Ana"})").body)["token"];
    EXPECT_EQ(call(s, "POST", "/api/close", {}, token).status, 403);
    EXPECT_TRUE(s.isOpen());
    EXPECT_EQ(call(s, "POST", "/api/close", {}, "facilitator-secret").status, 200);
    EXPECT_FALSE(s.isOpen());
}

TEST(VoteRoutes, ThePageIsServedFromTheProgram)
{
    VoteSession s(roomMap(), "R", "CODE22", {});
    const HttpResponse page = call(s, "GET", "/?code=CODE22");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.contentType.find("text/html"), std::string::npos);
    EXPECT_NE(page.body.find("<form id=\"join\""), std::string::npos);
    EXPECT_NE(call(s, "GET", "/vote.js").contentType.find("javascript"), std::string::npos);
    EXPECT_NE(call(s, "GET", "/vote.css").contentType.find("text/css"), std::string::npos);
}

TEST(VoteRoutes, EventsCarryCountsNeverChoices)
{
    VoteSession s(roomMap(), "R", "CODE22", {});
    const std::string token = Json::parse(call(s, "POST", "/api/join", R"({"code":"CODE22","name":"Ana"})").body)["token"];
    call(s, "PUT", "/api/ballot", R"({"watch":["f1"]})", token);
    const HttpResponse events = call(s, "GET", "/api/events");
    EXPECT_TRUE(events.eventStream);
    ASSERT_EQ(events.body.rfind("data: ", 0), 0u);
    const Json data = Json::parse(events.body.substr(6));
    EXPECT_EQ(data["ballots"], 1);
    EXPECT_EQ(data["state"], "open");
    EXPECT_EQ(events.body.find("f1"), std::string::npos);
    EXPECT_EQ(events.body.find("Ana"), std::string::npos);
}
