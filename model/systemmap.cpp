#include "model/systemmap.h"

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace causeway {

namespace {

// listS/listS keeps descriptors stable across removals; the id maps are the public handles.
using Graph = boost::adjacency_list<boost::listS, boost::listS, boost::bidirectionalS, FactorId, LinkId>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

std::string quoted(const std::string& label) { return "'" + label + "'"; }

bool isBlank(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

void checkLabel(const std::string& label)
{
    if (isBlank(label))
        throw EditError("A factor needs a label: the label is empty.");
}

void checkPosition(Point p)
{
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
        throw EditError("A factor position must be a finite number.");
}

void checkIndicator(const std::optional<Indicator>& indicator)
{
    if (indicator)
        if (std::string problem = indicatorProblem(*indicator); !problem.empty())
            throw EditError(problem);
}

} // namespace

const char* polaritySymbol(Polarity p)
{
    switch (p) {
    case Polarity::Positive: return "+";
    case Polarity::Negative: return "-";
    case Polarity::Unknown: return "?";
    }
    return "?";
}

std::optional<Polarity> parsePolarity(std::string_view text)
{
    std::string t;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "+" || t == "positive" || t == "pos" || t == "same" || t == "s" || t == "1" || t == "+1")
        return Polarity::Positive;
    if (t == "-" || t == "negative" || t == "neg" || t == "opposite" || t == "o" || t == "-1"
        || t == "\xe2\x88\x92") // U+2212 minus sign, as pasted from documents
        return Polarity::Negative;
    if (t == "?" || t == "unknown" || t == "u" || t == "0" || t == "ambiguous")
        return Polarity::Unknown;
    return std::nullopt;
}

struct SystemMap::Impl {
    Graph graph;
    std::map<FactorId, std::pair<Factor, Vertex>> factors;
    std::map<LinkId, std::pair<Link, Edge>> links;
    std::uint64_t nextFactor = 1;
    std::uint64_t nextLink = 1;

    const std::pair<Factor, Vertex>& factorEntry(FactorId id) const
    {
        auto it = factors.find(id);
        if (it == factors.end())
            throw EditError("There is no factor with id " + std::to_string(id.value) + ".");
        return it->second;
    }

    std::optional<LinkId> findLink(FactorId from, FactorId to) const
    {
        auto f = factors.find(from);
        auto t = factors.find(to);
        if (f == factors.end() || t == factors.end())
            return std::nullopt;
        // Out-degree is small in causal maps; a linear scan of one vertex's out-edges is enough.
        for (auto [e, end] = boost::out_edges(f->second.second, graph); e != end; ++e)
            if (boost::target(*e, graph) == t->second.second)
                return graph[*e];
        return std::nullopt;
    }

    void checkLink(const Link& link) const
    {
        auto f = factors.find(link.from);
        auto t = factors.find(link.to);
        if (f == factors.end())
            throw EditError("A link needs a factor to start from: there is no factor with id "
                            + std::to_string(link.from.value) + ".");
        if (t == factors.end())
            throw EditError("A link needs a factor to end at: there is no factor with id "
                            + std::to_string(link.to.value) + ".");
        if (auto existing = findLink(link.from, link.to))
            throw EditError("There is already a link " + quoted(f->second.first.label) + " -> "
                            + quoted(t->second.first.label) + " (link " + std::to_string(existing->value)
                            + "); change that link instead of adding a second one.");
    }

    void insertLinkUnchecked(const Link& link)
    {
        auto [e, ok] = boost::add_edge(factors.at(link.from).second, factors.at(link.to).second,
                                       link.id, graph);
        (void)ok;
        links.emplace(link.id, std::make_pair(link, e));
        nextLink = std::max(nextLink, link.id.value + 1);
    }

    void insertFactorUnchecked(const Factor& factor)
    {
        Vertex v = boost::add_vertex(factor.id, graph);
        factors.emplace(factor.id, std::make_pair(factor, v));
        nextFactor = std::max(nextFactor, factor.id.value + 1);
    }

    void rebuildFrom(const Impl& other)
    {
        graph.clear();
        factors.clear();
        links.clear();
        for (const auto& [id, entry] : other.factors)
            insertFactorUnchecked(entry.first);
        for (const auto& [id, entry] : other.links)
            insertLinkUnchecked(entry.first);
        nextFactor = other.nextFactor;
        nextLink = other.nextLink;
    }
};

SystemMap::SystemMap() : d(std::make_unique<Impl>()) {}
SystemMap::~SystemMap() = default;
SystemMap::SystemMap(SystemMap&&) noexcept = default;
SystemMap& SystemMap::operator=(SystemMap&&) noexcept = default;

SystemMap::SystemMap(const SystemMap& other)
    : title(other.title), description(other.description), extra(other.extra),
      m_loopLabels(other.m_loopLabels), m_rounds(other.m_rounds),
      m_stories(other.m_stories), m_plan(other.m_plan), d(std::make_unique<Impl>())
{
    // Descriptors point into the other graph, so rebuild rather than copy the maps.
    d->rebuildFrom(*other.d);
}

SystemMap& SystemMap::operator=(const SystemMap& other)
{
    if (this != &other) {
        SystemMap copy(other);
        *this = std::move(copy);
    }
    return *this;
}

// ---- factors

FactorId SystemMap::addFactor(Factor factor)
{
    factor.id = FactorId(d->nextFactor);
    insertFactor(factor);
    return factor.id;
}

void SystemMap::insertFactor(const Factor& factor)
{
    if (!factor.id.valid())
        throw EditError("A factor needs an id above zero.");
    if (d->factors.count(factor.id))
        throw EditError("Factor id " + std::to_string(factor.id.value) + " is already used by "
                        + quoted(d->factors.at(factor.id).first.label) + ".");
    checkLabel(factor.label);
    checkPosition(factor.position);
    checkIndicator(factor.indicator);
    d->insertFactorUnchecked(factor);
}

Factor SystemMap::updateFactor(const Factor& factor)
{
    auto it = d->factors.find(factor.id);
    if (it == d->factors.end())
        throw EditError("There is no factor with id " + std::to_string(factor.id.value) + ".");
    checkLabel(factor.label);
    checkPosition(factor.position);
    checkIndicator(factor.indicator);
    Factor old = it->second.first;
    it->second.first = factor;
    return old;
}

Point SystemMap::moveFactor(FactorId id, Point position)
{
    Factor f = factor(id);
    Point old = f.position;
    f.position = position;
    updateFactor(f);
    return old;
}

RemovedFactor SystemMap::removeFactor(FactorId id)
{
    const auto& [factor, v] = d->factorEntry(id);
    RemovedFactor removed{factor, {}};
    std::vector<LinkId> linkIds;
    for (auto [e, end] = boost::out_edges(v, d->graph); e != end; ++e)
        linkIds.push_back(d->graph[*e]);
    for (auto [e, end] = boost::in_edges(v, d->graph); e != end; ++e)
        if (boost::source(*e, d->graph) != v) // a self-link was already counted as out-edge
            linkIds.push_back(d->graph[*e]);
    std::sort(linkIds.begin(), linkIds.end());
    for (LinkId l : linkIds)
        removed.links.push_back(d->links.at(l).first);
    Vertex vertex = v;
    boost::clear_vertex(vertex, d->graph);
    boost::remove_vertex(vertex, d->graph);
    for (LinkId l : linkIds)
        d->links.erase(l);
    d->factors.erase(id);
    return removed;
}

void SystemMap::restoreFactor(const RemovedFactor& removed)
{
    insertFactor(removed.factor);
    // Validate every link before inserting any, so a failure leaves the map as it was.
    try {
        for (const Link& link : removed.links) {
            if (d->links.count(link.id))
                throw EditError("Link id " + std::to_string(link.id.value) + " is already used.");
            d->checkLink(link);
        }
    } catch (...) {
        removeFactor(removed.factor.id);
        throw;
    }
    for (const Link& link : removed.links)
        d->insertLinkUnchecked(link);
}

bool SystemMap::contains(FactorId id) const { return d->factors.count(id) != 0; }
const Factor& SystemMap::factor(FactorId id) const { return d->factorEntry(id).first; }

const Factor* SystemMap::findFactor(FactorId id) const
{
    auto it = d->factors.find(id);
    return it == d->factors.end() ? nullptr : &it->second.first;
}

std::optional<FactorId> SystemMap::findFactorByLabel(std::string_view label) const
{
    for (const auto& [id, entry] : d->factors)
        if (entry.first.label == label)
            return id;
    return std::nullopt;
}

std::vector<FactorId> SystemMap::factorIds() const
{
    std::vector<FactorId> ids;
    ids.reserve(d->factors.size());
    for (const auto& [id, entry] : d->factors)
        ids.push_back(id);
    return ids;
}

std::vector<Factor> SystemMap::factors() const
{
    std::vector<Factor> result;
    result.reserve(d->factors.size());
    for (const auto& [id, entry] : d->factors)
        result.push_back(entry.first);
    return result;
}

std::size_t SystemMap::factorCount() const { return d->factors.size(); }

// ---- links

LinkId SystemMap::addLink(Link link)
{
    link.id = LinkId(d->nextLink);
    insertLink(link);
    return link.id;
}

void SystemMap::insertLink(const Link& link)
{
    if (!link.id.valid())
        throw EditError("A link needs an id above zero.");
    if (d->links.count(link.id))
        throw EditError("Link id " + std::to_string(link.id.value) + " is already used.");
    d->checkLink(link);
    checkIndicator(link.indicator);
    d->insertLinkUnchecked(link);
}

Link SystemMap::updateLink(const Link& link)
{
    auto it = d->links.find(link.id);
    if (it == d->links.end())
        throw EditError("There is no link with id " + std::to_string(link.id.value) + ".");
    Link& stored = it->second.first;
    if (stored.from != link.from || stored.to != link.to)
        throw EditError("A link's ends cannot be changed; delete it and draw a new one.");
    if (link.bend && (!std::isfinite(link.bend->x) || !std::isfinite(link.bend->y)))
        throw EditError("A link bend must be a finite number.");
    checkIndicator(link.indicator);
    Link old = stored;
    stored = link;
    return old;
}

Link SystemMap::removeLink(LinkId id)
{
    auto it = d->links.find(id);
    if (it == d->links.end())
        throw EditError("There is no link with id " + std::to_string(id.value) + ".");
    Link removed = it->second.first;
    boost::remove_edge(it->second.second, d->graph);
    d->links.erase(it);
    return removed;
}

bool SystemMap::contains(LinkId id) const { return d->links.count(id) != 0; }

const Link& SystemMap::link(LinkId id) const
{
    auto it = d->links.find(id);
    if (it == d->links.end())
        throw EditError("There is no link with id " + std::to_string(id.value) + ".");
    return it->second.first;
}

const Link* SystemMap::findLink(LinkId id) const
{
    auto it = d->links.find(id);
    return it == d->links.end() ? nullptr : &it->second.first;
}

std::optional<LinkId> SystemMap::findLink(FactorId from, FactorId to) const
{
    return d->findLink(from, to);
}

std::vector<LinkId> SystemMap::linkIds() const
{
    std::vector<LinkId> ids;
    ids.reserve(d->links.size());
    for (const auto& [id, entry] : d->links)
        ids.push_back(id);
    return ids;
}

std::vector<Link> SystemMap::links() const
{
    std::vector<Link> result;
    result.reserve(d->links.size());
    for (const auto& [id, entry] : d->links)
        result.push_back(entry.first);
    return result;
}

std::size_t SystemMap::linkCount() const { return d->links.size(); }

std::vector<LinkId> SystemMap::outLinks(FactorId id) const
{
    std::vector<LinkId> ids;
    for (auto [e, end] = boost::out_edges(d->factorEntry(id).second, d->graph); e != end; ++e)
        ids.push_back(d->graph[*e]);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<LinkId> SystemMap::inLinks(FactorId id) const
{
    std::vector<LinkId> ids;
    for (auto [e, end] = boost::in_edges(d->factorEntry(id).second, d->graph); e != end; ++e)
        ids.push_back(d->graph[*e]);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::uint64_t SystemMap::nextFactorId() const { return d->nextFactor; }
std::uint64_t SystemMap::nextLinkId() const { return d->nextLink; }

void SystemMap::reserveIds(std::uint64_t nextFactor, std::uint64_t nextLink)
{
    d->nextFactor = std::max(d->nextFactor, nextFactor);
    d->nextLink = std::max(d->nextLink, nextLink);
}

bool SystemMap::operator==(const SystemMap& other) const
{
    if (title != other.title || description != other.description || extra != other.extra
        || m_loopLabels != other.m_loopLabels || m_rounds != other.m_rounds
        || m_stories != other.m_stories || m_plan != other.m_plan)
        return false;
    if (d->factors.size() != other.d->factors.size() || d->links.size() != other.d->links.size())
        return false;
    for (const auto& [id, entry] : d->factors) {
        const Factor* f = other.findFactor(id);
        if (!f || !(*f == entry.first))
            return false;
    }
    for (const auto& [id, entry] : d->links) {
        const Link* l = other.findLink(id);
        if (!l || !(*l == entry.first))
            return false;
    }
    return true;
}

std::string describeLink(const SystemMap& map, const Link& link)
{
    auto name = [&](FactorId id) {
        const Factor* f = map.findFactor(id);
        return f ? f->label : "#" + std::to_string(id.value);
    };
    return name(link.from) + " -> " + name(link.to);
}

} // namespace causeway
