// A map opened or imported without positions is laid out before it is first drawn, as one undo
// step; a file with its own positions keeps them. The loop-first layout is offered in the menu.
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/canvas/layoutmenu.h"
#include "app/canvas/layoutrunner.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"
#include "io/import.h"
#include "io/mapfile.h"
#include "tests/layout/maps.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <map>

using namespace causeway;

namespace {

// Records, at every paint of the canvas, whether the map on it had never been laid out.
class PaintWatcher : public QObject {
public:
    explicit PaintWatcher(Document* doc) : m_doc(doc) {}
    int paints = 0;
    int unlaidPaints = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            if (m_doc->map().factorCount() > 0 && needsFirstLayout(m_doc->map()))
                ++unlaidPaints;
        }
        return false;
    }

private:
    Document* m_doc;
};

std::map<FactorId, Point> positionsOf(const SystemMap& map)
{
    std::map<FactorId, Point> out;
    for (const Factor& f : map.factors())
        out[f.id] = f.position;
    return out;
}

struct FirstLayout : ::testing::Test {
    MainWindow* window = nullptr;
    Document* doc = nullptr;
    PaintWatcher* paints = nullptr;
    QTemporaryDir dir;

    void SetUp() override
    {
        window = new MainWindow(/*withAutosave=*/false);
        window->files()->setInteractive(false);
        window->resize(1024, 768);
        window->show();
        QApplication::processEvents();
        doc = window->document();
        paints = new PaintWatcher(doc);
        window->view()->viewport()->installEventFilter(paints);
    }
    void TearDown() override
    {
        doc->markSaved();
        delete window;
        delete paints;
    }
    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }
    // Opens `path`, lets the window paint, and checks that the grid was never drawn and that
    // the layout is one undo step back to where the file put the factors.
    void expectLaidOutOnOpen(const QString& path, const SystemMap& asFiled)
    {
        ASSERT_TRUE(window->files()->openPath(path));
        QApplication::processEvents();
        EXPECT_FALSE(needsFirstLayout(doc->map()));
        EXPECT_GT(paints->paints, 0);
        EXPECT_EQ(paints->unlaidPaints, 0) << "the map was drawn before it was laid out";
        ASSERT_EQ(doc->undoCount(), 1);
        const auto laidOut = positionsOf(doc->map());
        ASSERT_TRUE(doc->undo());
        EXPECT_EQ(positionsOf(doc->map()), positionsOf(asFiled));
        ASSERT_TRUE(doc->redo());
        EXPECT_EQ(positionsOf(doc->map()), laidOut);
    }
};

} // namespace

TEST_F(FirstLayout, ALinksTableIsLaidOutBeforeItIsDrawn)
{
    const QString path = write(QStringLiteral("links.csv"),
                               "From,To,Polarity\nTrust,Visits,+\nVisits,Skill,+\nSkill,Trust,+\n"
                               "Visits,Stigma,-\nStigma,Trust,-\nSkill,Workload,+\nWorkload,Skill,-\n");
    const SystemMap imported = importFile(path.toStdString()).map;
    ASSERT_TRUE(needsFirstLayout(imported)); // the importer's first circle
    expectLaidOutOnOpen(path, imported);
}

TEST_F(FirstLayout, AMapFileWithEveryFactorAtOnePointIsLaidOutOnOpen)
{
    SystemMap map;
    FactorId previous;
    for (const char* label : {"Trust", "Visits", "Skill", "Stigma", "Workload"}) {
        const FactorId id = map.addFactor({.label = label});
        if (previous.valid())
            map.addLink({.from = previous, .to = id});
        previous = id;
    }
    const QString path = dir.filePath(QStringLiteral("unplaced.causeway"));
    saveMapFile(map, path.toStdString());
    expectLaidOutOnOpen(path, map);
}

TEST_F(FirstLayout, AFileWithItsOwnPositionsKeepsThem)
{
    const QString path = write(QStringLiteral("placed.dot"),
                               "digraph { a [label=\"Trust\", pos=\"0,0\"]; b [label=\"Visits\", "
                               "pos=\"400,0\"]; c [label=\"Skill\", pos=\"200,300\"]; a -> b; "
                               "b -> c; c -> a; }");
    const SystemMap imported = importFile(path.toStdString()).map;
    ASSERT_TRUE(window->files()->openPath(path));
    QApplication::processEvents();
    EXPECT_EQ(doc->undoCount(), 0);
    EXPECT_EQ(positionsOf(doc->map()), positionsOf(imported));
}

TEST_F(FirstLayout, LoopsAsRingsFromTheLayoutMenuIsOneUndoStep)
{
    ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
    const auto opened = positionsOf(doc->map());
    QAction* rings = nullptr;
    for (QAction* a : window->findChildren<QAction*>())
        if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Loops as rings, clockwise"))
            rings = a;
    ASSERT_NE(rings, nullptr) << "the Layout menu offers the loop-first layout";
    rings->trigger();
    window->layoutMenu()->runner()->waitForFinished();
    QApplication::processEvents();
    ASSERT_EQ(doc->undoCount(), 1);
    EXPECT_NE(positionsOf(doc->map()), opened);
    ASSERT_TRUE(doc->undo());
    EXPECT_EQ(positionsOf(doc->map()), opened);
}

namespace {

// What a window saw while a map's first layout ran: its dialog (polled every few milliseconds),
// whether the canvas showed, and whether the canvas was ever painted unlaid.
struct WhileLaidOut {
    bool dialog = false;
    QString label;
    bool canvasShown = false;
    int unlaidPaints = 0;
};

} // namespace

// A large map opened without positions is laid out off the UI thread: the canvas is hidden
// meanwhile and, past a moment (here at once), a dialog on the window says what is happening.
// Its links are routed once, where the layout put the factors, never round the grid or the point
// the file left them at (on a 400-factor map that took ~6 s of the ~16 s the import took).
TEST_F(FirstLayout, ALargeMapIsLaidOutBehindADialogAndItsLinksAreRoutedOnce)
{
    const SystemMap unplaced = causeway::testing::randomMap(200, 400, 3);
    ASSERT_TRUE(needsFirstLayout(unplaced));
    const QString path = dir.filePath(QStringLiteral("large.causeway"));
    saveMapFile(unplaced, path.toStdString());
    window->layoutMenu()->runner()->setQuietWait(0);
    WhileLaidOut seen;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        for (QProgressDialog* d : window->findChildren<QProgressDialog*>())
            if (d->isVisible()) {
                seen.dialog = true;
                if (seen.label.isEmpty()) // (later "Drawing the links...")
                    seen.label = d->labelText();
                seen.canvasShown = seen.canvasShown || window->view()->viewport()->isVisible();
                seen.unlaidPaints = paints->unlaidPaints;
            }
    });
    poll.start(5);
    const long routedBefore = window->scene()->routedLinkCount();
    long routedWhenApplied = -1;
    QObject::connect(window->layoutMenu()->runner(), &LayoutRunner::finished,
                     [&] { routedWhenApplied = window->scene()->routedLinkCount(); });
    expectLaidOutOnOpen(path, unplaced); // (its undo and redo route them again)
    poll.stop();
    EXPECT_TRUE(seen.dialog);
    EXPECT_TRUE(seen.label.contains(QStringLiteral("200 factors and 400 links")))
        << seen.label.toStdString();
    EXPECT_FALSE(seen.canvasShown);
    EXPECT_EQ(seen.unlaidPaints, 0);
    EXPECT_TRUE(window->view()->viewport()->isVisible());
    EXPECT_EQ(routedWhenApplied - routedBefore, 400) << "each link routed once, laid out";
}

namespace {

// How the facilitator stops a first layout in its dialog.
enum class StopBy { Button, Escape };

} // namespace

// Stop in that dialog (or Escape) leaves the map where the file put it, with no step to undo,
// says so, and routes its links there.
static void stopFirstLayout(FirstLayout& t, StopBy by)
{
    MainWindow* window = t.window;
    Document* doc = t.doc;
    const SystemMap unplaced = causeway::testing::randomMap(250, 600, 4);
    const QString path = t.dir.filePath(QStringLiteral("stopped.causeway"));
    saveMapFile(unplaced, path.toStdString());
    LayoutRunner* runner = window->layoutMenu()->runner();
    runner->setQuietWait(0);
    QSignalSpy finished(runner, &LayoutRunner::finished);
    bool clicked = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        for (QProgressDialog* d : window->findChildren<QProgressDialog*>())
            if (d->isVisible() && !clicked)
                if (auto* stop = d->findChild<QPushButton*>()) {
                    if (by == StopBy::Button)
                        stop->click();
                    else
                        QTest::keyClick(d, Qt::Key_Escape);
                    clicked = true;
                }
    });
    poll.start(5);
    const long routedBefore = window->scene()->routedLinkCount();
    ASSERT_TRUE(window->files()->openPath(path));
    poll.stop();
    QApplication::processEvents();
    ASSERT_TRUE(clicked);
    ASSERT_EQ(finished.size(), 1);
    EXPECT_FALSE(finished.front().at(0).toBool());
    EXPECT_TRUE(finished.front().at(1).toString().contains(QStringLiteral("stopped")))
        << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(doc->undoCount(), 0);
    EXPECT_EQ(positionsOf(doc->map()), positionsOf(unplaced));
    EXPECT_TRUE(window->view()->viewport()->isVisible());
    EXPECT_FALSE(window->scene()->holdsRoutes());
    EXPECT_EQ(window->scene()->routedLinkCount() - routedBefore, 600)
        << "routed where the file put them";
    EXPECT_FALSE(runner->isRunning());
}

TEST_F(FirstLayout, StoppingAFirstLayoutLeavesTheMapAsFiled)
{
    stopFirstLayout(*this, StopBy::Button);
}

TEST_F(FirstLayout, EscapeInTheDialogStopsTheFirstLayoutToo)
{
    stopFirstLayout(*this, StopBy::Escape);
}

// A map never laid out that no first layout follows (put in the document by other means) has
// its links routed once control returns to the event loop.
TEST_F(FirstLayout, LinksHeldForAFirstLayoutThatNeverComesAreRoutedSoon)
{
    doc->replaceMap(causeway::testing::randomMap(40, 60, 2));
    EXPECT_TRUE(window->scene()->holdsRoutes());
    const long before = window->scene()->routedLinkCount();
    QApplication::processEvents();
    EXPECT_FALSE(window->scene()->holdsRoutes());
    EXPECT_EQ(window->scene()->routedLinkCount() - before, 60);
}
