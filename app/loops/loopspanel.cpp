#include "app/loops/loopspanel.h"

#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/document/document.h"
#include "app/loops/loopjob.h"
#include "app/loops/looplabelslist.h"
#include "app/document/qtstrings.h"
#include "app/loops/looplistmodel.h"
#include "app/loops/loopoverview.h"
#include "app/loops/nameloopdialog.h"
#include "model/looplabels.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace causeway {

namespace {
std::set<FactorId> factorSet(const Loop& loop)
{
    return {loop.factors.begin(), loop.factors.end()};
}
std::set<LinkId> linkSet(const Loop& loop)
{
    return {loop.links.begin(), loop.links.end()};
}
} // namespace

LoopsPanel::LoopsPanel(CanvasView* view, CanvasEmphasis* emphasis, QWidget* parent)
    : QWidget(parent), m_document(view->canvas()->document()), m_scene(view->canvas()),
      m_view(view), m_emphasis(emphasis)
{
    m_job = new LoopJob(this);
    m_restart = new QTimer(this);
    m_restart->setSingleShot(true);
    m_restart->setInterval(kRestartDelayMs);
    connect(m_restart, &QTimer::timeout, this, &LoopsPanel::restartNow);

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4); // narrow beside a projected map
    column->addWidget(buildStatus());
    m_model = new LoopListModel(m_document, this);
    m_filter = new LoopFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_labels = new LoopLabelsList(m_document);
    m_overview = new LoopOverview(m_document);
    m_tabs = new QTabWidget;
    m_tabs->addTab(buildLoopsTab(), tr("Loops"));
    m_tabs->addTab(m_labels, tr("Named"));
    m_tabs->addTab(m_overview, tr("Overview"));
    column->addWidget(m_tabs, 1);

    buildActions();
    connectJobAndDocument();
    updateStatus();
    updateButtons();
}

LoopsPanel::~LoopsPanel() = default;

// The running figure, the progress bar and Cancel.
QWidget* LoopsPanel::buildStatus()
{
    auto* box = new QWidget;
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("loopStatus"));
    m_status->setWordWrap(true);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_progress = new QProgressBar;
    m_progress->setMaximumHeight(16);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop counting; the loops listed so far stay"));
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    column->addWidget(m_status);
    column->addLayout(progressRow);
    return box;
}

// The Analysis menu's loop actions, with their keys.
void LoopsPanel::buildActions()
{
    auto action = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_nextAction = action(tr("&Next Loop"), QKeySequence(Qt::Key_F8), [this] { step(1); });
    m_previousAction =
        action(tr("&Previous Loop"), QKeySequence(Qt::SHIFT | Qt::Key_F8), [this] { step(-1); });
    m_nameAction = action(tr("&Name Loop..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                          &LoopsPanel::nameCurrentLoop);
    m_clearAction = action(tr("&Clear Highlight"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
                           [this] {
                               m_table->clearSelection();
                               m_table->setCurrentIndex({});
                               m_highlighted.reset();
                               m_emphasis->clear();
                           });
}

// Results of the search, and edits that make it stale.
void LoopsPanel::connectJobAndDocument()
{
    connect(m_job, &LoopJob::listed, this, &LoopsPanel::onListed);
    connect(m_job, &LoopJob::overviewReady, m_overview, &LoopOverview::setLoopSet);
    connect(m_job, &LoopJob::counted, this, &LoopsPanel::onCounted);
    connect(m_job, &LoopJob::finished, this, &LoopsPanel::onFinished);
    connect(m_job, &LoopJob::swept, this, [this](double share) {
        m_swept = share;
        updateStatus();
    });
    connect(m_cancel, &QPushButton::clicked, m_job, &LoopJob::cancel);

    // Edits that can change loops: restart shortly after (a burst of edits restarts once).
    for (auto signal : {&Document::linkAdded, &Document::linkRemoved, &Document::linkChanged})
        connect(m_document, signal, this, &LoopsPanel::mapChanged);
    connect(m_document, &Document::factorRemoved, this, &LoopsPanel::mapChanged);
    connect(m_document, &Document::reset, this, &LoopsPanel::mapChanged);
    // Names changed: the rows show them.
    connect(m_document, &Document::stepNotified, m_model, &LoopListModel::refreshText);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_through->isChecked())
            mapChanged();
    });
    connect(m_labels, &LoopLabelsList::labelActivated, this, &LoopsPanel::showLabel);
    connect(m_overview, &LoopOverview::loopActivated, this, &LoopsPanel::highlight);
}

// A named loop chosen in the Named tab: the loop, or what is left of a broken one.
void LoopsPanel::showLabel(std::size_t index)
{
    const SystemMap& map = m_document->map();
    if (index >= map.loopLabels().size())
        return;
    if (const auto loop = loopOfLabel(map, map.loopLabels()[index]))
        return highlight(*loop);
    // A broken loop: show what is left of it.
    std::set<LinkId> links;
    for (LinkId id : map.loopLabels()[index].links)
        if (map.findLink(id))
            links.insert(id);
    const auto factors = labelFactors(map, map.loopLabels()[index]);
    m_emphasis->setEmphasis({factors.begin(), factors.end()}, links);
}

QWidget* LoopsPanel::buildLoopsTab()
{
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(0, 4, 0, 0);
    QLayout* filters = buildFilters();
    buildTable();
    QLayout* buttons = buildStepButtons();
    column->addLayout(filters);
    column->addWidget(m_through);
    column->addWidget(m_search);
    column->addWidget(m_table, 1);
    column->addLayout(buttons);

    connectLoopsTab();
    return page;
}

// Type, length, through the selection, and search.
QLayout* LoopsPanel::buildFilters()
{
    m_polarity = new QComboBox;
    m_polarity->setObjectName(QStringLiteral("loopType"));
    m_polarity->addItem(tr("All types"));
    m_polarity->addItem(tr("R: reinforcing"));
    m_polarity->addItem(tr("B: balancing"));
    m_polarity->addItem(tr("U: unknown link"));
    // Narrow enough for a side panel beside a projected map; the list opens at full width.
    m_polarity->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_polarity->setMinimumContentsLength(6);
    m_maxLength = new QSpinBox;
    m_maxLength->setRange(0, 999);
    m_maxLength->setSpecialValueText(tr("any length"));
    m_maxLength->setPrefix(tr("up to "));
    m_maxLength->setSuffix(tr(" links"));
    m_maxLength->setToolTip(tr("Show only loops of at most this many links"));
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_polarity, 1);
    filters->addWidget(m_maxLength, 1);
    m_through = new QCheckBox(tr("Through the selection"));
    m_through->setToolTip(tr("List only the loops through the selected factor or link"));
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search loops"));
    m_search->setToolTip(tr("Words to find in the loop's factors or its name"));
    m_search->setClearButtonEnabled(true);

    return filters;
}

void LoopsPanel::buildTable()
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("loopList"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(LoopListModel::KindColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LoopListModel::LengthColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->moveSection(LoopListModel::NameColumn, LoopListModel::FactorsColumn);
    m_table->horizontalHeader()->resizeSection(LoopListModel::NameColumn, 110);
    // The name column only once the map has named loops: the loop text needs the room.
    auto showNames = [this] {
        m_table->setColumnHidden(LoopListModel::NameColumn, m_document->map().loopLabels().empty());
    };
    connect(m_document, &Document::mapDataChanged, this, showNames);
    connect(m_document, &Document::reset, this, showNames);
    showNames();
}

QLayout* LoopsPanel::buildStepButtons()
{
    m_previous = new QPushButton(tr("\u25B2 Previous"));
    m_previous->setToolTip(tr("Previous loop (Shift+F8)"));
    m_next = new QPushButton(tr("Next \u25BC"));
    m_next->setToolTip(tr("Next loop (F8)"));
    m_name = new QPushButton(tr("Name..."));
    m_name->setToolTip(tr("Name this loop on the canvas, e.g. \"R1 Trust builds reach\" "
                          "(Ctrl+Shift+M)"));
    // Two rows: the panel stays narrow beside a projected map.
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_previous, 0, 0);
    buttons->addWidget(m_next, 0, 1);
    buttons->addWidget(m_name, 1, 1);
    return buttons;
}

void LoopsPanel::connectLoopsTab()
{
    connect(m_polarity, &QComboBox::currentIndexChanged, this, &LoopsPanel::applyPolarityFilter);
    connect(m_maxLength, &QSpinBox::valueChanged, m_filter, &LoopFilterModel::setMaxLength);
    connect(m_search, &QLineEdit::textChanged, m_filter, &LoopFilterModel::setSearchText);
    connect(m_through, &QCheckBox::toggled, this, &LoopsPanel::mapChanged);
    connect(m_previous, &QPushButton::clicked, this, [this] { step(-1); });
    connect(m_next, &QPushButton::clicked, this, [this] { step(1); });
    connect(m_name, &QPushButton::clicked, this, &LoopsPanel::nameCurrentLoop);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                if (index.isValid())
                    highlight(m_model->loop(m_filter->mapToSource(index).row()));
                updateButtons();
            });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LoopsPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LoopsPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &LoopsPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &LoopsPanel::updateButtons);
}

void LoopsPanel::applyPolarityFilter()
{
    static const std::vector<LoopPolarity> choices[] = {
        {}, {LoopPolarity::Reinforcing}, {LoopPolarity::Balancing}, {LoopPolarity::Unknown}};
    m_filter->setPolarities(choices[std::clamp(m_polarity->currentIndex(), 0, 3)]);
    // A list searched for one kind, or holding only the shortest loops of a big map, cannot be
    // filtered locally: search again for this kind.
    const int kind = m_polarity->currentIndex();
    const std::optional<LoopPolarity> wanted =
        kind > 0 ? std::optional(static_cast<LoopPolarity>(kind - 1)) : std::nullopt;
    if (m_listedFor ? m_listedFor != wanted : (wanted && (m_truncated || m_listing)))
        m_restart->start(0);
}

void LoopsPanel::setThroughSelection(bool on)
{
    m_through->setChecked(on);
}

void LoopsPanel::mapChanged()
{
    // The running search reads an outdated copy: stop it now, start again once edits pause.
    m_job->cancel();
    m_dirty = true;
    if (isVisible())
        m_restart->start();
    updateStatus();
}

void LoopsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        m_restart->start(0);
}

void LoopsPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    // Nobody is looking: no reason to keep a core busy counting.
    if (m_job->isRunning()) {
        m_job->cancel();
        m_dirty = true;
    }
    m_restart->stop();
}

void LoopsPanel::restartNow()
{
    m_restart->stop();
    m_dirty = false;
    LoopJobRequest request;
    request.listLimit = kListLimit;
    if (const int kind = m_polarity->currentIndex(); kind > 0)
        request.polarity = static_cast<LoopPolarity>(kind - 1);
    m_listedFor = request.polarity;
    m_throughText.clear();
    const SystemMap& map = m_document->map();
    if (m_through->isChecked()) {
        const auto factors = m_scene->selectedFactors();
        const auto links = m_scene->selectedLinks();
        if (factors.size() == 1 && links.empty()) {
            request.throughFactor = factors.front();
            m_throughText = QString::fromStdString(map.factor(factors.front()).label);
        } else if (links.size() == 1 && factors.empty()) {
            request.throughLink = links.front();
            m_throughText = QString::fromStdString(describeLink(map, map.link(links.front())));
        }
    }
    m_job->start(map, request); // cancels the previous search first (it reports finished)
    m_listing = true;
    m_cancelled = false;
    m_countComplete = false;
    m_countedUpTo = 0;
    m_longest = 0;
    m_swept = 0;
    m_counts = {};
    m_overview->clear();
    updateStatus();
}

void LoopsPanel::onListed(const LoopResult& result)
{
    m_listing = false;
    m_truncated = result.truncated;
    // Keep the highlighted loop selected when it is still listed.
    const std::optional<Loop> keep = m_highlighted;
    m_model->setLoops(result.loops);
    if (keep) {
        const auto& loops = m_model->loops();
        const auto it = std::find_if(loops.begin(), loops.end(), [&](const Loop& l) {
            return linkSet(l) == linkSet(*keep);
        });
        if (it != loops.end()) {
            const QModelIndex index =
                m_filter->mapFromSource(m_model->index(int(it - loops.begin()), 0));
            if (index.isValid())
                m_table->setCurrentIndex(index);
        } else if (m_document->map().findLink(keep->links.front())) {
            // Still there but filtered out of this listing: keep the canvas as it is.
        } else {
            m_highlighted.reset();
            m_emphasis->clear();
        }
    }
    updateStatus();
    updateButtons();
}

void LoopsPanel::onCounted(const LoopCounts& counts, std::size_t upTo, std::size_t longest,
                           bool complete)
{
    m_counts = counts;
    m_countedUpTo = upTo;
    m_longest = longest;
    m_countComplete = complete;
    m_overview->setCounts(counts, upTo, complete);
    updateStatus();
}

void LoopsPanel::onFinished(bool cancelled)
{
    m_listing = false;
    m_cancelled = cancelled;
    updateStatus();
}

QString LoopsPanel::statusText() const
{
    const QString through = m_throughText.isEmpty()
                                ? QString()
                                : tr(" through \u201C%1\u201D").arg(m_throughText);
    if (m_listing)
        return tr("Finding the shortest loops%1...").arg(through);
    const std::size_t listed = m_model->loops().size();
    auto types = [this] {
        return tr("%1 R, %2 B, %3 U")
            .arg(countText(m_counts.reinforcing), countText(m_counts.balancing), countText(m_counts.unknown));
    };
    if (m_countComplete) {
        if (m_counts.total == 0)
            return tr("No loops%1.").arg(through);
        if (!m_truncated)
            return tr("%1 loops%2 (%3)").arg(countText(m_counts.total), through, types());
        return tr("First %1 of %2 loops%3 (%4)")
            .arg(countText(listed), countText(m_counts.total), through, types());
    }
    const QString stopped = m_cancelled ? tr(" Counting stopped.") : QString();
    if (m_countedUpTo > 0)
        return tr("First %1 of at least %2 loops%3 (all loops up to length %4 counted)")
                   .arg(countText(listed), countText(std::max<std::uint64_t>(m_counts.total, listed)),
                        through)
                   .arg(m_countedUpTo)
               + stopped;
    if (listed > 0)
        return tr("First %1 loops%2 (counting...)").arg(countText(listed), through) + stopped;
    return m_cancelled ? tr("Stopped.") : tr("Loops%1").arg(through);
}

void LoopsPanel::updateStatus()
{
    m_status->setText(statusText());
    const bool running = m_job->isRunning();
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    if (!m_listing && m_countedUpTo == 0 && !m_countComplete && m_swept > 0) {
        // Counting every loop in one pass: how much of it is done, since no figure grows.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(m_swept * 1000));
        m_progress->setFormat(tr("counting every loop: %p%"));
    } else if (m_listing || m_longest == 0) {
        m_progress->setRange(0, 0); // busy
    } else {
        m_progress->setRange(0, int(m_longest));
        m_progress->setValue(int(m_countedUpTo));
        m_progress->setFormat(tr("counted up to length %v of %m"));
    }
}

void LoopsPanel::updateButtons()
{
    const int rows = m_filter->rowCount();
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    m_previous->setEnabled(rows > 0 && row != 0);
    m_next->setEnabled(rows > 0 && row < rows - 1);
    m_name->setEnabled(row >= 0);
    m_nameAction->setEnabled(true); // it explains itself when no loop is chosen
}

void LoopsPanel::step(int delta)
{
    if (!isVisible())
        emit showRequested();
    m_tabs->setCurrentIndex(0);
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1)
                                      : (delta >= 0 ? 0 : rows - 1);
    selectRow(row);
}

void LoopsPanel::selectRow(int filteredRow)
{
    const QModelIndex index = m_filter->index(filteredRow, LoopListModel::FactorsColumn);
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

std::optional<Loop> LoopsPanel::currentLoop() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return m_model->loop(m_filter->mapToSource(index).row());
}

void LoopsPanel::highlight(const Loop& loop)
{
    m_highlighted = loop;
    m_emphasis->setEmphasis(factorSet(loop), linkSet(loop));
    bringIntoView(m_view, factorSet(loop), linkSet(loop));
}

void LoopsPanel::nameCurrentLoop()
{
    const auto loop = currentLoop();
    if (!loop) {
        emit showRequested();
        m_status->setText(tr("Choose a loop in the list first, then name it."));
        return;
    }
    const SystemMap& map = m_document->map();
    const auto existing = findLoopLabel(map, *loop);
    const QString suggestion = existing ? QString::fromStdString(map.loopLabels()[*existing].name)
                                        : QString::fromStdString(
                                              suggestLoopName(map, loop->polarity))
                                              + QLatin1Char(' ');
    if (const auto name = NameLoopDialog::ask(this, m_model->loopText(*loop), suggestion))
        nameLoop(m_document, *loop, name->toStdString());
}

} // namespace causeway
