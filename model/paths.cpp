#include "model/paths.h"

#include "model/systemmap.h"

#include <algorithm>
#include <deque>
#include <set>

namespace causeway {

Trace traceFrom(const SystemMap& map, const std::vector<FactorId>& start, TraceDirection direction,
                std::size_t depth)
{
    Trace trace;
    std::deque<FactorId> queue;
    for (FactorId f : start)
        if (map.contains(f) && trace.distance.emplace(f, 0).second)
            queue.push_back(f);
    const bool down = direction == TraceDirection::Downstream;
    std::set<LinkId> used;
    while (!queue.empty()) {
        FactorId f = queue.front();
        queue.pop_front();
        const std::size_t d = trace.distance[f];
        if (depth != 0 && d >= depth)
            continue;
        for (LinkId l : down ? map.outLinks(f) : map.inLinks(f)) {
            const Link& link = map.link(l);
            FactorId next = down ? link.to : link.from;
            used.insert(l);
            if (trace.distance.emplace(next, d + 1).second)
                queue.push_back(next);
        }
    }
    trace.links.assign(used.begin(), used.end());
    return trace;
}

namespace {

struct PathSearch {
    const SystemMap& map;
    FactorId target;
    const PathQuery& query;
    std::size_t bound; // exact length searched in this pass
    std::vector<FactorId> factors;
    std::vector<LinkId> links;
    std::set<FactorId> onPath;
    const std::map<FactorId, std::size_t>* distanceToTarget;
    std::vector<Path>* out;
    std::size_t room; // stop once more than this many are found (0: no bound)
    bool stop = false;
    bool cancelled = false;

    void visit(FactorId f)
    {
        if (stop)
            return;
        if (query.cancel && query.cancel->load()) {
            stop = cancelled = true;
            return;
        }
        if (f == target && links.size() == bound) {
            out->push_back({factors, links});
            if (room && out->size() > room)
                stop = true;
            return;
        }
        if (links.size() >= bound || f == target)
            return;
        for (LinkId l : map.outLinks(f)) {
            FactorId next = map.link(l).to;
            auto d = distanceToTarget->find(next);
            // Prune branches that cannot reach the target within the bound.
            if (onPath.count(next) || d == distanceToTarget->end()
                || links.size() + 1 + d->second > bound)
                continue;
            factors.push_back(next);
            links.push_back(l);
            onPath.insert(next);
            visit(next);
            onPath.erase(next);
            links.pop_back();
            factors.pop_back();
            if (stop)
                return;
        }
    }
};

} // namespace

PathResult findPaths(const SystemMap& map, FactorId from, FactorId to, const PathQuery& query)
{
    PathResult result;
    if (!map.contains(from) || !map.contains(to) || from == to)
        return result;
    // Deepen the length bound so the shortest paths come first and a limit keeps the shortest.
    const std::size_t longest = query.maxLength ? query.maxLength : map.factorCount() - 1;
    const Trace toTarget = traceFrom(map, {to}, TraceDirection::Upstream);
    if (!toTarget.distance.count(from))
        return result;
    for (std::size_t bound = toTarget.distance.at(from); bound <= longest; ++bound) {
        std::vector<Path> found;
        PathSearch search{map,   to,     query, bound, {from}, {}, {from}, &toTarget.distance,
                          &found, query.limit ? query.limit - result.paths.size() : 0};
        search.visit(from);
        std::sort(found.begin(), found.end(),
                  [](const Path& a, const Path& b) { return a.factors < b.factors; });
        for (Path& p : found) {
            if (query.limit && result.paths.size() == query.limit) {
                result.truncated = true;
                return result;
            }
            result.paths.push_back(std::move(p));
        }
        if (search.cancelled) {
            result.cancelled = true;
            return result;
        }
    }
    return result;
}

} // namespace causeway
