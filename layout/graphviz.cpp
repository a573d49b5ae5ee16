#include "layout/graphviz.h"

#include <graphviz/gvplugin.h>

#include <dlfcn.h>

#include <array>
#include <cstdlib>
#include <filesystem>
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

// The layout engines' own plugin libraries: neato's (neato, fdp, sfdp, circo and the rest) and
// dot's. They live in GVBINDIR when it is set, else in "graphviz" beside libgvc, where Graphviz
// itself looks (Debian: /usr/lib/x86_64-linux-gnu/graphviz).
std::filesystem::path pluginFolder()
{
    if (const char* bin = std::getenv("GVBINDIR"); bin && *bin)
        return bin;
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&gvContext), &info) == 0 || !info.dli_fname)
        return {};
    return std::filesystem::path(info.dli_fname).parent_path() / "graphviz";
}

// A context with the two layout plugins alone, opened here rather than by gvContext(): that reads
// the whole plugin configuration and loads the best text layout plugin at once (pango, with cairo,
// glib and X11 behind it), 3-5 ms a process for text Causeway measures itself (labels are given
// to Graphviz as sized empty boxes). Null when either library is missing: gvContext() then says
// what is wrong as it always did (tests/layout/noplugins_test.cpp).
GVC_t* layoutOnlyContext()
{
    const std::filesystem::path folder = pluginFolder();
    if (folder.empty())
        return nullptr;
    // Kept for the process, as the context that reads them (the last entry ends the list).
    static const std::array<std::string, 2> names{"neato_layout", "dot_layout"};
    static const std::array<std::string, 2> symbols{"gvplugin_neato_layout_LTX_library",
                                                    "gvplugin_dot_layout_LTX_library"};
    static std::array<lt_symlist_t, 3> builtins{};
    for (std::size_t i = 0; i < names.size(); ++i) {
        void* handle = dlopen((folder / ("libgvplugin_" + names[i] + ".so.6")).c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            return nullptr;
        builtins[i] = {symbols[i].c_str(), dlsym(handle, symbols[i].c_str())};
        if (!builtins[i].address)
            return nullptr;
    }
    return gvContextPlugins(builtins.data(), 0);
}

} // namespace

GraphvizLock::GraphvizLock() : m_lock(graphvizMutex()) {}

GVC_t* GraphvizLock::context()
{
    if (!g_context) {
        // Route messages to us before the context prints anything about its plugins.
        agseterrf(collectMessage);
        agseterr(AGWARN);
        g_context = layoutOnlyContext();
        if (!g_context)
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
