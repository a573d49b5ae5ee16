#pragma once

#include "model/systemmap.h"

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointF>

class QAction;
class QMenu;
class QWidget;

namespace causeway {

class CanvasScene;
class CanvasView;

// The editing actions (Edit and View menus, canvas shortcuts, context menu), each turned into
// one Document intent on the current selection.
class EditActions : public QObject {
    Q_OBJECT
public:
    EditActions(CanvasView* view, QWidget* shortcutScope, QObject* parent = nullptr);

    void fillEditMenu(QMenu* menu) const;
    void fillViewMenu(QMenu* menu) const;
    void fillContextMenu(QMenu* menu, QPointF scenePos);

    QAction* findAction() const { return m_find; }

    void copy();
    void cut();
    void paste();
    void setPolarity(Polarity polarity);

signals:
    void findRequested();
    void statusMessage(const QString& message);

private:
    QAction* make(const QString& text, const QList<QKeySequence>& keys,
                  void (EditActions::*slot)());
    void updateEnabled();
    void addFactorAtCursor();
    void rename();
    void linkSelection();
    void cyclePolarity();
    void toggleDelay();
    void straighten();
    void remove();
    void selectAll();
    bool needLinks();

    CanvasView* m_view;
    CanvasScene* m_scene;
    QWidget* m_scope;
    QAction* m_undo;
    QAction* m_redo;
    QAction *m_cut, *m_copy, *m_paste, *m_delete, *m_selectAll;
    QAction *m_addFactor, *m_rename, *m_link;
    QAction *m_cyclePolarity, *m_positive, *m_negative, *m_unknown, *m_delay, *m_straighten;
    QAction* m_find;
    QAction *m_zoomIn, *m_zoomOut, *m_zoomReset, *m_zoomFit;
};

} // namespace causeway
