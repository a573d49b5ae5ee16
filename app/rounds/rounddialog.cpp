#include "app/rounds/rounddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace causeway {

RoundDialog::RoundDialog(const NominationRound& round, bool creating, QWidget* parent)
    : QDialog(parent), m_round(round)
{
    setWindowTitle(creating ? tr("New nomination round") : tr("Round settings"));
    m_name = new QLineEdit(QString::fromStdString(round.name));
    m_question = new QPlainTextEdit(QString::fromStdString(round.question));
    m_question->setTabChangesFocus(true);
    m_question->setMinimumHeight(70);
    auto spin = [](int value) {
        auto* box = new QSpinBox;
        box->setRange(0, kMaxNominationBudget);
        box->setValue(value);
        return box;
    };
    m_watch = spin(round.watchBudget);
    m_stop = spin(round.stopBudget);
    m_links = new QCheckBox(tr("Links can be nominated as well as factors"));
    m_links->setChecked(round.allowLinks);
    m_secret = new QCheckBox(tr("Secret until revealed (nobody sees earlier ballots)"));
    m_secret->setChecked(round.secret);
    m_anonymous = new QCheckBox(tr("Anonymous codes (P1, P2, ...) in exports"));
    m_anonymous->setChecked(round.anonymous);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Question:"), m_question);
    form->addRow(tr("&Watch budget:"), m_watch);
    form->addRow(tr("&Stop budget:"), m_stop);
    form->addRow(QString(), m_links);
    form->addRow(QString(), m_secret);
    form->addRow(QString(), m_anonymous);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(creating ? tr("Open round") : tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, update);
    update();

    auto* column = new QVBoxLayout(this);
    column->addLayout(form);
    column->addWidget(buttons);
    resize(520, sizeHint().height());
}

NominationRound RoundDialog::settings() const
{
    NominationRound r = m_round;
    r.name = m_name->text().trimmed().toStdString();
    r.question = m_question->toPlainText().trimmed().toStdString();
    r.watchBudget = m_watch->value();
    r.stopBudget = m_stop->value();
    r.allowLinks = m_links->isChecked();
    r.secret = m_secret->isChecked();
    r.anonymous = m_anonymous->isChecked();
    return r;
}

} // namespace causeway
