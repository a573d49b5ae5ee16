#pragma once

#include "model/metrics.h"

#include <QAbstractTableModel>

namespace causeway {

class Document;

// Per factor and per link figures as a sortable table: loops through the item (counted up to
// a length bound), in/out links, betweenness. Numbers sort as numbers (SortRole).
class MetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ItemColumn, KindColumn, LoopsColumn, InColumn, OutColumn, BetweennessColumn,
                  ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int ItemRole = Qt::UserRole + 2; // row's ItemRef as (kind, id) pair

    explicit MetricsModel(Document* document, QObject* parent = nullptr);

    void setMetrics(MapMetrics metrics, std::size_t maxLoopLength);
    const MapMetrics& metrics() const { return m_metrics; }
    std::size_t maxLoopLength() const { return m_maxLoopLength; }
    ItemRef itemAt(int row) const;
    const FactorMetrics* factor(FactorId id) const;
    const LinkMetrics* link(LinkId id) const;
    // "Trust" or "Trust -> Visits"
    QString itemName(const ItemRef& item) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void refreshText();

private:
    Document* m_document;
    MapMetrics m_metrics;
    std::size_t m_maxLoopLength = 0;
};

} // namespace causeway
