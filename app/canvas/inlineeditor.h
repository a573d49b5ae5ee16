#pragma once

#include <QGraphicsTextItem>

namespace causeway {

// Types a factor's label in place on the canvas. Enter commits, Escape cancels, clicking
// elsewhere commits (forgiving: a typed label is never lost by a stray click).
class InlineEditor : public QGraphicsTextItem {
    Q_OBJECT
public:
    InlineEditor(const QString& text, QPointF centre);

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;
    void finish(bool commit);

signals:
    void committed(const QString& text);
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void recentre();

    QPointF m_centre;
    bool m_done = false;
};

} // namespace causeway
