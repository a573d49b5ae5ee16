#pragma once

// Private to layout/: square cells over a drawing's extent, and the cells a segment passes
// through: what the index of boxes (boxgrid.h) and of links' lines (otherlines.h) share.

#include "model/systemmap.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace causeway::detail {

struct GridFrame {
    double x0 = 0, y0 = 0, cell = 1;
    std::size_t columns = 0, rows = 0;

    GridFrame() = default;
    // Over [x0, x1] x [y0, y1] in cells `cell` wide.
    GridFrame(double x0, double y0, double x1, double y1, double cell)
        : x0(x0), y0(y0), cell(cell), columns(std::size_t((x1 - x0) / cell) + 1), rows(std::size_t((y1 - y0) / cell) + 1)
    {
    }

    std::size_t cells() const { return columns * rows; }
    // The column (row) of x (y); outside the grid, the nearest.
    std::size_t column(double x) const
    {
        const double c = std::floor((x - x0) / cell);
        return c <= 0 ? 0 : std::min(columns - 1, std::size_t(c));
    }
    std::size_t row(double y) const
    {
        const double r = std::floor((y - y0) / cell);
        return r <= 0 ? 0 : std::min(rows - 1, std::size_t(r));
    }

    // Row by row, the columns the segment a-b spans within that row's band, widened by a hair
    // so rounding never skips a cell it touches: f(row, first column, last column), until a
    // call returns true (then so does this). Past the grid's edge, the cells at the edge.
    template <class F>
    bool anyAlong(Point a, Point b, F&& f) const
    {
        if (a.y > b.y)
            std::swap(a, b);
        const double slack = 1e-7 * (cell + std::abs(b.x - a.x));
        const std::size_t r0 = row(a.y), r1 = row(b.y);
        const double dy = b.y - a.y;
        for (std::size_t r = r0; r <= r1; ++r) {
            double xa = a.x, xb = b.x;
            if (dy > 0) {
                const double ya = std::max(a.y, y0 + double(r) * cell);
                const double yb = std::min(b.y, y0 + double(r + 1) * cell);
                xa = r == r0 ? a.x : a.x + (b.x - a.x) * std::clamp((ya - a.y) / dy, 0.0, 1.0);
                xb = r == r1 ? b.x : a.x + (b.x - a.x) * std::clamp((yb - a.y) / dy, 0.0, 1.0);
            }
            if (f(r, column(std::min(xa, xb) - slack), column(std::max(xa, xb) + slack)))
                return true;
        }
        return false;
    }
};

} // namespace causeway::detail
