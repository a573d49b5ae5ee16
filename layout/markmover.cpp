// Where each delay mark drawn moves, off the boxes, the signs and the other marks
// (layout/markmover.h, layout/signplacement.h separateDelayMarks).
#include "layout/markmover.h"

#include "layout/signplacement.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace causeway {

namespace detail {

MarkMover::MarkMover(const std::vector<LinkShape*>& shapes, const std::vector<bool>& delayed,
                     const std::vector<BoxShape>& boxes, const LinkStyle& style)
    : m_shapes(shapes), m_boxes(boxes), m_style(style), m_keep(signKeepsFromDelayMark(style)),
      m_reach(m_keep + std::hypot(style.delayLength / 2, style.delayGap / 2)),
      m_markReach(2 * std::hypot(style.delayLength / 2, style.delayGap / 2) + style.lineWidth + 1)
{
    for (std::size_t i = 0; i < delayed.size() && i < shapes.size(); ++i)
        if (delayed[i])
            marked.push_back(shapes[i]);
}

bool MarkMover::offBoxesAndSigns(const LinkShape& m) const
{
    if (delayMarkOnABox(m, m_boxes, m_style))
        return false;
    const Point c = centreOf(m);
    return std::none_of(m_shapes.begin(), m_shapes.end(), [&](const LinkShape* s) {
        const Point d = s->sign - c;
        return std::abs(d.x) < m_reach && std::abs(d.y) < m_reach && distanceToDelayMark(m, s->sign) < m_keep;
    });
}

double MarkMover::apartFromMarks(const LinkShape& m) const
{
    const Point c = centreOf(m);
    double apart = m_markReach;
    for (const LinkShape* o : marked) {
        const Point d = centreOf(*o) - c;
        if (o != &m && std::abs(d.x) < m_markReach && std::abs(d.y) < m_markReach)
            apart = std::min(apart, delayMarksApart(m, *o));
    }
    return apart;
}

bool MarkMover::move(LinkShape& m) const
{
    const Steps along = stepsAlong(m);
    const LinkShape before = m;
    std::optional<int> best;
    double bestApart = -1;
    for (const int k : along.order) {
        moveDelayMark(m, k * along.stride, m_style);
        if (!clearOfHeadBoxesAndSigns(m))
            continue;
        const double apart = apartFromMarks(m);
        if (apart >= m_style.lineWidth + 1)
            return true;
        if (apart > bestApart) {
            best = k;
            bestApart = apart;
        }
    }
    if (best)
        moveDelayMark(m, *best * along.stride, m_style);
    else
        m = before;
    return false;
}

MarkMover::Steps MarkMover::stepsAlong(const LinkShape& m)
{
    const CubicPath line(m.line);
    const double pieces = line.pieces();
    const int steps = 48 * int(std::max(1.0, pieces));
    Steps along{pieces / steps, {}};
    const Point at = centreOf(m);
    along.order.reserve(std::size_t(steps) + 1);
    int from = 0;
    double nearest = length(line.at(0) - at);
    for (int k = 1; k <= steps; ++k)
        if (const double away = length(line.at(k * along.stride) - at); away < nearest) {
            from = k;
            nearest = away;
        }
    for (int d = 0; d <= steps; ++d)
        for (const int k : {from - d, from + d})
            if (k >= 0 && k <= steps && (d > 0 || k == from))
                along.order.push_back(k);
    return along;
}

bool MarkMover::clearOfHead(const LinkShape& m) const
{
    return length(centreOf(m) - m.end) >= m_style.delayGap / 2 + m_style.lineWidth;
}

std::vector<std::size_t> MarkMover::signsOn(const LinkShape& m) const
{
    std::vector<std::size_t> on;
    for (std::size_t j = 0; j < m_shapes.size(); ++j)
        if (distanceToDelayMark(m, m_shapes[j]->sign) < m_keep)
            on.push_back(j);
    return on;
}

std::vector<LinkShape*> MarkMover::marksOn(const LinkShape& m) const
{
    std::vector<LinkShape*> on;
    for (LinkShape* o : marked)
        if (o != &m && delayMarksApart(m, *o) < m_style.lineWidth + 1)
            on.push_back(o);
    return on;
}

} // namespace detail

std::size_t separateDelayMarks(const std::vector<LinkShape*>& shapes, const std::vector<bool>& delayed,
                               const std::vector<BoxShape>& boxes, const LinkStyle& style)
{
    const detail::MarkMover marks(shapes, delayed, boxes, style);
    std::size_t inTheWay = 0;
    for (LinkShape* m : marks.marked)
        if (!marks.clear(*m) && !marks.move(*m))
            ++inTheWay;
    return inTheWay;
}

} // namespace causeway
