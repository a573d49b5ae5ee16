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
    const VerdictMarkShape shape = verdictMarkShape(mark, {c.x(), c.y()}, r);
    const QColor ink(QString::fromStdString(shape.ink));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen outline(ink, shape.ringWidth);
    if (shape.dashed)
        outline.setStyle(Qt::DashLine);
    painter->setPen(outline);
    painter->setBrush(Qt::white);
    const QRectF box(c.x() - r, c.y() - r, 2 * r, 2 * r);
    if (shape.square)
        painter->drawRect(box.adjusted(r * 0.1, r * 0.1, -r * 0.1, -r * 0.1));
    else
        painter->drawEllipse(box);
    painter->setPen(QPen(ink, shape.glyphWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    for (const std::vector<Point>& stroke : shape.strokes) {
        QPainterPath path(QPointF(stroke.front().x, stroke.front().y));
        for (std::size_t i = 1; i < stroke.size(); ++i)
            path.lineTo(stroke[i].x, stroke[i].y);
        painter->drawPath(path);
    }
    if (shape.question) {
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(std::max(1, int(std::lround(shape.questionSize))));
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
        const Point offset = linkMarkOffset(shape, VerdictMarkItem::kRadius); // screen pixels
        auto* mark = new VerdictMarkItem(ItemRef::of(check.link), markOf(check), QString::fromStdString(check.text),
                                         QPointF(offset.x, offset.y));
        mark->setPos(shape.middle.x, shape.middle.y);
        m_scene->addItem(mark);
        m_items.push_back(mark);
    }
    for (const FactorCheck& check : report.factors) {
        const FactorItem* factor = map.contains(check.factor) ? m_scene->factorItem(check.factor) : nullptr;
        if (!factor)
            continue;
        const Point offset = factorMarkOffset(VerdictMarkItem::kRadius);
        auto* mark = new VerdictMarkItem(ItemRef::of(check.factor), markOf(check), QString::fromStdString(check.text),
                                         QPointF(offset.x, offset.y));
        const Point corner = factorMarkAnchor(factor->box());
        mark->setPos(corner.x, corner.y);
        m_scene->addItem(mark);
        m_items.push_back(mark);
    }
}

VerdictExportMarks::VerdictExportMarks(const VerdictOverlay* overlay, MonitorData* data, QObject* window)
    : ExportDecoration(window), m_overlay(overlay), m_data(data)
{
}

void VerdictExportMarks::decorate(SvgOptions& options) const
{
    if (m_overlay->isVisible())
        addVerdictMarks(options, m_data->report());
}

} // namespace causeway
