// Graphviz DOT, read by Graphviz's own parser (layout/dotgraph.h) and mapped to factors and links.
#include "io/import.h"

#include "io/importutil.h"
#include "layout/dotgraph.h"
#include "layout/layout.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace causeway {

using importutil::trim;

namespace {

// Graphviz's parser leaves escapes in strings for the renderer: \n, \l and \r end lines, and
// exportDot writes a backslash as \\.
std::string unescape(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            char next = text[i + 1];
            if (next == 'n' || next == 'l' || next == 'r') {
                out += '\n';
                ++i;
                continue;
            }
            if (next == '\\') {
                out += '\\';
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    // A label ending in \l or \n should not end in an empty line.
    if (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

std::string attribute(const std::map<std::string, std::string>& attrs, const char* name)
{
    auto it = attrs.find(name);
    return it == attrs.end() ? std::string{} : unescape(it->second);
}

// "x,y" or "x,y!" in points, y up. nullopt when absent or unreadable.
std::optional<std::pair<Point, bool>> parsePos(const std::string& pos)
{
    double x = 0, y = 0;
    if (pos.empty() || std::sscanf(pos.c_str(), "%lf,%lf", &x, &y) != 2 || !std::isfinite(x)
        || !std::isfinite(y))
        return std::nullopt;
    return std::make_pair(Point{x, -y}, pos.back() == '!');
}

// A DOT label that is only a polarity, perhaps with our delay mark: "+", "-", "+ ||", "?".
std::pair<std::optional<Polarity>, bool> readEdgeLabel(std::string label)
{
    bool delay = false;
    if (auto bars = label.find("||"); bars != std::string::npos) {
        delay = true;
        label.erase(bars, 2);
    }
    return {parsePolarity(trim(label)), delay};
}

} // namespace

ImportResult importDot(std::string_view text)
{
    layout::DotGraph dot;
    try {
        dot = layout::parseDot(text);
    } catch (const layout::LayoutError& e) {
        throw IoError(e.what());
    }
    ImportResult result;
    importutil::Warnings warnings(result.warnings);
    if (!dot.directed)
        warnings.add("the graph is undirected (graph, not digraph): each edge was read as a link "
                     "from its first to its second node");
    auto title = dot.attributes.find("label");
    if (title != dot.attributes.end())
        result.map.title = title->second;

    std::map<std::string, FactorId> idOf;
    std::vector<FactorId> unplaced;
    for (const auto& node : dot.nodes) {
        Factor f;
        std::string label = attribute(node.attributes, "label");
        f.label = label.empty() || label == "\\N" ? node.name : label;
        if (trim(f.label).empty())
            f.label = node.name;
        if (trim(f.label).empty()) {
            f.label = "Unnamed node " + std::to_string(idOf.size() + 1);
            warnings.add("a node with no name or label was imported as '" + f.label + "'");
        }
        f.group = attribute(node.attributes, "group");
        f.description = attribute(node.attributes, "description");
        if (f.description.empty())
            f.description = attribute(node.attributes, "tooltip");
        auto pos = parsePos(attribute(node.attributes, "pos"));
        if (pos) {
            f.position = pos->first;
            f.pinned = pos->second || attribute(node.attributes, "pinned") == "true";
        }
        FactorId id = result.map.addFactor(f);
        idOf[node.name] = id;
        if (!pos)
            unplaced.push_back(id);
    }
    if (!unplaced.empty())
        importutil::placeInitially(result.map, unplaced);

    for (const auto& edge : dot.edges) {
        Link l;
        l.from = idOf.at(edge.tail);
        l.to = idOf.at(edge.head);
        const std::string name = edge.tail + " -> " + edge.head;
        std::string explicitSign = attribute(edge.attributes, "polarity");
        if (explicitSign.empty())
            explicitSign = attribute(edge.attributes, "sign");
        auto [fromLabel, delayMark] = readEdgeLabel(attribute(edge.attributes, "label"));
        std::optional<Polarity> polarity = explicitSign.empty()
                                               ? fromLabel
                                               : importutil::parsePolarityLoosely(explicitSign);
        if (!polarity) {
            warnings.add("edge " + name + ": no polarity found (" +
                         (explicitSign.empty() ? "no polarity, sign or +/- label" : "'" + explicitSign + "'")
                         + "), imported as '?'");
            polarity = Polarity::Unknown;
        }
        l.polarity = *polarity;
        std::string delay = attribute(edge.attributes, "delay");
        auto flag = importutil::parseFlag(delay);
        l.delay = delay.empty() ? delayMark : flag.value_or(false);
        if (!delay.empty() && !flag)
            warnings.add("edge " + name + ": delay '" + delay + "' is not yes/no, read as no delay");
        l.note = attribute(edge.attributes, "note");
        l.label = attribute(edge.attributes, "xlabel");
        if (result.map.findLink(l.from, l.to)) {
            warnings.add("edge " + name + ": a second edge between the same nodes was skipped");
            continue;
        }
        result.map.addLink(l);
    }
    warnings.finish();
    return result;
}

} // namespace causeway
