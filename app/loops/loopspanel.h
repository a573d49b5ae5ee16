#pragma once

#include "model/loops.h"

#include <QWidget>

#include <cstddef>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace causeway {

class CanvasEmphasis;
class CanvasScene;
class CanvasView;
class Document;
class LoopFilterModel;
class LoopJob;
class LoopLabelsList;
class LoopListModel;
class LoopOverview;
struct LoopSet;

// The loop explorer: the map's loops shortest first with R/B/U badges, filters, a search, and
// stepping through them with the loop highlighted on the canvas; named loops; an overview for
// maps with too many loops to read. Loops are listed and counted off the UI thread (LoopJob),
// restarted shortly after the map changes and only while the panel is shown.
class LoopsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kListLimit = 500;
    static constexpr int kRestartDelayMs = 300;

    LoopsPanel(CanvasView* view, CanvasEmphasis* emphasis, QWidget* parent = nullptr);
    ~LoopsPanel() override;

    LoopListModel* model() const { return m_model; }
    LoopFilterModel* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    LoopJob* job() const { return m_job; }
    LoopOverview* overview() const { return m_overview; }
    LoopLabelsList* labels() const { return m_labels; }
    QString statusText() const;
    bool countComplete() const { return m_countComplete; }
    const LoopCounts& counts() const { return m_counts; }

    QAction* nextAction() const { return m_nextAction; }
    QAction* previousAction() const { return m_previousAction; }
    QAction* nameAction() const { return m_nameAction; }
    QAction* clearAction() const { return m_clearAction; }

    // Starts listing now (tests; the panel otherwise waits kRestartDelayMs after a change).
    void restartNow();
    void setThroughSelection(bool on);
    // Steps the current row in the filtered list; highlights the loop.
    void step(int delta);
    void selectRow(int filteredRow);
    std::optional<Loop> currentLoop() const;
    void highlight(const Loop& loop);
    // Names the current loop (asks with a dialog, suggesting "R1", "B2", ...).
    void nameCurrentLoop();

signals:
    void showRequested(); // an action wants the panel on screen

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildStatus();
    void buildActions();
    void connectJobAndDocument();
    void showLabel(std::size_t index);
    QLayout* buildFilters();
    void buildTable();
    QLayout* buildStepButtons();
    void connectLoopsTab();
    QWidget* buildLoopsTab();
    void mapChanged();
    void onListed(const LoopResult& result);
    void onCounted(const LoopCounts& counts, std::size_t upTo, std::size_t longest, bool complete);
    void onFinished(bool cancelled);
    void applyPolarityFilter();
    void updateStatus();
    void updateButtons();

    Document* m_document;
    CanvasScene* m_scene;
    CanvasView* m_view;
    CanvasEmphasis* m_emphasis;
    LoopJob* m_job;
    QTimer* m_restart;
    bool m_dirty = true;

    LoopListModel* m_model;
    LoopFilterModel* m_filter;
    QTableView* m_table;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QComboBox* m_polarity;
    QSpinBox* m_maxLength;
    QCheckBox* m_through;
    QLineEdit* m_search;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_name;
    QTabWidget* m_tabs;
    LoopLabelsList* m_labels;
    LoopOverview* m_overview;
    QAction* m_nextAction;
    QAction* m_previousAction;
    QAction* m_nameAction;
    QAction* m_clearAction;

    bool m_listing = false;
    bool m_truncated = false;
    std::optional<LoopPolarity> m_listedFor; // the kind the listed loops were searched for
    bool m_cancelled = false;
    QString m_throughText;
    LoopCounts m_counts;
    std::size_t m_countedUpTo = 0;
    std::size_t m_longest = 0;
    double m_swept = 0; // share of a one-pass count done (LoopJob::swept)
    bool m_countComplete = false;
    std::optional<Loop> m_highlighted;
};

} // namespace causeway
