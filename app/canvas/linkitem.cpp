#include "app/canvas/linkitem.h"

#include "app/canvas/canvasscene.h"
#include "app/canvas/theme.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>

namespace causeway {

namespace {
QPointF qt(Point p) { return {p.x, p.y}; }

QString signText(Polarity p)
{
    switch (p) {
    case Polarity::Positive: return QStringLiteral("+");
    case Polarity::Negative: return QString(QChar(0x2212)); // a real minus: wider than '-'
    case Polarity::Unknown: break;
    }
    return QStringLiteral("?");
}

// The scene's look sizes arrows and signs (a presentation draws them larger).
const LinkStyle& styleOf(const QGraphicsItem* item)
{
    return theme::lookOf(item).link;
}
} // namespace

LinkItem::LinkItem(const Link& link) : m_link(link)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(0);
}

void LinkItem::syncFrom(const Link& link)
{
    m_link = link;
    m_dragBend.reset();
    rebuild();
}

void LinkItem::prepareEnds(const BoxShape& from, const BoxShape& to, bool curveApart,
                           std::vector<BoxShape> obstacles, std::shared_ptr<const OtherLines> lines)
{
    m_from = from;
    m_to = to;
    m_curveApart = curveApart;
    m_obstacles = std::move(obstacles);
    m_lines = std::move(lines);
}

void LinkItem::rebuild() { setRoute(route(styleOf(this))); }

LinkItem::Route LinkItem::route(const LinkStyle& style) const
{
    const std::optional<Point> bend = m_dragBend ? m_dragBend : m_link.bend;
    const bool self = m_link.from == m_link.to;
    const CrossingToll toll{m_lines.get(), m_link.from, m_link.to};
    Route r;
    r.own = self
        ? computeSelfLoopShape(m_from, bend, style)
        : computeLinkShape(m_from, m_to, bend, m_curveApart, m_obstacles, LinkPorts{}, style, toll);
    r.shape = self || (!m_ports.start && !m_ports.tip && !m_ports.via)
        ? r.own
        : computeLinkShape(m_from, m_to, bend, m_curveApart, m_obstacles, m_ports, style, toll);
    return r;
}

void LinkItem::setRoute(Route route)
{
    prepareGeometryChange();
    m_own = std::move(route.own);
    m_shape = std::move(route.shape);
    m_preferred = m_shape;
    m_path = QPainterPath(qt(m_shape.start));
    for (std::size_t i = 1; i + 2 < m_shape.line.size(); i += 3)
        m_path.cubicTo(qt(m_shape.line[i]), qt(m_shape.line[i + 1]), qt(m_shape.line[i + 2]));
    updateBounds();
}

bool LinkItem::preparePorts(const LinkPorts& ports)
{
    if (ports == m_ports)
        return false;
    m_ports = ports;
    return true;
}

void LinkItem::setPlaced(const LinkShape& placed)
{
    if (placed.sign == m_shape.sign && placed.delayA1 == m_shape.delayA1 && placed.delayB2 == m_shape.delayB2)
        return;
    prepareGeometryChange();
    m_shape.sign = placed.sign;
    m_shape.delayA1 = placed.delayA1;
    m_shape.delayA2 = placed.delayA2;
    m_shape.delayB1 = placed.delayB1;
    m_shape.delayB2 = placed.delayB2;
    m_shape.labelAnchor = placed.labelAnchor;
    updateBounds();
}

void LinkItem::updateBounds()
{
    const LinkStyle& s = styleOf(this);
    QRectF r = m_path.boundingRect();
    r |= QRectF(qt(m_shape.sign), QSizeF()).adjusted(-s.signRadius, -s.signRadius, s.signRadius,
                                                      s.signRadius);
    for (Point p : {m_shape.tip, m_shape.baseLeft, m_shape.baseRight, m_shape.delayA1,
                    m_shape.delayA2, m_shape.delayB1, m_shape.delayB2, m_shape.middle})
        r |= QRectF(qt(p), QSizeF(1, 1));
    if (!m_link.label.empty()) {
        const QFontMetricsF fm(theme::linkLabelFont());
        const QSizeF size = fm.size(0, QString::fromStdString(m_link.label));
        r |= QRectF(qt(m_shape.labelAnchor) - QPointF(size.width() / 2 + 4, size.height() / 2 + 2),
                    size + QSizeF(8, 4));
    }
    const double m = theme::kHaloWidth / 2 + theme::kHandleRadius + 2;
    m_bounds = r.adjusted(-m, -m, m, m);
    update();
}

QRectF LinkItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath LinkItem::shape() const
{
    // Generous hit area: a thick stroke, the sign and the arrow head.
    QPainterPathStroker stroker;
    stroker.setWidth(16);
    QPainterPath hit = stroker.createStroke(m_path);
    hit.addEllipse(qt(m_shape.sign), styleOf(this).signRadius + 3, styleOf(this).signRadius + 3);
    hit.addPolygon(QPolygonF({qt(m_shape.tip), qt(m_shape.baseLeft), qt(m_shape.baseRight)}));
    hit.addEllipse(qt(m_shape.middle), theme::kHandleRadius + 4, theme::kHandleRadius + 4);
    return hit;
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const LinkStyle& s = styleOf(this);
    const theme::Look& look = theme::lookOf(this);
    const QColor colour = look.polarity(m_link.polarity);
    const QPolygonF head({qt(m_shape.tip), qt(m_shape.baseLeft), qt(m_shape.baseRight)});

    if (isSelected()) {
        QPen halo(theme::selectionHalo(), theme::kHaloWidth, Qt::SolidLine, Qt::RoundCap);
        painter->setPen(halo);
        painter->setBrush(theme::selectionHalo());
        painter->drawPath(m_path);
        painter->drawPolygon(head);
        painter->drawEllipse(qt(m_shape.sign), s.signRadius + 4, s.signRadius + 4);
    }

    QPen line(colour, s.lineWidth, Qt::SolidLine, Qt::FlatCap);
    if (m_link.polarity == Polarity::Unknown)
        line.setDashPattern({s.dashOn, s.dashOff}); // in line widths
    painter->setPen(line);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);

    painter->setPen(QPen(colour, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::MiterJoin));
    painter->setBrush(colour);
    painter->drawPolygon(head);

    if (m_link.delay) {
        painter->setPen(QPen(look.text, s.lineWidth, Qt::SolidLine, Qt::FlatCap));
        painter->drawLine(qt(m_shape.delayA1), qt(m_shape.delayA2));
        painter->drawLine(qt(m_shape.delayB1), qt(m_shape.delayB2));
    }

    painter->setPen(QPen(colour, s.signEdgeWidth));
    painter->setBrush(look.signFill);
    painter->drawEllipse(qt(m_shape.sign), s.signRadius, s.signRadius);
    QFont signFont = theme::signFont();
    signFont.setPixelSize(int(s.signFontSize));
    painter->setFont(signFont);
    painter->setPen(colour);
    const QRectF signBox(qt(m_shape.sign) - QPointF(s.signRadius, s.signRadius + 1),
                         QSizeF(2 * s.signRadius, 2 * s.signRadius));
    painter->drawText(signBox, Qt::AlignCenter, signText(m_link.polarity));

    if (!m_link.label.empty()) {
        const QString text = QString::fromStdString(m_link.label);
        const QFontMetricsF fm(theme::linkLabelFont());
        const QSizeF size = fm.size(0, text);
        const QRectF box(qt(m_shape.labelAnchor) - QPointF(size.width() / 2, size.height() / 2),
                         size);
        painter->setPen(Qt::NoPen);
        QColor behind = look.background;
        behind.setAlpha(220);
        painter->setBrush(behind);
        painter->drawRoundedRect(box.adjusted(-4, -2, 4, 2), 4, 4);
        painter->setFont(theme::linkLabelFont());
        painter->setPen(look.text);
        painter->drawText(box, Qt::AlignCenter, text);
    }

    if (isSelected() || m_hovered) {
        // The bend handle: drag the link's middle.
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(theme::handleColour());
        painter->drawEllipse(qt(m_shape.middle), theme::kHandleRadius - 2, theme::kHandleRadius - 2);
    }
}

void LinkItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mousePressEvent(event); // selection, Ctrl-click
    m_pressPos = event->scenePos();
    m_pressMiddle = m_shape.middle;
}

void LinkItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPointF delta = event->scenePos() - m_pressPos;
    if (!m_dragBend && delta.manhattanLength() < QApplication::startDragDistance())
        return;
    const Point middle{m_pressMiddle.x + delta.x(), m_pressMiddle.y + delta.y()};
    m_dragBend = bendForMiddle(m_from, m_to, m_link.from == m_link.to, middle);
    rebuild();
}

void LinkItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (!m_dragBend)
        return;
    const Point bend = *m_dragBend;
    if (auto* canvas = qobject_cast<CanvasScene*>(scene()))
        canvas->bendLink(m_link.id, bend); // the model answers with linkChanged -> syncFrom
    if (m_dragBend) { // refused: go back to the model's bend
        m_dragBend.reset();
        rebuild();
    }
}

void LinkItem::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = true;
    setCursor(Qt::PointingHandCursor);
    update();
}

void LinkItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = false;
    unsetCursor();
    update();
}

QVariant LinkItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemSelectedHasChanged)
        update();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace causeway
