// The Name Loop dialog: the loop's text wrapped above the name field.
#include "app/loops/nameloopdialog.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

namespace causeway {

NameLoopDialog::NameLoopDialog(const QString& loopText, const QString& suggestion, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Name Loop"));
    auto* intro = new QLabel(tr("A name for the loop (shown on the canvas):"));
    auto* loop = new QLabel(loopText);
    loop->setWordWrap(true); // a long loop wraps instead of widening the dialog past the screen
    loop->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name = new QLineEdit(suggestion);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* column = new QVBoxLayout(this);
    column->addWidget(intro);
    column->addWidget(loop);
    column->addWidget(m_name);
    column->addWidget(buttons);

    // Wide enough to read a loop in a few lines, never wider than the screen it opens on.
    const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    const int available = screen ? screen->availableGeometry().width() : 1024;
    const int width = std::min(fontMetrics().averageCharWidth() * 60, available - 40);
    loop->setMinimumWidth(width - column->contentsMargins().left() - column->contentsMargins().right());
    setMaximumWidth(available);
}

QString NameLoopDialog::name() const
{
    return m_name->text();
}

std::optional<QString> NameLoopDialog::ask(QWidget* parent, const QString& loopText,
                                           const QString& suggestion)
{
    NameLoopDialog dialog(loopText, suggestion, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.name();
}

} // namespace causeway
