#include "io/export.h"

#include "io/exportutil.h"

#include <pugixml.hpp>

#include <sstream>

namespace causeway {

namespace {

void key(pugi::xml_node graphml, const char* id, const char* domain, const char* name, const char* type)
{
    pugi::xml_node k = graphml.append_child("key");
    k.append_attribute("id") = id;
    k.append_attribute("for") = domain;
    k.append_attribute("attr.name") = name;
    k.append_attribute("attr.type") = type;
}

void data(pugi::xml_node element, const char* key, const std::string& value)
{
    pugi::xml_node d = element.append_child("data");
    d.append_attribute("key") = key;
    d.text() = exportutil::xmlSafe(value).c_str();
}

} // namespace

using exportutil::exactNumber;

std::string exportGraphml(const SystemMap& map)
{
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node graphml = doc.append_child("graphml");
    graphml.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
    key(graphml, "g_title", "graph", "title", "string");
    key(graphml, "d_label", "node", "label", "string");
    key(graphml, "d_description", "node", "description", "string");
    key(graphml, "d_group", "node", "group", "string");
    key(graphml, "d_x", "node", "x", "double");
    key(graphml, "d_y", "node", "y", "double");
    key(graphml, "d_pinned", "node", "pinned", "boolean");
    key(graphml, "e_polarity", "edge", "polarity", "string");
    key(graphml, "e_delay", "edge", "delay", "boolean");
    key(graphml, "e_label", "edge", "label", "string");
    key(graphml, "e_note", "edge", "note", "string");

    pugi::xml_node graph = graphml.append_child("graph");
    graph.append_attribute("id") = map.title.empty() ? "causeway"
                                                     : exportutil::xmlSafe(map.title).c_str();
    graph.append_attribute("edgedefault") = "directed";
    if (!map.title.empty())
        data(graph, "g_title", map.title);
    auto nodeId = [](FactorId id) { return "f" + std::to_string(id.value); };
    for (const Factor& f : map.factors()) {
        pugi::xml_node node = graph.append_child("node");
        node.append_attribute("id") = nodeId(f.id).c_str();
        data(node, "d_label", f.label);
        if (!f.description.empty())
            data(node, "d_description", f.description);
        if (!f.group.empty())
            data(node, "d_group", f.group);
        data(node, "d_x", exactNumber(f.position.x));
        data(node, "d_y", exactNumber(f.position.y));
        if (f.pinned)
            data(node, "d_pinned", "true");
    }
    for (const Link& l : map.links()) {
        pugi::xml_node edge = graph.append_child("edge");
        edge.append_attribute("id") = ("l" + std::to_string(l.id.value)).c_str();
        edge.append_attribute("source") = nodeId(l.from).c_str();
        edge.append_attribute("target") = nodeId(l.to).c_str();
        data(edge, "e_polarity", polaritySymbol(l.polarity));
        data(edge, "e_delay", l.delay ? "true" : "false");
        if (!l.label.empty())
            data(edge, "e_label", l.label);
        if (!l.note.empty())
            data(edge, "e_note", l.note);
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

} // namespace causeway
