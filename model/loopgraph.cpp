#include "model/loopgraph.h"

#include "model/systemmap.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <tuple>

namespace causeway::loopdetail {

namespace {

struct RawEdge {
    std::uint32_t from;
    std::uint32_t to;
    Sign sign;
    LinkId link;
};

Sign signOf(Polarity p)
{
    switch (p) {
    case Polarity::Positive: return Sign::Positive;
    case Polarity::Negative: return Sign::Negative;
    case Polarity::Unknown: return Sign::Unknown;
    }
    return Sign::Unknown;
}

// ids must be ascending; edges refer to positions in ids.
LoopGraph buildCore(const std::vector<FactorId>& ids, std::vector<RawEdge> edges)
{
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    const auto n = static_cast<std::uint32_t>(ids.size());
    Graph g(n);
    std::vector<bool> selfLink(n, false);
    for (const RawEdge& e : edges) {
        boost::add_edge(e.from, e.to, g);
        if (e.from == e.to)
            selfLink[e.from] = true;
    }
    std::vector<int> scc(n);
    const int sccCount = n == 0 ? 0 : boost::strong_components(g, scc.data());

    // A component holds a loop when it has two factors or more, or a self-link.
    std::vector<std::uint32_t> sccSize(sccCount, 0);
    for (std::uint32_t v = 0; v < n; ++v)
        ++sccSize[scc[v]];
    auto cyclic = [&](std::uint32_t v) { return sccSize[scc[v]] > 1 || selfLink[v]; };

    LoopGraph core;
    std::vector<std::uint32_t> coreIndex(n, UINT32_MAX);
    std::vector<std::uint32_t> componentOfScc(sccCount, UINT32_MAX);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (!cyclic(v))
            continue;
        const auto c = coreIndex[v] = core.vertexCount();
        core.factors.push_back(ids[v]);
        // Components are numbered by their smallest factor, since v ascends.
        if (componentOfScc[scc[v]] == UINT32_MAX) {
            componentOfScc[scc[v]] = static_cast<std::uint32_t>(core.components.size());
            core.components.emplace_back();
        }
        core.component.push_back(componentOfScc[scc[v]]);
        core.components[componentOfScc[scc[v]]].push_back(c);
    }

    std::erase_if(edges, [&](const RawEdge& e) {
        return coreIndex[e.from] == UINT32_MAX || scc[e.from] != scc[e.to];
    });
    for (RawEdge& e : edges) {
        e.from = coreIndex[e.from];
        e.to = coreIndex[e.to];
    }
    std::sort(edges.begin(), edges.end(), [](const RawEdge& a, const RawEdge& b) {
        return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    });

    const std::uint32_t m = core.vertexCount();
    core.outBegin.assign(m + 1, 0);
    core.inBegin.assign(m + 1, 0);
    for (const RawEdge& e : edges) {
        ++core.outBegin[e.from + 1];
        ++core.inBegin[e.to + 1];
    }
    for (std::uint32_t v = 0; v < m; ++v) {
        core.outBegin[v + 1] += core.outBegin[v];
        core.inBegin[v + 1] += core.inBegin[v];
    }
    core.target.reserve(edges.size());
    core.sign.reserve(edges.size());
    core.link.reserve(edges.size());
    core.source.resize(edges.size());
    std::vector<std::uint32_t> inFill(core.inBegin.begin(), core.inBegin.end() - 1);
    for (const RawEdge& e : edges) {
        core.target.push_back(e.to);
        core.sign.push_back(e.sign);
        core.link.push_back(e.link);
        core.source[inFill[e.to]++] = e.from; // sources come out ascending too
    }
    return core;
}

} // namespace

LoopGraph LoopGraph::build(const SystemMap& map)
{
    const std::vector<FactorId> ids = map.factorIds();
    std::vector<RawEdge> edges;
    edges.reserve(map.linkCount());
    auto indexOf = [&](FactorId id) {
        return static_cast<std::uint32_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
    };
    for (const Link& l : map.links())
        edges.push_back({indexOf(l.from), indexOf(l.to), signOf(l.polarity), l.id});
    return buildCore(ids, std::move(edges));
}

LoopGraph LoopGraph::fromEdges(std::uint32_t vertexCount, const std::vector<Edge>& edges)
{
    std::vector<FactorId> ids;
    ids.reserve(vertexCount);
    for (std::uint32_t v = 0; v < vertexCount; ++v)
        ids.emplace_back(v + 1);
    std::vector<RawEdge> raw;
    raw.reserve(edges.size());
    std::uint64_t nextLink = 1;
    for (const Edge& e : edges)
        raw.push_back({e.from, e.to, e.sign, LinkId(nextLink++)});
    return buildCore(ids, std::move(raw));
}

std::size_t LoopGraph::largestComponent() const
{
    std::size_t largest = 0;
    for (const auto& c : components)
        largest = std::max(largest, c.size());
    return largest;
}

std::optional<std::uint32_t> LoopGraph::vertexOf(FactorId id) const
{
    const auto it = std::lower_bound(factors.begin(), factors.end(), id);
    if (it == factors.end() || *it != id)
        return std::nullopt;
    return static_cast<std::uint32_t>(it - factors.begin());
}

std::int64_t LoopGraph::findEdge(std::uint32_t u, std::uint32_t v) const
{
    const auto first = target.begin() + outBegin[u];
    const auto last = target.begin() + outBegin[u + 1];
    const auto it = std::lower_bound(first, last, v);
    if (it == last || *it != v)
        return -1;
    return it - target.begin();
}

} // namespace causeway::loopdetail
