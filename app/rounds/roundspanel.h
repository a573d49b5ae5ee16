#pragma once

#include "model/systemmap.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QDockWidget;
class QGridLayout;
class QLabel;
class QListWidget;
class QMainWindow;
class QPushButton;
class QStackedWidget;

namespace causeway {

class CanvasScene;
class Document;
class PhoneJoinScreen;
class PhonesPanel;
class PhoneVoting;
class ResultsView;
class VoteOverlay;
class VotingPanel;
class VotingSession;

// The Rounds dock: the map's nomination rounds and what a facilitator does with them (new,
// settings, participants, voting, reveal, close, delete, export, import). Each change is one
// undo step (app/roundedits.h); while voting, the dock shows the VotingPanel and the canvas sends
// its clicks to the VotingSession instead of editing.
class RoundsPanel : public QWidget {
    Q_OBJECT
public:
    RoundsPanel(CanvasScene* scene, QWidget* parent = nullptr);
    ~RoundsPanel() override;

    // Adds the Rounds dock (tabbed with `besides` when given), the Results dock and a Rounds
    // menu to `window`; status messages go to its status bar.
    static RoundsPanel* install(QMainWindow* window, CanvasScene* scene, QDockWidget* besides);

    // ---- what the buttons do, callable from tests (no dialogs)
    QString currentRound() const;
    void setCurrentRound(const QString& name);
    bool createRound(const NominationRound& settings);
    bool startVoting();
    void endVoting();
    bool reveal(bool on);
    bool closeCurrent();
    bool exportBallots(const QString& path);
    bool exportTally(const QString& path);
    bool importBallots(const QString& path);
    // The chosen round on its own file (settings, participants, ballots) and back, e.g. into
    // another copy of the map.
    bool exportRound(const QString& path);
    bool importRound(const QString& path);
    // Rounds > Open to Phones (roundspanelphones.cpp): the chosen round served on host:port
    // (0: any free port), the join screen shown, the map locked until closePhones().
    bool openToPhones(const QString& host, quint16 port);
    bool removePhoneParticipant(const QString& name);
    bool closePhones();
    void showJoinScreen();

    // Asks before deleting factors or links that hold nominations; reports what went. Installed
    // as the canvas's removal guard.
    bool confirmRemoval(const std::vector<FactorId>& factors, const std::vector<LinkId>& links);

    // Yes/no questions and text prompts; tests replace them.
    using Ask = std::function<bool(const QString& title, const QString& text)>;
    void setAsk(Ask ask);

    VotingSession* session() const { return m_session; }
    PhoneVoting* phones() const { return m_phones; }
    PhonesPanel* phonesPanel() const { return m_phonesPanel; }
    PhoneJoinScreen* joinScreen() const; // null until first shown
    QAction* openToPhonesAction() const { return m_phonesAction; }
    VotingPanel* votingPanel() const { return m_voting; }
    VoteOverlay* overlay() const { return m_overlay; }
    ResultsView* results() const { return m_results; }
    QDockWidget* resultsDock() const { return m_resultsDock; }
    QLabel* messageLabel() const { return m_message; }

signals:
    void statusMessage(const QString& message);

protected:
    // While voting: editing shortcuts and canvas keys do nothing (voting never edits the map).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildListPage();
    QGridLayout* buildButtons();
    QPushButton* buildVoteButton();
    void connectDocument();
    void connectSession();
    void refresh();
    void report(const QString& message, bool refused = false);
    void newRound();
    void editRound();
    void deleteRound();
    void addNames();
    void addCodes();
    void exportBallotsDialog();
    void exportTallyDialog();
    void importBallotsDialog();
    void exportRoundDialog();
    void importRoundDialog();
    const NominationRound* current() const;
    // Why the round's ballots and tally cannot leave the editor ("Reveal the round first"), or
    // empty when they can.
    static QString secrecyRefusal(const NominationRound* round);
    bool ballotsMayLeave(); // reports the refusal when not
    void connectPhones();
    void openToPhonesDialog();
    // Open to Phones: for an open round while no other voting goes on.
    void updatePhonesAction();
    // True (and says so) while `round` (any round when empty) is open to phones: the phones'
    // session owns its ballots until it closes.
    bool phonesBusy(const QString& round = {});

    QPointer<CanvasScene> m_scene;
    Document* m_document;
    VotingSession* m_session;
    PhoneVoting* m_phones;
    PhonesPanel* m_phonesPanel = nullptr;
    QPointer<PhoneJoinScreen> m_joinScreen; // a window of its own, for the projector
    QAction* m_phonesAction = nullptr;
    VoteOverlay* m_overlay;
    VotingPanel* m_voting;
    ResultsView* m_results = nullptr;
    QDockWidget* m_resultsDock = nullptr;
    Ask m_ask;
    QStackedWidget* m_pages;
    QListWidget* m_list;
    QLabel* m_details;
    QLabel* m_message;
    QPushButton *m_new, *m_edit, *m_delete, *m_names, *m_codes, *m_vote, *m_reveal, *m_close,
        *m_showResults, *m_export, *m_exportTally, *m_import, *m_exportRound;
    QList<QAction*> m_exportActions; // the Rounds menu's Export Ballots, Tally and Round
};

} // namespace causeway
