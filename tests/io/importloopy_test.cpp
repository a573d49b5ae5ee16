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

TEST(ImportLoopy, RealModelKeepsLabelsPositionsAndSigns)
{
    const ImportResult r = importLoopy(readText(dataPath("models/loopy/loopy_depression_anxiety.loopy")));
    EXPECT_EQ(r.map.factorCount(), 7u);
    EXPECT_EQ(r.map.linkCount(), 8u);
    const Factor& doing = r.map.factor(*r.map.findFactorByLabel("doing things"));
    EXPECT_EQ(doing.position, (Point{531, 282}));
    EXPECT_EQ(doing.group, "blue");
    EXPECT_EQ(linkOf(r.map, "doing things", "feeling good").polarity, Polarity::Positive);
    EXPECT_EQ(linkOf(r.map, "accepting mistakes", "anxiety").polarity, Polarity::Negative);
    // Both loops of the "mutually self-reinforcing" example are reinforcing.
    const LoopResult loops = findLoops(r.map, {});
    ASSERT_EQ(loops.loops.size(), 2u);
    EXPECT_EQ(loops.counts.reinforcing, 2u);
    EXPECT_THAT(r.map.description, testing::HasSubstr("MUTUALLY SELF-\nREINFORCING"));
}

TEST(ImportLoopy, PayloadFollowedByAWebPageStillReads)
{
    const ImportResult r = importLoopy(readText(dataPath("models/loopy/loopy_rabbits_foxes.loopy")));
    EXPECT_EQ(r.map.factorCount(), 2u);
    EXPECT_EQ(linkOf(r.map, "foxes", "rabbits").polarity, Polarity::Negative);
    EXPECT_EQ(linkOf(r.map, "rabbits", "foxes").polarity, Polarity::Positive);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("after the end of the Loopy model data")));
}

TEST(ImportLoopy, FullUrlAndDecodedPayloadGiveTheSameMap)
{
    const std::string encoded = "[[[1,10,20,0,%22big%2520dog%22,3],[2,50,60,0,%22cat%22,0]],"
                                "[[1,2,0,-1,0],[2,1,0,1,0]],[],3]";
    const ImportResult fromUrl = importLoopy("https://ncase.me/loopy/v1.1/?embed=1&data=" + encoded);
    const ImportResult decoded = importLoopy(
        "[[[1,10,20,0,\"big%20dog\",3],[2,50,60,0,\"cat\",0]],[[1,2,0,-1,0],[2,1,0,1,0]],[],3]");
    EXPECT_TRUE(fromUrl.map == decoded.map);
    EXPECT_EQ(linkOf(fromUrl.map, "big dog", "cat").polarity, Polarity::Negative);
    EXPECT_EQ(fromUrl.map.factor(*fromUrl.map.findFactorByLabel("big dog")).group, "green");
}

TEST(ImportLoopy, EdgeToAMissingNodeIsSkippedWithAWarning)
{
    const ImportResult r = importLoopy("[[[1,0,0,0,\"a\",0]],[[1,9,0,1,0]],[],2]");
    EXPECT_EQ(r.map.linkCount(), 0u);
    EXPECT_THAT(r.warnings, testing::Contains(testing::HasSubstr("edge 1: refers to a node")));
}

TEST(ImportLoopy, MalformedInputIsRefusedWithTheReason)
{
    EXPECT_THAT(ioErrorOf([] { importLoopy("hello"); }), testing::HasSubstr("no '['"));
    EXPECT_THAT(ioErrorOf([] { importLoopy("[[[1,0,0"); }), testing::HasSubstr("ends before"));
    EXPECT_THAT(ioErrorOf([] { importLoopy("[[[1,0,0,0,\"a\",0]],[[1,1]],[],2]"); }),
                testing::HasSubstr("edge 1"));
    EXPECT_THAT(ioErrorOf([] { importLoopy("[[[1,\"x\",0,0,\"a\",0]],[],[],2]"); }),
                testing::HasSubstr("node 1 x: expected a number"));
    EXPECT_THAT(ioErrorOf([] { importLoopy("[1,2]"); }), testing::HasSubstr("[nodes, edges"));
    // Found by fuzzing: a number too large for a double.
    EXPECT_THAT(ioErrorOf([] { importLoopy("[[[1,198,28e367,0,\"a\",0]],[],[],2]"); }),
                testing::HasSubstr("number overflow"));
}

} // namespace
} // namespace causeway
