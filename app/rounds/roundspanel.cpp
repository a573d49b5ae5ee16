#include "app/rounds/roundspanel.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/document/qtstrings.h"
#include "app/rounds/resultsview.h"
#include "app/rounds/rounddialog.h"
#include "app/rounds/roundedits.h"
#include "app/canvas/votebadgeitem.h"
#include "app/rounds/phonejoinscreen.h"
#include "app/rounds/phonevoting.h"
#include "app/rounds/votingpanel.h"
#include "app/rounds/votingsession.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QShortcutEvent>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>


namespace causeway {


RoundsPanel::RoundsPanel(CanvasScene* scene, QWidget* parent)
    : QWidget(parent), m_scene(scene), m_document(scene->document())
{
    m_session = new VotingSession(m_document, this);
    m_phones = new PhoneVoting(m_document, this);
    m_overlay = new VoteOverlay(scene, this);
    m_voting = new VotingPanel(m_session, m_document);
    m_ask = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    m_pages = new QStackedWidget;
    m_pages->addWidget(buildListPage());
    m_pages->addWidget(m_voting);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->hide();
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(m_pages, 1);
    column->addWidget(m_message);
    connectDocument();
    connectSession();
    connectPhones();
    refresh();
}

// The rounds, the chosen round's settings and the buttons.
QWidget* RoundsPanel::buildListPage()
{
    auto* page = new QWidget;
    m_list = new QListWidget;
    m_list->setMinimumHeight(90);
    m_details = new QLabel;
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_list, 1);
    column->addWidget(m_details);
    column->addLayout(buildButtons());
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (!m_session->isActive())
            refresh();
    });
    return page;
}

QGridLayout* RoundsPanel::buildButtons()
{
    auto button = [this](const QString& text, void (RoundsPanel::*slot)()) {
        auto* b = new QPushButton(text);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    m_new = button(tr("New round..."), &RoundsPanel::newRound);
    m_edit = button(tr("Settings..."), &RoundsPanel::editRound);
    m_delete = button(tr("Delete"), &RoundsPanel::deleteRound);
    m_names = button(tr("Add names..."), &RoundsPanel::addNames);
    m_codes = button(tr("Add codes..."), &RoundsPanel::addCodes);
    m_vote = buildVoteButton();
    m_reveal = new QPushButton(tr("Reveal"));
    connect(m_reveal, &QPushButton::clicked, this, [this] {
        const NominationRound* r = current();
        reveal(!(r && r->revealed));
    });
    m_close = new QPushButton(tr("Close round"));
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (m_ask(tr("Close round"), tr("Close round '%1'? Its results are frozen: no more "
                                        "ballots (Undo reopens it).").arg(currentRound())))
            closeCurrent();
    });
    m_showResults = new QPushButton(tr("Results"));
    connect(m_showResults, &QPushButton::clicked, this, [this] {
        if (m_resultsDock) {
            m_resultsDock->show();
            m_resultsDock->raise();
        }
    });
    m_export = button(tr("Export ballots..."), &RoundsPanel::exportBallotsDialog);
    m_exportTally = button(tr("Export tally..."), &RoundsPanel::exportTallyDialog);
    m_import = button(tr("Import ballots..."), &RoundsPanel::importBallotsDialog);
    m_exportRound = button(tr("Export round..."), &RoundsPanel::exportRoundDialog);
    auto* importRoundButton = button(tr("Import round..."), &RoundsPanel::importRoundDialog);

    auto* grid = new QGridLayout;
    grid->addWidget(m_new, 0, 0);
    grid->addWidget(m_edit, 0, 1);
    grid->addWidget(m_names, 1, 0);
    grid->addWidget(m_codes, 1, 1);
    grid->addWidget(m_vote, 2, 0, 1, 2);
    grid->addWidget(m_reveal, 3, 0);
    grid->addWidget(m_showResults, 3, 1);
    grid->addWidget(m_close, 4, 0);
    grid->addWidget(m_delete, 4, 1);
    grid->addWidget(m_export, 5, 0);
    grid->addWidget(m_exportTally, 5, 1);
    grid->addWidget(m_import, 6, 0, 1, 2);
    grid->addWidget(m_exportRound, 7, 0);
    grid->addWidget(importRoundButton, 7, 1);
    return grid;
}

QPushButton* RoundsPanel::buildVoteButton()
{
    auto* vote = new QPushButton(tr("Start voting"));
    QFont big = vote->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    vote->setFont(big);
    vote->setMinimumHeight(46);
    connect(vote, &QPushButton::clicked, this, &RoundsPanel::startVoting);
    return vote;
}

void RoundsPanel::connectDocument()
{
    connect(m_document, &Document::mapDataChanged, this, &RoundsPanel::refresh);
    connect(m_document, &Document::reset, this, &RoundsPanel::refresh);
}

void RoundsPanel::connectSession()
{
    connect(m_session, &VotingSession::changed, this, &RoundsPanel::updatePhonesAction);
    connect(m_voting, &VotingPanel::endRequested, this, &RoundsPanel::endVoting);
    connect(m_session, &VotingSession::refused, this, &RoundsPanel::statusMessage);
    connect(m_session, &VotingSession::submitted, this, [this](const QString& who) {
        emit statusMessage(tr("Ballot of %1 cast").arg(who));
    });
    connect(m_session, &VotingSession::changed, this, [this] {
        // While a round is voted on the room sees the map and whose turn it is: this voter's
        // choices only while they vote, between voters none, and never the counts.
        if (m_session->isActive())
            m_overlay->showDraft(m_session->participant().isEmpty() ? Ballot{} : m_session->draft());
        else
            m_overlay->clearDraft();
        if (m_results)
            m_results->setVotingUnderway(m_session->isActive());
    });
    connect(m_session, &VotingSession::stopped, this, [this] {
        if (m_scene)
            m_scene->setItemClickInterceptor({});
        qApp->removeEventFilter(this);
        m_document->setFactorEditLock({});
        m_overlay->clearDraft();
        if (m_results)
            m_results->setVotingUnderway(false);
        m_pages->setCurrentIndex(0);
        refresh();
    });
}

RoundsPanel::~RoundsPanel()
{
    delete m_joinScreen;
    delete m_phones; // stops serving, quietly, while the dock's widgets are whole
    if (m_session->isActive() && m_scene)
        m_scene->setItemClickInterceptor({});
}

void RoundsPanel::setAsk(Ask ask)
{
    m_ask = ask;
    m_voting->setAsk(std::move(ask));
}

// ---- state

QString RoundsPanel::currentRound() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void RoundsPanel::setCurrentRound(const QString& name)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == name)
            m_list->setCurrentRow(i);
}

const NominationRound* RoundsPanel::current() const
{
    return roundedits::findRound(m_document, currentRound());
}

void RoundsPanel::report(const QString& message, bool refused)
{
    emit statusMessage(message);
    m_message->setText(message);
    m_message->setStyleSheet(refused ? QStringLiteral("QLabel { color: #8A2A00; background: #FBE3D6; "
                                                      "padding: 4px; }")
                                     : QString());
    m_message->setVisible(!message.isEmpty());
}

void RoundsPanel::refresh()
{
    const QString keep = m_session->isActive() ? m_session->roundName() : currentRound();
    const SystemMap& map = m_document->map();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const NominationRound& r : map.rounds()) {
            QStringList state;
            state << (r.closed ? tr("closed") : tr("open"));
            if (r.revealed)
                state << tr("revealed");
            else if (r.secret)
                state << tr("secret");
            state << tr("%1 of %2 voted").arg(r.ballots.size()).arg(r.participants.size());
            auto* item = new QListWidgetItem(q(r.name) + QStringLiteral("\n   ") + state.join(QStringLiteral(", ")));
            item->setData(Qt::UserRole, q(r.name));
            m_list->addItem(item);
        }
        int row = 0;
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->data(Qt::UserRole).toString() == keep)
                row = i;
        if (m_list->count() > 0)
            m_list->setCurrentRow(row);
    }
    const NominationRound* r = current();
    const bool has = r != nullptr;
    const bool open = has && !r->closed;
    if (has) {
        QStringList settings;
        settings << tr("Watch %1, stop %2").arg(r->watchBudget).arg(r->stopBudget);
        settings << (r->allowLinks ? tr("factors and links") : tr("factors only"));
        if (r->secret)
            settings << tr("secret until revealed");
        if (r->anonymous)
            settings << tr("anonymous codes");
        m_details->setText(q(r->question) + QStringLiteral("\n") + settings.join(QStringLiteral(" \u00b7 ")));
    } else {
        m_details->setText(tr("No rounds yet. A round asks every participant which factors and "
                              "links to watch, and which the organisation could stop watching."));
    }
    for (QPushButton* b : {m_edit, m_names, m_codes, m_vote, m_import})
        b->setEnabled(open);
    for (QPushButton* b : {m_delete, m_reveal, m_showResults})
        b->setEnabled(has);
    // A secret round's ballots and tally stay in the editor until it is revealed; say so.
    const QString hidden = secrecyRefusal(r);
    for (QPushButton* b : {m_export, m_exportTally, m_exportRound}) {
        b->setEnabled(hidden.isEmpty());
        b->setToolTip(hidden);
    }
    for (QAction* a : m_exportActions) {
        a->setEnabled(hidden.isEmpty());
        a->setToolTip(hidden);
        a->setStatusTip(hidden);
    }
    m_close->setEnabled(open);
    // The phones' session owns the round's ballots and settings while it is open.
    const bool phones = m_phones->isOpen();
    if (phones)
        for (QPushButton* b : {m_edit, m_names, m_codes, m_vote, m_import, m_delete, m_reveal, m_close})
            b->setEnabled(false);
    updatePhonesAction();
    m_close->setText(has && r->closed ? tr("Closed") : tr("Close round"));
    m_reveal->setText(has && r->revealed ? tr("Hide results") : tr("Reveal"));

    const QString name = has ? q(r->name) : QString();
    if (m_overlay->roundName() != name)
        m_overlay->showRound(name);
    if (m_results && m_results->round() != name)
        m_results->setRound(name);
}

// ---- actions

bool RoundsPanel::createRound(const NominationRound& settings)
{
    QString error;
    if (!roundedits::addRound(m_document, settings, &error)) {
        report(error, true);
        return false;
    }
    setCurrentRound(q(settings.name));
    report(tr("Round '%1' is open. Add participants, then Start voting.").arg(q(settings.name)));
    return true;
}

void RoundsPanel::newRound()
{
    NominationRound defaults;
    const SystemMap& map = m_document->map();
    for (int n = int(map.rounds().size()) + 1;; ++n) {
        defaults.name = tr("Round %1").arg(n).toStdString();
        if (!findRound(map, defaults.name))
            break;
    }
    RoundDialog dialog(defaults, /*creating=*/true, this);
    if (dialog.exec() == QDialog::Accepted)
        createRound(dialog.settings());
}

void RoundsPanel::editRound()
{
    if (phonesBusy(currentRound()))
        return;
    const NominationRound* r = current();
    if (!r)
        return;
    RoundDialog dialog(*r, /*creating=*/false, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const NominationRound settings = dialog.settings();
    if (roundedits::updateSettings(m_document, currentRound(), settings, &error))
        setCurrentRound(q(settings.name));
    else
        report(error, true);
}

void RoundsPanel::deleteRound()
{
    if (phonesBusy(currentRound()))
        return;
    const NominationRound* r = current();
    if (!r || !m_ask(tr("Delete round"), tr("Delete round '%1' and its %n ballot(s)? (Undo brings "
                                            "it back.)", nullptr, int(r->ballots.size()))
                                             .arg(q(r->name))))
        return;
    QString error;
    if (!roundedits::removeRound(m_document, currentRound(), &error))
        report(error, true);
}

void RoundsPanel::addNames()
{
    if (phonesBusy(currentRound()))
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Add participants"), tr("Participants' names, one a line:"), QString(), &ok);
    if (!ok)
        return;
    QString error;
    if (!roundedits::addParticipants(m_document, currentRound(), text.split(QLatin1Char('\n')), &error))
        report(error, true);
}

void RoundsPanel::addCodes()
{
    if (phonesBusy(currentRound()))
        return;
    bool ok = false;
    const int n = QInputDialog::getInt(this, tr("Add anonymous codes"),
                                       tr("How many participants (codes P1, P2, ...)?"), 12, 1, 500,
                                       1, &ok);
    if (!ok)
        return;
    QString error;
    const QStringList codes = roundedits::addParticipantCodes(m_document, currentRound(), n, &error);
    if (codes.isEmpty())
        report(error, true);
    else
        report(tr("Added %1 to %2").arg(codes.front(), codes.back()));
}

bool RoundsPanel::startVoting()
{
    const QString name = currentRound();
    if (phonesBusy())
        return false;
    if (!m_session->start(name)) {
        report(name.isEmpty() ? tr("Create a round first.") : tr("Round '%1' is closed.").arg(name),
               true);
        return false;
    }
    report({});
    m_pages->setCurrentIndex(1);
    // Whose turn it is shows in front, whichever panel was up.
    if (auto* dock = qobject_cast<QDockWidget*>(parentWidget())) {
        dock->show();
        dock->raise();
    }
    m_scene->setItemClickInterceptor(
        [this](ItemRef item, Qt::MouseButton button) { m_session->click(item, button); });
    qApp->installEventFilter(this);
    m_document->setFactorEditLock(
        tr("Voting on '%1' is under way: the map can be changed again when voting ends.").arg(name));
    emit statusMessage(tr("Voting on '%1': the map cannot be edited until voting ends.").arg(name));
    return true;
}

bool RoundsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_session->isActive() || !m_scene)
        return false;
    if (event->type() == QEvent::Shortcut) {
        // Save, zoom and fit stay (undo and redo are the Document's actions, disabled while
        // voting); the editing keys (N, Delete, P, Ctrl+V, ...) go.
        const QKeySequence key = static_cast<QShortcutEvent*>(event)->key();
        const QKeyCombination k = key.isEmpty() ? QKeyCombination() : key[0];
        const bool ctrl = k.keyboardModifiers() & Qt::ControlModifier;
        const bool allowed = key == QKeySequence(QKeySequence::Save)
                             || key == QKeySequence(QKeySequence::Undo)
                             || (ctrl && (k.key() == Qt::Key_Z || k.key() == Qt::Key_Y
                                          || k.key() == Qt::Key_Equal || k.key() == Qt::Key_Plus
                                          || k.key() == Qt::Key_Minus || k.key() == Qt::Key_0
                                          || k.key() == Qt::Key_1))
                             || (!ctrl && k.key() == Qt::Key_F);
        if (!allowed) {
            emit statusMessage(tr("Voting: the map cannot be edited until voting ends."));
            return true;
        }
        return false;
    }
    if (event->type() == QEvent::KeyPress) { // arrow-key nudges, typing on the canvas
        const auto views = m_scene->views();
        for (QGraphicsView* view : views)
            if (watched == view || watched == view->viewport())
                return true;
    }
    return false;
}

void RoundsPanel::endVoting()
{
    m_session->stop();
}

bool RoundsPanel::reveal(bool on)
{
    if (phonesBusy(currentRound()))
        return false;
    QString error;
    if (!roundedits::setRevealed(m_document, currentRound(), on, &error)) {
        report(error, true);
        return false;
    }
    if (on && m_resultsDock) {
        m_resultsDock->show();
        m_resultsDock->raise();
    }
    return true;
}

bool RoundsPanel::closeCurrent()
{
    const QString name = currentRound();
    if (m_phones->isOpen() && name == m_phones->roundName())
        return closePhones();
    if (m_session->isActive())
        m_session->stop();
    QString error;
    if (!roundedits::closeRound(m_document, name, &error)) {
        report(error, true);
        return false;
    }
    report(tr("Round '%1' is closed: its results are frozen.").arg(name));
    return true;
}

} // namespace causeway
