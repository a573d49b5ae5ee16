#include "io/import.h"
#include "model/loops.h"

#include "importtestutil.h"
#include "iotestutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace causeway {
namespace {

using test::dataPath;
using test::ioErrorOf;
using test::linkOf;
using test::readText;

// A loop as the cycle of its factor names, rotated to start at the smallest name, so the same
// loop reads the same whoever found it.
using NamedLoop = std::vector<std::string>;
NamedLoop canonical(NamedLoop names)
{
    std::rotate(names.begin(), std::min_element(names.begin(), names.end()), names.end());
    return names;
}

struct StellaLoops {
    std::map<NamedLoop, char> loops; // -> '+' (R) or '-' (B)
    std::map<std::pair<std::string, std::string>, char> linkPolarity; // as the loops give them
};

StellaLoops stellaLoops(const nlohmann::json& analysis)
{
    StellaLoops out;
    for (const auto& loop : analysis["feedback"]["feedbackLoops"]) {
        NamedLoop names;
        for (const auto& link : loop["links"]) {
            names.push_back(link["from"]);
            out.linkPolarity[{link["from"], link["to"]}] = link["polarity"].get<std::string>()[0];
        }
        out.loops[canonical(names)] = loop["polarity"].get<std::string>()[0];
    }
    return out;
}

NamedLoop namesOf(const SystemMap& map, const Loop& loop)
{
    NamedLoop names;
    for (const FactorId id : loop.factors)
        names.push_back(map.factor(id).label);
    return canonical(names);
}

class SdAiModel : public testing::TestWithParam<std::string> {};

// Stella's loop analysis of each sd-ai model (the JSON beside it) lists the model's feedback
// loops with the polarity of each loop and of each of its links. The .stmx files carry no
// connector polarity: the import reads each link's sign from the target's equation, and finds
// the same loops, factor for factor, with the same polarities.
TEST_P(SdAiModel, LoopsMatchStellasLoopAnalysis)
{
    const std::string name = GetParam();
    const ImportResult r = importXmile(readText(dataPath("models/sd-ai/" + name + ".stmx")));
    const auto analysis = nlohmann::json::parse(readText(dataPath("models/sd-ai/" + name + ".json")));
    const StellaLoops stella = stellaLoops(analysis);

    for (const auto& [ends, polarity] : stella.linkPolarity)
        EXPECT_EQ(polaritySymbol(linkOf(r.map, ends.first, ends.second).polarity)[0], polarity)
            << ends.first << " -> " << ends.second;

    std::map<NamedLoop, char> ourLoops;
    for (const Loop& loop : findLoops(r.map, {}).loops)
        ourLoops[namesOf(r.map, loop)] = loop.polarity == LoopPolarity::Reinforcing ? '+'
            : loop.polarity == LoopPolarity::Balancing                              ? '-'
                                                                                     : '?';
    EXPECT_EQ(ourLoops, stella.loops);
}

// Every relationship Stella lists is a link of ours, with the polarity where it gives one, and
// we have no others.
TEST_P(SdAiModel, LinksMatchStellasRelationships)
{
    const std::string name = GetParam();
    const ImportResult r = importXmile(readText(dataPath("models/sd-ai/" + name + ".stmx")));
    const auto analysis = nlohmann::json::parse(readText(dataPath("models/sd-ai/" + name + ".json")));
    const auto& relationships = analysis["model"]["relationships"];
    EXPECT_EQ(r.map.linkCount(), relationships.size());
    for (const auto& rel : relationships) {
        const Link& link = linkOf(r.map, rel["from"], rel["to"]);
        if (rel.contains("polarity")) {
            EXPECT_EQ(polaritySymbol(link.polarity), rel["polarity"].get<std::string>()) << rel.dump();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(ImportXmile, SdAiModel,
                         testing::Values("armsRace", "bassDiffusion", "predatorPrey"));

// Heat loss = (teacup - room) / time: the teacup's temperature raises it, the room's lowers it,
// and the time's effect depends on which is warmer, so it stays '?'.
TEST(ImportXmile, TeacupLinksAreSignedFromTheHeatLossEquation)
{
    const ImportResult r = importXmile(readText(dataPath("models/sdxorg-test-models/teacup.xmile")));
    EXPECT_EQ(r.map.factorCount(), 4u);
    EXPECT_EQ(linkOf(r.map, "Heat Loss to Room", "Teacup Temperature").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Teacup Temperature", "Heat Loss to Room").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Room Temperature", "Heat Loss to Room").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Characteristic Time", "Heat Loss to Room").polarity, Polarity::Unknown);
    EXPECT_THAT(r.warnings, testing::Contains("2 link polarities inferred from equations"));
    EXPECT_THAT(r.warnings, testing::Contains(
                                "1 dependencies with no connector polarity and no sign from their equation: imported as '?'"));
    const LoopResult loops = findLoops(r.map, {});
    ASSERT_EQ(loops.loops.size(), 1u);
    EXPECT_EQ(loops.loops.front().polarity, LoopPolarity::Balancing);
}

// The same SIR model saved by STELLA 10 and a later version, and Sterman's Vensim SIR: one
// reinforcing loop (contagion) and two balancing ones (depletion, recovery) in each.
TEST(ImportXmile, SirModelsInXmileStellaAndVensimAgreeOnLoopPolarity)
{
    const ImportResult xmile = importXmile(readText(dataPath("models/sdxorg-test-models/SIR.xmile")));
    const ImportResult legacy = importXmile(readText(dataPath("models/sdxorg-test-models/SIR_legacy.stmx")));
    const ImportResult vensim = importVensim(readText(dataPath("models/simlin/SIR.mdl")));
    for (const ImportResult* r : {&xmile, &legacy, &vensim}) {
        const LoopResult loops = findLoops(r->map, {});
        EXPECT_EQ(loops.loops.size(), 3u);
        EXPECT_EQ(loops.counts.reinforcing, 1u);
        EXPECT_EQ(loops.counts.balancing, 2u);
    }
    ASSERT_EQ(xmile.map.linkCount(), legacy.map.linkCount());
    for (const LinkId id : xmile.map.linkIds()) {
        const Link& link = xmile.map.link(id);
        const std::string from = xmile.map.factor(link.from).label, to = xmile.map.factor(link.to).label;
        EXPECT_EQ(linkOf(legacy.map, from, to).polarity, link.polarity) << from << " -> " << to;
    }
    EXPECT_EQ(linkOf(xmile.map, "infectious", "succumbing").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(xmile.map, "duration", "recovering").polarity, Polarity::Negative);
}

// Lynx mortality falls as hare density rises (a falling graphical function with <xpts>), and
// the kills per lynx rise with it; modules keep their own equations.
TEST(ImportXmile, GraphicalFunctionsSignTheirInputByTheirDirection)
{
    const ImportResult r = importXmile(readText(dataPath("models/simlin/hares_and_foxes_modules.xmile")));
    const LoopResult loops = findLoops(r.map, {});
    EXPECT_EQ(loops.counts.unknown, 0u);
    EXPECT_GT(loops.counts.balancing, 0u);
}

TEST(ImportXmile, SirTakesPositionsFromTheView)
{
    const ImportResult r = importXmile(readText(dataPath("models/sdxorg-test-models/SIR.xmile")));
    EXPECT_EQ(r.map.factorCount(), 8u);
    EXPECT_EQ(r.map.linkCount(), 10u);
    EXPECT_GE(test::scaleBetween(r.map, "infectious", "susceptible", {212, 134}, {102, 135}), 1.0);
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("infectious")).group, "stock");
    EXPECT_EQ(findLoops(r.map, {}).loops.size(), 3u);
}

TEST(ImportXmile, ConnectorPolarityThroughAnAliasAndQuotedNames)
{
    const ImportResult r = importXmile(R"(<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><model>
      <variables>
        <aux name="Birth rate"><eqn>0.1</eqn></aux>
        <aux name="Births"><eqn>"birth rate" * Population_Size</eqn></aux>
        <aux name="Population size"><eqn>Births - Crowding</eqn></aux>
        <aux name="Crowding"><eqn>Population_size {a comment names Births}</eqn></aux>
      </variables>
      <views><view>
        <aux name="Birth_rate" x="10" y="20"/>
        <alias uid="7" x="50" y="60"><of>Population size</of></alias>
        <connector uid="1" polarity="+"><from>Birth_rate</from><to>Births</to></connector>
        <connector uid="2" polarity="-"><from><alias uid="7"/></from><to>Crowding</to></connector>
      </view></views></model></xmile>)");
    EXPECT_EQ(linkOf(r.map, "Birth rate", "Births").polarity, Polarity::Positive);
    // The connector's '-' wins over the equation's '+'; without a connector, the equation decides.
    EXPECT_EQ(linkOf(r.map, "Population size", "Crowding").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Population size", "Births").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Crowding", "Population size").polarity, Polarity::Negative);
    EXPECT_FALSE(r.map.findLink(*r.map.findFactorByLabel("Births"), *r.map.findFactorByLabel("Crowding")));
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("Birth rate")).position, (Point{10, 20}));
    EXPECT_THAT(r.warnings, testing::Contains("3 link polarities inferred from equations"));
}

// As in Vensim files: a constant loss under 1 and a graphical function's outputs between 0.1
// and 0.9 sign "1 - loss" and "1 - fraction", which any non-negative value would leave unknown.
TEST(ImportXmile, ConstantsAndGraphicalOutputsSignOneMinusAFraction)
{
    const ImportResult r = importXmile(R"(<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><model>
      <variables>
        <aux name="loss"><eqn>0.1</eqn></aux>
        <aux name="pressure"><eqn>2</eqn></aux>
        <aux name="fraction"><eqn>pressure</eqn>
          <gf><xscale min="0" max="2"/><ypts>0.9,0.5,0.1</ypts></gf></aux>
        <aux name="yield"><eqn>3</eqn></aux>
        <aux name="food"><eqn>yield * (1 - loss) * (1 - fraction)</eqn></aux>
      </variables></model></xmile>)");
    EXPECT_EQ(linkOf(r.map, "yield", "food").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "loss", "food").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "fraction", "food").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "pressure", "fraction").polarity, Polarity::Negative);
}

// STELLA 10.0.6: no <variables>; each variable carries its own <display x y>; connectors sit
// in the model's <display>.
TEST(ImportXmile, EarlyStellaVariablesDirectlyUnderTheModelAreRead)
{
    const ImportResult r = importXmile(R"(<xmile version="1.0" xmlns="http://www.systemdynamics.org/XMILE"><model>
        <stock name="Pool"><eqn>10</eqn><inflow>Fill</inflow><display x="200" y="100"/></stock>
        <flow name="Fill"><eqn>Rate * Pool</eqn><display x="100" y="100"/></flow>
        <aux name="Rate"><eqn>0.1</eqn><display x="100" y="300"/></aux>
        <display><connector uid="1" polarity="+"><from>Rate</from><to>Fill</to></connector></display>
      </model></xmile>)");
    EXPECT_EQ(r.map.factorCount(), 3u);
    EXPECT_EQ(linkOf(r.map, "Fill", "Pool").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Rate", "Fill").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Pool", "Fill").polarity, Polarity::Positive);
    EXPECT_GE(test::scaleBetween(r.map, "Pool", "Rate", {200, 100}, {100, 300}), 1.0);
}

TEST(ImportXmile, RealStella10ModelIsNotRefused)
{
    const ImportResult r = importXmile(readText(dataPath("models/sdxorg-test-models/SIR_legacy.stmx")));
    EXPECT_EQ(r.map.factorCount(), 8u);
    EXPECT_EQ(r.map.linkCount(), 10u); // as SIR.xmile, the same model saved by a later version
    EXPECT_EQ(findLoops(r.map, {}).loops.size(), 3u);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("early STELLA XMILE")));
}

// Two modules whose inputs take each other's outputs: each module's variables, grouped, joined.
TEST(ImportXmile, ModulesBecomeGroupsJoinedByTheirConnections)
{
    const ImportResult r = importXmile(R"(<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
      <model><variables>
        <module name="prey"><connect to="prey.eaten" from="predator.eating"/><connect to="prey.food" from=".Food"/></module>
        <module name="predator"><connect to="predator.prey" from="prey.Prey"/></module>
        <aux name="Food"><eqn>5</eqn></aux>
      </variables></model>
      <model name="prey"><variables>
        <stock name="Prey"><eqn>10</eqn><inflow>births</inflow><outflow>deaths</outflow></stock>
        <flow name="births"><eqn>Prey * food</eqn></flow>
        <flow name="deaths"><eqn>eaten</eqn></flow>
        <aux name="food" access="input"><eqn>1</eqn></aux>
        <aux name="eaten" access="input"><eqn>0</eqn></aux>
      </variables></model>
      <model name="predator"><variables>
        <aux name="prey" access="input"><eqn>0</eqn></aux>
        <aux name="eating" access="output"><eqn>prey * 0.1</eqn></aux>
      </variables></model></xmile>)");
    EXPECT_EQ(r.map.factorCount(), 5u); // Food, Prey, births, deaths, eating: inputs joined
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("births")).group, "prey");
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("eating")).group, "predator");
    // Signed from the equations, through the joined inputs too.
    EXPECT_EQ(linkOf(r.map, "Prey", "eating").polarity, Polarity::Positive); // across modules
    EXPECT_EQ(linkOf(r.map, "eating", "deaths").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Food", "births").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "deaths", "Prey").polarity, Polarity::Negative);
    // Prey -> births -> Prey, and Prey -> eating -> deaths -> Prey through both modules.
    EXPECT_EQ(findLoops(r.map, {}).counts.total, 2u);
    EXPECT_THAT(r.warnings, testing::Contains(testing::StartsWith("2 modules imported as groups")));
}

TEST(ImportXmile, RealTwoModuleModelGivesBothModulesVariablesConnected)
{
    const ImportResult r = importXmile(readText(dataPath("models/simlin/hares_and_foxes_modules.xmile")));
    // main: area, harvest size; hares: 6 of its 8 (area, lynxes are inputs); lynxes: 6 of 8.
    EXPECT_EQ(r.map.factorCount(), 14u);
    std::map<std::string, std::size_t> groups;
    for (const Factor& f : r.map.factors())
        ++groups[f.group];
    EXPECT_EQ(groups["hares"], 6u);
    EXPECT_EQ(groups["lynxes"], 6u);
    const auto in = [&](const std::string& label, const std::string& group) {
        for (const Factor& f : r.map.factors())
            if (f.label == label && f.group == group)
                return f.id;
        ADD_FAILURE() << label << " in " << group;
        return FactorId{};
    };
    EXPECT_TRUE(r.map.findLink(in("lynxes", "lynxes"), in("deaths", "hares")));
    EXPECT_TRUE(r.map.findLink(in("hare density", "hares"), in("death fraction", "lynxes")));
    EXPECT_TRUE(r.map.findLink(in("area", ""), in("hare density", "hares")));
    EXPECT_TRUE(r.map.findLink(in("size of one time lynx harvest", ""), in("harvest", "lynxes")));
    EXPECT_EQ(test::overlappingBoxes(r.map), 0u);
}

TEST(ImportXmile, MalformedInputIsRefusedWithThePosition)
{
    EXPECT_THAT(ioErrorOf([] { importXmile("<xmile>\n<model>\n</xmile>"); }),
                testing::HasSubstr("not well-formed XML at line 3"));
    EXPECT_THAT(ioErrorOf([] { importXmile("<graphml/>"); }), testing::HasSubstr("expected <xmile>"));
    EXPECT_THAT(ioErrorOf([] { importXmile("<xmile/>"); }), testing::HasSubstr("no <model>"));
}

} // namespace
} // namespace causeway
