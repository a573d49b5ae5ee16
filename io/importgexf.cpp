// GEXF, Gephi's own format (gexf.net, 1.2 and 1.3): <node id label> with <attvalues> declared by
// <attributes class="node"> (title -> value), <viz:position x y>; <edge source target type
// label weight>. The graph's defaultedgetype says whether edges without a type are directed.
#include "io/import.h"

#include "io/importutil.h"
#include "io/importxml.h"

#include <cmath>
#include <iterator>
#include <map>

namespace causeway {

using importutil::childNamed;
using importutil::localName;
using importutil::lower;
using importutil::trim;

namespace {

// Attribute ids -> lower-case titles and defaults, for one class (node or edge).
struct Declared {
    std::map<std::string, std::string> titleOf;
    std::map<std::string, std::string> defaults; // by title
};

class GexfReader {
public:
    GexfReader(std::string_view text, ImportResult& result)
        : m_lines(text), m_text(text), m_map(result.map), m_warnings(result.warnings)
    {
    }

    void read()
    {
        pugi::xml_document doc;
        const pugi::xml_node root = importutil::loadRoot(doc, m_text, m_lines, "gexf", "GEXF");
        const pugi::xml_node graph = childNamed(root, "graph");
        if (!graph)
            throw IoError("not GEXF: no <graph> element inside <gexf>");
        m_defaultType = lower(graph.attribute("defaultedgetype").value());
        for (pugi::xml_node attributes : graph.children())
            if (localName(attributes.name()) == "attributes")
                declare(attributes);
        if (const pugi::xml_node meta = childNamed(root, "meta"))
            m_map.description = trim(childNamed(meta, "description").text().get());
        const auto count = [&](const char* list) {
            const pugi::xml_node parent = childNamed(graph, list);
            return std::size_t(std::distance(parent.begin(), parent.end()));
        };
        importutil::checkMapSize(count("nodes"), count("edges"));
        readNodes(childNamed(graph, "nodes"));
        for (pugi::xml_node edge : childNamed(graph, "edges").children())
            if (localName(edge.name()) == "edge")
                readEdge(edge);
        placeFactors();
        m_warnings.finish();
    }

private:
    void declare(pugi::xml_node attributes)
    {
        Declared& declared = std::string_view(attributes.attribute("class").value()) == "edge" ? m_edge : m_node;
        for (pugi::xml_node attribute : attributes.children()) {
            if (localName(attribute.name()) != "attribute")
                continue;
            std::string title = lower(trim(attribute.attribute("title").value()));
            if (title.empty())
                title = lower(attribute.attribute("id").value());
            declared.titleOf[attribute.attribute("id").value()] = title;
            if (const pugi::xml_node fallback = childNamed(attribute, "default"))
                declared.defaults[title] = trim(fallback.text().get());
        }
    }

    // The element's <attvalues> by title, defaults filled in.
    static std::map<std::string, std::string> values(pugi::xml_node element, const Declared& declared)
    {
        std::map<std::string, std::string> out = declared.defaults;
        for (pugi::xml_node value : childNamed(element, "attvalues").children()) {
            const std::string id = value.attribute("for").value();
            const auto title = declared.titleOf.find(id);
            out[title == declared.titleOf.end() ? lower(id) : title->second] = trim(value.attribute("value").value());
        }
        return out;
    }

    static std::string firstOf(const std::map<std::string, std::string>& values,
                               std::initializer_list<const char*> names)
    {
        for (const char* name : names)
            if (const auto it = values.find(name); it != values.end() && !it->second.empty())
                return it->second;
        return {};
    }

    // Nodes, with nested <nodes> (Gephi's hierarchies) read without recursion: members become
    // factors like any other node.
    void readNodes(pugi::xml_node nodes)
    {
        std::vector<pugi::xml_node> stack{nodes};
        while (!stack.empty()) {
            const pugi::xml_node current = stack.back();
            stack.pop_back();
            std::vector<pugi::xml_node> nested;
            for (pugi::xml_node node : current.children()) {
                if (localName(node.name()) != "node")
                    continue;
                readNode(node);
                if (const pugi::xml_node inner = childNamed(node, "nodes"))
                    nested.push_back(inner);
            }
            stack.insert(stack.end(), nested.rbegin(), nested.rend());
        }
    }

    void readNode(pugi::xml_node node)
    {
        const std::string line = importutil::lineOf(m_lines, node);
        const std::string id = node.attribute("id").value();
        if (trim(id).empty()) {
            m_warnings.add(line + ": node without an id skipped");
            return;
        }
        if (m_factors.contains(id)) {
            m_warnings.add(line + ": a second node with id '" + id + "' skipped");
            return;
        }
        const auto attrs = values(node, m_node);
        Factor factor;
        factor.label = trim(node.attribute("label").value());
        if (factor.label.empty())
            factor.label = firstOf(attrs, {"label", "name"});
        if (factor.label.empty())
            factor.label = id;
        factor.group = firstOf(attrs, {"group", "category", "type"});
        factor.description = firstOf(attrs, {"description"});
        const pugi::xml_node pos = childNamed(node, "position");
        const auto x = importutil::parseNumber(pos.attribute("x").value());
        const auto y = importutil::parseNumber(pos.attribute("y").value());
        if (x && y)
            factor.position = {*x, -*y}; // GEXF's y axis points up, a map's down
        const FactorId added = m_map.addFactor(factor);
        m_factors.emplace(id, added);
        (x && y ? m_placed : m_unplaced).push_back(added);
    }

    void readEdge(pugi::xml_node edge)
    {
        const std::string line = importutil::lineOf(m_lines, edge);
        const auto from = m_factors.find(edge.attribute("source").value());
        const auto to = m_factors.find(edge.attribute("target").value());
        if (from == m_factors.end() || to == m_factors.end()) {
            m_warnings.add(line + ": edge skipped: '"
                           + std::string((from == m_factors.end() ? edge.attribute("source") : edge.attribute("target")).value())
                           + "' is not a node");
            return;
        }
        Link link;
        link.from = from->second;
        link.to = to->second;
        const auto attrs = values(edge, m_edge);
        readPolarity(edge, attrs, link, line);
        link.note = firstOf(attrs, {"note", "description"});
        std::string type = lower(edge.attribute("type").value());
        if (type.empty())
            type = m_defaultType.empty() ? "directed" : m_defaultType;
        if (!add(link, line))
            return;
        if (type == "mutual") {
            std::swap(link.from, link.to);
            add(link, line);
            m_warnings.count("mutual edges imported as links in both directions");
        } else if (type == "undirected") {
            m_warnings.count("undirected edges imported as one link from source to target; check "
                             "their direction");
        }
    }

    // A polarity or sign attribute, else the label (the rule every importer shares), else the
    // sign of an explicit weight.
    void readPolarity(pugi::xml_node edge, const std::map<std::string, std::string>& attrs, Link& link,
                      const std::string& line)
    {
        const std::string sign = firstOf(attrs, {"polarity", "sign"});
        const importutil::LinkText label = importutil::readLinkText(edge.attribute("label").value());
        const auto weight = importutil::parseNumber(edge.attribute("weight").value());
        if (!sign.empty()) {
            const auto parsed = importutil::parsePolarityLoosely(sign);
            if (!parsed)
                m_warnings.add(line + ": polarity '" + sign + "' not understood, imported as '?'");
            link.polarity = parsed.value_or(Polarity::Unknown);
        } else if (label.polarity) {
            link.polarity = *label.polarity;
            m_warnings.count("links: polarity read from the edge label");
            importutil::countLinkText(m_warnings, label, "an edge label");
        } else if (weight && *weight != 0) {
            link.polarity = *weight > 0 ? Polarity::Positive : Polarity::Negative;
            m_warnings.count("links: polarity taken from the sign of the edge weight");
        } else {
            link.polarity = Polarity::Unknown;
            m_warnings.count("links: no polarity (no polarity, sign, +/- label or weight), imported as '?'");
        }
        const std::string delay = firstOf(attrs, {"delay"});
        const auto flag = importutil::parseFlag(delay);
        if (!flag)
            m_warnings.add(line + ": delay '" + delay + "' not understood, imported as no delay");
        link.delay = flag.value_or(false) || label.delay;
        link.label = label.label;
    }

    bool add(const Link& link, const std::string& line)
    {
        return importutil::addLinkOnce(m_map, link, m_warnings, line);
    }

    void placeFactors()
    {
        double bottom = 0;
        for (const FactorId id : m_placed)
            bottom = std::max(bottom, m_map.factor(id).position.y);
        if (!m_placed.empty() && !m_unplaced.empty())
            m_warnings.count("nodes had no <viz:position>; placed below the others", m_unplaced.size());
        importutil::placeInitially(m_map, m_unplaced, {0, m_placed.empty() ? 0 : bottom + 200});
        importutil::spreadToFit(m_map, m_placed, m_warnings);
    }

    importutil::LineIndex m_lines;
    std::string_view m_text;
    SystemMap& m_map;
    importutil::Warnings m_warnings;
    std::string m_defaultType;
    Declared m_node;
    Declared m_edge;
    std::map<std::string, FactorId> m_factors;
    std::vector<FactorId> m_placed;
    std::vector<FactorId> m_unplaced;
};

} // namespace

ImportResult importGexf(std::string_view text)
{
    ImportResult result;
    GexfReader(text, result).read();
    return result;
}

} // namespace causeway
