#pragma once

#include "layout/linkgeometry.h"
#include "layout/textmetrics.h"
#include "model/systemmap.h"

#include <QGraphicsItem>
#include <QString>

namespace causeway {

// A factor drawn as a rounded, labelled box centred on its position. A thin view: syncFrom()
// re-reads the model; gestures on it are turned into Document intents by the CanvasScene.
class FactorItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    explicit FactorItem(FactorId id);

    FactorId id() const { return m_id; }
    int type() const override { return Type; }
    void syncFrom(const Factor& factor);

    QString label() const { return m_label; }
    // The box in scene coordinates, where the item is now (also mid-drag).
    BoxShape box() const;
    QSizeF boxSize() const { return m_size; }
    // The small "drag me to link" handle, shown on hover at the box's right edge.
    bool handleContains(QPointF scenePos) const;
    // Highlighted as the target of a link being dragged.
    void setLinkTarget(bool on);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    // The size a box needs for `label`: shared with the layout (measured sizes).
    static QSizeF measure(const QString& label);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    QRectF boxRect() const;
    QPointF handleCentre() const;

    FactorId m_id;
    QString m_label;
    QString m_group;
    QString m_description;
    bool m_pinned = false;
    QSizeF m_size;
    FactorBoxText m_text;
    bool m_hovered = false;
    bool m_linkTarget = false;
};

} // namespace causeway
