// The facilitator's side of a round open to phones, in the Rounds dock.
#include "app/rounds/phonespanel.h"

#include "app/rounds/phonevoting.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace causeway {

PhonesPanel::PhonesPanel(PhoneVoting* voting, QWidget* parent) : QWidget(parent), m_voting(voting)
{
    m_title = new QLabel;
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_join = new QLabel;
    m_join->setWordWrap(true);
    m_join->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_count = new QLabel;
    m_count->setFont(big);
    m_list = new QListWidget;
    m_show = new QPushButton(tr("Show join screen"));
    m_remove = new QPushButton(tr("Remove participant..."));
    m_remove->setToolTip(tr("Revokes their phone's access and withdraws their ballot."));
    m_close = new QPushButton(tr("Close round"));
    m_close->setFont(big);
    m_close->setMinimumHeight(46);
    m_close->setToolTip(tr("Stops taking ballots and stops the server; then Reveal shows the results."));

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : {static_cast<QWidget*>(m_title), static_cast<QWidget*>(m_join),
                       static_cast<QWidget*>(m_count)})
        column->addWidget(w);
    column->addWidget(m_list, 1);
    column->addWidget(m_show);
    column->addWidget(m_remove);
    column->addWidget(m_close);

    connect(m_show, &QPushButton::clicked, this, &PhonesPanel::showJoinScreenRequested);
    connect(m_close, &QPushButton::clicked, this, &PhonesPanel::closeRequested);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem* item = m_list->currentItem())
            emit removeRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_remove->setEnabled(row >= 0 && m_voting->isOpen()); });
    connect(voting, &PhoneVoting::roomChanged, this, &PhonesPanel::refresh);
    connect(voting, &PhoneVoting::opened, this, &PhonesPanel::refresh);
    refresh();
}

void PhonesPanel::refresh()
{
    const PhoneRoom room = m_voting->room();
    m_title->setText(tr("Round '%1' is open to phones").arg(room.round));
    m_join->setText(tr("Address: %1\nJoin code: %2").arg(m_voting->address(), m_voting->joinCode()));
    m_count->setText(tr("%1 of %2 have voted").arg(room.voted.size()).arg(room.names.size()));
    const QString keep = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list->clear();
    for (const QString& name : room.names) {
        auto* item = new QListWidgetItem(room.voted.contains(name) ? tr("%1 \u2014 voted").arg(name) : name);
        item->setData(Qt::UserRole, name);
        m_list->addItem(item);
        if (name == keep)
            m_list->setCurrentItem(item);
    }
    m_remove->setEnabled(m_list->currentItem() && m_voting->isOpen());
    m_close->setEnabled(m_voting->isOpen());
}

} // namespace causeway
