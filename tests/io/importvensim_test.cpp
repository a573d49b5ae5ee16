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
    // Positions from the sketch (scaled): the variable, not its ghost copy further down.
    EXPECT_GE(test::scaleBetween(r.map, "Contact Rate c", "Total Population P", {168, 300}, {257, 325}), 1.0);
}

// Vensim draws small boxes; at its coordinates Causeway's boxes overlapped, stocks hid flows.
TEST(ImportVensim, FilePositionsAreScaledUntilNoFactorBoxesOverlap)
{
    const std::string text = sketch("a = b ~~|\nb = a ~~|\nc = a ~~|",
                                     "10,1,Births per thousand people,100,100,40,20,8,3,0,0,0,0,0,0\n"
                                     "10,2,Deaths per thousand people,180,110,40,20,8,3,0,0,0,0,0,0\n"
                                     "10,3,c,100,300,40,20,8,3,0,0,0,0,0,0\n");
    const ImportResult r = importVensim(text);
    EXPECT_EQ(test::overlappingBoxes(r.map), 0u);
    const double scale = test::scaleBetween(r.map, "Births per thousand people", "Deaths per thousand people",
                                            {100, 100}, {180, 110});
    EXPECT_GT(scale, 1.0);
    EXPECT_DOUBLE_EQ(test::scaleBetween(r.map, "Deaths per thousand people", "c", {180, 110}, {100, 300}), scale);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("positions were scaled")));
    const ImportResult sir = importVensim(readText(dataPath("models/simlin/SIR.mdl")));
    EXPECT_EQ(test::overlappingBoxes(sir.map), 0u);
}

// Saved by an old Vensim: "|" variables, ">" arrows, loop markers in quoted multi-line names.
TEST(ImportVensim, V160SketchIsRead)
{
    const std::string text = "a = A FUNCTION OF(b)\n~\n~|\nb = A FUNCTION OF(a)\n~\n~|\n"
                             "\\\\\\---/// Sketch information - do not modify anything except names\n"
                             "V160  Do not put anything below this section - it will be ignored\n*View 1\n"
                             "$Times New Roman|12||0-0-0|0-0-0|0-0-0\n"
                             "|0,Alpha,100,100,30,8,0,0,0,0,-1,0,-1--1--1,-1--1--1\n"
                             "|1,Beta,300,100,30,8,0,0,0,0,-1,0,-1--1--1,-1--1--1\n"
                             "|2,\"\nR1\n,200,100,16,16,4,3,0,0,0,0,-1--1--1,-1--1--1\n"
                             ">0,1,1,0,43,0,0,-1--1--1,1|(200,60)|\n"
                             ">1,0,1,0,45,0,0,-1--1--1,1|(200,140)|\n";
    const ImportResult r = importVensim(text);
    EXPECT_EQ(r.map.factorCount(), 2u);
    EXPECT_EQ(linkOf(r.map, "Alpha", "Beta").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Beta", "Alpha").polarity, Polarity::Negative);
}

TEST(ImportVensim, RealV160CausalLoopDiagramHasItsFifteenVariablesAndTwentySignedArrows)
{
    const ImportResult r = importVensim(readText(dataPath("models/simlin/energy_tech_cld_v160.mdl")));
    EXPECT_EQ(r.map.factorCount(), 15u);
    ASSERT_EQ(r.map.linkCount(), 20u);
    std::size_t positive = 0, negative = 0;
    for (const Link& link : r.map.links()) {
        positive += link.polarity == Polarity::Positive ? 1 : 0;
        negative += link.polarity == Polarity::Negative ? 1 : 0;
    }
    EXPECT_EQ(positive, 15u);
    EXPECT_EQ(negative, 5u);
    EXPECT_EQ(linkOf(r.map, "Carbon Energy Price", "Carbon Energy Share").polarity, Polarity::Negative);
}

// Issue 9: a .mdl cut off in its sketch imported 5 of its 25 factors with no word.
// Tom Fiddaman's CLD of energy technology's positive loops (FREE), saved as a V160 sketch with
// stocks (shape 3), flows (32, 40) beside their valves (39), clouds and framed loop markers.
// Read as comments they left 10 of its 24 drawn variables; now every loop marker finds its loop.
TEST(ImportVensim, OldSketchStocksFlowsValvesAndCloudsAreRead)
{
    const ImportResult r = importVensim(readText(dataPath("models/simlin/energy_pos_loop_v160.mdl")));
    EXPECT_EQ(r.map.factorCount(), 24u);
    EXPECT_EQ(r.map.linkCount(), 38u);
    EXPECT_TRUE(r.map.findFactorByLabel("Capital")); // a stock
    EXPECT_TRUE(r.map.findFactorByLabel("Investment")); // a flow, drawn beside its valve
    EXPECT_FALSE(r.map.findFactorByLabel("48")); // a cloud
    EXPECT_EQ(linkOf(r.map, "Investment", "Capital").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Discards", "Capital").polarity, Polarity::Negative);
    EXPECT_THAT(r.warnings, testing::Not(testing::Contains(testing::HasSubstr("matches no loop"))));
    EXPECT_THAT(r.warnings, testing::Not(testing::Contains(testing::HasSubstr("does not join"))));
    EXPECT_EQ(r.map.loopLabels().size(), 15u);
    const LoopResult loops = findLoops(r.map, {});
    EXPECT_EQ(loops.counts.unknown, 0u);
    EXPECT_EQ(loops.counts.reinforcing + loops.counts.balancing, 36u);
}

TEST(ImportVensim, TruncatedSketchIsReportedWithTheCountOfVariablesLeftOut)
{
    const std::string whole = readText(dataPath("models/sdxorg-test-models/workforce.mdl"));
    const std::size_t sketchAt = whole.find("\\\\\\---///");
    ASSERT_NE(sketchAt, std::string::npos);
    // Cut after the fifth variable record of the sketch.
    std::size_t cut = sketchAt;
    for (int records = 0; records < 5;) {
        cut = whole.find("\n10,", cut + 1);
        ASSERT_NE(cut, std::string::npos);
        ++records;
    }
    cut = whole.find('\n', cut + 1);
    const ImportResult r = importVensim(whole.substr(0, cut + 1));
    EXPECT_EQ(r.map.factorCount(), 5u);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("the file looks truncated; 20 of 25 model variables")));
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

// Six of workforce.mdl's arrows carry no sign; each target's equation gives it:
// Departure = Experts / Average Tenure, Task Completion = MIN(expert + rookie completion, backlog),
// Rookie-Hours Worked = Rookie Workweek * Rookies. Signed arrows keep the file's sign.
TEST(ImportVensim, WorkforceUnsignedArrowsTakeTheirSignFromTheEquations)
{
    const ImportResult r = importVensim(readText(dataPath("models/sdxorg-test-models/workforce.mdl")));
    EXPECT_EQ(r.map.factorCount(), 25u);
    EXPECT_EQ(r.map.linkCount(), 30u);
    EXPECT_EQ(linkOf(r.map, "Maturation", "Experts").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Maturation", "Rookies").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Target Backlog", "Pressure to Hire").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Average Tenure", "Departure").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Experts", "Departure").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Task Backlog", "Task Completion").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Rookie Task Completion", "Task Completion").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Expert Task Completion", "Task Completion").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Rookie Workweek", "Rookie-Hours Worked per Week").polarity, Polarity::Positive);
    EXPECT_THAT(r.warnings, testing::Contains("6 link polarities inferred from equations"));
    EXPECT_THAT(r.warnings, testing::Not(testing::Contains(testing::HasSubstr("imported as '?'"))));
    const LoopResult loops = findLoops(r.map, {});
    EXPECT_EQ(loops.loops.size(), 6u);
    EXPECT_EQ(loops.counts.unknown, 0u);
    // Departure, maturation, the backlog draining itself and hiring to work the backlog off
    // balance; hiring rookies who take experts' time to supervise reinforces the backlog.
    EXPECT_EQ(loops.counts.balancing, 5u);
    EXPECT_EQ(loops.counts.reinforcing, 1u);
}

// An unsigned arrow into a lookup's caller takes the table's direction.
TEST(ImportVensim, UnsignedArrowThroughALookupTakesTheTablesDirection)
{
    const std::string text = sketch("effect(\n [(0,0)-(2,1)],(0,1),(1,0.5),(2,0.2)) ~~|\n"
                                    "crowding = 3 ~~|\nbirths = effect(crowding) * 2 ~~|",
                                    "10,1,crowding,100,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,2,births,300,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "1,3,1,2,0,0,0,0,0,64,0,-1--1--1,,1|(200,80)|\n");
    const ImportResult r = importVensim(text);
    EXPECT_EQ(linkOf(r.map, "crowding", "births").polarity, Polarity::Negative);
    EXPECT_THAT(r.warnings, testing::Contains("1 link polarities inferred from equations"));
}

// Units and comments are free text: a bracket or a quote left open there (World3-03's
// "Land erosion rate (LER#") once hid every later equation, so their arrows came in unsigned.
TEST(ImportVensim, ABracketOrQuoteLeftOpenInACommentHidesNoEquation)
{
    const std::string text = sketch("crowding = 3 ~ people ~ Crowding (CRW# |\n"
                                    "room = 5 ~ m2 ~ the \"usable area |\n"
                                    "births = room - crowding ~~|",
                                    "10,1,crowding,100,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,2,births,300,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,3,room,300,300,40,20,8,3,0,0,0,0,0,0\n"
                                    "1,4,1,2,0,0,0,0,0,64,0,-1--1--1,,1|(200,80)|\n"
                                    "1,5,3,2,0,0,0,0,0,64,0,-1--1--1,,1|(300,200)|\n");
    const ImportResult r = importVensim(text);
    EXPECT_EQ(linkOf(r.map, "crowding", "births").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "room", "births").polarity, Polarity::Positive);
    EXPECT_THAT(r.warnings, testing::Contains("2 link polarities inferred from equations"));
}

// The file's numbers settle signs that "every variable is non-negative" cannot: a constant
// loss under 1 and a fraction read from a table between 0 and 0.9 (World3-03's food and
// industrial output equations). An arrow into a variable whose equation does not use its source
// (World3-03 draws one into a constant) stays unsigned, and says why.
TEST(ImportVensim, ConstantsAndLookupOutputsSignOneMinusAFraction)
{
    const std::string text = sketch("processing loss = 0.1 ~~|\n"
                                    "fraction table([(0,0)-(2,1)],(0,0.9),(2,0.1)) ~~|\n"
                                    "fraction = fraction table(pressure) ~~|\n"
                                    "pressure = 1 ~~|\n"
                                    "yield = 2 ~~|\n"
                                    "food = yield * (1 - processing loss) * (1 - fraction) ~~|\n"
                                    "life = 3 ~~|",
                                    "10,1,yield,100,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,2,food,300,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,3,processing loss,300,300,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,4,fraction,500,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,5,pressure,700,100,40,20,8,3,0,0,0,0,0,0\n"
                                    "10,6,life,500,300,40,20,8,3,0,0,0,0,0,0\n"
                                    "1,7,1,2,0,0,0,0,0,64,0,-1--1--1,,1|(200,80)|\n"
                                    "1,8,3,2,0,0,0,0,0,64,0,-1--1--1,,1|(300,200)|\n"
                                    "1,9,4,2,0,0,0,0,0,64,0,-1--1--1,,1|(400,80)|\n"
                                    "1,10,5,4,0,0,0,0,0,64,0,-1--1--1,,1|(600,80)|\n"
                                    "1,11,2,6,0,0,0,0,0,64,0,-1--1--1,,1|(400,200)|\n");
    const ImportResult r = importVensim(text);
    EXPECT_EQ(linkOf(r.map, "yield", "food").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "processing loss", "food").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "fraction", "food").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "pressure", "fraction").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "food", "life").polarity, Polarity::Unknown);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr(
                                "arrow food -> life: the equation of life does not use food; imported as '?'")));
    EXPECT_THAT(r.warnings, testing::Contains("4 link polarities inferred from equations"));
}

// Views share no coordinates, so each is moved clear of the others: in rows making the whole
// about a screen's shape, the first where the file puts it (World3-03's 14 views stood in one
// column forty times taller than wide).
TEST(ImportVensim, ViewsAreSetOutInRowsNotOneColumn)
{
    std::string equations, records;
    const std::string style = "$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n";
    for (int v = 0; v < 9; ++v) {
        if (v > 0) // each view opens with its own sketch line, as Vensim writes them
            records += "\\\\\\---/// Sketch information - do not modify anything except names\nV300  Do not put "
                       "anything below this section - it will be ignored\n*View " + std::to_string(v + 1) + "\n" + style;
        for (int k = 0; k < 2; ++k) { // two variables per view, 400 apart, at the same place in every view
            const std::string name = "v" + std::to_string(v) + "x" + std::to_string(k);
            equations += name + " = 1 ~~|\n";
            records += "10," + std::to_string(k + 1) + "," + name + "," + std::to_string(100 + 400 * k)
                       + ",100,40,20,8,3,0,0,0,0,0,0\n";
        }
    }
    const ImportResult r = importVensim(sketch(equations, records));
    ASSERT_EQ(r.map.factorCount(), 18u);
    double left = 1e300, right = -1e300, top = 1e300, bottom = -1e300;
    for (const Factor& f : r.map.factors()) {
        left = std::min(left, f.position.x);
        right = std::max(right, f.position.x);
        top = std::min(top, f.position.y);
        bottom = std::max(bottom, f.position.y);
    }
    const double aspect = (right - left + 100) / (bottom - top + 100);
    EXPECT_GT(aspect, 0.75) << (right - left) << " x " << (bottom - top); // one column: about 0.3
    EXPECT_LT(aspect, 4.0);
    // The first view stays where the file puts it (before boxes are spread to fit, equally).
    const Point first = r.map.factor(*r.map.findFactorByLabel("v0x0")).position;
    const Point beside = r.map.factor(*r.map.findFactorByLabel("v0x1")).position;
    EXPECT_DOUBLE_EQ(first.y, beside.y);
    EXPECT_LE(first.x, left);
    EXPECT_LE(first.y, top);
}

// Forrester's IDch15d draws a flow's name apart from its valve and points it at the valve: the
// valve is the flow the stock's rate names (SSR drains IAR), not an arrow end to skip.
TEST(ImportVensim, AValveWithItsFlowDrawnApartStandsForThatFlow)
{
    const std::string text = sketch("IAR = INTEG(SRR - SSR, 10) ~~|\nSRR = 3 ~~|\nSSR = NIR / 2 ~~|\nNIR = 4 ~~|",
                                    "10,4,IAR,93,501,40,20,3,3,0,0,-1,0,0,0\n"
                                    "10,5,SSR,150,590,16,11,0,3,0,0,-1,0,0,0\n"
                                    "10,6,NIR,170,540,16,11,0,3,0,0,-1,0,0,0\n"
                                    "10,7,SRR,300,400,16,11,0,3,0,0,-1,0,0,0\n"
                                    "1,8,6,5,1,0,0,0,0,0,0,-1--1--1,,1|(170,563)|\n"
                                    "12,64,48,90,700,10,8,0,3,0,2,-1,0,0,0\n"
                                    "11,65,48,91,571,8,6,1,3,0,0,1,0,0,0\n"
                                    "1,66,65,64,4,0,0,22,0,0,0,-1--1--1,,1|(91,634)|\n"
                                    "1,67,65,4,100,0,0,22,0,0,0,-1--1--1,,1|(91,543)|\n"
                                    "1,73,5,65,1,0,0,0,0,64,0,-1--1--1,,1|(117,587)|\n"
                                    "1,74,7,4,0,0,43,0,0,64,0,-1--1--1,,1|(200,450)|\n");
    const ImportResult r = importVensim(text);
    EXPECT_EQ(linkOf(r.map, "SSR", "IAR").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "NIR", "SSR").polarity, Polarity::Positive);
    EXPECT_EQ(r.map.linkCount(), 3u); // no SSR -> SSR from the name's arrow to its own valve
    EXPECT_THAT(r.warnings, testing::Not(testing::Contains(testing::HasSubstr("does not join"))));
}

// Ranges chain through the equations they read (a10 = -1 makes a1 negative), and a hostile file
// whose every equation nests as deep as a parse allows, chained, still imports: the nested
// parses share one nesting count instead of each taking its own.
TEST(ImportVensim, RangesChainThroughEquationsAndDeepChainsStayWithinTheStack)
{
    std::string equations = "x = 1 ~~|\ny = x * a1 ~~|\n";
    for (int i = 1; i < 10; ++i)
        equations += "a" + std::to_string(i) + " = a" + std::to_string(i + 1) + " ~~|\n";
    equations += "a10 = -1 ~~|\nw = x * b0 ~~|\n";
    const std::string open(90, '('), close(90, ')'); // 270 of a parse's 300 levels (a bracket costs three)
    for (int i = 0; i < 64; ++i)
        equations += "b" + std::to_string(i) + " = -" + open + "b" + std::to_string(i + 1) + close + " ~~|\n";
    equations += "b64 = 1 ~~|";
    const ImportResult r = importVensim(sketch(equations,
                                               "10,1,x,100,100,40,20,8,3,0,0,0,0,0,0\n"
                                               "10,2,y,300,100,40,20,8,3,0,0,0,0,0,0\n"
                                               "10,3,w,300,300,40,20,8,3,0,0,0,0,0,0\n"
                                               "1,4,1,2,0,0,0,0,0,64,0,-1--1--1,,1|(200,80)|\n"
                                               "1,5,1,3,0,0,0,0,0,64,0,-1--1--1,,1|(200,200)|\n"));
    EXPECT_EQ(linkOf(r.map, "x", "y").polarity, Polarity::Negative);
    EXPECT_EQ(r.map.linkCount(), 2u);
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
    EXPECT_EQ(linkOf(r.map, "a", "c").polarity, Polarity::Positive); // the ghost's arrow: c = a
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
