#pragma once

// Private to layout/: axis-aligned boxes bucketed in a uniform grid, so that a segment or a point
// is tested only against the boxes of the cells it passes through instead of against every box.
// Queries answer exactly as testing every box would: the grid only skips boxes that cannot meet.

#include "layout/gridframe.h"
#include "model/systemmap.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace causeway::detail {

struct Rect {
    double x0, y0, x1, y1;
    bool contains(Point p) const { return p.x > x0 && p.x < x1 && p.y > y0 && p.y < y1; }
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Whether the segment a-b runs through the inside of r for a stretch of positive length
// (touching an edge or grazing a corner does not count).
bool segmentCrossesRect(Point a, Point b, const Rect& r);

class BoxGrid {
public:
    explicit BoxGrid(const std::vector<Rect>& rects);

    // Whether the segment a-b crosses any of the boxes (as segmentCrossesRect).
    bool segmentCrossesAny(Point a, Point b) const;
    // Whether p lies strictly inside any of the boxes.
    bool containsPoint(Point p) const;

private:
    // Calls test(box index) once for each box in the cells of columns [c0, c1] of row r; stops
    // and returns true as soon as a call does.
    template <class Test>
    bool anyInRow(std::size_t r, std::size_t c0, std::size_t c1, Test&& test) const;

    const std::vector<Rect>& m_rects;
    GridFrame m_frame;
    std::vector<std::uint32_t> m_start; // cell i holds m_items[m_start[i] .. m_start[i + 1])
    std::vector<std::uint32_t> m_items;
    mutable std::vector<std::uint32_t> m_seen; // the query that last tested each box
    mutable std::uint32_t m_query = 0;
};

} // namespace causeway::detail
