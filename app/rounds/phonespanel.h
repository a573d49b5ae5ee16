#pragma once

// The Rounds dock while a round is open to phones: the address and code, who has joined and who
// has voted (never what), and the facilitator's controls: remove a participant, show the join
// screen, close the round.

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace causeway {

class PhoneVoting;

class PhonesPanel : public QWidget {
    Q_OBJECT
public:
    explicit PhonesPanel(PhoneVoting* voting, QWidget* parent = nullptr);

    QListWidget* participantList() const { return m_list; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* closeButton() const { return m_close; }

signals:
    void removeRequested(const QString& participant);
    void closeRequested();
    void showJoinScreenRequested();

private:
    void refresh();

    PhoneVoting* m_voting;
    QLabel* m_title;
    QLabel* m_join;
    QLabel* m_count;
    QListWidget* m_list;
    QPushButton *m_show, *m_remove, *m_close;
};

} // namespace causeway
