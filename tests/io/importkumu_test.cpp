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
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("1 connection(s) have no recognised type")));
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
