#include "app/analysis/analysisdocks.h"

#include "app/analysis/analysispanel.h"
#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/canvas/looplabelitem.h"
#include "app/loops/loopspanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

namespace causeway {

AnalysisDocks::AnalysisDocks(QMainWindow* window, CanvasView* view, QDockWidget* besides)
    : QObject(window)
{
    m_emphasis = new CanvasEmphasis(view->canvas(), this);
    m_overlay = new LoopLabelOverlay(view->canvas(), m_emphasis, this);
    m_overlay->setViewScale(view->zoom());
    connect(view, &CanvasView::zoomChanged, m_overlay, &LoopLabelOverlay::setViewScale);
    m_loops = new LoopsPanel(view, m_emphasis);
    m_analysis = new AnalysisPanel(view, m_emphasis);

    auto dock = [&](const QString& title, const QString& name, QWidget* panel) {
        auto* d = new QDockWidget(title, window);
        d->setObjectName(name);
        d->setWidget(panel);
        d->setMinimumWidth(240);
        window->addDockWidget(Qt::RightDockWidgetArea, d);
        if (besides)
            window->tabifyDockWidget(besides, d);
        return d;
    };
    m_loopsDock = dock(tr("Loops"), QStringLiteral("loops"), m_loops);
    m_analysisDock = dock(tr("Analysis"), QStringLiteral("analysis"), m_analysis);
    if (besides)
        besides->raise();
    connect(m_loops, &LoopsPanel::showRequested, this, &AnalysisDocks::showLoops);
}

void AnalysisDocks::showLoops()
{
    m_loopsDock->show();
    m_loopsDock->raise();
}

void AnalysisDocks::showAnalysis()
{
    m_analysisDock->show();
    m_analysisDock->raise();
}

void AnalysisDocks::fillMenu(QMenu* menu)
{
    auto add = [&](const QString& text, const QKeySequence& key, auto slot) {
        QAction* a = menu->addAction(text);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(tr("&Loops"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), &AnalysisDocks::showLoops);
    menu->addAction(m_loops->nextAction());
    menu->addAction(m_loops->previousAction());
    menu->addAction(m_loops->nameAction());
    menu->addAction(m_loops->clearAction());
    menu->addSeparator();
    add(tr("&Figures and Hints"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        &AnalysisDocks::showAnalysis);
    add(tr("Trace &Causes (Upstream)"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] {
        showAnalysis();
        m_analysis->traceSelection(TraceDirection::Upstream);
    });
    add(tr("Trace &Effects (Downstream)"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] {
        showAnalysis();
        m_analysis->traceSelection(TraceDirection::Downstream);
    });
    add(tr("&Paths Between Two Factors"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] {
        showAnalysis();
        m_analysis->pathsBetweenSelection();
    });
}

} // namespace causeway
