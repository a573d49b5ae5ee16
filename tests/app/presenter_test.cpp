// The presenter view (issue 10, item 3) and the turn screen (item 7). With two screens (the
// present_two_screens ctest entry gives Qt's offscreen platform tests/data/app/two-screens.json)
// F5 puts the presentation on the projector and a console beside the editor on the laptop;
// edits on the laptop show on the projector. With one screen those tests are skipped. While a
// round is voted on, the presentation shows whose turn it is and never anyone's choices.
#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/votebadgeitem.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"
#include "app/present/presentaction.h"
#include "app/present/presentationview.h"
#include "app/present/presenterconsole.h"
#include "app/present/turnscreen.h"
#include "app/rounds/roundedits.h"
#include "app/rounds/roundspanel.h"
#include "app/rounds/votingpanel.h"
#include "app/rounds/votingsession.h"
#include "io/mapfile.h"
#include "model/nominations.h"

#include <QApplication>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QTest>

#include <gtest/gtest.h>

using namespace causeway;

namespace {

struct Presenter : ::testing::Test {
    MainWindow* window = nullptr;
    Document* doc = nullptr;
    QScreen* laptop = nullptr;

    void SetUp() override
    {
        laptop = QGuiApplication::primaryScreen();
        window = new MainWindow(/*withAutosave=*/false);
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        window->setScreen(laptop);
        window->setGeometry(laptop->availableGeometry().adjusted(20, 40, -20, -20));
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        QApplication::setActiveWindow(window); // shortcuts need an active window
        doc = window->document();
        ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
    }
    void TearDown() override
    {
        if (doc)
            doc->markSaved();
        delete window;
    }
    bool twoScreens() const { return QGuiApplication::screens().size() >= 2; }
    QScreen* projector() const
    {
        for (QScreen* s : QGuiApplication::screens())
            if (s != laptop)
                return s;
        return nullptr;
    }
    PresentationView* present()
    {
        QTest::keyClick(window, Qt::Key_F5);
        QApplication::processEvents();
        PresentationView* view = presentationOf(window);
        if (view) {
            view->waitForLoops(); // listed off the GUI thread
            QApplication::processEvents();
        }
        return view;
    }
    PresenterConsole* console() const
    {
        return window->findChild<PresenterConsole*>(QString(), Qt::FindDirectChildrenOnly);
    }
    int badgesIn(const QGraphicsScene* scene) const
    {
        int n = 0;
        for (QGraphicsItem* item : scene->items())
            n += item->type() == VoteBadgeItem::Type && item->isVisible();
        return n;
    }
};

#define NEED_TWO_SCREENS()                                                                         \
    if (!twoScreens())                                                                             \
    GTEST_SKIP() << "one screen: run as the present_two_screens ctest entry"

TEST_F(Presenter, F5PutsThePresentationOnTheOtherScreenAndTheConsoleBesideTheEditor)
{
    NEED_TWO_SCREENS();
    ASSERT_EQ(window->screen(), laptop);
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->screen(), projector());
    EXPECT_TRUE(projector()->geometry().contains(view->geometry())) << view->geometry().x();
    EXPECT_TRUE(view->isFullScreen());
    EXPECT_TRUE(view->findChildren<QMenuBar*>().isEmpty()); // the room never sees menus
    // The laptop keeps the editor, with the console on the same screen.
    EXPECT_EQ(window->screen(), laptop);
    EXPECT_TRUE(window->isVisible());
    PresenterConsole* c = console();
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->isVisible());
    EXPECT_EQ(c->screen(), laptop);
    EXPECT_TRUE(laptop->geometry().contains(c->geometry()));
    EXPECT_FALSE(doc->isModified());
    // CAUSEWAY_SCREENSHOT_DIR: the console as the facilitator sees it, to look at.
    if (const QString dir = qEnvironmentVariable("CAUSEWAY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        view->next();
        EXPECT_TRUE(c->grab().save(dir + QStringLiteral("/presenter-console.png")));
    }
}

TEST_F(Presenter, AnEditOnTheLaptopAppearsOnTheProjector)
{
    NEED_TWO_SCREENS();
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    ASSERT_EQ(view->screen(), projector());
    const auto id = doc->map().findFactorByLabel("Client trust in the service");
    ASSERT_TRUE(id.has_value());
    Factor renamed = doc->map().factor(*id);
    renamed.label = "Trust in the service";
    ASSERT_TRUE(doc->updateFactor(renamed)); // as the editor's properties panel does
    const FactorId added = doc->addFactor(QStringLiteral("Fixed while the room watched"), {40, 40});
    QApplication::processEvents();
    ASSERT_NE(view->canvas()->factorItem(*id), nullptr);
    EXPECT_EQ(view->canvas()->factorItem(*id)->label(), QStringLiteral("Trust in the service"));
    ASSERT_NE(view->canvas()->factorItem(added), nullptr);
    EXPECT_EQ(view->canvas()->factorItem(added)->label(), QStringLiteral("Fixed while the room watched"));
}

TEST_F(Presenter, TheConsoleShowsWhatIsNextAndDrivesThePresentationWithTheSameKeys)
{
    NEED_TWO_SCREENS();
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    PresenterConsole* c = console();
    ASSERT_NE(c, nullptr);
    ASSERT_GT(view->deck().size(), 2);
    ASSERT_EQ(view->slideIndex(), 0);
    // Next is the first loop's first link, in the caption the room will see.
    const QString next = c->nextText();
    EXPECT_TRUE(next.startsWith(QStringLiteral("More ")) || next.startsWith(QStringLiteral("Less ")))
        << next.toStdString();
    QTest::keyClick(c, Qt::Key_PageDown);
    EXPECT_EQ(view->slideIndex(), 1);
    EXPECT_EQ(view->caption(), next);
    EXPECT_EQ(c->nowText(), next);
    QTest::keyClick(c, Qt::Key_Left);
    EXPECT_EQ(view->slideIndex(), 0);
    QTest::keyClick(c, Qt::Key_B);
    EXPECT_TRUE(view->isBlack());
    QTest::mouseClick(c->nextButton(), Qt::LeftButton);
    EXPECT_EQ(view->slideIndex(), 1);
    // Esc from the console ends the presentation; the console goes with it.
    QPointer<PresentationView> watch(view);
    QTest::keyClick(c, Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_TRUE(watch.isNull() || !watch->isVisible());
    EXPECT_FALSE(c->isVisible());
    EXPECT_FALSE(doc->isModified());
}

TEST_F(Presenter, TypingNotesNeitherMovesTheSlideNorModifiesTheMap)
{
    NEED_TWO_SCREENS();
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    PresenterConsole* c = console();
    ASSERT_NE(c, nullptr);
    const std::string before = writeMapJson(doc->map());
    c->notes()->setFocus();
    QTest::keyClicks(c->notes(), QStringLiteral("Ask about trust "));
    QTest::keyClick(c->notes(), Qt::Key_Space);
    EXPECT_EQ(c->notes()->toPlainText(), QStringLiteral("Ask about trust  "));
    EXPECT_EQ(view->slideIndex(), 0);
    EXPECT_FALSE(doc->isModified());
    EXPECT_EQ(writeMapJson(doc->map()), before);
    // Closing and presenting again keeps the notes of this map.
    view->close();
    QApplication::processEvents();
    ASSERT_NE(present(), nullptr);
    EXPECT_EQ(console()->notes()->toPlainText(), QStringLiteral("Ask about trust  "));
}

TEST_F(Presenter, WithOneScreenThePresentationCoversTheEditorsScreenWithoutAConsole)
{
    if (twoScreens())
        GTEST_SKIP() << "two screens";
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->screen(), window->screen());
    EXPECT_EQ(console(), nullptr);
}

TEST_F(Presenter, DuringVotingThePresentationShowsWhoseTurnItIsAndNeverTheirChoices)
{
    RoundsPanel* panel = window->rounds();
    ASSERT_NE(panel, nullptr);
    panel->setAsk([](const QString&, const QString&) { return true; });
    NominationRound settings;
    settings.name = "Round 1";
    ASSERT_TRUE(panel->createRound(settings));
    ASSERT_EQ(roundedits::addParticipantCodes(doc, QStringLiteral("Round 1"), 3).size(), 3u);
    PresentationView* view = present();
    ASSERT_NE(view, nullptr);
    view->next(); // mid-walkthrough when voting starts
    TurnScreen* turn = view->findChild<TurnScreen*>();
    ASSERT_NE(turn, nullptr);
    EXPECT_FALSE(turn->isShowing()); // no round is being voted on

    ASSERT_TRUE(panel->startVoting());
    QApplication::processEvents();
    EXPECT_TRUE(turn->isShowing());
    EXPECT_EQ(view->slideIndex(), 0); // the items: the whole map
    EXPECT_TRUE(view->everythingLit());
    EXPECT_EQ(turn->headline(), QStringLiteral("Who votes next?"));

    VotingSession* session = panel->session();
    const QString who = QString::fromStdString(findRound(doc->map(), "Round 1")->participants.front());
    ASSERT_TRUE(panel->votingPanel()->pick(who));
    EXPECT_EQ(turn->headline(), QStringLiteral("%1's turn").arg(who));
    const auto a = doc->map().findFactorByLabel("Client trust in the service");
    const auto b = doc->map().findFactorByLabel("Peer worker skill");
    ASSERT_TRUE(a && b);
    ASSERT_TRUE(session->toggle(ItemRef::of(*a), NominationKind::Watch));
    ASSERT_TRUE(session->toggle(ItemRef::of(*b), NominationKind::Stop));
    QApplication::processEvents();
    // The voter sees their ticks where they click (the editor); the room sees none.
    EXPECT_EQ(badgesIn(window->scene()), 2);
    EXPECT_EQ(badgesIn(view->canvas()), 0);
    EXPECT_FALSE(turn->headline().contains(QStringLiteral("Client trust")));
    EXPECT_FALSE(turn->detail().contains(QStringLiteral("Client trust")));

    ASSERT_TRUE(session->submit());
    QApplication::processEvents();
    EXPECT_EQ(turn->headline(), QStringLiteral("Who votes next?"));
    EXPECT_TRUE(turn->detail().contains(QStringLiteral("1 of 3 have voted"))) << turn->detail().toStdString();
    EXPECT_EQ(badgesIn(view->canvas()), 0);

    session->stop();
    QApplication::processEvents();
    EXPECT_FALSE(turn->isShowing());
}

} // namespace
