#pragma once

#include "model/nomination.h"
#include "monitor/monitorcheck.h"

#include <QGraphicsItem>
#include <QObject>
#include <QPointer>

#include <vector>

namespace causeway {

class CanvasScene;
class MonitorData;

// How an item held up, as its mark shows it: a circle with a check, a square with a cross, or a
// dashed circle with a question mark. Shape and glyph tell them apart without colour.
enum class VerdictMark { Consistent, Contradicted, Unclear };
VerdictMark markOf(const LinkCheck& check);
// A factor: its trend moved as its monitored causes predict (check), against them (cross), or
// neither is clear (question mark: no clear trend, no monitored cause with a trend, or mixed).
VerdictMark markOf(const FactorCheck& check);
QString markWord(VerdictMark mark); // "consistent", "contradicted", "unclear"

// One item's mark on the canvas, over links and boxes, the same size at any zoom. Clicks go through.
class VerdictMarkItem : public QGraphicsItem {
public:
    enum { Type = UserType + 30 };
    static constexpr double kRadius = 8;

    // At its position (a link's middle, a box's corner), drawn `offset` screen pixels from it.
    VerdictMarkItem(ItemRef item, VerdictMark mark, const QString& text, QPointF offset);

    int type() const override { return Type; }
    ItemRef item() const { return m_item; }
    VerdictMark mark() const { return m_mark; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Draws a mark of radius `r` centred at `centre`; shared with the legend.
    static void paintMark(QPainter* painter, VerdictMark mark, QPointF centre, double r);

private:
    ItemRef m_item;
    VerdictMark m_mark;
    QPointF m_offset;
};

// Keeps a mark on every checked link (beside its middle, on the side away from its label, clear
// of the polarity sign near the head) and on every factor with a trend (at its box's top-left
// corner; vote badges hang from the top-right). Follows the check: any edit or import.
class VerdictOverlay : public QObject {
    Q_OBJECT
public:
    VerdictOverlay(CanvasScene* scene, MonitorData* data, QObject* parent = nullptr);
    ~VerdictOverlay() override;

    void setVisible(bool visible);
    bool isVisible() const { return m_visible; }
    const std::vector<VerdictMarkItem*>& items() const { return m_items; }

private:
    void rebuild();
    void removeItems();

    QPointer<CanvasScene> m_scene;
    MonitorData* m_data;
    bool m_visible = true;
    std::vector<VerdictMarkItem*> m_items;
};

} // namespace causeway
