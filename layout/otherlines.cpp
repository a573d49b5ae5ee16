#include "layout/otherlines.h"

#include "layout/cubicpath.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace causeway {
namespace {

// Cells per side at most: a line then sits in a few dozen cells at most, a short segment in a few.
constexpr double kMaxCellsPerSide = 40;
// Cells no smaller than this: a factor's box is wider, a detour's leg seldom shorter.
constexpr double kMinCell = 60;

} // namespace

template <class F>
void OtherLines::forCellsAlong(Point a, Point b, F&& f) const
{
    m_frame.anyAlong(a, b, [&](std::size_t r, std::size_t c0, std::size_t c1) {
        for (std::size_t c = c0; c <= c1; ++c)
            f(r * m_frame.columns + c);
        return false;
    });
}

OtherLines::OtherLines(std::vector<Line> lines) : m_lines(std::move(lines))
{
    if (m_lines.empty())
        return;
    double x0 = m_lines[0].a.x, y0 = m_lines[0].a.y, x1 = x0, y1 = y0;
    for (const Line& l : m_lines)
        for (const Point p : {l.a, l.b}) {
            x0 = std::min(x0, p.x);
            y0 = std::min(y0, p.y);
            x1 = std::max(x1, p.x);
            y1 = std::max(y1, p.y);
        }
    if (!std::isfinite(x1 - x0) || !std::isfinite(y1 - y0)) {
        m_lines.clear(); // nothing sensible to charge for
        return;
    }
    for (const Line& l : m_lines)
        for (const std::uint64_t w : {std::bit_cast<std::uint64_t>(l.a.x), std::bit_cast<std::uint64_t>(l.a.y),
                                      std::bit_cast<std::uint64_t>(l.b.x), std::bit_cast<std::uint64_t>(l.b.y),
                                      l.from.value, l.to.value})
            m_fingerprint = fingerprintStep(m_fingerprint, w);
    m_frame = detail::GridFrame(x0, y0, x1, y1, std::max(kMinCell, std::max(x1 - x0, y1 - y0) / kMaxCellsPerSide));
    // Counting sort of (cell, line) pairs into one array.
    m_start.assign(m_frame.cells() + 1, 0);
    for (const Line& l : m_lines)
        forCellsAlong(l.a, l.b, [&](std::size_t cell) { ++m_start[cell + 1]; });
    for (std::size_t i = 1; i < m_start.size(); ++i)
        m_start[i] += m_start[i - 1];
    m_items.resize(m_start.back());
    std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        forCellsAlong(m_lines[i].a, m_lines[i].b,
                      [&](std::size_t cell) { m_items[fill[cell]++] = std::uint32_t(i); });
}

std::size_t OtherLines::crossings(Point p, Point q, FactorId x, FactorId y, Marks& marks) const
{
    if (m_lines.empty())
        return 0;
    if (marks.query.size() != m_lines.size() || ++marks.last == 0) { // new, or wrapped: forget every mark
        marks.query.assign(m_lines.size(), 0);
        marks.last = 1;
    }
    const double x0 = std::min(p.x, q.x), x1 = std::max(p.x, q.x), y0 = std::min(p.y, q.y), y1 = std::max(p.y, q.y);
    std::size_t n = 0;
    forCellsAlong(p, q, [&](std::size_t cell) {
        for (std::uint32_t k = m_start[cell]; k < m_start[cell + 1]; ++k) {
            const std::uint32_t i = m_items[k];
            if (marks.query[i] == marks.last)
                continue;
            marks.query[i] = marks.last;
            const Line& l = m_lines[i];
            if (std::max(l.a.x, l.b.x) < x0 || std::min(l.a.x, l.b.x) > x1 || std::max(l.a.y, l.b.y) < y0
                || std::min(l.a.y, l.b.y) > y1)
                continue;
            if (l.from != x && l.from != y && l.to != x && l.to != y && straightLinesCross(p, q, l.a, l.b))
                ++n;
        }
    });
    return n;
}

} // namespace causeway
