// What the room reads on a 1024x768 projector: the results (names whole, no sideways scrolling,
// full screen in large type), nothing of anyone's choices while a round is voted on, and a
// Name Loop dialog whose buttons are on the screen.
#include "roundstestutil.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/votebadgeitem.h"
#include "app/document/document.h"
#include "app/loops/nameloopdialog.h"
#include "app/rounds/resultsview.h"
#include "app/rounds/roundedits.h"
#include "app/rounds/roundspanel.h"
#include "app/rounds/votingpanel.h"
#include "app/rounds/votingsession.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace causeway;
using namespace causeway::test;

namespace {

QRect screenArea()
{
    return QGuiApplication::primaryScreen()->availableGeometry();
}

struct RoomResults : ::testing::Test {
    Document doc;

    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
        NominationRound r;
        r.name = "Round 1";
        ASSERT_TRUE(roundedits::addRound(&doc, r));
        ASSERT_EQ(roundedits::importBallots(&doc, QStringLiteral("Round 1"),
                                            readFile(data("round1.csv"))),
                  12u);
        ASSERT_TRUE(roundedits::setRevealed(&doc, QStringLiteral("Round 1"), true));
    }

    // Every name is drawn whole: its rectangle holds it as Qt wraps it (no word cut, no "…"),
    // and no row runs into the next.
    static void expectNamesWhole(const VoteBarChart& chart, int width)
    {
        const auto rows = chart.layoutRows(width);
        ASSERT_EQ(rows.size(), chart.rows().size());
        const QFontMetricsF metrics(chart.labelFont());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const QString& name = chart.rows()[i].name;
            const QRectF wrapped = metrics.boundingRect(QRectF(0, 0, rows[i].label.width(), 1e6),
                                                        Qt::TextWordWrap, name);
            EXPECT_LE(wrapped.width(), rows[i].label.width() + 0.5) << name.toStdString();
            EXPECT_GE(rows[i].label.height() + 1, wrapped.height()) << name.toStdString();
            EXPECT_LE(rows[i].label.right(), width);
            if (i + 1 < rows.size()) {
                EXPECT_LE(rows[i].label.bottom(), rows[i + 1].label.top());
                EXPECT_LE(rows[i].stopBar.bottom(), rows[i + 1].watchBar.top());
            }
        }
        EXPECT_LE(rows.back().stopBar.bottom(), chart.heightForWidth(width));
    }
};

TEST_F(RoomResults, ChartNamesWrapWholeInANarrowPanel)
{
    ResultsView view(&doc);
    view.setRound(QStringLiteral("Round 1"));
    ASSERT_EQ(view.chart()->rows().size(), 10u);
    // The longest name is wider than a 260 px panel: it must wrap, not be cut.
    double longest = 0;
    for (const VoteBarChart::Row& r : view.chart()->rows())
        longest = std::max(longest, QFontMetricsF(view.chart()->labelFont()).horizontalAdvance(r.name));
    EXPECT_GT(longest, 260);
    expectNamesWhole(*view.chart(), 260);
    expectNamesWhole(*view.chart(), 420);
}

TEST_F(RoomResults, TheTableNeedsNoSidewaysScrollingInThePanelOrTheRoom)
{
    ResultsView view(&doc);
    view.setRound(QStringLiteral("Round 1"));
    view.resize(300, 600);
    view.show();
    view.tabs()->setCurrentWidget(view.table());
    QCoreApplication::processEvents();
    auto expectFits = [](QTableWidget* table) {
        int used = 0;
        for (int c = 0; c < table->columnCount(); ++c)
            used += table->isColumnHidden(c) ? 0 : table->columnWidth(c);
        EXPECT_LE(used, table->viewport()->width());

        EXPECT_EQ(table->horizontalScrollBar()->maximum(), 0);
        // Names wrap within their rows.
        const QFontMetrics metrics(table->font());
        for (int r = 0; r < table->rowCount(); ++r) {
            const QRect wrapped = metrics.boundingRect(QRect(0, 0, table->columnWidth(0) - 8, 10000),
                                                       Qt::TextWordWrap, table->item(r, 0)->text());
            EXPECT_GE(table->rowHeight(r), wrapped.height())
                << r << " " << table->columnWidth(0) << " " << table->item(r, 0)->text().toStdString();
        }
    };
    expectFits(view.table());
    EXPECT_FALSE(view.table()->isColumnHidden(2)); // watch and stop always show
    EXPECT_FALSE(view.table()->isColumnHidden(3));

    ResultsView* room = view.showToRoom();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(room));
    room->tabs()->setCurrentWidget(room->table());
    QCoreApplication::processEvents();
    expectFits(room->table());
    for (int c = 0; c < room->table()->columnCount(); ++c)
        EXPECT_FALSE(room->table()->isColumnHidden(c)) << c; // the room sees every column
}

TEST_F(RoomResults, TheRoomViewFillsTheScreenAndItsChartFitsInLargeType)
{
    ResultsView view(&doc);
    view.setRound(QStringLiteral("Round 1"));
    ResultsView* room = view.showToRoom();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(room));
    QCoreApplication::processEvents();
    EXPECT_EQ(room->geometry(), QGuiApplication::primaryScreen()->geometry());
    EXPECT_GE(room->chart()->labelFont().pixelSize(), 20);
    const int width = room->chart()->width();
    expectNamesWhole(*room->chart(), width);
    // All ten rows on the 768-pixel screen at once: no scrolling in front of the room.
    auto* scroll = qobject_cast<QScrollArea*>(room->tabs()->currentWidget());
    ASSERT_NE(scroll, nullptr);
    EXPECT_LE(room->chart()->heightForWidth(width), scroll->viewport()->height());
    const QPointer<ResultsView> guard(room); // it deletes itself when closed
    QTest::keyClick(room, Qt::Key_Escape);
    QCoreApplication::processEvents();
    EXPECT_TRUE(!guard || !guard->isVisible());
}

TEST_F(RoomResults, WhileARoundIsVotedOnNobodysChoicesShow)
{
    CanvasScene scene(&doc);
    RoundsPanel panel(&scene);
    panel.setAsk([](const QString&, const QString&) { return true; });
    ResultsView results(&doc);
    results.setRound(QStringLiteral("Round 1"));
    auto badges = [&] {
        int n = 0;
        for (QGraphicsItem* item : scene.items())
            n += item->type() == VoteBadgeItem::Type;
        return n;
    };
    ASSERT_EQ(panel.currentRound(), QStringLiteral("Round 1"));
    ASSERT_GT(badges(), 0); // revealed: the counts are on the map
    ASSERT_TRUE(panel.startVoting());
    EXPECT_EQ(badges(), 0); // between voters: nobody's choices
    // The turn screen: who is voting is asked for, by name.
    EXPECT_TRUE(panel.votingPanel()->isPickingParticipant());
    panel.endVoting();
    EXPECT_GT(badges(), 0);

    // The results panel shows no tally while voting is under way.
    ASSERT_EQ(results.table()->rowCount(), 10);
    results.setVotingUnderway(true);
    EXPECT_EQ(results.table()->rowCount(), 0);
    EXPECT_TRUE(results.chart()->rows().empty());
    results.setVotingUnderway(false);
    EXPECT_EQ(results.table()->rowCount(), 10);
}

TEST(NameLoopDialogFit, ALongLoopsDialogFitsTheScreenWithItsButtons)
{
    QStringList names;
    for (int i = 0; i < 12; ++i)
        names << QStringLiteral("Reach into networks of people who use drugs %1").arg(i);
    names << names.front();
    const QString loop = names.join(QStringLiteral(" \u2192 "));
    // What it replaced: a one-line label as wide as the loop, far past the screen.
    QInputDialog old;
    old.setLabelText(QStringLiteral("A name for the loop\n%1\n(shown on the canvas):").arg(loop));
    EXPECT_GT(old.sizeHint().width(), screenArea().width());

    NameLoopDialog dialog(loop, QStringLiteral("R1 "));
    EXPECT_LE(dialog.sizeHint().width(), screenArea().width());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    EXPECT_TRUE(screenArea().contains(dialog.frameGeometry()));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    for (QAbstractButton* b : buttons->buttons()) {
        const QRect onScreen(b->mapToGlobal(QPoint(0, 0)), b->size());
        EXPECT_TRUE(screenArea().contains(onScreen)) << b->text().toStdString();
    }
    if (const QString shots = QString::fromLocal8Bit(qgetenv("CAUSEWAY_SCREENSHOT_DIR")); !shots.isEmpty()) {
        EXPECT_TRUE(dialog.grab().save(shots + QStringLiteral("/name-loop.png")));
    }
    dialog.nameEdit()->setText(QStringLiteral("Trust loop"));
    EXPECT_EQ(dialog.name(), QStringLiteral("Trust loop"));
}

} // namespace
