#include "app/canvas/canvasemphasis.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"

namespace causeway {

CanvasEmphasis::CanvasEmphasis(CanvasScene* scene, QObject* parent)
    : QObject(parent), m_scene(scene)
{
    // Connected after the scene's own slots, so the new items exist when apply() runs.
    Document* document = scene->document();
    connect(document, &Document::factorAdded, this, [this] { apply(); });
    connect(document, &Document::linkAdded, this, [this] { apply(); });
    connect(document, &Document::reset, this, &CanvasEmphasis::clear);
}

void CanvasEmphasis::setEmphasis(std::set<FactorId> factors, std::set<LinkId> links)
{
    m_factors = std::move(factors);
    m_links = std::move(links);
    m_active = true;
    apply();
    emit changed();
}

void CanvasEmphasis::clear()
{
    if (!m_active)
        return;
    m_active = false;
    m_factors.clear();
    m_links.clear();
    apply();
    emit changed();
}

void CanvasEmphasis::apply()
{
    if (!m_active && m_factors.empty() && m_links.empty()) {
        for (QGraphicsItem* item : m_scene->items())
            if (item->type() == FactorItem::Type || item->type() == LinkItem::Type)
                item->setOpacity(1.0);
        return;
    }
    for (QGraphicsItem* item : m_scene->items()) {
        if (item->type() == FactorItem::Type) {
            const bool on = m_factors.count(static_cast<FactorItem*>(item)->id()) > 0;
            item->setOpacity(on ? 1.0 : kDimmedOpacity);
        } else if (item->type() == LinkItem::Type) {
            const bool on = m_links.count(static_cast<LinkItem*>(item)->id()) > 0;
            item->setOpacity(on ? 1.0 : kDimmedOpacity);
        }
    }
}

} // namespace causeway

#include "app/canvas/canvasview.h"

namespace causeway {

void bringIntoView(CanvasView* view, const std::set<FactorId>& factors,
                   const std::set<LinkId>& links)
{
    CanvasScene* scene = view->canvas();
    QRectF rect;
    for (FactorId id : factors)
        if (FactorItem* item = scene->factorItem(id))
            rect |= item->sceneBoundingRect();
    for (LinkId id : links)
        if (LinkItem* item = scene->linkItem(id))
            rect |= item->sceneBoundingRect();
    if (rect.isEmpty())
        return;
    rect.adjust(-30, -30, 30, 30);
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    const QSize port = view->viewport()->size();
    const double fit = std::min(port.width() / rect.width(), port.height() / rect.height());
    // Zoom out when it does not fit; zoom in (up to actual size) when it would be a speck in a
    // map fitted to the window, so the room can read the highlighted factors.
    const bool speck = rect.width() * view->zoom() < port.width() / 2.0
                       && rect.height() * view->zoom() < port.height() / 2.0;
    if (visible.contains(rect) && !speck)
        return;
    if (fit < view->zoom() || speck)
        view->setZoom(std::min(fit, 1.0));
    view->centerOn(rect.center());
}

} // namespace causeway
