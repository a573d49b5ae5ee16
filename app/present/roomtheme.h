#pragma once

// The room theme: large type and high contrast for a projector seen from the back of a room.

#include "app/canvas/theme.h"

#include <QColor>
#include <QString>

#include <vector>

namespace causeway::present {

// WCAG 2 relative luminance and contrast ratio (1 to 21).
double relativeLuminance(const QColor& colour);
double contrastRatio(const QColor& a, const QColor& b);

// The room's colours besides the map's: the caption band, the legend and the loop marker.
struct RoomColours {
    QColor captionText{0xFF, 0xFF, 0xFF};
    QColor captionBand{0x10, 0x10, 0x10};
    QColor legendText{0x00, 0x00, 0x00};
    QColor legendBackground{0xFF, 0xFF, 0xFF};
    QColor reinforcing{0x00, 0x4F, 0x80}; // the loop marker's R, as a + link
    QColor balancing{0x8F, 0x3A, 0x00};   // the loop marker's B, as a - link
    QColor black{0x00, 0x00, 0x00};       // the B key's black screen
};
const RoomColours& roomColours();

// The map in the room theme, its labels `labelScale` times the room's base size (A+ and A-).
theme::Look roomLook(double labelScale = 1.0);
// The room's base label size in map units (the editor's is 17).
inline constexpr double kRoomLabelPixels = 24;

// Every pair of text and the background it is drawn on in the room theme, named, so a test can
// hold each to WCAG AAA (7:1).
struct TextPair {
    QString what;
    QColor text;
    QColor background;
};
std::vector<TextPair> roomTextPairs();

} // namespace causeway::present
