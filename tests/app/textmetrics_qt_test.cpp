#include "app/canvas/factoritem.h"
#include "app/canvas/theme.h"
#include "layout/textmetrics.h"

#include <gtest/gtest.h>

#include <QFontInfo>
#include <QFontMetricsF>

#include <algorithm>

using namespace causeway;

// layout/textmetrics measures labels from DejaVu Sans's advance table so the SVG export can size
// boxes without Qt; the canvas draws with Qt. These checks keep the two in step.

TEST(TextMetricsQt, TheCanvasDrawsLabelsInDejaVuSansBold)
{
    const QFontInfo info(theme::factorFont());
    EXPECT_EQ(info.family(), QStringLiteral("DejaVu Sans"));
    EXPECT_TRUE(info.bold());
    EXPECT_EQ(info.pixelSize(), 17);
}

TEST(TextMetricsQt, TableWidthsAgreeWithQtWithinThreePercentOrOneKernPair)
{
    const QFontMetricsF fm(theme::factorFont());
    const FontSpec font = theme::kFactorBox.font;
    for (const char* label : {"Trust", "Peer support workers", "Stigma", "Waiting times (weeks)",
                              "Community trust in local services", "Équité d'accès",
                              "WWW mmm iii", "Funding, staff & 24/7 cover?"}) {
        const double qt = fm.horizontalAdvance(QString::fromUtf8(label));
        const double table = textWidth(label, font);
        // Qt kerns ("Tr", "Wa"); the table does not: one pair is about 2 px.
        EXPECT_NEAR(table, qt, std::max(0.03 * qt, 2.5)) << label;
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
