// The compact, component-contiguous graph the parallel loop count walks.

#include "model/countgraph.h"

#include "model/frontiercount.h"

#include <algorithm>
#include <tuple>

namespace causeway::loopdetail {

namespace {

std::uint8_t bitsOf(Sign s)
{
    return s == Sign::Negative ? 1 : s == Sign::Unknown ? 2 : 0;
}

struct E {
    std::uint32_t from, to;
    std::uint8_t bits;
    std::uint32_t length;
    std::uint32_t original;
};

// Fills the out- and in-link tables from the edges (vertices already numbered).
void fillLinks(CountGraph& cg, std::vector<E>& edges, bool keepOriginal)
{
    std::sort(edges.begin(), edges.end(),
              [](const E& p, const E& q) { return std::tie(p.from, p.to) < std::tie(q.from, q.to); });
    const std::uint32_t n = cg.vertexCount();
    cg.outBegin.assign(n + 1, 0);
    cg.inBegin.assign(n + 1, 0);
    for (const E& e : edges) {
        ++cg.outBegin[e.from + 1];
        ++cg.inBegin[e.to + 1];
    }
    for (std::uint32_t v = 0; v < n; ++v) {
        cg.outBegin[v + 1] += cg.outBegin[v];
        cg.inBegin[v + 1] += cg.inBegin[v];
    }
    cg.target.reserve(edges.size());
    cg.signBits.reserve(edges.size());
    cg.length.reserve(edges.size());
    cg.inSlot.reserve(edges.size());
    cg.source.resize(edges.size());
    std::vector<std::uint32_t> fill(cg.inBegin.begin(), cg.inBegin.end() - 1);
    for (const E& e : edges) {
        cg.target.push_back(e.to);
        cg.signBits.push_back(e.bits);
        cg.length.push_back(e.length);
        cg.inSlot.push_back(fill[e.to]);
        if (keepOriginal)
            cg.originalEdge.push_back(e.original);
        cg.source[fill[e.to]++] = e.from;
    }
}

} // namespace

CountGraph CountGraph::build(const LoopGraph& g, std::span<const std::uint32_t> components,
                             const LoopFilter& filter)
{
    const std::optional<std::uint32_t> pivot =
        filter.edge ? std::optional(filter.edge->first) : filter.vertex;
    CountGraph cg;
    std::vector<std::uint32_t> local(g.vertexCount(), UINT32_MAX);
    std::vector<std::uint32_t> order; // local -> LoopGraph vertex
    for (std::uint32_t c : components) {
        const auto& vertices = g.components[c];
        const bool pivoted = pivot && g.component[*pivot] == c;
        if (pivot && !pivoted)
            continue; // a filtered count has loops in the pivot's component only
        const auto begin = std::uint32_t(order.size());
        if (pivoted)
            order.push_back(*pivot);
        for (std::uint32_t v : vertices)
            if (!pivoted || v != *pivot)
                order.push_back(v);
        cg.components.push_back({begin, std::uint32_t(order.size()), pivoted});
        for (std::uint32_t i = begin; i < order.size(); ++i) {
            local[order[i]] = i;
            cg.componentOf.push_back(std::uint32_t(cg.components.size() - 1));
        }
    }
    cg.original = order;
    if (filter.edge && filter.vertex)
        cg.alsoThrough = local[*filter.vertex];

    std::vector<E> edges;
    for (std::uint32_t a = 0; a < order.size(); ++a) {
        const std::uint32_t x = order[a];
        for (std::uint32_t e = g.outBegin[x]; e < g.outBegin[x + 1]; ++e) {
            const std::uint32_t y = g.target[e];
            if (filter.edge && x == filter.edge->first && y != filter.edge->second)
                continue;
            edges.push_back({a, local[y], bitsOf(g.sign[e]), 1, e});
        }
    }
    fillLinks(cg, edges, true);
    return cg;
}

CountGraph CountGraph::contracted(const LoopGraph& g, std::span<const std::uint32_t> components,
                                  LoopCounts& closed)
{
    CountGraph cg;
    std::vector<E> edges;
    for (std::uint32_t c : components) {
        const frontier::Reduced r = frontier::reduce(g, g.components[c], {}, 0, closed);
        if (r.vertexCount == 0)
            continue;
        const std::uint32_t begin = cg.vertexCount();
        cg.components.push_back({begin, begin + r.vertexCount, false});
        cg.componentOf.resize(begin + r.vertexCount, std::uint32_t(cg.components.size() - 1));
        for (const frontier::Reduced::Edge& e : r.edges)
            edges.push_back({begin + e.from, begin + e.to, std::uint8_t(e.parity), e.length, 0});
    }
    fillLinks(cg, edges, false);
    return cg;
}

} // namespace causeway::loopdetail
