#include "app/present/roomtheme.h"

#include "layout/palette.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace causeway::present {

namespace {
double channel(int value)
{
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

double relativeLuminance(const QColor& colour)
{
    const QColor c = colour.toRgb();
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const RoomColours& roomColours()
{
    static const RoomColours colours;
    return colours;
}

theme::Look roomLook(double labelScale)
{
    theme::Look look;
    const RoomColours& room = roomColours();
    look.background = QColor(0xFF, 0xFF, 0xFF);
    look.text = QColor(0x00, 0x00, 0x00);
    look.boxFill = QColor(0xFF, 0xFF, 0xFF);
    look.boxEdge = QColor(0x00, 0x00, 0x00);
    // Darker Okabe-Ito blue and vermillion: the signs are text and must read at 7:1 on white.
    look.positive = room.reinforcing;
    look.negative = room.balancing;
    look.unknown = QColor(0x4D, 0x4D, 0x4D);
    look.signFill = QColor(0xFF, 0xFF, 0xFF);
    const double k = kRoomLabelPixels / look.box.font.pixelSize * labelScale;
    look.box.font.pixelSize = std::round(look.box.font.pixelSize * k);
    // Wrap a little narrower than the type grows: tall boxes take less of a wide map's width.
    look.box.maxTextWidth *= k * 0.85;
    look.box.minWidth *= k * 0.85;
    // Padding grows less than the type: on a projector the map's size is the boxes' (0.8 takes
    // the sample map's labels from 18.0 to 18.6 px at 1024x768).
    look.box.paddingX *= k * 0.8;
    look.box.paddingY *= k * 0.8;
    look.box.cornerRadius *= k;
    look.box.edgeWidth = 3;
    // Signs and arrows the back row can see: they grow with the type.
    const double g = std::sqrt(k);
    look.link.lineWidth *= 1.3;
    // Signs grow as the square root of the type (not 1.3 times that): at 1.3 the sample's packed
    // rows had no room beside its short links and 15 signs sat on boxes.
    look.link.signRadius *= g;
    look.link.signFontSize = std::round(look.link.signFontSize * 1.3 * g);
    look.link.signEdgeWidth = 3;
    look.link.arrowLength *= 1.3 * g;
    look.link.arrowWidth *= 1.3 * g;
    return look;
}

std::vector<TextPair> roomTextPairs()
{
    const theme::Look look = roomLook();
    const RoomColours& room = roomColours();
    std::vector<TextPair> pairs{
        {QStringLiteral("factor label on a factor box"), look.text, look.boxFill},
        {QStringLiteral("link label on the map"), look.text, look.background},
        {QStringLiteral("+ sign"), look.positive, look.signFill},
        {QStringLiteral("- sign"), look.negative, look.signFill},
        {QStringLiteral("? sign"), look.unknown, look.signFill},
        {QStringLiteral("caption"), room.captionText, room.captionBand},
        {QStringLiteral("legend text"), room.legendText, room.legendBackground},
        {QStringLiteral("legend + sign"), look.positive, room.legendBackground},
        {QStringLiteral("legend - sign"), look.negative, room.legendBackground},
        {QStringLiteral("legend ? sign"), look.unknown, room.legendBackground},
        {QStringLiteral("loop marker R"), room.reinforcing, look.background},
        {QStringLiteral("loop marker B"), room.balancing, look.background},
        {QStringLiteral("loop marker U"), look.unknown, look.background},
    };
    // Factor labels on every group's tinted box: palette::groupColour picks among a few hues,
    // so enough names reach them all.
    std::vector<palette::Rgb> fills;
    for (int i = 0; i < 200; ++i) {
        const palette::Rgb fill = palette::groupFill(palette::groupColour("group " + std::to_string(i)));
        if (std::find(fills.begin(), fills.end(), fill) == fills.end())
            fills.push_back(fill);
    }
    for (const palette::Rgb& fill : fills)
        pairs.push_back({QStringLiteral("factor label on a group box %1")
                             .arg(QString::fromStdString(palette::hex(fill))),
                         look.text, theme::qcolor(fill)});
    return pairs;
}

} // namespace causeway::present
