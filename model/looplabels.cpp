#include "model/looplabels.h"

#include "model/loopgraph.h"
#include "model/systemmap.h"

#include <algorithm>
#include <map>
#include <set>

namespace causeway {

// The one way into SystemMap's loop labels (a friend of SystemMap): only the functions below use it.
struct LoopLabelsAccess {
    static std::vector<LoopLabel>& of(SystemMap& map) { return map.m_loopLabels; }
};

namespace {
std::vector<LinkId> sortedLinks(std::vector<LinkId> links)
{
    std::sort(links.begin(), links.end());
    return links;
}

void checkLabel(const LoopLabel& label)
{
    if (label.name.find_first_not_of(" \t") == std::string::npos)
        throw EditError("A loop label needs a name.");
    if (label.links.empty())
        throw EditError("Loop label '" + label.name + "' names no links.");
}

EditError sameLoop(const LoopLabel& label, const LoopLabel& other)
{
    return EditError("Loop label '" + label.name + "' names the same loop as '" + other.name + "'.");
}
} // namespace

void addLoopLabel(SystemMap& map, LoopLabel label)
{
    checkLabel(label);
    const std::vector<LinkId> links = sortedLinks(label.links);
    for (const LoopLabel& other : map.loopLabels())
        if (sortedLinks(other.links) == links)
            throw sameLoop(label, other);
    LoopLabelsAccess::of(map).push_back(std::move(label));
}

void replaceLoopLabels(SystemMap& map, std::vector<LoopLabel> labels)
{
    std::map<std::vector<LinkId>, const LoopLabel*> loops;
    for (const LoopLabel& label : labels) {
        checkLabel(label);
        const auto [named, fresh] = loops.emplace(sortedLinks(label.links), &label);
        if (!fresh)
            throw sameLoop(label, *named->second);
    }
    LoopLabelsAccess::of(map) = std::move(labels);
}

bool loopLabelIntact(const SystemMap& map, const LoopLabel& label)
{
    if (label.links.empty())
        return false;
    std::set<FactorId> visited;
    for (std::size_t i = 0; i < label.links.size(); ++i) {
        const Link* link = map.findLink(label.links[i]);
        const Link* next = map.findLink(label.links[(i + 1) % label.links.size()]);
        if (!link || !next || link->to != next->from || !visited.insert(link->from).second)
            return false;
    }
    return true;
}

std::optional<Loop> loopOfLabel(const SystemMap& map, const LoopLabel& label)
{
    if (!loopLabelIntact(map, label))
        return std::nullopt;
    // Rotate so the smallest factor id comes first, as findLoops lists loops.
    const std::size_t k = label.links.size();
    std::size_t first = 0;
    for (std::size_t i = 1; i < k; ++i)
        if (map.link(label.links[i]).from < map.link(label.links[first]).from)
            first = i;
    Loop loop;
    for (std::size_t i = 0; i < k; ++i) {
        const Link& link = map.link(label.links[(first + i) % k]);
        loop.factors.push_back(link.from);
        loop.links.push_back(link.id);
    }
    loop.polarity = classifyLoop(map, loop.links);
    return loop;
}

LoopLabel labelForLoop(const Loop& loop, std::string name)
{
    return LoopLabel{std::move(name), loop.links};
}

std::optional<std::size_t> findLoopLabel(const SystemMap& map, const Loop& loop)
{
    const std::vector<LinkId> wanted = sortedLinks(loop.links);
    for (std::size_t i = 0; i < map.loopLabels().size(); ++i)
        if (sortedLinks(map.loopLabels()[i].links) == wanted)
            return i;
    return std::nullopt;
}

std::string suggestLoopName(const SystemMap& map, LoopPolarity polarity)
{
    const std::string letter = loopPolarityLetter(polarity);
    for (int n = 1;; ++n) {
        std::string name = letter + std::to_string(n);
        const bool taken = std::any_of(map.loopLabels().begin(), map.loopLabels().end(),
                                       [&](const LoopLabel& l) {
                                           return l.name.compare(0, name.size(), name) == 0
                                                  && (l.name.size() == name.size()
                                                      || l.name[name.size()] == ' ');
                                       });
        if (!taken)
            return name;
    }
}

std::vector<FactorId> labelFactors(const SystemMap& map, const LoopLabel& label)
{
    std::vector<FactorId> factors;
    for (LinkId id : label.links)
        if (const Link* link = map.findLink(id))
            factors.push_back(link->from);
    return factors;
}

std::size_t longestPossibleLoop(const SystemMap& map)
{
    return loopdetail::LoopGraph::build(map).largestComponent();
}

} // namespace causeway
