// GraphML as networkx, yEd and Gephi write it. Attributes are declared by <key> elements
// (id -> attr.name) and carried by <data key="..."> children; yEd instead nests its label and
// geometry in y:ShapeNode elements inside a data element.
#include "io/import.h"

#include "io/importutil.h"
#include "io/importxml.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace causeway {

using importutil::localName;
using importutil::lower;
using importutil::trim;

namespace {

struct Key {
    std::string name; // attr.name, lower case
    std::optional<std::string> defaultValue;
};

// What one <node> or <edge> says about itself, with attribute names resolved through the keys.
struct Element {
    std::map<std::string, std::string> attrs;
    std::optional<std::string> yedLabel;
    std::optional<Point> yedPosition;
    // yEd's <y:Arrows source="none" target="standard"/>: is there a head at each end?
    std::optional<std::pair<bool, bool>> yedArrows;
};

class GraphmlReader {
public:
    GraphmlReader(std::string_view text, ImportResult& result)
        : m_text(text), m_lines(text), m_map(result.map), m_warnings(result.warnings)
    {
    }

    void read()
    {
        pugi::xml_document doc;
        const pugi::xml_node root = importutil::loadRoot(doc, m_text, m_lines, "graphml", "GraphML");
        readKeys(root);
        pugi::xml_node graph;
        for (pugi::xml_node child : root.children())
            if (localName(child.name()) == "graph") {
                graph = child;
                break;
            }
        if (!graph)
            throw IoError("not GraphML: no <graph> element inside <graphml>");
        if (std::string_view(graph.attribute("edgedefault").value()) == "undirected")
            m_undirected = true;

        const Element graphData = readElement(graph, m_graphKeys);
        for (const char* key : {"title", "name", "label"})
            if (auto it = graphData.attrs.find(key); it != graphData.attrs.end() && !it->second.empty()) {
                m_map.title = it->second;
                break;
            }
        collect(graph);
        importutil::checkMapSize(m_nodes.size(), m_edges.size());
        for (pugi::xml_node node : m_nodes)
            readNode(node);
        for (pugi::xml_node edge : m_edges)
            readEdge(edge);
        if (m_undirected)
            m_warnings.add("the graph is undirected: each edge became one link from its source to "
                           "its target; check the directions");
        if (m_missingPolarity > 0)
            m_warnings.add(std::to_string(m_missingPolarity)
                           + " edge(s) have no polarity or sign attribute, imported as '?'");
        placeFactors();
        m_warnings.finish();
    }

private:
    std::string lineOf(pugi::xml_node node) const { return importutil::lineOf(m_lines, node); }

    void readKeys(pugi::xml_node root)
    {
        for (pugi::xml_node key : root.children()) {
            if (localName(key.name()) != "key")
                continue;
            Key info;
            const char* attrName = key.attribute("attr.name").value();
            info.name = lower(*attrName ? attrName : key.attribute("id").value());
            for (pugi::xml_node child : key.children())
                if (localName(child.name()) == "default")
                    info.defaultValue = trim(child.text().get());
            if (std::string_view(key.attribute("yfiles.type").value()).empty() == false)
                info.name = std::string("yfiles.") + key.attribute("yfiles.type").value();
            const std::string domain = key.attribute("for").value();
            const std::string id = key.attribute("id").value();
            if (domain == "node" || domain == "all" || domain.empty())
                m_nodeKeys[id] = info;
            if (domain == "edge" || domain == "all" || domain.empty())
                m_edgeKeys[id] = info;
            if (domain == "graph")
                m_graphKeys[id] = info;
        }
    }

    // Nodes and edges anywhere in the graph, nested graphs (yEd groups) included, without
    // recursion: a hostile file may nest thousands of graphs.
    void collect(pugi::xml_node graph)
    {
        std::vector<pugi::xml_node> stack{graph};
        while (!stack.empty()) {
            const pugi::xml_node current = stack.back();
            stack.pop_back();
            std::vector<pugi::xml_node> nested;
            for (pugi::xml_node child : current.children()) {
                const std::string_view name = localName(child.name());
                if (name == "node") {
                    const pugi::xml_node inner = child.child("graph");
                    if (inner) {
                        m_warnings.add(lineOf(child) + ": group node '" + std::string(child.attribute("id").value())
                                       + "' became no factor; its members were imported");
                        m_groupNodes.insert(child.attribute("id").value());
                        nested.push_back(inner);
                    } else {
                        m_nodes.push_back(child);
                    }
                } else if (name == "edge") {
                    m_edges.push_back(child);
                } else if (name == "hyperedge") {
                    m_warnings.add(lineOf(child) + ": hyperedge skipped (a map has only links "
                                                   "between two factors)");
                }
            }
            // Reversed so nested graphs are read in document order.
            stack.insert(stack.end(), nested.rbegin(), nested.rend());
        }
    }

    Element readElement(pugi::xml_node node, const std::map<std::string, Key>& keys) const
    {
        Element element;
        for (pugi::xml_node data : node.children()) {
            if (localName(data.name()) != "data")
                continue;
            const std::string keyId = data.attribute("key").value();
            const auto key = keys.find(keyId);
            const std::string name = key != keys.end() ? key->second.name : lower(keyId);
            if (data.first_child() && data.first_child().type() == pugi::node_element) {
                readYed(data, element);
                continue;
            }
            element.attrs[name] = trim(data.text().get());
        }
        for (const auto& [id, key] : keys)
            if (key.defaultValue && !element.attrs.contains(key.name))
                element.attrs[key.name] = *key.defaultValue;
        return element;
    }

    // yEd: <data key="d6"><y:ShapeNode><y:Geometry x= y= width= height=/><y:NodeLabel>text
    static void readYed(pugi::xml_node data, Element& element)
    {
        // Pre-order walk without recursion or XPath: deep nesting must not exhaust the stack.
        pugi::xml_node child = data.first_child();
        while (child) {
            readYedElement(child, element);
            if (child.first_child()) {
                child = child.first_child();
                continue;
            }
            while (child != data && !child.next_sibling())
                child = child.parent();
            child = child == data ? pugi::xml_node() : child.next_sibling();
        }
    }

    static void readYedElement(pugi::xml_node child, Element& element)
    {
        const std::string_view name = localName(child.name());
        if ((name == "NodeLabel" || name == "EdgeLabel") && !element.yedLabel) {
            std::string text = trim(child.text().get());
            if (!text.empty())
                element.yedLabel = std::move(text);
        } else if (name == "Arrows" && !element.yedArrows) {
            const auto head = [](const char* end) { return *end && std::string_view(end) != "none"; };
            element.yedArrows = {head(child.attribute("source").value()), head(child.attribute("target").value())};
        } else if (name == "Geometry" && !element.yedPosition) {
            // yEd gives the top-left corner; a factor's position is its centre.
            const double x = child.attribute("x").as_double(NAN);
            const double y = child.attribute("y").as_double(NAN);
            const double w = child.attribute("width").as_double(0);
            const double h = child.attribute("height").as_double(0);
            if (std::isfinite(x) && std::isfinite(y) && std::isfinite(w) && std::isfinite(h))
                element.yedPosition = Point{x + w / 2, y + h / 2};
        }
    }

    static std::string firstOf(const Element& element, std::initializer_list<const char*> names)
    {
        for (const char* name : names)
            if (const auto it = element.attrs.find(name); it != element.attrs.end() && !it->second.empty())
                return it->second;
        return {};
    }

    void readNode(pugi::xml_node node)
    {
        const std::string id = node.attribute("id").value();
        if (trim(id).empty()) { // a blank id cannot be a label either
            m_warnings.add(lineOf(node) + ": node without an id skipped");
            return;
        }
        if (m_factors.contains(id)) {
            m_warnings.add(lineOf(node) + ": a second node with id '" + id + "' skipped");
            return;
        }
        const Element element = readElement(node, m_nodeKeys);
        Factor factor;
        factor.label = firstOf(element, {"label", "name"});
        if (factor.label.empty() && element.yedLabel)
            factor.label = *element.yedLabel;
        if (factor.label.empty())
            factor.label = id;
        factor.group = firstOf(element, {"group"});
        factor.description = firstOf(element, {"description"});
        factor.pinned = firstOf(element, {"pinned"}) == "true";

        const auto x = importutil::parseNumber(firstOf(element, {"x"}));
        const auto y = importutil::parseNumber(firstOf(element, {"y"}));
        std::optional<Point> position;
        if (x && y)
            position = Point{*x, *y};
        else if (element.yedPosition)
            position = element.yedPosition;
        if (position)
            factor.position = *position;

        const FactorId factorId = m_map.addFactor(factor);
        m_factors.emplace(id, factorId);
        (position ? m_placed : m_unplaced).push_back(factorId);
    }

    void readEdge(pugi::xml_node edge)
    {
        const std::string line = lineOf(edge);
        const std::string source = edge.attribute("source").value();
        const std::string target = edge.attribute("target").value();
        const auto from = m_factors.find(source);
        const auto to = m_factors.find(target);
        for (const auto& [end, found] : {std::pair{source, from != m_factors.end()},
                                         std::pair{target, to != m_factors.end()}})
            if (!found) {
                m_warnings.add(line + ": edge skipped: '" + end + "' is "
                               + (m_groupNodes.contains(end) ? "a group node" : "not a node"));
                return;
            }
        if (std::string_view(edge.attribute("directed").value()) == "false")
            m_undirected = true;

        const Element element = readElement(edge, m_edgeKeys);
        Link link;
        link.from = from->second;
        link.to = to->second;
        bool bothWays = false;
        if (element.yedArrows) {
            const auto [atSource, atTarget] = *element.yedArrows;
            if (atSource && !atTarget) {
                std::swap(link.from, link.to);
                m_warnings.count("links reversed to follow yEd arrowheads (arrowhead at the source end)");
            } else if (atSource && atTarget) {
                bothWays = true;
                m_warnings.count("lines with arrowheads at both ends imported as links in both directions");
            } else if (!atTarget) {
                m_warnings.count("undirected lines (no arrowhead) imported as one link from source to "
                                 "target; check their direction");
            }
        }
        readLinkData(element, link, line);
        if (!addLink(link, line))
            return;
        if (bothWays) {
            std::swap(link.from, link.to);
            addLink(link, line);
        }
    }

    bool addLink(const Link& link, const std::string& line)
    {
        return importutil::addLinkOnce(m_map, link, m_warnings, line);
    }

    // Polarity from a polarity or sign attribute, else from the edge's label by the rule every
    // importer shares (importutil::readLinkText); delay, label and note.
    void readLinkData(const Element& element, Link& link, const std::string& line)
    {
        const std::string describe = m_map.factor(link.from).label + " -> " + m_map.factor(link.to).label;
        std::string labelText = firstOf(element, {"label", "edge label"});
        if (labelText.empty() && element.yedLabel)
            labelText = *element.yedLabel;
        const importutil::LinkText label = importutil::readLinkText(labelText);
        const std::string polarity = firstOf(element, {"polarity", "sign"});
        if (polarity.empty() && label.polarity) {
            link.polarity = *label.polarity;
            m_warnings.count("links: polarity read from the edge label");
            importutil::countLinkText(m_warnings, label, "an edge label");
        } else if (polarity.empty()) {
            link.polarity = Polarity::Unknown;
            ++m_missingPolarity;
        } else if (const auto parsed = importutil::parsePolarityLoosely(polarity)) {
            link.polarity = *parsed;
        } else {
            link.polarity = Polarity::Unknown;
            m_warnings.add(line + ": polarity '" + polarity + "' of " + describe
                           + " not understood, imported as '?'");
        }
        const std::string delay = firstOf(element, {"delay"});
        if (const auto flag = importutil::parseFlag(delay))
            link.delay = *flag || label.delay;
        else
            m_warnings.add(line + ": delay '" + delay + "' of " + describe
                           + " not understood, imported as no delay");
        link.label = label.polarity ? std::string() : labelText;
        link.note = firstOf(element, {"note", "description"});
    }

    void placeFactors()
    {
        if (m_placed.empty()) {
            importutil::placeInitially(m_map, m_unplaced);
            return;
        }
        double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
        for (FactorId id : m_placed) {
            const Point p = m_map.factor(id).position;
            minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
        }
        // networkx layouts live in [-1, 1]: spread them to a readable size.
        const double extent = std::max(maxX - minX, maxY - minY);
        if (m_placed.size() > 1 && extent > 0 && extent < 50) {
            const double scale = 150.0 * std::sqrt(double(m_placed.size())) / extent;
            for (FactorId id : m_placed) {
                const Point p = m_map.factor(id).position;
                m_map.moveFactor(id, {(p.x - minX) * scale, (p.y - minY) * scale});
            }
            m_warnings.add("positions span less than 50 units; scaled up " + std::to_string(int(scale))
                           + " times to be readable");
            maxY = (maxY - minY) * scale, minX = 0;
        }
        if (!m_unplaced.empty()) {
            m_warnings.add(std::to_string(m_unplaced.size())
                           + " node(s) had no position; placed below the others");
            importutil::placeInitially(m_map, m_unplaced, {minX, maxY + 200});
        }
    }

    std::string_view m_text;
    importutil::LineIndex m_lines;
    SystemMap& m_map;
    importutil::Warnings m_warnings;
    std::map<std::string, Key> m_nodeKeys;
    std::map<std::string, Key> m_edgeKeys;
    std::map<std::string, Key> m_graphKeys;
    std::vector<pugi::xml_node> m_nodes;
    std::vector<pugi::xml_node> m_edges;
    std::set<std::string> m_groupNodes;
    std::map<std::string, FactorId> m_factors;
    std::vector<FactorId> m_placed;
    std::vector<FactorId> m_unplaced;
    std::size_t m_missingPolarity = 0;
    bool m_undirected = false;
};

} // namespace

ImportResult importGraphml(std::string_view text)
{
    ImportResult result;
    GraphmlReader(text, result).read();
    return result;
}

} // namespace causeway
