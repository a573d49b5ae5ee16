#include "app/canvas/votebadgeitem.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/theme.h"
#include "model/nominations.h"

#include <QFont>
#include <QGraphicsView>
#include <QPainter>

#include <cmath>
#include <QPainterPath>

#include <algorithm>

namespace causeway {

namespace {

QPointF qt(Point p)
{
    return {p.x, p.y};
}

// Watch: a solid dark pill with white marks; stop: a white tag with a thick dark edge. Told apart
// by shape and glyph in black and white, by colour too (Okabe-Ito bluish green, reddish purple).
QColor watchFill() { return theme::watchColour(); }
QColor stopEdge() { return theme::stopColour(); }

} // namespace

VoteBadgeItem::VoteBadgeItem(ItemRef item, std::vector<VoteBadge> badges, Point anchor)
    : m_item(item), m_badges(std::move(badges))
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setZValue(100); // over boxes, links and their labels
    setFlag(ItemIgnoresTransformations);
    setPos(anchor.x, anchor.y);
    for (VoteBadge& b : m_badges) { // local coordinates: relative to the anchor
        const double dx = -anchor.x, dy = -anchor.y;
        b.x += dx;
        b.y += dy;
        b.textCentre = {b.textCentre.x + dx, b.textCentre.y + dy};
        for (Point* p : {&b.glyph.left, &b.glyph.right, &b.glyph.upper, &b.glyph.lower, &b.glyph.pupil})
            *p = {p->x + dx, p->y + dy};
        for (auto& [from, to] : b.glyph.lashes) {
            from = {from.x + dx, from.y + dy};
            to = {to.x + dx, to.y + dy};
        }
    }
    for (const VoteBadge& b : m_badges)
        m_bounds |= QRectF(b.x, b.y, b.width, b.height).adjusted(-3, -3, 3, 3);
}

QRectF VoteBadgeItem::boundingRect() const
{
    return m_bounds;
}

void VoteBadgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget* widget)
{
    // Full size from 100 % zoom up, smaller than the map when zoomed in; zoomed out, shrink with
    // the map (towards the corner they hang from), never larger than the map units they were
    // placed in: so they never grow over a neighbour's label.
    double zoom = 1;
    if (auto* view = widget ? qobject_cast<QGraphicsView*>(widget->parentWidget()) : nullptr)
        zoom = view->transform().m11();
    const double scale = std::min(zoom, 1.0);
    painter->scale(scale, scale);
    for (const VoteBadge& b : m_badges)
        paintBadge(painter, b);
}

void VoteBadgeItem::paintBadge(QPainter* painter, const VoteBadge& b)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool watch = b.kind == NominationKind::Watch;
    const QColor ink = watch ? QColor(Qt::white) : QColor(0x11, 0x11, 0x11);
    const QRectF rect(b.x, b.y, b.width, b.height);
    if (watch) {
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(watchFill());
    } else {
        painter->setPen(QPen(stopEdge(), std::max(2.5, b.height * 0.1)));
        painter->setBrush(Qt::white);
    }
    painter->drawRoundedRect(rect, b.cornerRadius, b.cornerRadius);

    const EyeGlyph& g = b.glyph;
    const double stroke = std::max(1.8, b.height * 0.075);
    painter->setPen(QPen(ink, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    QPainterPath lids(qt(g.left));
    lids.quadTo(qt(g.lower), qt(g.right));
    if (g.open)
        lids.quadTo(qt(g.upper), qt(g.left));
    painter->drawPath(lids);
    if (g.open) {
        painter->setBrush(ink);
        painter->drawEllipse(qt(g.pupil), g.pupilRadius, g.pupilRadius);
    }
    for (const auto& [from, to] : g.lashes)
        painter->drawLine(qt(from), qt(to));

    if (b.count > 0) {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(std::max(8, int(std::lround(b.fontSize))));
        font.setWeight(QFont::Bold);
        painter->setFont(font);
        painter->setPen(ink);
        const QPointF c = qt(b.textCentre);
        painter->drawText(QRectF(c.x() - b.height, b.y, 2 * b.height, b.height), Qt::AlignCenter,
                          QString::number(b.count));
    }
    painter->restore();
}

// ---- the overlay

VoteOverlay::VoteOverlay(CanvasScene* scene, QObject* parent) : QObject(parent), m_scene(scene)
{
    Document* doc = scene->document();
    // Once per step, however many factors it changed (a layout moves every one).
    connect(doc, &Document::stepNotified, this, &VoteOverlay::rebuild);
    // The scene rebuilds its items on reset; ours go after it (queued), once the boxes exist.
    connect(doc, &Document::reset, this, &VoteOverlay::rebuild, Qt::QueuedConnection);
}

VoteOverlay::~VoteOverlay()
{
    removeItems();
}

void VoteOverlay::showRound(const QString& roundName)
{
    m_round = roundName;
    rebuild();
}

void VoteOverlay::showDraft(const Ballot& ballot)
{
    m_draftShown = true;
    m_draft = ballot;
    rebuild();
}

void VoteOverlay::clearDraft()
{
    m_draftShown = false;
    m_draft = {};
    rebuild();
}

void VoteOverlay::clear()
{
    m_round.clear();
    clearDraft();
}

void VoteOverlay::removeItems()
{
    if (m_scene) // else the scene has deleted them with itself
        for (VoteBadgeItem* item : m_items)
            delete item; // leaves the scene on its own
    m_items.clear();
}

void VoteOverlay::add(ItemRef item, int watch, int stop, int maxCount,
                      const std::vector<BoxShape>& boxes)
{
    const bool marker = maxCount == 0; // a voter's own choice: the glyph alone, large
    VoteBadgeStyle style;
    if (marker)
        style.minHeight = style.maxHeight;
    std::vector<VoteBadge> badges;
    Point anchor;
    if (item.isLink()) {
        LinkItem* link = m_scene->linkItem(item.link);
        if (!link)
            return;
        anchor = link->linkShape().middle;
        badges = linkVoteBadges(anchor, watch, stop, maxCount, style);
    } else {
        FactorItem* factor = m_scene->factorItem(item.factor);
        if (!factor)
            return;
        // Clear of every factor's label, hung from the box corner they sit at.
        PlacedVoteBadges placed = placeFactorVoteBadges(factor->box(), watch, stop,
                                                        maxCount, boxes, style);
        badges = std::move(placed.badges);
        anchor = placed.anchor;
    }
    if (badges.empty())
        return;
    if (marker) {
        for (VoteBadge& b : badges) { // the glyph at the row's end nearest the box (centre on a link)
            const double left = item.isLink()                        ? b.x + (b.width - b.height) / 2
                                : anchor.x >= b.x + b.width / 2 ? b.x + b.width - b.height
                                                                     : b.x;
            b = makeVoteBadge(b.kind, 0, left, b.y + b.height / 2, b.height, style);
        }
    }
    auto* badgeItem = new VoteBadgeItem(item, std::move(badges), anchor);
    m_scene->addItem(badgeItem);
    m_items.push_back(badgeItem);
}

void VoteOverlay::rebuild()
{
    removeItems();
    if (!m_scene)
        return;
    std::vector<BoxShape> boxes; // whose labels the badges keep clear of
    for (FactorId id : m_scene->document()->map().factorIds())
        if (const FactorItem* factor = m_scene->factorItem(id))
            boxes.push_back(factor->box());
    if (m_draftShown) {
        // Glyph-only markers at the largest size: this voter's choices, nobody else's.
        for (ItemRef item : m_draft.watch)
            add(item, 1, 0, 0, boxes);
        for (ItemRef item : m_draft.stop)
            add(item, 0, 1, 0, boxes);
        return;
    }
    if (m_round.isEmpty())
        return;
    const NominationRound* round = findRound(m_scene->document()->map(), m_round.toStdString());
    if (!round || !round->revealed)
        return; // secret until revealed
    const std::vector<TallyRow> rows = tallyRound(*round);
    int maxCount = 1;
    for (const TallyRow& r : rows)
        maxCount = std::max({maxCount, r.watch, r.stop});
    for (const TallyRow& r : rows)
        add(r.item, r.watch, r.stop, maxCount, boxes);
}

} // namespace causeway
