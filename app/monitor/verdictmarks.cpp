// The verdict marks on the canvas: which links and factors the data agreed with.
#include "app/monitor/verdictmarks.h"

#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/document/document.h"
#include "app/monitor/monitordata.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace causeway {

VerdictMark markOf(const LinkCheck& check)
{
    switch (check.verdict) {
    case Verdict::Consistent: return VerdictMark::Consistent;
    case Verdict::Contradicted: return VerdictMark::Contradicted;
    case Verdict::Insufficient: break;
    }
    return VerdictMark::Unclear;
}

VerdictMark markOf(const FactorCheck& check)
{
    if (check.trend.direction == 0)
        return VerdictMark::Unclear;
    if (check.upstreamAgree > 0 && check.upstreamDisagree == 0)
        return VerdictMark::Consistent;
    if (check.upstreamDisagree > 0 && check.upstreamAgree == 0)
        return VerdictMark::Contradicted;
    return VerdictMark::Unclear;
}

QString markWord(VerdictMark mark)
{
    switch (mark) {
    case VerdictMark::Consistent: return QObject::tr("consistent");
    case VerdictMark::Contradicted: return QObject::tr("contradicted");
    case VerdictMark::Unclear: break;
    }
    return QObject::tr("unclear");
}

VerdictMarkItem::VerdictMarkItem(ItemRef item, VerdictMark mark, const QString& text, QPointF offset)
    : m_item(item), m_mark(mark), m_offset(offset)
{
    setZValue(90); // over links, boxes and loop names; under vote badges
    // The same size on screen at any zoom (a fitted map is often shown at 30-40 %), drawn
    // `offset` pixels from the point it belongs to.
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setToolTip(text);
}

QRectF VerdictMarkItem::boundingRect() const
{
    const double r = kRadius + 2;
    return {m_offset.x() - r, m_offset.y() - r, 2 * r, 2 * r};
}

void VerdictMarkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    paintMark(painter, m_mark, m_offset, kRadius);
}

void VerdictMarkItem::paintMark(QPainter* painter, VerdictMark mark, QPointF c, double r)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor ink = mark == VerdictMark::Consistent     ? QColor(0x1b, 0x7a, 0x3d)
                       : mark == VerdictMark::Contradicted ? QColor(0xb3, 0x1b, 0x1b)
                                                           : QColor(0x55, 0x55, 0x55);
    QPen outline(ink, r * 0.22);
    if (mark == VerdictMark::Unclear)
        outline.setStyle(Qt::DashLine);
    painter->setPen(outline);
    painter->setBrush(Qt::white);
    const QRectF box(c.x() - r, c.y() - r, 2 * r, 2 * r);
    if (mark == VerdictMark::Contradicted)
        painter->drawRect(box.adjusted(r * 0.1, r * 0.1, -r * 0.1, -r * 0.1));
    else
        painter->drawEllipse(box);
    QPen glyph(ink, r * 0.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(glyph);
    painter->setBrush(Qt::NoBrush);
    const double g = r * 0.45;
    if (mark == VerdictMark::Consistent) {
        QPainterPath tick(QPointF(c.x() - g, c.y()));
        tick.lineTo(c.x() - g * 0.25, c.y() + g * 0.75);
        tick.lineTo(c.x() + g, c.y() - g * 0.7);
        painter->drawPath(tick);
    } else if (mark == VerdictMark::Contradicted) {
        painter->drawLine(QPointF(c.x() - g, c.y() - g), QPointF(c.x() + g, c.y() + g));
        painter->drawLine(QPointF(c.x() - g, c.y() + g), QPointF(c.x() + g, c.y() - g));
    } else {
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(std::max(1, int(std::lround(r * 1.35))));
        painter->setFont(font);
        painter->setPen(ink);
        painter->drawText(box, Qt::AlignCenter, QStringLiteral("?"));
    }
    painter->restore();
}

VerdictOverlay::VerdictOverlay(CanvasScene* scene, MonitorData* data, QObject* parent)
    : QObject(parent), m_scene(scene), m_data(data)
{
    connect(data, &MonitorData::changed, this, &VerdictOverlay::rebuild);
    rebuild();
}

VerdictOverlay::~VerdictOverlay()
{
    removeItems();
}

void VerdictOverlay::setVisible(bool visible)
{
    m_visible = visible;
    rebuild();
}

void VerdictOverlay::removeItems()
{
    if (m_scene)
        for (VerdictMarkItem* item : m_items)
            delete item;
    m_items.clear();
}

namespace {

// Beside the link's middle, on the side away from its label (the delay mark sits on the middle):
// the offset in screen pixels from the middle.
QPointF linkMarkOffset(const LinkShape& shape)
{
    const double gap = VerdictMarkItem::kRadius + 5;
    QPointF away(shape.middle.x - shape.labelAnchor.x, shape.middle.y - shape.labelAnchor.y);
    double length = std::hypot(away.x(), away.y());
    if (length < 1e-6) { // no label side: perpendicular to the chord, to its right
        away = QPointF(-(shape.end.y - shape.start.y), shape.end.x - shape.start.x);
        length = std::max(1e-6, std::hypot(away.x(), away.y()));
    }
    return away * (gap / length);
}

} // namespace

void VerdictOverlay::rebuild()
{
    removeItems();
    if (!m_scene || !m_visible)
        return;
    const SystemMap& map = m_scene->document()->map();
    const MonitorReport& report = m_data->report();
    for (const LinkCheck& check : report.links) {
        const LinkItem* link = map.contains(check.link) ? m_scene->linkItem(check.link) : nullptr;
        if (!link)
            continue;
        const LinkShape& shape = link->linkShape();
        auto* mark = new VerdictMarkItem(ItemRef::of(check.link), markOf(check), QString::fromStdString(check.text),
                                         linkMarkOffset(shape));
        mark->setPos(shape.middle.x, shape.middle.y);
        m_scene->addItem(mark);
        m_items.push_back(mark);
    }
    for (const FactorCheck& check : report.factors) {
        const FactorItem* factor = map.contains(check.factor) ? m_scene->factorItem(check.factor) : nullptr;
        if (!factor)
            continue;
        const BoxShape box = factor->box();
        // On the top-left corner, mostly outside the box: clear of the label inside it.
        const double r = VerdictMarkItem::kRadius;
        auto* mark = new VerdictMarkItem(ItemRef::of(check.factor), markOf(check), QString::fromStdString(check.text),
                                         QPointF(-r * 0.4, -r * 0.4));
        mark->setPos(box.centre.x - box.width / 2, box.centre.y - box.height / 2);
        m_scene->addItem(mark);
        m_items.push_back(mark);
    }
}

} // namespace causeway
