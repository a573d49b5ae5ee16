// The loop search in the background on a dense map: the window keeps responding, the shortest
// loops come first, cancel stops it. Figures are printed, never asserted against a clock.

#include "app/loops/loopjob.h"
#include "bench/benchmaps.h"
#include "app/loops/looplistmodel.h"
#include "loopstestutil.h"
#include "model/countwhole.h"
#include "model/loops.h"

#include <QComboBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace causeway;
using namespace causeway::testing;

TEST(DenseLoops, TheGeneratedMapHasAHugeNumberOfLoops)
{
    const SystemMap map = denseMap();
    EXPECT_EQ(map.factorCount(), 100u);
    EXPECT_EQ(map.linkCount(), 300u);
    LoopQuery query;
    query.maxLength = 14;
    const LoopResult counted = countLoops(map, query);
    // Loops of up to 14 links alone run to tens of thousands; with ~3^L growth the loops up to
    // the component size run to far beyond hundreds of millions.
    std::printf("[ figures  ] loops of up to 14 links on the dense map: %llu\n",
                static_cast<unsigned long long>(counted.counts.total));
    EXPECT_GT(counted.counts.total, 10000u);
}

TEST(DenseLoops, TheWindowStaysResponsiveWhileLoopsAreListedAndCounted)
{
    LoopsUi ui;
    ui.doc.replaceMap(denseMap());
    ui.panel.show();

    // A 10 ms tick records the longest gap the event loop left between ticks.
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longestGap = std::max(longestGap, sinceTick.restart());
        ++ticks;
    });
    QElapsedTimer clock;
    qint64 firstRows = -1;
    QObject::connect(ui.panel.model(), &QAbstractItemModel::modelReset, [&] {
        if (firstRows < 0 && ui.panel.model()->rowCount() > 0)
            firstRows = clock.elapsed();
    });
    sinceTick.start();
    tick.start();
    clock.start();
    ui.panel.restartNow();
    waitUntil([&] { return !ui.panel.job()->isRunning(); }, 10000);
    tick.stop();
    longestGap = std::max(longestGap, sinceTick.elapsed()); // the gap since the last tick too

    ASSERT_GT(ui.panel.model()->rowCount(), 0);
    EXPECT_EQ(ui.panel.model()->rowCount(), int(LoopsPanel::kListLimit));
    // The first rows are the shortest loops of the map.
    LoopQuery shortest;
    shortest.limit = 20;
    const LoopResult expected = findLoops(ui.doc.map(), shortest);
    EXPECT_TRUE(std::equal(expected.loops.begin(), expected.loops.end(),
                           ui.panel.model()->loops().begin()));
    std::printf("[ figures  ] first %zu loops listed after %lld ms; longest UI stall %lld ms over "
                "%lld ms; status: %s\n",
                ui.panel.model()->loops().size(), static_cast<long long>(firstRows),
                static_cast<long long>(longestGap), static_cast<long long>(clock.elapsed()),
                ui.panel.statusText().toStdString().c_str());
    EXPECT_TRUE(ui.panel.statusText().contains(QStringLiteral("at least"))
                || ui.panel.countComplete());
    // The search runs off the UI thread: the window answered all along. Relative to the search,
    // not to a clock (under a sanitizer everything runs ten times slower): a frozen window stalls
    // for the whole search, a responsive one for a small part of it. The figure above is the
    // precise one.
    const qint64 searched = clock.elapsed();
    EXPECT_GT(ticks, 10);
    EXPECT_LT(longestGap * 4, searched) << longestGap << " ms of " << searched << " ms";
    ui.panel.job()->cancel();
    ui.panel.job()->waitForFinished();
}

TEST(DenseLoops, CancelStopsTheSearch)
{
    LoopsUi ui;
    ui.doc.replaceMap(denseMap());
    ui.panel.show();
    QSignalSpy counted(ui.panel.job(), &LoopJob::counted);
    ui.panel.restartNow();
    ASSERT_TRUE(waitUntil([&] { return counted.count() >= 3; }));
    QElapsedTimer clock;
    clock.start();
    ui.panel.job()->cancel();
    EXPECT_FALSE(ui.panel.job()->isRunning());
    ui.panel.job()->waitForFinished(); // returns: the worker saw the flag
    std::printf("[ figures  ] the worker ended %lld ms after cancel\n",
                static_cast<long long>(clock.elapsed()));
    const int before = counted.count();
    QCoreApplication::processEvents();
    EXPECT_EQ(counted.count(), before); // nothing more is delivered
    EXPECT_TRUE(ui.panel.statusText().contains(QStringLiteral("stopped")))
        << ui.panel.statusText().toStdString();
}

TEST(DenseLoops, AnEditDuringTheSearchDropsTheOutdatedResults)
{
    LoopsUi ui;
    ui.doc.replaceMap(denseMap());
    ui.panel.show();
    ui.panel.restartNow();
    const std::uint64_t first = ui.panel.job()->generation();
    // Edit at once: the running search reads the old map.
    const LinkId link = ui.doc.map().linkIds().front();
    ASSERT_TRUE(ui.doc.remove({}, {link}));
    ASSERT_TRUE(waitUntil([&] {
        return ui.panel.job()->generation() > first && ui.panel.model()->rowCount() > 0;
    }));
    for (const Loop& loop : ui.panel.model()->loops())
        ASSERT_EQ(std::count(loop.links.begin(), loop.links.end(), link), 0);
    ui.panel.job()->cancel();
    ui.panel.job()->waitForFinished();
}

TEST(DenseLoops, ChoosingATypeListsTheShortestLoopsOfThatTypeInTheWholeMap)
{
    LoopsUi ui;
    ui.doc.replaceMap(denseMap());
    ui.panel.show();
    ui.panel.restartNow();
    ASSERT_TRUE(waitUntil([&] { return ui.panel.model()->rowCount() > 0; }));
    auto* type = ui.panel.findChild<QComboBox*>(QStringLiteral("loopType"));
    ASSERT_NE(type, nullptr);
    type->setCurrentIndex(2); // B: balancing
    ASSERT_TRUE(waitUntil([&] {
        const auto& loops = ui.panel.model()->loops();
        return !loops.empty() && std::all_of(loops.begin(), loops.end(), [](const Loop& l) {
            return l.polarity == LoopPolarity::Balancing;
        });
    }));
    ui.panel.job()->cancel();
    LoopQuery query;
    query.polarity = LoopPolarity::Balancing;
    query.limit = ui.panel.model()->loops().size();
    EXPECT_EQ(ui.panel.model()->loops(), findLoops(ui.doc.map(), query).loops);
    // Back to every type: a full list again, not just the balancing ones.
    type->setCurrentIndex(0);
    ASSERT_TRUE(waitUntil([&] {
        const auto& loops = ui.panel.model()->loops();
        return std::any_of(loops.begin(), loops.end(), [](const Loop& l) {
            return l.polarity == LoopPolarity::Reinforcing;
        });
    }));
}

// A job is destroyed with its panel, after the panel's own part is gone: a signal then would call
// into a half-destroyed object, so a destroyed job must stop its search without a word.
TEST(DenseLoops, DestroyingARunningJobSignalsNothing)
{
    auto* job = new LoopJob;
    int finishedSignals = 0;
    QObject::connect(job, &LoopJob::finished, [&] { ++finishedSignals; });
    job->start(denseMap(), LoopJobRequest{});
    delete job;
    EXPECT_EQ(finishedSignals, 0);
}

// A sparse 70-factor map the frontier sweep counts whole: one count, not one per length (each
// would repeat the whole sweep).
TEST(DenseLoops, AMapTheSweepCountsIsCountedInOnePass)
{
    LoopsUi ui;
    ui.doc.replaceMap(denseMap(7, 70, 2)); // 238,078 loops
    ASSERT_TRUE(countLoopsWithoutSearch(ui.doc.map(), {}).has_value());
    QSignalSpy counted(ui.panel.job(), &LoopJob::counted);
    ASSERT_TRUE(ui.listAll());
    ASSERT_TRUE(ui.panel.countComplete());
    EXPECT_EQ(ui.panel.counts(), countLoops(ui.doc.map(), {}).counts);
    EXPECT_GT(ui.panel.counts().total, std::uint64_t(LoopsPanel::kListLimit)); // more than it lists
    EXPECT_EQ(counted.count(), 1);
}

// While the sweep counts (it meets no loop one by one, so no "at least" figure grows), the bar
// says how much of the count is done, and the share only rises.
TEST(DenseLoops, TheBarShowsHowMuchOfAOnePassCountIsDone)
{
    LoopsUi ui;
    ui.doc.replaceMap(bench::randomMap(100, 225, 8)); // 30,598,126 loops, counted by the sweep
    auto* bar = ui.panel.findChild<QProgressBar*>();
    ASSERT_NE(bar, nullptr);
    std::vector<double> shares;
    QStringList shown;
    QObject::connect(ui.panel.job(), &LoopJob::swept, &ui.panel, [&](double share) {
        shares.push_back(share);
        if (bar->maximum() > 0 && bar->value() > 0 && bar->value() < bar->maximum())
            shown << bar->text();
    });
    QSignalSpy counted(ui.panel.job(), &LoopJob::counted);
    ASSERT_TRUE(ui.listAll(120000));
    ASSERT_TRUE(ui.panel.countComplete());
    EXPECT_EQ(counted.count(), 1);
    ASSERT_FALSE(shares.empty()) << "no share reported during a count of " << ui.panel.counts().total << " loops";
    EXPECT_TRUE(std::is_sorted(shares.begin(), shares.end()));
    EXPECT_TRUE(std::all_of(shares.begin(), shares.end(), [](double s) { return s > 0 && s <= 1; }));
    ASSERT_FALSE(shown.isEmpty()) << "the bar never showed a part done; loops: " << ui.panel.counts().total;
    EXPECT_TRUE(shown.front().startsWith(QStringLiteral("counting every loop: "))) << shown.front().toStdString();
}
