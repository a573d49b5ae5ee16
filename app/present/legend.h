#pragma once

// The legend a presentation shows under the map: + - ?, the delay mark, the map's groups with
// their colours, and vote badges when the map has rounds.

#include "app/canvas/theme.h"

#include <QFont>
#include <QRectF>
#include <QString>

#include <functional>
#include <vector>

class QPainter;

namespace causeway {
class SystemMap;
}

namespace causeway::present {

struct LegendEntry {
    enum class Kind { Positive, Negative, Unknown, Delay, Group, Watch, Stop, Drawn };
    Kind kind;
    QString text;
    QColor fill; // a group's box fill
    QColor edge;
    // Kind::Drawn: a symbol another feature draws in `box` (verdict marks: app/monitor/).
    std::function<void(QPainter*, const QRectF& box)> draw = {};
};
std::vector<LegendEntry> legendEntries(const SystemMap& map);

// Lays the entries out in rows `width` wide; returns the height they take. With a painter,
// draws them too, from `origin`.
double layoutLegend(const std::vector<LegendEntry>& entries, double width, int pixels,
                    const theme::Look& look, QPainter* painter = nullptr, QPointF origin = {});

// The width of the widest entry: a legend one entry a row (beside the map) needs this much.
double legendColumnWidth(const std::vector<LegendEntry>& entries, int pixels);

} // namespace causeway::present
