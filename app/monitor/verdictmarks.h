#pragma once

#include "app/document/exportmenu.h"
#include "io/verdictmarkshape.h"
#include "model/nomination.h"
#include "monitor/monitorcheck.h"
#include "monitor/monitorreport.h"

#include <QGraphicsItem>
#include <QObject>
#include <QPointer>

#include <vector>

namespace causeway {

class CanvasScene;
class MonitorData;

// VerdictMark, its shape and place: io/verdictmarkshape.h; markOf(check): monitor/monitorreport.h.
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

    // Draws a mark of radius `r` centred at `centre` (verdictMarkShape); shared with the legends.
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

// File > Export's pictures carry the marks the canvas shows (links and factors, same shapes and
// places), and their legend explains them: nothing while the marks are switched off.
class VerdictExportMarks : public ExportDecoration {
    Q_OBJECT
public:
    VerdictExportMarks(const VerdictOverlay* overlay, MonitorData* data, QObject* window);
    void decorate(SvgOptions& options) const override;

private:
    const VerdictOverlay* m_overlay;
    MonitorData* m_data;
};

} // namespace causeway
