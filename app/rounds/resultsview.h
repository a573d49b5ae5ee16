#pragma once

#include "app/rounds/votebarchart.h"
#include "model/nominations.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QScrollArea;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace causeway {

class Document;

// A round's results: the ranked table (Item, Kind, Watch, Stop, Participants, Rank, Agreement)
// beside the bar chart, or, with a second round picked, what moved between the two. A secret
// round shows nothing until it is revealed. Names wrap in both, so neither scrolls sideways.
// "Show to the room" opens the same results full screen in large type (Esc closes).
class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(Document* document, QWidget* parent = nullptr);

    // While the round is voted on, no results (nobody's choices), revealed or not.
    void setVotingUnderway(bool voting);
    bool votingUnderway() const { return m_voting; }
    // Large type for a projector: the full-screen view's.
    void setRoomMode(bool room);
    // Opens this round's results full screen on the window's screen; Esc closes it.
    ResultsView* showToRoom();

    void setRound(const QString& name);
    QString round() const { return m_round; }
    // Compare the round with an earlier one (empty: no comparison).
    void setCompareWith(const QString& before);

    QTableWidget* table() const { return m_table; }
    VoteBarChart* chart() const { return m_chart; }
    QLabel* heading() const { return m_heading; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* roomButton() const { return m_roomButton; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    void fillTally(const NominationRound& round);
    void fillComparison(const NominationRound& before, const NominationRound& after);
    void fitColumns();

    Document* m_document;
    QString m_round;
    QString m_before;
    QLabel* m_heading;
    QLabel* m_compareLabel;
    QComboBox* m_compare;
    QTabWidget* m_tabs;
    VoteBarChart* m_chart;
    QTableWidget* m_table;
    QScrollArea* m_chartScroll;
    QPushButton* m_roomButton;
    bool m_room = false;
    bool m_fitting = false;
    bool m_voting = false;
    std::vector<int> m_dropOrder; // columns a narrow table leaves out, first first
};

} // namespace causeway
