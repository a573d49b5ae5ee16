#pragma once

#include "model/loops.h"
#include "model/sils.h"

#include <QWidget>

#include <cstddef>

class QLabel;
class QTableView;
class QTableWidget;

namespace causeway {

class Document;
class LoopListModel;

// A compact view of a map with too many loops to read: the shortest independent loop set (a
// basis that covers every link on a loop, not "the loops that matter most") and how many loops
// there are of each length and polarity.
class LoopOverview : public QWidget {
    Q_OBJECT
public:
    explicit LoopOverview(Document* document, QWidget* parent = nullptr);

    void setLoopSet(const LoopSet& set);
    void setCounts(const LoopCounts& counts, std::size_t upToLength, bool complete);
    void clear();
    LoopListModel* setModel() const { return m_setModel; }
    QTableView* setView() const { return m_setView; }
    QTableWidget* countsTable() const { return m_counts; }

signals:
    void loopActivated(const causeway::Loop& loop);

private:
    LoopListModel* m_setModel;
    QTableView* m_setView;
    QLabel* m_setSummary;
    QLabel* m_countSummary;
    QTableWidget* m_counts;
};

} // namespace causeway
