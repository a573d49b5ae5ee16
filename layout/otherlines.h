#pragma once

// Other links' straight lines (centre to centre), bucketed in a grid: a link routed around boxes
// is charged for each it crosses (layout/linkrouter.h's CrossingToll), so that it goes round a box
// on the side with fewer of that box's links. Queries answer exactly as testing every line would.

#include "layout/gridframe.h"
#include "model/ids.h"
#include "model/systemmap.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace causeway {

// One step of a fingerprint over 64-bit words (a strong mix, as SplitMix64's): equal inputs give
// equal values, different ones different values but for a chance of about one in 2^64.
inline std::uint64_t fingerprintStep(std::uint64_t h, std::uint64_t w)
{
    h ^= w + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

class OtherLines {
public:
    struct Line {
        Point a, b;
        FactorId from, to;
    };

    OtherLines() = default;
    explicit OtherLines(std::vector<Line> lines);

    bool empty() const { return m_lines.empty(); }
    // Of the lines (ends and factors), to tell two sets apart: equal sets give equal values.
    std::uint64_t fingerprint() const { return m_fingerprint; }

    // The caller's marks of the lines a query has tested, so queries on different threads share
    // nothing.
    struct Marks {
        std::vector<std::uint32_t> query; // by line: the query that last tested it
        std::uint32_t last = 0;
    };

    // How many of the lines the segment p-q crosses (each strictly separating the other's ends),
    // leaving out the lines at factor x or y.
    std::size_t crossings(Point p, Point q, FactorId x, FactorId y, Marks& marks) const;

private:
    // Calls f(cell) for every cell the segment a-b passes through (and perhaps a neighbour).
    template <class F>
    void forCellsAlong(Point a, Point b, F&& f) const;

    std::vector<Line> m_lines;
    std::uint64_t m_fingerprint = 0;
    detail::GridFrame m_frame;
    std::vector<std::uint32_t> m_start; // cell i holds m_items[m_start[i] .. m_start[i + 1])
    std::vector<std::uint32_t> m_items;
};

} // namespace causeway
