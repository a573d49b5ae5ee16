#pragma once

// Private to layout/: a start for the default layout drawn with no links crossing, for a small map
// whose links can be drawn so.

#include "layout/layout.h"

#include <cstddef>
#include <map>
#include <set>
#include <vector>

namespace causeway::layout::detail {

// Each face is drawn this many ways, with springs of different lengths.
constexpr std::size_t kSpringLengths = 4;

// Where a connected map whose links can be drawn with none crossing (model/planarity.h) may start:
// for each of its `most` longest faces, kSpringLengths drawings with that face's factors round an
// ellipse of the target's shape, every other factor of its core at the centre of its neighbours
// (Tutte's barycentric drawing, which crosses no link), factors hanging off the core in the widest
// gap beside the factor they hang from, then spread apart as springs would without a line crossing
// another; a drawing that still crosses (Tutte's theorem needs a core that no one factor holds
// together) is left out. None for a map in pieces, one whose links cannot be drawn uncrossed, and
// one with no cycle (a tree, which any start draws uncrossed).
std::vector<std::map<FactorId, Point>> planarStarts(const SystemMap& map, const LayoutOptions& options,
                                                    std::size_t most);

// The same starts, each spread only when asked for (the springs are most of their time): start(k)
// for k below size() is planarStarts' k-th drawing before those left crossed are left out (it is
// then empty). Holds `map` and `options` by reference.
class PlanarStarts {
public:
    PlanarStarts(const SystemMap& map, const LayoutOptions& options, std::size_t most);
    std::size_t size() const;
    std::map<FactorId, Point> start(std::size_t k) const;

private:
    const SystemMap& m_map;
    const LayoutOptions& m_options;
    std::map<FactorId, std::set<FactorId>> m_near;
    std::vector<std::map<FactorId, Point>> m_tutte; // by face
    double m_margin = 0;
};

} // namespace causeway::layout::detail
