#pragma once

#include <QObject>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace causeway {

class AnalysisPanel;
class CanvasEmphasis;
class CanvasView;
class LoopLabelOverlay;
class LoopsPanel;

// The loop explorer and the analysis panel as docks of the main window, the loop names on the
// canvas, and the Analysis menu. Keeps MainWindow thin.
class AnalysisDocks : public QObject {
    Q_OBJECT
public:
    AnalysisDocks(QMainWindow* window, CanvasView* view, QDockWidget* besides);

    LoopsPanel* loops() const { return m_loops; }
    AnalysisPanel* analysis() const { return m_analysis; }
    CanvasEmphasis* emphasis() const { return m_emphasis; }
    LoopLabelOverlay* labels() const { return m_overlay; }
    QDockWidget* loopsDock() const { return m_loopsDock; }
    QDockWidget* analysisDock() const { return m_analysisDock; }
    void fillMenu(QMenu* menu);
    void showLoops();
    void showAnalysis();

private:
    CanvasEmphasis* m_emphasis;
    LoopLabelOverlay* m_overlay;
    LoopsPanel* m_loops;
    AnalysisPanel* m_analysis;
    QDockWidget* m_loopsDock;
    QDockWidget* m_analysisDock;
};

} // namespace causeway
