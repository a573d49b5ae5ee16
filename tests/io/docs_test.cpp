// docs/file-format.md promises its example loads; this keeps the promise.
#include "io/mapfile.h"

#include "iotestutil.h"

using namespace causeway;
using namespace causeway::test;

TEST(FileFormatDoc, TheFullExampleLoadsAndKeepsItsUnknownFields)
{
    const std::string doc = readText(std::string(CAUSEWAY_DOCS_DIR) + "/file-format.md");
    const std::size_t start = doc.find("```json\n");
    ASSERT_NE(start, std::string::npos);
    const std::size_t end = doc.find("\n```", start + 8);
    ASSERT_NE(end, std::string::npos);
    const SystemMap map = parseMapJson(doc.substr(start + 8, end - start - 8), "file-format.md");

    EXPECT_EQ(map.factorCount(), 3u);
    EXPECT_EQ(map.linkCount(), 4u);
    EXPECT_EQ(map.nextFactorId(), 5u);
    EXPECT_TRUE(map.factor(FactorId(1)).pinned);
    EXPECT_EQ(map.factor(FactorId(2)).extra, R"({"colour":"#ffcc00"})");
    EXPECT_TRUE(map.link(LinkId(2)).delay);
    EXPECT_EQ(map.link(LinkId(2)).bend, (Point{0, 40}));
    EXPECT_EQ(map.link(LinkId(5)).polarity, Polarity::Unknown);
    ASSERT_EQ(map.loopLabels().size(), 1u);
    EXPECT_EQ(map.loopLabels()[0].name, "R1 Trust builds skill");
    ASSERT_EQ(map.rounds().size(), 1u);
    EXPECT_EQ(map.rounds()[0].ballots.size(), 1u);
    ASSERT_EQ(map.stories().size(), 1u);
    ASSERT_EQ(map.stories()[0].steps.size(), 3u);
    EXPECT_EQ(map.stories()[0].steps[1].kind, StoryStepKind::Loop);
    EXPECT_EQ(map.stories()[0].steps[1].loop, (std::vector<LinkId>{LinkId(1), LinkId(2)}));
    EXPECT_EQ(map.extra, R"({"layers":["draft"]})");
    EXPECT_TRUE(parseMapJson(writeMapJson(map)) == map);
}
