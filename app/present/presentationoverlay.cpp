// PresentationView's screen furniture, drawn over the map in screen pixels: the caption band,
// the legend, the loop marker (R/B and the way the loop turns) and the black screen.
#include "app/present/presentationview.h"

#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/looplabelitem.h"
#include "model/looplabels.h"
#include "app/document/document.h"
#include "app/present/legend.h"
#include "app/present/roomtheme.h"
#include "layout/loopmarker.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <utility>

namespace causeway {

namespace {
constexpr int kPad = 14;

QFont captionFont(int pixels)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setBold(true);
    return f;
}
} // namespace

int PresentationView::bandHeight() const
{
    // Two lines of caption, always: the map keeps its place from slide to slide.
    return int(2 * QFontMetricsF(captionFont(kCaptionPixels)).lineSpacing()) + 2 * kPad;
}

void PresentationView::setExtraLegend(std::vector<present::LegendEntry> entries)
{
    m_extraLegend = std::move(entries);
    apply(); // the map area changes with the legend
}

std::vector<present::LegendEntry> PresentationView::shownLegend() const
{
    if (!m_legend)
        return {};
    // A focus needs the room more than the map's key does; marks on the map keep theirs.
    std::vector<present::LegendEntry> entries;
    if (!m_focusShown)
        entries = present::legendEntries(m_document->map());
    entries.insert(entries.end(), m_extraLegend.begin(), m_extraLegend.end());
    return entries;
}

QRectF PresentationView::legendRect() const
{
    const auto entries = shownLegend();
    if (entries.empty())
        return {};
    const QRectF all(viewport()->rect());
    const double bottom = all.bottom() + 1 - bandHeight();
    if (m_legendBeside) {
        const double w = present::legendColumnWidth(entries, kLegendPixels) + 2 * kPad;
        const double h = present::layoutLegend(entries, 1, kLegendPixels, m_scene->look());
        return {all.right() + 1 - w, bottom - h - kPad, w, h + kPad};
    }
    const double h = present::layoutLegend(entries, all.width() - 2 * kPad, kLegendPixels,
                                           m_scene->look()) + kPad / 2.0;
    return {0, bottom - h, all.width(), h};
}

void PresentationView::setReservedTop(int pixels)
{
    if (pixels == m_reservedTop)
        return;
    m_reservedTop = std::max(0, pixels);
    apply();
}

QRectF PresentationView::mapArea() const
{
    const QRectF all(viewport()->rect());
    QRectF area = all.adjusted(kPad, kPad + m_reservedTop, -kPad, -(bandHeight() + kPad / 2.0));
    const QRectF legend = legendRect();
    if (legend.isEmpty())
        return area;
    if (m_legendBeside)
        area.setRight(legend.left() - kPad / 2.0);
    else
        area.setBottom(legend.top() - kPad / 2.0);
    return area;
}

void PresentationView::marksToAvoid(std::vector<BoxShape>& obstacles, std::vector<BoxShape>& lines, bool walls) const
{
    // Off the factors, so a mark never hides a label, and off the links' signs (near the loop
    // off their lines too), as loop labels keep off them on the canvas.
    for (FactorId id : m_document->map().factorIds())
        if (FactorItem* f = m_scene->factorItem(id); f && f->isVisible()) {
            const QRectF b = f->sceneBoundingRect();
            obstacles.push_back({{b.center().x(), b.center().y()}, b.width(), b.height()});
        }
    for (LinkId id : m_document->map().linkIds())
        if (LinkItem* l = m_scene->linkItem(id); l && l->isVisible())
            layout::linkMarks(l->linkShape(), m_scene->look().link.signRadius, obstacles, lines);
    if (!walls)
        return;
    // And inside the map's area: what lies around it (legend, caption band, the screen's edges)
    // as four wide walls, so a mark is never drawn behind the legend or off the screen.
    const QRectF area = mapArea();
    const double far = 4 * (width() + height());
    for (const QRectF& wall : {QRectF(area.left() - far, area.top() - far, area.width() + 2 * far, far),
                               QRectF(area.left() - far, area.bottom(), area.width() + 2 * far, far),
                               QRectF(area.left() - far, area.top(), far, area.height()),
                               QRectF(area.right(), area.top(), far, area.height())}) {
        const QRectF b = mapToScene(wall.toRect()).boundingRect();
        obstacles.push_back({{b.center().x(), b.center().y()}, b.width(), b.height()});
    }
}

// How far a mark may move from its loop's middle to find room: anywhere in the map's area
// rather than over a factor or a sign (a crowded map on a small screen may have room only far
// from the loop's middle).
double PresentationView::markReach() const
{
    const QRectF inScene = mapToScene(mapArea().toRect()).boundingRect();
    return std::max(320.0, std::hypot(inScene.width(), inScene.height()));
}

void PresentationView::placeMarker()
{
    if (!m_marker.shown)
        return;
    const double scale = std::max(transform().m11(), 0.01);
    const double r = (kMarkerRadius + 8) / scale;
    std::vector<BoxShape> obstacles, lines;
    marksToAvoid(obstacles, lines);
    const Point at = layout::placeClearOf({m_marker.centre.x(), m_marker.centre.y()},
                                          layout::LabelFootprint{r, r, r, r}, obstacles, lines, markReach());
    m_marker.centre = QPointF(at.x, at.y);
}

namespace {
// A loop name's marker and name in viewport pixels, around the marker's middle.
QRectF loopNameBox(const QString& name, QPointF middle, double radius)
{
    const QFontMetricsF metrics(captionFont(PresentationView::kLoopNamePixels));
    const double half = std::max(radius, metrics.horizontalAdvance(name) / 2 + 4);
    return {middle.x() - half, middle.y() - radius, 2 * half, 2 * radius + 2 + metrics.height()};
}

bool boxesOverlap(const BoxShape& a, const BoxShape& b)
{
    return std::abs(a.centre.x - b.centre.x) < (a.width + b.width) / 2
        && std::abs(a.centre.y - b.centre.y) < (a.height + b.height) / 2;
}
} // namespace

QRectF PresentationView::loopNameRect(const LoopName& name) const
{
    return loopNameBox(name.name, mapFromScene(name.centre), kMarkerRadius + 8);
}

QRectF PresentationView::placeLoopNames(bool withinArea)
{
    m_loopNames.clear();
    const SystemMap& map = m_document->map();
    const double scale = std::max(transform().m11(), 0.01);
    std::vector<BoxShape> obstacles, lines;
    bool avoided = false;
    QRectF all;
    for (const LoopLabel& label : map.loopLabels()) {
        const std::optional<Loop> loop = loopOfLabel(map, label);
        if (!loop) // broken by an edit: not presented
            continue;
        if (!std::exchange(avoided, true))
            marksToAvoid(obstacles, lines, withinArea);
        const layout::LoopMarker where = loopMarkerOnScene(m_scene, map, label.links);
        LoopName shown{QString::fromStdString(label.name), loop->polarity, where.clockwise, {}};
        const QRectF box = loopNameBox(shown.name, {0, 0}, kMarkerRadius + 8);
        const layout::LabelFootprint footprint{-box.left() / scale, box.right() / scale, -box.top() / scale,
                                               box.bottom() / scale};
        const Point at = layout::placeClearOf(where.centre, footprint, obstacles, lines);
        const BoxShape placed = layout::footprintBox(at, footprint);
        // Within the area, only a name with room near its loop (off every factor, sign and name,
        // and the area's edges): one placed elsewhere would name another part of the map.
        if (withinArea && std::any_of(obstacles.begin(), obstacles.end(),
                                      [&](const BoxShape& o) { return boxesOverlap(placed, o); }))
            continue;
        obstacles.push_back(placed); // the next keeps off it
        all |= QRectF(placed.centre.x - placed.width / 2, placed.centre.y - placed.height / 2, placed.width,
                      placed.height);
        shown.centre = QPointF(at.x, at.y);
        m_loopNames.push_back(std::move(shown));
    }
    return all;
}

void PresentationView::drawForeground(QPainter* painter, const QRectF&)
{
    painter->save();
    painter->resetTransform(); // screen pixels from here
    const QRectF all(viewport()->rect());
    if (m_black) {
        painter->fillRect(all, present::roomColours().black);
        painter->restore();
        return;
    }
    drawMarker(painter);
    drawLoopNames(painter);
    if (m_focusShown) // ring the focused factor: the centre of what is lit
        if (FactorItem* item = m_scene->factorItem(*m_focusShown)) {
            const QSizeF size = item->boxSize();
            const QRectF box(item->pos() - QPointF(size.width() / 2, size.height() / 2), size);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(m_scene->look().text, 5));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(mapFromScene(box).boundingRect().adjusted(-7, -7, 7, 7), 12, 12);
        }
    if (const QRectF legend = legendRect(); !legend.isEmpty()) {
        painter->fillRect(legend, present::roomColours().legendBackground);
        present::layoutLegend(shownLegend(),
                              m_legendBeside ? 1 : legend.width() - 2 * kPad, kLegendPixels,
                              m_scene->look(), painter, legend.topLeft() + QPointF(kPad, 0));
    }
    drawCaption(painter);
    painter->restore();
}

void PresentationView::drawCaption(QPainter* painter) const
{
    const QRectF all(viewport()->rect());
    const QRectF band(0, all.bottom() - bandHeight() + 1, all.width(), bandHeight());
    const present::RoomColours& room = present::roomColours();
    painter->fillRect(band, room.captionBand);

    // Where we are in the deck, small, at the right.
    const present::Slide s = slide();
    QString where;
    if (m_focus) {
        where = tr("focus");
    } else if (m_storyIndex >= 0) {
        // Counted as the room sees them: steps a story skips are not counted.
        const present::StorySlide at = m_story.slide(m_storyClick);
        const auto& skipped = m_story.skipped();
        const auto before = std::count_if(skipped.begin(), skipped.end(), [&](int i) { return i < at.step; });
        where = at.step < 0 ? tr("story")
                            : tr("step %1/%2").arg(at.step + 1 - before).arg(
                                  m_story.story().steps.size() - skipped.size());
        if (at.step >= 0 && m_story.story().steps[std::size_t(at.step)].kind == StoryStepKind::Loop) {
            int clicks = 0;
            while (m_story.indexOf({at.step, clicks + 1}) >= 0)
                ++clicks;
            where += tr("\nclick %1/%2").arg(at.click).arg(clicks);
        }
    } else if (s.loop >= 0)
        where = tr("loop %1/%2\nstep %3/%4")
                    .arg(s.loop + 1)
                    .arg(m_deck.loops().size())
                    .arg(s.step)
                    .arg(m_deck.loops()[std::size_t(s.loop)].loop.length() + 1);
    QFont small = captionFont(kLegendPixels);
    small.setBold(false);
    const double whereWidth = where.isEmpty() ? 0 : QFontMetricsF(small).horizontalAdvance(
                                                        QStringLiteral("step 00/00")) + kPad;
    painter->setPen(room.captionText);
    if (!where.isEmpty()) {
        painter->setFont(small);
        painter->drawText(band.adjusted(kPad, kPad, -kPad, -kPad), Qt::AlignRight | Qt::AlignVCenter,
                          where);
    }
    // The caption: two lines at full size; a longer one steps down, never below 24 px.
    const QRectF text = band.adjusted(kPad, kPad / 2.0, -kPad - whereWidth, -kPad / 2.0);
    int pixels = kCaptionPixels;
    for (; pixels > 24; --pixels) {
        const QRectF need = QFontMetricsF(captionFont(pixels))
                                .boundingRect(text, Qt::TextWordWrap | Qt::AlignVCenter, m_caption);
        if (need.height() <= text.height())
            break;
    }
    painter->setFont(captionFont(pixels));
    painter->drawText(text, Qt::TextWordWrap | Qt::AlignVCenter | Qt::AlignLeft, m_caption);
}

void PresentationView::drawLoopNames(QPainter* painter) const
{
    const present::RoomColours& room = present::roomColours();
    painter->setRenderHint(QPainter::Antialiasing);
    for (const LoopName& shown : m_loopNames) {
        const QColor colour = shown.polarity == LoopPolarity::Reinforcing ? room.reinforcing
                              : shown.polarity == LoopPolarity::Balancing ? room.balancing
                                                                          : m_scene->look().unknown;
        const QPointF c = mapFromScene(shown.centre);
        const double r = kMarkerRadius;
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_scene->look().background);
        painter->drawEllipse(c, r + 8, r + 8);
        LoopLabelItem::paintArrow(painter, c, r, shown.clockwise, colour, 5);
        painter->setPen(colour);
        painter->setFont(captionFont(28));
        painter->drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                          QString::fromLatin1(loopPolarityLetter(shown.polarity)));
        const QRectF box = loopNameRect(shown);
        const QRectF text(box.left(), c.y() + r + 10, box.width(), box.bottom() - (c.y() + r + 10));
        painter->setPen(m_scene->look().text);
        painter->setFont(captionFont(kLoopNamePixels));
        painter->drawText(text, Qt::AlignHCenter | Qt::AlignTop, shown.name);
    }
}

void PresentationView::drawMarker(QPainter* painter) const
{
    if (!m_marker.shown)
        return;
    const present::RoomColours& room = present::roomColours();
    const QColor colour = m_marker.polarity == LoopPolarity::Reinforcing ? room.reinforcing
                          : m_marker.polarity == LoopPolarity::Balancing
                              ? room.balancing
                              : m_scene->look().unknown;
    const QPointF c = mapFromScene(m_marker.centre);
    const double r = kMarkerRadius;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_scene->look().background);
    painter->drawEllipse(c, r + 8, r + 8);
    // The circular arrow, as the canvas and the SVG draw a loop label.
    LoopLabelItem::paintArrow(painter, c, r, m_marker.clockwise, colour, 5);
    const QRectF circle(c.x() - r, c.y() - r, 2 * r, 2 * r);
    painter->setPen(colour);
    painter->setFont(captionFont(28));
    painter->drawText(circle, Qt::AlignCenter, QString::fromLatin1(loopPolarityLetter(m_marker.polarity)));
}

} // namespace causeway
