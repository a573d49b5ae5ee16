#include "io/import.h"

#include "importtestutil.h"
#include "iotestutil.h"

namespace causeway {
namespace {

using test::ioErrorOf;
using test::linkOf;

// As Kumu's JSON export writes it: fields under "attributes", ids for the ends, a map layout.
const char* kBlueprint = R"({
  "elements": [
    {"_id": "elem-1", "attributes": {"label": "Trust", "element type": "Social",
                                      "description": "How far people trust the service", "tags": ["core", "survey"]}},
    {"_id": "elem-2", "attributes": {"label": "Reach", "element type": "Service"}},
    {"_id": "elem-3", "attributes": {"label": "Stigma"}}
  ],
  "connections": [
    {"_id": "conn-1", "from": "elem-1", "to": "elem-2", "attributes": {"connection type": "+"}},
    {"_id": "conn-2", "from": "elem-2", "to": "elem-1", "attributes": {"connection type": "same"}, "direction": "directed"},
    {"_id": "conn-3", "from": "elem-3", "to": "elem-1", "attributes": {"connection type": "opposite", "delay": "yes"}},
    {"_id": "conn-4", "from": "elem-3", "to": "elem-2", "attributes": {"connection type": "influences"}}
  ],
  "maps": [{"elements": [{"element": "elem-1", "position": {"x": 10, "y": 20}},
                         {"element": "elem-2", "position": {"x": 200, "y": 20}},
                         {"element": "elem-3", "position": {"x": 100, "y": 150}}]}]
})";

TEST(ImportKumu, BlueprintGivesFactorsLinksAndPositions)
{
    const ImportResult r = importKumu(kBlueprint);
    ASSERT_EQ(r.map.factorCount(), 3u);
    const Factor& trust = r.map.factor(*r.map.findFactorByLabel("Trust"));
    EXPECT_EQ(trust.group, "Social");
    EXPECT_EQ(trust.description, "How far people trust the service\nTags: core, survey");
    EXPECT_EQ(trust.position, (Point{10, 20}));
    EXPECT_EQ(linkOf(r.map, "Trust", "Reach").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Reach", "Trust").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "Stigma", "Trust").polarity, Polarity::Negative);
    EXPECT_TRUE(linkOf(r.map, "Stigma", "Trust").delay);
    EXPECT_EQ(linkOf(r.map, "Stigma", "Reach").polarity, Polarity::Unknown);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("1 links: no polarity")));
}

// As in a published financial-inclusion map: polarity typed as two characters.
TEST(ImportKumu, TwoCharacterPolarityIsRead)
{
    const ImportResult r = importKumu(R"({"elements": [{"label": "A"}, {"label": "B"}, {"label": "C"}],
        "connections": [{"from": "A", "to": "B", "attributes": {"connection type": "++"}},
                        {"from": "B", "to": "C", "attributes": {"connection type": "--"}},
                        {"from": "C", "to": "A", "attributes": {"connection type": "+-"}},
                        {"from": "B", "to": "A", "attributes": {"connection type": "-+"}}]})");
    EXPECT_EQ(linkOf(r.map, "A", "B").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "B", "C").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "C", "A").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "B", "A").polarity, Polarity::Negative);
    EXPECT_THAT(r.warnings, testing::Contains(testing::StartsWith("4 links: polarity read from Kumu connection type")));
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("written as two characters")));
}

TEST(ImportKumu, NamedLoopsBecomeLoopLabels)
{
    const ImportResult r = importKumu(R"({"elements": [{"_id": "e1", "label": "A"}, {"_id": "e2", "label": "B"},
                                                      {"_id": "e3", "label": "C"}],
        "connections": [{"_id": "c1", "from": "e1", "to": "e2", "type": "+"},
                        {"_id": "c2", "from": "e2", "to": "e3", "type": "+"},
                        {"_id": "c3", "from": "e3", "to": "e1", "type": "-"},
                        {"_id": "c4", "from": "e2", "to": "e1", "type": "+"}],
        "loops": [{"_id": "l1", "attributes": {"label": "B1 Big loop"}, "connections": ["c3", "c1", "c2"]},
                  {"label": "R1", "connections": ["c1", "c4"]},
                  {"label": "Broken", "connections": ["c1", "c2"]}]})");
    ASSERT_EQ(r.map.loopLabels().size(), 2u);
    EXPECT_EQ(r.map.loopLabels()[0].name, "B1 Big loop");
    const std::vector<LinkId>& big = r.map.loopLabels()[0].links;
    ASSERT_EQ(big.size(), 3u);
    for (std::size_t i = 0; i < big.size(); ++i) // each link starts where the one before ends
        EXPECT_EQ(r.map.link(big[i]).from, r.map.link(big[(i + 2) % 3]).to);
    EXPECT_EQ(r.map.loopLabels()[1].name, "R1");
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("loop 'Broken' does not name connections")));
    EXPECT_THAT(r.warnings, testing::Contains(testing::StartsWith("2 named Kumu loops")));
}

TEST(ImportKumu, ConnectionTypeThatIsNoPolarityBecomesTheLinkLabel)
{
    const ImportResult r = importKumu(R"({"elements": [{"label": "Ann"}, {"label": "Acme"}, {"label": "Bob"}],
        "connections": [{"from": "Ann", "to": "Acme", "type": "WORKS_AT"},
                        {"from": "Ann", "to": "Bob", "type": "Family", "label": "sister"}]})");
    const Link& works = linkOf(r.map, "Ann", "Acme");
    EXPECT_EQ(works.label, "WORKS_AT");
    EXPECT_EQ(works.polarity, Polarity::Unknown);
    EXPECT_EQ(linkOf(r.map, "Ann", "Bob").label, "sister");
    EXPECT_EQ(linkOf(r.map, "Ann", "Bob").note, "Type: Family");
}

TEST(ImportKumu, NestingPastTheBoundIsRefusedWithThePlace)
{
    const std::string deep = "{\"elements\": " + std::string(300, '[');
    EXPECT_THAT(ioErrorOf([&] { importKumu(deep); }),
                testing::HasSubstr("line 1, column 269: nested deeper than 256 levels"));
}

TEST(ImportKumu, HandWrittenBlueprintNamesEndsByLabelAndMutualMakesTwoLinks)
{
    const ImportResult r = importKumu(R"({"elements": [{"label": "A"}],
        "connections": [{"from": "A", "to": "B", "type": "-", "direction": "mutual"}]})");
    EXPECT_EQ(r.map.factorCount(), 2u);
    EXPECT_EQ(linkOf(r.map, "A", "B").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "B", "A").polarity, Polarity::Negative);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("'B' is not an element")));
    // Without positions the factors are spread out, not piled at the origin.
    EXPECT_NE(r.map.factor(*r.map.findFactorByLabel("A")).position,
              r.map.factor(*r.map.findFactorByLabel("B")).position);
}

TEST(ImportKumu, MalformedInputIsRefusedWithThePosition)
{
    EXPECT_THAT(ioErrorOf([] { importKumu("{\n  \"elements\": [,]\n}"); }),
                testing::HasSubstr("line 2, column"));
    EXPECT_THAT(ioErrorOf([] { importKumu("[1, 2]"); }), testing::HasSubstr("not a Kumu blueprint"));
    EXPECT_THAT(ioErrorOf([] { importKumu(R"({"elements": {}})"); }),
                testing::HasSubstr("\"elements\" is not an array"));
    EXPECT_THAT(ioErrorOf([] { importKumu(R"({"elements": [3]})"); }),
                testing::HasSubstr("elements[0]: expected an object"));
    // Found by fuzzing: a number too large for a double.
    EXPECT_THAT(ioErrorOf([] { importKumu(R"({"elements": [1e999]})"); }),
                testing::HasSubstr("number overflow"));
}

} // namespace
} // namespace causeway
