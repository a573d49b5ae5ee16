#include "layout/graphviz.h"

#include <cstdlib>
#include <string>
#include <vector>

namespace causeway::layout::detail {

namespace {

std::mutex& graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// Guarded by graphvizMutex(), like everything else Graphviz touches.
GVC_t* g_context = nullptr;
std::string g_messages;

// circo (Graphviz 2.42) caches the root graph it last laid out, with that graph's attribute
// symbols and root name, in statics keyed by the graph's address. A new graph allocated where a
// freed one was is taken for the old one, and circo then reads the freed symbols (a crash seen
// under ThreadSanitizer's allocator). Laying out this graph, which is never freed, just before
// every circo run refreshes the cache: the graph circo sees next is alive and at another address.
Agraph_t* g_circoAnchor = nullptr;

int collectMessage(char* message)
{
    g_messages += message;
    return 0;
}

// Graphviz 2.42 takes char* for names and values it only reads.
std::vector<char> writable(std::string_view text)
{
    std::vector<char> buffer(text.begin(), text.end());
    buffer.push_back('\0');
    return buffer;
}

void resetCircoCache(GVC_t* gvc)
{
    if (!g_circoAnchor) {
        auto name = writable("a");
        g_circoAnchor = agopen(name.data(), Agdirected, nullptr);
        // No text to measure: a label would start Graphviz's font machinery (and its threads).
        auto shape = writable("shape");
        auto point = writable("point");
        agattr(g_circoAnchor, AGNODE, shape.data(), point.data());
        auto label = writable("label");
        auto empty = writable("");
        agattr(g_circoAnchor, AGNODE, label.data(), empty.data());
        // Two linked nodes: circo skips its attribute cache for a component of one.
        auto other = writable("b");
        agedge(g_circoAnchor, agnode(g_circoAnchor, name.data(), 1),
               agnode(g_circoAnchor, other.data(), 1), nullptr, 1);
    }
    if (gvLayout(gvc, g_circoAnchor, "circo") == 0)
        gvFreeLayout(gvc, g_circoAnchor);
}

} // namespace

GraphvizLock::GraphvizLock() : m_lock(graphvizMutex()) {}

GVC_t* GraphvizLock::context()
{
    if (!g_context) {
        // Route messages to us before the context prints anything about its plugins.
        agseterrf(collectMessage);
        agseterr(AGWARN);
        g_context = gvContext();
    }
    return g_context;
}

std::vector<std::string> GraphvizLock::layoutPlugins()
{
    int count = 0;
    char** list = gvPluginList(context(), "layout", &count, nullptr);
    std::vector<std::string> names;
    for (int i = 0; list && i < count; ++i) {
        names.emplace_back(list[i]);
        std::free(list[i]);
    }
    std::free(list);
    return names;
}

std::string GraphvizLock::takeMessages()
{
    std::string messages;
    messages.swap(g_messages);
    return messages;
}

Graph::Graph(GVC_t* gvc, std::string_view name) : m_gvc(gvc)
{
    auto buffer = writable(name);
    m_graph = agopen(buffer.data(), Agdirected, nullptr);
}

Graph::~Graph()
{
    if (!m_graph)
        return;
    if (m_laidOut)
        gvFreeLayout(m_gvc, m_graph);
    agclose(m_graph);
}

Agsym_t* Graph::declare(int kind, std::string_view name, std::string_view defaultValue)
{
    auto n = writable(name);
    auto v = writable(defaultValue);
    return agattr(m_graph, kind, n.data(), v.data());
}

void Graph::set(void* object, Agsym_t* symbol, std::string_view value)
{
    auto v = writable(value);
    agxset(object, symbol, v.data());
}

Agnode_t* Graph::addNode(std::string_view name)
{
    auto n = writable(name);
    return agnode(m_graph, n.data(), 1);
}

Agedge_t* Graph::addEdge(Agnode_t* tail, Agnode_t* head, std::string_view name)
{
    auto n = writable(name);
    return agedge(m_graph, tail, head, n.data(), 1);
}

int Graph::layout(std::string_view engine)
{
    std::string name(engine);
    if (engine == "circo")
        resetCircoCache(m_gvc);
    // fdp and sfdp draw from the C library's generators without always seeding them: seed
    // here so the same map gets the same drawing whatever ran before.
    std::srand(1);
    srand48(1);
    const int rc = gvLayout(m_gvc, m_graph, name.c_str());
    // gvLayout can leave partial layout data behind even when it fails; freeing is safe either way.
    m_laidOut = true;
    return rc;
}

} // namespace causeway::layout::detail
