#include "app/canvas/factoritem.h"

#include "app/canvas/canvasscene.h"
#include "app/canvas/theme.h"

#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace causeway {

FactorItem::FactorItem(FactorId id) : m_id(id)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
    m_text = layoutFactorBox("");
    m_size = QSizeF(m_text.width, m_text.height);
}

QSizeF FactorItem::measure(const QString& label)
{
    const FactorBoxText text = layoutFactorBox(label.toStdString());
    return {text.width, text.height};
}

void FactorItem::syncFrom(const Factor& factor)
{
    // Sized and wrapped by layout/textmetrics, as the SVG export does, so both draw the same box.
    m_text = layoutFactorBox(factor.label, theme::lookOf(this).box);
    const QSizeF size(m_text.width, m_text.height);
    if (size != m_size)
        prepareGeometryChange();
    m_size = size;
    m_label = QString::fromStdString(factor.label);
    m_group = QString::fromStdString(factor.group);
    m_pinned = factor.pinned;
    m_description = QString::fromStdString(factor.description);
    setToolTip(m_description);
    const QPointF pos(factor.position.x, factor.position.y);
    if (pos != this->pos())
        setPos(pos);
    update();
}

BoxShape FactorItem::box() const
{
    return {{pos().x(), pos().y()}, m_size.width(), m_size.height()};
}

QRectF FactorItem::boxRect() const
{
    return {-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height()};
}

QPointF FactorItem::handleCentre() const
{
    return {m_size.width() / 2, 0};
}

bool FactorItem::handleContains(QPointF scenePos) const
{
    const QPointF d = mapFromScene(scenePos) - handleCentre();
    const double r = theme::kHandleRadius + 5; // forgiving: a bit larger than drawn
    return d.x() * d.x() + d.y() * d.y() <= r * r;
}

void FactorItem::setLinkTarget(bool on)
{
    if (on != m_linkTarget) {
        m_linkTarget = on;
        update();
    }
}

QRectF FactorItem::boundingRect() const
{
    const double m = theme::kHaloWidth / 2 + theme::kHandleRadius + 2;
    return boxRect().adjusted(-m, -m, m, m);
}

QPainterPath FactorItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(boxRect(), theme::kBoxRadius, theme::kBoxRadius);
    if (m_hovered || isSelected())
        path.addEllipse(handleCentre(), theme::kHandleRadius + 5, theme::kHandleRadius + 5);
    return path;
}

void FactorItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = boxRect();
    if (isSelected() || m_linkTarget) {
        QColor halo = m_linkTarget ? theme::handleColour() : theme::selectionHalo();
        halo.setAlpha(m_linkTarget ? 150 : halo.alpha());
        painter->setPen(QPen(halo, theme::kHaloWidth));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r, theme::kBoxRadius, theme::kBoxRadius);
    }

    const theme::Look& look = theme::lookOf(this);
    QColor fill = look.boxFill;
    QColor edge = look.boxEdge;
    if (!m_group.isEmpty()) {
        const palette::Rgb g = palette::groupColour(m_group.toStdString());
        fill = theme::qcolor(palette::groupFill(g));
        edge = theme::qcolor(palette::groupEdge(g));
    }
    painter->setPen(QPen(isSelected() ? look.text : edge,
                         isSelected() ? theme::kSelectedEdgeWidth : look.box.edgeWidth));
    painter->setBrush(fill);
    painter->drawRoundedRect(r, look.box.cornerRadius, look.box.cornerRadius);

    const QFont font = look.factorFont();
    painter->setFont(font);
    painter->setPen(look.text);
    // The lines layoutFactorBox() broke, never re-wrapped by Qt, so the canvas breaks where the
    // SVG does; each is centred on its baseline (Qt's widths agree with layout/'s shaped ones).
    const QFontMetricsF fm(font);
    for (std::size_t i = 0; i < m_text.lines.size(); ++i) {
        const double baseline = m_text.firstBaseline + double(i) * m_text.lineHeight;
        painter->drawText(QRectF(r.left(), baseline - fm.ascent(), r.width(), fm.height()),
                          Qt::AlignHCenter | Qt::AlignTop | Qt::TextDontClip,
                          QString::fromStdString(m_text.lines[i]));
    }

    if (m_pinned) {
        // A pin head in the top-left corner: pinned factors stay put during auto-layout.
        painter->setPen(QPen(theme::textColour(), 2));
        painter->setBrush(theme::negativeColour());
        painter->drawEllipse(QPointF(r.left() + 9, r.top() + 9), 5, 5);
    }

    if (m_hovered || isSelected()) {
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(theme::handleColour());
        painter->drawEllipse(handleCentre(), theme::kHandleRadius, theme::kHandleRadius);
    }
}

QVariant FactorItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged) {
        if (auto* canvas = qobject_cast<CanvasScene*>(scene()))
            canvas->factorItemMoved(m_id);
    } else if (change == ItemSelectedHasChanged) {
        prepareGeometryChange(); // the shape grows a handle while selected
    }
    return QGraphicsItem::itemChange(change, value);
}

void FactorItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    prepareGeometryChange();
    m_hovered = true;
    hoverMoveEvent(event);
}

void FactorItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    const bool onHandle = handleContains(event->scenePos());
    setCursor(onHandle ? Qt::CrossCursor : Qt::OpenHandCursor);
    setToolTip(onHandle ? QObject::tr("Drag to another factor to link them (or Shift+drag)")
                        : m_description);
    update();
}

void FactorItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    prepareGeometryChange();
    m_hovered = false;
    unsetCursor();
    update();
}

} // namespace causeway
