#include "model/sils.h"

#include "model/systemmap.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace causeway {

namespace {

// Shortest path from `start` to `goal` along links (breadth first, out-links in id order so ties
// break the same way every run). Returns the links, or nothing when goal is unreachable.
std::optional<std::vector<LinkId>> shortestPath(const SystemMap& map, FactorId start, FactorId goal)
{
    if (start == goal)
        return std::vector<LinkId>{};
    std::map<FactorId, LinkId> via;
    std::deque<FactorId> queue{start};
    std::set<FactorId> seen{start};
    while (!queue.empty()) {
        FactorId f = queue.front();
        queue.pop_front();
        for (LinkId l : map.outLinks(f)) {
            FactorId next = map.link(l).to;
            if (!seen.insert(next).second)
                continue;
            via[next] = l;
            if (next == goal) {
                std::vector<LinkId> path;
                for (FactorId at = goal; at != start; at = map.link(via[at]).from)
                    path.push_back(via[at]);
                std::reverse(path.begin(), path.end());
                return path;
            }
            queue.push_back(next);
        }
    }
    return std::nullopt;
}

// Rotates a closed chain of links so it starts at its smallest factor id.
Loop canonicalLoop(const SystemMap& map, std::vector<LinkId> links)
{
    std::size_t first = 0;
    for (std::size_t i = 1; i < links.size(); ++i)
        if (map.link(links[i]).from < map.link(links[first]).from)
            first = i;
    std::rotate(links.begin(), links.begin() + static_cast<std::ptrdiff_t>(first), links.end());
    Loop loop;
    for (LinkId l : links)
        loop.factors.push_back(map.link(l).from);
    loop.polarity = classifyLoop(map, links);
    loop.links = std::move(links);
    return loop;
}

} // namespace

LoopSet shortestIndependentLoopSet(const SystemMap& map, const std::atomic<bool>* cancel)
{
    LoopSet result;
    std::vector<Loop> candidates;
    std::set<std::vector<LinkId>> seen;
    for (const Link& link : map.links()) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            return result;
        }
        auto back = shortestPath(map, link.to, link.from);
        if (!back)
            continue;
        ++result.linksOnLoops;
        std::vector<LinkId> links{link.id};
        links.insert(links.end(), back->begin(), back->end());
        Loop loop = canonicalLoop(map, std::move(links));
        if (seen.insert(loop.links).second)
            candidates.push_back(std::move(loop));
    }
    std::sort(candidates.begin(), candidates.end(), [](const Loop& a, const Loop& b) {
        if (a.length() != b.length())
            return a.length() < b.length();
        return a.factors < b.factors;
    });
    std::set<LinkId> covered;
    for (Loop& loop : candidates) {
        bool addsLink = std::any_of(loop.links.begin(), loop.links.end(),
                                    [&](LinkId l) { return !covered.count(l); });
        if (!addsLink)
            continue;
        covered.insert(loop.links.begin(), loop.links.end());
        result.loops.push_back(std::move(loop));
    }
    return result;
}

} // namespace causeway
