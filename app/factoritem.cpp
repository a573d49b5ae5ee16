#include "app/factoritem.h"

#include "app/canvasscene.h"
#include "app/theme.h"

#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace causeway {

namespace {
constexpr int kTextFlags = Qt::AlignCenter | Qt::TextWordWrap;
}

FactorItem::FactorItem(FactorId id) : m_id(id)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
    m_size = measure(QString());
}

QSizeF FactorItem::measure(const QString& label)
{
    const QFontMetricsF fm(theme::factorFont());
    const QRectF text = fm.boundingRect(QRectF(0, 0, theme::kBoxMaxTextWidth, 10000), kTextFlags,
                                        label.isEmpty() ? QStringLiteral(" ") : label);
    const double w = std::max(theme::kBoxMinWidth, text.width() + 2 * theme::kBoxPaddingX);
    const double h = std::max(fm.height() + 2 * theme::kBoxPaddingY,
                              text.height() + 2 * theme::kBoxPaddingY);
    return {std::ceil(w), std::ceil(h)};
}

void FactorItem::syncFrom(const Factor& factor)
{
    const QString label = QString::fromStdString(factor.label);
    const QSizeF size = measure(label);
    if (size != m_size)
        prepareGeometryChange();
    m_size = size;
    m_label = label;
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

    QColor fill = theme::boxFill();
    QColor edge = theme::boxEdge();
    if (!m_group.isEmpty()) {
        const QColor g = theme::groupColour(m_group.toStdString());
        // A pale tint: 28 % of the group colour over white keeps black text at full contrast.
        const auto tint = [](int c) { return 255 - (255 - c) * 28 / 100; };
        fill = QColor(tint(g.red()), tint(g.green()), tint(g.blue()));
        edge = g.darker(170);
    }
    painter->setPen(QPen(isSelected() ? theme::textColour() : edge,
                         isSelected() ? theme::kSelectedEdgeWidth : theme::kBoxEdgeWidth));
    painter->setBrush(fill);
    painter->drawRoundedRect(r, theme::kBoxRadius, theme::kBoxRadius);

    painter->setFont(theme::factorFont());
    painter->setPen(theme::textColour());
    // The same wrap width as measure(), so the lines break exactly as they were measured.
    const double textHeight = m_size.height() - 2 * theme::kBoxPaddingY;
    painter->drawText(QRectF(-theme::kBoxMaxTextWidth / 2, -textHeight / 2 - 1,
                             theme::kBoxMaxTextWidth, textHeight),
                      kTextFlags, m_label);

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
