#include "model/loops.h"
#include "model/countwhole.h"

#include "model/loopsearch.h"
#include "model/systemmap.h"

#include <algorithm>
#include <limits>

namespace causeway {

using namespace loopdetail;

namespace {

constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

// The map's cyclic core and the query's filters in its numbering.
struct Prepared {
    LoopGraph graph;
    LoopFilter filter;
    bool nothing = false;     // the filter names a factor or link that is on no loop
    std::size_t longest = 0;  // no loop the query can reach is longer than this
};

Prepared prepare(const SystemMap& map, const LoopQuery& query)
{
    Prepared p{LoopGraph::build(map), {}, false, 0};
    if (query.throughFactor) {
        map.factor(*query.throughFactor); // throws EditError for an unknown id
        p.filter.vertex = p.graph.vertexOf(*query.throughFactor);
        p.nothing |= !p.filter.vertex;
    }
    if (query.throughLink) {
        const Link& link = map.link(*query.throughLink);
        const auto u = p.graph.vertexOf(link.from);
        const auto v = p.graph.vertexOf(link.to);
        // A link between two components is on no loop and is not in the core.
        if (u && v && p.graph.findEdge(*u, *v) >= 0)
            p.filter.edge = std::pair(*u, *v);
        else
            p.nothing = true;
        if (p.filter.edge && p.filter.vertex && (*p.filter.vertex == *u || *p.filter.vertex == *v))
            p.filter.vertex.reset(); // implied by the link
    }
    if (p.nothing)
        return p;
    const std::optional<std::uint32_t> pivot =
        p.filter.edge ? std::optional(p.filter.edge->first) : p.filter.vertex;
    p.longest = pivot ? p.graph.components[p.graph.component[*pivot]].size()
                      : p.graph.largestComponent();
    if (query.maxLength > 0)
        p.longest = std::min(p.longest, query.maxLength);
    return p;
}

// A length bound below the component size needs the bounded search; otherwise Hawick is faster.
bool needsBoundedSearch(const Prepared& p, const LoopQuery& query)
{
    return query.maxLength > 0 && p.longest == query.maxLength;
}

SearchEnd searchAll(const Prepared& p, const LoopQuery& query, LoopSink& sink,
                    std::uint64_t alreadyCounted = 0)
{
    ProgressSink reported(sink, query.progress, alreadyCounted);
    if (needsBoundedSearch(p, query))
        return boundedSearch(p.graph, p.filter, 1, query.maxLength, query.cancel, reported);
    return hawickSearch(p.graph, p.filter, query.cancel, reported);
}

std::size_t edgesWithin(const LoopGraph& g, const std::vector<std::uint32_t>& vertices)
{
    std::size_t edges = 0;
    for (std::uint32_t v : vertices)
        edges += g.outBegin[v + 1] - g.outBegin[v];
    return edges;
}

// The query's graph cut down to some of its components (renumbered, filter with it), or nothing
// when those are all the components it has.
std::optional<Prepared> onlyComponents(const Prepared& p, const std::vector<std::uint32_t>& keep)
{
    if (keep.size() == p.graph.components.size())
        return std::nullopt;
    std::vector<std::uint32_t> renumbered(p.graph.vertexCount(), UINT32_MAX);
    std::uint32_t next = 0;
    for (std::uint32_t c : keep)
        for (std::uint32_t v : p.graph.components[c])
            renumbered[v] = next++;
    std::vector<LoopGraph::Edge> edges;
    for (std::uint32_t c : keep)
        for (std::uint32_t v : p.graph.components[c])
            for (std::uint32_t e = p.graph.outBegin[v]; e < p.graph.outBegin[v + 1]; ++e)
                edges.push_back({renumbered[v], renumbered[p.graph.target[e]], p.graph.sign[e]});
    Prepared rest{LoopGraph::fromEdges(next, edges), {}, false, p.longest};
    if (p.filter.vertex)
        rest.filter.vertex = renumbered[*p.filter.vertex];
    if (p.filter.edge)
        rest.filter.edge = std::pair(renumbered[p.filter.edge->first], renumbered[p.filter.edge->second]);
    return rest;
}

// Counts one component's loops by searching, unless there are more than `budget`: then the
// counts are left as they were and the search says Stopped.
SearchEnd countBySearch(const Prepared& p, std::uint32_t component, const LoopQuery& query,
                        std::uint64_t budget, LoopCounts& counts)
{
    class Budgeted : public CountingSink {
    public:
        explicit Budgeted(std::uint64_t budget) : m_budget(budget) {}
        bool onLoop(const FoundLoop& loop) override
        {
            CountingSink::onLoop(loop);
            return counts.total < m_budget;
        }

    private:
        std::uint64_t m_budget;
    } sink(budget);
    const std::optional<Prepared> one = onlyComponents(p, {component});
    const SearchEnd end = searchAll(one ? *one : p, query, sink, counts.total);
    if (end == SearchEnd::Completed)
        addCounts(counts, sink.counts);
    return end;
}

// A found loop in canonical form: rotated to its smallest factor id, with its links.
void toLoop(const LoopGraph& g, const FoundLoop& found, Loop& loop)
{
    const auto& vs = found.vertices;
    const std::size_t k = vs.size();
    const std::size_t first = std::min_element(vs.begin(), vs.end()) - vs.begin();
    loop.polarity = found.polarity;
    loop.factors.clear();
    loop.links.clear();
    loop.factors.reserve(k);
    loop.links.reserve(k);
    for (std::size_t i = 0; i < k; ++i) {
        const std::uint32_t a = vs[(first + i) % k];
        const std::uint32_t b = vs[(first + i + 1) % k];
        loop.factors.push_back(g.factors[a]);
        loop.links.push_back(g.link[g.findEdge(a, b)]);
    }
}

// Turns found loops into canonical Loops (rotated to the smallest factor id) and stops the
// search once it holds `capacity` loops.
class CollectingSink : public LoopSink {
public:
    CollectingSink(const LoopGraph& g, std::vector<Loop>& out, std::size_t capacity,
                   std::optional<LoopPolarity> only)
        : m_g(g), m_out(out), m_capacity(capacity), m_only(only)
    {
    }

    bool onLoop(const FoundLoop& found) override
    {
        if (m_only && found.polarity != *m_only)
            return true;
        Loop loop;
        toLoop(m_g, found, loop);
        m_out.push_back(std::move(loop));
        return m_out.size() < m_capacity;
    }

private:
    const LoopGraph& m_g;
    std::vector<Loop>& m_out;
    std::size_t m_capacity;
    std::optional<LoopPolarity> m_only;
};

bool shortestFirst(const Loop& a, const Loop& b)
{
    if (a.length() != b.length())
        return a.length() < b.length();
    return a.factors < b.factors;
}

// Hands each loop, canonical, to a visitor and counts it.
class VisitingSink : public LoopSink {
public:
    VisitingSink(const LoopGraph& g, const std::function<bool(const Loop&)>& visit,
                 std::optional<LoopPolarity> only)
        : m_g(g), m_visit(visit), m_only(only)
    {
    }
    LoopCounts counts;

    bool onLoop(const FoundLoop& found) override
    {
        if (m_only && found.polarity != *m_only)
            return true;
        toLoop(m_g, found, m_loop);
        addToCounts(counts, found.length, found.polarity);
        return m_visit(m_loop);
    }

private:
    const LoopGraph& m_g;
    const std::function<bool(const Loop&)>& m_visit;
    std::optional<LoopPolarity> m_only;
    Loop m_loop;
};

LoopCounts countOf(const std::vector<Loop>& loops)
{
    LoopCounts counts;
    for (const Loop& loop : loops)
        addToCounts(counts, loop.length(), loop.polarity);
    return counts;
}

// Counts one small component by subsets, or by searching when that is quicker.
SearchEnd countSmall(const Prepared& p, std::uint32_t c, const LoopQuery& query, LoopCounts& counts)
{
    const std::vector<std::uint32_t>& vertices = p.graph.components[c];
    const std::size_t edges = edgesWithin(p.graph, vertices);
    // A component with few loops is quicker searched than counted by subsets (2^n steps
    // whatever it holds): search it first, and count by subsets once its loops outrun that.
    const std::uint64_t budget = std::max<std::uint64_t>(4096, (std::uint64_t(1) << vertices.size()) * edges / 32);
    const SearchEnd searched = countBySearch(p, c, query, budget, counts);
    if (searched != SearchEnd::Stopped)
        return searched;
    return countBySubsets(p.graph, vertices, p.filter.vertex, query.maxLength, query.cancel, counts);
}

} // namespace

const char* loopPolarityLetter(LoopPolarity p)
{
    switch (p) {
    case LoopPolarity::Reinforcing: return "R";
    case LoopPolarity::Balancing: return "B";
    case LoopPolarity::Unknown: return "U";
    }
    return "?";
}

LoopPolarity classifyLoop(const SystemMap& map, const std::vector<LinkId>& links)
{
    std::size_t negatives = 0;
    std::size_t unknowns = 0;
    for (LinkId id : links) {
        const Polarity p = map.link(id).polarity;
        negatives += p == Polarity::Negative;
        unknowns += p == Polarity::Unknown;
    }
    return polarityOf(negatives, unknowns);
}

namespace {

// Counts the components that subsets or the frontier sweep can take, however many loops they
// hold; returns those left for the search, which meets their loops one by one.
std::vector<std::uint32_t> countWithoutSearch(const Prepared& p, const LoopQuery& query, LoopCounts& counts,
                                              bool& cancelled)
{
    const std::optional<std::uint32_t> pivot =
        p.filter.edge ? std::optional(p.filter.edge->first) : p.filter.vertex;
    std::vector<std::uint32_t> searched;
    // Each component an equal share of `swept`: the sweep of a big one fills its share step by step.
    const double span = 1.0 / double(std::max<std::size_t>(1, p.graph.components.size()));
    for (std::uint32_t c = 0; c < p.graph.components.size() && !cancelled; ++c) {
        const SweepShare share{query.swept, c * span, span};
        if (pivot && p.graph.component[*pivot] != c)
            continue; // no loop of it passes what the filter names
        const std::vector<std::uint32_t>& vertices = p.graph.components[c];
        SearchEnd end = SearchEnd::Stopped;
        if (!p.filter.edge && subsetCountable(vertices.size(), edgesWithin(p.graph, vertices)))
            end = countSmall(p, c, query, counts);
        else
            end = countByFrontier(p.graph, vertices, p.filter, query.maxLength, query.cancel,
                                  query.progress, counts, {}, countingThreads(query.threads), share);
        cancelled = end == SearchEnd::Cancelled;
        if (end == SearchEnd::Stopped)
            searched.push_back(c);
        else if (query.progress)
            query.progress->store(counts.total, std::memory_order_relaxed);
        share.report(1);
    }
    if (!cancelled)
        SweepShare{query.swept}.report(1); // also when there was no component to count
    return searched;
}

} // namespace

LoopResult countLoops(const SystemMap& map, const LoopQuery& query)
{
    LoopResult result;
    const Prepared p = prepare(map, query);
    if (p.nothing)
        return result;
    LoopCounts counts;
    const std::vector<std::uint32_t> searched = countWithoutSearch(p, query, counts, result.cancelled);
    if (!result.cancelled && !searched.empty()) {
        result.cancelled = countInParallel(p.graph, searched, p.filter, query.maxLength,
                                           countingThreads(query.threads), query.cancel,
                                           query.progress, counts)
                           == SearchEnd::Cancelled;
    }
    result.counts = std::move(counts);
    return result;
}

std::optional<LoopCounts> countLoopsWithoutSearch(const SystemMap& map, const LoopQuery& query)
{
    const Prepared p = prepare(map, query);
    if (p.nothing)
        return LoopCounts{};
    LoopCounts counts;
    bool cancelled = false;
    if (!countWithoutSearch(p, query, counts, cancelled).empty() || cancelled)
        return std::nullopt;
    return counts;
}

LoopResult visitLoops(const SystemMap& map, const LoopQuery& query,
                      const std::function<bool(const Loop&)>& visit)
{
    LoopResult result;
    const Prepared p = prepare(map, query);
    if (p.nothing)
        return result;
    VisitingSink sink(p.graph, visit, query.polarity);
    result.cancelled = searchAll(p, query, sink) == SearchEnd::Cancelled;
    result.counts = std::move(sink.counts);
    return result;
}

LoopResult findLoops(const SystemMap& map, const LoopQuery& query)
{
    LoopResult result;
    const Prepared p = prepare(map, query);
    if (p.nothing)
        return result;
    // A map without '?' links has no U loops: no need to search through them all to find none.
    if (query.polarity == LoopPolarity::Unknown
        && std::none_of(p.graph.sign.begin(), p.graph.sign.end(),
                        [](Sign s) { return s == Sign::Unknown; }))
        return result;

    if (query.limit == 0) {
        CollectingSink sink(p.graph, result.loops, kUnbounded, query.polarity);
        result.cancelled = searchAll(p, query, sink) == SearchEnd::Cancelled;
    } else if (CollectingSink few(p.graph, result.loops, query.limit + 1, query.polarity);
               searchAll(p, query, few) == SearchEnd::Completed) {
        // At most `limit` loops in all: listed in one pass, which spares deepening through
        // every length of a big component that holds only a few long loops.
    } else if (query.cancel && query.cancel->load(std::memory_order_relaxed)) {
        result.cancelled = true;
    } else {
        // More than `limit` loops exist, so the listing is truncated. Deepen the length bound one
        // link at a time: each level meets its loops in canonical order, so the first `limit`
        // loops found are the shortest, lexicographically first ones.
        result.loops.clear();
        result.truncated = true;
        CollectingSink sink(p.graph, result.loops, query.limit, query.polarity);
        for (std::size_t length = 1; length <= p.longest && result.loops.size() < query.limit;
             ++length) {
            if (boundedSearch(p.graph, p.filter, length, length, query.cancel, sink)
                == SearchEnd::Cancelled) {
                result.cancelled = true;
                result.truncated = false;
                break;
            }
        }
    }
    std::sort(result.loops.begin(), result.loops.end(), shortestFirst);
    result.counts = countOf(result.loops);
    return result;
}

namespace loopdetail {

SearchEnd searchAllLoops(const LoopGraph& graph, std::size_t maxLength,
                         const std::atomic<bool>* cancel, LoopSink& sink)
{
    if (maxLength > 0 && maxLength <= graph.largestComponent())
        return boundedSearch(graph, {}, 1, maxLength, cancel, sink);
    return hawickSearch(graph, {}, cancel, sink);
}

} // namespace loopdetail

} // namespace causeway
