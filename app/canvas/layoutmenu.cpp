#include "app/canvas/layoutmenu.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/canvas/layoutrunner.h"
#include "io/import.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <utility>

namespace causeway {

LayoutMenu::LayoutMenu(CanvasScene* scene, QStatusBar* statusBar, QWidget* window)
    : QObject(window), m_scene(scene), m_statusBar(statusBar), m_window(window),
      m_runner(new LayoutRunner(scene, this))
{
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0); // indeterminate: Graphviz reports no progress
    m_busy->setMaximumWidth(120);
    m_busyLabel = new QLabel;
    // A loop-first layout of a 100-factor map takes seconds: the facilitator can stop it.
    m_stopAction = new QAction(tr("S&top Layout"), this);
    m_stopAction->setStatusTip(tr("Stops the layout running; the map stays as it is"));
    connect(m_stopAction, &QAction::triggered, this, [this] {
        m_runner->stop();
        if (m_runner->stopping()) { // until it reaches its next check
            m_busyLabel->setText(tr("Stopping..."));
            m_stopAction->setEnabled(false);
        }
    });
    m_stopButton = new QToolButton; // the action's, but always labelled "Stop"
    m_stopButton->setText(tr("Stop"));
    m_stopButton->setToolTip(m_stopAction->statusTip());
    connect(m_stopButton, &QToolButton::clicked, m_stopAction, &QAction::trigger);
    connect(m_stopAction, &QAction::enabledChanged, m_stopButton, &QWidget::setEnabled);
    statusBar->addPermanentWidget(m_busyLabel);
    statusBar->addPermanentWidget(m_busy);
    statusBar->addPermanentWidget(m_stopButton);
    setBusy(false, {});

    connect(m_runner, &LayoutRunner::started, this,
            [this](const QString& what) { setBusy(true, tr("%1 running...").arg(what)); });
    connect(m_runner, &LayoutRunner::finished, this, [this](bool ok, const QString& message, bool failed) {
        setBusy(false, {});
        if (ok) {
            m_statusBar->showMessage(message, 5000);
            emit applied();
        } else if (failed) {
            QMessageBox::warning(m_window, tr("Auto-layout failed"), message);
        } else {
            m_statusBar->showMessage(message, 8000);
        }
    });
}

void LayoutMenu::fillMenu(QMenu* menu)
{
    struct Entry {
        layout::Engine engine;
        QString text;
        QString tip;
    };
    const Entry entries[] = {
        {layout::Engine::Dot, tr("&Hierarchical (dot)"), tr("Layers in the direction of the links")},
        {layout::Engine::Neato, tr("&Spring (neato)"), tr("Linked factors close together")},
        {layout::Engine::Fdp, tr("&Force-directed (fdp)"), tr("Clusters spread apart")},
        {layout::Engine::Sfdp, tr("&Large map (sfdp)"), tr("Fast on hundreds of factors")},
        {layout::Engine::Circo, tr("&Circular (circo)"), tr("Loops drawn as circles")},
    };
    QAction* tidy = menu->addAction(tr("&Tidy (keep my arrangement)"));
    tidy->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    tidy->setStatusTip(tr("Moves new and overlapping factors, keeps the rest close to where they are"));
    connect(tidy, &QAction::triggered, this, [this] { m_runner->run(layout::Engine::Neato, true); });
    m_actions << tidy;
    menu->addSeparator();
    for (const Entry& e : entries) {
        QAction* a = menu->addAction(e.text);
        a->setStatusTip(e.tip);
        const layout::Engine engine = e.engine;
        connect(a, &QAction::triggered, this, [this, engine] { m_runner->run(engine); });
        m_actions << a;
    }
    menu->addSeparator();
    for (const auto& [text, direction] :
         {std::pair(tr("Loops as rings, &clockwise"), layout::LoopDirection::Clockwise),
          std::pair(tr("Loops as rings, &anticlockwise"), layout::LoopDirection::Anticlockwise)}) {
        QAction* a = menu->addAction(text);
        a->setStatusTip(tr("Named loops (else the shortest independent loop set) as rings; "
                           "the other factors group by group"));
        const layout::LoopDirection d = direction;
        connect(a, &QAction::triggered, this, [this, d] { m_runner->runLoopFirst(d); });
        m_actions << a;
    }
    menu->addSeparator();
    menu->addAction(m_stopAction);
    menu->addSeparator();
    menu->addAction(tr("Pinned factors keep their place; pin one in Properties"))->setEnabled(false);
}

bool LayoutMenu::layoutIfUnplaced()
{
    // A map that was never laid out (all at one point, or on an importer's first circle or
    // grid) is laid out before it is first drawn. Files with their own positions keep them.
    const SystemMap& map = m_scene->document()->map();
    if (!needsFirstLayout(map))
        return false;
    // neato reads well up to a few hundred factors; sfdp stays fast beyond.
    return m_runner->runNow(map.factorCount() <= 400 ? layout::Engine::Neato : layout::Engine::Sfdp,
                            m_window);
}

void LayoutMenu::setBusy(bool busy, const QString& text)
{
    m_busy->setVisible(busy);
    m_busyLabel->setVisible(busy);
    m_stopButton->setVisible(busy);
    m_stopAction->setEnabled(busy);
    m_busyLabel->setText(text);
    for (QAction* a : std::as_const(m_actions))
        a->setEnabled(!busy);
}

} // namespace causeway
