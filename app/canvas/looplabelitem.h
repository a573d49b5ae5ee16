#pragma once

#include "layout/linkgeometry.h"
#include "layout/loopmarker.h"
#include "model/loops.h"

#include <QGraphicsItem>
#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

namespace causeway {

class CanvasEmphasis;
class CanvasScene;
class SystemMap;

// A loop's name on the canvas: a circular arrow turning the way the loop runs, its R/B/U letter
// inside, the name underneath in large bold type. A broken loop (an edit removed or rewired one
// of its links) is drawn grey and dashed with a warning mark. Passive: clicks go to the canvas.
class LoopLabelItem : public QGraphicsItem {
public:
    enum { Type = UserType + 20 };
    static constexpr double kRadius = 16;

    LoopLabelItem();

    int type() const override { return Type; }
    void setContent(const QString& name, LoopPolarity polarity, bool broken, bool clockwise);
    QString name() const { return m_name; }
    bool isBroken() const { return m_broken; }
    bool isClockwise() const { return m_clockwise; }
    LoopPolarity polarity() const { return m_polarity; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    static QFont nameFont();
    // The circular arrow around `centre`, as the SVG export draws it (layout/loopmarker.h); also
    // drawn by a presentation's loop marker.
    static void paintArrow(QPainter* painter, QPointF centre, double radius, bool clockwise,
                           const QColor& colour, double width, bool dashed = false);

private:
    QRectF textRect() const;

    QString m_name;
    LoopPolarity m_polarity = LoopPolarity::Reinforcing;
    bool m_broken = false;
    bool m_clockwise = true;
    QRectF m_bounds;
};

// Where a loop is drawn and which way it turns on `scene`: layout::loopMarker over its factors'
// centres and its links' drawn middles, in loop order (links missing from the scene are skipped).
layout::LoopMarker loopMarkerOnScene(const CanvasScene* scene, const SystemMap& map,
                                     const std::vector<LinkId>& links);

// Keeps one LoopLabelItem per SystemMap::loopLabels entry, placed at its loop's centre
// (layout::loopMarker over the factors' centres and the links' drawn middles) and refreshed
// when the map changes. Labels outside the emphasised loop dim with the rest of the canvas.
class LoopLabelOverlay : public QObject {
    Q_OBJECT
public:
    LoopLabelOverlay(CanvasScene* scene, CanvasEmphasis* emphasis, QObject* parent = nullptr);
    ~LoopLabelOverlay() override;

    const std::vector<LoopLabelItem*>& items() const { return m_items; }
    // The unnamed marker (R/B/U and the turning direction) shown while the emphasis is exactly
    // one loop that no label names: a highlighted loop always shows both. Null until needed.
    LoopLabelItem* highlightMarker() const { return m_highlight; }
    void rebuild();
    // The view's zoom (1 = 100 %): labels keep their size on screen, so the room they need on
    // the map, and where they fit between the factors, depends on it.
    void setViewScale(double scale);

private:
    void applyEmphasis();
    void updateHighlightMarker(const std::vector<BoxShape>& obstacles, const std::vector<BoxShape>& lines);

    QPointer<CanvasScene> m_scene; // a scene destroyed first has deleted our items with it
    CanvasEmphasis* m_emphasis;
    std::vector<LoopLabelItem*> m_items;
    LoopLabelItem* m_highlight = nullptr;
    double m_scale = 1;
};

} // namespace causeway
