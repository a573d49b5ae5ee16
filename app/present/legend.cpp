#include "app/present/legend.h"

#include "app/present/roomtheme.h"
#include "layout/palette.h"
#include "model/systemmap.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <set>

namespace causeway::present {

std::vector<LegendEntry> legendEntries(const SystemMap& map)
{
    using Kind = LegendEntry::Kind;
    std::vector<LegendEntry> entries{
        {Kind::Positive, QStringLiteral("more \u2192 more"), {}, {}},
        {Kind::Negative, QStringLiteral("more \u2192 less"), {}, {}},
        {Kind::Unknown, QStringLiteral("unclear"), {}, {}},
        {Kind::Delay, QStringLiteral("delay"), {}, {}},
    };
    std::set<std::string> groups;
    for (FactorId id : map.factorIds())
        if (const Factor* f = map.findFactor(id); f && !f->group.empty())
            groups.insert(f->group);
    for (const std::string& group : groups) {
        const palette::Rgb g = palette::groupColour(group);
        entries.push_back({Kind::Group, QString::fromStdString(group),
                           theme::qcolor(palette::groupFill(g)), theme::qcolor(palette::groupEdge(g))});
    }
    if (!map.rounds().empty()) {
        entries.push_back({Kind::Watch, QStringLiteral("watch"), {}, {}});
        entries.push_back({Kind::Stop, QStringLiteral("stop watching"), {}, {}});
    }
    return entries;
}

namespace {
QFont legendFont(int pixels)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    return f;
}

void drawSymbol(QPainter* p, const LegendEntry& e, QRectF box, const theme::Look& look)
{
    using Kind = LegendEntry::Kind;
    const QPointF c = box.center();
    const double r = box.height() / 2;
    p->setRenderHint(QPainter::Antialiasing);
    switch (e.kind) {
    case Kind::Positive:
    case Kind::Negative:
    case Kind::Unknown: {
        const Polarity pol = e.kind == Kind::Positive   ? Polarity::Positive
                             : e.kind == Kind::Negative ? Polarity::Negative
                                                        : Polarity::Unknown;
        const QColor colour = look.polarity(pol);
        p->setPen(QPen(colour, 2.5));
        p->setBrush(look.signFill);
        p->drawEllipse(c, r, r);
        QFont f = legendFont(int(r * 1.5));
        f.setBold(true);
        p->setFont(f);
        p->setPen(colour);
        const QString sign = pol == Polarity::Positive   ? QStringLiteral("+")
                             : pol == Polarity::Negative ? QString(QChar(0x2212))
                                                         : QStringLiteral("?");
        p->drawText(QRectF(c.x() - r, c.y() - r - 1, 2 * r, 2 * r), Qt::AlignCenter, sign);
        break;
    }
    case Kind::Delay:
        p->setPen(QPen(look.text, 3));
        p->drawLine(QPointF(box.left(), c.y()), QPointF(box.right(), c.y()));
        p->drawLine(QPointF(c.x() - 4, c.y() - r), QPointF(c.x() - 4, c.y() + r));
        p->drawLine(QPointF(c.x() + 4, c.y() - r), QPointF(c.x() + 4, c.y() + r));
        break;
    case Kind::Group:
        p->setPen(QPen(e.edge, 2.5));
        p->setBrush(e.fill);
        p->drawRoundedRect(box.adjusted(0, 2, 0, -2), 5, 5);
        break;
    case Kind::Watch:
        p->setPen(QPen(theme::watchColour(), 2.5));
        p->setBrush(theme::watchColour());
        p->drawEllipse(c, r * 0.8, r * 0.8);
        break;
    case Kind::Stop:
        p->setPen(QPen(theme::stopColour(), 3));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(c, r * 0.8, r * 0.8);
        break;
    case Kind::Drawn:
        if (e.draw)
            e.draw(p, box);
        break;
    }
}
} // namespace

namespace {
double entryWidth(const LegendEntry& e, int pixels, const QFontMetricsF& fm)
{
    const double symbol = pixels * 1.3; // a symbol's width; groups get a wider swatch
    const double swatch = e.kind == LegendEntry::Kind::Group ? symbol * 1.6 : symbol;
    return swatch + 6 + fm.horizontalAdvance(e.text);
}
} // namespace

double legendColumnWidth(const std::vector<LegendEntry>& entries, int pixels)
{
    const QFontMetricsF fm(legendFont(pixels));
    double widest = 0;
    for (const LegendEntry& e : entries)
        widest = std::max(widest, entryWidth(e, pixels, fm));
    return widest;
}

double layoutLegend(const std::vector<LegendEntry>& entries, double width, int pixels,
                    const theme::Look& look, QPainter* painter, QPointF origin)
{
    const QFont font = legendFont(pixels);
    const QFontMetricsF fm(font);
    const double rowHeight = fm.height() + 8;
    const double symbol = pixels * 1.3; // a symbol's width; groups get a wider swatch
    const double gap = pixels * 1.2;
    double x = 0;
    double y = 0;
    for (const LegendEntry& e : entries) {
        const double swatch = e.kind == LegendEntry::Kind::Group ? symbol * 1.6 : symbol;
        const double w = entryWidth(e, pixels, fm);
        if (x > 0 && x + w > width) {
            x = 0;
            y += rowHeight;
        }
        if (painter) {
            const QRectF box(origin.x() + x, origin.y() + y + (rowHeight - pixels) / 2, swatch,
                             pixels);
            drawSymbol(painter, e, box, look);
            painter->setFont(font);
            painter->setPen(roomColours().legendText);
            painter->drawText(QRectF(box.right() + 6, origin.y() + y, w, rowHeight),
                              Qt::AlignLeft | Qt::AlignVCenter, e.text);
        }
        x += w + gap;
    }
    return y + rowHeight;
}

} // namespace causeway::present
