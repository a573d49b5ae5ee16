#include "layout/textmetrics.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <thread>

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

// Labels beyond Latin: measured by shaping with HarfBuzz, glyphs DejaVu Sans lacks drawn from the
// font fontconfig falls back to. The fonts come from scripts/setup: fonts-dejavu-core,
// fonts-noto-core (Arabic), fonts-noto-cjk (Chinese) and fonts-noto-color-emoji.

namespace {
const char* const kArabic = "\xD8\xA7\xD9\x84\xD8\xAB\xD9\x82\xD8\xA9 \xD9\x81\xD9\x8A "
                            "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xAF\xD9\x85\xD8\xA7\xD8\xAA "
                            "\xD8\xA7\xD9\x84\xD8\xB5\xD8\xAD\xD9\x8A\xD8\xA9"; // الثقة في الخدمات الصحية
const char* const kChinese = "\xE7\xA4\xBE\xE5\x8C\xBA\xE5\xAF\xB9\xE5\x8D\xAB\xE7\x94\x9F\xE6\x9C"
                             "\x8D\xE5\x8A\xA1\xE7\x9A\x84\xE4\xBF\xA1\xE4\xBB\xBB"; // 社区对卫生服务的信任
const char* const kPrayer = "\xF0\x9F\x99\x8F";                      // 🙏
const char* const kPrayerSkinTone = "\xF0\x9F\x99\x8F\xF0\x9F\x8F\xBD"; // 🙏🏽

bool usesFamily(std::string_view text, const FontSpec& font, std::string_view family)
{
    for (const std::string& f : fontFamiliesUsed(text, font))
        if (f.starts_with(family))
            return true;
    return false;
}
// The lines joined again by `separator`, each checked to fit `maxWidth`.
std::string joinedWithin(const std::vector<std::string>& lines, double maxWidth,
                         const std::string& separator)
{
    std::string joined;
    for (const auto& line : lines) {
        EXPECT_LE(textWidth(line, kBold), maxWidth) << line;
        joined += (joined.empty() ? "" : separator) + line;
    }
    return joined;
}
} // namespace

TEST(TextMetrics, LabelsAreKernedAsTheFontSays)
{
    // DejaVu Sans kerns "AV" and "To": a shaped pair is narrower than its two letters apart.
    EXPECT_LT(textWidth("AV", kBold), textWidth("A", kBold) + textWidth("V", kBold) - 0.5);
    EXPECT_LT(textWidth("To", kBold), textWidth("T", kBold) + textWidth("o", kBold) - 0.5);
}

TEST(TextMetrics, ArabicIsShapedAsAJoinedRunNotLetterByLetter)
{
    // Letters alone take their isolated forms, which are wider than the joined forms of a word.
    const std::string word = "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xAF\xD9\x85\xD8\xA7\xD8\xAA"; // الخدمات
    double letters = 0;
    for (std::size_t i = 0; i < word.size(); i += 2)
        letters += textWidth(word.substr(i, 2), kBold);
    EXPECT_LT(textWidth(word, kBold), letters - 5);
}

TEST(TextMetrics, GlyphsDejaVuLacksComeFromTheFallbackFonts)
{
    ASSERT_TRUE(usesFamily(kChinese, kBold, "Noto Sans CJK"))
        << "Chinese labels need fonts-noto-cjk (scripts/setup installs it)";
    ASSERT_TRUE(usesFamily(kPrayer, kBold, "Noto Color Emoji"))
        << "emoji labels need fonts-noto-color-emoji (scripts/setup installs it)";
    EXPECT_TRUE(usesFamily("Trust", kBold, "DejaVu Sans"));
    EXPECT_FALSE(usesFamily("Trust", kBold, "Noto"));
    // Noto Sans CJK draws Han characters one em wide.
    EXPECT_NEAR(textWidth(kChinese, kBold), 10 * 17, 0.5);
}

TEST(TextMetrics, AnEmojiWithASkinToneIsMeasuredAsOneGlyph)
{
    ASSERT_TRUE(usesFamily(kPrayer, kBold, "Noto Color Emoji"));
    EXPECT_GT(textWidth(kPrayer, kBold), 10);
    EXPECT_NEAR(textWidth(kPrayerSkinTone, kBold), textWidth(kPrayer, kBold), 0.01);
}

TEST(TextMetrics, ChineseWrapsBetweenCharactersWithinTheWidth)
{
    const auto lines = wrapText(kChinese, 100, kBold);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(joinedWithin(lines, 100, ""), kChinese);
}

TEST(TextMetrics, ArabicWrapsAtSpacesInReadingOrder)
{
    const auto lines = wrapText(kArabic, 120, kBold);
    ASSERT_GT(lines.size(), 1u);
    EXPECT_EQ(joinedWithin(lines, 120, " "), kArabic);
}

TEST(TextMetrics, MeasuringFromManyThreadsAtOnceGivesTheSameWidths)
{
    const std::vector<std::string> labels = {kArabic, kChinese, kPrayerSkinTone, "Tiếng Việt",
                                             "Community trust in local health services"};
    std::vector<double> expected;
    for (const auto& l : labels)
        expected.push_back(textWidth(l, kBold));
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 50; ++round)
                for (std::size_t i = 0; i < labels.size(); ++i) {
                    // A suffix per thread and round: each call shapes text no one cached yet.
                    const std::string fresh = labels[i] + " " + std::to_string(t * 1000 + round);
                    if (textWidth(fresh, kBold) <= expected[i]
                        || textWidth(labels[i], kBold) != expected[i])
                        ++mismatches;
                }
        });
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(mismatches, 0);
}
