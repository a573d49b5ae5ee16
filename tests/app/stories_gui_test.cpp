// Stories authored in the Stories panel and played in presentation by keys alone (F5, S,
// PageDown..., Esc), as a facilitator with a clicker would. Presenting never edits the map.
#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/analysis/analysisdocks.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/loops/loopspanel.h"
#include "app/mainwindow.h"
#include "app/present/presentaction.h"
#include "app/present/presentationview.h"
#include "app/present/presentshot.h"
#include "app/stories/storiespanel.h"
#include "io/mapfile.h"
#include "model/looplabels.h"
#include "model/stories.h"
#include "tests/app/testwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QMenuBar>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace causeway;

namespace {

// What the room sees at one click: the items drawn, those at full strength, and the caption.
struct Seen {
    std::set<FactorId> shown;
    std::set<LinkId> shownLinks;
    std::set<FactorId> lit;
    std::set<LinkId> litLinks;
    QString caption;
    bool operator==(const Seen&) const = default;
};

Seen seen(PresentationView* view)
{
    Seen s;
    const SystemMap& map = view->canvas()->document()->map();
    for (FactorId id : map.factorIds()) {
        const FactorItem* item = view->canvas()->factorItem(id);
        if (item->isVisible())
            s.shown.insert(id);
        if (item->isVisible() && item->opacity() > CanvasEmphasis::kDimmedOpacity)
            s.lit.insert(id);
    }
    for (LinkId id : map.linkIds()) {
        const LinkItem* item = view->canvas()->linkItem(id);
        if (item->isVisible())
            s.shownLinks.insert(id);
        if (item->isVisible() && item->opacity() > CanvasEmphasis::kDimmedOpacity)
            s.litLinks.insert(id);
    }
    s.caption = view->caption();
    return s;
}

struct StoriesGui : ::testing::Test {
    MainWindow* window = nullptr;
    Document* doc = nullptr;
    StoriesPanel* panel = nullptr;
    FactorId skill, trust, visits;
    std::vector<LinkId> loop; // skill -> trust -> visits -> exchange -> skill

    void SetUp() override { openWindow(QStringLiteral(CAUSEWAY_SAMPLE_MAP)); }
    void TearDown() override { closeWindow(); }

    void openWindow(const QString& path)
    {
        ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1000, 700}));
        doc = window->document();
        ASSERT_TRUE(window->files()->openPath(path));
        panel = window->findChild<StoriesPanel*>();
        ASSERT_NE(panel, nullptr);
        const SystemMap& map = doc->map();
        skill = *map.findFactorByLabel("Peer worker skill");
        trust = *map.findFactorByLabel("Client trust in the service");
        visits = *map.findFactorByLabel("Client visits to the NSP");
        const FactorId exchange = *map.findFactorByLabel("Two-way knowledge exchange");
        loop.clear();
        for (auto [from, to] : {std::pair{skill, trust}, {trust, visits}, {visits, exchange}, {exchange, skill}})
            for (LinkId id : map.outLinks(from))
                if (map.link(id).to == to)
                    loop.push_back(id);
        ASSERT_EQ(loop.size(), 4u);
    }

    void closeWindow()
    {
        if (PresentationView* view = presentationOf(window))
            view->close();
        if (doc)
            doc->markSaved();
        delete window;
        window = nullptr;
    }

    // The three-step story, authored as a facilitator would: select, then add a step.
    void authorThreeSteps()
    {
        ASSERT_TRUE(panel->newStory(QStringLiteral("Why peers matter")));
        window->scene()->selectOnly({skill, trust}, {loop[0]});
        ASSERT_TRUE(panel->addRevealStep());
        window->scene()->selectOnly({visits});
        ASSERT_TRUE(panel->addFocusStep(1));
        window->scene()->selectOnly({});
        const Loop highlighted = *loopOfLabel(doc->map(), LoopLabel{"", loop});
        window->analysis()->loops()->highlight(highlighted); // as the Loops panel does
        ASSERT_TRUE(panel->addLoopStep());
        window->analysis()->emphasis()->clear();
    }

    PresentationView* presentStory()
    {
        QApplication::setActiveWindow(window);
        QTest::keyClick(window, Qt::Key_F5);
        PresentationView* view = presentationOf(window);
        if (!view)
            return nullptr;
        view->resize(1024, 768); // the projector, whatever the test display is
        QApplication::processEvents();
        QTest::keyClick(view, Qt::Key_S); // the first story
        return view;
    }

    std::vector<Seen> playThrough(PresentationView* view)
    {
        std::vector<Seen> clicks{seen(view)};
        for (int i = 1; i < view->deckSize(); ++i) {
            QTest::keyClick(view, Qt::Key_PageDown);
            clicks.push_back(seen(view));
        }
        return clicks;
    }
};

} // namespace

TEST_F(StoriesGui, TheStoriesPanelIsListedInViewWithTheOtherPanels)
{
    auto* dock = window->findChild<QDockWidget*>(QStringLiteral("stories"));
    ASSERT_NE(dock, nullptr);
    bool listed = false;
    for (QAction* menu : window->menuBar()->actions())
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QStringLiteral("View"))
            listed = menu->menu()->actions().contains(dock->toggleViewAction());
    EXPECT_TRUE(listed);
}

TEST_F(StoriesGui, EachEditInThePanelIsOneUndoStep)
{
    const int start = doc->undoCount();
    authorThreeSteps();
    EXPECT_EQ(doc->undoCount(), start + 4); // the story and its three steps
    const Story& story = doc->map().stories().at(0);
    ASSERT_EQ(story.steps.size(), 3u);
    EXPECT_EQ(story.steps[0].kind, StoryStepKind::Reveal);
    EXPECT_EQ(story.steps[1].focus, visits);
    EXPECT_EQ(std::set<LinkId>(story.steps[2].loop.begin(), story.steps[2].loop.end()),
              std::set<LinkId>(loop.begin(), loop.end()));
    EXPECT_EQ(panel->stepList()->count(), 3);
    panel->setCurrentStep(2);
    ASSERT_TRUE(panel->moveStep(-1));
    EXPECT_EQ(doc->map().stories()[0].steps[1].kind, StoryStepKind::Loop);
    EXPECT_EQ(panel->currentStep(), 1);
    ASSERT_TRUE(panel->renameStory(QStringLiteral("Peers")));
    EXPECT_EQ(doc->map().stories()[0].name, "Peers");
    ASSERT_TRUE(panel->removeStep());
    EXPECT_EQ(doc->map().stories()[0].steps.size(), 2u);
    EXPECT_EQ(doc->undoCount(), start + 7);
    ASSERT_TRUE(doc->undo()); // the step comes back, in its place
    ASSERT_TRUE(doc->undo()); // the old name
    ASSERT_TRUE(doc->undo()); // the old order
    EXPECT_EQ(doc->map().stories()[0].name, "Why peers matter");
    EXPECT_EQ(doc->map().stories()[0].steps[1].focus, visits);
    EXPECT_EQ(panel->stepList()->count(), 3);
    // A second story of the same name is refused with a message, and nothing changes.
    const int steps = doc->undoCount();
    EXPECT_FALSE(panel->newStory(QStringLiteral("Why peers matter")));
    EXPECT_EQ(doc->undoCount(), steps);
    EXPECT_TRUE(panel->status().contains(QStringLiteral("already a story named"))) << panel->status().toStdString();
    ASSERT_TRUE(panel->deleteStory());
    EXPECT_TRUE(doc->map().stories().empty());
}

TEST_F(StoriesGui, AThreeStepStoryPlaysByKeysAloneAndNeverEditsTheMap)
{
    authorThreeSteps();
    const std::string json = writeMapJson(doc->map());
    const int undoSteps = doc->undoCount();
    const bool modified = doc->isModified();

    PresentationView* view = presentStory();
    ASSERT_NE(view, nullptr);
    ASSERT_EQ(view->storyPlaying(), 0);
    ASSERT_EQ(view->deckSize(), 1 + 1 + 1 + 5);
    Seen s = seen(view); // the title: the story's name, nothing of the map yet
    EXPECT_EQ(s.caption, QStringLiteral("Why peers matter"));
    EXPECT_TRUE(s.shown.empty());
    EXPECT_TRUE(s.shownLinks.empty());

    QTest::keyClick(view, Qt::Key_PageDown); // reveal: those two and their link, nothing else
    s = seen(view);
    EXPECT_EQ(s.shown, (std::set<FactorId>{skill, trust}));
    EXPECT_EQ(s.shownLinks, std::set<LinkId>{loop[0]});
    EXPECT_EQ(s.lit, s.shown);

    QTest::keyClick(view, Qt::Key_Space); // focus: the visits' causes and effects, large
    s = seen(view);
    const present::Lit around = present::neighbourhood(doc->map(), visits, 1);
    EXPECT_EQ(s.lit, around.factors);
    EXPECT_EQ(s.litLinks, around.links);
    EXPECT_TRUE(s.shown.count(skill)); // what was revealed stays, dimmed
    EXPECT_EQ(s.caption, present::focusCaption(doc->map(), visits));
    EXPECT_GE(view->labelPixelSize(), PresentationView::kFocusPixels);

    for (std::size_t k = 1; k <= loop.size(); ++k) { // the loop, one more link each click
        QTest::keyClick(view, Qt::Key_PageDown);
        s = seen(view);
        EXPECT_EQ(s.litLinks, std::set<LinkId>(loop.begin(), loop.begin() + long(k))) << k;
        EXPECT_EQ(s.caption, present::linkCaption(doc->map(), loop[k - 1])) << k;
        EXPECT_TRUE(view->marker().shown);
    }
    QTest::keyClick(view, Qt::Key_Right); // its verdict
    EXPECT_TRUE(view->caption().contains(QStringLiteral("R reinforcing loop")));
    EXPECT_EQ(seen(view).litLinks, std::set<LinkId>(loop.begin(), loop.end()));
    QTest::keyClick(view, Qt::Key_PageDown); // the end: stays
    EXPECT_EQ(view->slideIndex(), view->deckSize() - 1);

    QTest::keyClick(view, Qt::Key_PageUp); // back
    EXPECT_EQ(seen(view).litLinks, std::set<LinkId>(loop.begin(), loop.end()));
    QTest::keyClick(view, Qt::Key_Home);
    EXPECT_TRUE(seen(view).shown.empty());
    QTest::keyClick(view, Qt::Key_S); // no second story: the whole map again
    EXPECT_EQ(view->storyPlaying(), -1);
    EXPECT_EQ(seen(view).shown.size(), doc->map().factorCount());

    QPointer<PresentationView> gone = view;
    QTest::keyClick(view, Qt::Key_Escape);
    QApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(!gone || !gone->isVisible());
    EXPECT_EQ(writeMapJson(doc->map()), json);
    EXPECT_EQ(doc->undoCount(), undoSteps);
    EXPECT_EQ(doc->isModified(), modified);
}

TEST_F(StoriesGui, PlayInThePanelPresentsTheCurrentStoryEvenFromAFloatingPanel)
{
    authorThreeSteps();
    const int undoSteps = doc->undoCount();
    window->findChild<QDockWidget*>(QStringLiteral("stories"))->setFloating(true);
    ASSERT_TRUE(panel->playAction()->isEnabled());
    panel->playAction()->trigger();
    PresentationView* view = presentationOf(window);
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->storyPlaying(), 0);
    EXPECT_EQ(view->slideIndex(), 0);
    EXPECT_EQ(doc->undoCount(), undoSteps);
}

TEST_F(StoriesGui, AStorySavedClosedAndReopenedPlaysTheSame)
{
    authorThreeSteps();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("story.causeway"));
    ASSERT_TRUE(window->files()->saveAs(path));
    PresentationView* view = presentStory();
    ASSERT_NE(view, nullptr);
    const std::vector<Seen> before = playThrough(view);
    closeWindow();

    openWindow(path);
    ASSERT_EQ(doc->map().stories().size(), 1u);
    EXPECT_FALSE(doc->isModified());
    view = presentStory();
    ASSERT_NE(view, nullptr);
    const std::vector<Seen> after = playThrough(view);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i)
        EXPECT_EQ(after[i], before[i]) << "click " << i;
    EXPECT_FALSE(doc->isModified());
}

TEST_F(StoriesGui, AStepNamingADeletedFactorIsFlaggedInThePanelAndSkippedInPlayback)
{
    authorThreeSteps();
    ASSERT_TRUE(doc->remove({visits}, {})); // an edit in the editor takes the focused factor
    ASSERT_EQ(panel->stepList()->count(), 3);
    const QListWidgetItem* focus = panel->stepList()->item(1);
    EXPECT_FALSE(focus->icon().isNull());
    EXPECT_TRUE(focus->toolTip().contains(QStringLiteral("no longer exists"))) << focus->toolTip().toStdString();
    EXPECT_TRUE(focus->toolTip().contains(QStringLiteral("skipped")));
    // The loop went through it too: flagged as well. The reveal is whole.
    EXPECT_FALSE(panel->stepList()->item(2)->icon().isNull());
    EXPECT_TRUE(panel->stepList()->item(0)->icon().isNull());
    EXPECT_TRUE(panel->stepList()->item(0)->toolTip().isEmpty());

    PresentationView* view = presentStory();
    ASSERT_NE(view, nullptr);
    ASSERT_EQ(view->deckSize(), 2); // the title and the reveal
    QTest::keyClick(view, Qt::Key_PageDown);
    EXPECT_EQ(seen(view).shown, (std::set<FactorId>{skill, trust}));
    QTest::keyClick(view, Qt::Key_PageDown);
    EXPECT_EQ(view->slideIndex(), 1);
    EXPECT_FALSE(view->focus());

    // Undo in the editor brings the factor back, and the story plays whole again, live.
    ASSERT_TRUE(doc->undo());
    QApplication::processEvents();
    EXPECT_EQ(view->deckSize(), 1 + 1 + 1 + 5);
    EXPECT_TRUE(panel->stepList()->item(1)->icon().isNull());
}

TEST_F(StoriesGui, AMapSavedByThePreviousVersionOpensUnchanged)
{
    // The sample map was written before stories existed.
    QFile file(QStringLiteral(CAUSEWAY_SAMPLE_MAP));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    ASSERT_FALSE(original.contains("\"stories\""));
    EXPECT_TRUE(doc->map().stories().empty());
    EXPECT_FALSE(doc->isModified());
    EXPECT_EQ(doc->undoCount(), 0);
    EXPECT_EQ(panel->stepList()->count(), 0);
    EXPECT_FALSE(panel->playAction()->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("again.causeway"));
    ASSERT_TRUE(window->files()->saveAs(path));
    QFile again(path);
    ASSERT_TRUE(again.open(QIODevice::ReadOnly));
    EXPECT_EQ(again.readAll(), original); // saved again, byte for byte as it was
}

TEST(StoryShot, AStoryStepIsPicturedAndAMissingStoryOrStepIsRefused)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_STORY_MAP), &error)) << error.toStdString();
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("story.png"));
    EXPECT_EQ(writePresentationShot(&doc, out, {1024, 768}, PresentShot{.step = 2, .story = 0}), 0);
    const QImage picture(out);
    EXPECT_EQ(picture.size(), QSize(1024, 768));
    EXPECT_EQ(writePresentationShot(&doc, dir.filePath(QStringLiteral("a.png")), {1024, 768},
                                    PresentShot{.step = 1, .story = 1}),
              1); // the map has one story
    EXPECT_EQ(writePresentationShot(&doc, dir.filePath(QStringLiteral("b.png")), {1024, 768},
                                    PresentShot{.step = 99, .story = 0}),
              1);
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("a.png"))));
    EXPECT_FALSE(doc.isModified());
}
