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
        if (link.polarity != Polarity::Unknown) // flow -> stock links: ours already signed
            EXPECT_EQ(polaritySymbol(link.polarity)[0], polarity) << ends.first << " -> " << ends.second;
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
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("infectious")).position, (Point{212, 134}));
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

TEST(ImportXmile, MalformedInputIsRefusedWithThePosition)
{
    EXPECT_THAT(ioErrorOf([] { importXmile("<xmile>\n<model>\n</xmile>"); }),
                testing::HasSubstr("not well-formed XML at line 3"));
    EXPECT_THAT(ioErrorOf([] { importXmile("<graphml/>"); }), testing::HasSubstr("expected <xmile>"));
    EXPECT_THAT(ioErrorOf([] { importXmile("<xmile/>"); }), testing::HasSubstr("no <model>"));
}

} // namespace
} // namespace causeway
