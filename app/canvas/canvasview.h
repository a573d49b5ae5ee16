#pragma once

#include "model/ids.h"

#include <QGraphicsView>

namespace causeway {

class CanvasScene;

// Looks at the canvas: wheel zooms under the mouse, middle-drag or Space+drag pans, and the
// zoom level is reported for the status bar. Left-drag on empty canvas selects (rubber band).
class CanvasView : public QGraphicsView {
    Q_OBJECT
public:
    explicit CanvasView(CanvasScene* scene, QWidget* parent = nullptr);

    CanvasScene* canvas() const { return m_scene; }
    double zoom() const;
    void setZoom(double zoom);
    void zoomBy(double factor);
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(0.8); }
    void resetZoom() { setZoom(1.0); }
    // Fits the map and its loop names (LoopLabelItem) to the view, unless showing the names
    // would shrink the map below this share of its fit alone.
    static constexpr double kLoopNamesZoomShare = 0.85;
    void zoomToFit();
    // True from zoomToFit until the user zooms: a fitted view re-fits when it is resized (a panel
    // opened or closed, the window resized), so the whole map stays in sight.
    bool isFitted() const { return m_fitted; }
    void centreOnFactor(FactorId id);
    // Where a paste should land: under the mouse when it is over the canvas, else the middle.
    QPointF pasteTarget() const;

    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 5.0;

signals:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void setSpaceHeld(bool held);

    CanvasScene* m_scene;
    bool m_spaceHeld = false;
    bool m_panning = false;
    bool m_fitted = false;
    QPoint m_panLast;
};

} // namespace causeway
