// The Rounds dock's phone voting: Rounds > Open to Phones, the join screen, the facilitator's
// page while the round is open, and closing; the rest of the dock is in roundspanel.cpp.
#include "app/rounds/roundspanel.h"

#include "app/document/document.h"
#include "app/rounds/phonejoinscreen.h"
#include "app/rounds/phonespanel.h"
#include "app/rounds/phonevoting.h"
#include "app/rounds/resultsview.h"
#include "app/rounds/votingsession.h"
#include "vote/voteserver.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>

namespace causeway {

namespace {

constexpr int kPhonesPage = 2;

// The machine's address on the room's network, or loopback (with a warning) when it has none.
QString defaultHost(QString* warning)
{
    if (const auto lan = vote::lanAddress())
        return QString::fromStdString(*lan);
    *warning = QCoreApplication::translate(
        "RoundsPanel", "This computer is on no network, so phones cannot reach it: join the venue's "
                       "Wi-Fi or start a hotspot, then open the round again. 127.0.0.1 serves this "
                       "computer only.");
    return QStringLiteral("127.0.0.1");
}

} // namespace

void RoundsPanel::connectPhones()
{
    m_phonesPanel = new PhonesPanel(m_phones);
    m_pages->insertWidget(kPhonesPage, m_phonesPanel);
    connect(m_phonesPanel, &PhonesPanel::closeRequested, this, [this] {
        if (m_ask(tr("Close round"), tr("Close round '%1'? Phones can no longer vote, and its "
                                        "results are frozen.").arg(m_phones->roundName())))
            closePhones();
    });
    connect(m_phonesPanel, &PhonesPanel::removeRequested, this, [this](const QString& name) {
        if (m_ask(tr("Remove participant"), tr("Remove %1 from round '%2'? Their phone can no "
                                               "longer vote and their ballot is withdrawn.")
                                                .arg(name, m_phones->roundName())))
            removePhoneParticipant(name);
    });
    connect(m_phonesPanel, &PhonesPanel::showJoinScreenRequested, this, &RoundsPanel::showJoinScreen);
    connect(m_phones, &PhoneVoting::finished, this, [this] { // closed here or by the API, or the map replaced
        if (m_results)
            m_results->setVotingUnderway(false);
        m_pages->setCurrentIndex(0);
        refresh();
    });
}

void RoundsPanel::updatePhonesAction()
{
    const NominationRound* r = current();
    if (m_phonesAction)
        m_phonesAction->setEnabled(r && !r->closed && !m_phones->isOpen() && !m_session->isActive());
}

bool RoundsPanel::phonesBusy(const QString& round)
{
    if (!m_phones->isOpen() || (!round.isEmpty() && round != m_phones->roundName()))
        return false;
    report(tr("Round '%1' is open to phones: close it first.").arg(m_phones->roundName()), true);
    return true;
}

bool RoundsPanel::openToPhones(const QString& host, quint16 port)
{
    const QString name = currentRound();
    if (m_session->isActive()) {
        report(tr("Voting at this screen is under way: end it before opening the round to phones."), true);
        return false;
    }
    QString error;
    if (!m_phones->open(name, host, port, &error)) {
        report(name.isEmpty() ? tr("Create a round first.") : error, true);
        return false;
    }
    report({});
    m_pages->setCurrentIndex(kPhonesPage);
    if (auto* dock = qobject_cast<QDockWidget*>(parentWidget())) {
        dock->show();
        dock->raise();
    }
    if (m_results)
        m_results->setVotingUnderway(true);
    showJoinScreen();
    emit statusMessage(tr("Round '%1' is open to phones at %2").arg(name, m_phones->address()));
    refresh();
    return true;
}

PhoneJoinScreen* RoundsPanel::joinScreen() const
{
    return m_joinScreen;
}

void RoundsPanel::showJoinScreen()
{
    if (!m_joinScreen) {
        m_joinScreen = new PhoneJoinScreen(m_phones);
        m_joinScreen->resize(1024, 768);
    }
    m_joinScreen->show();
    m_joinScreen->raise();
}

bool RoundsPanel::removePhoneParticipant(const QString& name)
{
    QString error;
    if (!m_phones->removeParticipant(name, &error)) {
        report(error, true);
        return false;
    }
    report(tr("%1 was removed: their ballot is withdrawn.").arg(name));
    return true;
}

bool RoundsPanel::closePhones()
{
    const QString name = m_phones->roundName();
    QString error;
    if (!m_phones->close(&error)) {
        report(error, true);
        return false;
    }
    setCurrentRound(name);
    report(tr("Round '%1' is closed: phones can no longer vote. Reveal shows the results.").arg(name));
    return true;
}

void RoundsPanel::openToPhonesDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Open to phones"));
    QString warning;
    auto* host = new QLineEdit(defaultHost(&warning));
    auto* port = new QSpinBox;
    port->setRange(0, 65535);
    port->setSpecialValueText(tr("any free port"));
    auto* form = new QFormLayout(&dialog);
    auto* intro = new QLabel(tr("Participants vote on round '%1' from their phones over this "
                                "room's network. The map cannot be edited until the round closes.")
                                 .arg(currentRound()));
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("Address:"), host);
    form->addRow(tr("Port:"), port);
    if (!warning.isEmpty()) {
        auto* note = new QLabel(warning);
        note->setWordWrap(true);
        note->setStyleSheet(QStringLiteral("QLabel { color: #8A2A00; }"));
        form->addRow(note);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open to phones"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted)
        openToPhones(host->text(), quint16(port->value()));
}

} // namespace causeway
