// Loop labels and nomination rounds in the .causeway file.
#include "io/ballots.h"
#include "io/mapfile.h"
#include "model/looplabels.h"
#include "model/nominations.h"

#include <gtest/gtest.h>

using namespace causeway;

namespace {

SystemMap mapWithRound()
{
    SystemMap map;
    Factor f;
    f.label = "Trust";
    FactorId a = map.addFactor(f);
    f.label = "Visits";
    FactorId b = map.addFactor(f);
    Link l;
    l.from = a;
    l.to = b;
    LinkId ab = map.addLink(l);
    l.from = b;
    l.to = a;
    LinkId ba = map.addLink(l);
    addLoopLabel(map, {"R1 Trust builds visits", {ab, ba}});
    addLoopLabel(map, {"Broken", {LinkId(99)}}); // its link was deleted: kept, flagged
    NominationRound round;
    round.name = "Before discussion";
    round.question = "What should we keep an eye on?";
    round.watchBudget = 2;
    round.stopBudget = 1;
    round.anonymous = true;
    round.revealed = true;
    addRound(map, round);
    castBallot(map, "Before discussion", {"P1", {ItemRef::of(a), ItemRef::of(ab)}, {ItemRef::of(b)}});
    castBallot(map, "Before discussion", {"P2", {ItemRef::of(b)}, {}});
    NominationRound closed = *findRound(map, "Before discussion");
    closed.closed = true;
    updateRound(map, "Before discussion", closed);
    return map;
}

std::string refusal(const std::string& text)
{
    try {
        parseMapJson(text, "m.causeway");
    } catch (const IoError& e) {
        return e.what();
    }
    return {};
}

std::string withRounds(const std::string& rounds)
{
    return R"({"format":"causeway","version":1,"factors":[{"id":1,"label":"A","x":0,"y":0}],
              "links":[],"rounds":)" + rounds + "}";
}

} // namespace

TEST(MapData, LoopLabelsAndRoundsRoundTrip)
{
    SystemMap map = mapWithRound();
    SystemMap back = parseMapJson(writeMapJson(map));
    EXPECT_EQ(back, map);
    EXPECT_EQ(writeMapJson(back), writeMapJson(map));
}

TEST(MapData, MapsWithoutRoundsDoNotWriteTheKeys)
{
    SystemMap map;
    std::string text = writeMapJson(map);
    EXPECT_EQ(text.find("rounds"), std::string::npos);
    EXPECT_EQ(text.find("loopLabels"), std::string::npos);
}

TEST(MapData, BallotNamingAMissingFactorIsRefusedWithItsPlace)
{
    std::string why = refusal(withRounds(R"([{"name":"R","ballots":[{"participant":"P1","watch":[{"factor":7}]}]}])"));
    EXPECT_NE(why.find("m.causeway: rounds[0]"), std::string::npos) << why;
    EXPECT_NE(why.find("not in the map"), std::string::npos) << why;
}

TEST(MapData, MalformedRoundsAreRefusedWithThePath)
{
    EXPECT_NE(refusal(withRounds(R"({"name":"R"})")).find("rounds: expected an array"), std::string::npos);
    EXPECT_NE(refusal(withRounds(R"([{"name":"R","watchBudget":99}])")).find("rounds[0].watchBudget"),
              std::string::npos);
    EXPECT_NE(refusal(withRounds(R"([{"name":"R","ballots":[{"participant":"P","watch":[{"thing":1}]}]}])"))
                  .find("rounds[0].ballots[0].watch[0]"),
              std::string::npos);
    EXPECT_NE(refusal(withRounds(R"([{"name":"R"},{"name":"R"}])")).find("rounds[1]"), std::string::npos);
    EXPECT_NE(refusal(withRounds(R"([{"name":"R","ballots":[{"participant":"P","watch":[{"factor":1}],"stop":[{"factor":1}]}]}])"))
                  .find("both"),
              std::string::npos);
}

// The native file and the .causeway-round file read a round with one reader: null and missing
// fields read alike, as the default, through both entry points (issue 16).
namespace {

NominationRound throughMapFile(const std::string& roundFields)
{
    const SystemMap map = parseMapJson(withRounds("[{" + roundFields + "}]"), "m.causeway");
    return map.rounds().at(0);
}

NominationRound throughRoundFile(const std::string& roundFields)
{
    const SystemMap map = parseMapJson(withRounds("[]"), "m.causeway");
    return importRoundJson(map, R"({"format":"causeway-round","version":1,"round":{)" + roundFields + "}}");
}

} // namespace

TEST(RoundSchema, ANullBudgetReadsAsTheDefaultInTheMapFileAndInTheRoundFile)
{
    const std::string fields = R"("name":"R","watchBudget":null,"stopBudget":null)";
    const NominationRound fromMap = throughMapFile(fields);
    const NominationRound fromRoundFile = throughRoundFile(fields);
    EXPECT_EQ(fromMap.watchBudget, NominationRound{}.watchBudget);
    EXPECT_EQ(fromMap.stopBudget, NominationRound{}.stopBudget);
    EXPECT_EQ(fromRoundFile, fromMap);
    EXPECT_EQ(throughRoundFile(R"("name":"R")"), fromRoundFile); // missing reads as null does
}

TEST(RoundSchema, NullParticipantsAndBallotsReadAsNoneInTheMapFileAndInTheRoundFile)
{
    const std::string fields = R"("name":"R","participants":null,"ballots":null)";
    const NominationRound fromMap = throughMapFile(fields);
    const NominationRound fromRoundFile = throughRoundFile(fields);
    EXPECT_TRUE(fromMap.participants.empty());
    EXPECT_TRUE(fromMap.ballots.empty());
    EXPECT_EQ(fromRoundFile, fromMap);
}

TEST(RoundSchema, AWrongTypeIsRefusedWithThePlaceThroughBothEntryPoints)
{
    const std::string fields = R"("name":"R","participants":["P1",7])";
    std::string fromMap, fromRoundFile;
    try {
        throughMapFile(fields);
    } catch (const IoError& e) {
        fromMap = e.what();
    }
    try {
        throughRoundFile(fields);
    } catch (const IoError& e) {
        fromRoundFile = e.what();
    }
    EXPECT_NE(fromMap.find("m.causeway: rounds[0].participants[1]: expected a string"), std::string::npos)
        << fromMap;
    EXPECT_NE(fromRoundFile.find("round.participants[1]: expected a string"), std::string::npos)
        << fromRoundFile;
}
