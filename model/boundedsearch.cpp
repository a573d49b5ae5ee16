#include "model/loopsearch.h"

#include <algorithm>
#include <vector>

namespace causeway::loopdetail {

namespace {

constexpr std::uint32_t kFar = UINT32_MAX / 4;

// Depth-first search for loops of bounded length. Each loop is found once, from its smallest
// vertex s, walking only over vertices above s. A reverse breadth-first search from s gives every
// vertex's distance back to s; a path of depth d at x is cut when d + dist(x) > maxLength, so
// the search never wanders where no short enough loop can close. Filters add their own lower
// bounds (through a vertex: x ~> r ~> s; through a link: x ~> u -> v ~> s) and take the larger.
class BoundedSearch {
public:
    BoundedSearch(const LoopGraph& g, const LoopFilter& f, std::size_t minLength,
                  std::size_t maxLength, const std::atomic<bool>* cancel, LoopSink& sink)
        : m_g(g), m_minLength(minLength), m_maxLength(maxLength), m_cancel(cancel), m_sink(sink)
    {
        const std::uint32_t n = g.vertexCount();
        m_distS.assign(n, kFar);
        m_distR.assign(n, kFar);
        m_distU.assign(n, kFar);
        m_onPath.assign(n, 0);
        if (f.vertex)
            m_r = *f.vertex;
        if (f.edge) {
            m_u = f.edge->first;
            m_v = f.edge->second;
        }
    }

    SearchEnd run()
    {
        for (std::uint32_t s : starts()) {
            if (!searchFrom(s))
                break;
        }
        return m_end;
    }

private:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    std::vector<std::uint32_t> starts() const
    {
        std::vector<std::uint32_t> result;
        const std::uint32_t pivot = m_u != kNone ? m_u : m_r;
        if (pivot == kNone) {
            for (std::uint32_t s = 0; s < m_g.vertexCount(); ++s)
                result.push_back(s);
            return result;
        }
        const std::uint32_t comp = m_g.component[pivot];
        if (m_r != kNone && m_g.component[m_r] != comp)
            return result;
        // A loop through the filter starts at its smallest vertex, so at or below every vertex
        // the filter names. A self-link is a loop on its own.
        std::uint32_t highest = std::min(m_r, std::min(m_u, m_v));
        if (m_u != kNone && m_u == m_v) {
            if (m_r == kNone || m_r == m_u)
                result.push_back(m_u);
            return result;
        }
        for (std::uint32_t s : m_g.components[comp]) {
            if (s > highest)
                break;
            result.push_back(s);
        }
        return result;
    }

    // dist[x] = links from x to `to` over vertices >= start, up to m_maxLength.
    void reverseBfs(std::uint32_t to, std::uint32_t start, std::vector<std::uint32_t>& dist,
                    std::vector<std::uint32_t>& touched)
    {
        for (std::uint32_t x : touched)
            dist[x] = kFar;
        touched.clear();
        dist[to] = 0;
        touched.push_back(to);
        for (std::size_t head = 0; head < touched.size(); ++head) {
            const std::uint32_t x = touched[head];
            if (dist[x] >= m_maxLength)
                continue;
            const auto first = m_g.source.begin() + m_g.inBegin[x];
            const auto last = m_g.source.begin() + m_g.inBegin[x + 1];
            for (auto it = std::lower_bound(first, last, start); it != last; ++it) {
                if (dist[*it] == kFar) {
                    dist[*it] = dist[x] + 1;
                    touched.push_back(*it);
                }
            }
        }
    }

    bool searchFrom(std::uint32_t s)
    {
        // Too few vertices above s for a loop of minLength.
        const auto& comp = m_g.components[m_g.component[s]];
        const auto above = comp.end() - std::lower_bound(comp.begin(), comp.end(), s);
        if (static_cast<std::size_t>(above) < m_minLength)
            return true;

        m_s = s;
        reverseBfs(s, s, m_distS, m_touchedS);
        if (m_r != kNone && m_r != s) {
            if (m_distS[m_r] == kFar)
                return true;
            reverseBfs(m_r, s, m_distR, m_touchedR);
        }
        if (m_u != kNone) {
            if (m_distS[m_v] == kFar || m_distS[m_u] == kFar)
                return true;
            if (m_u != s)
                reverseBfs(m_u, s, m_distU, m_touchedU);
        }
        m_path.clear();
        m_path.push_back(s);
        m_onPath[s] = 1;
        const bool go = dfs(s, 0, false, m_r == kNone || m_r == s);
        m_onPath[s] = 0;
        return go;
    }

    // Fewest links still needed to close a loop from x that satisfies the filters.
    std::uint64_t lowerBound(std::uint32_t x, bool edgeUsed, bool vertexSeen) const
    {
        std::uint64_t bound = m_distS[x];
        if (m_u != kNone && !edgeUsed) {
            const std::uint64_t toU = x == m_u ? 0 : m_distU[x];
            bound = std::max(bound, toU + 1 + m_distS[m_v]);
        }
        if (m_r != kNone && !vertexSeen)
            bound = std::max<std::uint64_t>(bound, std::uint64_t(m_distR[x]) + m_distS[m_r]);
        return bound;
    }

    bool dfs(std::uint32_t w, std::size_t depth, bool edgeUsed, bool vertexSeen)
    {
        if ((++m_steps & 1023) == 0 && m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            m_end = SearchEnd::Cancelled;
            return false;
        }
        for (std::uint32_t e = m_g.outBegin[w]; e < m_g.outBegin[w + 1]; ++e) {
            const std::uint32_t x = m_g.target[e];
            if (x < m_s)
                continue;
            const Sign sign = m_g.sign[e];
            const std::size_t neg = m_negatives + (sign == Sign::Negative);
            const std::size_t unk = m_unknowns + (sign == Sign::Unknown);
            if (x == m_s) {
                const std::size_t length = depth + 1;
                const bool edgeOk = m_u == kNone || edgeUsed || (w == m_u && m_s == m_v);
                if (length >= m_minLength && length <= m_maxLength && edgeOk && vertexSeen) {
                    if (!m_sink.onLoop({m_path, m_path.size(), polarityOf(neg, unk)})) {
                        m_end = SearchEnd::Stopped;
                        return false;
                    }
                }
                continue;
            }
            if (m_onPath[x])
                continue;
            if (m_u != kNone && ((w == m_u) != (x == m_v)))
                continue; // the loop must go u -> v, so u leads only to v and v is entered only from u
            const bool nowUsed = edgeUsed || (w == m_u && x == m_v);
            const bool nowSeen = vertexSeen || x == m_r;
            if (depth + 1 + lowerBound(x, nowUsed, nowSeen) > m_maxLength)
                continue;
            m_path.push_back(x);
            m_onPath[x] = 1;
            const std::size_t savedNegatives = m_negatives;
            const std::size_t savedUnknowns = m_unknowns;
            m_negatives = neg;
            m_unknowns = unk;
            const bool go = dfs(x, depth + 1, nowUsed, nowSeen);
            m_negatives = savedNegatives;
            m_unknowns = savedUnknowns;
            m_onPath[x] = 0;
            m_path.pop_back();
            if (!go)
                return false;
        }
        return true;
    }

    const LoopGraph& m_g;
    const std::size_t m_minLength;
    const std::size_t m_maxLength;
    const std::atomic<bool>* m_cancel;
    LoopSink& m_sink;

    std::uint32_t m_r = kNone;
    std::uint32_t m_u = kNone;
    std::uint32_t m_v = kNone;
    std::uint32_t m_s = 0;
    std::vector<std::uint32_t> m_distS, m_distR, m_distU;
    std::vector<std::uint32_t> m_touchedS, m_touchedR, m_touchedU;
    std::vector<char> m_onPath;
    std::vector<std::uint32_t> m_path;
    std::size_t m_negatives = 0;
    std::size_t m_unknowns = 0;
    std::uint64_t m_steps = 0;
    SearchEnd m_end = SearchEnd::Completed;
};

} // namespace

SearchEnd boundedSearch(const LoopGraph& graph, const LoopFilter& filter, std::size_t minLength,
                        std::size_t maxLength, const std::atomic<bool>* cancel, LoopSink& sink)
{
    if (cancel && cancel->load(std::memory_order_relaxed))
        return SearchEnd::Cancelled;
    // No loop is longer than its component.
    maxLength = std::min(maxLength, graph.largestComponent());
    if (minLength > maxLength)
        return SearchEnd::Completed;
    return BoundedSearch(graph, filter, std::max<std::size_t>(minLength, 1), maxLength, cancel,
                         sink)
        .run();
}

} // namespace causeway::loopdetail
