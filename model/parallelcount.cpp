// Counting loops on several threads, the work split below the start vertex.

#include "model/countgraph.h"
#include "model/loopsearch.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace causeway::loopdetail {

namespace {

constexpr std::uint32_t kAll = UINT32_MAX;
constexpr std::uint32_t kFar = UINT32_MAX / 4;

// A piece of one start vertex's search tree: the path from the start to a branching vertex and
// the out-links of that vertex still to try. A start task has just the start and kAll.
struct Task {
    std::vector<std::uint32_t> path;
    std::vector<std::uint32_t> edges; // path[i] -> path[i + 1]
    std::uint8_t state = 0; // polarity bits of the path (see Worker::step)
    std::uint32_t cur = kAll;
    std::uint32_t end = kAll;
};

// The shared pool of tasks. A worker with nothing to do says so (`hungry`); busy workers check
// that now and then and hand over the untried branches nearest their root.
class WorkQueue {
public:
    WorkQueue(std::deque<Task> tasks, unsigned workers) : m_tasks(std::move(tasks)), m_workers(workers) {}

    bool take(Task& task)
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (m_stopped || m_done)
                return false;
            if (!m_tasks.empty()) {
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
                refreshHunger();
                return true;
            }
            ++m_idle;
            refreshHunger();
            if (m_idle == m_workers) { // nobody left to give work: every loop is counted
                m_done = true;
                m_wake.notify_all();
                return false;
            }
            m_wake.wait(lock, [&] { return m_stopped || m_done || !m_tasks.empty(); });
            --m_idle;
            refreshHunger();
        }
    }

    void give(Task task)
    {
        {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back(std::move(task));
            refreshHunger();
        }
        m_wake.notify_one();
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_wake.notify_all();
    }

    bool hungry() const { return m_hungry.load(std::memory_order_relaxed); }

private:
    void refreshHunger() { m_hungry.store(m_idle > m_tasks.size(), std::memory_order_relaxed); }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_tasks;
    const unsigned m_workers;
    unsigned m_idle = 0;
    bool m_done = false;
    bool m_stopped = false;
    std::atomic<bool> m_hungry{false};
};

// One thread's search. Without a length bound it is Johnson's: a vertex stays blocked while it
// cannot reach the start off the current path, and its blocking list is one flag per in-link.
// A task starts with only its path blocked, which is correct (blocking is an optimisation), and
// a worker that gives away branches treats the branching vertex as having closed a loop, so it
// unblocks it on the way back (again only less pruning). With a length bound it cuts a path
// that cannot return to the start within the bound and blocks nothing.
class alignas(128) Worker {
public:
    Worker(const CountGraph& g, std::size_t maxLength, std::size_t longest, WorkQueue& queue,
           const std::atomic<bool>* cancel, std::atomic<std::uint64_t>* progress, bool through,
           HandOff handOff)
        : m_g(g), m_maxLength(maxLength), m_handOff(handOff), m_queue(queue), m_cancel(cancel), m_progress(progress),
          m_blocked(g.vertexCount(), 0), m_reaches(g.vertexCount(), 0), m_firstOut(g.vertexCount(), 0), m_flag(g.source.size(), 0),
          m_waiting(g.vertexCount(), 0),
          m_frames(g.vertexCount() + 1), m_lens(g.vertexCount() + 1), m_tally((longest + 2) * 4, 0)
    {
        if (maxLength)
            m_dist.assign(g.vertexCount(), kFar);
        if (through) {
            m_throughVertex.assign(g.vertexCount(), 0);
            m_throughEdge.assign(g.target.size(), 0);
        }
    }

    // False when cancelled.
    bool run()
    {
        Task task;
        while (m_queue.take(task))
            if (!runTask(task)) {
                m_queue.stop();
                publish();
                return false;
            }
        publish();
        return true;
    }

    // tally[length * 4 + state & 3]: bit 0 an odd number of "-" links, bit 1 a "?" link.
    const std::vector<std::uint64_t>& tally() const { return m_tally; }
    // Loops through each vertex and out-link (CountGraph numbering), when asked for.
    const std::vector<std::uint64_t>& throughVertex() const { return m_throughVertex; }
    const std::vector<std::uint64_t>& throughEdge() const { return m_throughEdge; }

private:
    struct Frame {
        std::uint32_t v;
        std::uint32_t first; // v's out-links to vertices >= the start begin here
        std::uint32_t cur;
        std::uint32_t end;
        std::uint8_t state;
        bool found;
    };

    std::uint32_t firstOut(std::uint32_t v) const { return m_firstOut[v]; }

    // Where each vertex's out-links to vertices >= the start begin, found once per task: a binary
    // search at every step of the search cost about a sixth of its time.
    void findFirstOuts(const CountGraph::Component& c)
    {
        const auto b = m_g.target.begin();
        for (std::uint32_t v = m_s; v < c.end; ++v)
            m_firstOut[v] = std::uint32_t(std::lower_bound(b + m_g.outBegin[v], b + m_g.outBegin[v + 1], m_s) - b);
    }

    void reset(std::uint32_t begin, std::uint32_t end)
    {
        std::fill(m_blocked.begin() + begin, m_blocked.begin() + end, 0);
        if (!m_maxLength) {
            std::fill(m_flag.begin() + m_g.inBegin[begin], m_flag.begin() + m_g.inBegin[end], 0);
            std::fill(m_waiting.begin() + begin, m_waiting.begin() + end, 0);
        }
    }

    // dist[x]: fewest links from x back to the start over vertices >= it, up to the bound
    // (Dial's shortest paths: a contracted link counts as the links it stands for).
    void distancesToStart()
    {
        for (std::uint32_t x : m_touched)
            m_dist[x] = kFar;
        m_touched.assign(1, m_s);
        m_dist[m_s] = 0;
        m_buckets.resize(m_maxLength + 1);
        m_buckets[0].assign(1, m_s);
        for (std::uint32_t d = 0; d < m_maxLength; ++d) {
            for (std::size_t i = 0; i < m_buckets[d].size(); ++i) {
                const std::uint32_t x = m_buckets[d][i];
                if (m_dist[x] != d)
                    continue; // met again later at a shorter distance
                for (std::uint32_t in = m_g.inBegin[x]; in < m_g.inBegin[x + 1]; ++in) {
                    const std::uint32_t y = m_g.source[in];
                    const std::uint32_t far = d + m_g.inLength[in];
                    if (y < m_s || far > m_maxLength || far >= m_dist[y])
                        continue;
                    if (m_dist[y] == kFar)
                        m_touched.push_back(y);
                    m_dist[y] = far;
                    m_buckets[far].push_back(y);
                }
            }
            m_buckets[d].clear();
        }
        m_buckets[m_maxLength].clear();
    }

    // Johnson's restriction: a vertex >= the start that cannot get back to it without crossing
    // the task's path can close no loop for the whole task (the path below the task's root never
    // changes), so it is blocked for good before the search (it has no waiting flags, so nothing
    // unblocks it). Hawick's lazy blocking would find each such dead end only by walking into it;
    // a task handed over mid-search also starts with this pruning instead of none.
    void blockDeadEnds(const CountGraph::Component& c, const std::vector<std::uint32_t>& path)
    {
        for (std::uint32_t v : path)
            m_blocked[v] = 1;
        m_touched.assign(1, m_s);
        m_reaches[m_s] = 1;
        for (std::size_t head = 0; head < m_touched.size(); ++head) {
            const std::uint32_t x = m_touched[head];
            for (std::uint32_t i = m_g.inBegin[x]; i < m_g.inBegin[x + 1]; ++i) {
                const std::uint32_t y = m_g.source[i];
                if (y > m_s && !m_blocked[y] && !m_reaches[y]) {
                    m_reaches[y] = 1;
                    m_touched.push_back(y);
                }
            }
        }
        for (std::uint32_t v = m_s + 1; v < c.end; ++v)
            m_blocked[v] |= std::uint8_t(!m_reaches[v]);
        for (std::uint32_t v : m_touched)
            m_reaches[v] = 0;
        m_touched.clear();
    }

    std::uint8_t seenBit(std::uint32_t v) const { return m_g.alsoThrough == v ? 4 : 0; }

    bool runTask(const Task& task)
    {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed))
            return false;
        m_s = task.path.front();
        const CountGraph::Component& c = m_g.components[m_g.componentOf[m_s]];
        reset(c.begin, c.end);
        findFirstOuts(c);
        if (m_maxLength)
            distancesToStart();
        else
            blockDeadEnds(c, task.path);
        const auto root = std::uint32_t(task.path.size() - 1);
        std::uint32_t len = 0;
        for (std::uint32_t i = 0; i < root; ++i) {
            m_blocked[task.path[i]] = 1;
            // cur - 1 is the link taken from a frame, as in the search.
            m_frames[i] = {task.path[i], 0, task.edges[i] + 1, 0, 0, true};
            m_lens[i] = len;
            len += m_g.length[task.edges[i]];
        }
        const std::uint32_t v = task.path[root];
        m_blocked[v] = 1;
        const std::uint32_t first = firstOut(v);
        if (task.cur == kAll)
            m_frames[root] = {v, first, first, m_g.outBegin[v + 1], seenBit(v), false};
        else
            m_frames[root] = {v, first, task.cur, task.end, task.state, false};
        m_lens[root] = len;
        return search(root);
    }

    bool search(std::uint32_t root)
    {
        const bool johnson = m_maxLength == 0;
        const bool needSeen = m_g.alsoThrough.has_value();
        const bool through = !m_throughVertex.empty();
        // No test a mode does not need, nor lengths when no link was contracted.
        if (m_g.unitLengths)
            return searchIn<true>(johnson, needSeen, through, root);
        return searchIn<false>(johnson, needSeen, through, root);
    }

    template <bool unit>
    bool searchIn(bool johnson, bool needSeen, bool through, std::uint32_t root)
    {
        if (johnson)
            return needSeen ? searchAs<true, true, false, unit>(root)
                            : through ? searchAs<true, false, true, unit>(root) : searchAs<true, false, false, unit>(root);
        return needSeen ? searchAs<false, true, false, unit>(root)
                        : through ? searchAs<false, false, true, unit>(root) : searchAs<false, false, false, unit>(root);
    }

    // The search loop, compiled once per mode so the hot path tests nothing it does not need;
    // a frame's next link is kept in a register while its links close loops or meet blocked
    // vertices (on a dense map most do), written back only when the search goes deeper.
    template <bool johnson, bool needSeen, bool through, bool unit>
    bool searchAs(std::uint32_t root)
    {
        const std::uint32_t* const target = m_g.target.data();
        const std::uint8_t* const signBits = m_g.signBits.data();
        const std::uint32_t* const length = m_g.length.data();
        std::uint32_t* const lens = m_lens.data();
        std::uint8_t* const blocked = m_blocked.data();
        std::uint64_t* const tally = m_tally.data();
        const std::uint32_t s = m_s;
        std::uint32_t top = root;
        for (;;) {
            Frame& f = m_frames[top];
            std::uint32_t cur = f.cur;
            const std::uint32_t end = f.end;
            bool deeper = false;
            while (cur < end) {
                const std::uint32_t e = cur++;
                const std::uint32_t w = target[e];
                const std::uint8_t bits = signBits[e];
                auto state = std::uint8_t((f.state ^ (bits & 1)) | (bits & 2));
                if constexpr (needSeen)
                    state |= seenBit(w);
                if (w == s) {
                    if constexpr (!johnson && !unit)
                        if (lens[top] + length[e] > m_maxLength)
                            continue; // a longer link back than the shortest the bound allowed for
                    f.found = true;
                    if (!needSeen || (state & 4)) {
                        ++tally[(unit ? top + 1 : lens[top] + length[e]) * 4 + (state & 3)];
                        if constexpr (through)
                            countThrough(top, e);
                        if ((++m_met & 0xFFF) == 0)
                            publish();
                    }
                    continue;
                }
                if (blocked[w])
                    continue;
                if constexpr (!johnson)
                    if ((unit ? top + 1 : lens[top] + length[e]) + m_dist[w] > m_maxLength)
                        continue;
                blocked[w] = 1;
                f.cur = cur;
                const std::uint32_t first = firstOut(w);
                if constexpr (!unit)
                    lens[top + 1] = lens[top] + length[e];
                m_frames[++top] = {w, first, first, m_g.outBegin[w + 1], state, false};
                if ((++m_steps & (m_handOff.checkEvery - 1)) == 0 && !checkIn(root, top))
                    return false;
                deeper = true;
                break;
            }
            if (deeper)
                continue;
            f.cur = cur;
            const bool found = f.found;
            if constexpr (!johnson)
                blocked[f.v] = 0;
            else if (found)
                unblock(f.v);
            else
                for (std::uint32_t e = f.first; e < m_g.outBegin[f.v + 1]; ++e) {
                    std::uint8_t& flag = m_flag[m_g.inSlot[e]]; // f.v waits on each of its targets
                    m_waiting[target[e]] += std::uint32_t(!flag);
                    flag = 1;
                }
            if (top == root)
                return true;
            --top;
            m_frames[top].found |= found;
        }
    }

    void countThrough(std::uint32_t top, std::uint32_t closing)
    {
        for (std::uint32_t i = 0; i < top; ++i) {
            ++m_throughVertex[m_frames[i].v];
            ++m_throughEdge[m_frames[i].cur - 1];
        }
        ++m_throughVertex[m_frames[top].v];
        ++m_throughEdge[closing];
    }

    void unblock(std::uint32_t u)
    {
        m_blocked[u] = 0;
        m_unblocking.assign(1, u);
        while (!m_unblocking.empty()) {
            const std::uint32_t x = m_unblocking.back();
            m_unblocking.pop_back();
            if (m_waiting[x] == 0)
                continue; // the common case on dense maps: spares scanning every in-link
            m_waiting[x] = 0;
            for (std::uint32_t i = m_g.inBegin[x]; i < m_g.inBegin[x + 1]; ++i) {
                if (!m_flag[i])
                    continue;
                m_flag[i] = 0;
                const std::uint32_t y = m_g.source[i];
                if (m_blocked[y]) {
                    m_blocked[y] = 0;
                    m_unblocking.push_back(y);
                }
            }
        }
    }

    // Every checkEvery steps: stop when cancelled; feed an idle worker the untried branches of the
    // frame nearest the root that has some.
    bool checkIn(std::uint32_t root, std::uint32_t top)
    {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed))
            return false;
        if (!m_handOff.eager && !m_queue.hungry())
            return true;
        for (std::uint32_t level = root; level < top; ++level) {
            Frame& f = m_frames[level];
            if (f.cur >= f.end)
                continue;
            Task task;
            task.path.reserve(level + 1);
            for (std::uint32_t i = 0; i <= level; ++i) {
                task.path.push_back(m_frames[i].v);
                if (i < level)
                    task.edges.push_back(m_frames[i].cur - 1);
            }
            task.state = f.state;
            task.cur = f.cur;
            task.end = f.end;
            f.end = f.cur;
            // Unobservable today (every frame nearer the root has no branch left, so the search
            // ends when this one returns) but keeps the blocking sound if that ever changes.
            f.found = true;
            m_queue.give(std::move(task));
            break;
        }
        return true;
    }

    void publish()
    {
        if (m_progress && m_met != m_published)
            m_progress->fetch_add(m_met - m_published, std::memory_order_relaxed);
        m_published = m_met;
    }

    const CountGraph& m_g;
    const std::size_t m_maxLength;
    const HandOff m_handOff;
    WorkQueue& m_queue;
    const std::atomic<bool>* m_cancel;
    std::atomic<std::uint64_t>* m_progress;
    std::vector<std::uint8_t> m_blocked; // on the path, or (Johnson) unable to reach the start
    std::vector<std::uint8_t> m_reaches; // scratch for blockDeadEnds
    std::vector<std::uint32_t> m_firstOut; // by vertex >= the start (findFirstOuts)
    std::vector<std::uint8_t> m_flag;    // per in-link x -> y: x waits for y to unblock
    std::vector<std::uint32_t> m_waiting; // per vertex: how many of its in-link flags are set
    std::vector<Frame> m_frames;
    std::vector<std::uint32_t> m_lens; // by depth: links from the start (a contracted link stands for several)
    std::vector<std::uint64_t> m_tally;
    std::vector<std::uint64_t> m_throughVertex, m_throughEdge;
    std::vector<std::uint32_t> m_dist, m_touched, m_unblocking;
    std::vector<std::vector<std::uint32_t>> m_buckets; // by distance (distancesToStart)
    std::uint32_t m_s = 0;
    std::uint64_t m_steps = 0;
    std::uint64_t m_met = 0;
    std::uint64_t m_published = 0;
};

} // namespace

unsigned countingThreads(unsigned requested)
{
    if (requested > 0)
        return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

SearchEnd countInParallel(const LoopGraph& graph, std::span<const std::uint32_t> components,
                          const LoopFilter& filter, std::size_t maxLength, unsigned threads,
                          const std::atomic<bool>* cancel, std::atomic<std::uint64_t>* progress,
                          LoopCounts& counts, ThroughCounts* through, HandOff handOff)
{
    std::size_t longest = 0;
    for (std::uint32_t c : components)
        longest = std::max(longest, graph.components[c].size());
    if (maxLength >= longest)
        maxLength = 0; // no bound below the longest possible loop: Johnson's search is faster
    else if (maxLength > 0)
        longest = maxLength;
    // Walks the map with factors of one way in or out contracted away: fewer steps a loop, the
    // same loops.
    LoopCounts closed;
    if (through) {
        through->vertex.assign(graph.vertexCount(), 0);
        through->edge.assign(graph.target.size(), 0);
    }
    const CountGraph g = CountGraph::build(graph, components, filter, maxLength, closed, through);
    if (progress && closed.total)
        progress->fetch_add(closed.total, std::memory_order_relaxed);
    std::deque<Task> starts;
    for (const CountGraph::Component& c : g.components)
        for (std::uint32_t s = c.begin; s < (c.onlyFirstStart ? c.begin + 1 : c.end); ++s)
            starts.push_back({{s}, {}, 0, kAll, kAll});

    threads = std::max(1u, threads);
    WorkQueue queue(std::move(starts), threads);
    std::vector<Worker> workers;
    workers.reserve(threads);
    for (unsigned i = 0; i < threads; ++i)
        workers.emplace_back(g, maxLength, longest, queue, cancel, progress, through != nullptr, handOff);
    std::atomic<bool> cancelled{false};
    {
        std::vector<std::jthread> helpers;
        for (unsigned i = 1; i < threads; ++i)
            helpers.emplace_back([&, i] {
                if (!workers[i].run())
                    cancelled = true;
            });
        if (!workers[0].run())
            cancelled = true;
    } // joins the helpers

    if (through) // a contracted link's loops pass each link it stands for and the factors between
        for (const Worker& w : workers) {
            for (std::uint32_t v = 0; v < g.vertexCount(); ++v)
                through->vertex[g.original[v]] += w.throughVertex()[v];
            for (std::uint32_t e = 0; e < g.target.size(); ++e) {
                const std::uint64_t loops = w.throughEdge()[e];
                if (loops == 0)
                    continue;
                for (std::uint32_t i = g.linkBegin[e]; i < g.linkBegin[e + 1]; ++i) {
                    through->edge[g.links[i]] += loops;
                    if (i + 1 < g.linkBegin[e + 1])
                        through->vertex[graph.target[g.links[i]]] += loops;
                }
            }
        }
    // Cancelled counts are added too: the loops met so far, for an "at least" figure.
    addCounts(counts, closed);
    std::vector<std::uint64_t> sum((longest + 2) * 4, 0);
    for (const Worker& w : workers)
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += w.tally()[i];
    for (std::size_t length = 1; length <= longest; ++length)
        for (std::size_t state = 0; state < 4; ++state)
            if (const std::uint64_t n = sum[length * 4 + state])
                addToCounts(counts, length,
                            state & 2 ? LoopPolarity::Unknown
                            : state & 1 ? LoopPolarity::Balancing
                                        : LoopPolarity::Reinforcing,
                            n);
    return cancelled ? SearchEnd::Cancelled : SearchEnd::Completed;
}

} // namespace causeway::loopdetail
