// Ballots from CSV, tallies as CSV: the 12-participant round on the sample map against a
// hand-computed tally (tests/data/ballots/round1-tally.csv; the counts are worked out in
// tests/data/ballots/README.md).
#include "io/ballots.h"
#include "io/import.h"
#include "io/mapfile.h"
#include "io/svgdrawing.h"

#include "iotestutil.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace causeway;

namespace {

const std::string kData = CAUSEWAY_TEST_DATA;

SystemMap sample() { return loadMapFile(kData + "/../../resources/samples/peer-nsp.causeway"); }

std::string crlf(std::string text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

// Rounds are secret by default: their tally and ballots are shown only once revealed.
void reveal(SystemMap& map, const std::string& name)
{
    NominationRound r = *findRound(map, name);
    r.revealed = true;
    updateRound(map, name, r);
}

} // namespace

TEST(Ballots, TwelveParticipantRoundMatchesTheHandComputedTally)
{
    SystemMap map = sample();
    EXPECT_EQ(importBallotsCsv(map, "Round 1", test::readText(kData + "/ballots/round1.csv")), 12u);
    const NominationRound* round = findRound(map, "Round 1");
    ASSERT_NE(round, nullptr);
    EXPECT_EQ(round->ballots.size(), 12u);
    reveal(map, "Round 1");
    EXPECT_EQ(tallyCsv(map, *round), crlf(test::readText(kData + "/ballots/round1-tally.csv")));
}

TEST(Ballots, AnInvalidRowRejectsTheWholeFileWithItsLineAndTheMapStaysUnchanged)
{
    struct Case {
        const char* file;
        const char* expected;
    };
    for (Case c : {Case{"over-budget.csv", "line 5"}, Case{"unknown-item.csv", "line 3"},
                   Case{"both-kinds.csv", "line 3"}}) {
        SystemMap map = sample();
        const SystemMap before = map;
        try {
            importBallotsCsv(map, "Round 1", test::readText(kData + "/ballots/" + c.file));
            ADD_FAILURE() << c.file << " was accepted";
        } catch (const IoError& e) {
            EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos) << c.file << ": " << e.what();
        }
        EXPECT_EQ(map, before) << c.file;
    }
}

TEST(Ballots, ExportedBallotsReimportToTheSameTally)
{
    SystemMap map = sample();
    importBallotsCsv(map, "Round 1", test::readText(kData + "/ballots/round1.csv"));
    reveal(map, "Round 1");
    const std::string exported = exportBallotsCsv(map, *findRound(map, "Round 1"));
    SystemMap again = sample();
    importBallotsCsv(again, "Round 1", exported);
    reveal(again, "Round 1");
    EXPECT_EQ(tallyCsv(again, *findRound(again, "Round 1")), tallyCsv(map, *findRound(map, "Round 1")));
}

TEST(Ballots, NamesNeutralisedAgainstSpreadsheetFormulasReimportAsWritten)
{
    SystemMap map = sample();
    importBallotsCsv(map, "R", "Participant,Kind,Item\n@mallory,watch,Peer worker skill\n");
    reveal(map, "R");
    const std::string exported = exportBallotsCsv(map, *findRound(map, "R"));
    ASSERT_NE(exported.find("'@mallory"), std::string::npos) << exported;
    SystemMap again = sample();
    importBallotsCsv(again, "R", exported);
    EXPECT_EQ(findRound(again, "R")->participants, std::vector<std::string>{"@mallory"});
}

TEST(Ballots, AnonymousRoundsExportCodesNotNames)
{
    SystemMap map = sample();
    importBallotsCsv(map, "R", "Participant,Kind,Item\nAna Smith,watch,Peer worker skill\n");
    NominationRound r = *findRound(map, "R");
    r.anonymous = true;
    r.revealed = true;
    updateRound(map, "R", r);
    const std::string exported = exportBallotsCsv(map, *findRound(map, "R"));
    EXPECT_EQ(exported.find("Ana"), std::string::npos) << exported;
    EXPECT_NE(exported.find("P1,watch,Peer worker skill"), std::string::npos) << exported;
}

TEST(RoundFile, ARoundRoundTripsThroughItsOwnFileIntoAnotherCopyOfTheMap)
{
    SystemMap map = sample();
    importBallotsCsv(map, "Round 1", test::readText(kData + "/ballots/round1.csv"));
    NominationRound r = *findRound(map, "Round 1");
    r.watchBudget = 4;
    r.question = "What should the board see each quarter?";
    r.revealed = true;
    updateRound(map, "Round 1", r);
    const std::string text = exportRoundJson(map, *findRound(map, "Round 1"));

    // Another copy of the map: the same labels, and ids that need not match.
    SystemMap other = sample();
    Factor extra;
    extra.label = "Shifts every id after it";
    other.addFactor(extra);
    NominationRound back = importRoundJson(other, text);
    EXPECT_EQ(back.watchBudget, 4);
    EXPECT_EQ(back.question, r.question);
    EXPECT_TRUE(back.revealed);
    EXPECT_EQ(back.participants.size(), 12u);
    addRound(other, back);
    EXPECT_EQ(tallyCsv(other, back), tallyCsv(map, *findRound(map, "Round 1")));
}

TEST(RoundFile, UnknownItemsAndBrokenRulesAreRefusedWithThePlace)
{
    const SystemMap map = sample();
    auto refusal = [&](const std::string& text) {
        try {
            importRoundJson(map, text);
        } catch (const IoError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string head = R"({"format":"causeway-round","version":1,"round":{"name":"R","ballots":[)";
    EXPECT_NE(refusal(head + R"({"participant":"P1","watch":[{"factor":"Nope"}]}]}})").find("round.ballots[0].watch[0]"),
              std::string::npos);
    EXPECT_NE(refusal(head + R"({"participant":"P1","watch":[{"factor":"Peer workload"}],"stop":[{"factor":"Peer workload"}]}]}})")
                  .find("both"),
              std::string::npos);
    EXPECT_NE(refusal("{}").find("not a Causeway round file"), std::string::npos);
    EXPECT_NE(refusal("[1,").find("not valid JSON"), std::string::npos);
}

TEST(Secrecy, ASecretRoundIsNeitherTalliedNorExportedBeforeItIsRevealed)
{
    SystemMap map = sample();
    importBallotsCsv(map, "Round 1", test::readText(kData + "/ballots/round1.csv"));
    const NominationRound& round = *findRound(map, "Round 1");
    ASSERT_TRUE(round.secret);
    ASSERT_FALSE(round.revealed);
    EXPECT_THROW(tallyCsv(map, round), IoError);
    EXPECT_THROW(tallyJson(map, round), IoError);
    EXPECT_THROW(exportBallotsCsv(map, round), IoError);
    EXPECT_THROW(exportRoundJson(map, round), IoError);
    try {
        tallyCsv(map, round);
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("Round 1"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("revealed"), std::string::npos) << e.what();
    }

    reveal(map, "Round 1");
    const NominationRound& shown = *findRound(map, "Round 1");
    EXPECT_NE(tallyCsv(map, shown).find("Client trust in the service"), std::string::npos);
    EXPECT_NE(exportBallotsCsv(map, shown).find("watch"), std::string::npos);
}

TEST(Secrecy, AnOpenRoundThatWasNeverSecretIsShownWithoutAReveal)
{
    SystemMap map = sample();
    importBallotsCsv(map, "Open", test::readText(kData + "/ballots/round1.csv"));
    NominationRound r = *findRound(map, "Open");
    r.secret = false;
    updateRound(map, "Open", r);
    EXPECT_NE(tallyJson(map, *findRound(map, "Open")).find("Client trust in the service"), std::string::npos);
}

TEST(Secrecy, VoteBadgesOfAHiddenRoundDrawNothing)
{
    SystemMap map = sample();
    importBallotsCsv(map, "Round 1", test::readText(kData + "/ballots/round1.csv"));
    const svg::MapDrawing drawing = svg::drawingOf(map);
    auto badgesDrawn = [&] {
        pugi::xml_document doc;
        pugi::xml_node layer = doc.append_child("g");
        svg::Bounds bounds;
        svg::drawVoteBadges(layer, map, *findRound(map, "Round 1"), drawing, bounds);
        return std::distance(layer.children().begin(), layer.children().end());
    };
    EXPECT_EQ(badgesDrawn(), 0);
    reveal(map, "Round 1");
    EXPECT_GT(badgesDrawn(), 0); // the same round draws once revealed
}
