// The main window on a 1024x768 screen: it opens inside it, remembers its geometry, panels and
// zoom, lists every panel in View, hides them all with Tab, narrows its side panel, and keeps a
// fitted map fitted when panels come and go.
#include "app/analysis/analysisdocks.h"
#include "app/canvas/canvasview.h"
#include "app/loops/loopjob.h"
#include "app/loops/loopspanel.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"
#include "app/windowlayout.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QTabBar>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace causeway;

namespace {

struct WindowOnProjector : ::testing::Test {
    void SetUp() override { QSettings().clear(); }
    void TearDown() override { QSettings().clear(); }

    // As main.cpp opens the editor: 1280x800 asked for, the layout remembered.
    static std::unique_ptr<MainWindow> open(const QString& map = {})
    {
        auto window = std::make_unique<MainWindow>(/*withAutosave=*/false);
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        window->setRemembersLayout(true);
        window->resize(1280, 800);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        if (!map.isEmpty()) {
            EXPECT_TRUE(window->files()->openPath(map));
        }
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        return window;
    }
    static QRect screenArea() { return QGuiApplication::primaryScreen()->availableGeometry(); }
    static QDockWidget* dock(MainWindow& window, const char* name)
    {
        return window.findChild<QDockWidget*>(QLatin1String(name));
    }
    static QMenu* viewMenu(MainWindow& window)
    {
        for (QAction* a : window.menuBar()->actions())
            if (a->text() == QLatin1String("&View"))
                return a->menu();
        return nullptr;
    }
};

TEST_F(WindowOnProjector, TheScreenIs1024x768)
{
    EXPECT_EQ(QGuiApplication::primaryScreen()->geometry().size(), QSize(1024, 768));
}

TEST_F(WindowOnProjector, TheWindowOpensWhollyOnTheScreen)
{
    auto window = open();
    EXPECT_TRUE(screenArea().contains(window->frameGeometry()))
        << window->frameGeometry().width() << "x" << window->frameGeometry().height();
}

TEST_F(WindowOnProjector, ReopeningRestoresGeometryPanelsAndZoom)
{
    {
        auto window = open(QStringLiteral(CAUSEWAY_SAMPLE_MAP));
        window->setGeometry(40, 30, 900, 640);
        dock(*window, "properties")->hide();
        dock(*window, "loops")->show();
        dock(*window, "loops")->raise();
        window->view()->setZoom(0.8);
        QCoreApplication::processEvents();
        ASSERT_TRUE(window->close());
    }
    auto window = open(QStringLiteral(CAUSEWAY_SAMPLE_MAP));
    EXPECT_EQ(window->geometry(), QRect(40, 30, 900, 640));
    EXPECT_FALSE(dock(*window, "properties")->isVisible());
    EXPECT_TRUE(dock(*window, "loops")->isVisible());
    EXPECT_NEAR(window->view()->zoom(), 0.8, 1e-9);
    EXPECT_FALSE(window->view()->isFitted());
}

TEST_F(WindowOnProjector, ASavedGeometryLargerThanTheScreenIsFittedToIt)
{
    {
        auto window = open();
        window->setGeometry(200, 100, 1400, 900); // saved on a larger screen
        ASSERT_TRUE(window->close());
    }
    auto window = open();
    EXPECT_TRUE(screenArea().contains(window->frameGeometry()));
}

TEST_F(WindowOnProjector, EveryPanelCanBeShownAgainFromView)
{
    auto window = open();
    QMenu* view = viewMenu(*window);
    ASSERT_NE(view, nullptr);
    const auto docks = window->findChildren<QDockWidget*>();
    ASSERT_GE(docks.size(), 5); // Properties, Loops, Analysis, Rounds, Results
    for (QDockWidget* d : docks) {
        d->hide();
        EXPECT_TRUE(view->actions().contains(d->toggleViewAction())) << d->objectName().toStdString();
        d->toggleViewAction()->trigger();
        EXPECT_TRUE(d->isVisible()) << d->objectName().toStdString();
    }
}

TEST_F(WindowOnProjector, TabOnTheMapHidesThePanelsAndBringsThemBack)
{
    auto window = open();
    QDockWidget* properties = dock(*window, "properties");
    ASSERT_TRUE(properties->isVisible());
    QApplication::setActiveWindow(window.get());
    window->view()->setFocus();
    QTest::keyClick(window->view(), Qt::Key_Tab);
    EXPECT_TRUE(window->windowLayout()->hidePanelsAction()->isChecked());
    for (QDockWidget* d : window->findChildren<QDockWidget*>())
        EXPECT_FALSE(d->isVisible()) << d->objectName().toStdString();
    QTest::keyClick(window->view(), Qt::Key_Tab);
    EXPECT_FALSE(window->windowLayout()->hidePanelsAction()->isChecked());
    EXPECT_TRUE(properties->isVisible());
    // The menu's action does the same.
    window->windowLayout()->hidePanelsAction()->trigger();
    EXPECT_FALSE(properties->isVisible());
}

TEST_F(WindowOnProjector, TheSidePanelNarrowsToAQuarterOfTheScreen)
{
    auto window = open(QStringLiteral(CAUSEWAY_SAMPLE_MAP));
    // With the loops found and their summaries written (a long line there once set the width).
    window->analysis()->showLoops();
    LoopJob* job = window->analysis()->loops()->job();
    window->analysis()->loops()->restartNow();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !job->isRunning(); }, 20000));
    QCoreApplication::processEvents();
    for (QDockWidget* d : window->findChildren<QDockWidget*>()) {
        d->show();
        EXPECT_LE(d->minimumSizeHint().width(), 256) << d->objectName().toStdString();
    }
    EXPECT_LE(window->minimumSizeHint().width(), 1024);
}

// The docks share one tab bar; at 1024x768 its tabs were cut to "P... Lo... An... Ro...".
TEST_F(WindowOnProjector, EveryPanelTabShowsItsWholeTitle)
{
    auto window = open(QStringLiteral(CAUSEWAY_SAMPLE_MAP));
    QCoreApplication::processEvents();
    int tabs = 0;
    for (QTabBar* bar : window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) { // the docks' bars
        if (!bar->isVisible())
            continue;
        const bool vertical = bar->shape() == QTabBar::RoundedEast || bar->shape() == QTabBar::RoundedWest;
        for (int i = 0; i < bar->count(); ++i) {
            ++tabs;
            const QRect r = bar->tabRect(i);
            const int room = vertical ? r.height() : r.width();
            EXPECT_GE(room, bar->fontMetrics().horizontalAdvance(bar->tabText(i))) << bar->tabText(i).toStdString();
            // Wholly inside the bar: no tab is scrolled out of sight.
            EXPECT_TRUE(bar->rect().contains(r)) << bar->tabText(i).toStdString();
        }
    }
    EXPECT_GE(tabs, 5); // Properties, Loops, Analysis, Rounds, Monitor at least
}

TEST_F(WindowOnProjector, AFittedMapIsFittedAgainWhenThePanelsHide)
{
    auto window = open(QStringLiteral(CAUSEWAY_SAMPLE_MAP));
    CanvasView* view = window->view();
    view->zoomToFit();
    const double withPanels = view->zoom();
    window->windowLayout()->hidePanelsAction()->trigger();
    QCoreApplication::processEvents();
    EXPECT_GT(view->zoom(), withPanels * 1.05); // the map grew into the room the panels left
    EXPECT_TRUE(view->isFitted());
    // A zoom the user chose stays.
    view->setZoom(0.5);
    window->windowLayout()->hidePanelsAction()->trigger();
    QCoreApplication::processEvents();
    EXPECT_DOUBLE_EQ(view->zoom(), 0.5);
}

TEST(WindowLayoutFit, ARectIsShrunkThenMovedInside)
{
    const QRect screen(0, 0, 1024, 768);
    EXPECT_EQ(WindowLayout::fitWithin(QRect(0, 0, 1280, 800), screen), screen);
    EXPECT_EQ(WindowLayout::fitWithin(QRect(600, 500, 600, 400), screen), QRect(424, 368, 600, 400));
    EXPECT_EQ(WindowLayout::fitWithin(QRect(10, 20, 300, 200), screen), QRect(10, 20, 300, 200));
    EXPECT_EQ(WindowLayout::fitWithin(QRect(-50, -10, 300, 200), screen), QRect(0, 0, 300, 200));
}

} // namespace
