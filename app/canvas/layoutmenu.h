#pragma once

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QStatusBar;
class QToolButton;
class QWidget;

namespace causeway {

class CanvasScene;
class LayoutRunner;

// The Layout menu: one entry per Graphviz engine plus Tidy, a busy indicator in the status bar
// while a layout works (with a Stop button, also in the menu), and a clear dialog when it fails.
class LayoutMenu : public QObject {
    Q_OBJECT
public:
    LayoutMenu(CanvasScene* scene, QStatusBar* statusBar, QWidget* window);

    void fillMenu(QMenu* menu);
    LayoutRunner* runner() const { return m_runner; }
    // Lays out a map that was never laid out (io's needsFirstLayout: all factors at one point
    // or on an importer's grid) at once, as one undo step, with an engine fit for its size.
    // Returns false when it made no layout.
    bool layoutIfUnplaced();

signals:
    void applied();

private:
    void setBusy(bool busy, const QString& text);

    CanvasScene* m_scene;
    QStatusBar* m_statusBar;
    QWidget* m_window;
    LayoutRunner* m_runner;
    QList<QAction*> m_actions;
    QAction* m_stopAction;
    QProgressBar* m_busy;
    QLabel* m_busyLabel;
    QToolButton* m_stopButton;
};

} // namespace causeway
