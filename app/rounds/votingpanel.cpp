#include "app/rounds/votingpanel.h"

#include "app/document/document.h"
#include "app/canvas/votebadgeitem.h"
#include "app/rounds/votingsession.h"
#include "model/nominations.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace causeway {

namespace {

QFont scaled(const QFont& base, double factor, bool bold)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}

QIcon badgeIcon(NominationKind kind)
{
    QPixmap pixmap(40, 40);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    VoteBadgeItem::paintBadge(&p, makeVoteBadge(kind, 0, 2, 20, 36));
    return QIcon(pixmap);
}

} // namespace

VotingPanel::VotingPanel(VotingSession* session, Document* document, QWidget* parent)
    : QWidget(parent), m_session(session), m_document(document)
{
    m_ask = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    const QFont base = font();
    m_roundTitle = new QLabel;
    m_roundTitle->setFont(scaled(base, 1.5, true));
    m_roundTitle->setWordWrap(true);
    m_question = new QLabel;
    m_question->setWordWrap(true);
    m_question->setFont(scaled(base, 1.05, false));

    QWidget* pickPage = buildPickPage(base);
    QWidget* ballot = buildBallotPage(base);

    m_pages = new QStackedWidget;
    m_pages->addWidget(pickPage);
    m_pages->addWidget(ballot);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setFont(scaled(base, 1.1, true));
    m_message->hide();
    m_end = new QPushButton(tr("End voting"));
    connect(m_end, &QPushButton::clicked, this, &VotingPanel::endRequested);

    auto* column = new QVBoxLayout(this);
    column->addWidget(m_roundTitle);
    column->addWidget(m_question);
    column->addWidget(m_pages, 1);
    column->addWidget(m_message);
    column->addWidget(m_end);

    connect(m_session, &VotingSession::changed, this, &VotingPanel::refresh);
    connect(m_session, &VotingSession::refused, this,
            [this](const QString& message) { showMessage(message, true); });
    connect(m_session, &VotingSession::submitted, this, [this](const QString& who) {
        showMessage(tr("Thank you, %1. Pass the mouse to the next person.").arg(who), false);
    });
    refresh();
}

// Page 1: who is voting? Everyone's name as a big button, or a new name typed in.
QWidget* VotingPanel::buildPickPage(const QFont& base)
{
    auto* pickPage = new QWidget;
    auto* pickColumn = new QVBoxLayout(pickPage);
    pickColumn->setContentsMargins(0, 0, 0, 0);
    auto* who = new QLabel(tr("Who is voting? Pick your name:"));
    who->setFont(scaled(base, 1.3, true));
    who->setWordWrap(true);
    m_gridHost = new QWidget;
    m_grid = new QGridLayout(m_gridHost);
    m_grid->setSpacing(6);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_gridHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_newName = new QLineEdit;
    m_newName->setPlaceholderText(tr("Not listed? Type your name, press Enter"));
    m_newName->setFont(scaled(base, 1.15, false));
    connect(m_newName, &QLineEdit::returnPressed, this, [this] {
        const QString name = m_newName->text().trimmed();
        if (!name.isEmpty() && pick(name))
            m_newName->clear();
    });
    pickColumn->addWidget(who);
    pickColumn->addWidget(scroll, 1);
    pickColumn->addWidget(m_newName);
    return pickPage;
}

// Page 2: one person's ballot, their choices so far and the budget left.
QWidget* VotingPanel::buildBallotPage(const QFont& base)
{
    auto* ballot = new QWidget;
    auto* ballotColumn = new QVBoxLayout(ballot);
    ballotColumn->setContentsMargins(0, 0, 0, 0);
    m_voter = new QLabel;
    m_voter->setFont(scaled(base, 1.5, true));
    m_voter->setWordWrap(true);
    m_budget = new QLabel;
    m_budget->setFont(scaled(base, 1.6, true));
    m_budget->setWordWrap(true);
    m_budget->setStyleSheet(QStringLiteral("QLabel { background: #FFF7D6; padding: 6px; }"));
    auto* hint = new QLabel(tr("Click factors or links on the map. Click again to take a choice "
                               "back."));
    hint->setWordWrap(true);
    m_watchMode = new QPushButton(badgeIcon(NominationKind::Watch), tr("Watch (left click)"));
    m_stopMode = new QPushButton(badgeIcon(NominationKind::Stop), tr("Stop (right click)"));
    auto* modes = new QButtonGroup(this);
    for (QPushButton* b : {m_watchMode, m_stopMode}) {
        b->setCheckable(true);
        b->setIconSize(QSize(32, 32));
        b->setMinimumHeight(44);
        b->setFont(scaled(base, 1.15, true));
        modes->addButton(b);
    }
    connect(m_watchMode, &QPushButton::clicked, this,
            [this] { m_session->setMode(NominationKind::Watch); });
    connect(m_stopMode, &QPushButton::clicked, this,
            [this] { m_session->setMode(NominationKind::Stop); });
    m_choices = new QListWidget;
    m_choices->setFont(scaled(base, 1.1, false));
    m_choices->setIconSize(QSize(28, 28));
    m_choices->setSelectionMode(QAbstractItemView::NoSelection);
    m_choices->setWordWrap(true);
    m_choices->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_submit = new QPushButton(tr("Submit my ballot"));
    m_submit->setMinimumHeight(52);
    m_submit->setFont(scaled(base, 1.35, true));
    m_submit->setDefault(true);
    connect(m_submit, &QPushButton::clicked, m_session, &VotingSession::submit);
    m_restart = new QPushButton(tr("Start over"));
    connect(m_restart, &QPushButton::clicked, this,
            [this] { m_session->setParticipant(m_session->participant()); });
    m_cancel = new QPushButton(tr("Not me: back"));
    connect(m_cancel, &QPushButton::clicked, m_session, &VotingSession::discard);
    auto* small = new QHBoxLayout;
    small->addWidget(m_restart);
    small->addWidget(m_cancel);
    ballotColumn->addWidget(m_voter);
    ballotColumn->addWidget(m_budget);
    ballotColumn->addWidget(hint);
    ballotColumn->addWidget(m_watchMode);
    ballotColumn->addWidget(m_stopMode);
    ballotColumn->addWidget(m_choices, 1);
    ballotColumn->addWidget(m_submit);
    ballotColumn->addLayout(small);
    return ballot;
}

bool VotingPanel::isPickingParticipant() const
{
    return m_pages->currentIndex() == 0;
}

QPushButton* VotingPanel::participantButton(const QString& participant) const
{
    for (QPushButton* b : m_gridHost->findChildren<QPushButton*>())
        if (b->property("participant").toString() == participant)
            return b;
    return nullptr;
}

bool VotingPanel::pick(const QString& participant)
{
    if (m_session->hasVoted(participant)
        && !m_ask(tr("Vote again?"),
                  tr("%1 has already voted. Voting again replaces the earlier ballot. Go on?")
                      .arg(participant)))
        return false;
    m_message->hide();
    m_session->setParticipant(participant);
    return true;
}

void VotingPanel::showMessage(const QString& text, bool warning)
{
    m_message->setText(text);
    m_message->setStyleSheet(warning ? QStringLiteral("QLabel { color: #8A2A00; background: #FBE3D6; "
                                                      "padding: 6px; }")
                                     : QStringLiteral("QLabel { color: #004D3A; background: #DDF2EA; "
                                                      "padding: 6px; }"));
    m_message->show();
}

void VotingPanel::rebuildParticipants()
{
    const NominationRound* round = m_session->round();
    QStringList names;
    if (round)
        for (const std::string& p : round->participants)
            names << QString::fromStdString(p);
    QStringList labels;
    for (const QString& n : names)
        labels << n + (m_session->hasVoted(n) ? QStringLiteral(" \u2713") : QString());
    if (labels == m_shownParticipants)
        return;
    m_shownParticipants = labels;
    for (QPushButton* b : m_gridHost->findChildren<QPushButton*>())
        delete b;
    const QFont big = scaled(font(), 1.3, true);
    for (int i = 0; i < names.size(); ++i) {
        auto* b = new QPushButton(labels[i]);
        b->setProperty("participant", names[i]);
        b->setFont(big);
        b->setMinimumHeight(48);
        b->setToolTip(m_session->hasVoted(names[i]) ? tr("Has voted: picking again re-votes")
                                                    : tr("Has not voted yet"));
        connect(b, &QPushButton::clicked, this, [this, name = names[i]] { pick(name); });
        m_grid->addWidget(b, i / 2, i % 2);
    }
}

void VotingPanel::refresh()
{
    const NominationRound* round = m_session->round();
    if (!round)
        return;
    m_roundTitle->setText(tr("Voting: %1").arg(QString::fromStdString(round->name)));
    m_question->setText(QString::fromStdString(round->question));
    rebuildParticipants();
    const QString voter = m_session->participant();
    if (voter.isEmpty()) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_voter->setText(tr("%1 is voting").arg(voter));
    // Two lines in large type; the same words as budgetText().
    m_budget->setText(tr("Watch: %1 of %2 left\nStop: %3 of %4 left")
                          .arg(m_session->remaining(NominationKind::Watch))
                          .arg(m_session->budget(NominationKind::Watch))
                          .arg(m_session->remaining(NominationKind::Stop))
                          .arg(m_session->budget(NominationKind::Stop)));
    m_watchMode->setChecked(m_session->mode() == NominationKind::Watch);
    m_stopMode->setChecked(m_session->mode() == NominationKind::Stop);
    m_watchMode->setText(m_session->mode() == NominationKind::Watch ? tr("Watch (left click)")
                                                                    : tr("Watch (right click)"));
    m_stopMode->setText(m_session->mode() == NominationKind::Stop ? tr("Stop (left click)")
                                                                  : tr("Stop (right click)"));
    m_choices->clear();
    const SystemMap& map = m_document->map();
    const QIcon watchIcon = badgeIcon(NominationKind::Watch);
    const QIcon stopIcon = badgeIcon(NominationKind::Stop);
    for (ItemRef item : m_session->draft().watch)
        m_choices->addItem(new QListWidgetItem(watchIcon, QString::fromStdString(itemName(map, item))));
    for (ItemRef item : m_session->draft().stop)
        m_choices->addItem(new QListWidgetItem(stopIcon, QString::fromStdString(itemName(map, item))));
}

} // namespace causeway
