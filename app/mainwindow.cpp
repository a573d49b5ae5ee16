#include "app/mainwindow.h"

#include "app/analysis/analysisdocks.h"
#include "app/analysis/analysispanel.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/canvas/editactions.h"
#include "app/canvas/findbar.h"
#include "app/canvas/layoutmenu.h"
#include "app/canvas/layoutrunner.h"
#include "app/canvas/propertiespanel.h"
#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/document/exportmenu.h"
#include "app/document/filecontroller.h"
#include "app/help/helpmenu.h"
#include "app/monitor/monitordock.h"
#include "app/present/presentaction.h"
#include "app/print/printmenu.h"
#include "app/rounds/phonevoting.h"
#include "app/rounds/roundspanel.h"
#include "app/stories/storiespanel.h"
#include "app/windowlayout.h"
#include "io/import.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QVBoxLayout>

#include <cmath>

namespace causeway {

MainWindow::MainWindow(bool withAutosave, QWidget* parent) : QMainWindow(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    buildCanvas();
    buildPanels();
    connectParts();

    m_remembersLayout = withAutosave;
    if (withAutosave) {
        m_autosaver = new Autosaver(m_document, {}, this);
        connect(m_autosaver, &Autosaver::autosaveFailed, this, [this](const QString& message) {
            statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 10000);
        });
        // A phone's ballot is in the recovery copy before the phone hears it was taken.
        m_rounds->phones()->setPersist([autosaver = m_autosaver](QString* error) { return autosaver->saveNow(error); });
    }
    m_zoomLabel->setText(tr("Zoom 100%"));
    updateTitle();
    updateCounts();
    m_view->setFocus();
}

MainWindow::~MainWindow()
{
    // Phones stop while the whole window is still here: stopping waits in an event loop, and
    // what comes due in it (the check queued by the last ballot) must still find the map.
    if (m_rounds)
        m_rounds->phones()->stopServing(/*notify=*/false);
}

// The canvas with its find bar, the Properties dock and the status bar's figures.
void MainWindow::buildCanvas()
{
    m_document = new Document(this);
    m_scene = new CanvasScene(m_document, this);
    m_view = new CanvasView(m_scene);
    m_findBar = new FindBar(m_view);

    auto* central = new QWidget;
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_view, 1);
    column->addWidget(m_findBar);
    setCentralWidget(central);

    // Seven panels share the right-hand tab bar: side by side at 1024x768 their titles were cut
    // to "P... Lo..."; down the side each title is read whole.
    setDockOptions(dockOptions() | QMainWindow::VerticalTabs);
    m_dock = new QDockWidget(tr("Properties"), this);
    m_dock->setObjectName(QStringLiteral("properties"));
    m_properties = new PropertiesPanel(m_scene);
    m_dock->setWidget(m_properties);
    m_dock->setMinimumWidth(240);
    addDockWidget(Qt::RightDockWidgetArea, m_dock);

    m_zoomLabel = new QLabel;
    m_countLabel = new QLabel;
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
}

// Menus, and the docks that bring their own (Loops, Analysis, Rounds, Results).
void MainWindow::buildPanels()
{
    m_edit = new EditActions(m_view, this, this);
    m_files = new FileController(m_document, this);
    m_layout = new LayoutMenu(m_scene, statusBar(), this);
    buildMenus();
    m_layout->fillMenu(menuBar()->addMenu(tr("&Layout")));
    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_edit->fillViewMenu(view);
    view->addSeparator();
    QAction* present = addPresentAction(view, m_document, this); // F5: full screen (app/present/)
    view->addSeparator();
    m_analysis = new AnalysisDocks(this, m_view, m_dock); // Loops and Analysis docks, loop names
    m_analysis->fillMenu(menuBar()->addMenu(tr("&Analysis")));
    m_properties->addSection(m_analysis->analysis()->selectionFigures());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&Keyboard and Mouse")), &QAction::triggered, this,
            &MainWindow::showShortcuts);
    HelpMenu::install(help, menuBar()->actions().front()->menu(), m_files, this); // app/help/
    m_rounds = RoundsPanel::install(this, m_scene, m_dock); // Rounds dock, Results dock and menu
    StoriesPanel::install(this, m_scene, m_analysis->emphasis(), present, m_dock); // app/stories/
    MonitorDock::install(this, m_scene, m_dock); // Monitor dock, menu and verdict marks (app/monitor/)
    m_dock->raise(); // the other docks are tabbed with Properties; drawing starts there
    m_windowLayout = new WindowLayout(this, m_view);
    m_windowLayout->fillViewMenu(view); // every panel, once they all exist
}

// Status messages, the context menu, title and counts follow the document and the view.
void MainWindow::connectParts()
{
    auto status = [this](const QString& message) { statusBar()->showMessage(message, 6000); };
    connect(m_edit, &EditActions::statusMessage, this, status);
    connect(m_edit, &EditActions::findRequested, m_findBar, &FindBar::activate);
    connect(m_scene, &CanvasScene::statusMessage, this, status);
    connect(m_files, &FileController::statusMessage, this, status);
    connect(m_document, &Document::editRefused, this, status);
    connect(m_scene, &CanvasScene::contextMenuRequested, this,
            [this](QPoint screenPos, QPointF scenePos) {
                QMenu menu;
                m_edit->fillContextMenu(&menu, scenePos);
                menu.exec(screenPos);
            });
    connect(m_files, &FileController::newWindowRequested, this, [] {
        auto* window = new MainWindow;
        window->resize(1024, 720);
        window->show();
    });
    connect(m_files, &FileController::mapLoaded, this, [this] {
        const auto zoom = m_windowLayout->takeRestoredZoom(); // the last session's, once
        if (m_layout->layoutIfUnplaced() && !needsFirstLayout(m_document->map()))
            return; // fitted once applied; a first layout stopped leaves it as filed, fitted below
        if (zoom)
            m_view->setZoom(*zoom);
        else
            m_view->zoomToFit();
    });
    connect(m_layout, &LayoutMenu::applied, m_view, &CanvasView::zoomToFit);
    connect(m_view, &CanvasView::zoomChanged, this, [this](double zoom) {
        m_zoomLabel->setText(tr("Zoom %1%").arg(std::lround(zoom * 100)));
    });
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::reset, this, &MainWindow::updateTitle);
    for (auto signal : {&Document::factorAdded, &Document::factorRemoved})
        connect(m_document, signal, this, &MainWindow::updateCounts);
    for (auto signal : {&Document::linkAdded, &Document::linkRemoved})
        connect(m_document, signal, this, &MainWindow::updateCounts);
    connect(m_document, &Document::reset, this, &MainWindow::updateCounts);
}


void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_files->fillMenu(file);
    connect(ExportMenu::install(file, m_document, this), &ExportMenu::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    PrintMenu::install(file, m_document, this); // app/print/
    m_edit->fillEditMenu(menuBar()->addMenu(tr("&Edit")));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] - Causeway").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateCounts()
{
    const SystemMap& map = m_document->map();
    m_countLabel->setText(tr("%n factor(s)", nullptr, int(map.factorCount())) + QStringLiteral(", ")
                          + tr("%n link(s)", nullptr, int(map.linkCount())));
}

void MainWindow::showEvent(QShowEvent* event)
{
    if (!m_shown) {
        m_shown = true;
        restoreLayout();
    }
    QMainWindow::showEvent(event);
}

// The first show: the last session's geometry and panels, or the canvas given the room; either
// way inside the screen (again once a window manager has added its frame).
void MainWindow::restoreLayout()
{
    if (m_remembersLayout) {
        const bool restored = m_windowLayout->restore(); // and fitted to the screen
        QMetaObject::invokeMethod(this, [this] { m_windowLayout->fitToScreen(); }, Qt::QueuedConnection);
        if (restored)
            return;
    }
    // The canvas gets the room (once the dock layout exists, hence queued).
    QMetaObject::invokeMethod(
        this, [this] { resizeDocks({m_dock}, {250}, Qt::Horizontal); }, Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_layout->runner()->layingOutFirst()) {
        // Its wait is under way on this window, in its dialog: stopped; closed when asked again.
        m_layout->runner()->stop();
        event->ignore();
        return;
    }
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_layout->runner()->stop(); // a layout still running is stopped, not waited for
    m_layout->runner()->waitForFinished();
    if (m_remembersLayout)
        m_windowLayout->save();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty()
        && event->mimeData()->urls().front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = event->mimeData()->urls().front().toLocalFile();
    event->acceptProposedAction();
    // Open after the drop returns: a dialog inside a drop handler blocks the source application.
    QMetaObject::invokeMethod(this, [this, path] { m_files->openPath(path); }, Qt::QueuedConnection);
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(
        this, tr("Keyboard and mouse"),
        tr("<table cellpadding=3>"
           "<tr><td><b>Double-click</b> empty canvas</td><td>new factor (type, Enter)</td></tr>"
           "<tr><td><b>N</b></td><td>new factor at the mouse</td></tr>"
           "<tr><td>Drag from a factor's <b>green handle</b> or <b>Shift+drag</b></td>"
           "<td>link to another factor (or to empty canvas: new linked factor)</td></tr>"
           "<tr><td>Select two factors, <b>L</b></td><td>link first to second</td></tr>"
           "<tr><td><b>P</b> / <b>+</b> / <b>-</b> / <b>?</b></td><td>cycle / set polarity</td></tr>"
           "<tr><td><b>D</b></td><td>toggle delay ||</td></tr>"
           "<tr><td><b>F2</b> or double-click a factor</td><td>rename</td></tr>"
           "<tr><td>Drag a link</td><td>bend it</td></tr>"
           "<tr><td><b>Arrow keys</b> (Shift: further)</td><td>nudge the selected factors</td></tr>"
           "<tr><td><b>Delete</b>, <b>Ctrl+A</b>, <b>Ctrl+C/X/V</b>, <b>Ctrl+Z</b></td>"
           "<td>delete, select all, copy/cut/paste, undo</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>find a factor</td></tr>"
           "<tr><td><b>Wheel</b>, <b>Ctrl+=/-/0</b>, <b>F</b></td><td>zoom, actual size, fit</td></tr>"
           "<tr><td><b>Middle-drag</b> or <b>Space+drag</b></td><td>pan</td></tr>"
           "<tr><td><b>Tab</b> on the map</td><td>hide or show every panel</td></tr>"
           "</table>"));
}

} // namespace causeway
