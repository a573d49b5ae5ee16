#include "layout/dotgraph.h"

#include "layout/graphviz.h"
#include "layout/layout.h"

#include <algorithm>
#include <string>

namespace causeway::layout {

namespace {

// Every attribute with a value, including defaults declared with `node [shape=box]`, which
// apply to every node.
std::map<std::string, std::string> withDefaults(Agraph_t* graph, void* object, int kind)
{
    std::map<std::string, std::string> result;
    for (Agsym_t* sym = agnxtattr(graph, kind, nullptr); sym; sym = agnxtattr(graph, kind, sym)) {
        const char* value = agxget(object, sym);
        if (value && *value)
            result[sym->name] = value;
    }
    return result;
}

} // namespace

DotGraph parseDot(std::string_view text)
{
    detail::GraphvizLock lock;
    lock.context(); // installs the error hook
    lock.takeMessages();
    std::string buffer(text);
    Agraph_t* graph = agmemread(buffer.c_str());
    std::string messages = lock.takeMessages();
    if (!graph) {
        while (!messages.empty() && (messages.back() == '\n' || messages.back() == ' '))
            messages.pop_back();
        throw LayoutError(messages.empty() ? "This is not a DOT graph Graphviz can read."
                                           : "Graphviz could not read the DOT text: " + messages);
    }
    DotGraph result;
    result.directed = agisdirected(graph);
    result.attributes = withDefaults(graph, graph, AGRAPH);
    std::vector<std::pair<IDTYPE, DotGraph::Edge>> edges;
    for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
        result.nodes.push_back({agnameof(n), withDefaults(graph, n, AGNODE)});
        for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e))
            edges.push_back({AGSEQ(e), {agnameof(agtail(e)), agnameof(aghead(e)),
                                        withDefaults(graph, e, AGEDGE)}});
    }
    // cgraph walks edges node by node; the file's order is their sequence number.
    std::sort(edges.begin(), edges.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [seq, edge] : edges)
        result.edges.push_back(std::move(edge));
    agclose(graph);
    return result;
}

} // namespace causeway::layout
