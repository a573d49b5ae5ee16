// The gestures half of CanvasScene: mouse and keyboard gestures on the canvas, each turned into
// Document intents (the other half, canvasscene.cpp, keeps the items in step with the model).
#include "app/canvas/canvasscene.h"

#include "app/document/document.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/inlineeditor.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/theme.h"

#include <cmath>

#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>

namespace causeway {
// ---- gestures

void CanvasScene::beginNewFactor(QPointF scenePos, FactorId linkFrom)
{
    closeEditor();
    m_editor = new InlineEditor(QString(), scenePos);
    addItem(m_editor);
    m_editor->setFocus(Qt::OtherFocusReason);
    InlineEditor* editor = m_editor;
    connect(editor, &InlineEditor::committed, this, [this, scenePos, linkFrom](const QString& text) {
        closeEditor();
        if (text.isEmpty())
            return;
        const Point at{scenePos.x(), scenePos.y()};
        if (linkFrom.valid() && m_document->map().contains(linkFrom)) {
            // A link dragged onto empty canvas: the new factor and its link are one step.
            const LinkId link = m_document->addFactorWithLink(linkFrom, text, at).second;
            selectOnly({}, {link});
        } else {
            const FactorId id = m_document->addFactor(text, at);
            selectOnly({id});
        }
    });
    connect(editor, &InlineEditor::cancelled, this, &CanvasScene::closeEditor);
}

void CanvasScene::editLabel(FactorId id)
{
    FactorItem* item = m_factors.value(id);
    if (!item)
        return;
    closeEditor();
    m_editor = new InlineEditor(item->label(), item->pos());
    addItem(m_editor);
    m_editor->setFocus(Qt::OtherFocusReason);
    connect(m_editor, &InlineEditor::committed, this, [this, id](const QString& text) {
        closeEditor();
        const Factor* factor = m_document->map().findFactor(id);
        if (!factor || text.isEmpty() || text.toStdString() == factor->label)
            return;
        Factor changed = *factor;
        changed.label = text.toStdString();
        m_document->updateFactor(changed);
    });
    connect(m_editor, &InlineEditor::cancelled, this, &CanvasScene::closeEditor);
}

void CanvasScene::closeEditor()
{
    if (!m_editor)
        return;
    InlineEditor* editor = m_editor;
    m_editor = nullptr;
    editor->finish(false); // no-op when it already finished
    editor->deleteLater(); // may be inside its own key handler
}

bool CanvasScene::linkSelection()
{
    if (m_selectionOrder.size() != 2) {
        emit statusMessage(tr("Select two factors (click, then Ctrl+click) to link them"));
        return false;
    }
    const LinkId id = m_document->addLink(m_selectionOrder[0], m_selectionOrder[1]);
    if (id.valid())
        selectOnly({}, {id});
    return id.valid();
}

void CanvasScene::deleteSelection()
{
    const auto factors = selectedFactors();
    const auto links = selectedLinks();
    if ((!factors.empty() || !links.empty()) && mayRemove(factors, links))
        m_document->remove(factors, links);
}

void CanvasScene::bendLink(LinkId id, Point bend)
{
    const Link* link = m_document->map().findLink(id);
    if (!link)
        return;
    Link changed = *link;
    changed.bend = bend;
    changed.bendByLayout = false; // the facilitator's now: every layout keeps it
    m_document->updateLink(changed);
}

void CanvasScene::commitMoves()
{
    std::map<FactorId, Point> moved;
    const SystemMap& map = m_document->map();
    for (auto it = m_factors.begin(); it != m_factors.end(); ++it) {
        const Factor* factor = map.findFactor(it.key());
        const QPointF p = it.value()->pos();
        if (factor && (factor->position.x != p.x() || factor->position.y != p.y()))
            moved[it.key()] = {p.x(), p.y()};
    }
    if (moved.empty())
        return;
    if (!m_document->moveFactors(moved)) {
        for (const auto& [id, p] : moved) // refused: back to where the model has them
            onFactorChanged(id);
    }
}

// ---- mouse

FactorItem* CanvasScene::factorAt(QPointF scenePos) const
{
    for (QGraphicsItem* item : items(scenePos))
        if (item->type() == FactorItem::Type)
            return static_cast<FactorItem*>(item);
    return nullptr;
}

FactorItem* CanvasScene::handleAt(QPointF scenePos) const
{
    // Not through the items' shapes: a handle is part of the shape only while it shows, and a
    // press right on it should start a link even when the hover that showed it was missed.
    const double r = theme::kHandleRadius + 6;
    for (QGraphicsItem* item : items(QRectF(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r))))
        if (item->type() == FactorItem::Type && static_cast<FactorItem*>(item)->handleContains(scenePos))
            return static_cast<FactorItem*>(item);
    return nullptr;
}

void CanvasScene::setItemClickInterceptor(ItemClickInterceptor interceptor)
{
    m_clickInterceptor = std::move(interceptor);
    if (m_clickInterceptor) {
        closeEditor();
        clearSelection();
    }
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_clickInterceptor) {
        event->accept();
        // A factor wins; among links, the one whose polarity sign was clicked (a routed link can
        // pass over another's sign), else the topmost.
        const QPointF at = event->scenePos();
        LinkItem* topmost = nullptr;
        LinkItem* bySign = nullptr;
        double nearestSign = 20; // scene units: about a sign's radius and a half
        for (QGraphicsItem* item : items(at)) { // topmost first
            if (item->type() == FactorItem::Type)
                return m_clickInterceptor(ItemRef::of(static_cast<FactorItem*>(item)->id()),
                                          event->button());
            if (item->type() != LinkItem::Type)
                continue;
            auto* candidate = static_cast<LinkItem*>(item);
            if (!topmost)
                topmost = candidate;
            const Point sign = candidate->linkShape().sign;
            const double d = std::hypot(sign.x - at.x(), sign.y - at.y());
            if (d < nearestSign) {
                nearestSign = d;
                bySign = candidate;
            }
        }
        LinkItem* link = bySign ? bySign : topmost;
        if (link)
            m_clickInterceptor(ItemRef::of(link->id()), event->button());
        return;
    }
    stopAnimation(); // never drag a factor from a position the model does not have
    if (m_editor && !m_editor->sceneBoundingRect().contains(event->scenePos()))
        m_editor->finish(true);
    if (event->button() == Qt::LeftButton) {
        FactorItem* handle = handleAt(event->scenePos());
        FactorItem* factor = handle ? handle : factorAt(event->scenePos());
        if (factor && (handle || (event->modifiers() & Qt::ShiftModifier))) {
            m_linkSource = factor->id();
            m_linkLeftSource = false;
            m_linkPreview = new QGraphicsPathItem;
            QPen pen(theme::handleColour(), theme::kLinkWidth, Qt::DashLine, Qt::RoundCap);
            m_linkPreview->setPen(pen);
            m_linkPreview->setZValue(50);
            addItem(m_linkPreview);
            event->accept();
            return;
        }
        m_pressedOnFactor = factor != nullptr;
    }
    QGraphicsScene::mousePressEvent(event);
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_clickInterceptor)
        return event->accept();
    if (!m_linkSource.valid()) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    FactorItem* source = m_factors.value(m_linkSource);
    if (!source) {
        finishLinkDrag(event->scenePos());
        return;
    }
    const QPointF pos = event->scenePos();
    FactorItem* target = factorAt(pos);
    if (target != source)
        m_linkLeftSource = true;
    if (target != m_linkTargetItem) {
        if (m_linkTargetItem)
            m_linkTargetItem->setLinkTarget(false);
        m_linkTargetItem = target;
        if (target && (target != source || m_linkLeftSource))
            target->setLinkTarget(true);
    }
    QPainterPath path(source->pos());
    path.lineTo(pos);
    m_linkPreview->setPath(path);
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_clickInterceptor)
        return event->accept();
    if (m_linkSource.valid()) {
        finishLinkDrag(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (m_pressedOnFactor && event->button() == Qt::LeftButton) {
        m_pressedOnFactor = false;
        commitMoves();
    }
}

void CanvasScene::finishLinkDrag(QPointF scenePos)
{
    const FactorId source = m_linkSource;
    const bool left = m_linkLeftSource;
    m_linkSource = {};
    if (m_linkTargetItem)
        m_linkTargetItem->setLinkTarget(false);
    m_linkTargetItem = nullptr;
    delete m_linkPreview;
    m_linkPreview = nullptr;
    if (!m_document->map().contains(source))
        return;

    FactorItem* target = factorAt(scenePos);
    if (target && (target->id() != source || left)) {
        const LinkId id = m_document->addLink(source, target->id());
        if (id.valid())
            selectOnly({}, {id});
    } else if (!target && left) {
        beginNewFactor(scenePos, source); // name the new factor; it arrives linked
    }
}

void CanvasScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_clickInterceptor) // the second click of a double-click counts as a click again
        return mousePressEvent(event);
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mouseDoubleClickEvent(event);
        return;
    }
    QGraphicsItem* item = itemAt(event->scenePos(), QTransform());
    if (!item) {
        beginNewFactor(event->scenePos());
        event->accept();
    } else if (item->type() == FactorItem::Type) {
        editLabel(static_cast<FactorItem*>(item)->id());
        event->accept();
    } else {
        QGraphicsScene::mouseDoubleClickEvent(event);
    }
}

void CanvasScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    if (m_clickInterceptor) // a right click is a "stop" nomination while voting
        return event->accept();
    QGraphicsItem* item = itemAt(event->scenePos(), QTransform());
    if (item && (item->type() == FactorItem::Type || item->type() == LinkItem::Type)) {
        if (!item->isSelected()) {
            clearSelection();
            item->setSelected(true);
        }
    } else {
        clearSelection();
    }
    emit contextMenuRequested(event->screenPos(), event->scenePos());
    event->accept();
}

} // namespace causeway
