#include "io/import.h"

#include "iotestutil.h"

using namespace causeway;
using namespace causeway::test;
using ::testing::Contains;
using ::testing::HasSubstr;

namespace {

ImportResult importFixture(const std::string& name)
{
    return importGraphml(readText(dataPath(name)));
}

} // namespace

TEST(ImportGraphml, NetworkxNodeIdsBecomeLabelsAndPolarityIsRead)
{
    const ImportResult r = importFixture("networkx-polarity.graphml");
    EXPECT_EQ(r.map.factorCount(), 6u); // the isolated node included
    EXPECT_EQ(r.map.linkCount(), 7u);
    EXPECT_EQ(linkBetween(r.map, "Trust", "Visits").polarity, Polarity::Positive);
    EXPECT_EQ(linkBetween(r.map, "Visits", "Workload").polarity, Polarity::Positive);
    EXPECT_EQ(linkBetween(r.map, "Workload", "Well-being").polarity, Polarity::Negative);
    EXPECT_TRUE(linkBetween(r.map, "Visits", "Knowledge").delay);
    EXPECT_FALSE(linkBetween(r.map, "Trust", "Visits").delay);
    // A self-loop is a loop of length one and is kept.
    EXPECT_EQ(linkBetween(r.map, "Workload", "Workload").polarity, Polarity::Negative);
    // "maybe" is not a polarity: imported as unknown, with a warning naming the edge.
    EXPECT_EQ(linkBetween(r.map, "Well-being", "Trust").polarity, Polarity::Unknown);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("polarity 'maybe' of Well-being -> Trust not understood")));
}

TEST(ImportGraphml, NetworkxLabelAttributeSignAndSmallPositionsAreRead)
{
    const ImportResult r = importFixture("networkx-sign.graphml");
    EXPECT_EQ(r.map.factorCount(), 4u);
    EXPECT_EQ(linkBetween(r.map, "Stigma", "Exclusion").polarity, Polarity::Positive);
    EXPECT_EQ(linkBetween(r.map, "Complex needs", "Pressure").polarity, Polarity::Negative);
    EXPECT_EQ(linkBetween(r.map, "Complex needs", "Stigma").polarity, Polarity::Unknown);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("1 edge(s) have no polarity or sign attribute")));
    // Positions in [-1, 1] are scaled up, keeping their arrangement.
    const Point stigma = r.map.factor(*r.map.findFactorByLabel("Stigma")).position;
    const Point needs = r.map.factor(*r.map.findFactorByLabel("Complex needs")).position;
    const Point exclusion = r.map.factor(*r.map.findFactorByLabel("Exclusion")).position;
    EXPECT_GT(stigma.x - needs.x, 100);
    EXPECT_DOUBLE_EQ(stigma.y, needs.y);
    EXPECT_GT(exclusion.y, stigma.y);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("scaled up")));
}

TEST(ImportGraphml, ParallelEdgesAreWarnedAndSkipped)
{
    const ImportResult r = importFixture("networkx-parallel.graphml");
    EXPECT_EQ(r.map.linkCount(), 2u);
    EXPECT_EQ(linkBetween(r.map, "A", "B").polarity, Polarity::Positive); // the first one wins
    EXPECT_EQ(linkBetween(r.map, "B", "A").polarity, Polarity::Negative);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("line 10: a second edge A -> B skipped")));
}

TEST(ImportGraphml, UndirectedGraphsAreImportedWithAWarning)
{
    const ImportResult r = importFixture("networkx-undirected.graphml");
    EXPECT_EQ(r.map.linkCount(), 1u);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("the graph is undirected")));
}

TEST(ImportGraphml, YedLabelsGeometryEdgeLabelsAndKeyDefaultsAreRead)
{
    const ImportResult r = importFixture("yed.graphml");
    ASSERT_EQ(r.map.factorCount(), 3u);
    const Factor& skill = r.map.factor(*r.map.findFactorByLabel("Peer worker skill"));
    EXPECT_EQ(skill.description, "Credibility as a cultural peer");
    // yEd's geometry is the top-left corner; the factor sits at the centre.
    EXPECT_EQ(skill.position, (Point{160, 215}));
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("Client trust")).position, (Point{470, 215}));
    const Link& builds = linkBetween(r.map, "Peer worker skill", "Client trust");
    EXPECT_EQ(builds.label, "builds");
    EXPECT_EQ(builds.polarity, Polarity::Positive); // from the key's <default>
    EXPECT_EQ(linkBetween(r.map, "Client trust", "Client visits").polarity, Polarity::Negative);
    EXPECT_EQ(linkBetween(r.map, "Client visits", "Peer worker skill").polarity, Polarity::Positive);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

TEST(ImportGraphml, GephiLabelsGroupsPositionsAndSignsAreRead)
{
    const ImportResult r = importFixture("gephi.graphml");
    ASSERT_EQ(r.map.factorCount(), 3u);
    const Factor& stigma = r.map.factor(*r.map.findFactorByLabel("Stigma in mainstream services"));
    EXPECT_EQ(stigma.group, "Service system");
    EXPECT_EQ(stigma.position, (Point{-245.3, 112.8}));
    EXPECT_EQ(linkBetween(r.map, "Stigma in mainstream services", "Exclusion criteria").label, "raises");
    EXPECT_EQ(linkBetween(r.map, "Stigma in mainstream services", "Exclusion criteria").polarity,
              Polarity::Positive);
    EXPECT_EQ(linkBetween(r.map, "Exclusion criteria", "Complex needs").polarity, Polarity::Negative);
    EXPECT_EQ(linkBetween(r.map, "Complex needs", "Stigma in mainstream services").polarity,
              Polarity::Negative);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

TEST(ImportGraphml, MalformedXmlNamesLineAndColumn)
{
    const std::string message = ioErrorOf([] {
        importGraphml("<graphml>\n  <graph>\n    <node id=\"a\">\n  </graph>\n</graphml>\n");
    });
    EXPECT_THAT(message, HasSubstr("not well-formed XML at line 4"));
    EXPECT_THAT(ioErrorOf([] { importGraphml("<html><body/></html>"); }),
                HasSubstr("not GraphML: the document is a <html> element"));
    EXPECT_THAT(ioErrorOf([] { importGraphml("<graphml></graphml>"); }), HasSubstr("no <graph> element"));
    EXPECT_THAT(ioErrorOf([] { importGraphml(""); }), HasSubstr("not well-formed XML"));
}

TEST(ImportGraphml, EdgesToMissingNodesAndDuplicateNodesAreSkippedWithWarnings)
{
    const ImportResult r = importGraphml(R"(<graphml><graph edgedefault="directed">
        <node id="a"/><node id="b"/><node id="a"/>
        <edge source="a" target="zz"/><edge source="a" target="b"/>
        </graph></graphml>)");
    EXPECT_EQ(r.map.factorCount(), 2u);
    EXPECT_EQ(r.map.linkCount(), 1u);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("a second node with id 'a' skipped")));
    EXPECT_THAT(r.warnings, Contains(HasSubstr("edge skipped: 'zz' is not a node")));
}

TEST(ImportGraphml, NestedGroupNodesContributeTheirMembers)
{
    const ImportResult r = importGraphml(R"(<graphml><graph edgedefault="directed">
        <node id="outside"/>
        <node id="group"><graph edgedefault="directed"><node id="in1"/><node id="in2"/>
            <edge source="in1" target="in2"/></graph></node>
        <edge source="outside" target="in1"/><edge source="outside" target="group"/>
        </graph></graphml>)");
    EXPECT_EQ(r.map.factorCount(), 3u);
    EXPECT_EQ(r.map.linkCount(), 2u);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("group node 'group' became no factor")));
    EXPECT_THAT(r.warnings, Contains(HasSubstr("'group' is a group node")));
}

TEST(ImportGraphml, DeepNestingDoesNotCrash)
{
    std::string deep = "<graphml><graph><node id=\"a\"><data key=\"d\">";
    for (int i = 0; i < 200000; ++i)
        deep += "<x>";
    for (int i = 0; i < 200000; ++i)
        deep += "</x>";
    deep += "</data></node></graph></graphml>";
    EXPECT_EQ(importGraphml(deep).map.factorCount(), 1u);
}

TEST(ImportGraphml, ManyWarningsAreCapped)
{
    std::string text = "<graphml><graph><node id=\"a\"/>";
    for (int i = 0; i < 1000; ++i)
        text += "<edge source=\"a\" target=\"missing\"/>";
    text += "</graph></graphml>";
    const ImportResult r = importGraphml(text);
    EXPECT_EQ(r.warnings.size(), 101u);
    EXPECT_THAT(r.warnings.back(), HasSubstr("... and 900 more warnings"));
}

TEST(ImportGraphml, RandomCorruptionGivesIoErrorOrAMap)
{
    const int imported = importsSurvivingCorruption(
        readText(dataPath("yed.graphml")), "<>/=\"' \nxyd:-+", 11,
        [](const std::string& t) { return importGraphml(t); },
        [](const ImportResult& r) { return r.map.factorCount() > 0; });
    EXPECT_GT(imported, 0);
    EXPECT_LT(imported, 1000);
}

// yEd keeps direction in <y:Arrows>: a head at the source end means the link runs backwards.
TEST(ImportGraphml, YedArrowheadsDecideDirectionAndPlainLinesAreReported)
{
    const ImportResult r = importFixture("yed-arrows.graphml");
    ASSERT_EQ(r.map.factorCount(), 4u);
    EXPECT_EQ(linkBetween(r.map, "Price", "Demand").polarity, Polarity::Negative); // U+2212 label
    EXPECT_EQ(linkBetween(r.map, "Demand", "Supply").polarity, Polarity::Positive); // reversed
    EXPECT_EQ(linkBetween(r.map, "Supply", "Stock").polarity, Polarity::Negative);  // reversed
    EXPECT_FALSE(r.map.findLink(*r.map.findFactorByLabel("Supply"), *r.map.findFactorByLabel("Demand")));
    EXPECT_EQ(linkBetween(r.map, "Stock", "Price").label, "slows"); // no head: as written
    EXPECT_TRUE(r.map.findLink(*r.map.findFactorByLabel("Price"), *r.map.findFactorByLabel("Supply")));
    EXPECT_TRUE(r.map.findLink(*r.map.findFactorByLabel("Supply"), *r.map.findFactorByLabel("Price")));
    EXPECT_EQ(r.map.linkCount(), 6u);
    EXPECT_THAT(r.warnings, Contains(::testing::StartsWith("2 links reversed to follow yEd arrowheads")));
    EXPECT_THAT(r.warnings, Contains(::testing::StartsWith("1 undirected lines (no arrowhead)")));
    EXPECT_THAT(r.warnings, Contains(::testing::StartsWith("1 lines with arrowheads at both ends")));
    EXPECT_THAT(r.warnings, Contains(::testing::StartsWith("3 links: polarity read from the edge label")));
}

TEST(ImportGraphml, MoreNodesThanAMapCanImportAreRefusedBeforeBuildingTheMap)
{
    std::string text = "<graphml><graph>";
    for (std::size_t i = 0; i <= 100000; ++i)
        text += "<node id=\"n" + std::to_string(i) + "\"/>";
    text += "</graph></graphml>";
    EXPECT_THAT(ioErrorOf([&] { importGraphml(text); }),
                HasSubstr("the file has 100001 nodes, more than the 100000 factors a map can import"));
}
