#pragma once

// Private to the loop analysis: the two searches over a LoopGraph. Not part of the public API.
//
// - hawickSearch: every elementary loop, no length bound, with Boost's hawick_circuits (blocking
//   keeps the work proportional to the loops found). Loops come in no useful order.
// - boundedSearch: loops of length minLength..maxLength, by a depth-first search from each
//   start vertex over higher-numbered vertices, cut where depth + distance back to the start
//   exceeds maxLength. Loops come in lexicographic order of their canonical vertex sequence.

#include "model/loopgraph.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace causeway::loopdetail {

// What a loop must pass through, in LoopGraph vertex numbers.
struct LoopFilter {
    std::optional<std::uint32_t> vertex;
    std::optional<std::pair<std::uint32_t, std::uint32_t>> edge; // from, to
};

struct FoundLoop {
    // The loop's vertices, vertices[i] -> vertices[i + 1] and back to vertices[0]. boundedSearch
    // starts at the smallest vertex; hawickSearch may start elsewhere when a filter is set, and
    // leaves this empty for a sink that does not need vertices.
    std::span<const std::uint32_t> vertices;
    std::size_t length;
    LoopPolarity polarity;
};

class LoopSink {
public:
    virtual ~LoopSink() = default;
    // Return false to stop the search.
    virtual bool onLoop(const FoundLoop& loop) = 0;
    // False when only the loop's length and polarity matter: spares Hawick mapping vertices back.
    virtual bool needsVertices() const { return true; }
};

enum class SearchEnd { Completed, Stopped, Cancelled };

SearchEnd hawickSearch(const LoopGraph& graph, const LoopFilter& filter,
                       const std::atomic<bool>* cancel, LoopSink& sink);

SearchEnd boundedSearch(const LoopGraph& graph, const LoopFilter& filter, std::size_t minLength,
                        std::size_t maxLength, const std::atomic<bool>* cancel, LoopSink& sink);

// Every loop of the graph up to maxLength links (0: no bound), no filter, with whichever search
// suits the bound (shared by the loop queries and the metrics' single pass).
SearchEnd searchAllLoops(const LoopGraph& graph, std::size_t maxLength,
                         const std::atomic<bool>* cancel, LoopSink& sink);

// Components of up to this many factors can be counted by subsets (countBySubsets).
constexpr std::size_t kMaxSubsetCountVertices = 18;
// Whether counting by subsets suits a component of this size: bounded time and memory whatever
// its number of loops (a complete 18-factor component has about 10^14).
bool subsetCountable(std::size_t vertices, std::size_t edges);

// Counts the loops of one component (its vertices, ascending) into `counts` without meeting
// them: for each start vertex s, the number of paths from s over higher vertices is kept per
// (set of vertices visited, last vertex, polarity parity), so each loop is counted once, from its
// smallest vertex. O(2^n * edges) time and O(2^n * n) memory, however many loops there are.
// Only loops through `through` when set, and of at most maxLength links (0: no bound).
SearchEnd countBySubsets(const LoopGraph& graph, std::span<const std::uint32_t> vertices,
                         std::optional<std::uint32_t> through, std::size_t maxLength,
                         const std::atomic<bool>* cancel, LoopCounts& counts);

// Limits of the frontier counter (countByFrontier): past them it gives up.
struct FrontierBudget {
    std::size_t maxWidth = 20;          // factors on the frontier at once, after contraction
    std::size_t maxBytes = 1u << 30;    // memory for the states of two steps
    double shareFrom = 1e6;             // estimated work from which threads share the sweep
};

// Where a sweep says how far it has got: after each step, base + span x (the share of the plan's
// estimated work done), in millionths, stored to `to` when set.
struct SweepShare {
    std::atomic<std::uint32_t>* to = nullptr;
    double base = 0;
    double span = 1;
    void report(double done) const
    {
        if (to)
            to->store(std::uint32_t(std::min(1.0, base + span * done) * 1e6), std::memory_order_relaxed);
    }
};

// Counts the loops of one component (its vertices, ascending) without meeting them, for
// components too big for subsets: factors with one way in or out are contracted away, then the
// rest is swept in an order annealed to keep the states few, each state saying for every
// frontier factor whether the loop under construction passes it and which path ends pair up.
// Time grows with the number of states, not of loops. Honours the filter (its vertex, its edge)
// and maxLength (0: no bound). Stopped, leaving `counts` and `progress` as they were, when the
// budget is too small (judged before sweeping from the order's estimated work, or found while
// sweeping); otherwise publishes counts.total to `progress` at the end (a sweep that gives up is
// counted again, so a partial figure is never shown). On `threads` threads each holds the
// states that hash to it, expands only those and sends the others the moves into theirs; the
// order is annealed as two chains side by side. The counts are the same on any number. Reports
// its share of the work done to `share` after each step.
SearchEnd countByFrontier(const LoopGraph& graph, std::span<const std::uint32_t> vertices,
                          const LoopFilter& filter, std::size_t maxLength,
                          const std::atomic<bool>* cancel, std::atomic<std::uint64_t>* progress,
                          LoopCounts& counts, FrontierBudget budget = {}, unsigned threads = 1,
                          SweepShare share = {});

// Counts the loops of the listed components (at most maxLength links, 0: no bound) on `threads`
// threads, the calling one among them. Each start vertex's search tree is split among the threads
// as they run out of work, so one heavy start vertex still keeps every thread busy. Counts are
// the same whatever the number of threads. Adds to `progress` as it goes.
// With `through`, also counts the loops through each vertex and edge (sized to the graph).
struct ThroughCounts {
    std::vector<std::uint64_t> vertex; // by LoopGraph vertex
    std::vector<std::uint64_t> edge;   // by LoopGraph edge index
};
// When a counting thread hands untried branches over: every `checkEvery` search steps (a power
// of two), to an idle thread only, or (`eager`, for tests) every time, even to itself, so the
// hand-off path runs on every map whatever the timing.
struct HandOff {
    std::uint32_t checkEvery = 1024;
    bool eager = false;
};
SearchEnd countInParallel(const LoopGraph& graph, std::span<const std::uint32_t> components,
                          const LoopFilter& filter, std::size_t maxLength, unsigned threads,
                          const std::atomic<bool>* cancel, std::atomic<std::uint64_t>* progress,
                          LoopCounts& counts, ThroughCounts* through = nullptr,
                          HandOff handOff = {});

// `requested`, or every core the machine has when 0.
unsigned countingThreads(unsigned requested);

// Publishes how many loops a search has met, every 4096 loops and at the end, then passes each
// loop on.
class ProgressSink : public LoopSink {
public:
    // `already`: loops counted before this search (by subsets), so progress never goes back.
    ProgressSink(LoopSink& inner, std::atomic<std::uint64_t>* progress, std::uint64_t already = 0)
        : m_inner(inner), m_progress(progress), m_met(already)
    {
    }
    ~ProgressSink() override { publish(); }
    bool needsVertices() const override { return m_inner.needsVertices(); }
    bool onLoop(const FoundLoop& loop) override
    {
        if ((++m_met & 0xFFF) == 0)
            publish();
        return m_inner.onLoop(loop);
    }

private:
    void publish()
    {
        if (m_progress)
            m_progress->store(m_met, std::memory_order_relaxed);
    }
    LoopSink& m_inner;
    std::atomic<std::uint64_t>* m_progress;
    std::uint64_t m_met;
};

inline void addToCounts(LoopCounts& counts, std::size_t length, LoopPolarity polarity,
                        std::uint64_t loops = 1)
{
    if (counts.byLength.size() <= length) {
        counts.byLength.resize(length + 1, 0);
        counts.byLengthAndPolarity.resize(length + 1, {0, 0, 0});
    }
    counts.byLength[length] += loops;
    counts.byLengthAndPolarity[length][static_cast<std::size_t>(polarity)] += loops;
    counts.total += loops;
    switch (polarity) {
    case LoopPolarity::Reinforcing: counts.reinforcing += loops; break;
    case LoopPolarity::Balancing: counts.balancing += loops; break;
    case LoopPolarity::Unknown: counts.unknown += loops; break;
    }
}

// Adds counts made apart (of loops no other count holds).
inline void addCounts(LoopCounts& into, const LoopCounts& from)
{
    for (std::size_t length = 1; length < from.byLengthAndPolarity.size(); ++length)
        for (std::size_t polarity = 0; polarity < 3; ++polarity)
            if (const std::uint64_t n = from.byLengthAndPolarity[length][polarity])
                addToCounts(into, length, static_cast<LoopPolarity>(polarity), n);
}

// Counts into LoopCounts; never stops the search.
class CountingSink : public LoopSink {
public:
    LoopCounts counts;
    bool needsVertices() const override { return false; }
    bool onLoop(const FoundLoop& loop) override
    {
        addToCounts(counts, loop.length, loop.polarity);
        return true;
    }
};

} // namespace causeway::loopdetail
