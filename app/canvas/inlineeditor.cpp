#include "app/canvas/inlineeditor.h"

#include "app/canvas/theme.h"

#include <QKeyEvent>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextOption>

namespace causeway {

InlineEditor::InlineEditor(const QString& text, QPointF centre) : m_centre(centre)
{
    setFont(theme::factorFont());
    setDefaultTextColor(theme::textColour());
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setTextWidth(theme::kBoxMaxTextWidth);
    QTextOption option = document()->defaultTextOption();
    option.setAlignment(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document()->setDefaultTextOption(option);
    setPlainText(text);
    setZValue(100);
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    setTextCursor(cursor);
    connect(document(), &QTextDocument::contentsChanged, this, &InlineEditor::recentre);
    recentre();
}

void InlineEditor::recentre()
{
    const QRectF r = boundingRect();
    setPos(m_centre - QPointF(r.width() / 2, r.height() / 2));
}

void InlineEditor::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                         QWidget* widget)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(theme::handleColour(), 3));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(boundingRect().adjusted(-6, -4, 6, 4), theme::kBoxRadius,
                             theme::kBoxRadius);
    QGraphicsTextItem::paint(painter, option, widget);
}

void InlineEditor::finish(bool commit)
{
    if (m_done)
        return;
    m_done = true;
    setTextInteractionFlags(Qt::NoTextInteraction);
    hide();
    // Signals last: receivers delete this editor (later).
    if (commit)
        emit committed(toPlainText().simplified());
    else
        emit cancelled();
}

void InlineEditor::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        finish(false);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !(event->modifiers() & Qt::ShiftModifier)) {
        finish(true);
        return;
    }
    QGraphicsTextItem::keyPressEvent(event);
}

void InlineEditor::focusOutEvent(QFocusEvent* event)
{
    QGraphicsTextItem::focusOutEvent(event);
    // Focus leaving for a popup (e.g. the input method) is not the user leaving the editor.
    if (event->reason() != Qt::PopupFocusReason && event->reason() != Qt::ActiveWindowFocusReason)
        finish(true);
}

} // namespace causeway
