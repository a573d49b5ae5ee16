#pragma once

// The turn screen: what the room sees on the presentation while a round is voted on at the
// laptop (pass the mouse): whose turn it is and the items, never anyone's choices.

#include <QPointer>
#include <QWidget>

namespace causeway {

class PresentationView;
class VotingSession;

// Drawn over the presentation's caption band while `session` is active. The presentation shows
// the whole map (the items) from its own scene, which has no vote overlay: a voter's ticks show
// only in the editor, where they click. Between voters it asks who is next.
class TurnScreen : public QWidget {
    Q_OBJECT
public:
    TurnScreen(VotingSession* session, PresentationView* view);

    bool isShowing() const { return isVisible(); }
    QString headline() const; // "Alex's turn" or "Who votes next?"
    QString detail() const;   // the budgets and how many have voted (not what)

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void follow();
    void place();

    QPointer<VotingSession> m_session;
    PresentationView* m_view;
    bool m_wasActive = false;
};

// Gives `view` a turn screen following the voting session of `window`'s Rounds panel, if it has
// one and the view has none yet.
void attachTurnScreen(PresentationView* view, QWidget* window);

} // namespace causeway
