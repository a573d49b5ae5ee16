// Presentation mode driven by keys alone, as a facilitator with a clicker would: F5 from the
// editor, a walkthrough of every loop of the sample map, black screen, label size, focus by
// click, live edits, Esc. The map is never edited.
#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/looplabelitem.h"
#include "layout/loopmarker.h"
#include "app/analysis/analysisdocks.h"
#include "app/document/document.h"
#include "app/loops/loopjob.h"
#include "app/loops/loopspanel.h"
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"
#include "app/present/presentaction.h"
#include "app/present/presentationview.h"
#include "io/mapfile.h"
#include "model/looplabels.h"
#include "tests/app/testwindow.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPointer>
#include <QTest>

#include <cmath>
#include <iostream>
#include <memory>

#include <gtest/gtest.h>

using namespace causeway;

namespace {

struct PresentGui : ::testing::Test {
    MainWindow* window = nullptr;
    Document* doc = nullptr;
    std::string savedJson;
    int undoSteps = 0;

    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1000, 700}));
        doc = window->document();
        ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
        savedJson = writeMapJson(doc->map());
        undoSteps = doc->undoCount();
    }
    void TearDown() override
    {
        if (doc)
            doc->markSaved();
        delete window;
    }

    // F5 in the editor, as the View menu's shortcut.
    PresentationView* present()
    {
        QTest::keyClick(window, Qt::Key_F5);
        PresentationView* view = presentationOf(window);
        if (view) {
            view->resize(1024, 768); // the projector, whatever the test display is
            view->waitForLoops();    // listed off the GUI thread
            QApplication::processEvents();
            // Keys go to the active window: until the presentation is active, + and - would
            // reach the editor's own shortcuts (polarity), as they did once under the sanitizers.
            EXPECT_TRUE(QTest::qWaitForWindowActive(view));
        }
        return view;
    }

    // A point of the view where nothing of the map is drawn (the map is fitted to fill it).
    static QPoint emptyPoint(PresentationView* view)
    {
        const QSize size = view->viewport()->size();
        for (int y = 2; y < size.height(); y += 5)
            for (int x = 2; x < size.width(); x += 5)
                if (view->items(QPoint(x, y)).isEmpty())
                    return {x, y};
        ADD_FAILURE() << "no empty point in the presentation";
        return {};
    }

    void expectMapUntouched() const
    {
        EXPECT_FALSE(doc->isModified());
        EXPECT_EQ(doc->undoCount(), undoSteps);
        EXPECT_EQ(writeMapJson(doc->map()), savedJson);
    }
};

// What the room sees lit: items at full strength in the presentation's own scene.
std::set<LinkId> litLinks(PresentationView* view)
{
    std::set<LinkId> lit;
    for (LinkId id : view->canvas()->document()->map().linkIds())
        if (view->canvas()->linkItem(id)->opacity() > CanvasEmphasis::kDimmedOpacity)
            lit.insert(id);
    return lit;
}

std::set<FactorId> litFactors(PresentationView* view)
{
    std::set<FactorId> lit;
    for (FactorId id : view->canvas()->document()->map().factorIds())
        if (view->canvas()->factorItem(id)->opacity() > CanvasEmphasis::kDimmedOpacity)
            lit.insert(id);
    return lit;
}

} // namespace

TEST_F(PresentGui, F5OpensAFullScreenPresentationOfTheMapAlone)
{
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->isWindow());
    EXPECT_TRUE(view->windowState() & Qt::WindowFullScreen);
    EXPECT_EQ(view->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    EXPECT_EQ(view->canvas()->factorItemCount(), int(doc->map().factorIds().size()));
    EXPECT_EQ(view->slideIndex(), 0);
    EXPECT_TRUE(view->everythingLit());
    EXPECT_EQ(view->caption().toStdString(), doc->map().title);
    EXPECT_TRUE(view->legendShown());
    expectMapUntouched();
}

TEST_F(PresentGui, PageDownWalksThroughEveryLoopLightingOneMoreLinkEachStep)
{
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    const auto& loops = view->deck().loops();
    ASSERT_EQ(loops.size(), countLoops(doc->map(), {}).counts.total);
    for (std::size_t i = 0; i < loops.size(); ++i) {
        const Loop& loop = loops[i].loop;
        for (std::size_t step = 1; step <= loop.length(); ++step) {
            QTest::keyClick(view, Qt::Key_PageDown);
            ASSERT_EQ(view->slide(), (present::Slide{int(i), int(step)}));
            const std::set<LinkId> expected(loop.links.begin(), loop.links.begin() + long(step));
            EXPECT_EQ(litLinks(view), expected) << "loop " << i << " step " << step;
            EXPECT_TRUE(litFactors(view).count(loop.factors[step % loop.length()]));
            EXPECT_EQ(view->caption(), present::linkCaption(doc->map(), loop.links[step - 1]));
            EXPECT_TRUE(view->marker().shown); // R/B and direction, named or not
            EXPECT_EQ(view->marker().polarity, loop.polarity);
            // Wholly in the map's area: never behind the legend or the caption band.
            const QPointF c = view->mapFromScene(view->marker().centre);
            const double r = PresentationView::kMarkerRadius;
            EXPECT_TRUE(view->mapArea().contains(QRectF(c - QPointF(r, r), QSizeF(2 * r, 2 * r))))
                << "loop " << i << " step " << step;
            // Never over a link's polarity sign: the room reads every link's + or - beside it.
            const double scale = view->transform().m11();
            for (LinkId id : doc->map().linkIds()) {
                const Point sign = view->canvas()->linkItem(id)->linkShape().sign;
                const QPointF d = view->marker().centre - QPointF(sign.x, sign.y);
                EXPECT_GT(std::hypot(d.x(), d.y()), r / scale + view->canvas()->look().link.signRadius)
                    << "loop " << i << " step " << step << ": the marker hides link " << id.value << "'s sign";
            }
        }
        QTest::keyClick(view, Qt::Key_Space); // the verdict
        EXPECT_EQ(litLinks(view), std::set<LinkId>(loop.links.begin(), loop.links.end()));
        EXPECT_TRUE(view->caption().contains(
            QLatin1String(loopPolarityLetter(loop.polarity)) + QLatin1Char(' ')
            + present::polarityWord(loop.polarity)));
        EXPECT_TRUE(view->caption().contains(view->marker().clockwise
                                                 ? QStringLiteral("turns clockwise")
                                                 : QStringLiteral("turns counter-clockwise")));
    }
    EXPECT_EQ(view->slideIndex(), view->deck().size() - 1);
    QTest::keyClick(view, Qt::Key_PageDown); // past the end: stays
    EXPECT_EQ(view->slideIndex(), view->deck().size() - 1);
    expectMapUntouched();
}

TEST_F(PresentGui, F5WithALoopPickedInTheLoopsPanelOpensOnItsWalkthrough)
{
    window->analysis()->showLoops();
    LoopsPanel* panel = window->analysis()->loops();
    panel->restartNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->job()->isRunning(); }, 20000));
    QApplication::processEvents(); // the results arrive as queued calls
    panel->selectRow(5);
    const std::optional<Loop> picked = panel->currentLoop();
    ASSERT_TRUE(picked);
    QApplication::setActiveWindow(window);
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    ASSERT_GE(view->slide().loop, 0);
    EXPECT_EQ(view->deck().loops()[std::size_t(view->slide().loop)].loop, *picked);
    EXPECT_EQ(view->slide().step, 1);
    EXPECT_EQ(litLinks(view), std::set<LinkId>{picked->links[0]});
    EXPECT_EQ(view->caption(), present::linkCaption(doc->map(), picked->links[0]));
    expectMapUntouched();
}

TEST_F(PresentGui, PageUpHomeEndAndBlackScreenMoveAroundTheDeck)
{
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    QTest::keyClick(view, Qt::Key_End);
    EXPECT_EQ(view->slideIndex(), view->deck().size() - 1);
    QTest::keyClick(view, Qt::Key_PageUp);
    EXPECT_EQ(view->slideIndex(), view->deck().size() - 2);
    QTest::keyClick(view, Qt::Key_Left);
    EXPECT_EQ(view->slideIndex(), view->deck().size() - 3);
    QTest::keyClick(view, Qt::Key_Home);
    EXPECT_EQ(view->slideIndex(), 0);
    EXPECT_TRUE(view->everythingLit());
    QTest::keyClick(view, Qt::Key_Right);
    EXPECT_EQ(view->slideIndex(), 1);
    QTest::keyClick(view, Qt::Key_B);
    EXPECT_TRUE(view->isBlack());
    const QImage black = view->grab().toImage();
    EXPECT_EQ(black.pixelColor(black.width() / 2, black.height() / 2), QColor(Qt::black));
    EXPECT_EQ(black.pixelColor(10, black.height() - 10), QColor(Qt::black));
    QTest::keyClick(view, Qt::Key_B);
    EXPECT_FALSE(view->isBlack());
    EXPECT_EQ(view->slideIndex(), 1);
    expectMapUntouched();
}

TEST_F(PresentGui, PlusAndMinusChangeTheLabelSizeLive)
{
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    const double font = view->canvas()->look().box.font.pixelSize;
    const FactorId some = doc->map().factorIds().front();
    const QSizeF box = view->canvas()->factorItem(some)->boxSize();
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    EXPECT_GT(view->canvas()->look().box.font.pixelSize, font);
    EXPECT_GT(view->canvas()->factorItem(some)->boxSize().height(), box.height());
    QTest::keyClick(view, Qt::Key_Minus);
    QTest::keyClick(view, Qt::Key_Minus);
    EXPECT_LT(view->canvas()->look().box.font.pixelSize, font);
    QTest::keyClick(view, Qt::Key_Equal); // + without Shift
    EXPECT_EQ(view->canvas()->look().box.font.pixelSize, font);
    // The editor's own boxes keep their size.
    EXPECT_EQ(window->scene()->look().box.font.pixelSize, theme::editorLook().box.font.pixelSize);
    expectMapUntouched();
}

// Keys sent to the presentation before the window system has made it the active window (as
// happened under load): the editor's shortcuts for the same keys (Ctrl++ zoom, - polarity of the
// selected link) must not take them.
TEST_F(PresentGui, ThePresentationsKeysNeverReachTheEditorsShortcuts)
{
    const LinkId link = doc->map().linkIds().front();
    window->scene()->linkItem(link)->setSelected(true);
    const double zoom = window->view()->zoom();
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    QApplication::setActiveWindow(window); // the editor still active, the keys aimed at the view
    ASSERT_EQ(QApplication::activeWindow(), window);
    const double font = view->canvas()->look().box.font.pixelSize;
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    EXPECT_GT(view->canvas()->look().box.font.pixelSize, font);
    QTest::keyClick(view, Qt::Key_Minus);
    QTest::keyClick(view, Qt::Key_Minus);
    EXPECT_LT(view->canvas()->look().box.font.pixelSize, font);
    EXPECT_EQ(window->view()->zoom(), zoom);
    expectMapUntouched(); // no polarity set on the selected link
}

TEST_F(PresentGui, ClickingAFactorFocusesItsCausesAndEffectsWithoutMovingIt)
{
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    const FactorId skill = *doc->map().findFactorByLabel("Peer worker skill");
    FactorItem* item = view->canvas()->factorItem(skill);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(item->pos()));
    ASSERT_EQ(view->focus(), skill);
    const present::Lit expected = present::neighbourhood(doc->map(), skill, 1);
    EXPECT_EQ(litFactors(view), expected.factors);
    EXPECT_EQ(litLinks(view), expected.links);
    // A drag on a factor moves nothing.
    const QPoint at = view->mapFromScene(item->pos());
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(view->viewport(), at + QPoint(120, 80));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, at + QPoint(120, 80));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(item->pos()));
    EXPECT_EQ(view->focusSteps(), 1); // press, release, click: the third click on it
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, emptyPoint(view)); // on nothing
    EXPECT_FALSE(view->focus());
    EXPECT_TRUE(view->everythingLit());
    expectMapUntouched();
}

TEST_F(PresentGui, EditsInTheEditorShowLiveInThePresentation)
{
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    const int before = view->canvas()->factorItemCount();
    const FactorId added = doc->addFactor(QStringLiteral("Naloxone on hand"), {0, 0});
    ASSERT_TRUE(added.valid());
    EXPECT_EQ(view->canvas()->factorItemCount(), before + 1);
    EXPECT_NE(view->canvas()->factorItem(added), nullptr);
    // A new loop joins the deck once the event loop has run.
    const int slides = view->deck().size();
    const FactorId skill = *doc->map().findFactorByLabel("Peer worker skill");
    doc->addLink(skill, added);
    doc->addLink(added, skill);
    QApplication::processEvents(); // the deck is listed again, off the GUI thread
    view->waitForLoops();
    EXPECT_GT(view->deck().size(), slides);
    EXPECT_TRUE(doc->isModified()); // the editor's edit, not the presentation's
}

TEST_F(PresentGui, EscapeLeavesThePresentationAndTheMapIsUnmodified)
{
    QPointer<PresentationView> view = present();
    ASSERT_TRUE(view);
    QTest::keyClick(view, Qt::Key_PageDown);
    QTest::keyClick(view, Qt::Key_Escape);
    QApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(!view || !view->isVisible());
    expectMapUntouched();
}

// The projector's size exactly (a full-screen window takes the test display's size).
static PresentationView* projector(Document* doc)
{
    auto* view = new PresentationView(doc);
    view->resize(1024, 768);
    view->waitForLoops();
    view->show();
    // Its keys, not the editor's shortcuts (L links there), under Xvfb too (no window manager).
    view->activateWindow();
    QApplication::setActiveWindow(view);
    EXPECT_TRUE(QTest::qWaitForWindowActive(view));
    QApplication::processEvents();
    return view;
}

TEST_F(PresentGui, At1024x768TheWholeSampleMapIsOnScreenLargerThanInTheEditor)
{
    std::unique_ptr<PresentationView> view(projector(doc));
    const QRectF onScreen = view->mapFromScene(view->canvas()->mapBounds()).boundingRect();
    EXPECT_TRUE(QRectF(view->viewport()->rect()).contains(onScreen));
    // Label height: the label font's pixel size times the view's scale (see README).
    const double font = view->canvas()->look().box.font.pixelSize;
    EXPECT_DOUBLE_EQ(view->labelPixelSize(), font * view->transform().m11());
    window->resize(1024, 768);
    QApplication::processEvents();
    window->view()->zoomToFit();
    const double editor = theme::editorLook().box.font.pixelSize * window->view()->zoom();
    std::cout << "factor labels at 1024x768: presentation " << view->labelPixelSize()
              << " px, editor " << editor << " px\n";
    EXPECT_GT(view->labelPixelSize(), 1.2 * editor);
    const double withLegend = view->labelPixelSize();
    QTest::keyClick(view.get(), Qt::Key_L); // without the legend the map has more room
    EXPECT_FALSE(view->legendShown());
    EXPECT_GT(view->labelPixelSize(), withLegend);
    std::cout << "without the legend: " << view->labelPixelSize() << " px\n";
    expectMapUntouched();
}

// The goal of issue 10. The sample map's layout (about 3:2, spread for the editor's 17 px type)
// reaches about 13.6 px here; it needs the layout that fills the screen's aspect ratio.
TEST_F(PresentGui, At1024x768SampleMapLabelsAreAtLeast18PxTall)
{
    std::unique_ptr<PresentationView> view(projector(doc));
    EXPECT_GE(view->labelPixelSize(), 18.0);
}

TEST_F(PresentGui, FocusAndCaptionsAreAtLeast24PxTall)
{
    std::unique_ptr<PresentationView> view(projector(doc));
    EXPECT_GE(PresentationView::kCaptionPixels, 24);
    double smallest = 1e9;
    for (FactorId id : doc->map().factorIds()) {
        view->focusFactor(id);
        smallest = std::min(smallest, view->labelPixelSize());
    }
    std::cout << "smallest focused label at 1024x768: " << smallest << " px\n";
    EXPECT_GE(smallest, 24.0);
    expectMapUntouched();
}

TEST(LoopHighlight, AnUnnamedHighlightedLoopShowsItsLetterAndDirection)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    CanvasScene scene(&doc);
    CanvasEmphasis emphasis(&scene);
    LoopLabelOverlay overlay(&scene, &emphasis);
    const std::vector<Loop> loops = findLoops(doc.map(), {}).loops;
    ASSERT_GE(loops.size(), 2u);
    const Loop& loop = loops[0];
    emphasis.setEmphasis({loop.factors.begin(), loop.factors.end()},
                         {loop.links.begin(), loop.links.end()});
    LoopLabelItem* marker = overlay.highlightMarker();
    ASSERT_NE(marker, nullptr);
    EXPECT_TRUE(marker->isVisible());
    EXPECT_EQ(marker->polarity(), loop.polarity);
    EXPECT_TRUE(marker->name().isEmpty());
    // Its direction is the loop's as drawn (layout/loopmarker over centres and link middles).
    std::vector<Point> outline;
    for (std::size_t i = 0; i < loop.links.size(); ++i) {
        outline.push_back(doc.map().factor(loop.factors[i]).position);
        outline.push_back(scene.linkItem(loop.links[i])->linkShape().middle);
    }
    EXPECT_EQ(marker->isClockwise(), layout::loopMarker(outline).clockwise);
    // Once named, its label shows them instead.
    MapData data = mapDataOf(doc.map());
    data.loopLabels.push_back(labelForLoop(loop, "R1 Trust"));
    ASSERT_TRUE(doc.updateMapData(data, QStringLiteral("Name loop")));
    EXPECT_FALSE(marker->isVisible());
    ASSERT_TRUE(doc.undo());
    EXPECT_TRUE(marker->isVisible());
    // Part of a loop, or none: no marker.
    emphasis.setEmphasis({loop.factors[0]}, {loop.links[0]});
    EXPECT_FALSE(marker->isVisible());
    emphasis.clear();
    EXPECT_FALSE(marker->isVisible());
}
