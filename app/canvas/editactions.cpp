#include "app/canvas/editactions.h"

#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/document/clipboard.h"
#include "app/document/document.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"

#include <QAction>
#include <QMenu>

namespace causeway {

EditActions::EditActions(CanvasView* view, QWidget* scope, QObject* parent)
    : QObject(parent), m_view(view), m_scene(view->canvas()), m_scope(scope)
{
    Document* doc = m_scene->document();
    // The Document's own actions: disabled, with the reason, while the map is locked (voting).
    m_undo = doc->undoAction();
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = doc->redoAction();
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                          QKeySequence(Qt::CTRL | Qt::Key_Y)});
    scope->addAction(m_undo);
    scope->addAction(m_redo);

    m_cut = make(tr("Cu&t"), {QKeySequence::Cut}, &EditActions::cut);
    m_copy = make(tr("&Copy"), {QKeySequence::Copy}, &EditActions::copy);
    m_paste = make(tr("&Paste"), {QKeySequence::Paste}, &EditActions::paste);
    m_delete = make(tr("&Delete"), {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)},
                    &EditActions::remove);
    m_selectAll = make(tr("Select &All"), {QKeySequence::SelectAll}, &EditActions::selectAll);
    m_addFactor = make(tr("&New Factor"), {QKeySequence(Qt::Key_N)},
                       &EditActions::addFactorAtCursor);
    m_rename = make(tr("&Rename Factor"), {QKeySequence(Qt::Key_F2)}, &EditActions::rename);
    m_link = make(tr("&Link Selected Factors"), {QKeySequence(Qt::Key_L)},
                  &EditActions::linkSelection);
    m_cyclePolarity = make(tr("Cycle &Polarity (+ - ?)"), {QKeySequence(Qt::Key_P)},
                           &EditActions::cyclePolarity);
    m_positive = make(tr("Polarity +"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
                      nullptr);
    m_negative = make(tr("Polarity \u2212"), {QKeySequence(Qt::Key_Minus)}, nullptr);
    m_unknown = make(tr("Polarity ?"), {QKeySequence(Qt::Key_Question)}, nullptr);
    connect(m_positive, &QAction::triggered, this, [this] { setPolarity(Polarity::Positive); });
    connect(m_negative, &QAction::triggered, this, [this] { setPolarity(Polarity::Negative); });
    connect(m_unknown, &QAction::triggered, this, [this] { setPolarity(Polarity::Unknown); });
    m_delay = make(tr("Toggle &Delay"), {QKeySequence(Qt::Key_D)}, &EditActions::toggleDelay);
    m_straighten = make(tr("&Straighten Link"), {}, &EditActions::straighten);
    m_find = make(tr("&Find Factor..."), {QKeySequence::Find}, nullptr);
    connect(m_find, &QAction::triggered, this, &EditActions::findRequested);

    m_zoomIn = make(tr("Zoom &In"), {QKeySequence(Qt::CTRL | Qt::Key_Equal),
                                     QKeySequence(Qt::CTRL | Qt::Key_Plus)}, nullptr);
    m_zoomOut = make(tr("Zoom &Out"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)}, nullptr);
    m_zoomReset = make(tr("&Actual Size"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, nullptr);
    m_zoomFit = make(tr("Zoom to &Fit"), {QKeySequence(Qt::CTRL | Qt::Key_1), QKeySequence(Qt::Key_F)},
                     nullptr);
    connect(m_zoomIn, &QAction::triggered, m_view, &CanvasView::zoomIn);
    connect(m_zoomOut, &QAction::triggered, m_view, &CanvasView::zoomOut);
    connect(m_zoomReset, &QAction::triggered, m_view, &CanvasView::resetZoom);
    connect(m_zoomFit, &QAction::triggered, m_view, &CanvasView::zoomToFit);

    // Single keys belong to the canvas: typed into a text field they are text.
    for (QAction* a : {m_addFactor, m_link, m_cyclePolarity, m_positive, m_negative, m_unknown,
                       m_delay, m_zoomFit, m_delete, m_rename}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_scope->removeAction(a);
        m_view->addAction(a);
    }
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &EditActions::updateEnabled);
    updateEnabled();
}

QAction* EditActions::make(const QString& text, const QList<QKeySequence>& keys,
                           void (EditActions::*slot)())
{
    auto* action = new QAction(text, this);
    action->setShortcuts(keys);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    m_scope->addAction(action);
    return action;
}

void EditActions::updateEnabled()
{
    const bool factors = !m_scene->selectedFactors().empty();
    const bool links = !m_scene->selectedLinks().empty();
    m_cut->setEnabled(factors);
    m_copy->setEnabled(factors);
    m_delete->setEnabled(factors || links);
    m_rename->setEnabled(m_scene->selectedFactors().size() == 1);
    // Polarity and delay stay enabled: pressed without a link, they say what to select.
    m_straighten->setEnabled(links);
}

void EditActions::fillEditMenu(QMenu* menu) const
{
    menu->addAction(m_undo);
    menu->addAction(m_redo);
    menu->addSeparator();
    menu->addActions({m_cut, m_copy, m_paste, m_delete});
    menu->addSeparator();
    menu->addActions({m_selectAll, m_find});
    menu->addSeparator();
    menu->addActions({m_addFactor, m_rename, m_link});
    menu->addSeparator();
    menu->addActions({m_cyclePolarity, m_positive, m_negative, m_unknown, m_delay, m_straighten});
}

void EditActions::fillViewMenu(QMenu* menu) const
{
    menu->addActions({m_zoomIn, m_zoomOut, m_zoomReset, m_zoomFit});
}

void EditActions::fillContextMenu(QMenu* menu, QPointF scenePos)
{
    const auto factors = m_scene->selectedFactors();
    const auto links = m_scene->selectedLinks();
    if (factors.empty() && links.empty()) {
        QAction* add = menu->addAction(tr("New Factor Here"));
        connect(add, &QAction::triggered, this, [this, scenePos] { m_scene->beginNewFactor(scenePos); });
        menu->addAction(m_paste);
        menu->addSeparator();
        menu->addActions({m_selectAll, m_zoomFit});
        return;
    }
    if (!links.empty()) {
        menu->addActions({m_positive, m_negative, m_unknown, m_cyclePolarity, m_delay,
                          m_straighten});
        menu->addSeparator();
    }
    if (factors.size() == 1)
        menu->addAction(m_rename);
    if (factors.size() == 2)
        menu->addAction(m_link);
    if (!factors.empty())
        menu->addActions({m_cut, m_copy});
    menu->addAction(m_delete);
}

bool EditActions::needLinks()
{
    if (!m_scene->selectedLinks().empty())
        return true;
    emit statusMessage(tr("Select one or more links first (click an arrow)"));
    return false;
}

void EditActions::addFactorAtCursor()
{
    m_scene->beginNewFactor(m_view->pasteTarget());
}

void EditActions::rename()
{
    const auto factors = m_scene->selectedFactors();
    if (factors.size() == 1)
        m_scene->editLabel(factors.front());
}

void EditActions::linkSelection()
{
    m_scene->linkSelection();
}

void EditActions::cyclePolarity()
{
    if (needLinks())
        m_scene->document()->cyclePolarity(m_scene->selectedLinks());
}

void EditActions::setPolarity(Polarity polarity)
{
    if (needLinks())
        m_scene->document()->setPolarity(m_scene->selectedLinks(), polarity);
}

void EditActions::toggleDelay()
{
    if (needLinks())
        m_scene->document()->toggleDelay(m_scene->selectedLinks());
}

void EditActions::straighten()
{
    Document* doc = m_scene->document();
    std::vector<MapChange> changes;
    for (LinkId id : m_scene->selectedLinks()) {
        const Link* link = doc->map().findLink(id);
        if (!link || !link->bend)
            continue;
        Link after = *link;
        after.bend.reset();
        after.bendByLayout = false;
        changes.push_back(change::UpdateLink{*link, after});
    }
    if (!changes.empty())
        doc->applyChanges(tr("Straighten %n link(s)", nullptr, int(changes.size())), changes);
}

void EditActions::remove()
{
    m_scene->deleteSelection();
}

void EditActions::selectAll()
{
    for (QGraphicsItem* item : m_scene->items())
        if (item->type() == FactorItem::Type || item->type() == LinkItem::Type)
            item->setSelected(true);
}

void EditActions::copy()
{
    const auto factors = m_scene->selectedFactors();
    if (factors.empty())
        return;
    copyFragmentToClipboard(m_scene->document()->fragment(factors));
}

void EditActions::cut()
{
    const auto factors = m_scene->selectedFactors();
    if (factors.empty() || !m_scene->mayRemove(factors, {}))
        return;
    copy();
    m_scene->document()->remove(factors, {});
}

void EditActions::paste()
{
    const std::optional<SystemMap> fragment = fragmentFromClipboard();
    if (!fragment || fragment->factorCount() == 0) {
        emit statusMessage(tr("Nothing to paste: copy some factors first"));
        return;
    }
    // Centre the pasted factors on the mouse (or the middle of the view).
    const Point centre = fragmentCentre(*fragment);
    const QPointF target = m_view->pasteTarget();
    const Point offset{target.x() - centre.x, target.y() - centre.y};
    const auto [factors, links] = m_scene->document()->paste(*fragment, offset);
    m_scene->selectOnly(factors, links);
}

} // namespace causeway
