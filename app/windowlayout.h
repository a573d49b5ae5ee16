#pragma once

#include <QObject>
#include <QPointer>
#include <QRect>

#include <optional>
#include <vector>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace causeway {

class CanvasView;

// The main window's place on the screen and its panels: it opens inside the screen it is on,
// remembers geometry, panel layout and zoom between sessions (QSettings, under the application's
// organisation and name), lists every panel in View, and hides them all at once for the room.
class WindowLayout : public QObject {
    Q_OBJECT
public:
    WindowLayout(QMainWindow* window, CanvasView* view);

    // Every panel's show/hide action, then Hide Panels (Tab on the canvas).
    void fillViewMenu(QMenu* menu);
    QAction* hidePanelsAction() const { return m_hidePanels; }

    // Restores the saved geometry and panels (false: nothing saved), then keeps the window on
    // its screen. Call before the window is first shown.
    bool restore();
    void save() const;
    // Shrinks and moves the window (its frame, once it has one) into its screen's available area.
    void fitToScreen();
    // The zoom saved with the layout when the user was not at "fit" (for the first map opened).
    std::optional<double> takeRestoredZoom();

    // `wanted` made to lie within `available`: shrunk to fit, then moved in.
    static QRect fitWithin(const QRect& wanted, const QRect& available);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::vector<QDockWidget*> docks() const;
    void setPanelsHidden(bool hidden);

    QMainWindow* m_window;
    CanvasView* m_view;
    QAction* m_hidePanels;
    std::vector<QPointer<QDockWidget>> m_hiddenDocks; // what Hide Panels hid, to show again
    bool m_hiding = false;
    std::optional<double> m_restoredZoom;
};

} // namespace causeway
