// Stories: their rules, steps an edit broke, and what a story has shown after each step.

#include "model/stories.h"
#include "model/systemmap.h"
#include "tests/mapvalues.h"

#include <gtest/gtest.h>

namespace causeway {
namespace {

using StoryMap = test::TriangleWithTail;

StoryStep focusOn(FactorId id)
{
    return StoryStep{.kind = StoryStepKind::Focus, .focus = id};
}

StoryStep walk(std::vector<LinkId> links)
{
    return StoryStep{.kind = StoryStepKind::Loop, .loop = std::move(links)};
}

StoryStep reveal(std::vector<FactorId> factors, std::vector<LinkId> links = {})
{
    return StoryStep{.kind = StoryStepKind::Reveal, .factors = std::move(factors), .links = std::move(links)};
}

TEST(Stories, AStoryIsAddedWithItsStepsInOrder)
{
    StoryMap t;
    addStory(t.map, Story{"Opening", {focusOn(t.a), walk({t.ab, t.bc, t.ca}), reveal({t.d}, {t.cd})}});
    ASSERT_EQ(t.map.stories().size(), 1u);
    EXPECT_EQ(t.map.stories()[0].steps.size(), 3u);
    EXPECT_EQ(t.map.stories()[0].steps[1].kind, StoryStepKind::Loop);
}

TEST(Stories, ABlankOrRepeatedNameIsRefusedAndTheMapKeepsItsStories)
{
    StoryMap t;
    addStory(t.map, Story{"Opening", {focusOn(t.a)}});
    EXPECT_THROW(addStory(t.map, Story{"  ", {focusOn(t.a)}}), EditError);
    EXPECT_THROW(addStory(t.map, Story{"Opening", {focusOn(t.b)}}), EditError);
    ASSERT_EQ(t.map.stories().size(), 1u);
    EXPECT_EQ(t.map.stories()[0].steps[0].focus, t.a);
}

TEST(Stories, StepsOfTheWrongShapeAreRefusedNamingTheStep)
{
    StoryMap t;
    try {
        addStory(t.map, Story{"Opening", {focusOn(t.a), reveal({})}});
        FAIL() << "an empty reveal was accepted";
    } catch (const EditError& e) {
        EXPECT_NE(std::string(e.what()).find("Step 2"), std::string::npos) << e.what();
    }
    EXPECT_THROW(addStory(t.map, Story{"S", {focusOn(FactorId())}}), EditError);
    EXPECT_THROW(addStory(t.map, Story{"S", {walk({})}}), EditError);
    EXPECT_TRUE(t.map.stories().empty());
}

TEST(Stories, AFocusReachesOneOrTwoLinksOutAndNoFurther)
{
    StoryMap t;
    StoryStep wide = focusOn(t.a);
    wide.focusSteps = 2;
    addStory(t.map, Story{"Wide", {wide}});
    EXPECT_EQ(t.map.stories()[0].steps[0].focusSteps, 2);
    for (int steps : {0, 3}) {
        StoryStep wrong = focusOn(t.a);
        wrong.focusSteps = steps;
        EXPECT_THROW(addStory(t.map, Story{"Wrong", {wrong}}), EditError) << steps;
    }
    EXPECT_EQ(t.map.stories().size(), 1u);
}

TEST(Stories, ReplacingAllStoriesChecksEachAndChangesNothingOnARefusal)
{
    StoryMap t;
    addStory(t.map, Story{"Old", {focusOn(t.a)}});
    const std::vector<Story> before = t.map.stories();
    EXPECT_THROW(replaceStories(t.map, {Story{"New", {focusOn(t.b)}}, Story{"New", {focusOn(t.c)}}}),
                 EditError);
    EXPECT_EQ(t.map.stories(), before);
    replaceStories(t.map, {Story{"New", {focusOn(t.b)}}});
    EXPECT_EQ(t.map.stories()[0].name, "New");
}

TEST(Stories, AStepWhoseFactorWasRemovedIsReportedNotDropped)
{
    StoryMap t;
    addStory(t.map, Story{"Opening", {focusOn(t.d), reveal({t.a}, {t.cd})}});
    EXPECT_FALSE(storyStepProblem(t.map, t.map.stories()[0].steps[0]));
    t.map.removeFactor(t.d); // takes link c->d with it
    ASSERT_EQ(t.map.stories()[0].steps.size(), 2u);
    const auto focus = storyStepProblem(t.map, t.map.stories()[0].steps[0]);
    ASSERT_TRUE(focus);
    EXPECT_NE(focus->find("Factor " + std::to_string(t.d.value)), std::string::npos) << *focus;
    const auto shown = storyStepProblem(t.map, t.map.stories()[0].steps[1]);
    ASSERT_TRUE(shown);
    EXPECT_NE(shown->find("Link " + std::to_string(t.cd.value)), std::string::npos) << *shown;
}

TEST(Stories, ALoopStepWhoseLinksNoLongerChainIsReported)
{
    StoryMap t;
    const StoryStep step = walk({t.ab, t.bc, t.ca});
    EXPECT_FALSE(storyStepProblem(t.map, step));
    EXPECT_TRUE(storyStepProblem(t.map, walk({t.ab, t.ca, t.bc}))); // out of order: no chain
    t.map.removeLink(t.ca);
    t.map.addLink(Link{.from = t.a, .to = t.c});
    EXPECT_TRUE(storyStepProblem(t.map, step));
}

TEST(Stories, WhatAStoryHasShownGrowsStepByStepAndSkipsBrokenSteps)
{
    StoryMap t;
    const Story story{"Opening", {focusOn(t.d), walk({t.ab, t.bc, t.ca}), reveal({}, {t.cd})}};
    EXPECT_TRUE(revealedAfter(t.map, story, 0).factors.empty());
    EXPECT_EQ(revealedAfter(t.map, story, 1).factors, (std::set<FactorId>{t.d}));
    EXPECT_TRUE(revealedAfter(t.map, story, 1).links.empty());
    const StoryReveal two = revealedAfter(t.map, story, 2);
    EXPECT_EQ(two.factors, (std::set<FactorId>{t.a, t.b, t.c, t.d}));
    EXPECT_EQ(two.links, (std::set<LinkId>{t.ab, t.bc, t.ca}));
    EXPECT_EQ(revealedAfter(t.map, story, 99).links, (std::set<LinkId>{t.ab, t.bc, t.ca, t.cd}));

    t.map.removeLink(t.bc); // the loop step is now broken and skipped
    const StoryReveal after = revealedAfter(t.map, story, 3);
    EXPECT_EQ(after.links, (std::set<LinkId>{t.cd}));
    EXPECT_EQ(after.factors, (std::set<FactorId>{t.c, t.d}));
}

TEST(Stories, CopiesAndComparisonsCarryStories)
{
    StoryMap t;
    addStory(t.map, Story{"Opening", {focusOn(t.a)}});
    SystemMap copy = t.map;
    EXPECT_EQ(copy.stories(), t.map.stories());
    EXPECT_TRUE(copy == t.map);
    replaceStories(copy, {});
    EXPECT_FALSE(copy == t.map);
}

TEST(Stories, StepKindsReadAsTheyAreWritten)
{
    for (StoryStepKind k : {StoryStepKind::Focus, StoryStepKind::Loop, StoryStepKind::Reveal})
        EXPECT_EQ(parseStoryStepKind(storyStepKindName(k)), k);
    EXPECT_FALSE(parseStoryStepKind("Focus"));
    EXPECT_FALSE(parseStoryStepKind(""));
}

} // namespace
} // namespace causeway
