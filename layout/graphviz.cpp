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
