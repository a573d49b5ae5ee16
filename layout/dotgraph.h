#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace causeway::layout {

// A DOT graph as Graphviz's own parser (cgraph) read it, with every attribute as text. The
// importer in io/ turns it into a map; only layout/ touches Graphviz.
struct DotGraph {
    struct Node {
        std::string name;
        std::map<std::string, std::string> attributes; // only those set (non-default) on it
    };
    struct Edge {
        std::string tail;
        std::string head;
        std::map<std::string, std::string> attributes;
    };
    bool directed = true;
    std::map<std::string, std::string> attributes;
    std::vector<Node> nodes; // in file order, subgraph members included once
    std::vector<Edge> edges;
};

// Parses DOT text under the Graphviz mutex. Throws LayoutError with Graphviz's message
// ("syntax error in line 3 near '->'") for malformed input.
DotGraph parseDot(std::string_view text);

} // namespace causeway::layout
