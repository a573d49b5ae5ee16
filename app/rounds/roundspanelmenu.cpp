// RoundsPanel::install: the Rounds dock, the Results dock and the Rounds menu in a main window;
// the panel itself is in roundspanel.cpp.
#include "app/rounds/roundspanel.h"

#include "app/canvas/canvasscene.h"
#include "app/rounds/resultsview.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace causeway {

RoundsPanel* RoundsPanel::install(QMainWindow* window, CanvasScene* scene, QDockWidget* besides)
{
    auto* panel = new RoundsPanel(scene);
    auto* dock = new QDockWidget(tr("Rounds"), window);
    dock->setObjectName(QStringLiteral("rounds"));
    dock->setWidget(panel);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    if (besides)
        window->tabifyDockWidget(besides, dock);

    panel->m_results = new ResultsView(scene->document());
    panel->m_resultsDock = new QDockWidget(tr("Results"), window);
    panel->m_resultsDock->setObjectName(QStringLiteral("results"));
    panel->m_resultsDock->setWidget(panel->m_results);
    // Beside the map, tall enough for a bar per item; tabbed with the Rounds dock.
    window->addDockWidget(Qt::RightDockWidgetArea, panel->m_resultsDock);
    window->tabifyDockWidget(dock, panel->m_resultsDock);
    panel->m_resultsDock->hide();
    panel->m_results->setRound(panel->currentRound());

    // A Rounds menu before Help.
    auto* menu = new QMenu(tr("&Rounds"), window);
    connect(menu->addAction(tr("&New Round...")), &QAction::triggered, panel, &RoundsPanel::newRound);
    connect(menu->addAction(tr("Start &Voting")), &QAction::triggered, panel,
            [panel, dock] { dock->raise(); panel->startVoting(); });
    panel->m_phonesAction = menu->addAction(tr("Open to &Phones..."));
    panel->m_phonesAction->setStatusTip(tr("Participants vote from their own phones over this room's network."));
    connect(panel->m_phonesAction, &QAction::triggered, panel, [panel, dock] {
        dock->raise();
        panel->openToPhonesDialog();
    });
    connect(menu->addAction(tr("&Reveal Results")), &QAction::triggered, panel,
            [panel] { panel->reveal(true); });
    connect(menu->addAction(tr("&Close Round")), &QAction::triggered, panel, &RoundsPanel::closeCurrent);
    menu->addSeparator();
    connect(menu->addAction(tr("&Import Ballots...")), &QAction::triggered, panel,
            &RoundsPanel::importBallotsDialog);
    panel->m_exportActions = {menu->addAction(tr("Export &Ballots...")),
                              menu->addAction(tr("Export &Tally...")),
                              menu->addAction(tr("Export R&ound..."))};
    connect(panel->m_exportActions[0], &QAction::triggered, panel, &RoundsPanel::exportBallotsDialog);
    connect(panel->m_exportActions[1], &QAction::triggered, panel, &RoundsPanel::exportTallyDialog);
    connect(panel->m_exportActions[2], &QAction::triggered, panel, &RoundsPanel::exportRoundDialog);
    connect(menu->addAction(tr("Im&port Round...")), &QAction::triggered, panel,
            &RoundsPanel::importRoundDialog);
    menu->addSeparator();
    menu->addAction(dock->toggleViewAction());
    menu->addAction(panel->m_resultsDock->toggleViewAction());
    const QList<QAction*> menus = window->menuBar()->actions();
    if (!menus.isEmpty())
        window->menuBar()->insertMenu(menus.back(), menu);
    else
        window->menuBar()->addMenu(menu);

    connect(panel, &RoundsPanel::statusMessage, window,
            [window](const QString& message) { window->statusBar()->showMessage(message, 8000); });
    scene->setRemovalGuard([panel](const std::vector<FactorId>& factors,
                                   const std::vector<LinkId>& links) {
        return panel->confirmRemoval(factors, links);
    });
    panel->refresh(); // the menu's export actions follow the chosen round too
    return panel;
}

} // namespace causeway
