#pragma once

#include "model/nomination.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace causeway {

// A nomination round's settings: name, question, budgets, links, secrecy, anonymity.
class RoundDialog : public QDialog {
    Q_OBJECT
public:
    // `round`: the settings to start from (a new round's defaults, or the round being edited).
    RoundDialog(const NominationRound& round, bool creating, QWidget* parent = nullptr);

    // The start values with the fields' settings applied (participants and ballots kept).
    NominationRound settings() const;

    QLineEdit* nameEdit() const { return m_name; }
    QSpinBox* watchBudget() const { return m_watch; }
    QSpinBox* stopBudget() const { return m_stop; }
    QCheckBox* secretBox() const { return m_secret; }
    QCheckBox* anonymousBox() const { return m_anonymous; }

private:
    NominationRound m_round;
    QLineEdit* m_name;
    QPlainTextEdit* m_question;
    QSpinBox* m_watch;
    QSpinBox* m_stop;
    QCheckBox* m_links;
    QCheckBox* m_secret;
    QCheckBox* m_anonymous;
};

} // namespace causeway
