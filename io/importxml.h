#pragma once

// Private to io/: what the XML importers (GraphML, GEXF, XMILE) share on top of pugixml.
#include "io/importutil.h"
#include "io/ioerror.h"

#include <pugixml.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace causeway::importutil {

// An element's name without its namespace prefix ("y:Arrows" -> "Arrows").
inline std::string_view localName(const char* name)
{
    const std::string_view n(name);
    const std::size_t colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The first child element with this local name, or a null node.
inline pugi::xml_node childNamed(pugi::xml_node node, std::string_view name)
{
    for (pugi::xml_node c : node.children())
        if (localName(c.name()) == name)
            return c;
    return {};
}

// Parses `text` into `doc` or throws IoError "not well-formed XML at line L, column C: ...".
inline void loadXml(pugi::xml_document& doc, std::string_view text, const LineIndex& lines)
{
    const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
    if (!parsed)
        throw IoError("not well-formed XML at "
                      + lines.lineColumn(std::size_t(std::max<std::ptrdiff_t>(0, parsed.offset))) + ": "
                      + parsed.description());
}

// Parses `text` and returns its document element, which must be <expected> (any namespace
// prefix); else IoError "not GEXF: the document is a <html> element, expected <gexf>".
inline pugi::xml_node loadRoot(pugi::xml_document& doc, std::string_view text, const LineIndex& lines,
                               std::string_view expected, const std::string& format)
{
    loadXml(doc, text, lines);
    const pugi::xml_node root = doc.document_element();
    if (localName(root.name()) != expected)
        throw IoError("not " + format + ": the document is a <" + root.name() + "> element, expected <"
                      + std::string(expected) + ">");
    return root;
}

// "line L" of a node, for messages.
inline std::string lineOf(const LineIndex& lines, pugi::xml_node node)
{
    return lines.line(std::size_t(std::max<std::ptrdiff_t>(0, node.offset_debug())));
}

} // namespace causeway::importutil
