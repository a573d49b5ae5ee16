// Graphviz DOT, read by Graphviz's own parser (layout/dotgraph.h) and mapped to factors and links.
#include "io/import.h"

#include "io/importutil.h"
#include "layout/dotgraph.h"
#include "layout/layout.h"

#include <cmath>
#include <cstring>
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
std::optional<std::pair<Point, bool>> parsePos(std::string_view pos)
{
    const bool pinned = pos.ends_with('!');
    if (pinned)
        pos.remove_suffix(1);
    const std::size_t comma = pos.find(',');
    if (comma == std::string_view::npos)
        return std::nullopt;
    const auto x = importutil::parseNumber(pos.substr(0, comma));
    const std::size_t end = pos.find(',', comma + 1); // "x,y,z" in 3-D layouts
    const auto y = importutil::parseNumber(pos.substr(comma + 1, end == std::string_view::npos ? end : end - comma - 1));
    if (!x || !y)
        return std::nullopt;
    return std::make_pair(Point{*x, -*y}, pinned);
}

// The first attribute set among `names`, then any tool-prefixed one ("sm_polarity" for
// "polarity"): {name, value}, or empty strings.
std::pair<std::string, std::string> firstAttribute(const std::map<std::string, std::string>& attrs,
                                                  std::initializer_list<const char*> names)
{
    for (const char* name : names)
        if (std::string value = attribute(attrs, name); !trim(value).empty())
            return {name, value};
    for (const char* name : names)
        for (const auto& [key, value] : attrs)
            if (key.size() > std::strlen(name) + 1 && key.ends_with(std::string("_") + name)
                && !trim(value).empty())
                return {key, unescape(value)};
    return {};
}

// Graphviz's parser runs out of stack ("memory exhausted") on deeply nested subgraphs and
// then reads nothing; refuse such text up front with its place.
constexpr int kMaxDotNesting = 100;

void checkNesting(std::string_view text)
{
    for (std::size_t at = text.find('{'); at != std::string_view::npos;) {
        const importutil::BracketSpan span = importutil::matchBrackets(text, at, kMaxDotNesting);
        if (span.tooDeepAt != std::string_view::npos)
            throw IoError(importutil::lineColumn(text, span.tooDeepAt) + ": subgraphs nested deeper than "
                          + std::to_string(kMaxDotNesting) + " levels");
        if (span.end == std::string_view::npos)
            return;
        at = text.find('{', span.end);
    }
}

// Polarity, delay, label and note of one edge. The label follows the rule every importer
// shares (importutil::readLinkText): a polarity, perhaps with a delay mark, or link text.
void readEdge(const layout::DotGraph::Edge& edge, Link& l, importutil::Warnings& warnings)
{
    const std::string name = edge.tail + " -> " + edge.head;
    const importutil::LinkText label = importutil::readLinkText(attribute(edge.attributes, "label"));
    const auto [signName, sign] = firstAttribute(edge.attributes, {"polarity", "sign"});
    const importutil::LinkText explicitSign = importutil::readLinkText(sign);
    std::optional<Polarity> polarity;
    if (!sign.empty() && explicitSign.polarity) {
        polarity = explicitSign.polarity;
        importutil::countLinkText(warnings, explicitSign, "a DOT " + signName + " attribute");
        if (signName != "polarity" && signName != "sign")
            warnings.count("links: polarity read from the " + signName + " attribute");
    } else if (label.polarity) {
        polarity = label.polarity;
        importutil::countLinkText(warnings, label, "a DOT edge label");
    }
    if (!polarity) {
        warnings.add("edge " + name + ": no polarity found ("
                     + (sign.empty() ? "no polarity, sign or +/- label" : "'" + sign + "'")
                     + "), imported as '?'");
        polarity = Polarity::Unknown;
    }
    l.polarity = *polarity;
    const auto [delayName, delay] = firstAttribute(edge.attributes, {"delay"});
    const auto flag = importutil::parseFlag(delay);
    l.delay = delay.empty() ? label.delay || explicitSign.delay : flag.value_or(false);
    if (!delay.empty() && !flag)
        warnings.add("edge " + name + ": " + delayName + " '" + delay + "' is not yes/no, read as no delay");
    l.note = attribute(edge.attributes, "note");
    l.label = label.label;
    if (const std::string xlabel = attribute(edge.attributes, "xlabel"); !xlabel.empty()) {
        if (l.label.empty())
            l.label = xlabel;
        else
            l.note += (l.note.empty() ? "" : "\n") + xlabel;
    }
}

} // namespace

ImportResult importDot(std::string_view text)
{
    checkNesting(text);
    layout::DotGraph dot;
    try {
        dot = layout::parseDot(text);
    } catch (const layout::LayoutError& e) {
        throw IoError(e.what());
    }
    importutil::checkMapSize(dot.nodes.size(), dot.edges.size());
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
        if (result.map.findLink(l.from, l.to)) {
            warnings.add("edge " + edge.tail + " -> " + edge.head
                         + ": a second edge between the same nodes was skipped");
            continue;
        }
        readEdge(edge, l, warnings);
        result.map.addLink(l);
    }
    warnings.finish();
    return result;
}

} // namespace causeway
