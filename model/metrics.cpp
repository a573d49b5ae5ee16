#include "model/metrics.h"

#include "model/loopgraph.h"
#include "model/loopsearch.h"
#include "model/nominations.h"
#include "model/systemmap.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>

namespace causeway {

namespace {

using MetricsGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_index_t, std::size_t>>;

} // namespace

MapMetrics computeMetrics(const SystemMap& map, const MetricsOptions& options)
{
    MapMetrics result;
    const std::vector<Factor> factors = map.factors();
    const std::vector<Link> links = map.links();
    const std::size_t n = factors.size();

    std::unordered_map<FactorId, std::size_t> vertexOf;
    for (std::size_t i = 0; i < n; ++i)
        vertexOf[factors[i].id] = i;

    // Brandes' algorithm: O(VE) on an unweighted graph.
    MetricsGraph g(n);
    for (std::size_t i = 0; i < links.size(); ++i)
        // Self-links carry no shortest paths between distinct factors; keep them out of Brandes.
        if (links[i].from != links[i].to)
            boost::add_edge(vertexOf[links[i].from], vertexOf[links[i].to], i, g);

    std::vector<double> vertexCentrality(n, 0.0);
    std::vector<double> edgeCentrality(links.size(), 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
                                     vertexCentrality.begin(), boost::get(boost::vertex_index, g)))
               .edge_centrality_map(boost::make_iterator_property_map(
                   edgeCentrality.begin(), boost::get(boost::edge_index, g))));

    // Boost counts each ordered pair once for directed graphs; normalise to 0..1 ourselves
    // (relative_betweenness_centrality uses the undirected factor and would double the values).
    const double pairsThrough = n > 2 ? static_cast<double>((n - 1) * (n - 2)) : 1.0;
    const double pairs = n > 1 ? static_cast<double>(n * (n - 1)) : 1.0;

    // Loops through every factor and link from one count of the map's loops (per-item queries
    // would search the map once per factor and once per link), split among threads.
    const loopdetail::LoopGraph core = loopdetail::LoopGraph::build(map);
    std::vector<std::uint32_t> components(core.components.size());
    for (std::uint32_t c = 0; c < components.size(); ++c)
        components[c] = c;
    loopdetail::ThroughCounts counts;
    LoopCounts total;
    result.cancelled = loopdetail::countInParallel(core, components, {}, options.maxLoopLength,
                                                   loopdetail::countingThreads(options.threads),
                                                   options.cancel, options.progress, total, &counts)
                       == loopdetail::SearchEnd::Cancelled;
    const bool bounded = options.maxLoopLength != 0;

    std::unordered_map<FactorId, std::uint32_t> coreVertex;
    for (std::uint32_t v = 0; v < core.vertexCount(); ++v)
        coreVertex[core.factors[v]] = v;
    std::unordered_map<LinkId, std::uint64_t> linkLoops;
    for (std::size_t e = 0; e < core.link.size(); ++e)
        linkLoops[core.link[e]] = counts.edge[e];

    for (std::size_t i = 0; i < n; ++i) {
        FactorMetrics m;
        m.id = factors[i].id;
        m.inDegree = static_cast<int>(map.inLinks(m.id).size());
        m.outDegree = static_cast<int>(map.outLinks(m.id).size());
        m.betweenness = vertexCentrality[i] / pairsThrough;
        if (auto v = coreVertex.find(m.id); v != coreVertex.end())
            m.loops = counts.vertex[v->second];
        m.loopsBounded = bounded;
        result.factors.push_back(m);
    }
    for (std::size_t i = 0; i < links.size(); ++i) {
        LinkMetrics m;
        m.id = links[i].id;
        m.betweenness = edgeCentrality[i] / pairs;
        if (auto l = linkLoops.find(m.id); l != linkLoops.end())
            m.loops = l->second;
        m.loopsBounded = bounded;
        result.links.push_back(m);
    }
    return result;
}

std::vector<IndicatorHint> indicatorHints(const MapMetrics& metrics, std::size_t count)
{
    std::uint64_t mostLoops = 1;
    double mostBetween = 0;
    for (const auto& f : metrics.factors) {
        mostLoops = std::max(mostLoops, f.loops);
        mostBetween = std::max(mostBetween, f.betweenness);
    }
    for (const auto& l : metrics.links) {
        mostLoops = std::max(mostLoops, l.loops);
        mostBetween = std::max(mostBetween, l.betweenness);
    }
    auto percent = [](double share) { return static_cast<int>(std::lround(share * 100)); };
    auto explain = [&](std::uint64_t loops, bool bounded, double between, bool isLink) {
        std::ostringstream s;
        s << "on " << loops << (bounded ? " short" : "") << (loops == 1 ? " loop" : " loops");
        if (between > 0)
            s << "; on " << percent(between) << "% of the shortest paths between "
              << (isLink ? "factors" : "other factors");
        return s.str();
    };
    std::vector<IndicatorHint> hints;
    auto score = [&](std::uint64_t loops, double between) {
        return 0.5 * static_cast<double>(loops) / static_cast<double>(mostLoops)
               + (mostBetween > 0 ? 0.5 * between / mostBetween : 0.0);
    };
    for (const auto& f : metrics.factors)
        if (f.loops > 0 || f.betweenness > 0)
            hints.push_back({ItemRef::of(f.id), score(f.loops, f.betweenness),
                             explain(f.loops, f.loopsBounded, f.betweenness, false)});
    for (const auto& l : metrics.links)
        if (l.loops > 0 || l.betweenness > 0)
            hints.push_back({ItemRef::of(l.id), score(l.loops, l.betweenness),
                             explain(l.loops, l.loopsBounded, l.betweenness, true)});
    std::stable_sort(hints.begin(), hints.end(),
                     [](const IndicatorHint& a, const IndicatorHint& b) { return a.score > b.score; });
    if (hints.size() > count)
        hints.resize(count);
    return hints;
}

} // namespace causeway
