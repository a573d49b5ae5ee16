#include "io/import.h"
#include "model/loops.h"

#include "importtestutil.h"
#include "iotestutil.h"

namespace causeway {
namespace {

using test::dataPath;
using test::ioErrorOf;
using test::linkOf;
using test::readText;

std::set<std::string> labelsOf(const SystemMap& map, const Loop& loop)
{
    std::set<std::string> labels;
    for (const FactorId id : loop.factors)
        labels.insert(map.factor(id).label);
    return labels;
}

// A small sketch in Vensim's record format around the given records.
std::string sketch(const std::string& equations, const std::string& records)
{
    return "{UTF-8}\n" + equations + "\n\\\\\\---/// Sketch information - do not modify anything except names\n"
           "V300  Do not put anything below this section - it will be ignored\n*View 1\n"
           "$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
        + records + "///---\\\\\\\n:L<%^E!@\n";
}

// Sterman's SIR model: Vensim's own loop markers name three loops, B Depletion, R Contagion
// and B Recovery; the import finds exactly those, with those polarities.
TEST(ImportVensim, SirModelLoopsMatchItsLoopMarkers)
{
    const ImportResult r = importVensim(readText(dataPath("models/simlin/SIR.mdl")));
    EXPECT_EQ(r.map.factorCount(), 11u); // ghost copies merged into their variables
    const LoopResult loops = findLoops(r.map, {});
    ASSERT_EQ(loops.loops.size(), 3u);
    ASSERT_EQ(r.map.loopLabels().size(), 3u);
    const std::map<std::string, std::pair<std::set<std::string>, LoopPolarity>> expected{
        {"B Depletion", {{"Susceptible Population S", "Infection Rate"}, LoopPolarity::Balancing}},
        {"R Contagion", {{"Infectious Population I", "Infection Rate"}, LoopPolarity::Reinforcing}},
        {"B Recovery", {{"Infectious Population I", "Recovery Rate"}, LoopPolarity::Balancing}}};
    for (const LoopLabel& label : r.map.loopLabels()) {
        ASSERT_TRUE(expected.contains(label.name)) << label.name;
        const Loop* loop = nullptr;
        for (const Loop& candidate : loops.loops)
            if (candidate.links == label.links)
                loop = &candidate;
        ASSERT_NE(loop, nullptr) << label.name;
        EXPECT_EQ(labelsOf(r.map, *loop), expected.at(label.name).first) << label.name;
        EXPECT_EQ(loop->polarity, expected.at(label.name).second) << label.name;
    }
}

TEST(ImportVensim, StocksAndFlowsBecomeSignedLinks)
{
    const ImportResult r = importVensim(readText(dataPath("models/simlin/SIR.mdl")));
    EXPECT_EQ(linkOf(r.map, "Infection Rate", "Infectious Population I").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Infection Rate", "Susceptible Population S").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Average Duration of Illness d", "Recovery Rate").polarity, Polarity::Negative);
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("Susceptible Population S")).group, "stock");
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("Infection Rate")).group, "flow");
    // Positions from the sketch: the variable, not its ghost copy further down.
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("Contact Rate c")).position, (Point{168, 300}));
}

TEST(ImportVensim, ArrowsThatOnlySetAStocksInitialValueAreSkipped)
{
    const ImportResult r = importVensim(readText(dataPath("models/simlin/SIR.mdl")));
    const FactorId s = *r.map.findFactorByLabel("Susceptible Population S");
    EXPECT_FALSE(r.map.findLink(*r.map.findFactorByLabel("Total Population P"), s));
    EXPECT_FALSE(r.map.findLink(*r.map.findFactorByLabel("Recovered Population R"), s));
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr(
                                "Total Population P -> Susceptible Population S only sets the stock's initial value")));
}

TEST(ImportVensim, WorkforceModelKeepsSignedAndUnsignedArrows)
{
    const ImportResult r = importVensim(readText(dataPath("models/sdxorg-test-models/workforce.mdl")));
    EXPECT_EQ(r.map.factorCount(), 25u);
    EXPECT_EQ(r.map.linkCount(), 30u);
    EXPECT_EQ(linkOf(r.map, "Maturation", "Experts").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Maturation", "Rookies").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Target Backlog", "Pressure to Hire").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Average Tenure", "Departure").polarity, Polarity::Unknown);
    EXPECT_THAT(r.warnings, testing::Contains("6 arrow(s) have no polarity sign, imported as '?'"));
    const LoopResult loops = findLoops(r.map, {});
    EXPECT_EQ(loops.loops.size(), 6u);
    EXPECT_EQ(loops.counts.balancing, 1u); // Rookies -> Maturation -> Rookies
}

TEST(ImportVensim, PolarityLettersDelayMarksAndGhostsInASketch)
{
    const std::string text = sketch("a = b ~~|\nb = a ~~|\nc = a ~~|",
                                     "10,1,a,100,100,40,20,8,3,0,0,0,0,0,0\n"
                                     "10,2,b,300,100,40,20,8,3,0,0,0,0,0,0\n"
                                     "10,3,c,300,300,40,20,8,3,0,0,0,0,0,0\n"
                                     "10,4,a,500,500,40,20,8,2,0,3,-1,0,0,0\n"
                                     "1,5,1,2,1,0,83,0,0,65,0,-1--1--1,,1|(200,80)|\n"
                                     "1,6,2,1,1,0,79,0,0,64,0,-1--1--1,,1|(200,120)|\n"
                                     "1,7,4,3,0,0,63,0,0,64,0,-1--1--1,,1|(0,0)|\n");
    const ImportResult r = importVensim(text);
    EXPECT_EQ(r.map.factorCount(), 3u);
    EXPECT_EQ(linkOf(r.map, "a", "b").polarity, Polarity::Positive); // 'S'
    EXPECT_TRUE(linkOf(r.map, "a", "b").delay);
    EXPECT_EQ(linkOf(r.map, "b", "a").polarity, Polarity::Negative); // 'O'
    EXPECT_FALSE(linkOf(r.map, "b", "a").delay);
    EXPECT_EQ(linkOf(r.map, "a", "c").polarity, Polarity::Unknown); // the ghost's arrow, '?'
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("a")).position, (Point{100, 100}));
}

TEST(ImportVensim, MalformedInputIsRefusedWithTheLine)
{
    EXPECT_THAT(ioErrorOf([] { importVensim("a = 1 ~~|"); }), testing::HasSubstr("no \"\\\\\\---///\""));
    EXPECT_THAT(ioErrorOf([] { importVensim(sketch("", "10,1,a,x,100,40,20,8,3\n")); }),
                testing::HasSubstr("line 7: position 'x,100'"));
    EXPECT_THAT(ioErrorOf([] { importVensim(sketch("", "1,2\n")); }), testing::HasSubstr("line 7"));
}

} // namespace
} // namespace causeway
