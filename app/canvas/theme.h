#pragma once

#include "layout/linkgeometry.h"
#include "layout/palette.h"
#include "layout/textmetrics.h"
#include "model/systemmap.h"

#include <QColor>
#include <QFont>
#include <QString>

class QGraphicsItem;

namespace causeway::theme {

// Sized for a projector seen from the back of a room: scene units are points at 100 % zoom.

// The map's colours are layout/palette.h's, shared with the SVG export.
inline QColor qcolor(palette::Rgb c) { return QColor(c.r, c.g, c.b); }
inline QColor positiveColour() { return qcolor(palette::kPositive); }
inline QColor negativeColour() { return qcolor(palette::kNegative); }
inline QColor unknownColour() { return qcolor(palette::kUnknown); }
inline QColor polarityColour(Polarity p) { return qcolor(palette::polarityColour(p)); }

inline QColor canvasBackground() { return qcolor(palette::kBackground); }
inline QColor textColour() { return qcolor(palette::kText); }
inline QColor boxEdge() { return qcolor(palette::kBoxEdge); }
inline QColor boxFill() { return qcolor(palette::kBoxFill); }
inline QColor watchColour() { return qcolor(palette::kWatch); }
inline QColor stopColour() { return qcolor(palette::kStop); }
// Selection must not look like a polarity: Okabe-Ito yellow as a halo, plus a thicker edge.
inline QColor selectionHalo() { return QColor(0xF0, 0xE4, 0x42, 200); }
inline QColor handleColour() { return QColor(0x00, 0x9E, 0x73); } // bluish green

// A group's colour (palette::groupColour), used as a pale fill and a darker edge.
QColor groupColour(const std::string& group);

// Box sizes and the label font live in layout/textmetrics.h, shared with the SVG export.
inline constexpr FactorBoxStyle kFactorBox{};
inline constexpr double kBoxMinWidth = kFactorBox.minWidth;
inline constexpr double kBoxMaxTextWidth = kFactorBox.maxTextWidth;
inline constexpr double kBoxPaddingX = kFactorBox.paddingX;
inline constexpr double kBoxPaddingY = kFactorBox.paddingY;
inline constexpr double kBoxRadius = kFactorBox.cornerRadius;
inline constexpr double kBoxEdgeWidth = kFactorBox.edgeWidth;
inline constexpr double kSelectedEdgeWidth = 4.5;
inline constexpr double kHaloWidth = 14;
inline constexpr double kLinkWidth = LinkStyle{}.lineWidth;
inline constexpr double kHandleRadius = 8;

inline QFont factorFont()
{
    // DejaVu Sans Bold, the face layout/textmetrics measures (there is no DemiBold face).
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(int(kFactorBox.font.pixelSize));
    f.setWeight(kFactorBox.font.bold ? QFont::Bold : QFont::Normal);
    return f;
}

inline QFont signFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(int(LinkStyle{}.signFontSize));
    f.setWeight(QFont::Bold);
    return f;
}

inline QFont linkLabelFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(int(LinkStyle{}.labelFontSize));
    f.setItalic(true);
    return f;
}

// How a scene draws the map: the editor's look, or a presentation's room look (app/present/).
// Items read it from their scene (lookOf), so one drawing serves both.
struct Look {
    QColor background = canvasBackground();
    QColor text = textColour();
    QColor boxFill = theme::boxFill();
    QColor boxEdge = theme::boxEdge();
    QColor positive = positiveColour();
    QColor negative = negativeColour();
    QColor unknown = unknownColour();
    QColor signFill = QColor(Qt::white); // behind a link's + - ? sign
    FactorBoxStyle box{};
    LinkStyle link{};

    QColor polarity(Polarity p) const
    {
        return p == Polarity::Positive ? positive : p == Polarity::Negative ? negative : unknown;
    }
    QFont factorFont() const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(int(box.font.pixelSize));
        f.setWeight(box.font.bold ? QFont::Bold : QFont::Normal);
        return f;
    }
};

const Look& editorLook();
// The look of the CanvasScene `item` is on (the editor's when it is on none).
const Look& lookOf(const QGraphicsItem* item);

} // namespace causeway::theme
