// GEXF (Gephi) import.
#include "io/import.h"

#include "importtestutil.h"
#include "iotestutil.h"

namespace causeway {
namespace {

using test::dataPath;
using test::ioErrorOf;
using test::linkOf;
using test::readText;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ImportGexf, GephiNodesAttributesPositionsAndEdgesAreRead)
{
    const ImportResult r = importGexf(readText(dataPath("gephi.gexf")));
    ASSERT_EQ(r.map.factorCount(), 4u);
    const Factor& stigma = r.map.factor(*r.map.findFactorByLabel("Stigma"));
    EXPECT_EQ(stigma.group, "Service system");
    EXPECT_EQ(stigma.description, "Felt by clients");
    EXPECT_EQ(r.map.description, "Service access map");
    // y up in GEXF, down on a map: Complex needs (y -60) sits below Stigma (y 112.8).
    const Factor& needs = r.map.factor(*r.map.findFactorByLabel("Complex needs"));
    EXPECT_GT(needs.position.y, stigma.position.y);
    EXPECT_GE(test::scaleBetween(r.map, "Complex needs", "Stigma", {80.5, 60}, {-245.3, -112.8}), 1.0);
    EXPECT_EQ(test::overlappingBoxes(r.map), 0u);

    const Link& raises = linkOf(r.map, "Stigma", "Exclusion criteria");
    EXPECT_EQ(raises.polarity, Polarity::Positive);
    EXPECT_TRUE(raises.delay);
    EXPECT_EQ(raises.label, "raises");
    EXPECT_EQ(linkOf(r.map, "Exclusion criteria", "Complex needs").polarity, Polarity::Unknown); // default '?'
    EXPECT_EQ(linkOf(r.map, "Complex needs", "Stigma").polarity, Polarity::Unknown);
    EXPECT_EQ(linkOf(r.map, "Peer support", "Complex needs").label, "helps");
    EXPECT_EQ(linkOf(r.map, "Peer support", "Stigma").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "Stigma", "Peer support").polarity, Polarity::Negative); // mutual
    EXPECT_EQ(r.map.linkCount(), 6u);
    EXPECT_THAT(r.warnings, Contains(StartsWith("1 undirected edges imported as one link")));
    EXPECT_THAT(r.warnings, Contains(StartsWith("1 mutual edges imported as links in both directions")));
    EXPECT_THAT(r.warnings, Contains(StartsWith("1 nodes had no <viz:position>")));
}

TEST(ImportGexf, LabelAndWeightGivePolarityWhenNoAttributeIsDeclared)
{
    const ImportResult r = importGexf(R"(<gexf version="1.2"><graph defaultedgetype="undirected"><nodes>
        <node id="a" label="A"/><node id="b" label="B"/><node id="c"/></nodes><edges>
        <edge source="a" target="b" label="&#x2212;"/><edge source="b" target="c" weight="-1"/>
        <edge source="c" target="a" label="+?"/></edges></graph></gexf>)");
    EXPECT_EQ(linkOf(r.map, "A", "B").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "B", "c").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "c", "A").polarity, Polarity::Positive);
    EXPECT_THAT(r.warnings, Contains(StartsWith("3 undirected edges")));
    EXPECT_THAT(r.warnings, Contains(StartsWith("1 links: polarity taken from the sign of the edge weight")));
    EXPECT_THAT(r.warnings, Contains(HasSubstr("marked uncertain")));
}

TEST(ImportGexf, MalformedInputIsRefusedWithThePlace)
{
    EXPECT_THAT(ioErrorOf([] { importGexf("<gexf>\n<graph>\n</gexf>"); }),
                HasSubstr("not well-formed XML at line 3"));
    EXPECT_THAT(ioErrorOf([] { importGexf("<graphml/>"); }), HasSubstr("expected <gexf>"));
    EXPECT_THAT(ioErrorOf([] { importGexf("<gexf/>"); }), HasSubstr("no <graph>"));
    const ImportResult r = importGexf(R"(<gexf><graph><nodes><node id="a"/><node id="a"/></nodes>
        <edges><edge source="a" target="zz"/></edges></graph></gexf>)");
    EXPECT_EQ(r.map.factorCount(), 1u);
    EXPECT_THAT(r.warnings, Contains(HasSubstr("line 1: a second node with id 'a' skipped")));
    EXPECT_THAT(r.warnings, Contains(HasSubstr("line 2: edge skipped: 'zz' is not a node")));
}

TEST(ImportGexf, IsListedAmongTheImportFormats)
{
    EXPECT_TRUE(isImportable("network.GEXF"));
}

} // namespace
} // namespace causeway
