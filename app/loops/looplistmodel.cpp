#include "app/loops/looplistmodel.h"

#include "app/document/document.h"
#include "app/canvas/theme.h"
#include "model/looplabels.h"

#include <QColor>
#include <QFont>

#include <algorithm>

namespace causeway {

QColor loopPolarityColour(LoopPolarity polarity)
{
    // A reinforcing loop's links all push one way (blue like "+"); a balancing loop pushes back
    // (vermillion like "-"). The letter is always shown too, so colour is never the only cue.
    switch (polarity) {
    case LoopPolarity::Reinforcing: return theme::positiveColour();
    case LoopPolarity::Balancing: return theme::negativeColour();
    case LoopPolarity::Unknown: break;
    }
    return theme::unknownColour();
}

LoopListModel::LoopListModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
}

void LoopListModel::setLoops(std::vector<Loop> loops)
{
    beginResetModel();
    m_loops = std::move(loops);
    endResetModel();
}

void LoopListModel::refreshText()
{
    if (!m_loops.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString LoopListModel::loopText(const Loop& loop) const
{
    const SystemMap& map = m_document->map();
    QStringList names;
    for (FactorId id : loop.factors) {
        const Factor* f = map.findFactor(id);
        names << (f ? QString::fromStdString(f->label) : tr("(removed)"));
    }
    if (!names.isEmpty())
        names << names.front();
    return names.join(QStringLiteral(" \u2192 "));
}

int LoopListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_loops.size());
}

int LoopListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LoopListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Loop& loop = m_loops[std::size_t(index.row())];
    auto name = [&]() -> QString {
        const auto label = findLoopLabel(m_document->map(), loop);
        return label ? QString::fromStdString(m_document->map().loopLabels()[*label].name) : QString();
    };
    if (role == LoopIndexRole)
        return index.row();
    if (role == SearchTextRole)
        return loopText(loop) + QLatin1Char(' ') + name();
    switch (index.column()) {
    case KindColumn:
        switch (role) {
        case Qt::DisplayRole: return QString::fromLatin1(loopPolarityLetter(loop.polarity));
        case Qt::BackgroundRole: return loopPolarityColour(loop.polarity);
        case Qt::ForegroundRole: return QColor(Qt::white);
        case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case Qt::ToolTipRole:
            return loop.polarity == LoopPolarity::Reinforcing ? tr("Reinforcing loop")
                   : loop.polarity == LoopPolarity::Balancing ? tr("Balancing loop")
                                                              : tr("Loop with an unknown (?) link");
        }
        break;
    case LengthColumn:
        if (role == Qt::DisplayRole)
            return int(loop.length());
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignCenter);
        break;
    case FactorsColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return loopText(loop);
        break;
    case NameColumn:
        if (role == Qt::DisplayRole)
            return name();
        break;
    }
    return {};
}

QVariant LoopListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn: return tr("Type");
    case LengthColumn: return tr("Links");
    case FactorsColumn: return tr("Loop");
    case NameColumn: return tr("Name");
    }
    return {};
}

LoopFilterModel::LoopFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LoopFilterModel::setPolarities(std::vector<LoopPolarity> polarities)
{
    m_polarities = std::move(polarities);
    invalidateFilter();
}

void LoopFilterModel::setMaxLength(int maxLength)
{
    m_maxLength = maxLength;
    invalidateFilter();
}

void LoopFilterModel::setSearchText(const QString& text)
{
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool LoopFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* model = qobject_cast<const LoopListModel*>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const Loop& loop = model->loop(sourceRow);
    if (!m_polarities.empty()
        && std::find(m_polarities.begin(), m_polarities.end(), loop.polarity) == m_polarities.end())
        return false;
    if (m_maxLength > 0 && loop.length() > std::size_t(m_maxLength))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString text =
        model->data(model->index(sourceRow, 0), LoopListModel::SearchTextRole).toString();
    return std::all_of(m_words.begin(), m_words.end(), [&](const QString& word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

} // namespace causeway
