// Graphviz DOT import: polarity spellings, tool attributes, link text and nesting bounds.
#include "io/import.h"

#include "importtestutil.h"
#include "iotestutil.h"

namespace causeway {
namespace {

using test::ioErrorOf;
using test::linkOf;

// As a published systems map writes its edges: signs with doubt and delay marks in labels.
TEST(ImportDot, UncertainSignsUnicodeMinusAndDelayMarksInLabelsAreRead)
{
    const ImportResult r = importDot("digraph { a -> b [label=\"+?\"]; b -> c [label=\"\xe2\x88\x92?\"];\n"
                                     "c -> a [label=\"\xe2\x88\x92 | delay\"]; a -> c [label=\"+ ||\"]; }");
    EXPECT_EQ(linkOf(r.map, "a", "b").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "b", "c").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "c", "a").polarity, Polarity::Negative);
    EXPECT_TRUE(linkOf(r.map, "c", "a").delay);
    EXPECT_FALSE(linkOf(r.map, "a", "b").delay);
    EXPECT_TRUE(linkOf(r.map, "a", "c").delay);
    EXPECT_THAT(r.warnings, testing::Contains(testing::StartsWith("2 links: polarity read from a DOT edge label marked uncertain")));
}

TEST(ImportDot, PolarityAndDelayAttributesWithOrWithoutAToolPrefixAreRead)
{
    const ImportResult r = importDot(R"(digraph { a -> b [sm_polarity="-", sm_delay="true", label="costs"];
        b -> c [polarity="+", delay=1]; c -> a [sm_polarity="+"]; })");
    const Link& ab = linkOf(r.map, "a", "b");
    EXPECT_EQ(ab.polarity, Polarity::Negative);
    EXPECT_TRUE(ab.delay);
    EXPECT_EQ(ab.label, "costs");
    EXPECT_EQ(linkOf(r.map, "b", "c").polarity, Polarity::Positive);
    EXPECT_TRUE(linkOf(r.map, "b", "c").delay);
    EXPECT_EQ(linkOf(r.map, "c", "a").polarity, Polarity::Positive);
    EXPECT_THAT(r.warnings, testing::Contains(testing::StartsWith("2 links: polarity read from the sm_polarity attribute")));
}

TEST(ImportDot, EdgeLabelThatIsNoPolarityBecomesTheLinkLabel)
{
    const ImportResult r = importDot(R"(digraph { a -> b [label="raises prices", polarity="+"];
        b -> c [label="Owns"]; })");
    EXPECT_EQ(linkOf(r.map, "a", "b").label, "raises prices");
    EXPECT_EQ(linkOf(r.map, "a", "b").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "b", "c").label, "Owns");
    EXPECT_EQ(linkOf(r.map, "b", "c").polarity, Polarity::Unknown);
}

TEST(ImportDot, SubgraphsNestedPastTheBoundAreRefusedWithThePlace)
{
    std::string deep = "digraph {\n";
    for (int i = 0; i < 5000; ++i)
        deep += "subgraph { ";
    deep += "a -> b";
    deep += std::string(5000, '}');
    deep += "}";
    EXPECT_THAT(ioErrorOf([&] { importDot(deep); }),
                testing::HasSubstr("line 2, column 1099: subgraphs nested deeper than 100 levels"));
}

TEST(ImportDot, ASkippedSecondEdgeIsReportedOnceAsSkipped)
{
    const ImportResult r = importDot("digraph { a -> b; a -> b }");
    EXPECT_EQ(r.map.linkCount(), 1u);
    EXPECT_EQ(r.warnings.size(), 2u); // the first edge's missing polarity, the second's skipping
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("a second edge between the same nodes")));
}

} // namespace
} // namespace causeway
