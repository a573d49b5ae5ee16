// The analysis panel: figures per item as a sortable table, trace and paths highlighted,
// indicator hints with reasons.

#include "app/analysis/analysispanel.h"
#include "app/analysis/metricsmodel.h"
#include "documenttestutil.h"
#include "loopstestutil.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

using namespace causeway;
using namespace causeway::testing;

namespace {

struct AnalysisUi : ::testing::Test {
    Document doc;
    CanvasScene scene{&doc};
    CanvasView view{&scene};
    CanvasEmphasis emphasis{&scene};
    std::unique_ptr<AnalysisPanel> panel;
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error));
        panel = std::make_unique<AnalysisPanel>(&view, &emphasis);
        panel->waitForMetrics();
    }
    FactorId factor(const char* label) { return *doc.map().findFactorByLabel(label); }
};

} // namespace

TEST_F(AnalysisUi, TheTableHasARowPerFactorAndLinkWithTheModelsFigures)
{
    const MetricsModel* model = panel->metricsModel();
    ASSERT_EQ(model->rowCount(), int(doc.map().factorCount() + doc.map().linkCount()));
    MetricsOptions options;
    options.maxLoopLength = AnalysisPanel::kMaxLoopLength;
    const MapMetrics expected = computeMetrics(doc.map(), options);
    const FactorMetrics& f = expected.factors.front();
    EXPECT_EQ(model->factor(f.id)->loops, f.loops);
    EXPECT_EQ(model->factor(f.id)->inDegree, f.inDegree);
    EXPECT_DOUBLE_EQ(model->factor(f.id)->betweenness, f.betweenness);
}

TEST_F(AnalysisUi, SortingByLoopsPutsTheBusiestItemFirst)
{
    QSortFilterProxyModel* sorted = panel->sortedMetrics();
    sorted->sort(MetricsModel::LoopsColumn, Qt::DescendingOrder);
    std::uint64_t most = 0;
    for (const auto& f : panel->metricsModel()->metrics().factors)
        most = std::max(most, f.loops);
    for (const auto& l : panel->metricsModel()->metrics().links)
        most = std::max(most, l.loops);
    EXPECT_EQ(sorted->index(0, MetricsModel::LoopsColumn).data().toULongLong(), most);
    for (int r = 1; r < sorted->rowCount(); ++r)
        EXPECT_GE(sorted->index(r - 1, MetricsModel::LoopsColumn).data(MetricsModel::SortRole).toULongLong(),
                  sorted->index(r, MetricsModel::LoopsColumn).data(MetricsModel::SortRole).toULongLong());
}

TEST_F(AnalysisUi, SelectingAFactorShowsItsFigures)
{
    const FactorId id = doc.map().factorIds().front();
    scene.selectOnly({id});
    const QString text = panel->selectionFigures()->text();
    const FactorMetrics* m = panel->metricsModel()->factor(id);
    EXPECT_TRUE(text.contains(QStringLiteral("On %1 loop").arg(m->loops))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("up to 8 links")));
}

TEST_F(AnalysisUi, TracingUpstreamHighlightsTheCauses)
{
    const FactorId id = doc.map().factorIds().front();
    scene.selectOnly({id});
    panel->traceSelection(TraceDirection::Upstream);
    const Trace trace = traceFrom(doc.map(), {id}, TraceDirection::Upstream, 2);
    ASSERT_TRUE(emphasis.isActive());
    std::set<FactorId> expected;
    for (const auto& [f, distance] : trace.distance)
        expected.insert(f);
    EXPECT_EQ(emphasis.factors(), expected);
    EXPECT_EQ(emphasis.links(), std::set<LinkId>(trace.links.begin(), trace.links.end()));
}

TEST_F(AnalysisUi, PathsBetweenTwoFactorsAreListedAndHighlighted)
{
    const Loop loop = findLoops(doc.map(), {}).loops.back(); // a long loop: A reaches B
    scene.selectOnly({loop.factors[0], loop.factors[2]});
    panel->pathsBetweenSelection();
    ASSERT_GT(panel->traceList()->count(), 0);
    // The loop's own two links from A to B are a path: its middle factor is highlighted.
    EXPECT_TRUE(emphasis.factors().count(loop.factors[1]));
    PathQuery query;
    query.limit = AnalysisPanel::kPathLimit;
    query.maxLength = 2;
    const auto forward = findPaths(doc.map(), loop.factors[0], loop.factors[2], query);
    const auto backward = findPaths(doc.map(), loop.factors[2], loop.factors[0], query);
    EXPECT_EQ(std::size_t(panel->traceList()->count()), forward.paths.size() + backward.paths.size());
    // Exactly the two factors and every factor and link on the paths found, nothing else.
    std::set<FactorId> factors{loop.factors[0], loop.factors[2]};
    std::set<LinkId> links;
    for (const auto* found : {&forward, &backward})
        for (const Path& path : found->paths) {
            factors.insert(path.factors.begin(), path.factors.end());
            links.insert(path.links.begin(), path.links.end());
        }
    EXPECT_EQ(emphasis.factors(), factors);
    EXPECT_EQ(emphasis.links(), links);
}

TEST_F(AnalysisUi, HintsComeWithTheirReasons)
{
    const auto hints = indicatorHints(panel->metricsModel()->metrics(), 10);
    ASSERT_EQ(panel->hintsList()->count(), int(hints.size()));
    ASSERT_FALSE(hints.empty());
    EXPECT_TRUE(panel->hintsList()->item(0)->text().contains(QString::fromStdString(hints[0].reason)));
}

// A layout moves every factor in one step: the table is told once that its names may have
// changed, not once per factor (the view measures every row each time it is told: on a
// 400-factor map applying a layout took ~9 s so).
TEST_F(AnalysisUi, AStepMovingEveryFactorRefreshesTheTableOnce)
{
    QSignalSpy refreshed(panel->metricsModel(), &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(doc.applyChanges("Layout", causeway::test::everyFactorMoved(doc, {10, 0})));
    EXPECT_EQ(refreshed.size(), 1);
    Factor renamed = doc.map().factor(factor("Peer worker skill"));
    renamed.label = "Peer worker skills";
    ASSERT_TRUE(
        doc.applyChanges("Rename", {change::UpdateFactor{doc.map().factor(renamed.id), renamed}}));
    EXPECT_EQ(refreshed.size(), 2);
}
