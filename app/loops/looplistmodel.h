#pragma once

#include "model/loops.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <vector>

namespace causeway {

class Document;

// Listed loops as rows: a coloured R/B/U badge with its letter, the length, the factors in order
// ("A -> B -> C -> A") and the loop's name when it has been labelled. Factor names are read from
// the document when shown, so renaming a factor shows at once.
class LoopListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, LengthColumn, FactorsColumn, NameColumn, ColumnCount };
    enum Role { LoopIndexRole = Qt::UserRole + 1, SearchTextRole };

    explicit LoopListModel(Document* document, QObject* parent = nullptr);

    void setLoops(std::vector<Loop> loops);
    const std::vector<Loop>& loops() const { return m_loops; }
    const Loop& loop(int row) const { return m_loops.at(std::size_t(row)); }
    // "A -> B -> C -> A"
    QString loopText(const Loop& loop) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Labels or factor names changed: repaint every row.
    void refreshText();

private:
    Document* m_document;
    std::vector<Loop> m_loops;
};

// Filters the listed loops by polarity, by length and by words (every word must appear in a
// factor name or the loop's name, ignoring case).
class LoopFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LoopFilterModel(QObject* parent = nullptr);

    // Empty: every polarity.
    void setPolarities(std::vector<LoopPolarity> polarities);
    void setMaxLength(int maxLength); // 0: any
    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::vector<LoopPolarity> m_polarities;
    int m_maxLength = 0;
    QStringList m_words;
};

QColor loopPolarityColour(LoopPolarity polarity);

} // namespace causeway
