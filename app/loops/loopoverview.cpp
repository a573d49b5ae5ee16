#include "app/loops/loopoverview.h"

#include "app/document/qtstrings.h"
#include "app/loops/looplistmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace causeway {

LoopOverview::LoopOverview(Document* document, QWidget* parent) : QWidget(parent)
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto* explain = new QLabel(
        tr("<b>Shortest independent loop set</b>: every link that lies on a loop is on at least "
           "one of these, chosen shortest first. It is a <i>basis</i> for reading the map, not a "
           "list of the most important loops."));
    explain->setWordWrap(true);
    m_setSummary = new QLabel;
    m_setSummary->setWordWrap(true); // a long count must not widen the side panel
    m_setModel = new LoopListModel(document, this);
    m_setView = new QTableView;
    m_setView->setObjectName(QStringLiteral("loopSet"));
    m_setView->setModel(m_setModel);
    m_setView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_setView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_setView->verticalHeader()->hide();
    m_setView->horizontalHeader()->setStretchLastSection(true);
    m_setView->setColumnHidden(LoopListModel::NameColumn, true);
    m_setView->setWordWrap(false);

    m_countSummary = new QLabel;
    m_countSummary->setWordWrap(true);
    m_counts = new QTableWidget(0, 5);
    m_counts->setObjectName(QStringLiteral("loopCounts"));
    m_counts->setHorizontalHeaderLabels({tr("Links"), tr("R"), tr("B"), tr("U"), tr("Loops")});
    m_counts->verticalHeader()->hide();
    m_counts->horizontalHeader()->setStretchLastSection(true);
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->setMaximumHeight(200);

    column->addWidget(explain);
    column->addWidget(m_setSummary);
    column->addWidget(m_setView, 2);
    column->addWidget(new QLabel(tr("<b>Loops by length and type</b>")));
    column->addWidget(m_countSummary);
    column->addWidget(m_counts, 1);

    connect(m_setView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                if (index.isValid())
                    emit loopActivated(m_setModel->loop(index.row()));
            });
}

void LoopOverview::clear()
{
    m_setModel->setLoops({});
    m_setSummary->setText(tr("Working..."));
    m_countSummary->clear();
    m_counts->setRowCount(0);
}

void LoopOverview::setLoopSet(const LoopSet& set)
{
    m_setModel->setLoops(set.loops);
    m_setView->resizeColumnToContents(LoopListModel::KindColumn);
    m_setView->resizeColumnToContents(LoopListModel::LengthColumn);
    m_setSummary->setText(tr("%n loop(s) cover the %1 links that lie on loops.", nullptr,
                             int(set.loops.size()))
                              .arg(set.linksOnLoops));
}

void LoopOverview::setCounts(const LoopCounts& counts, std::size_t upToLength, bool complete)
{
    const QString types = tr("%1 reinforcing (R), %2 balancing (B), %3 with an unknown link (U)")
                              .arg(countText(counts.reinforcing), countText(counts.balancing),
                                   countText(counts.unknown));
    m_countSummary->setText(complete ? tr("All %1 loops: %2.").arg(countText(counts.total), types)
                                     : tr("Loops of up to %1 links (still counting): %2.")
                                           .arg(upToLength)
                                           .arg(types));
    std::uint64_t most = 1;
    for (std::uint64_t n : counts.byLength)
        most = std::max(most, n);
    m_counts->setRowCount(0);
    for (std::size_t k = 1; k < counts.byLength.size(); ++k) {
        const std::uint64_t n = counts.byLength[k];
        if (n == 0)
            continue;
        const int row = m_counts->rowCount();
        m_counts->insertRow(row);
        auto* length = new QTableWidgetItem(QString::number(k));
        length->setTextAlignment(Qt::AlignCenter);
        m_counts->setItem(row, 0, length);
        // A text bar on a log scale: counts grow by orders of magnitude with length.
        const int bar = int(std::lround(12.0 * std::log10(double(n) + 1) / std::log10(double(most) + 1)));
        const auto& split = counts.byLengthAndPolarity[k];
        for (int p = 0; p < 3; ++p) {
            auto* cell = new QTableWidgetItem(countText(split[std::size_t(p)]));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_counts->setItem(row, 1 + p, cell);
        }
        m_counts->setItem(row, 4, new QTableWidgetItem(QString(std::max(bar, 1), QChar(0x2588))
                                                       + QLatin1Char(' ') + countText(n)));
    }
    for (int c = 0; c < 4; ++c)
        m_counts->resizeColumnToContents(c);
}

} // namespace causeway
