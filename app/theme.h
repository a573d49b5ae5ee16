#pragma once

#include "model/systemmap.h"

#include <QColor>
#include <QFont>
#include <QString>

namespace causeway::theme {

// Sized for a projector seen from the back of a room: scene units are points at 100 % zoom.

// Okabe-Ito colours: told apart by the common colour-vision deficiencies, and each polarity also
// has its own symbol and (for `?`) a dashed line, so colour is never the only cue.
inline QColor positiveColour() { return QColor(0x00, 0x72, 0xB2); } // blue
inline QColor negativeColour() { return QColor(0xD5, 0x5E, 0x00); } // vermillion
inline QColor unknownColour() { return QColor(0x6E, 0x6E, 0x6E); }  // grey
inline QColor polarityColour(Polarity p)
{
    switch (p) {
    case Polarity::Positive: return positiveColour();
    case Polarity::Negative: return negativeColour();
    case Polarity::Unknown: break;
    }
    return unknownColour();
}

inline QColor canvasBackground() { return QColor(0xFF, 0xFF, 0xFF); }
inline QColor textColour() { return QColor(0x11, 0x11, 0x11); }
inline QColor boxEdge() { return QColor(0x33, 0x33, 0x33); }
inline QColor boxFill() { return QColor(0xFF, 0xFF, 0xFF); }
// Selection must not look like a polarity: Okabe-Ito yellow as a halo, plus a thicker edge.
inline QColor selectionHalo() { return QColor(0xF0, 0xE4, 0x42, 200); }
inline QColor handleColour() { return QColor(0x00, 0x9E, 0x73); } // bluish green

// A group's colour: a stable pick from a soft palette, used as a pale fill and a coloured edge.
QColor groupColour(const std::string& group);

inline constexpr double kBoxMinWidth = 110;
inline constexpr double kBoxMaxTextWidth = 180;
inline constexpr double kBoxPaddingX = 12;
inline constexpr double kBoxPaddingY = 9;
inline constexpr double kBoxRadius = 9;
inline constexpr double kBoxEdgeWidth = 2.5;
inline constexpr double kSelectedEdgeWidth = 4.5;
inline constexpr double kHaloWidth = 14;
inline constexpr double kLinkWidth = 3.5;
inline constexpr double kHandleRadius = 8;

inline QFont factorFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(17);
    f.setWeight(QFont::DemiBold);
    return f;
}

inline QFont signFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(19);
    f.setWeight(QFont::Bold);
    return f;
}

inline QFont linkLabelFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(14);
    f.setItalic(true);
    return f;
}

} // namespace causeway::theme
