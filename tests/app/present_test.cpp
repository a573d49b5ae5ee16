// The room theme's contrast, the walkthrough's captions and slides, and the focus neighbourhood.
#include "app/present/roomtheme.h"
#include "app/present/walkthrough.h"
#include "io/mapfile.h"
#include "model/looplabels.h"

#include <gtest/gtest.h>

using namespace causeway;
using namespace causeway::present;

namespace {

SystemMap sampleMap()
{
    return loadMapFile(CAUSEWAY_SAMPLE_MAP);
}

FactorId factor(const SystemMap& map, const char* label)
{
    const auto id = map.findFactorByLabel(label);
    EXPECT_TRUE(id) << label;
    return id.value_or(FactorId{});
}

// a -> b -> c -> a with the given polarities and delays.
SystemMap triangle(Polarity ab, Polarity bc, Polarity ca, bool delayCa = false)
{
    SystemMap map;
    const FactorId a = map.addFactor({.label = "Alpha"});
    const FactorId b = map.addFactor({.label = "Beta"});
    const FactorId c = map.addFactor({.label = "Gamma"});
    map.addLink({.from = a, .to = b, .polarity = ab});
    map.addLink({.from = b, .to = c, .polarity = bc});
    map.addLink({.from = c, .to = a, .polarity = ca, .delay = delayCa});
    return map;
}

} // namespace

TEST(RoomTheme, ContrastRatioFollowsWcag)
{
    EXPECT_NEAR(contrastRatio(Qt::black, Qt::white), 21.0, 1e-9);
    EXPECT_NEAR(contrastRatio(Qt::white, Qt::white), 1.0, 1e-9);
    // WCAG's own example: #767676 is the lightest grey with 4.5:1 on white.
    EXPECT_NEAR(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white), 4.54, 0.01);
    EXPECT_LT(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white), 4.5);
}

TEST(RoomTheme, EveryTextAndBackgroundPairHasContrastOfAtLeastSevenToOne)
{
    const std::vector<TextPair> pairs = roomTextPairs();
    ASSERT_GE(pairs.size(), 13u + 6u); // the fixed pairs and every group hue's box
    for (const TextPair& pair : pairs)
        EXPECT_GE(contrastRatio(pair.text, pair.background), 7.0)
            << pair.what.toStdString() << ": " << pair.text.name().toStdString() << " on "
            << pair.background.name().toStdString();
}

TEST(RoomTheme, RoomLookUsesTheThemeColoursItIsCheckedWith)
{
    const theme::Look look = roomLook();
    EXPECT_GE(contrastRatio(look.text, look.boxFill), 7.0);
    EXPECT_GE(contrastRatio(look.positive, look.signFill), 7.0);
    EXPECT_GE(contrastRatio(look.negative, look.signFill), 7.0);
    EXPECT_GE(contrastRatio(look.unknown, look.signFill), 7.0);
    EXPECT_EQ(look.box.font.pixelSize, kRoomLabelPixels);
    EXPECT_GT(roomLook(1.5).box.font.pixelSize, look.box.font.pixelSize);
}

TEST(Walkthrough, PositiveLinkCaptionSaysMoreCausesMore)
{
    const SystemMap map = sampleMap();
    const auto link = map.findLink(factor(map, "Peer worker skill"),
                                   factor(map, "Client trust in the service"));
    ASSERT_TRUE(link);
    EXPECT_EQ(linkCaption(map, *link).toStdString(),
              "More Peer worker skill \u2192 more Client trust in the service (+)");
}

TEST(Walkthrough, NegativeLinkCaptionSaysLessWithARealMinus)
{
    const SystemMap map = triangle(Polarity::Positive, Polarity::Negative, Polarity::Positive);
    const LinkId bc = *map.findLink(factor(map, "Beta"), factor(map, "Gamma"));
    EXPECT_EQ(linkCaption(map, bc).toStdString(), "More Beta \u2192 less Gamma (\u2212)");
}

TEST(Walkthrough, UnknownAndDelayedLinksSayWhatTheyAre)
{
    const SystemMap map = triangle(Polarity::Unknown, Polarity::Positive, Polarity::Negative, true);
    const LinkId ab = *map.findLink(factor(map, "Alpha"), factor(map, "Beta"));
    const LinkId ca = *map.findLink(factor(map, "Gamma"), factor(map, "Alpha"));
    EXPECT_EQ(linkCaption(map, ab).toStdString(), "More Alpha \u2192 changes Beta (?)");
    EXPECT_EQ(linkCaption(map, ca).toStdString(), "More Gamma \u2192 less Alpha (\u2212, delayed)");
}

TEST(Walkthrough, VerdictGivesLetterPolarityDirectionAndDelays)
{
    const SystemMap balancing =
        triangle(Polarity::Positive, Polarity::Positive, Polarity::Negative, true);
    const Loop b = findLoops(balancing, {}).loops.at(0);
    EXPECT_EQ(loopVerdict(balancing, b, false, {}).toStdString(),
              "B balancing loop \u00B7 turns counter-clockwise \u00B7 1 delay");
    const SystemMap reinforcing =
        triangle(Polarity::Negative, Polarity::Positive, Polarity::Negative);
    const Loop r = findLoops(reinforcing, {}).loops.at(0);
    EXPECT_EQ(loopVerdict(reinforcing, r, true, QStringLiteral("Trust")).toStdString(),
              "Trust: R reinforcing loop \u00B7 turns clockwise \u00B7 no delays");
}

TEST(Walkthrough, DeckIsTheWholeMapThenEveryStepOfEveryLoop)
{
    const SystemMap map = sampleMap();
    const Deck deck(presentationLoops(map, 1000));
    const LoopResult all = countLoops(map, {});
    ASSERT_EQ(deck.loops().size(), all.counts.total);
    int expected = 1;
    for (const PresentedLoop& p : deck.loops())
        expected += int(p.loop.length()) + 1;
    EXPECT_EQ(deck.size(), expected);
    EXPECT_EQ(deck.slide(0), (Slide{-1, 0}));
    EXPECT_EQ(deck.slide(1), (Slide{0, 1}));
    EXPECT_EQ(deck.indexOf({1, 1}), 1 + int(deck.loops()[0].loop.length()) + 1);
}

TEST(Walkthrough, NamedLoopsComeFirstUnderTheirNames)
{
    SystemMap map = sampleMap();
    const std::vector<Loop> shortest = findLoops(map, {}).loops;
    addLoopLabel(map, labelForLoop(shortest.back(), "Longest story"));
    const auto loops = presentationLoops(map, 1000);
    ASSERT_EQ(loops.size(), shortest.size());
    EXPECT_EQ(loops.front().loop, shortest.back());
    EXPECT_EQ(loops.front().name.toStdString(), "Longest story");
    EXPECT_TRUE(loops[1].name.isEmpty());
}

TEST(Walkthrough, EachStepLightsOneMoreLinkAndBothItsEnds)
{
    const SystemMap map = triangle(Polarity::Positive, Polarity::Positive, Polarity::Positive);
    const Loop loop = findLoops(map, {}).loops.at(0);
    const Lit one = litForStep(loop, 1);
    EXPECT_EQ(one.links, (std::set<LinkId>{loop.links[0]}));
    EXPECT_EQ(one.factors, (std::set<FactorId>{loop.factors[0], loop.factors[1]}));
    const Lit verdict = litForStep(loop, 4);
    EXPECT_EQ(verdict.links.size(), 3u);
    EXPECT_EQ(verdict.factors.size(), 3u);
}

TEST(Focus, NeighbourhoodReachesCausesAndEffectsOneOrTwoLinksOut)
{
    SystemMap map;
    const FactorId a = map.addFactor({.label = "a"});
    const FactorId b = map.addFactor({.label = "b"});
    const FactorId c = map.addFactor({.label = "c"});
    const FactorId d = map.addFactor({.label = "d"});
    const FactorId e = map.addFactor({.label = "e"});
    map.addLink({.from = a, .to = b}); // a -> b -> c -> d, and e -> a
    map.addLink({.from = b, .to = c});
    map.addLink({.from = c, .to = d});
    map.addLink({.from = e, .to = a});
    const Lit one = neighbourhood(map, b, 1);
    EXPECT_EQ(one.factors, (std::set<FactorId>{a, b, c}));
    EXPECT_EQ(one.links.size(), 2u);
    const Lit two = neighbourhood(map, b, 2);
    EXPECT_EQ(two.factors, (std::set<FactorId>{a, b, c, d, e}));
    EXPECT_EQ(two.links.size(), 4u);
    EXPECT_EQ(focusCaption(map, b).toStdString(), "1 cause \u2192 b \u2192 1 effect");
}
