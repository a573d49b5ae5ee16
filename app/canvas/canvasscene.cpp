#include "app/canvas/canvasscene.h"

#include "app/canvas/factoritem.h"
#include "app/canvas/inlineeditor.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/theme.h"
#include "app/document/document.h"
#include "io/import.h"
#include "layout/linkshapes.h"

#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QVariantAnimation>

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

namespace causeway {

CanvasScene::CanvasScene(Document* document, QObject* parent)
    : CanvasScene(document, theme::Look{}, parent)
{
}

CanvasScene::CanvasScene(Document* document, const theme::Look& look, QObject* parent)
    : QGraphicsScene(parent), m_document(document), m_look(look), m_routers(new QThreadPool(this)),
      m_routingHelpers(std::max(0, QThread::idealThreadCount() - 1))
{
    m_routers->setMaxThreadCount(int(std::max<std::ptrdiff_t>(1, m_routingHelpers)));
    setBackgroundBrush(look.background);
    setItemIndexMethod(QGraphicsScene::NoIndex); // items move often; maps are small
    connect(document, &Document::factorAdded, this, &CanvasScene::onFactorAdded);
    connect(document, &Document::factorChanged, this, &CanvasScene::onFactorChanged);
    connect(document, &Document::factorRemoved, this, &CanvasScene::onFactorRemoved);
    connect(document, &Document::linkAdded, this, &CanvasScene::onLinkAdded);
    connect(document, &Document::linkChanged, this, &CanvasScene::onLinkChanged);
    connect(document, &Document::linkRemoved, this, &CanvasScene::onLinkRemoved);
    connect(document, &Document::reset, this, &CanvasScene::rebuild);
    connect(document, &Document::changesStarting, this, &CanvasScene::deferLinks);
    connect(document, &Document::changesFinished, this, &CanvasScene::routeDeferredLinks);
    connect(document, &Document::firstLayoutEnded, this, &CanvasScene::releaseRoutes);
    m_animation = new QVariantAnimation(this);
    m_animation->setDuration(350);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant& value) {
        const double t = value.toDouble();
        const SystemMap& map = m_document->map();
        for (const auto& [id, start] : m_animationStarts) {
            FactorItem* item = m_factors.value(id);
            const Factor* f = map.findFactor(id);
            if (item && f) {
                const Point to = shownPosition(*f);
                item->setPos(start + (QPointF(to.x, to.y) - start) * t);
            }
        }
    });
    connect(m_animation, &QVariantAnimation::finished, this, &CanvasScene::stopAnimation);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        // Remember the order factors were selected in, so L links first -> second.
        const std::vector<FactorId> now = selectedFactors();
        std::erase_if(m_selectionOrder, [&](FactorId id) {
            return !std::binary_search(now.begin(), now.end(), id);
        });
        for (FactorId id : now)
            if (std::find(m_selectionOrder.begin(), m_selectionOrder.end(), id)
                == m_selectionOrder.end())
                m_selectionOrder.push_back(id);
    });
    rebuild();
}

CanvasScene::~CanvasScene()
{
    // QGraphicsScene's destructor deletes selected items after our members are gone; its
    // selectionChanged would reach the lambda above and read the destroyed selection order.
    blockSignals(true);
}

void CanvasScene::setLook(const theme::Look& look)
{
    m_look = look;
    setBackgroundBrush(look.background);
    resyncFactors();
    update();
}

void CanvasScene::setShownPositions(std::map<FactorId, Point> positions, bool layoutBends)
{
    if (positions == m_shown && layoutBends == m_shownLayoutBends)
        return;
    m_shown = std::move(positions);
    m_shownLayoutBends = layoutBends;
    stopAnimation();
    resyncFactors();
}

void CanvasScene::resyncFactors()
{
    deferLinks(); // each link routed once, around every box, at the end
    const SystemMap& map = m_document->map();
    for (LinkItem* item : std::as_const(m_links)) // each routed below, with its ends
        if (const Link* l = map.findLink(item->id()); l && l->bend)
            item->showAs(shown(*l));
    for (auto it = m_factors.begin(); it != m_factors.end(); ++it)
        if (const Factor* f = map.findFactor(it.key())) {
            it.value()->syncFrom(shown(*f));
            updateLinksOf(it.key()); // every link has its ends among them
        }
    routeDeferredLinks();
}

Point CanvasScene::shownPosition(const Factor& factor) const
{
    const auto it = m_shown.find(factor.id);
    return it != m_shown.end() ? it->second : factor.position;
}

Factor CanvasScene::shown(const Factor& factor) const
{
    Factor f = factor;
    f.position = shownPosition(factor);
    return f;
}

Link CanvasScene::shown(const Link& link) const
{
    const Factor* from = m_document->map().findFactor(link.from);
    const Factor* to = m_document->map().findFactor(link.to);
    if (!link.bend || m_shown.empty() || !from || !to || link.from == link.to)
        return link;
    Link l = link;
    if (link.bendByLayout
        && !m_shownLayoutBends) { // a ring's arc, where the rings are gone: routed afresh
        l.bend.reset();
        return l;
    }
    const Point was{to->position.x - from->position.x, to->position.y - from->position.y};
    const double length2 = was.x * was.x + was.y * was.y;
    if (length2 < 1e-9)
        return link;
    const Point at = shownPosition(*from), toAt = shownPosition(*to);
    const Point is{toAt.x - at.x, toAt.y - at.y};
    // The bend in the chord's own terms: along it and across it, in chord lengths.
    const double along = (link.bend->x * was.x + link.bend->y * was.y) / length2;
    const double across = (link.bend->y * was.x - link.bend->x * was.y) / length2;
    l.bend = Point{along * is.x - across * is.y, along * is.y + across * is.x};
    return l;
}

// ---- the model's signals

void CanvasScene::rebuild()
{
    stopAnimation();
    closeEditor();
    for (LinkItem* item : std::as_const(m_links))
        delete item;
    for (FactorItem* item : std::as_const(m_factors))
        delete item;
    m_links.clear();
    m_factors.clear();
    m_selectionOrder.clear();
    const SystemMap& map = m_document->map();
    deferLinks(); // each link routed once, around every box, at the end
    for (FactorId id : map.factorIds())
        onFactorAdded(id);
    // Never laid out: its links plain until it is (holdsRoutes).
    m_holdingRoutes = needsFirstLayout(map) && linksPayToCross();
    if (m_holdingRoutes)
        QTimer::singleShot(0, this, [this] {
            if (!m_document->firstLayoutRunning())
                releaseRoutes(); // no first layout came
        });
    for (LinkId id : map.linkIds())
        onLinkAdded(id);
    routeDeferredLinks();
}

void CanvasScene::releaseRoutes()
{
    if (!std::exchange(m_holdingRoutes, false))
        return; // routed already (a layout moved the factors)
    if (m_deferring > 0 || m_collectingAnimation || isAnimating()) {
        m_linesChanged = true; // routed when the step or the glide ends
        return;
    }
    routeEveryLink();
    emit linksRerouted();
}

void CanvasScene::onFactorAdded(FactorId id)
{
    const Factor* factor = m_document->map().findFactor(id);
    if (!factor || m_factors.contains(id))
        return;
    auto* item = new FactorItem(id);
    m_factors.insert(id, item);
    addItem(item); // first: syncFrom sizes the box with this scene's look
    item->syncFrom(shown(*factor));
    factorItemMoved(id); // links under the new box go around it
}

void CanvasScene::onFactorChanged(FactorId id)
{
    FactorItem* item = m_factors.value(id);
    const Factor* factor = m_document->map().findFactor(id);
    if (!item || !factor)
        return;
    if (m_collectingAnimation) {
        m_animationStarts.emplace(id, item->pos()); // stays where it is until the animation runs
        const QPointF start = m_animationStarts.at(id);
        item->syncFrom(shown(*factor));
        item->setPos(start);
    } else {
        if (isAnimating())
            stopAnimation(); // another change (an undo, an edit) wins over the glide
        // Its links routed and signs placed once, at the end: moving the box, sizing it and the
        // other lines changing each asked for it (a factor dropped on a 100-factor, 300-link map
        // routed its own links three times and every link once, and placed every sign three
        // times: ~125 ms; ~80 ms once, ~50 ms with the routing on two cores, routeItems).
        deferLinks();
        item->syncFrom(shown(*factor));
    }
    if (std::exchange(m_holdingRoutes, false))
        m_linesChanged = true; // laid out: every link routed once the step ends
    updateLinksOf(id); // the box may have a new size
    linesChanged();    // or a new place
    if (!m_collectingAnimation)
        routeDeferredLinks();
}

void CanvasScene::beginAnimatedChange()
{
    stopAnimation();
    m_collectingAnimation = m_animationsEnabled;
}

void CanvasScene::endAnimatedChange()
{
    if (!m_collectingAnimation)
        return;
    m_collectingAnimation = false;
    if (!m_animationStarts.empty())
        m_animation->start();
    else
        routeDeferredLinks(); // nothing moved: route what the step changed now
}

bool CanvasScene::isAnimating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void CanvasScene::stopAnimation()
{
    if (m_animationStarts.empty())
        return;
    m_animation->stop();
    const auto starts = std::exchange(m_animationStarts, {});
    const SystemMap& map = m_document->map();
    for (const auto& [id, start] : starts)
        if (FactorItem* item = m_factors.value(id))
            if (const Factor* f = map.findFactor(id)) {
                const Point at = shownPosition(*f); // exactly where it is drawn
                item->setPos(at.x, at.y);
            }
    deferLinks();
    for (const auto& [id, start] : starts) {
        updateLinksOf(id); // routed again around the factors' final boxes
        m_deferredMoves.insert(id);
    }
    routeDeferredLinks();
}

void CanvasScene::deferLinks()
{
    ++m_deferring;
}

void CanvasScene::routeDeferredLinks()
{
    if (m_deferring > 0)
        --m_deferring;
    // A layout's step is routed once its glide ends (stopAnimation); until then links follow
    // as simple curves.
    if (m_deferring > 0 || m_collectingAnimation)
        return;
    if (isAnimating()) {
        // Drawn as simple curves while factors glide (cheap); routed when the glide ends.
        const std::set<LinkId> pending = m_deferredLinks;
        for (LinkId id : pending)
            if (LinkItem* item = m_links.value(id))
                updateLinkGeometry(item);
        return;
    }
    std::set<LinkId> links = std::exchange(m_deferredLinks, {});
    // Links between other factors that a moved box now lands on go around it too.
    for (FactorId id : std::exchange(m_deferredMoves, {}))
        if (FactorItem* factor = m_factors.value(id)) {
            const BoxShape b = factor->box();
            const QRectF area(b.centre.x - b.width / 2, b.centre.y - b.height / 2, b.width, b.height);
            for (QGraphicsItem* item : items(area))
                if (item->type() == LinkItem::Type)
                    links.insert(static_cast<LinkItem*>(item)->id());
        }
    if (!m_holdingRoutes
        && (std::exchange(m_linesChanged, false) || (!links.empty() && linksPayToCross()))) {
        routeEveryLink();
        return;
    }
    for (LinkId id : links)
        if (LinkItem* item = m_links.value(id))
            updateLinkGeometry(item);
    placeSigns();
}

void CanvasScene::onFactorRemoved(FactorId id)
{
    // Links to it normally go first with their own signal; make sure none is left dangling.
    for (auto it = m_links.begin(); it != m_links.end();) {
        if (it.value()->link().from == id || it.value()->link().to == id) {
            delete it.value();
            it = m_links.erase(it);
        } else {
            ++it;
        }
    }
    delete m_factors.take(id);
}

void CanvasScene::onLinkAdded(LinkId id)
{
    const Link* link = m_document->map().findLink(id);
    if (!link || m_links.contains(id))
        return;
    auto* item = new LinkItem(shown(*link));
    m_links.insert(id, item);
    addItem(item);
    deferLinks(); // routed, and signs placed, once (onFactorChanged)
    updateLinkGeometry(item);
    updateReverseOf(*link);
    linesChanged();
    routeDeferredLinks();
}

void CanvasScene::onLinkChanged(LinkId id)
{
    LinkItem* item = m_links.value(id);
    const Link* link = m_document->map().findLink(id);
    if (!item || !link)
        return;
    item->syncFrom(shown(*link));
    updateLinkGeometry(item);
    placeSigns();
}

void CanvasScene::onLinkRemoved(LinkId id)
{
    LinkItem* item = m_links.take(id);
    if (!item)
        return;
    const Link link = item->link();
    delete item;
    deferLinks(); // routed, and signs placed, once (onFactorChanged)
    updateReverseOf(link);
    linesChanged();
    routeDeferredLinks(); // signs placed again: one it pushed aside may go back
}

void CanvasScene::updateReverseOf(const Link& link)
{
    if (auto reverse = m_document->map().findLink(link.to, link.from))
        if (LinkItem* item = m_links.value(*reverse))
            updateLinkGeometry(item);
}

void CanvasScene::updateLinksOf(FactorId id, bool offLines)
{
    const SystemMap& map = m_document->map();
    if (!map.contains(id))
        return;
    for (LinkId l : map.outLinks(id))
        if (LinkItem* item = m_links.value(l))
            updateLinkGeometry(item);
    for (LinkId l : map.inLinks(id))
        if (LinkItem* item = m_links.value(l))
            updateLinkGeometry(item);
    placeSigns(offLines);
}

void CanvasScene::factorItemMoved(FactorId id)
{
    // While the mouse drags it, signs keep off other lines only once it is dropped (the move
    // then reaches the document, and onFactorChanged places them fully): each frame stays short.
    const bool dragged = mouseGrabberItem() != nullptr;
    updateLinksOf(id, !dragged);
    if (m_deferring > 0) {
        m_deferredMoves.insert(id);
        return;
    }
    // Other links the box now lands on go around it.
    FactorItem* factor = m_factors.value(id);
    if (!factor)
        return;
    const BoxShape b = factor->box();
    const QRectF area(b.centre.x - b.width / 2, b.centre.y - b.height / 2, b.width, b.height);
    for (QGraphicsItem* item : items(area))
        if (item->type() == LinkItem::Type) {
            auto* link = static_cast<LinkItem*>(item);
            if (link->link().from != id && link->link().to != id)
                updateLinkGeometry(link);
        }
    placeSigns(!dragged);
}

// ---- selection

namespace {
// The ids of the selected items of one kind, ascending.
template <class Item>
auto selectedIds(const QList<QGraphicsItem*>& selected)
{
    std::vector<decltype(std::declval<Item&>().id())> ids;
    for (QGraphicsItem* item : selected)
        if (item->type() == Item::Type)
            ids.push_back(static_cast<Item*>(item)->id());
    std::sort(ids.begin(), ids.end());
    return ids;
}
} // namespace

std::vector<FactorId> CanvasScene::selectedFactors() const
{
    return selectedIds<FactorItem>(selectedItems());
}

std::vector<LinkId> CanvasScene::selectedLinks() const
{
    return selectedIds<LinkItem>(selectedItems());
}

void CanvasScene::selectOnly(const std::vector<FactorId>& factors, const std::vector<LinkId>& links)
{
    clearSelection();
    for (FactorId id : factors)
        if (FactorItem* item = m_factors.value(id))
            item->setSelected(true);
    for (LinkId id : links)
        if (LinkItem* item = m_links.value(id))
            item->setSelected(true);
}

QRectF CanvasScene::mapBounds() const
{
    // Boxes where the model has them (items may still be gliding there), links as drawn.
    QRectF r;
    const SystemMap& map = m_document->map();
    for (auto it = m_factors.begin(); it != m_factors.end(); ++it) {
        const Factor* f = map.findFactor(it.key());
        const QSizeF size = it.value()->boxSize();
        const QPointF centre = f ? QPointF(shownPosition(*f).x, shownPosition(*f).y) : it.value()->pos();
        r |= QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
    }
    if (isAnimating())
        return r.isEmpty() ? QRectF(-400, -300, 800, 600) : r.adjusted(-40, -40, 40, 40);
    for (LinkItem* item : std::as_const(m_links))
        r |= item->sceneBoundingRect();
    return r.isEmpty() ? QRectF(-400, -300, 800, 600) : r;
}

std::map<FactorId, layout::Size> CanvasScene::boxSizes() const
{
    std::map<FactorId, layout::Size> sizes;
    for (auto it = m_factors.begin(); it != m_factors.end(); ++it)
        sizes[it.key()] = {it.value()->boxSize().width(), it.value()->boxSize().height()};
    return sizes;
}

layout::DrawingQuality CanvasScene::measured() const
{
    std::map<FactorId, BoxShape> boxes;
    for (auto it = m_factors.cbegin(); it != m_factors.cend(); ++it)
        boxes.emplace(it.key(), it.value()->box());
    std::map<LinkId, LinkShape> shapes;
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
        shapes.emplace(it.key(), it.value()->linkShape());
    return layout::measureDrawing(layout::drawingOfShapes(m_document->map(), boxes, shapes, m_look.link));
}

} // namespace causeway
