#pragma once

#include "model/nominations.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace causeway {

class Document;

// Horizontal bars, a watch bar and a stop bar per item, most nominated items first (top N).
// Drawn with QPainter; the bars carry their numbers and the two kinds differ in fill as well as
// colour, so a black-and-white print reads too.
class VoteBarChart : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString name;
        int watch = 0;
        int stop = 0;
    };
    explicit VoteBarChart(QWidget* parent = nullptr);
    void setRows(std::vector<Row> rows, int ballots);
    const std::vector<Row>& rows() const { return m_rows; }
    void setMaxRows(int n) { m_maxRows = n; update(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    static constexpr int kRowHeight = 56; // at most, per item
    std::vector<Row> m_rows;
    int m_ballots = 0;
    int m_maxRows = 10;
};

// A round's results: the ranked table (Item, Kind, Watch, Stop, Participants, Rank, Agreement)
// beside the bar chart, or, with a second round picked, what moved between the two. A secret
// round shows nothing until it is revealed.
class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(Document* document, QWidget* parent = nullptr);

    void setRound(const QString& name);
    QString round() const { return m_round; }
    // Compare the round with an earlier one (empty: no comparison).
    void setCompareWith(const QString& before);

    QTableWidget* table() const { return m_table; }
    VoteBarChart* chart() const { return m_chart; }
    QLabel* heading() const { return m_heading; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    void refresh();
    void fillTally(const NominationRound& round);
    void fillComparison(const NominationRound& before, const NominationRound& after);

    Document* m_document;
    QString m_round;
    QString m_before;
    QLabel* m_heading;
    QComboBox* m_compare;
    QTabWidget* m_tabs;
    VoteBarChart* m_chart;
    QTableWidget* m_table;
};

} // namespace causeway
