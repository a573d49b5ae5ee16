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
// loops. The import finds the same loops, factor for factor and in the same order. The .stmx
// files carry no connector polarity, so our loops are U except through stock-flow links; Stella
// took its link polarities from its own analysis: given those, our loops get Stella's R/B.
TEST_P(SdAiModel, LoopsMatchStellasLoopAnalysis)
{
    const std::string name = GetParam();
    ImportResult r = importXmile(readText(dataPath("models/sd-ai/" + name + ".stmx")));
    const auto analysis = nlohmann::json::parse(readText(dataPath("models/sd-ai/" + name + ".json")));
    const StellaLoops stella = stellaLoops(analysis);

    const LoopResult ours = findLoops(r.map, {});
    std::set<NamedLoop> ourLoops;
    for (const Loop& loop : ours.loops)
        ourLoops.insert(namesOf(r.map, loop));
    std::set<NamedLoop> theirLoops;
    for (const auto& [loop, polarity] : stella.loops)
        theirLoops.insert(loop);
    EXPECT_EQ(ourLoops, theirLoops);

    for (const auto& [ends, polarity] : stella.linkPolarity) {
        const Link& link = linkOf(r.map, ends.first, ends.second);
        if (link.polarity != Polarity::Unknown) { // flow -> stock links: ours already signed
            EXPECT_EQ(polaritySymbol(link.polarity)[0], polarity) << ends.first << " -> " << ends.second;
        }
        Link signedLink = link;
        signedLink.polarity = polarity == '+' ? Polarity::Positive : Polarity::Negative;
        r.map.updateLink(signedLink);
    }
    for (const Loop& loop : findLoops(r.map, {}).loops) {
        const char expected = stella.loops.at(namesOf(r.map, loop));
        EXPECT_EQ(loop.polarity, expected == '+' ? LoopPolarity::Reinforcing : LoopPolarity::Balancing);
    }
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
        const std::string expected = rel.contains("polarity") ? rel["polarity"].get<std::string>() : "?";
        EXPECT_EQ(polaritySymbol(link.polarity), expected) << rel.dump();
    }
}

INSTANTIATE_TEST_SUITE_P(ImportXmile, SdAiModel,
                         testing::Values("armsRace", "bassDiffusion", "predatorPrey"));

TEST(ImportXmile, TeacupHasOneBalancingStructureWithUnknownDependencyPolarity)
{
    const ImportResult r = importXmile(readText(dataPath("models/sdxorg-test-models/teacup.xmile")));
    EXPECT_EQ(r.map.factorCount(), 4u);
    EXPECT_EQ(linkOf(r.map, "Heat Loss to Room", "Teacup Temperature").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Teacup Temperature", "Heat Loss to Room").polarity, Polarity::Unknown);
    EXPECT_THAT(r.warnings, testing::Contains("3 dependencies have no connector polarity, imported as '?'"));
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
    EXPECT_EQ(linkOf(r.map, "Population size", "Crowding").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Population size", "Births").polarity, Polarity::Unknown);
    EXPECT_FALSE(r.map.findLink(*r.map.findFactorByLabel("Births"), *r.map.findFactorByLabel("Crowding")));
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("Birth rate")).position, (Point{10, 20}));
    EXPECT_THAT(r.warnings, testing::Contains("3 dependencies have no connector polarity, imported as '?'"));
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
    EXPECT_EQ(linkOf(r.map, "Pool", "Fill").polarity, Polarity::Unknown);
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
    EXPECT_EQ(linkOf(r.map, "Prey", "eating").polarity, Polarity::Unknown); // across modules
    EXPECT_EQ(linkOf(r.map, "eating", "deaths").polarity, Polarity::Unknown);
    EXPECT_EQ(linkOf(r.map, "Food", "births").polarity, Polarity::Unknown);
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
