// Shrinking a component for the frontier counter: contracting factors with one way in or out.

#include "model/frontiercount.h"

#include <algorithm>

namespace causeway::loopdetail::frontier {

namespace {

// The component being contracted: edges with lazy deletion, in- and out-lists per vertex.
class Contractor {
public:
    Contractor(const LoopGraph& g, std::span<const std::uint32_t> vertices, const LoopFilter& filter,
               std::size_t maxLength, LoopCounts& loops, ThroughCounts* through);
    void run();
    Reduced finish() const;

private:
    void addEdge(std::uint32_t from, std::uint32_t to, std::uint32_t length, Parity parity, bool required,
                 std::vector<std::uint32_t> links);
    void removeEdge(std::uint32_t e);
    void contract(std::uint32_t v, bool intoPredecessor);
    void drop(std::uint32_t v);
    std::uint32_t local(std::uint32_t vertex) const;

    const LoopGraph& m_g;
    std::span<const std::uint32_t> m_vertices;
    std::size_t m_maxLength;
    LoopCounts& m_loops;
    ThroughCounts* m_throughCounts; // when set, each edge's links are kept (m_links)
    std::vector<Reduced::Edge> m_edges;
    std::vector<std::vector<std::uint32_t>> m_links; // by edge: the LoopGraph links it stands for
    std::vector<bool> m_alive;
    std::vector<std::vector<std::uint32_t>> m_out, m_in; // alive edge indices
    std::vector<bool> m_gone, m_kept;
    std::optional<std::uint32_t> m_through; // local vertex every loop passes through
    bool m_needsRequired = false;
    std::vector<std::uint32_t> m_queue;
};

Contractor::Contractor(const LoopGraph& g, std::span<const std::uint32_t> vertices,
                       const LoopFilter& filter, std::size_t maxLength, LoopCounts& loops,
                       ThroughCounts* through)
    : m_g(g), m_vertices(vertices), m_maxLength(maxLength), m_loops(loops), m_throughCounts(through),
      m_out(vertices.size()),
      m_in(vertices.size()), m_gone(vertices.size(), false), m_kept(vertices.size(), false)
{
    std::optional<std::pair<std::uint32_t, std::uint32_t>> link;
    if (filter.edge) {
        link = std::pair(local(filter.edge->first), local(filter.edge->second));
        m_kept[link->first] = m_kept[link->second] = true; // the link stays one edge of its own
        m_needsRequired = true;
    }
    if (filter.vertex) {
        m_through = local(*filter.vertex);
        m_kept[*m_through] = true;
    }
    for (std::uint32_t i = 0; i < vertices.size(); ++i)
        for (std::uint32_t e = g.outBegin[vertices[i]]; e < g.outBegin[vertices[i] + 1]; ++e) {
            const std::uint32_t t = local(g.target[e]);
            const Sign s = g.sign[e];
            const Parity p = s == Sign::Positive ? Even : s == Sign::Negative ? Odd : Unknown;
            addEdge(i, t, 1, p, link && *link == std::pair(i, t),
                    through ? std::vector<std::uint32_t>{e} : std::vector<std::uint32_t>{});
        }
}

std::uint32_t Contractor::local(std::uint32_t vertex) const
{
    return std::uint32_t(std::lower_bound(m_vertices.begin(), m_vertices.end(), vertex) - m_vertices.begin());
}

// A self-edge is a loop of its own (a self-link is on no longer loop): counted, never stored.
// The filter's factor is never contracted, so a loop closed here passes through it only when
// it closes at that factor.
void Contractor::addEdge(std::uint32_t from, std::uint32_t to, std::uint32_t length, Parity parity,
                         bool required, std::vector<std::uint32_t> links)
{
    if (m_maxLength > 0 && length > m_maxLength)
        return; // every loop along it is too long
    if (from == to) {
        if ((!m_through || *m_through == from) && (required || !m_needsRequired)) {
            addToCounts(m_loops, length, polarityOfParity(parity));
            if (m_throughCounts)
                for (const std::uint32_t link : links) { // each factor is the end of one link
                    ++m_throughCounts->edge[link];
                    ++m_throughCounts->vertex[m_g.target[link]];
                }
        }
        return;
    }
    const auto e = std::uint32_t(m_edges.size());
    m_edges.push_back({from, to, length, parity, required});
    m_links.push_back(std::move(links));
    m_alive.push_back(true);
    m_out[from].push_back(e);
    m_in[to].push_back(e);
}

void Contractor::removeEdge(std::uint32_t e)
{
    m_alive[e] = false;
    auto unlist = [e](std::vector<std::uint32_t>& list) {
        list.erase(std::find(list.begin(), list.end(), e));
    };
    unlist(m_out[m_edges[e].from]);
    unlist(m_in[m_edges[e].to]);
}

// Every loop through v enters along its one in-edge (or leaves along its one out-edge): v and
// that edge become part of each edge on the other side.
void Contractor::contract(std::uint32_t v, bool intoPredecessor)
{
    const std::uint32_t only = intoPredecessor ? m_in[v].front() : m_out[v].front();
    const Reduced::Edge a = m_edges[only];
    removeEdge(only);
    const std::vector<std::uint32_t> others = intoPredecessor ? m_out[v] : m_in[v];
    for (std::uint32_t e : others) {
        const Reduced::Edge b = m_edges[e];
        removeEdge(e);
        const std::uint32_t from = intoPredecessor ? a.from : b.from;
        const std::uint32_t to = intoPredecessor ? b.to : a.to;
        std::vector<std::uint32_t> links;
        if (m_throughCounts) { // in order along the path
            const std::vector<std::uint32_t>& first = m_links[intoPredecessor ? only : e];
            const std::vector<std::uint32_t>& second = m_links[intoPredecessor ? e : only];
            links.reserve(first.size() + second.size());
            links.insert(links.end(), first.begin(), first.end());
            links.insert(links.end(), second.begin(), second.end());
        }
        addEdge(from, to, a.length + b.length, combine(a.parity, b.parity), a.required || b.required,
                std::move(links));
        m_queue.push_back(intoPredecessor ? b.to : b.from);
    }
    m_queue.push_back(intoPredecessor ? a.from : a.to);
    m_gone[v] = true;
}

// A vertex with no way in or out is on no loop (any more).
void Contractor::drop(std::uint32_t v)
{
    for (const std::uint32_t e : std::vector<std::uint32_t>(m_out[v])) {
        m_queue.push_back(m_edges[e].to);
        removeEdge(e);
    }
    for (const std::uint32_t e : std::vector<std::uint32_t>(m_in[v])) {
        m_queue.push_back(m_edges[e].from);
        removeEdge(e);
    }
    m_gone[v] = true;
}

void Contractor::run()
{
    for (std::uint32_t v = 0; v < m_vertices.size(); ++v)
        m_queue.push_back(v);
    while (!m_queue.empty()) {
        const std::uint32_t v = m_queue.back();
        m_queue.pop_back();
        if (m_gone[v])
            continue;
        if (m_in[v].empty() || m_out[v].empty())
            drop(v);
        else if (!m_kept[v] && m_in[v].size() == 1)
            contract(v, true);
        else if (!m_kept[v] && m_out[v].size() == 1)
            contract(v, false);
    }
}

Reduced Contractor::finish() const
{
    Reduced r;
    r.needsRequired = m_needsRequired;
    if (m_through && m_gone[*m_through])
        return r; // no loop is left through the filter's factor
    std::vector<std::uint32_t> renumbered(m_vertices.size(), UINT32_MAX);
    for (std::uint32_t v = 0; v < m_vertices.size(); ++v)
        if (!m_gone[v]) {
            renumbered[v] = r.vertexCount++;
            r.vertex.push_back(m_vertices[v]);
        }
    for (std::uint32_t e = 0; e < m_edges.size(); ++e)
        if (m_alive[e]) {
            Reduced::Edge edge = m_edges[e];
            edge.from = renumbered[edge.from];
            edge.to = renumbered[edge.to];
            r.edges.push_back(edge);
            if (m_throughCounts)
                r.links.push_back(m_links[e]);
        }
    if (m_through && !m_gone[*m_through])
        r.through = renumbered[*m_through];
    return r;
}

} // namespace

Reduced reduce(const LoopGraph& g, std::span<const std::uint32_t> vertices, const LoopFilter& filter,
               std::size_t maxLength, LoopCounts& loops, ThroughCounts* through)
{
    Contractor contractor(g, vertices, filter, maxLength, loops, through);
    contractor.run();
    return contractor.finish();
}

} // namespace causeway::loopdetail::frontier
