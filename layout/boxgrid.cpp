#include "layout/boxgrid.h"

#include <algorithm>
#include <cmath>

namespace causeway::detail {
namespace {

// Cells per side at most: enough that a box sits in a few cells, few enough to build quickly.
constexpr double kMaxCellsPerSide = 48;

} // namespace

bool segmentCrossesRect(Point a, Point b, const Rect& r)
{
    // Apart from r's inside in x or y: no point of the segment is inside (the common case, and
    // what the clipping below would find too).
    if (std::max(a.x, b.x) <= r.x0 || std::min(a.x, b.x) >= r.x1 || std::max(a.y, b.y) <= r.y0
        || std::min(a.y, b.y) >= r.y1)
        return false;
    // Liang-Barsky clipping.
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
    for (int i = 0; i < 4; ++i) {
        if (std::abs(p[i]) < 1e-12) {
            if (q[i] <= 0)
                return false; // parallel and outside (or on) this edge
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    // Inside for a stretch of positive length, not just a grazed corner. The segment is at least
    // max(|dx|, |dy|) long: only a short stretch needs the exact (slower) length.
    if ((t1 - t0) * std::max(std::abs(dx), std::abs(dy)) > 2e-6)
        return true;
    return (t1 - t0) * std::hypot(dx, dy) > 1e-6;
}

BoxGrid::BoxGrid(const std::vector<Rect>& rects) : m_rects(rects), m_seen(rects.size(), 0)
{
    if (rects.empty())
        return;
    double x0 = rects[0].x0, y0 = rects[0].y0, x1 = rects[0].x1, y1 = rects[0].y1, side = 0;
    for (const Rect& r : rects) {
        x0 = std::min(x0, r.x0);
        y0 = std::min(y0, r.y0);
        x1 = std::max(x1, r.x1);
        y1 = std::max(y1, r.y1);
        side += std::max(r.x1 - r.x0, r.y1 - r.y0);
    }
    // Cells about the size of a box: a box then sits in a few cells, a segment meets few boxes.
    const double extent = std::max(x1 - x0, y1 - y0);
    m_frame = GridFrame(x0, y0, x1, y1, std::max({side / double(rects.size()), extent / kMaxCellsPerSide, 1e-3}));

    // Counting sort of (cell, box) pairs into one array.
    m_start.assign(m_frame.cells() + 1, 0);
    auto forCells = [&](const Rect& r, auto&& f) {
        for (std::size_t y = m_frame.row(r.y0); y <= m_frame.row(r.y1); ++y)
            for (std::size_t x = m_frame.column(r.x0); x <= m_frame.column(r.x1); ++x)
                f(y * m_frame.columns + x);
    };
    for (const Rect& r : rects)
        forCells(r, [&](std::size_t cell) { ++m_start[cell + 1]; });
    for (std::size_t i = 1; i < m_start.size(); ++i)
        m_start[i] += m_start[i - 1];
    m_items.resize(m_start.back());
    std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
    for (std::size_t i = 0; i < rects.size(); ++i)
        forCells(rects[i], [&](std::size_t cell) { m_items[fill[cell]++] = std::uint32_t(i); });
}

template <class Test>
bool BoxGrid::anyInRow(std::size_t r, std::size_t c0, std::size_t c1, Test&& test) const
{
    for (std::size_t cell = r * m_frame.columns + c0; cell <= r * m_frame.columns + c1; ++cell)
        for (std::uint32_t k = m_start[cell]; k < m_start[cell + 1]; ++k) {
            const std::uint32_t i = m_items[k];
            if (m_seen[i] == m_query)
                continue;
            m_seen[i] = m_query;
            if (test(i))
                return true;
        }
    return false;
}

bool BoxGrid::segmentCrossesAny(Point a, Point b) const
{
    if (m_rects.empty())
        return false;
    if (++m_query == 0) { // wrapped: forget every mark
        std::fill(m_seen.begin(), m_seen.end(), 0);
        m_query = 1;
    }
    auto hits = [&](std::uint32_t i) { return segmentCrossesRect(a, b, m_rects[i]); };
    return m_frame.anyAlong(a, b, [&](std::size_t r, std::size_t c0, std::size_t c1) { return anyInRow(r, c0, c1, hits); });
}

bool BoxGrid::containsPoint(Point p) const
{
    if (m_rects.empty())
        return false;
    const std::size_t cell = m_frame.row(p.y) * m_frame.columns + m_frame.column(p.x);
    for (std::uint32_t k = m_start[cell]; k < m_start[cell + 1]; ++k)
        if (m_rects[m_items[k]].contains(p))
            return true;
    return false;
}

} // namespace causeway::detail
