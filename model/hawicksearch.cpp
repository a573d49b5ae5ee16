#include "model/loopsearch.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>

#include <algorithm>
#include <vector>

namespace causeway::loopdetail {

namespace {

using HawickGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// hawick_circuits cannot be stopped except by throwing from the visitor.
struct StopHawick {};

// Runs Hawick on one strongly connected component at a time. With a filter, the filter's vertex
// is renumbered 0: Hawick finds every loop through vertex 0 while it starts from 0, and none
// after, so the first loop from another start ends the search. Through a link u -> v, u's other
// out-links are left out, so every loop through u uses u -> v.
class HawickRun {
public:
    HawickRun(const LoopGraph& g, const LoopFilter& f, const std::atomic<bool>* cancel,
              LoopSink& sink)
        : m_g(g), m_filter(f), m_cancel(cancel), m_sink(sink), m_needsVertices(sink.needsVertices()),
          m_toLocal(g.vertexCount(), 0)
    {
    }

    SearchEnd run()
    {
        const std::optional<std::uint32_t> pivot =
            m_filter.edge ? std::optional(m_filter.edge->first) : m_filter.vertex;
        for (std::uint32_t c = 0; c < m_g.components.size(); ++c) {
            if (pivot && m_g.component[*pivot] != c)
                continue;
            if (m_cancel && m_cancel->load(std::memory_order_relaxed))
                return SearchEnd::Cancelled;
            runComponent(m_g.components[c], pivot);
            if (m_end != SearchEnd::Completed)
                break;
        }
        return m_end;
    }

    // Called by the visitor for every circuit.
    template <class Path>
    void cycle(const Path& path)
    {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            m_end = SearchEnd::Cancelled;
            throw StopHawick{};
        }
        if (m_pivoted && path.front() != 0)
            throw StopHawick{}; // every loop through the pivot has been seen
        const std::size_t k = path.size();
        // Per link, bit 0: "-", bit 1: "?". Bit 0 of the xor: odd "-" count; bit 1 of the or: a "?".
        unsigned parity = 0;
        unsigned any = 0;
        for (std::size_t i = 0; i < k; ++i) {
            const unsigned b = signBits(static_cast<std::uint32_t>(path[i]),
                                        static_cast<std::uint32_t>(path[i + 1 == k ? 0 : i + 1]));
            parity ^= b;
            any |= b;
        }
        const LoopPolarity polarity = (any & 2)     ? LoopPolarity::Unknown
                                      : (parity & 1) ? LoopPolarity::Balancing
                                                     : LoopPolarity::Reinforcing;
        std::span<const std::uint32_t> vertices;
        if (m_needsVertices) {
            m_loop.resize(k);
            for (std::size_t i = 0; i < k; ++i)
                m_loop[i] = m_toCore[path[i]];
            // Both filters: Hawick ran through the link; the factor is checked here.
            if (m_filter.vertex && m_filter.edge
                && std::find(m_loop.begin(), m_loop.end(), *m_filter.vertex) == m_loop.end())
                return;
            vertices = m_loop;
        } else if (m_filter.vertex && m_filter.edge
                   && std::none_of(path.begin(), path.end(),
                                   [&](auto a) { return m_toCore[a] == *m_filter.vertex; })) {
            return;
        }
        if (!m_sink.onLoop({vertices, k, polarity})) {
            m_end = SearchEnd::Stopped;
            throw StopHawick{};
        }
    }

private:
    static constexpr std::uint32_t kDenseLimit = 1024;

    void runComponent(const std::vector<std::uint32_t>& vertices,
                      std::optional<std::uint32_t> pivot)
    {
        // Local numbering: component order, with the pivot moved to the front.
        m_toCore = vertices;
        if (pivot) {
            auto it = std::find(m_toCore.begin(), m_toCore.end(), *pivot);
            std::rotate(m_toCore.begin(), it, it + 1);
        }
        const auto n = static_cast<std::uint32_t>(m_toCore.size());
        for (std::uint32_t i = 0; i < n; ++i)
            m_toLocal[m_toCore[i]] = i;

        m_dense = n <= kDenseLimit;
        if (m_dense)
            m_signs.assign(std::size_t(n) * n, 0);
        m_n = n;
        HawickGraph graph(n);
        for (std::uint32_t a = 0; a < n; ++a) {
            const std::uint32_t x = m_toCore[a];
            for (std::uint32_t e = m_g.outBegin[x]; e < m_g.outBegin[x + 1]; ++e) {
                const std::uint32_t y = m_g.target[e];
                if (m_filter.edge && x == m_filter.edge->first && y != m_filter.edge->second)
                    continue;
                const std::uint32_t b = m_toLocal[y];
                boost::add_edge(a, b, graph);
                if (m_dense)
                    m_signs[std::size_t(a) * n + b] = static_cast<std::uint8_t>(bitsOf(m_g.sign[e]));
            }
        }
        m_pivoted = pivot.has_value();
        try {
            boost::hawick_circuits(graph, Visitor{this});
        } catch (const StopHawick&) {
        }
    }

    static unsigned bitsOf(Sign s)
    {
        return s == Sign::Negative ? 1u : s == Sign::Unknown ? 2u : 0u;
    }

    unsigned signBits(std::uint32_t a, std::uint32_t b) const
    {
        if (m_dense)
            return m_signs[std::size_t(a) * m_n + b];
        return bitsOf(m_g.sign[m_g.findEdge(m_toCore[a], m_toCore[b])]);
    }

    // Copied by value inside Boost, so it only points at the run.
    struct Visitor {
        HawickRun* run;
        template <class Path, class Graph>
        void cycle(const Path& path, const Graph&) const
        {
            run->cycle(path);
        }
    };

    const LoopGraph& m_g;
    const LoopFilter& m_filter;
    const std::atomic<bool>* m_cancel;
    LoopSink& m_sink;
    const bool m_needsVertices;
    std::vector<std::uint32_t> m_toLocal;
    std::vector<std::uint32_t> m_toCore;
    std::vector<std::uint8_t> m_signs;
    std::vector<std::uint32_t> m_loop;
    std::uint32_t m_n = 0;
    bool m_dense = false;
    bool m_pivoted = false;
    SearchEnd m_end = SearchEnd::Completed;
};

} // namespace

SearchEnd hawickSearch(const LoopGraph& graph, const LoopFilter& filter,
                       const std::atomic<bool>* cancel, LoopSink& sink)
{
    return HawickRun(graph, filter, cancel, sink).run();
}

} // namespace causeway::loopdetail
