// The links half of CanvasScene's drawing: each link routed round the boxes (many at once on every
// core), its ends spread along busy boxes and its sign placed clear (canvasscene.cpp keeps the
// items in step with the model, canvasgestures.cpp turns gestures into intents).
#include "app/canvas/canvasscene.h"

#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/theme.h"
#include "app/document/document.h"
#include "layout/linkshapes.h"

#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <latch>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace causeway {

bool CanvasScene::linksPayToCross() const
{
    return m_document->map().factorCount() > kTolledFactors;
}

std::shared_ptr<const OtherLines> CanvasScene::linesToCrossNow() const
{
    if (!linksPayToCross())
        return {};
    std::map<FactorId, BoxShape> boxes;
    for (auto it = m_factors.cbegin(); it != m_factors.cend(); ++it)
        boxes.emplace(it.key(), it.value()->box());
    return std::make_shared<const OtherLines>(linesToCross(m_document->map(), boxes));
}

void CanvasScene::linesChanged()
{
    if (!linksPayToCross())
        return;
    if (m_deferring > 0 || m_collectingAnimation || isAnimating() || m_holdingRoutes) {
        m_linesChanged = true; // routed when the step or the glide ends
        return;
    }
    routeEveryLink();
}

void CanvasScene::routeEveryLink()
{
    const std::shared_ptr<const OtherLines> lines = linesToCrossNow(); // one for all of them
    std::vector<LinkItem*> items;
    items.reserve(std::size_t(m_links.size()));
    for (LinkItem* item : std::as_const(m_links))
        if (prepareLinkGeometry(item, lines))
            items.push_back(item);
    routeItems(items);
    placeSigns();
}

void CanvasScene::updateLinkGeometry(LinkItem* item, std::shared_ptr<const OtherLines> lines)
{
    if (prepareLinkGeometry(item, std::move(lines)))
        routeItems({item});
}

bool CanvasScene::prepareLinkGeometry(LinkItem* item, std::shared_ptr<const OtherLines> lines)
{
    if (m_deferring > 0) {
        m_deferredLinks.insert(item->id());
        return false;
    }
    const Link& link = item->link();
    FactorItem* from = m_factors.value(link.from);
    FactorItem* to = m_factors.value(link.to);
    if (!from || !to)
        return false;
    const bool apart = link.from != link.to && m_document->map().findLink(link.to, link.from);
    std::vector<BoxShape> obstacles;
    // While a layout glides, links follow as simple curves (routing all of them every frame
    // costs ~100 ms on a 100-factor map); they are routed when the glide ends.
    if (link.from != link.to && !isAnimating() && !m_holdingRoutes) {
        ++m_routedLinks;
        obstacles.reserve(std::size_t(m_factors.size()));
        for (auto it = m_factors.cbegin(); it != m_factors.cend(); ++it)
            if (it.key() != link.from && it.key() != link.to)
                obstacles.push_back(it.value()->box());
        if (!lines) // as the SVG export routes it (layout/linkshapes.h computeLinkShapes)
            lines = linesToCrossNow();
    } else {
        lines.reset();
    }
    item->prepareEnds(from->box(), to->box(), apart, std::move(obstacles), std::move(lines));
    return true;
}

void CanvasScene::routeItems(const std::vector<LinkItem*>& items)
{
    std::vector<LinkItem::Route> routes(items.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < items.size();)
            routes[i] = items[i]->route(m_look.link);
    };
    // This thread routes too, with a helper on each other core from the scene's own pool: none
    // waits behind a layout or an analysis running on the global one.
    const std::ptrdiff_t helpers = items.size() >= kRoutedTogether ? m_routingHelpers : 0;
    std::latch done(helpers);
    for (std::ptrdiff_t k = 0; k < helpers; ++k)
        m_routers->start([&] {
            work();
            done.count_down();
        });
    work();
    done.wait();
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i]->setRoute(std::move(routes[i]));
}

void CanvasScene::placeSigns(bool offLines)
{
    if (m_deferring > 0 || isAnimating())
        return;
    std::vector<LinkItem*> items(m_links.cbegin(), m_links.cend());
    std::sort(items.begin(), items.end(),
              [](const LinkItem* a, const LinkItem* b) { return a->id() < b->id(); });
    placePorts(items);
    std::vector<LinkShape> preferred;
    preferred.reserve(items.size());
    for (const LinkItem* item : items)
        preferred.push_back(item->preferredShape());
    std::vector<LinkShape*> shapes;
    shapes.reserve(preferred.size());
    for (LinkShape& shape : preferred)
        shapes.push_back(&shape);
    std::vector<BoxShape> boxes;
    boxes.reserve(std::size_t(m_factors.size()));
    for (const FactorItem* factor : std::as_const(m_factors))
        boxes.push_back(factor->box());
    // At the signs' own size: the room's are larger than the editor's.
    const LinkStyle style = items.empty() ? LinkStyle{} : theme::lookOf(items.front()).link;
    std::vector<bool> delayed;
    delayed.reserve(items.size());
    for (const LinkItem* item : items)
        delayed.push_back(item->link().delay);
    placeSignsAndMarks(shapes, boxes, style, offLines, delayed);
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i]->setPlaced(preferred[i]);
}

void CanvasScene::placePorts(const std::vector<LinkItem*>& items)
{
    std::map<FactorId, BoxShape> boxes;
    for (auto it = m_factors.cbegin(); it != m_factors.cend(); ++it)
        boxes[it.key()] = it.value()->box();
    std::vector<DrawnLink> drawn;
    drawn.reserve(items.size());
    for (const LinkItem* item : items) {
        const Link& l = item->link();
        const bool known = boxes.count(l.from) && boxes.count(l.to);
        const bool apart = l.from != l.to && m_document->map().findLink(l.to, l.from).has_value();
        drawn.push_back({l.from, l.to, known ? &item->ownShape() : nullptr, l.bend, apart});
    }
    const LinkStyle style = items.empty() ? LinkStyle{} : theme::lookOf(items.front()).link;
    const std::vector<LinkPorts> ports = arrangeLinks(drawn, boxes, style);
    std::vector<LinkItem*> moved;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i]->preparePorts(ports[i]))
            moved.push_back(items[i]);
    routeItems(moved);
}

} // namespace causeway
