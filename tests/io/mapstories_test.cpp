// Presentation stories in the .causeway file: round trip, old files, unknown fields, refusals.
#include "io/mapfile.h"
#include "model/stories.h"

#include <gtest/gtest.h>

using namespace causeway;

namespace {

std::string withStories(const std::string& stories)
{
    return R"({"format":"causeway","version":1,
              "factors":[{"id":1,"label":"A","x":0,"y":0},{"id":2,"label":"B","x":100,"y":0}],
              "links":[{"id":1,"from":1,"to":2,"polarity":"+"},{"id":2,"from":2,"to":1,"polarity":"-"}],
              "stories":)" + stories + "}";
}

std::string storiesRefusal(const std::string& text)
{
    try {
        parseMapJson(text, "m.causeway");
    } catch (const IoError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(MapStories, EveryKindOfStepRoundTripsInOrder)
{
    SystemMap map = parseMapJson(withStories("[]"));
    addStory(map, Story{"Opening",
                        {StoryStep{.kind = StoryStepKind::Focus, .caption = "Start here", .focus = FactorId(2)},
                         StoryStep{.kind = StoryStepKind::Loop, .loop = {LinkId(2), LinkId(1)}},
                         StoryStep{.kind = StoryStepKind::Reveal, .factors = {FactorId(1)}, .links = {LinkId(1)}}}});
    addStory(map, Story{"Short", {StoryStep{.kind = StoryStepKind::Focus, .focus = FactorId(1)}}});
    const std::string text = writeMapJson(map);
    const SystemMap back = parseMapJson(text);
    EXPECT_EQ(back.stories(), map.stories());
    EXPECT_EQ(writeMapJson(back), text);
    ASSERT_EQ(back.stories()[0].steps[1].loop, (std::vector<LinkId>{LinkId(2), LinkId(1)}));
}

TEST(MapStories, AFocusTwoLinksOutKeepsItsReachAndOneLinkIsTheDefault)
{
    const SystemMap map = parseMapJson(withStories(
        R"([{"name":"S","steps":[{"kind":"focus","factor":1,"reach":2},{"kind":"focus","factor":2}]}])"));
    ASSERT_EQ(map.stories().size(), 1u);
    EXPECT_EQ(map.stories()[0].steps[0].focusSteps, 2);
    EXPECT_EQ(map.stories()[0].steps[1].focusSteps, 1);
    const std::string text = writeMapJson(map);
    EXPECT_NE(text.find(R"("reach": 2)"), std::string::npos);
    EXPECT_EQ(text.find(R"("reach": 1)"), std::string::npos); // the default is not written
    EXPECT_EQ(parseMapJson(text).stories(), map.stories());
    EXPECT_NE(storiesRefusal(withStories(R"([{"name":"S","steps":[{"kind":"focus","factor":1,"reach":3}]}])"))
                  .find("stories[0].steps[0].reach"),
              std::string::npos);
}

TEST(MapStories, AFileWithoutStoriesOpensWithNoneAndIsWrittenWithoutTheKey)
{
    const std::string old = R"({"format":"causeway","version":1,"factors":[{"id":1,"label":"A","x":0,"y":0}],"links":[]})";
    const SystemMap map = parseMapJson(old);
    EXPECT_TRUE(map.stories().empty());
    EXPECT_EQ(writeMapJson(map).find("stories"), std::string::npos);
}

TEST(MapStories, FieldsThisVersionDoesNotKnowAreKeptInStoriesAndSteps)
{
    const SystemMap map = parseMapJson(withStories(
        R"([{"name":"S","theme":"dark","steps":[{"kind":"focus","factor":1,"zoom":2.5}]}])"));
    ASSERT_EQ(map.stories().size(), 1u);
    EXPECT_EQ(map.stories()[0].extra, R"({"theme":"dark"})");
    EXPECT_EQ(map.stories()[0].steps[0].extra, R"({"zoom":2.5})");
    const std::string text = writeMapJson(map);
    EXPECT_NE(text.find("\"theme\": \"dark\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"zoom\": 2.5"), std::string::npos) << text;
}

TEST(MapStories, AStepNamingAFactorNotInTheMapLoadsAndIsReported)
{
    const SystemMap map = parseMapJson(withStories(R"([{"name":"S","steps":[{"kind":"focus","factor":9}]}])"));
    ASSERT_EQ(map.stories().size(), 1u);
    EXPECT_TRUE(storyStepProblem(map, map.stories()[0].steps[0]));
}

TEST(MapStories, MalformedStoriesAreRefusedWithTheirPlace)
{
    EXPECT_NE(storiesRefusal(withStories(R"({"name":"S"})")).find("stories: expected an array"), std::string::npos);
    EXPECT_NE(storiesRefusal(withStories(R"([{"name":"S","steps":[{"kind":"dance"}]}])"))
                  .find("stories[0].steps[0].kind"),
              std::string::npos);
    EXPECT_NE(storiesRefusal(withStories(R"([{"name":"S","steps":[{"kind":"focus"}]}])"))
                  .find("stories[0].steps[0]: a focus step needs"),
              std::string::npos);
    EXPECT_NE(storiesRefusal(withStories(R"([{"name":"S","steps":[{"kind":"loop","links":[1,"x"]}]}])"))
                  .find("stories[0].steps[0].links[1]"),
              std::string::npos);
    EXPECT_NE(storiesRefusal(withStories(R"([{"name":"S","steps":[]},{"name":"S","steps":[]}])"))
                  .find("stories[1]: There is already a story named 'S'"),
              std::string::npos);
    EXPECT_NE(storiesRefusal(withStories(R"([{"name":"S","steps":[{"kind":"reveal"}]}])")).find("stories[0]: Step 1"),
              std::string::npos);
    EXPECT_NE(storiesRefusal(withStories(R"([{"name":"S","steps":[{"kind":"loop","links":[1]}]},7])")).find("stories[1]"),
              std::string::npos);
}

TEST(MapStories, ARefusalNamesTheFile)
{
    EXPECT_EQ(storiesRefusal(withStories("[3]")).rfind("m.causeway: ", 0), 0u);
}
