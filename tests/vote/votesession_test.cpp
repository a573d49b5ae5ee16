// A round open to phones, without the network: joining, reading, voting, refusals, commits.
#include "vote/votesession.h"

#include "model/nominations.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>
#include <thread>

using namespace causeway;
using namespace causeway::vote;
using Json = nlohmann::json;

namespace {

struct Room {
    SystemMap map;
    FactorId trust, visits, skill;
    LinkId trustVisits;
    std::vector<SystemMap> commits;
    bool failCommits = false;

    Room(bool anonymous = false, bool allowLinks = true)
    {
        trust = map.addFactor(Factor{.label = "Trust"});
        visits = map.addFactor(Factor{.label = "Visits"});
        skill = map.addFactor(Factor{.label = "Skill"});
        trustVisits = map.addLink(Link{.from = trust, .to = visits});
        addRound(map, NominationRound{.name = "R", .watchBudget = 2, .stopBudget = 1, .allowLinks = allowLinks,
                                      .anonymous = anonymous});
    }
    VoteSession session()
    {
        return VoteSession(map, "R", "ABC234", [this](const SystemMap& m) {
            if (failCommits)
                throw std::runtime_error("disk full");
            commits.push_back(m);
        });
    }
};

std::string f(FactorId id) { return "f" + std::to_string(id.value); }
std::string l(LinkId id) { return "l" + std::to_string(id.value); }

std::string tokenOf(const Reply& reply)
{
    EXPECT_EQ(reply.status, 200) << reply.body;
    return Json::parse(reply.body).value("token", "");
}

std::string errorOf(const Reply& reply)
{
    return Json::parse(reply.body).value("error", "");
}

} // namespace

TEST(VoteSession, AParticipantJoinsReadsTheRoundAndVotes)
{
    Room room;
    VoteSession s = room.session();
    const std::string token = tokenOf(s.join("ABC234", "  Ana "));
    EXPECT_EQ(token.size(), 32u);

    const Json round = Json::parse(s.round(token).body);
    EXPECT_EQ(round["participant"], "Ana");
    EXPECT_EQ(round["watchBudget"], 2);
    EXPECT_EQ(round["state"], "open");
    EXPECT_EQ(round["items"].size(), 4u) << "three factors and one link";
    EXPECT_TRUE(round["ballot"].is_null());

    const Reply put = s.putBallot(token, Json{{"watch", {f(room.trust), l(room.trustVisits)}}, {"stop", {f(room.skill)}}}.dump());
    ASSERT_EQ(put.status, 200) << put.body;
    const SystemMap now = s.snapshot();
    const Ballot& b = findRound(now, "R")->ballots.at(0);
    EXPECT_EQ(b.participant, "Ana");
    EXPECT_EQ(b.watch, (std::vector<ItemRef>{ItemRef::of(room.trust), ItemRef::of(room.trustVisits)}));
    EXPECT_EQ(b.stop, (std::vector<ItemRef>{ItemRef::of(room.skill)}));
    EXPECT_EQ(Json::parse(s.round(token).body)["ballot"]["watch"][1], l(room.trustVisits));
}

TEST(VoteSession, EveryAcceptedChangeIsCommittedBeforeItIsAcknowledged)
{
    Room room;
    VoteSession s = room.session();
    const std::string token = tokenOf(s.join("ABC234", "Ana"));
    ASSERT_EQ(room.commits.size(), 1u) << "joining adds the participant to the round";
    ASSERT_EQ(s.putBallot(token, Json{{"watch", {f(room.visits)}}}.dump()).status, 200);
    ASSERT_EQ(room.commits.size(), 2u);
    EXPECT_EQ(findRound(room.commits.back(), "R")->ballots.size(), 1u);
    EXPECT_TRUE(room.commits.back() == s.snapshot());
}

TEST(VoteSession, ABallotThatCannotBeSavedIsRefusedAndNotTaken)
{
    Room room;
    VoteSession s = room.session();
    const std::string token = tokenOf(s.join("ABC234", "Ana"));
    const SystemMap before = s.snapshot();
    room.failCommits = true;
    const Reply put = s.putBallot(token, Json{{"watch", {f(room.visits)}}}.dump());
    EXPECT_EQ(put.status, 503);
    EXPECT_NE(errorOf(put).find("disk full"), std::string::npos);
    EXPECT_TRUE(s.snapshot() == before);
}

TEST(VoteSession, ResubmittingReplacesTheBallot)
{
    Room room;
    VoteSession s = room.session();
    const std::string token = tokenOf(s.join("ABC234", "Ana"));
    ASSERT_EQ(s.putBallot(token, Json{{"watch", {f(room.trust)}}}.dump()).status, 200);
    ASSERT_EQ(s.putBallot(token, Json{{"watch", {f(room.skill)}}}.dump()).status, 200);
    const NominationRound r = *findRound(s.snapshot(), "R");
    ASSERT_EQ(r.ballots.size(), 1u);
    EXPECT_EQ(r.ballots[0].watch, (std::vector<ItemRef>{ItemRef::of(room.skill)}));
}

TEST(VoteSession, BadRequestsAreRefusedWithA4xxAndChangeNothing)
{
    Room room(false, /*allowLinks=*/false);
    VoteSession s = room.session();
    const std::string token = tokenOf(s.join("ABC234", "Ana"));
    const SystemMap before = s.snapshot();
    const std::size_t commits = room.commits.size();
    auto status = [&](const std::string& body) { return s.putBallot(token, body).status; };
    EXPECT_EQ(status("{not json"), 400);
    EXPECT_EQ(status("[1,2]"), 400);
    EXPECT_EQ(status(R"({"watch": "f1"})"), 400);
    EXPECT_EQ(status(R"({"watch": ["f999"]})"), 422);
    EXPECT_EQ(status(R"({"watch": [1]})"), 422);
    EXPECT_EQ(status(R"({"watch": ["f18446744073709551616999"]})"), 422);
    EXPECT_EQ(status(Json{{"watch", {f(room.trust), f(room.visits), f(room.skill)}}}.dump()), 422) << "over budget";
    EXPECT_EQ(status(Json{{"watch", {f(room.trust)}}, {"stop", {f(room.trust)}}}.dump()), 422) << "in both lists";
    EXPECT_EQ(status(Json{{"watch", {l(room.trustVisits)}}}.dump()), 422) << "links not allowed";
    EXPECT_EQ(s.putBallot("0123456789abcdef0123456789abcdef", R"({"watch":[]})").status, 401);
    EXPECT_EQ(s.putBallot("", R"({"watch":[]})").status, 401);
    EXPECT_EQ(s.round("nope").status, 401);
    EXPECT_TRUE(s.snapshot() == before);
    EXPECT_EQ(room.commits.size(), commits);
}

TEST(VoteSession, JoiningNeedsTheRoomsCodeAndAFreeName)
{
    Room room;
    VoteSession s = room.session();
    EXPECT_EQ(s.join("WRONG1", "Ana").status, 403);
    EXPECT_EQ(s.join("abc234", "Ana").status, 403) << "codes are exact";
    EXPECT_EQ(s.join("ABC234", "   ").status, 400);
    EXPECT_EQ(s.join("ABC234", std::string(81, 'x')).status, 400);
    tokenOf(s.join("ABC234", "Ana"));
    const Reply again = s.join("ABC234", "Ana");
    EXPECT_EQ(again.status, 409) << "nobody can take over someone else's ballot by typing their name";
    EXPECT_EQ(s.status().joined, (std::vector<std::string>{"Ana"}));
}

TEST(VoteSession, AnAnonymousRoundRecordsCodesNotNames)
{
    Room room(/*anonymous=*/true);
    VoteSession s = room.session();
    const Json first = Json::parse(s.join("ABC234", "Ana").body);
    const Json second = Json::parse(s.join("ABC234", "Ana").body);
    EXPECT_EQ(first["participant"], "P1");
    EXPECT_EQ(second["participant"], "P2");
    const std::string text = Json(findRound(s.snapshot(), "R")->participants).dump();
    EXPECT_EQ(text.find("Ana"), std::string::npos);
}

TEST(VoteSession, TheRoomSeesWhoHasVotedNeverWhat)
{
    Room room;
    VoteSession s = room.session();
    const std::string ana = tokenOf(s.join("ABC234", "Ana"));
    tokenOf(s.join("ABC234", "Ben"));
    ASSERT_EQ(s.putBallot(ana, Json{{"watch", {f(room.trust)}}}.dump()).status, 200);
    const RoomStatus st = s.status();
    EXPECT_EQ(st.joined, (std::vector<std::string>{"Ana", "Ben"}));
    EXPECT_EQ(st.voted, (std::vector<std::string>{"Ana"}));
    EXPECT_TRUE(st.open);
}

TEST(VoteSession, ABallotCastAtTheScreenCountsAsTheSameParticipants)
{
    Room room;
    castBallot(room.map, "R", Ballot{"Ana", {ItemRef::of(room.trust)}, {}});
    VoteSession s = room.session();
    const std::string token = tokenOf(s.join("ABC234", "Ana"));
    EXPECT_EQ(Json::parse(s.round(token).body)["ballot"]["watch"][0], f(room.trust));
    ASSERT_EQ(s.putBallot(token, Json{{"watch", {f(room.skill)}}}.dump()).status, 200);
    const NominationRound r = *findRound(s.snapshot(), "R");
    ASSERT_EQ(r.ballots.size(), 1u) << "one ballot per participant whichever way it came";
    EXPECT_EQ(std::count(r.participants.begin(), r.participants.end(), "Ana"), 1);
}

TEST(VoteSession, RemovingAParticipantRevokesTheirTokenAndWithdrawsTheirBallot)
{
    Room room;
    VoteSession s = room.session();
    const std::string ana = tokenOf(s.join("ABC234", "Ana"));
    ASSERT_EQ(s.putBallot(ana, Json{{"watch", {f(room.trust)}}}.dump()).status, 200);
    EXPECT_TRUE(s.removeParticipant("Ana"));
    EXPECT_FALSE(s.removeParticipant("Nobody"));
    EXPECT_EQ(s.round(ana).status, 401);
    EXPECT_TRUE(findRound(s.snapshot(), "R")->ballots.empty());
    EXPECT_TRUE(s.status().joined.empty());
}

TEST(VoteSession, AfterClosingNoBallotOrJoinIsTaken)
{
    Room room;
    VoteSession s = room.session();
    const std::string ana = tokenOf(s.join("ABC234", "Ana"));
    s.close();
    EXPECT_FALSE(s.isOpen());
    EXPECT_TRUE(findRound(room.commits.back(), "R")->closed) << "closing is committed";
    EXPECT_EQ(s.putBallot(ana, Json{{"watch", {f(room.trust)}}}.dump()).status, 409);
    EXPECT_EQ(s.join("ABC234", "Ben").status, 409);
    EXPECT_EQ(Json::parse(s.round(ana).body)["state"], "closed");
}

TEST(VoteSession, AClosedOrMissingRoundCannotBeOpened)
{
    Room room;
    EXPECT_THROW(VoteSession(room.map, "Nope", "ABC234", {}), EditError);
    NominationRound r = *findRound(room.map, "R");
    r.closed = true;
    updateRound(room.map, "R", r);
    EXPECT_THROW(VoteSession(room.map, "R", "ABC234", {}), EditError);
}

TEST(VoteSession, ThirtyParticipantsVotingAtOnceAreAllCounted)
{
    Room room;
    VoteSession s = room.session();
    std::vector<std::thread> phones;
    for (int i = 0; i < 30; ++i)
        phones.emplace_back([&, i] {
            const Json joined = Json::parse(s.join("ABC234", "P" + std::to_string(100 + i)).body);
            const std::string token = joined.value("token", "");
            const std::string pick = i % 2 ? f(room.trust) : f(room.skill);
            s.putBallot(token, Json{{"watch", {f(room.visits)}}}.dump());
            s.putBallot(token, Json{{"watch", {pick}}}.dump()); // changes their mind
        });
    for (std::thread& t : phones)
        t.join();
    const NominationRound r = *findRound(s.snapshot(), "R");
    ASSERT_EQ(r.ballots.size(), 30u);
    const std::vector<TallyRow> tally = tallyRound(r);
    ASSERT_EQ(tally.size(), 2u);
    EXPECT_EQ(tally[0].watch + tally[1].watch, 30);
    EXPECT_EQ(tally[0].watch, 15);
}

TEST(VoteSession, TokensAndCodesAreRandomAndWellFormed)
{
    std::set<std::string> tokens;
    for (int i = 0; i < 200; ++i) {
        const std::string t = makeToken();
        EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
        tokens.insert(t);
    }
    EXPECT_EQ(tokens.size(), 200u);
    const std::string code = makeJoinCode();
    EXPECT_EQ(code.size(), 6u);
    EXPECT_EQ(code.find_first_of("01OIL"), std::string::npos);
}
