#pragma once

#include "model/metrics.h"
#include "model/paths.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;
template <class T> class QFutureWatcher;

namespace causeway {

class CanvasEmphasis;
class CanvasScene;
class CanvasView;
class Document;
class MetricsModel;

// Map analysis for the facilitator: per factor and link figures (loops through it, in/out
// links, betweenness) as a sortable table; upstream causes and downstream effects of the
// selection, and the paths between two selected factors, highlighted on the canvas; indicator
// hints with their reasons. Figures are computed off the UI thread after the map changes.
class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxLoopLength = 8;
    static constexpr std::size_t kPathLimit = 200;
    static constexpr int kPathSearchMs = 1500; // then the paths found so far are shown

    AnalysisPanel(CanvasView* view, CanvasEmphasis* emphasis, QWidget* parent = nullptr);
    ~AnalysisPanel() override;

    MetricsModel* metricsModel() const { return m_metrics; }
    QSortFilterProxyModel* sortedMetrics() const { return m_sorted; }
    QTableView* metricsTable() const { return m_table; }
    QListWidget* hintsList() const { return m_hints; }
    QListWidget* traceList() const { return m_traceList; }
    // A line of figures for the selected item, for the properties panel.
    QLabel* selectionFigures() const { return m_selectionFigures; }
    bool isComputing() const;
    void waitForMetrics(); // tests

    void traceSelection(TraceDirection direction);
    void pathsBetweenSelection();
    void recompute();

private:
    QWidget* buildFiguresTab();
    QWidget* buildTraceTab();
    QWidget* buildHintsTab();
    void onMetrics();
    void updateSelectionFigures();
    void emphasise(const std::vector<FactorId>& factors, const std::vector<LinkId>& links);

    Document* m_document;
    CanvasScene* m_scene;
    CanvasView* m_view;
    CanvasEmphasis* m_emphasis;
    QTimer* m_restart;
    QFutureWatcher<MapMetrics>* m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;

    MetricsModel* m_metrics;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_table;
    QLabel* m_figuresStatus;
    QLineEdit* m_figuresSearch;
    QSpinBox* m_depth;
    QLabel* m_traceSummary;
    QListWidget* m_traceList;
    std::vector<Path> m_paths;
    QListWidget* m_hints;
    std::vector<IndicatorHint> m_hintItems;
    QLabel* m_selectionFigures;
};

} // namespace causeway
