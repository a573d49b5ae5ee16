#pragma once

// Private to layout/: the only place that touches Graphviz's C API directly.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace causeway::layout::detail {

// Holds the one process-wide Graphviz mutex for its lifetime. Graphviz keeps global state
// (error hooks, memory pools, the plugin registry) and is not thread-safe even across separate
// contexts, so every Graphviz call in the process happens while one of these is alive.
class GraphvizLock {
public:
    GraphvizLock();
    GraphvizLock(const GraphvizLock&) = delete;
    GraphvizLock& operator=(const GraphvizLock&) = delete;

    // The process's single context, created on first use (after GVBINDIR and friends are read,
    // which is why it is lazy rather than a static initialiser).
    GVC_t* context();

    // Layout engines the plugin configuration offers ("dot", "neato", ...); empty when
    // Graphviz found no plugin configuration.
    std::vector<std::string> layoutPlugins();

    // Graphviz's error and warning text since the last call, then cleared.
    std::string takeMessages();

private:
    std::unique_lock<std::mutex> m_lock;
};

// One Agraph_t, closed (and its layout freed) on destruction. Only use while a GraphvizLock
// is held.
class Graph {
public:
    Graph(GVC_t* gvc, std::string_view name);
    ~Graph();
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;

    Agraph_t* get() const { return m_graph; }

    // Declares an attribute with its default for the graph, every node or every edge.
    Agsym_t* declare(int kind, std::string_view name, std::string_view defaultValue);
    void set(void* object, Agsym_t* symbol, std::string_view value);

    Agnode_t* addNode(std::string_view name);
    Agedge_t* addEdge(Agnode_t* tail, Agnode_t* head, std::string_view name);

    // gvLayout; returns its result code (0 on success). The layout is freed with the graph.
    int layout(std::string_view engine);

private:
    GVC_t* m_gvc;
    Agraph_t* m_graph = nullptr;
    bool m_laidOut = false;
};

} // namespace causeway::layout::detail
