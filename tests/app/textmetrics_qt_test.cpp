#include "app/canvas/factoritem.h"
#include "app/canvas/theme.h"
#include "layout/textmetrics.h"

#include <gtest/gtest.h>

#include <QFontInfo>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QRawFont>
#include <QTextLayout>

#include <algorithm>
#include <set>

using namespace causeway;

// layout/textmetrics measures labels by shaping them (HarfBuzz on FreeType, fontconfig fallback)
// so the SVG export can size boxes without Qt; the canvas draws with Qt. These checks keep the two
// in step.

TEST(TextMetricsQt, TheCanvasDrawsLabelsInDejaVuSansBold)
{
    const QFontInfo info(theme::factorFont());
    EXPECT_EQ(info.family(), QStringLiteral("DejaVu Sans"));
    EXPECT_TRUE(info.bold());
    EXPECT_EQ(info.pixelSize(), 17);
}

TEST(TextMetricsQt, ShapedWidthsAgreeWithQtWithinHalfAPercent)
{
    // Shaped with kerning as Qt shapes ("Tr", "Wa"): the old advance table, without kerning,
    // needed 3 % or one kern pair (2.5 px) of slack here.
    const QFontMetricsF fm(theme::factorFont());
    const FontSpec font = theme::kFactorBox.font;
    for (const char* label : {"Trust", "Peer support workers", "Stigma", "Waiting times (weeks)",
                              "Community trust in local services", "Équité d'accès",
                              "WWW mmm iii", "Funding, staff & 24/7 cover?"}) {
        const double qt = fm.horizontalAdvance(QString::fromUtf8(label));
        EXPECT_NEAR(textWidth(label, font), qt, 0.005 * qt) << label;
    }
}

TEST(TextMetricsQt, LineHeightAgreesWithQtWithinOnePixel)
{
    const QFontMetricsF fm(theme::factorFont());
    EXPECT_NEAR(lineHeight(theme::kFactorBox.font), fm.lineSpacing(), 1.0);
    EXPECT_NEAR(fontAscent(theme::kFactorBox.font), fm.ascent(), 1.0);
}

TEST(TextMetricsQt, EveryWrappedLineFitsItsBoxWhenQtDrawsIt)
{
    const QFontMetricsF fm(theme::factorFont());
    for (const char* label : {"Availability of culturally appropriate peer support",
                              "Trust", "A rather long label about waiting lists and referrals"}) {
        const FactorBoxText box = layoutFactorBox(label);
        EXPECT_EQ(FactorItem::measure(QString::fromUtf8(label)), QSizeF(box.width, box.height));
        for (const std::string& line : box.lines)
            EXPECT_LE(fm.horizontalAdvance(QString::fromStdString(line)),
                      box.width - theme::kBoxPaddingX) << line;
    }
}

namespace {
// Labels as the multilingual communities these services work with write them. Fonts expected
// (scripts/setup installs them): DejaVu Sans for Latin, Vietnamese and Arabic, Noto Sans CJK for
// Chinese, Noto Color Emoji for emoji.
const char* const kMultilingual[] = {
    "Ni\xE1\xBB\x81m tin c\xE1\xBB\xA7" "a c\xE1\xBB\x99ng \xC4\x91\xE1\xBB\x93ng",  // Niềm tin của cộng đồng
    "S\xE1\xBB\xA9" "c kh\xE1\xBB\x8F" "e t\xC3\xA2m th\xE1\xBA\xA7n",              // Sức khỏe tâm thần
    "\xD8\xA7\xD9\x84\xD8\xAB\xD9\x82\xD8\xA9 \xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD8\xAE\xD8\xAF"
    "\xD9\x85\xD8\xA7\xD8\xAA",                                                      // الثقة في الخدمات
    "\xD8\xA7\xD9\x84\xD8\xB5\xD8\xAD\xD8\xA9 \xD8\xA7\xD9\x84\xD9\x86\xD9\x81\xD8\xB3\xD9\x8A\xD8\xA9", // الصحة النفسية
    "\xE7\xA4\xBE\xE5\x8C\xBA\xE4\xBF\xA1\xE4\xBB\xBB",                              // 社区信任
    "\xE7\xAD\x89\xE5\xBE\x85\xE6\x97\xB6\xE9\x97\xB4\xEF\xBC\x88\xE5\x91\xA8\xEF\xBC\x89", // 等待时间（周）
    "Peer support \xF0\x9F\x99\x8F",                                                 // Peer support 🙏
    "Trust \xF0\x9F\xA4\x9D community",                                              // Trust 🤝 community
};
} // namespace

TEST(TextMetricsQt, MultilingualWidthsAgreeWithQtWithinTwoPercent)
{
    for (const bool bold : {true, false}) {
        QFont qfont = theme::factorFont();
        qfont.setBold(bold);
        const QFontMetricsF fm(qfont);
        const FontSpec font{theme::kFactorBox.font.pixelSize, bold};
        for (const char* label : kMultilingual) {
            const double qt = fm.horizontalAdvance(QString::fromUtf8(label));
            EXPECT_NEAR(textWidth(label, font), qt, 0.02 * qt) << label << (bold ? " bold" : "");
        }
    }
}

TEST(TextMetricsQt, MultilingualLabelsFitTheirBoxesWhenQtDrawsThem)
{
    const QFontMetricsF fm(theme::factorFont());
    for (const char* label : kMultilingual) {
        const std::string longer = std::string(label) + " " + label + " " + label;
        const FactorBoxText box = layoutFactorBox(longer);
        for (const std::string& line : box.lines)
            EXPECT_LE(fm.horizontalAdvance(QString::fromStdString(line)),
                      box.width - 2 * theme::kBoxPaddingX + 0.5) << line;
    }
}

TEST(TextMetricsQt, LayoutMeasuresInTheFontsQtDrawsWith)
{
    for (const char* label : kMultilingual) {
        QTextLayout text(QString::fromUtf8(label), theme::factorFont());
        text.beginLayout();
        text.createLine();
        text.endLayout();
        std::set<std::string> qt;
        for (const QGlyphRun& run : text.glyphRuns())
            qt.insert(run.rawFont().familyName().toStdString());
        const std::vector<std::string> used = fontFamiliesUsed(label, theme::kFactorBox.font);
        EXPECT_EQ(std::set<std::string>(used.begin(), used.end()), qt) << label;
    }
}
