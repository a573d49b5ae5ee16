#pragma once

// Private to the loop analysis: the compact graph the searches run on. Not part of the public API.

#include "model/ids.h"
#include "model/loops.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace causeway {

class SystemMap;

namespace loopdetail {

enum class Sign : std::uint8_t { Positive, Negative, Unknown };

// The cyclic core of a map: only factors that lie on some loop (strongly connected components
// with more than one factor, or with a self-link), and only the links inside those components,
// since a link between two components is on no loop. Vertices are numbered in ascending factor
// id order, so comparing vertex sequences compares factor id sequences. Out-links are sorted by
// target, so a depth-first search meets loops in lexicographic order.
struct LoopGraph {
    std::vector<FactorId> factors;          // vertex -> factor id (ascending)
    std::vector<std::uint32_t> component;   // vertex -> index into components
    std::vector<std::vector<std::uint32_t>> components; // vertices of each component, ascending

    // Out-links in CSR form: edges of v are [outBegin[v], outBegin[v + 1]).
    std::vector<std::uint32_t> outBegin;
    std::vector<std::uint32_t> target;
    std::vector<Sign> sign;
    std::vector<LinkId> link;

    // In-links (sources only), for the reverse breadth-first searches that bound the depth.
    std::vector<std::uint32_t> inBegin;
    std::vector<std::uint32_t> source;

    static LoopGraph build(const SystemMap& map);
    // Exposed for tests and benchmarks that bypass SystemMap: (from, to, sign) over vertices
    // 0..vertexCount-1 (factor id = vertex + 1). At most one edge per ordered pair.
    struct Edge {
        std::uint32_t from;
        std::uint32_t to;
        Sign sign;
    };
    static LoopGraph fromEdges(std::uint32_t vertexCount, const std::vector<Edge>& edges);

    std::uint32_t vertexCount() const { return static_cast<std::uint32_t>(factors.size()); }
    std::size_t largestComponent() const;
    std::optional<std::uint32_t> vertexOf(FactorId id) const;
    // Index of the edge u -> v in the CSR arrays, or -1.
    std::int64_t findEdge(std::uint32_t u, std::uint32_t v) const;
};

// R/B/U from the number of "-" and "?" links on a loop.
inline LoopPolarity polarityOf(std::size_t negatives, std::size_t unknowns)
{
    if (unknowns > 0)
        return LoopPolarity::Unknown;
    return negatives % 2 == 0 ? LoopPolarity::Reinforcing : LoopPolarity::Balancing;
}

} // namespace loopdetail
} // namespace causeway
