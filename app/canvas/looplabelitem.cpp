#include "app/canvas/looplabelitem.h"

#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/loops/looplistmodel.h"
#include "app/canvas/theme.h"
#include "layout/loopmarker.h"
#include "model/looplabels.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

namespace causeway {

namespace {
constexpr double kTextGap = 4;
constexpr double kTextPadding = 5;
constexpr double kMaxTextWidth = 200;
} // namespace

LoopLabelItem::LoopLabelItem()
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    // The facilitator's story sits on top, at the same size on screen whatever the zoom, so a
    // whole dense map fitted to a projector still shows legible loop names.
    setZValue(3);
    setFlag(ItemIgnoresTransformations);
}

QFont LoopLabelItem::nameFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(16);
    f.setBold(true);
    return f;
}

void LoopLabelItem::setContent(const QString& name, LoopPolarity polarity, bool broken,
                               bool clockwise)
{
    prepareGeometryChange();
    m_name = name;
    m_polarity = polarity;
    m_broken = broken;
    m_clockwise = clockwise;
    m_bounds = QRectF(-kRadius - 8, -kRadius - 8, 2 * kRadius + 16, 2 * kRadius + 16);
    if (!m_name.isEmpty() || m_broken)
        m_bounds |= textRect().adjusted(-2, -2, 2, 2);
    update();
}

QRectF LoopLabelItem::textRect() const
{
    const QFontMetricsF metrics(nameFont());
    const QString text = m_broken ? QStringLiteral("\u26A0 ") + m_name : m_name;
    const QRectF box = metrics.boundingRect(QRectF(0, 0, kMaxTextWidth, 1000),
                                            Qt::AlignHCenter | Qt::TextWordWrap, text);
    const double w = box.width() + 2 * kTextPadding;
    const double h = box.height() + 2 * kTextPadding;
    return QRectF(-w / 2, kRadius + kTextGap + 4, w, h);
}

QRectF LoopLabelItem::boundingRect() const
{
    return m_bounds;
}

void LoopLabelItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_broken ? theme::unknownColour() : loopPolarityColour(m_polarity);

    // A pale disc behind the arrow keeps it legible over links.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, 215));
    painter->drawEllipse(QPointF(0, 0), kRadius + 6, kRadius + 6);

    paintArrow(painter, {0, 0}, kRadius, m_clockwise, colour, 4, m_broken);

    QFont letterFont = nameFont();
    letterFont.setPixelSize(17);
    painter->setFont(letterFont);
    painter->setPen(colour);
    const QString letter =
        m_broken ? QStringLiteral("!") : QString::fromLatin1(loopPolarityLetter(m_polarity));
    painter->drawText(QRectF(-kRadius, -kRadius, 2 * kRadius, 2 * kRadius), Qt::AlignCenter, letter);

    if (m_name.isEmpty() && !m_broken)
        return; // an unnamed loop's marker: the arrow and its letter alone
    const QRectF text = textRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, 225));
    painter->drawRoundedRect(text, 6, 6);
    painter->setFont(nameFont());
    painter->setPen(m_broken ? theme::unknownColour() : theme::textColour());
    painter->drawText(text.adjusted(kTextPadding, kTextPadding, -kTextPadding, -kTextPadding),
                      Qt::AlignHCenter | Qt::TextWordWrap,
                      m_broken ? QStringLiteral("\u26A0 ") + m_name : m_name);
}

void LoopLabelItem::paintArrow(QPainter* painter, QPointF centre, double radius, bool clockwise,
                               const QColor& colour, double width, bool dashed)
{
    // Qt's angles run counter-clockwise on screen, so a clockwise loop sweeps negatively.
    const layout::LoopArrow shape = layout::loopArrow({centre.x(), centre.y()}, radius, clockwise);
    const QRectF circle(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius);
    QPainterPath arc;
    arc.arcMoveTo(circle, shape.startDegrees);
    arc.arcTo(circle, shape.startDegrees, shape.sweepDegrees);
    painter->setPen(QPen(colour, width, dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(arc);
    QPolygonF head;
    for (const Point& p : shape.head)
        head << QPointF(p.x, p.y);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(head);
}

layout::LoopMarker loopMarkerOnScene(const CanvasScene* scene, const SystemMap& map,
                                     const std::vector<LinkId>& links)
{
    std::vector<Point> outline;
    for (LinkId id : links) {
        const Link* link = map.findLink(id);
        if (!link)
            continue;
        if (FactorItem* from = scene->factorItem(link->from))
            outline.push_back({from->pos().x(), from->pos().y()});
        if (LinkItem* item = scene->linkItem(id))
            outline.push_back(item->linkShape().middle);
    }
    return layout::loopMarker(outline);
}

// ---- overlay

LoopLabelOverlay::LoopLabelOverlay(CanvasScene* scene, CanvasEmphasis* emphasis, QObject* parent)
    : QObject(parent), m_scene(scene), m_emphasis(emphasis)
{
    Document* document = scene->document();
    // Once a step's changes are all signalled (a layout moves every factor: placing the labels
    // again per factor took seconds on a 400-factor map), when the scene's items are up to date;
    // on reset after the scene's own slot (connected first); and when the scene routes its links
    // anew outside a step (CanvasScene::holdsRoutes).
    connect(document, &Document::stepNotified, this, &LoopLabelOverlay::rebuild);
    connect(document, &Document::reset, this, &LoopLabelOverlay::rebuild);
    connect(scene, &CanvasScene::linksRerouted, this, &LoopLabelOverlay::rebuild);
    if (emphasis)
        connect(emphasis, &CanvasEmphasis::changed, this, &LoopLabelOverlay::rebuild);
    rebuild();
}

LoopLabelOverlay::~LoopLabelOverlay()
{
    if (!m_scene)
        return;
    for (LoopLabelItem* item : m_items)
        if (item->scene() == m_scene)
            delete item;
    if (m_highlight && m_highlight->scene() == m_scene)
        delete m_highlight;
}

void LoopLabelOverlay::rebuild()
{
    const SystemMap& map = m_scene->document()->map();
    const auto& labels = map.loopLabels();
    while (m_items.size() > labels.size()) {
        delete m_items.back();
        m_items.pop_back();
    }
    while (m_items.size() < labels.size()) {
        m_items.push_back(new LoopLabelItem);
        m_scene->addItem(m_items.back());
    }
    // Labels keep off the factors, the links' signs and arrow heads, and off each other (a
    // loop's centre is often a factor), and near their loop off the links' lines, as in the SVG.
    std::vector<BoxShape> obstacles, lines;
    for (FactorId id : map.factorIds())
        if (FactorItem* f = m_scene->factorItem(id)) {
            const QRectF r = f->sceneBoundingRect();
            obstacles.push_back({{r.center().x(), r.center().y()}, r.width(), r.height()});
        }
    for (LinkId id : map.linkIds())
        if (LinkItem* l = m_scene->linkItem(id))
            layout::linkMarks(l->linkShape(), m_scene->look().link.signRadius, obstacles, lines);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const LoopLabel& label = labels[i];
        const auto loop = loopOfLabel(map, label);
        const layout::LoopMarker marker = loopMarkerOnScene(m_scene, map, label.links);
        const bool drawn = std::any_of(label.links.begin(), label.links.end(), [&](LinkId id) {
            const Link* link = map.findLink(id);
            return link && m_scene->factorItem(link->from);
        });
        LoopLabelItem* item = m_items[i];
        item->setContent(QString::fromStdString(label.name),
                         loop ? loop->polarity : LoopPolarity::Unknown, !loop, marker.clockwise);
        item->setVisible(drawn); // false: every factor of the loop is gone
        // The item's own box on screen, in map units at the current zoom.
        const QRectF r = item->boundingRect();
        const double k = 1 / std::max(m_scale, 0.05);
        const layout::LabelFootprint footprint{-r.left() * k, r.right() * k, -r.top() * k, r.bottom() * k};
        const Point at = layout::placeClearOf(marker.centre, footprint, obstacles, lines);
        obstacles.push_back(layout::footprintBox(at, footprint));
        item->setPos(at.x, at.y);
    }
    updateHighlightMarker(obstacles, lines);
    applyEmphasis();
}

namespace {
// The emphasised links as one elementary loop in canonical form, when they are exactly one.
std::optional<Loop> emphasisedLoop(const SystemMap& map, const std::set<LinkId>& links)
{
    if (links.empty())
        return std::nullopt;
    LoopLabel chain;
    LinkId at = *links.begin();
    for (std::size_t i = 0; i < links.size(); ++i) {
        chain.links.push_back(at);
        const Link* link = map.findLink(at);
        if (!link)
            return std::nullopt;
        const auto next = std::find_if(links.begin(), links.end(), [&](LinkId id) {
            const Link* l = map.findLink(id);
            return l && l->from == link->to;
        });
        if (next == links.end())
            return std::nullopt;
        at = *next;
    }
    return loopOfLabel(map, chain); // nullopt unless the chain closes as one elementary loop
}
} // namespace

void LoopLabelOverlay::updateHighlightMarker(const std::vector<BoxShape>& obstacles,
                                             const std::vector<BoxShape>& lines)
{
    const SystemMap& map = m_scene->document()->map();
    std::optional<Loop> loop;
    if (m_emphasis && m_emphasis->isActive())
        loop = emphasisedLoop(map, m_emphasis->links());
    if (loop && findLoopLabel(map, *loop))
        loop.reset(); // named: its label already shows R/B and the direction
    if (!loop) {
        if (m_highlight)
            m_highlight->hide();
        return;
    }
    if (!m_highlight) {
        m_highlight = new LoopLabelItem;
        m_scene->addItem(m_highlight);
    }
    const layout::LoopMarker marker = loopMarkerOnScene(m_scene, map, loop->links);
    m_highlight->setContent(QString(), loop->polarity, false, marker.clockwise);
    const QRectF r = m_highlight->boundingRect();
    const double k = 1 / std::max(m_scale, 0.05);
    const layout::LabelFootprint footprint{-r.left() * k, r.right() * k, -r.top() * k, r.bottom() * k};
    const Point at = layout::placeClearOf(marker.centre, footprint, obstacles, lines);
    m_highlight->setPos(at.x, at.y);
    m_highlight->show();
}

void LoopLabelOverlay::setViewScale(double scale)
{
    if (std::abs(scale - m_scale) < 1e-3)
        return;
    m_scale = scale;
    rebuild();
}

void LoopLabelOverlay::applyEmphasis()
{
    const SystemMap& map = m_scene->document()->map();
    for (std::size_t i = 0; i < m_items.size() && i < map.loopLabels().size(); ++i) {
        bool on = !m_emphasis || !m_emphasis->isActive();
        if (!on) {
            const auto& links = map.loopLabels()[i].links;
            on = !links.empty() && std::all_of(links.begin(), links.end(), [&](LinkId id) {
                return m_emphasis->links().count(id) > 0;
            });
        }
        m_items[i]->setOpacity(on ? 1.0 : CanvasEmphasis::kDimmedOpacity);
    }
}

} // namespace causeway
