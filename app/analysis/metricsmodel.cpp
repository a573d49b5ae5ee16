#include "app/analysis/metricsmodel.h"

#include "app/document/document.h"

#include <algorithm>

namespace causeway {

MetricsModel::MetricsModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
}

void MetricsModel::setMetrics(MapMetrics metrics, std::size_t maxLoopLength)
{
    beginResetModel();
    m_metrics = std::move(metrics);
    m_maxLoopLength = maxLoopLength;
    endResetModel();
}

void MetricsModel::refreshText()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, ItemColumn), index(rowCount() - 1, ItemColumn));
}

ItemRef MetricsModel::itemAt(int row) const
{
    const int factors = int(m_metrics.factors.size());
    if (row < factors)
        return ItemRef::of(m_metrics.factors[std::size_t(row)].id);
    return ItemRef::of(m_metrics.links.at(std::size_t(row - factors)).id);
}

const FactorMetrics* MetricsModel::factor(FactorId id) const
{
    const auto it = std::lower_bound(m_metrics.factors.begin(), m_metrics.factors.end(), id,
                                     [](const FactorMetrics& m, FactorId v) { return m.id < v; });
    return it != m_metrics.factors.end() && it->id == id ? &*it : nullptr;
}

const LinkMetrics* MetricsModel::link(LinkId id) const
{
    const auto it = std::lower_bound(m_metrics.links.begin(), m_metrics.links.end(), id,
                                     [](const LinkMetrics& m, LinkId v) { return m.id < v; });
    return it != m_metrics.links.end() && it->id == id ? &*it : nullptr;
}

QString MetricsModel::itemName(const ItemRef& item) const
{
    const SystemMap& map = m_document->map();
    if (item.isLink()) {
        const Link* l = map.findLink(item.link);
        return l ? QString::fromStdString(describeLink(map, *l)) : tr("(removed link)");
    }
    const Factor* f = map.findFactor(item.factor);
    return f ? QString::fromStdString(f->label) : tr("(removed factor)");
}

int MetricsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_metrics.factors.size() + m_metrics.links.size());
}

int MetricsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ItemRef item = itemAt(index.row());
    const FactorMetrics* f = item.isLink() ? nullptr : factor(item.factor);
    const LinkMetrics* l = item.isLink() ? link(item.link) : nullptr;
    if (role == Qt::TextAlignmentRole && index.column() >= LoopsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case ItemColumn: return itemName(item);
    case KindColumn: return item.isLink() ? tr("Link") : tr("Factor");
    case LoopsColumn: return qulonglong(f ? f->loops : l->loops);
    case InColumn:
        if (f)
            return f->inDegree;
        return sort ? QVariant(-1) : QVariant();
    case OutColumn:
        if (f)
            return f->outDegree;
        return sort ? QVariant(-1) : QVariant();
    case BetweennessColumn: {
        const double b = f ? f->betweenness : l->betweenness;
        return sort ? QVariant(b) : QVariant(QString::number(b, 'f', 3));
    }
    }
    return {};
}

QVariant MetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == LoopsColumn)
        return tr("Loops through it of up to %1 links").arg(m_maxLoopLength);
    if (role == Qt::ToolTipRole && section == BetweennessColumn)
        return tr("Share of the shortest paths between other factors that pass through it");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn: return tr("Factor or link");
    case KindColumn: return tr("Kind");
    case LoopsColumn: return tr("Loops \u2264%1").arg(m_maxLoopLength);
    case InColumn: return tr("In");
    case OutColumn: return tr("Out");
    case BetweennessColumn: return tr("Betweenness");
    }
    return {};
}

} // namespace causeway
