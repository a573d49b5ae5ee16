// A map opened or imported without positions is laid out before it is first drawn, as one undo
// step; a file with its own positions keeps them. The loop-first layout is offered in the menu.
#include "app/canvas/canvasview.h"
#include "app/canvas/layoutmenu.h"
#include "app/canvas/layoutrunner.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"
#include "io/import.h"
#include "io/mapfile.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QTemporaryDir>

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
