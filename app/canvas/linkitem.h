#pragma once

#include "layout/linkgeometry.h"
#include "layout/linkports.h"
#include "layout/otherlines.h"
#include "model/systemmap.h"

#include <QGraphicsItem>
#include <QPainterPath>

#include <memory>
#include <optional>
#include <vector>

namespace causeway {

// A link drawn as a curved arrow with its polarity sign near the head and, when delayed, a ||
// mark across its middle. Dragging it bends it (one Document::updateLink on release).
class LinkItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    explicit LinkItem(const Link& link);

    LinkId id() const { return m_link.id; }
    int type() const override { return Type; }
    const Link& link() const { return m_link; }
    void syncFrom(const Link& link);
    // The link as shown (its bend turned with its chord, CanvasScene::shown), drawn again only
    // when its ends are next set.
    void showAs(const Link& link) { m_link = link; }
    const LinkShape& linkShape() const { return m_shape; }
    // The shape with its ends where the link meets its boxes alone, which the scene spreads
    // along busy boxes (layout/linkports.h) and hands back as ports.
    const LinkShape& ownShape() const { return m_own; }
    // The shape as computed for this link alone, and where the scene puts its sign and delay
    // mark so that they cover no other link's (layout/linkshapes.h separateSigns,
    // separateDelayMarks): `placed`'s sign, mark and label anchor.
    const LinkShape& preferredShape() const { return m_preferred; }
    void setPlaced(const LinkShape& placed);

    // Drawn again for its ends' boxes or its ports in three steps, so that the scene can route
    // many links at once (CanvasScene::routeItems): the ends set (prepareEnds: `obstacles`, the
    // boxes of the other factors, which the link is routed around; `lines`, the other links' lines
    // a way round pays to cross, layout/linkshapes.h linesToCross) or the ports (preparePorts,
    // true when they changed); the route worked out, on any thread (route reads only this item,
    // `style` and those lines, which no one changes meanwhile); then taken on the GUI thread.
    struct Route {
        LinkShape own, shape;
    };
    void prepareEnds(const BoxShape& from, const BoxShape& to, bool curveApart,
                     std::vector<BoxShape> obstacles, std::shared_ptr<const OtherLines> lines);
    bool preparePorts(const LinkPorts& ports);
    Route route(const LinkStyle& style) const;
    void setRoute(Route route);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void rebuild();
    void updateBounds(); // after m_shape or m_path changed, inside prepareGeometryChange()

    Link m_link;
    BoxShape m_from, m_to;
    bool m_curveApart = false;
    std::vector<BoxShape> m_obstacles;
    std::shared_ptr<const OtherLines> m_lines;
    std::optional<Point> m_dragBend; // the bend shown while dragging, before the model has it
    QPointF m_pressPos;
    Point m_pressMiddle;
    bool m_hovered = false;

    LinkPorts m_ports;
    LinkShape m_own;
    LinkShape m_shape;
    LinkShape m_preferred;
    QPainterPath m_path;
    QRectF m_bounds;
};

} // namespace causeway
