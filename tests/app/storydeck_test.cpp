// A story's clicks and what each click shows (app/stories/storydeck), on a small map.
#include "app/stories/storydeck.h"
#include "model/stories.h"
#include "model/systemmap.h"
#include "tests/mapvalues.h"

#include <gtest/gtest.h>

using namespace causeway;
using present::StoryDeck;
using present::StorySlide;

namespace {

struct Square : test::TriangleWithTail {
    Story story;
    Square()
    {
        story.name = "S";
        story.steps = {StoryStep{.kind = StoryStepKind::Reveal, .factors = {a, b}, .links = {ab}},
                       StoryStep{.kind = StoryStepKind::Focus, .focus = d},
                       StoryStep{.kind = StoryStepKind::Loop, .caption = "B1", .loop = {bc, ca, ab}}};
    }
};

} // namespace

TEST(StoryDeck, ATitleThenOneClickPerRevealOrFocusAndOnePerLinkPlusTheVerdict)
{
    Square t;
    const StoryDeck deck(t.map, t.story);
    ASSERT_EQ(deck.size(), 1 + 1 + 1 + 4);
    EXPECT_EQ(deck.slide(0), (StorySlide{-1, 0}));
    EXPECT_EQ(deck.slide(1), (StorySlide{0, 1}));
    EXPECT_EQ(deck.slide(2), (StorySlide{1, 1}));
    EXPECT_EQ(deck.slide(6), (StorySlide{2, 4}));
    EXPECT_TRUE(deck.skipped().empty());
}

TEST(StoryDeck, TheTitleShowsNothingOfTheMapAndEachRevealAddsToWhatWasShown)
{
    Square t;
    t.story.steps.push_back(StoryStep{.kind = StoryStepKind::Reveal, .links = {t.cd}});
    const StoryDeck deck(t.map, t.story);
    const auto title = deck.frame(t.map, 0);
    EXPECT_TRUE(title.shown.factors.empty());
    EXPECT_TRUE(title.shown.links.empty());
    EXPECT_EQ(title.caption, QStringLiteral("S"));
    const auto first = deck.frame(t.map, 1);
    EXPECT_EQ(first.shown.factors, (std::set<FactorId>{t.a, t.b}));
    EXPECT_EQ(first.shown.links, (std::set<LinkId>{t.ab}));
    EXPECT_TRUE(first.allLit);
    EXPECT_EQ(first.caption, QStringLiteral("A, B"));
    const auto last = deck.frame(t.map, deck.size() - 1); // the link brings its ends
    EXPECT_EQ(last.shown.factors, (std::set<FactorId>{t.a, t.b, t.c, t.d}));
    EXPECT_EQ(last.shown.links, (std::set<LinkId>{t.ab, t.bc, t.ca, t.cd}));
}

TEST(StoryDeck, AFocusLightsItsNeighbourhoodOverWhatWasRevealedBefore)
{
    Square t;
    const StoryDeck deck(t.map, t.story);
    const auto focus = deck.frame(t.map, 2);
    ASSERT_EQ(focus.focus, t.d);
    EXPECT_FALSE(focus.allLit);
    EXPECT_EQ(focus.lit.factors, (std::set<FactorId>{t.c, t.d}));
    EXPECT_EQ(focus.lit.links, (std::set<LinkId>{t.cd}));
    EXPECT_EQ(focus.shown.factors, (std::set<FactorId>{t.a, t.b, t.c, t.d}));
    EXPECT_EQ(focus.shown.links, (std::set<LinkId>{t.ab, t.cd}));
    EXPECT_EQ(focus.caption, present::focusCaption(t.map, t.d));
}

TEST(StoryDeck, ALoopIsWalkedFromTheStepsFirstLinkInItsOrder)
{
    Square t;
    const StoryDeck deck(t.map, t.story);
    const auto first = deck.frame(t.map, 3);
    ASSERT_TRUE(first.loop);
    EXPECT_EQ(first.loop->links, (std::vector<LinkId>{t.bc, t.ca, t.ab}));
    EXPECT_EQ(first.loop->factors, (std::vector<FactorId>{t.b, t.c, t.a}));
    EXPECT_EQ(first.lit.links, (std::set<LinkId>{t.bc}));
    EXPECT_EQ(first.caption, present::linkCaption(t.map, t.bc));
    EXPECT_EQ(first.fit.links, (std::set<LinkId>{t.ab, t.bc, t.ca})); // steady through the loop
    const auto verdict = deck.frame(t.map, 6);
    EXPECT_EQ(verdict.lit.links, (std::set<LinkId>{t.ab, t.bc, t.ca}));
    EXPECT_EQ(verdict.loopClick, 4);
    EXPECT_EQ(verdict.loopName, QStringLiteral("B1"));
}

TEST(StoryDeck, AStepWhoseFactorIsGoneIsSkippedAndNothingShowsIt)
{
    Square t;
    t.map.removeFactor(t.d);
    const StoryDeck deck(t.map, t.story);
    EXPECT_EQ(deck.skipped(), std::vector<int>{1});
    ASSERT_EQ(deck.size(), 1 + 1 + 4);
    EXPECT_EQ(deck.indexOf({1, 1}), -1);
    for (int i = 0; i < deck.size(); ++i)
        EXPECT_FALSE(deck.frame(t.map, i).focus) << i;
}

TEST(StoryDeck, StepsSayWhatTheyShowInOneLine)
{
    Square t;
    EXPECT_EQ(present::stepSummary(t.map, t.story.steps[0]), QStringLiteral("Reveal: A, B (+1 link)"));
    StoryStep wide = t.story.steps[1];
    wide.focusSteps = 2;
    EXPECT_EQ(present::stepSummary(t.map, wide), QStringLiteral("Focus: D (2 links out)"));
    EXPECT_EQ(present::stepSummary(t.map, t.story.steps[2]),
              QStringLiteral("Loop: B \u00B7 B \u2192 C \u2192 A (3 links) \u2014 \u201CB1\u201D"));
}
