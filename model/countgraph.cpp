// The compact, component-contiguous, contracted graph the parallel loop count walks.

#include "model/countgraph.h"

#include "model/frontiercount.h"

#include <algorithm>
#include <tuple>

namespace causeway::loopdetail {

namespace {

struct E {
    std::uint32_t from, to;
    std::uint8_t bits;
    std::uint32_t length;
    const std::vector<std::uint32_t>* links; // null unless kept
};

// Fills the out- and in-link tables from the edges (vertices already numbered).
void fillLinks(CountGraph& cg, std::vector<E>& edges, bool keepLinks)
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
    cg.inLength.resize(edges.size());
    if (keepLinks)
        cg.linkBegin.assign(1, 0);
    std::vector<std::uint32_t> fill(cg.inBegin.begin(), cg.inBegin.end() - 1);
    for (const E& e : edges) {
        cg.target.push_back(e.to);
        cg.signBits.push_back(e.bits);
        cg.length.push_back(e.length);
        cg.unitLengths = cg.unitLengths && e.length == 1;
        cg.inSlot.push_back(fill[e.to]);
        cg.inLength[fill[e.to]] = e.length;
        cg.source[fill[e.to]++] = e.from;
        if (keepLinks) {
            cg.links.insert(cg.links.end(), e.links->begin(), e.links->end());
            cg.linkBegin.push_back(std::uint32_t(cg.links.size()));
        }
    }
}

} // namespace

CountGraph CountGraph::build(const LoopGraph& g, std::span<const std::uint32_t> components,
                             const LoopFilter& filter, std::size_t maxLength, LoopCounts& closed,
                             ThroughCounts* closedThrough)
{
    const std::optional<std::uint32_t> pivot =
        filter.edge ? std::optional(filter.edge->first) : filter.vertex;
    CountGraph cg;
    std::vector<frontier::Reduced> reduced; // kept for their links until the tables are filled
    reduced.reserve(components.size());
    std::vector<E> edges;
    for (std::uint32_t c : components) {
        const bool pivoted = pivot && g.component[*pivot] == c;
        if (pivot && !pivoted)
            continue; // a filtered count has loops in the pivot's component only
        const frontier::Reduced& r =
            reduced.emplace_back(frontier::reduce(g, g.components[c], filter, maxLength, closed, closedThrough));
        if (r.vertexCount == 0)
            continue;
        // Renumbered from `begin`, the pivot (never contracted) first.
        std::vector<std::uint32_t> local(r.vertexCount);
        std::uint32_t first = 0;
        if (pivoted) {
            first = std::uint32_t(std::find(r.vertex.begin(), r.vertex.end(), *pivot) - r.vertex.begin());
            if (first == r.vertexCount)
                continue; // the filter's link is on no loop left
        }
        const std::uint32_t begin = cg.vertexCount();
        for (std::uint32_t v = 0, next = begin + 1; v < r.vertexCount; ++v)
            local[v] = v == first ? begin : next++;
        cg.original.resize(begin + r.vertexCount);
        for (std::uint32_t v = 0; v < r.vertexCount; ++v)
            cg.original[local[v]] = r.vertex[v];
        cg.components.push_back({begin, begin + r.vertexCount, pivoted});
        cg.componentOf.resize(begin + r.vertexCount, std::uint32_t(cg.components.size() - 1));
        if (filter.edge && filter.vertex && r.through)
            cg.alsoThrough = local[*r.through];
        for (std::size_t i = 0; i < r.edges.size(); ++i) {
            const frontier::Reduced::Edge& e = r.edges[i];
            if (filter.edge && pivoted && e.from == first && !e.required)
                continue; // every loop wanted leaves the pivot along the filter's link
            edges.push_back({local[e.from], local[e.to], std::uint8_t(e.parity), e.length,
                             closedThrough ? &r.links[i] : nullptr});
        }
    }
    fillLinks(cg, edges, closedThrough != nullptr);
    return cg;
}

} // namespace causeway::loopdetail
