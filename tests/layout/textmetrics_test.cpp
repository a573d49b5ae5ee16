#include "layout/textmetrics.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace causeway;

namespace {
const FontSpec kBold{17, true};
}

TEST(TextMetrics, WidthsComeFromTheFontsAdvanceTable)
{
    // DejaVu Sans Bold: 'A' advances 1585 of 2048 units; Book: 1401.
    EXPECT_DOUBLE_EQ(textWidth("A", {2048, true}), 1585);
    EXPECT_DOUBLE_EQ(textWidth("A", {2048, false}), 1401);
    EXPECT_DOUBLE_EQ(textWidth("AA", kBold), 2 * textWidth("A", kBold));
    EXPECT_DOUBLE_EQ(textWidth("", kBold), 0);
}

TEST(TextMetrics, AccentedLettersAreMeasuredAsOneGlyph)
{
    EXPECT_NEAR(textWidth("\xC3\xA9", kBold), textWidth("e", kBold), 0.01); // é is as wide as e
    EXPECT_GT(textWidth("\xE6\xBC\xA2", kBold), 16); // a CJK character: about one em
}

TEST(TextMetrics, MalformedUtf8IsMeasuredNotSkipped)
{
    EXPECT_GT(textWidth("\xC3", kBold), 0);
    EXPECT_GT(textWidth("a\xFF" "b", kBold), textWidth("ab", kBold));
}

TEST(TextMetrics, WrapsAtSpacesWithinTheWidth)
{
    const auto lines = wrapText("Community trust in local health services", 180, kBold);
    ASSERT_GT(lines.size(), 1u);
    std::string joined;
    for (const auto& line : lines) {
        EXPECT_LE(textWidth(line, kBold), 180) << line;
        EXPECT_FALSE(line.empty());
        EXPECT_NE(line.back(), ' ');
        joined += (joined.empty() ? "" : " ") + line;
    }
    EXPECT_EQ(joined, "Community trust in local health services");
}

TEST(TextMetrics, AShortLabelStaysOnOneLine)
{
    EXPECT_EQ(wrapText("Trust", 180, kBold), std::vector<std::string>{"Trust"});
}

TEST(TextMetrics, AWordWiderThanTheLineOverflowsOnItsOwnLine)
{
    const auto lines = wrapText("an Antidisestablishmentarianism word", 120, kBold);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[1], "Antidisestablishmentarianism");
    EXPECT_GT(textWidth(lines[1], kBold), 120);
}

TEST(TextMetrics, NewlinesAlwaysBreak)
{
    EXPECT_EQ(wrapText("a\nb", 180, kBold), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(wrapText("a\r\n\nb", 180, kBold), (std::vector<std::string>{"a", "", "b"}));
}

TEST(TextMetrics, HyphenatedWordsMayBreakAfterTheHyphen)
{
    const auto lines = wrapText("Long-term-funding-commitments", 150, kBold);
    ASSERT_GT(lines.size(), 1u);
    EXPECT_EQ(lines[0].back(), '-');
}

TEST(TextMetrics, ShortLabelsGetTheMinimumBoxWidth)
{
    const FactorBoxText box = layoutFactorBox("Trust");
    EXPECT_EQ(box.width, 110);
    EXPECT_EQ(box.lines.size(), 1u);
    EXPECT_EQ(box.height, std::ceil(box.lineHeight + 18));
}

TEST(TextMetrics, LongLabelsWrapIntoTallerBoxesNoWiderThanTheWrapWidth)
{
    const FactorBoxText one = layoutFactorBox("Trust");
    const FactorBoxText box = layoutFactorBox("Availability of culturally appropriate peer support");
    EXPECT_GE(box.lines.size(), 3u);
    EXPECT_LE(box.width, 180 + 2 * 12 + 1);
    EXPECT_GT(box.height, one.height + box.lineHeight * 1.5);
    // The lines sit symmetrically about the box's centre.
    const double top = box.firstBaseline - fontAscent(kBold);
    EXPECT_NEAR(top, -box.lineHeight * box.lines.size() / 2, 1e-9);
}

TEST(TextMetrics, AnEmptyLabelStillGetsABox)
{
    const FactorBoxText box = layoutFactorBox("");
    EXPECT_EQ(box.lines.size(), 1u);
    EXPECT_EQ(box.width, 110);
    EXPECT_GT(box.height, 30);
}
