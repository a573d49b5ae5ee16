// A full nomination round at the shared screen, driven like a workshop: open the sample map in a
// real window, create a secret round with 12 codes, and for each participant of
// tests/data/ballots/round1.csv click their code and then the factors and links on the canvas
// (left click watch, right click or the Stop mode for stop), and submit. Budgets and secrecy are
// checked on the way; the revealed tally must equal the hand-computed round1-tally.csv, and so
// must the same ballots imported from the CSV. Set CAUSEWAY_SCREENSHOT_DIR to also write
// round-voting.png, round-secret.png and round-results.png at 1024x768.
#include "guitestmain.h"
#include "roundstestutil.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/document/document.h"
#include "app/canvas/factoritem.h"
#include "app/document/filecontroller.h"
#include "app/canvas/linkitem.h"
#include "app/mainwindow.h"
#include "app/rounds/resultsview.h"
#include "app/rounds/roundedits.h"
#include "app/rounds/roundspanel.h"
#include "app/canvas/votebadgeitem.h"
#include "app/rounds/votingpanel.h"
#include "app/rounds/votingsession.h"
#include "io/ballots.h"
#include "io/mapfile.h"
#include "tests/app/testwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

using namespace causeway;
using namespace causeway::test;

namespace {


struct PaperBallot {
    QStringList watch, stop;
};

// round1.csv as participant -> ballot, in file order.
std::vector<std::pair<QString, PaperBallot>> readBallots()
{
    std::vector<std::pair<QString, PaperBallot>> ballots;
    const QStringList lines = QString::fromStdString(readFile(data("round1.csv"))).split(QLatin1Char('\n'));
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].trimmed().split(QLatin1Char(','));
        if (cells.size() != 3)
            continue;
        if (ballots.empty() || ballots.back().first != cells[0])
            ballots.push_back({cells[0], {}});
        (cells[1] == QLatin1String("watch") ? ballots.back().second.watch
                                            : ballots.back().second.stop)
            << cells[2];
    }
    return ballots;
}

struct RoundsGui : ::testing::Test {
    MainWindow* window = nullptr;
    CanvasView* view = nullptr;
    Document* doc = nullptr;
    RoundsPanel* panel = nullptr;
    QString shots = QString::fromLocal8Bit(qgetenv("CAUSEWAY_SCREENSHOT_DIR"));

    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1024, 768}));
        window->scene()->setAnimationsEnabled(false);
        QCoreApplication::processEvents();
        view = window->view();
        doc = window->document();
        panel = window->rounds();
        ASSERT_NE(panel, nullptr);
        panel->setAsk([](const QString&, const QString&) { return true; });
        ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
        QCoreApplication::processEvents();
        view->zoomToFit();
    }
    void TearDown() override
    {
        if (doc)
            doc->markSaved();
        delete window;
    }

    // Where a person clicks an item: a factor's centre, a link's polarity sign (a link's middle
    // can be where another link crosses it).
    QPoint spotOf(const QString& name)
    {
        const auto item = findItemByName(doc->map(), name.toStdString());
        EXPECT_TRUE(item.has_value()) << name.toStdString();
        if (!item)
            return {};
        QPointF scenePos;
        if (item->isLink())
            scenePos = [&] {
                const Point m = window->scene()->linkItem(item->link)->linkShape().sign;
                return QPointF(m.x, m.y);
            }();
        else
            scenePos = window->scene()->factorItem(item->factor)->pos();
        const QPoint at = view->mapFromScene(scenePos);
        EXPECT_TRUE(view->viewport()->rect().contains(at)) << name.toStdString();
        return at;
    }
    void click(const QString& name, Qt::MouseButton button = Qt::LeftButton)
    {
        QTest::mouseClick(view->viewport(), button, {}, spotOf(name));
    }
    int visibleBadges() const
    {
        int n = 0;
        for (QGraphicsItem* item : window->scene()->items())
            n += item->type() == VoteBadgeItem::Type && item->isVisible();
        return n;
    }
    const NominationRound& round(const char* name) const
    {
        const NominationRound* r = findRound(doc->map(), name);
        EXPECT_NE(r, nullptr);
        static NominationRound none;
        return r ? *r : none;
    }
    void shoot(const char* file)
    {
        if (shots.isEmpty())
            return;
        QCoreApplication::processEvents();
        const QString path = shots + QLatin1Char('/') + QLatin1String(file);
        EXPECT_TRUE(window->grab().save(path)) << path.toStdString();
    }
};

} // namespace

TEST_F(RoundsGui, TwelveParticipantsVoteByClickingTheMapAndTheTallyMatchesTheHandCount)
{
    NominationRound settings;
    settings.name = "Round 1";
    ASSERT_TRUE(settings.secret);
    ASSERT_TRUE(panel->createRound(settings));
    ASSERT_EQ(roundedits::addParticipantCodes(doc, QStringLiteral("Round 1"), 12).size(), 12);
    ASSERT_TRUE(panel->startVoting());
    VotingPanel* voting = panel->votingPanel();
    VotingSession* session = panel->session();
    const SystemMap mapBefore = doc->map();

    const auto ballots = readBallots();
    ASSERT_EQ(ballots.size(), 12u);
    int turn = 0;
    for (const auto& [who, paper] : ballots) {
        ++turn;
        // Secrecy: between voters the canvas shows no badges at all.
        EXPECT_EQ(visibleBadges(), 0) << "before " << who.toStdString();
        QPushButton* button = voting->participantButton(who);
        ASSERT_NE(button, nullptr) << who.toStdString();
        QTest::mouseClick(button, Qt::LeftButton);
        ASSERT_EQ(session->participant(), who);
        EXPECT_EQ(voting->budgetLabel()->text(),
                  QStringLiteral("Watch: 3 of 3 left\nStop: 3 of 3 left"));
        for (const QString& item : paper.watch)
            click(item);
        if (turn % 2 == 0) { // half use the Stop mode and a left click, half a right click
            QTest::mouseClick(voting->stopModeButton(), Qt::LeftButton);
            for (const QString& item : paper.stop)
                click(item);
        } else {
            for (const QString& item : paper.stop)
                click(item, Qt::RightButton);
        }
        EXPECT_EQ(voting->budgetLabel()->text(),
                  QStringLiteral("Watch: 0 of 3 left\nStop: 0 of 3 left"));
        // Only this voter's own choices are marked.
        EXPECT_EQ(visibleBadges(), 6) << who.toStdString();
        if (turn == 1) {
            // A fourth watch is refused and the ballot stays as it was.
            const Ballot full = session->draft();
            QTest::mouseClick(voting->watchModeButton(), Qt::LeftButton);
            click(QStringLiteral("Sterile equipment coverage"));
            EXPECT_EQ(session->draft(), full);
            EXPECT_TRUE(voting->messageLabel()->isVisible());
            EXPECT_TRUE(voting->messageLabel()->text().contains(QStringLiteral("All 3 watch")));
            shoot("round-voting.png");
        }
        QTest::mouseClick(voting->submitButton(), Qt::LeftButton);
        ASSERT_TRUE(session->participant().isEmpty()) << voting->messageLabel()->text().toStdString();
        EXPECT_EQ(doc->undoText(), QStringLiteral("Ballot of %1").arg(who));
    }
    EXPECT_EQ(visibleBadges(), 0);
    // Editing keys do nothing while voting: select all, delete, a new factor.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Delete);
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_N);
    EXPECT_FALSE(window->scene()->isEditingLabel());
    // Voting never moved or edited the map: only the round changed.
    SystemMap withoutRounds = doc->map();
    replaceRounds(withoutRounds, mapBefore.rounds());
    EXPECT_EQ(withoutRounds, mapBefore);
    EXPECT_TRUE(window->scene()->selectedFactors().empty());

    QTest::mouseClick(voting->endButton(), Qt::LeftButton);
    EXPECT_FALSE(window->scene()->isIntercepting());
    const std::string expected = readFile(data("round1-tally.csv"));
    EXPECT_EQ(round("Round 1").ballots.size(), 12u);
    EXPECT_EQ(withoutCr(revealedTallyCsv(doc->map(), round("Round 1"))), expected);
    shoot("round-secret.png"); // voting over, not yet revealed: exports disabled, no badges

    // Reveal: a badge group per nominated item, the table and the chart.
    ASSERT_TRUE(panel->reveal(true));
    EXPECT_EQ(visibleBadges(), 10);
    EXPECT_TRUE(panel->resultsDock()->isVisible());
    EXPECT_EQ(panel->results()->table()->rowCount(), 10);
    view->zoomToFit();
    shoot("round-results.png");
    // The same results full screen for the room, in large type; Esc closes.
    ResultsView* room = panel->results()->showToRoom();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(room));
    EXPECT_EQ(room->table()->rowCount(), 10);
    if (!shots.isEmpty()) {
        QCoreApplication::processEvents();
        EXPECT_TRUE(room->grab().save(shots + QStringLiteral("/round-room.png")));
        room->tabs()->setCurrentWidget(room->table());
        QCoreApplication::processEvents();
        EXPECT_TRUE(room->grab().save(shots + QStringLiteral("/round-room-table.png")));
    }
    QTest::keyClick(room, Qt::Key_Escape);

    // Closing freezes it: no more voting.
    ASSERT_TRUE(panel->closeCurrent());
    EXPECT_FALSE(panel->startVoting());
    Ballot late{"P1", {}, {}};
    EXPECT_FALSE(roundedits::castBallot(doc, QStringLiteral("Round 1"), late));

    // Saved and read back, the round is the same.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workshop.causeway"));
    QString error;
    ASSERT_TRUE(doc->saveAs(path, &error)) << error.toStdString();
    const NominationRound saved = round("Round 1");
    ASSERT_TRUE(doc->open(path, &error)) << error.toStdString();
    ASSERT_EQ(doc->map().rounds().size(), 1u);
    EXPECT_EQ(doc->map().rounds()[0], saved);
    EXPECT_EQ(withoutCr(revealedTallyCsv(doc->map(), doc->map().rounds()[0])), expected);
}

TEST_F(RoundsGui, TheSameBallotsImportedFromCsvGiveTheSameTallyAndABadFileChangesNothing)
{
    NominationRound settings;
    settings.name = "Paper";
    ASSERT_TRUE(panel->createRound(settings));
    const SystemMap before = doc->map();
    EXPECT_FALSE(panel->importBallots(data("unknown-item.csv")));
    EXPECT_TRUE(panel->messageLabel()->text().contains(QStringLiteral("line 3")))
        << panel->messageLabel()->text().toStdString();
    EXPECT_EQ(doc->map(), before);

    ASSERT_TRUE(panel->importBallots(data("round1.csv")));
    EXPECT_EQ(doc->undoText(), QStringLiteral("Import ballots into 'Paper'"));
    EXPECT_EQ(withoutCr(revealedTallyCsv(doc->map(), round("Paper"))), readFile(data("round1-tally.csv")));
    EXPECT_EQ(visibleBadges(), 0); // secret until revealed

    // Export: the ballots read back into another round give the same tally. A secret round's
    // ballots leave the editor only once it is revealed.
    QTemporaryDir dir;
    const QString ballots = dir.filePath(QStringLiteral("ballots.csv"));
    const QString tally = dir.filePath(QStringLiteral("tally.csv"));
    EXPECT_FALSE(panel->exportBallots(ballots));
    EXPECT_FALSE(QFile::exists(ballots));
    ASSERT_TRUE(panel->reveal(true));
    ASSERT_TRUE(panel->exportBallots(ballots));
    ASSERT_TRUE(panel->exportTally(tally));
    EXPECT_EQ(withoutCr(readFile(tally)), readFile(data("round1-tally.csv")));
    NominationRound again;
    again.name = "Again";
    ASSERT_TRUE(panel->createRound(again));
    ASSERT_TRUE(panel->importBallots(ballots));
    EXPECT_EQ(withoutCr(revealedTallyCsv(doc->map(), round("Again"))), readFile(data("round1-tally.csv")));
}

TEST_F(RoundsGui, DeletingANominatedFactorWithTheKeyboardAsksAndUndoRestoresBoth)
{
    NominationRound settings;
    settings.name = "Paper";
    ASSERT_TRUE(panel->createRound(settings));
    ASSERT_TRUE(panel->importBallots(data("round1.csv")));
    const SystemMap before = doc->map();
    QStringList asked;
    panel->setAsk([&](const QString&, const QString& text) {
        asked << text;
        return true;
    });
    const FactorId workload = *doc->map().findFactorByLabel("Peer workload");
    window->scene()->selectOnly({workload});
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    ASSERT_EQ(asked.size(), 1);
    EXPECT_TRUE(asked[0].startsWith(QStringLiteral("11 nominations in round(s) 'Paper'")))
        << asked[0].toStdString();
    EXPECT_FALSE(doc->map().contains(workload));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(doc->map(), before);
}

int main(int argc, char** argv)
{
    return causeway::test::runWindowTests(argc, argv, "rounds_gui");
}
