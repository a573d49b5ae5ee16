// Indicators on factors and links in the model and the .causeway file, and the monitoring plan
// drafted from a revealed round.
#include "io/ioerror.h"
#include "io/mapfile.h"
#include "model/monitoringplan.h"
#include "model/nominations.h"
#include "tests/mapvalues.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace causeway {
namespace {

using test::makeFactor;
using test::makeLink;

Indicator visitsIndicator()
{
    Indicator i;
    i.name = "Occasions of service";
    i.definition = "Visits recorded at the front desk";
    i.unit = "visits a month";
    i.source = "Client database";
    i.frequency = "monthly";
    i.owner = "Team leader";
    i.higherIsBetter = true;
    return i;
}

struct SmallMap {
    SystemMap map;
    FactorId trust, visits, workload;
    LinkId trustVisits;
    SmallMap()
    {
        trust = map.addFactor(makeFactor("Client trust"));
        visits = map.addFactor(makeFactor("Client visits"));
        workload = map.addFactor(makeFactor("Peer workload"));
        trustVisits = map.addLink(makeLink(trust, visits));
        map.addLink(makeLink(visits, workload));
    }
};

std::string field(const std::string& json, const std::string& from, const std::string& to)
{
    std::string out = json;
    out.replace(out.find(from), from.size(), to);
    return out;
}

TEST(Indicators, FactorAndLinkIndicatorsSurviveSaveAndLoad)
{
    SmallMap m;
    setIndicator(m.map, ItemRef::of(m.visits), visitsIndicator());
    Indicator link;
    link.name = "Referrals from trust";
    link.higherIsBetter = false;
    link.extra = R"({"target":12})";
    setIndicator(m.map, ItemRef::of(m.trustVisits), link);
    const SystemMap loaded = parseMapJson(writeMapJson(m.map));
    EXPECT_EQ(loaded, m.map);
    ASSERT_TRUE(loaded.factor(m.visits).indicator);
    EXPECT_EQ(loaded.factor(m.visits).indicator->owner, "Team leader");
    EXPECT_FALSE(loaded.link(m.trustVisits).indicator->higherIsBetter);
    EXPECT_NE(writeMapJson(loaded).find("\"target\": 12"), std::string::npos);
}

TEST(Indicators, SetIndicatorReturnsThePreviousOneForUndo)
{
    SmallMap m;
    const SystemMap before = m.map;
    EXPECT_FALSE(setIndicator(m.map, ItemRef::of(m.visits), visitsIndicator()));
    const auto previous = setIndicator(m.map, ItemRef::of(m.visits), std::nullopt);
    ASSERT_TRUE(previous);
    EXPECT_EQ(*previous, visitsIndicator());
    EXPECT_EQ(m.map, before);
}

TEST(Indicators, ABlankNameOrUnknownFrequencyIsRefusedAndTheMapUnchanged)
{
    SmallMap m;
    const SystemMap before = m.map;
    Indicator blank;
    blank.name = "  ";
    EXPECT_THROW(setIndicator(m.map, ItemRef::of(m.visits), blank), EditError);
    Indicator hourly = visitsIndicator();
    hourly.frequency = "hourly";
    EXPECT_THROW(setIndicator(m.map, ItemRef::of(m.trustVisits), hourly), EditError);
    EXPECT_EQ(m.map, before);
}

TEST(Indicators, AnOlderSampleMapOpensAndSavesByteForByte)
{
    std::ifstream in(CAUSEWAY_SAMPLE_MAP, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const SystemMap map = parseMapJson(text.str());
    for (const Factor& f : map.factors())
        EXPECT_FALSE(f.indicator);
    EXPECT_TRUE(map.monitoringPlan().empty());
    EXPECT_EQ(writeMapJson(map), text.str());
}

TEST(Indicators, MalformedIndicatorsAreRefusedWithTheirPlace)
{
    SmallMap m;
    setIndicator(m.map, ItemRef::of(m.visits), visitsIndicator());
    const std::string good = writeMapJson(m.map);
    auto refusal = [](const std::string& json) {
        try {
            parseMapJson(json, "map.causeway");
        } catch (const IoError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_EQ(refusal(field(good, "\"higherIsBetter\": true", "\"higherIsBetter\": \"yes\"")),
              "map.causeway: factors[1].indicator.higherIsBetter: expected true or false, got string");
    EXPECT_EQ(refusal(field(good, "\"name\": \"Occasions of service\",", "")),
              "map.causeway: factors[1].indicator.name: missing field (the indicator's name in the data)");
    EXPECT_NE(refusal(field(good, "\"monthly\"", "\"fortnightly\"")).find("factors[1].indicator.frequency: "),
              std::string::npos);
    EXPECT_EQ(refusal(field(good, "\"indicator\": {", "\"indicator\": 7, \"x1\": {")),
              "map.causeway: factors[1].indicator: expected an object {\"name\": ...}, got number");
}

// A round where trust is watched by 3, visits and the link by 2 each (tied), workload stopped.
NominationRound revealedRound(const SmallMap& m)
{
    NominationRound round;
    round.name = "Round 1";
    round.revealed = true;
    round.participants = {"A", "B", "C"};
    round.ballots = {
        {"A", {ItemRef::of(m.trust), ItemRef::of(m.visits)}, {ItemRef::of(m.workload)}},
        {"B", {ItemRef::of(m.trust), ItemRef::of(m.trustVisits)}, {ItemRef::of(m.workload)}},
        {"C", {ItemRef::of(m.trust), ItemRef::of(m.visits), ItemRef::of(m.trustVisits)}, {}},
    };
    return round;
}

TEST(MonitoringPlan, TopWatchItemsWithTiesBecomeThePlanAndStopItemsTheReviewList)
{
    SmallMap m;
    addRound(m.map, revealedRound(m));
    setIndicator(m.map, ItemRef::of(m.visits), visitsIndicator());
    const SystemMap before = m.map;
    const PlanChange change = draftMonitoringPlan(m.map, "Round 1", 2);
    // Rank 1, then the two items tied at rank 2 (in the tally's order).
    const std::vector<ItemRef> watch = {ItemRef::of(m.trust), ItemRef::of(m.trustVisits), ItemRef::of(m.visits)};
    EXPECT_EQ(change.after.watch, watch);
    EXPECT_EQ(change.after.review, std::vector<ItemRef>{ItemRef::of(m.workload)});
    applyPlanChange(m.map, change);
    EXPECT_EQ(m.map.factor(m.trust).indicator->name, "Client trust");
    EXPECT_EQ(m.map.link(m.trustVisits).indicator->name, "Client trust -> Client visits");
    EXPECT_EQ(*m.map.factor(m.visits).indicator, visitsIndicator()); // an existing one is kept
    EXPECT_EQ(parseMapJson(writeMapJson(m.map)), m.map);
    revertPlanChange(m.map, change);
    EXPECT_EQ(m.map, before);
}

TEST(MonitoringPlan, ASecretRoundNotYetRevealedIsRefused)
{
    SmallMap m;
    NominationRound round = revealedRound(m);
    round.revealed = false;
    addRound(m.map, round);
    EXPECT_THROW(draftMonitoringPlan(m.map, "Round 1", 3), EditError);
    EXPECT_THROW(draftMonitoringPlan(m.map, "No such round", 3), EditError);
}

TEST(MonitoringPlan, APlanItemThatIsNotAnIdIsRefusedOnLoading)
{
    SmallMap m;
    addRound(m.map, revealedRound(m));
    applyPlanChange(m.map, draftMonitoringPlan(m.map, "Round 1", 1));
    const std::string json = field(writeMapJson(m.map), "\"watch\": [\n      {\n        \"factor\": 1",
                                   "\"watch\": [\n      {\n        \"factor\": \"Client trust\"");
    try {
        parseMapJson(json, "m");
        FAIL() << "accepted";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("m: monitoring.watch[0].factor: expected an id"), std::string::npos)
            << e.what();
    }
}

} // namespace
} // namespace causeway
