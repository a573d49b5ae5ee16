#pragma once

#include <QWidget>

#include <functional>

class QFont;
class QLabel;
class QLineEdit;
class QGridLayout;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace causeway {

class Document;
class VotingSession;

// The shared screen while a round is voted on: "Who is voting?" (a large button per
// participant), then that person's page: their remaining budget in large type, the watch/stop
// mode, their choices so far, Submit. Their clicks on the canvas go to the session.
class VotingPanel : public QWidget {
    Q_OBJECT
public:
    VotingPanel(VotingSession* session, Document* document, QWidget* parent = nullptr);

    // Asks a yes/no question (re-voting); tests replace it.
    using Ask = std::function<bool(const QString& title, const QString& text)>;
    void setAsk(Ask ask) { m_ask = std::move(ask); }

    // Picks a participant as their button does (asks before a re-vote).
    bool pick(const QString& participant);
    QPushButton* participantButton(const QString& participant) const;
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* watchModeButton() const { return m_watchMode; }
    QPushButton* stopModeButton() const { return m_stopMode; }
    QPushButton* endButton() const { return m_end; }
    QLabel* budgetLabel() const { return m_budget; }
    QLabel* messageLabel() const { return m_message; }
    bool isPickingParticipant() const;

signals:
    void endRequested();

private:
    QWidget* buildPickPage(const QFont& base);
    QWidget* buildBallotPage(const QFont& base);
    void rebuildParticipants();
    void refresh();
    void showMessage(const QString& text, bool warning);

    VotingSession* m_session;
    Document* m_document;
    Ask m_ask;
    QStackedWidget* m_pages;
    QLabel* m_roundTitle;
    QLabel* m_question;
    QGridLayout* m_grid;
    QWidget* m_gridHost;
    QLineEdit* m_newName;
    QLabel* m_voter;
    QLabel* m_budget;
    QPushButton* m_watchMode;
    QPushButton* m_stopMode;
    QListWidget* m_choices;
    QPushButton* m_submit;
    QPushButton* m_restart;
    QPushButton* m_cancel;
    QPushButton* m_end;
    QLabel* m_message;
    QStringList m_shownParticipants;
};

} // namespace causeway
