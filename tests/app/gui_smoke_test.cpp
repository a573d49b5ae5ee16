// Drives a real editor window the way a facilitator would (mouse and keyboard through QTest):
// open the sample map, add two factors, link them, toggle polarity, undo, redo, save, and read
// the saved file back with the io library.
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/findbar.h"
#include "app/canvas/inlineeditor.h"
#include "app/canvas/layoutmenu.h"
#include "app/canvas/layoutrunner.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/theme.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"
#include "guitestmain.h"
#include "io/mapfile.h"
#include "layout/linkshapes.h"
#include "tests/app/testwindow.h"
#include "tests/layout/maps.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

using namespace causeway;

namespace {

struct GuiSmoke : ::testing::Test {
    MainWindow* window = nullptr;
    CanvasView* view = nullptr;
    Document* doc = nullptr;

    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1280, 800}));
        ASSERT_EQ(QApplication::activeWindow(), window);
        QCoreApplication::processEvents(); // the window settles its dock size after showing
        view = window->view();
        doc = window->document();
        ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
        view->setFocus();
    }
    void TearDown() override
    {
        if (doc)
            doc->markSaved(); // nothing to ask about on close
        delete window;
    }

    // A point on screen (viewport coordinates) for a scene point.
    QPoint at(QPointF scenePos) const { return view->mapFromScene(scenePos); }

    // Somewhere empty: below the sample map, shown at 100 %.
    QPointF emptySpot() const
    {
        const QRectF bounds = window->scene()->mapBounds();
        return {bounds.center().x(), bounds.bottom() + 400};
    }

    FactorId typeNewFactor(QPointF scenePos, const QString& label)
    {
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at(scenePos));
        EXPECT_TRUE(window->scene()->isEditingLabel());
        QTest::keyClicks(view, label);
        QTest::keyClick(view, Qt::Key_Return);
        const auto found = doc->map().findFactorByLabel(label.toStdString());
        return found ? *found : FactorId{};
    }
};

} // namespace

TEST_F(GuiSmoke, ScriptedSessionSavesWhatWasDrawn)
{
    const std::size_t factors0 = doc->map().factorCount();
    const std::size_t links0 = doc->map().linkCount();
    ASSERT_GT(factors0, 10u);
    EXPECT_FALSE(doc->isModified());

    view->resetZoom();
    const QPointF spot = emptySpot();
    view->centerOn(spot);

    // Two factors, each typed in place after a double-click on empty canvas.
    const FactorId a = typeNewFactor(spot - QPointF(200, 0), QStringLiteral("Volunteer hours"));
    const FactorId b = typeNewFactor(spot + QPointF(200, 0), QStringLiteral("Burnout"));
    ASSERT_TRUE(a.valid());
    ASSERT_TRUE(b.valid());
    EXPECT_EQ(doc->map().factorCount(), factors0 + 2);
    EXPECT_TRUE(doc->isModified());
    EXPECT_TRUE(window->isWindowModified());

    // Link them: Shift+drag from one factor to the other.
    const QPoint from = at(spot - QPointF(200, 0));
    const QPoint to = at(spot + QPointF(200, 0));
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(view->viewport(), (from + to) / 2);
    QTest::mouseMove(view->viewport(), to);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
    const auto link = doc->map().findLink(a, b);
    ASSERT_TRUE(link.has_value());
    EXPECT_EQ(doc->map().linkCount(), links0 + 1);
    EXPECT_EQ(window->scene()->selectedLinks(), std::vector<LinkId>{*link});

    // P cycles the selected link's polarity; undo and redo through the keyboard.
    QTest::keyClick(view, Qt::Key_P);
    EXPECT_EQ(doc->map().link(*link).polarity, Polarity::Negative);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(doc->map().link(*link).polarity, Polarity::Positive);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(doc->map().link(*link).polarity, Polarity::Negative);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.causeway"));
    ASSERT_TRUE(window->files()->saveAs(path));
    EXPECT_FALSE(doc->isModified());
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("session.causeway")));

    const SystemMap saved = loadMapFile(path.toStdString());
    EXPECT_EQ(saved.factorCount(), factors0 + 2);
    EXPECT_EQ(saved.linkCount(), links0 + 1);
    const auto savedA = saved.findFactorByLabel("Volunteer hours");
    const auto savedB = saved.findFactorByLabel("Burnout");
    ASSERT_TRUE(savedA && savedB);
    const auto savedLink = saved.findLink(*savedA, *savedB);
    ASSERT_TRUE(savedLink.has_value());
    EXPECT_EQ(saved.link(*savedLink).polarity, Polarity::Negative);
    EXPECT_EQ(saved, doc->map());
}

TEST_F(GuiSmoke, DraggingAFactorIsOneUndoStep)
{
    const FactorId id = doc->map().factorIds().front();
    const Point before = doc->map().factor(id).position;
    view->resetZoom();
    view->centerOn(QPointF(before.x, before.y));
    const int steps = doc->undoCount();
    const QPoint start = at(QPointF(before.x, before.y));
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(view->viewport(), start + QPoint(20 * i, 10 * i));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start + QPoint(100, 50));
    EXPECT_EQ(doc->undoCount(), steps + 1);
    const Point after = doc->map().factor(id).position;
    EXPECT_NEAR(after.x - before.x, 100, 1.0);
    EXPECT_NEAR(after.y - before.y, 50, 1.0);
    doc->undo();
    EXPECT_EQ(doc->map().factor(id).position, before);
    EXPECT_EQ(window->scene()->factorItem(id)->pos(), QPointF(before.x, before.y));
}

// Each frame of a drag places the signs without keeping them off other links' lines (a tenth of
// the work on a big map); the drop places them fully, as the SVG export does.
TEST_F(GuiSmoke, SignsKeepOffOtherLinksLinesOnceADraggedFactorIsDropped)
{
    CanvasScene* scene = window->scene();
    // The canvas's signs against placeSignsAndMarks over its links' own shapes, with or without
    // lines.
    auto signsAsPlaced = [&](bool offLines) {
        std::vector<LinkId> ids = doc->map().linkIds();
        std::sort(ids.begin(), ids.end()); // the canvas places them in id order
        std::vector<LinkShape> preferred;
        std::vector<bool> delayed;
        preferred.reserve(ids.size());
        for (LinkId id : ids) {
            preferred.push_back(scene->linkItem(id)->preferredShape());
            delayed.push_back(doc->map().link(id).delay);
        }
        std::vector<LinkShape*> shapes;
        shapes.reserve(preferred.size());
        for (LinkShape& p : preferred)
            shapes.push_back(&p);
        std::vector<BoxShape> boxes;
        for (FactorId f : doc->map().factorIds())
            boxes.push_back(scene->factorItem(f)->box());
        placeSignsAndMarks(shapes, boxes, theme::lookOf(scene->linkItem(ids[0])).link, offLines, delayed);
        bool same = true;
        for (std::size_t i = 0; i < ids.size(); ++i)
            same = same && scene->linkItem(ids[i])->linkShape().sign == preferred[i].sign;
        return same;
    };
    const FactorId id = doc->map().factorIds().front();
    const Point before = doc->map().factor(id).position;
    view->resetZoom();
    view->centerOn(QPointF(before.x, before.y));
    const QPoint start = at(QPointF(before.x, before.y));
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(view->viewport(), start + QPoint(20 * i, 10 * i));
    EXPECT_TRUE(signsAsPlaced(false)) << "while dragged";
    ASSERT_FALSE(signsAsPlaced(true)) << "no sign of the sample map is on another line: the test shows nothing";
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start + QPoint(100, 50));
    EXPECT_TRUE(signsAsPlaced(true)) << "once dropped";
}

TEST_F(GuiSmoke, FindSelectsTheFactorAsYouType)
{
    const Factor target = doc->map().factors().back();
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    FindBar* bar = window->findBar();
    ASSERT_TRUE(bar->isVisible());
    QTest::keyClicks(bar->lineEdit(), QString::fromStdString(target.label));
    EXPECT_GE(bar->matchCount(), 1);
    EXPECT_EQ(window->scene()->selectedFactors(), std::vector<FactorId>{target.id});
    QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
    EXPECT_FALSE(bar->isVisible());
}

TEST_F(GuiSmoke, CopyAndPasteKeepsTheLinksAmongTheCopiedFactors)
{
    const Link link = doc->map().links().front();
    window->scene()->selectOnly({link.from, link.to});
    const std::size_t factors0 = doc->map().factorCount();
    const std::size_t links0 = doc->map().linkCount();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier);
    EXPECT_EQ(doc->map().factorCount(), factors0 + 2);
    EXPECT_EQ(doc->map().linkCount(), links0 + 1);
    EXPECT_EQ(window->scene()->selectedFactors().size(), 2u);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier); // a paste is one step
    EXPECT_EQ(doc->map().factorCount(), factors0);
}

TEST_F(GuiSmoke, DraggingFromTheHandleLinksTwoFactors)
{
    view->resetZoom();
    const QPointF spot = emptySpot();
    view->centerOn(spot);
    const FactorId a = typeNewFactor(spot - QPointF(200, 0), QStringLiteral("Handle source"));
    const FactorId b = typeNewFactor(spot + QPointF(200, 0), QStringLiteral("Handle target"));
    FactorItem* item = window->scene()->factorItem(a);
    ASSERT_NE(item, nullptr);
    const QPoint handle = at(item->mapToScene(QPointF(item->boxSize().width() / 2, 0)));
    QTest::mouseMove(view->viewport(), handle); // hovering shows the handle
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, handle);
    QTest::mouseMove(view->viewport(), at(spot));
    QTest::mouseMove(view->viewport(), at(spot + QPointF(200, 0)));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, at(spot + QPointF(200, 0)));
    EXPECT_TRUE(doc->map().findLink(a, b).has_value());
    EXPECT_EQ(doc->map().factor(a).position, (Point{item->pos().x(), item->pos().y()})); // not moved
}

TEST_F(GuiSmoke, DraggingALinkOntoEmptyCanvasNamesANewLinkedFactor)
{
    view->resetZoom();
    const QPointF spot = emptySpot();
    view->centerOn(spot);
    const FactorId a = typeNewFactor(spot - QPointF(200, 0), QStringLiteral("Cause"));
    const int steps = doc->undoCount();
    const QPoint from = at(spot - QPointF(200, 0));
    const QPoint to = at(spot + QPointF(200, 0));
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(view->viewport(), to);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
    ASSERT_TRUE(window->scene()->isEditingLabel());
    QTest::keyClicks(view, QStringLiteral("Effect"));
    QTest::keyClick(view, Qt::Key_Return);
    const auto effect = doc->map().findFactorByLabel("Effect");
    ASSERT_TRUE(effect.has_value());
    EXPECT_TRUE(doc->map().findLink(a, *effect).has_value());
    EXPECT_EQ(doc->undoCount(), steps + 1);
}

TEST_F(GuiSmoke, EscapeCancelsANewFactor)
{
    view->resetZoom();
    const QPointF spot = emptySpot();
    view->centerOn(spot);
    const std::size_t before = doc->map().factorCount();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at(spot));
    QTest::keyClicks(view, QStringLiteral("Never mind"));
    QTest::keyClick(view, Qt::Key_Escape);
    EXPECT_EQ(doc->map().factorCount(), before);
    EXPECT_FALSE(window->scene()->isEditingLabel());
}

TEST_F(GuiSmoke, LabelEditedInThePropertiesPanelIsOneUndoStep)
{
    const FactorId id = doc->map().factorIds().front();
    const std::string old = doc->map().factor(id).label;
    window->scene()->selectOnly({id});
    auto* label = window->findChild<QLineEdit*>(QStringLiteral("factorLabel"));
    ASSERT_NE(label, nullptr);
    ASSERT_EQ(label->text().toStdString(), old);
    const int steps = doc->undoCount();
    label->setFocus();
    label->selectAll();
    QTest::keyClicks(label, QStringLiteral("Renamed in the panel"));
    QTest::keyClick(label, Qt::Key_Return);
    EXPECT_EQ(doc->map().factor(id).label, "Renamed in the panel");
    EXPECT_EQ(doc->undoCount(), steps + 1);
    EXPECT_EQ(window->scene()->factorItem(id)->label(), QStringLiteral("Renamed in the panel"));
    doc->undo();
    EXPECT_EQ(label->text().toStdString(), old);
}

TEST_F(GuiSmoke, DeleteRemovesTheSelectionAndSelectAllSelectsEverything)
{
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    EXPECT_EQ(window->scene()->selectedFactors().size(), doc->map().factorCount());
    EXPECT_EQ(window->scene()->selectedLinks().size(), doc->map().linkCount());
    const FactorId id = doc->map().factorIds().front();
    window->scene()->selectOnly({id});
    QTest::keyClick(view, Qt::Key_Delete);
    EXPECT_FALSE(doc->map().contains(id));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(doc->map().contains(id));
}

TEST_F(GuiSmoke, WheelZoomsAndSpaceDragPans)
{
    view->resetZoom();
    const QPoint centre = view->viewport()->rect().center();
    QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), {}, {0, 120}, Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    EXPECT_GT(view->zoom(), 1.1);
    const std::size_t selectedBefore = window->scene()->selectedItems().size();
    const QPointF before = view->mapToScene(centre);
    QTest::keyPress(view, Qt::Key_Space);
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseMove(view->viewport(), centre + QPoint(120, 80));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, centre + QPoint(120, 80));
    QTest::keyRelease(view, Qt::Key_Space);
    const QPointF after = view->mapToScene(centre);
    EXPECT_LT(after.x(), before.x() - 50); // the canvas followed the hand
    EXPECT_LT(after.y(), before.y() - 30);
    EXPECT_EQ(window->scene()->selectedItems().size(), selectedBefore);
}

TEST_F(GuiSmoke, ArrowKeysNudgeTheSelectionAsOneStep)
{
    const FactorId id = doc->map().factorIds().front();
    const Point before = doc->map().factor(id).position;
    window->scene()->selectOnly({id});
    const int steps = doc->undoCount();
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    const Point after = doc->map().factor(id).position;
    EXPECT_EQ(after, (Point{before.x + 20, before.y + 50}));
    EXPECT_EQ(doc->undoCount(), steps + 1);
    EXPECT_EQ(window->scene()->factorItem(id)->pos(), QPointF(after.x, after.y));
}

TEST_F(GuiSmoke, PlusMinusAndQuestionKeysSetTheSelectedLinksPolarity)
{
    const Link link = doc->map().links().front();
    window->scene()->selectOnly({}, {link.id});
    QTest::keyClick(view, '-');
    EXPECT_EQ(doc->map().link(link.id).polarity, Polarity::Negative);
    QTest::keyClick(view, '?');
    EXPECT_EQ(doc->map().link(link.id).polarity, Polarity::Unknown);
    QTest::keyClick(view, '+');
    EXPECT_EQ(doc->map().link(link.id).polarity, Polarity::Positive);
    QTest::keyClick(view, Qt::Key_D);
    EXPECT_NE(doc->map().link(link.id).delay, link.delay);
}

// A layout that runs for seconds (the loop-first layout of a 50-factor, 150-link map) shows Stop
// in the status bar beside its progress: clicking it leaves the map as it was. Closing the window
// stops one too, rather than waiting for it.
TEST_F(GuiSmoke, ALongLayoutCanBeStoppedAndClosingTheWindowStopsIt)
{
    doc->replaceMap(causeway::testing::randomMap(50, 150, 50));
    const std::vector<Factor> before = doc->map().factors();
    QAction* rings = nullptr;
    for (QAction* a : window->menuBar()->findChildren<QAction*>())
        if (a->text().remove('&') == QStringLiteral("Loops as rings, clockwise"))
            rings = a;
    ASSERT_NE(rings, nullptr);
    LayoutRunner* runner = window->layoutMenu()->runner();
    QSignalSpy finished(runner, &LayoutRunner::finished);
    rings->trigger();
    ASSERT_TRUE(runner->isRunning());
    QToolButton* stop = nullptr;
    for (QToolButton* b : window->statusBar()->findChildren<QToolButton*>())
        if (b->text() == QStringLiteral("Stop"))
            stop = b;
    ASSERT_NE(stop, nullptr);
    ASSERT_TRUE(stop->isVisible());
    QTest::mouseClick(stop, Qt::LeftButton);
    EXPECT_FALSE(stop->isEnabled()) << "stopping: not clicked twice";
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.back().at(1).toString().contains(QStringLiteral("stopped")))
        << finished.back().at(1).toString().toStdString();
    EXPECT_FALSE(stop->isVisible());
    for (const Factor& f : before)
        EXPECT_EQ(doc->map().factor(f.id).position, f.position);

    rings->trigger();
    ASSERT_TRUE(runner->isRunning());
    doc->markSaved(); // nothing to ask on closing
    window->close();
    EXPECT_FALSE(runner->isRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.size() == 2; }, 5000)); // its end reported
    EXPECT_TRUE(finished.back().at(1).toString().contains(QStringLiteral("stopped")))
        << finished.back().at(1).toString().toStdString();
    for (const Factor& f : before)
        EXPECT_EQ(doc->map().factor(f.id).position, f.position);
}

int main(int argc, char** argv)
{
    return causeway::test::runWindowTests(argc, argv, "gui_smoke");
}
