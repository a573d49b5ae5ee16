#include "app/analysis/analysispanel.h"

#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/document/document.h"
#include "app/analysis/metricsmodel.h"
#include "app/document/qtstrings.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <chrono>
#include <future>
#include <set>

namespace causeway {


AnalysisPanel::AnalysisPanel(CanvasView* view, CanvasEmphasis* emphasis, QWidget* parent)
    : QWidget(parent), m_document(view->canvas()->document()), m_scene(view->canvas()),
      m_view(view), m_emphasis(emphasis)
{
    m_metrics = new MetricsModel(m_document, this);
    m_watcher = new QFutureWatcher<MapMetrics>(this);
    m_restart = new QTimer(this);
    m_restart->setSingleShot(true);
    m_restart->setInterval(400);
    m_selectionFigures = new QLabel;
    m_selectionFigures->setObjectName(QStringLiteral("selectionFigures"));
    m_selectionFigures->setWordWrap(true);

    auto* column = new QVBoxLayout(this);
    auto* tabs = new QTabWidget;
    tabs->addTab(buildFiguresTab(), tr("Figures"));
    tabs->addTab(buildTraceTab(), tr("Trace"));
    tabs->addTab(buildHintsTab(), tr("Indicator Hints"));
    column->addWidget(tabs);

    connect(m_restart, &QTimer::timeout, this, &AnalysisPanel::recompute);
    connect(m_watcher, &QFutureWatcher<MapMetrics>::finished, this, &AnalysisPanel::onMetrics);
    auto changed = [this] {
        if (m_cancel)
            *m_cancel = true; // the running count reads an outdated copy
        m_restart->start();
    };
    for (auto signal : {&Document::linkAdded, &Document::linkRemoved, &Document::linkChanged})
        connect(m_document, signal, this, changed);
    for (auto signal : {&Document::factorAdded, &Document::factorRemoved})
        connect(m_document, signal, this, changed);
    connect(m_document, &Document::reset, this, changed);
    connect(m_document, &Document::stepNotified, m_metrics, &MetricsModel::refreshText); // names
    connect(m_scene, &QGraphicsScene::selectionChanged, this,
            &AnalysisPanel::updateSelectionFigures);
    recompute();
}

AnalysisPanel::~AnalysisPanel()
{
    if (m_cancel)
        *m_cancel = true;
    m_watcher->waitForFinished();
}

QWidget* AnalysisPanel::buildFiguresTab()
{
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    m_figuresStatus = new QLabel;
    m_figuresStatus->setWordWrap(true);
    m_figuresSearch = new QLineEdit;
    m_figuresSearch->setPlaceholderText(tr("Filter by name"));
    m_figuresSearch->setClearButtonEnabled(true);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_metrics);
    m_sorted->setSortRole(MetricsModel::SortRole);
    m_sorted->setFilterKeyColumn(MetricsModel::ItemColumn);
    m_sorted->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("metricsTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MetricsModel::LoopsColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MetricsModel::ItemColumn,
                                                      QHeaderView::Stretch);
    column->addWidget(m_figuresStatus);
    column->addWidget(m_figuresSearch);
    column->addWidget(m_table, 1);
    connect(m_figuresSearch, &QLineEdit::textChanged, m_sorted,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                if (!index.isValid())
                    return;
                const ItemRef item = m_metrics->itemAt(m_sorted->mapToSource(index).row());
                if (item.isLink())
                    m_scene->selectOnly({}, {item.link});
                else
                    m_scene->selectOnly({item.factor});
            });
    return page;
}

QWidget* AnalysisPanel::buildTraceTab()
{
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    auto* explain = new QLabel(tr("Select factors (or a link) on the canvas, then trace what "
                                  "drives them or what they drive. Select two factors to see "
                                  "every causal path from the first to the second."));
    explain->setWordWrap(true);
    m_depth = new QSpinBox;
    m_depth->setRange(0, 50);
    m_depth->setValue(2);
    m_depth->setSpecialValueText(tr("any number of"));
    m_depth->setSuffix(tr(" step(s)"));
    auto* upstream = new QPushButton(tr("\u2190 Causes"));
    upstream->setToolTip(tr("Upstream: what drives the selection (Ctrl+Shift+U)"));
    auto* downstream = new QPushButton(tr("Effects \u2192"));
    downstream->setToolTip(tr("Downstream: what the selection drives (Ctrl+Shift+D)"));
    // Short enough for a narrow side panel; the tooltip says it whole.
    auto* paths = new QPushButton(tr("Paths from First to Second"));
    paths->setToolTip(tr("Every causal path between the two selected factors, from the first "
                         "selected to the second"));
    auto* clear = new QPushButton(tr("Clear highlight"));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Within")));
    row->addWidget(m_depth, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(upstream);
    buttons->addWidget(downstream);
    m_traceSummary = new QLabel;
    m_traceSummary->setWordWrap(true);
    m_traceList = new QListWidget;
    m_traceList->setObjectName(QStringLiteral("traceList"));
    m_traceList->setWordWrap(true);
    column->addWidget(explain);
    column->addLayout(row);
    column->addLayout(buttons);
    column->addWidget(paths);
    column->addWidget(m_traceSummary);
    column->addWidget(m_traceList, 1);
    column->addWidget(clear);
    connect(upstream, &QPushButton::clicked, this,
            [this] { traceSelection(TraceDirection::Upstream); });
    connect(downstream, &QPushButton::clicked, this,
            [this] { traceSelection(TraceDirection::Downstream); });
    connect(paths, &QPushButton::clicked, this, &AnalysisPanel::pathsBetweenSelection);
    connect(clear, &QPushButton::clicked, m_emphasis, &CanvasEmphasis::clear);
    connect(m_traceList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && std::size_t(row) < m_paths.size())
            emphasise(m_paths[std::size_t(row)].factors, m_paths[std::size_t(row)].links);
    });
    return page;
}

QWidget* AnalysisPanel::buildHintsTab()
{
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    auto* explain = new QLabel(
        tr("Factors and links on many loops or on many shortest paths are good candidates to "
           "watch: a change there travels around the system and comes back. These are "
           "suggestions for the nomination round, ranked by the figures; the group decides."));
    explain->setWordWrap(true);
    m_hints = new QListWidget;
    m_hints->setObjectName(QStringLiteral("hintsList"));
    m_hints->setWordWrap(true);
    column->addWidget(explain);
    column->addWidget(m_hints, 1);
    connect(m_hints, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || std::size_t(row) >= m_hintItems.size())
            return;
        const ItemRef item = m_hintItems[std::size_t(row)].item;
        if (item.isLink()) {
            const Link* l = m_document->map().findLink(item.link);
            if (l)
                emphasise({l->from, l->to}, {l->id});
        } else {
            emphasise({item.factor}, {});
        }
    });
    return page;
}

bool AnalysisPanel::isComputing() const
{
    return m_watcher->isRunning() || m_restart->isActive();
}

void AnalysisPanel::waitForMetrics()
{
    if (m_restart->isActive())
        recompute();
    m_watcher->waitForFinished();
    onMetrics();
}

void AnalysisPanel::recompute()
{
    m_restart->stop();
    if (m_watcher->isRunning()) { // let the cancelled one end, then start again
        *m_cancel = true;
        m_restart->start(50);
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_figuresStatus->setText(tr("Computing..."));
    m_watcher->setFuture(QtConcurrent::run([map = m_document->map(), cancel = m_cancel] {
        MetricsOptions options;
        options.maxLoopLength = kMaxLoopLength;
        options.cancel = cancel.get();
        return computeMetrics(map, options);
    }));
}

void AnalysisPanel::onMetrics()
{
    if (!m_watcher->future().isValid() || !m_watcher->future().isResultReadyAt(0))
        return;
    MapMetrics metrics = m_watcher->future().result();
    if (metrics.cancelled || (m_cancel && *m_cancel))
        return; // a newer computation follows
    m_metrics->setMetrics(metrics, kMaxLoopLength);
    m_figuresStatus->setText(
        tr("Loops are counted up to %1 links long (dense maps have far more longer loops). "
           "Click a column to sort.")
            .arg(kMaxLoopLength));
    m_hintItems = indicatorHints(metrics, 10);
    m_hints->clear();
    int rank = 1;
    for (const IndicatorHint& hint : m_hintItems)
        m_hints->addItem(QStringLiteral("%1. %2 \u2014 %3")
                             .arg(rank++)
                             .arg(m_metrics->itemName(hint.item), q(hint.reason)));
    updateSelectionFigures();
}

void AnalysisPanel::updateSelectionFigures()
{
    const auto factors = m_scene->selectedFactors();
    const auto links = m_scene->selectedLinks();
    QString text;
    if (factors.size() == 1 && links.empty()) {
        if (const FactorMetrics* m = m_metrics->factor(factors.front()))
            text = tr("On %1 loop(s) of up to %2 links. %3 link(s) in, %4 out. "
                      "Betweenness %5.")
                       .arg(m->loops)
                       .arg(kMaxLoopLength)
                       .arg(m->inDegree)
                       .arg(m->outDegree)
                       .arg(m->betweenness, 0, 'f', 3);
    } else if (links.size() == 1 && factors.empty()) {
        if (const LinkMetrics* m = m_metrics->link(links.front()))
            text = tr("On %1 loop(s) of up to %2 links. Betweenness %3.")
                       .arg(m->loops)
                       .arg(kMaxLoopLength)
                       .arg(m->betweenness, 0, 'f', 3);
    }
    m_selectionFigures->setText(text);
    m_selectionFigures->setVisible(!text.isEmpty());
}

void AnalysisPanel::emphasise(const std::vector<FactorId>& factors,
                              const std::vector<LinkId>& links)
{
    std::set<FactorId> f(factors.begin(), factors.end());
    std::set<LinkId> l(links.begin(), links.end());
    m_emphasis->setEmphasis(f, l);
    bringIntoView(m_view, f, l);
}

void AnalysisPanel::traceSelection(TraceDirection direction)
{
    const SystemMap& map = m_document->map();
    std::vector<FactorId> start = m_scene->selectedFactors();
    for (LinkId id : m_scene->selectedLinks())
        if (const Link* l = map.findLink(id))
            start.push_back(direction == TraceDirection::Upstream ? l->from : l->to);
    m_paths.clear();
    m_traceList->clear();
    if (start.empty()) {
        m_traceSummary->setText(tr("Select a factor or a link on the canvas first."));
        return;
    }
    const std::size_t depth = std::size_t(m_depth->value());
    const Trace trace = traceFrom(map, start, direction, depth);
    std::map<std::size_t, QStringList> byDistance;
    std::vector<FactorId> factors;
    for (const auto& [id, distance] : trace.distance) {
        factors.push_back(id);
        if (distance > 0)
            byDistance[distance] << q(map.factor(id).label);
    }
    const bool up = direction == TraceDirection::Upstream;
    m_traceSummary->setText(
        (up ? tr("%n upstream cause(s)", nullptr, int(factors.size() - start.size()))
            : tr("%n downstream effect(s)", nullptr, int(factors.size() - start.size())))
        + (depth ? tr(" within %n step(s).", nullptr, int(depth)) : tr(".")));
    for (const auto& [distance, names] : byDistance)
        m_traceList->addItem(tr("%n step(s): ", nullptr, int(distance)) + names.join(QStringLiteral(", ")));
    std::vector<LinkId> traceLinks = trace.links;
    for (LinkId id : m_scene->selectedLinks())
        traceLinks.push_back(id);
    emphasise(factors, traceLinks);
}

void AnalysisPanel::pathsBetweenSelection()
{
    const auto selected = m_scene->selectedFactors();
    m_paths.clear();
    m_traceList->clear();
    if (selected.size() != 2) {
        m_traceSummary->setText(tr("Select exactly two factors (Ctrl+click) first."));
        return;
    }
    const SystemMap& map = m_document->map();
    // Both directions: the facilitator asks "how does A affect B" without caring which was
    // clicked first.
    PathQuery query;
    query.limit = kPathLimit;
    query.maxLength = std::size_t(m_depth->value());
    // Usually milliseconds, but a map with few paths and many dead ends can take long: search
    // on a worker and stop it after a moment rather than freeze the window in front of a room.
    std::atomic<bool> stop{false};
    query.cancel = &stop;
    auto search = std::async(std::launch::async, [&map, &selected, query] {
        return std::pair(findPaths(map, selected[0], selected[1], query),
                         findPaths(map, selected[1], selected[0], query));
    });
    if (search.wait_for(std::chrono::milliseconds(kPathSearchMs)) != std::future_status::ready)
        stop = true;
    auto [ab, ba] = search.get();
    const bool stopped = ab.cancelled || ba.cancelled;
    const bool truncated = ab.truncated || ba.truncated || stopped;
    m_paths = std::move(ab.paths);
    m_paths.insert(m_paths.end(), ba.paths.begin(), ba.paths.end());
    std::vector<FactorId> factors(selected.begin(), selected.end());
    std::vector<LinkId> links;
    for (const Path& path : m_paths) {
        QStringList names;
        for (FactorId id : path.factors)
            names << q(map.factor(id).label);
        m_traceList->addItem(names.join(QStringLiteral(" \u2192 ")));
        factors.insert(factors.end(), path.factors.begin(), path.factors.end());
        links.insert(links.end(), path.links.begin(), path.links.end());
    }
    const QString within =
        query.maxLength ? tr(" of up to %n link(s)", nullptr, int(query.maxLength)) : QString();
    m_traceSummary->setText(
        m_paths.empty()
            ? tr("No causal path%1 between %2 and %3.")
                  .arg(within, q(map.factor(selected[0]).label), q(map.factor(selected[1]).label))
            : tr("%n path(s)", nullptr, int(m_paths.size())) + within
                  + (stopped ? tr(" found in %1 s; the search stopped there").arg(kPathSearchMs / 1000.0)
                     : truncated ? tr(" (the shortest %1; there are more)").arg(kPathLimit)
                                 : QString())
                  + tr(". Click one to show it alone."));
    emphasise(factors, links);
}

} // namespace causeway
