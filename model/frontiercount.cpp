// Counting a big sparse component's loops without meeting them: a frontier-based sweep.

#include "model/frontiercount.h"
#include "model/frontierstates.h"

#include <algorithm>
#include <barrier>
#include <memory>
#include <thread>

namespace causeway::loopdetail {

namespace frontier {
namespace {

// Components left bigger than this after contraction are not swept (see sweepOrder).
constexpr std::uint32_t kMaxOrdered = 1000;

enum class Joined { No, Yes, Closed };

// Uses the edge u -> v (slots): u's out-link and v's in-link must be free. Joins the paths
// they end and start; closes a loop when u's path starts at v.
Joined join(Key& k, std::uint8_t u, std::uint8_t v)
{
    const std::uint8_t su = k.slot[u];
    const std::uint8_t sv = k.slot[v];
    if (su == kInterior || (su & kStart) || sv == kInterior || (sv & kEnd))
        return Joined::No;
    const std::uint8_t start = su == kUnused ? u : su & kMate;
    const std::uint8_t end = sv == kUnused ? v : sv & kMate;
    k.slot[u] = su == kUnused ? kStart : kInterior; // its mate is set below
    k.slot[v] = sv == kUnused ? kEnd : kInterior;
    if (start == v) // then end == u: the path from v to u and back
        return Joined::Closed;
    k.slot[start] = std::uint8_t(kStart | end);
    k.slot[end] = std::uint8_t(kEnd | start);
    return Joined::Yes;
}

// One way for a state to take the entering factor: the state it leads to, and the links it
// adds with their parity.
struct Move {
    Key key;
    std::uint32_t length = 0;
    Parity parity = Even;
    Joined joined = Joined::Yes;
};

class Sweep;

// What the lanes of one sweep share: each lane holds the states whose key hashes to it, finds
// where they lead, sends the other lanes the moves that lead to their states, and waits for the
// others between the parts of each step.
struct Lanes {
    // When the last lane arrives: whether to stop, settled for all until they meet again (a lane
    // may set `end` while another has yet to look).
    struct Settle {
        Lanes* lanes;
        void operator()() noexcept { lanes->settled = SearchEnd(lanes->end.load()); }
    };
    explicit Lanes(std::size_t count) : barrier(std::ptrdiff_t(count), Settle{this}) {}
    std::vector<Sweep*> all;
    std::barrier<Settle> barrier;
    std::atomic<int> end{int(SearchEnd::Completed)}; // the first lane's reason to stop, for all
    SearchEnd settled = SearchEnd::Completed;          // `end` when they last met
    void stop(SearchEnd why)
    {
        int expected = int(SearchEnd::Completed);
        end.compare_exchange_strong(expected, int(why));
    }
    bool stopped() const { return end.load(std::memory_order_relaxed) != int(SearchEnd::Completed); }
    // Meets the other lanes; what all of them then do.
    SearchEnd meet()
    {
        barrier.arrive_and_wait();
        return settled;
    }
};

// The sweep itself: one table of states per step, each state's ways to take the entering factor.
// One lane of it when the states are shared among threads.
class Sweep {
public:
    Sweep(const Reduced& r, const Plan& plan, std::size_t longest, std::size_t rows, std::size_t maxBytes)
        : m_r(r), m_plan(plan), m_longest(longest), m_rows(rows), m_maxBytes(maxBytes),
          m_now(rows), m_next(rows)
    {
    }
    // As lane `lane` of `lanes` (their `all` filled before any runs), with its share of the budget.
    void enter(Lanes& lanes, std::size_t lane)
    {
        m_lanes = &lanes;
        m_lane = lane;
        m_maxBytes /= lanes.all.size();
        m_outbox.resize(lanes.all.size());
    }
    SearchEnd run(const std::atomic<bool>* cancel, LoopCounts& found);
    // Where this sweep (its first lane, when it has several) reports its share done.
    void reportTo(const SweepShare& share) { m_share = share; }

private:
    SearchEnd runInLanes(const std::atomic<bool>* cancel);
    void expand(const StateTable::Entry& from);
    bool use(Move& m, std::uint8_t u, std::uint8_t v, const Reduced::Edge& e) const;
    bool settle(Key& k) const;
    void carry(const StateTable::Entry& from, const Move& m);
    void close(const StateTable::Entry& from, const Move& m);
    SearchEnd pass(const std::atomic<bool>* cancel);
    SearchEnd receive(const std::atomic<bool>* cancel);
    SearchEnd carryOut(const std::atomic<bool>* cancel);
    std::size_t laneOf(std::uint64_t hash) const { return m_lanes ? (hash >> 40) % m_lanes->all.size() : 0; }
    void add(const Key& key, std::uint64_t hash, std::size_t lo, std::size_t hi, std::uint32_t from,
             std::uint8_t lane, std::uint16_t length, std::uint8_t parity);
    std::size_t bytes() const;
    SearchEnd start();
    SearchEnd find(const std::atomic<bool>* cancel);
    SearchEnd finish(const std::atomic<bool>* cancel);
    Parity after(std::size_t p, Parity added) const
    {
        return p == Unknown || added == Unknown ? Unknown : Parity(p ^ added);
    }

    const Reduced& m_r;
    const Plan& m_plan;
    std::size_t m_longest;
    std::size_t m_rows;
    std::size_t m_maxBytes;
    StateTable m_now, m_next;
    std::size_t m_index = 0; // the current step
    SweepShare m_share;
    // This lane's moves of the step, found while finding the next states, then carried out.
    struct Carried {
        std::uint32_t to;      // the next state's block
        std::uint32_t from;    // the state's block in its lane's table
        std::uint16_t length;  // links the move adds
        std::uint8_t lane;     // whose table holds the state
        std::uint8_t parity;   // of the links it adds
    };
    static_assert(sizeof(Carried) == 12);
    std::vector<Carried> m_carried;
    // A move to a state another lane holds, sent to it: the state, and the move from this lane's.
    struct Sent {
        Key key;
        std::uint32_t from;
        std::uint16_t length;
        std::uint8_t parity;
    };
    static_assert(sizeof(Sent) == 32);
    std::vector<std::vector<Sent>> m_outbox; // lane -> the moves sent to it this step
    LoopCounts* m_found = nullptr;
    Lanes* m_lanes = nullptr;
    std::size_t m_lane = 0;
};

bool Sweep::use(Move& m, std::uint8_t u, std::uint8_t v, const Reduced::Edge& e) const
{
    if (m.length + e.length > m_longest)
        return false;
    m.joined = join(m.key, u, v);
    if (m.joined == Joined::No)
        return false;
    m.length += e.length;
    m.parity = combine(m.parity, e.parity);
    m.key.required |= e.required;
    return true;
}

// Every way the state can take the entering factor: not at all, by one edge in, one edge out,
// or one of each (a factor on a loop has one link in and one out).
void Sweep::expand(const StateTable::Entry& from)
{
    const Step& step = m_plan.steps[m_index];
    const Move none{from.key};
    carry(from, none);
    for (const Reduced::Edge& in : step.in) {
        Move m = none;
        if (!use(m, std::uint8_t(in.from), step.slot, in))
            continue;
        carry(from, m);
        for (const Reduced::Edge& out : step.out) {
            Move both = m;
            if (!use(both, step.slot, std::uint8_t(out.to), out))
                continue;
            if (both.joined == Joined::Closed)
                close(from, both);
            else
                carry(from, both);
        }
    }
    for (const Reduced::Edge& out : step.out) {
        Move m = none;
        if (use(m, step.slot, std::uint8_t(out.to), out))
            carry(from, m);
    }
}

// Factors leaving the frontier must be off the loop or on it with both links; the filter's
// factor must be on it. False when the state ends here.
bool Sweep::settle(Key& k) const
{
    for (std::uint8_t s : m_plan.steps[m_index].leaving) {
        if (k.slot[s] > kInterior)
            return false;
        if (k.slot[s] == kUnused && m_r.through && m_plan.leaves[*m_r.through] == m_index
            && s == m_plan.slotOf[*m_r.through])
            return false;
        k.slot[s] = kUnused;
    }
    for (const auto& [s, flags] : m_plan.steps[m_index].blocked) {
        const std::uint8_t state = k.slot[s];
        if (state == kUnused) {
            if (flags & kThrough)
                return false;
            k.slot[s] = kInterior; // off the loop for good: the same as done with
        } else if (((state & kStart) && (flags & kNoIn)) || ((state & kEnd) && (flags & kNoOut))) {
            return false;
        }
    }
    return !m_r.needsRequired || k.required || m_index < m_plan.lastRequired;
}

// Finds the state the move leads to, or sends the move to the lane that holds it.
void Sweep::carry(const StateTable::Entry& from, const Move& m)
{
    Key key = m.key;
    if (from.lo + m.length > m_longest || !settle(key))
        return;
    const std::uint64_t hash = hashOf(key);
    if (const std::size_t lane = laneOf(hash); lane != m_lane)
        m_outbox[lane].push_back({key, from.block, std::uint16_t(m.length), std::uint8_t(m.parity)});
    else
        add(key, hash, from.lo, from.hi, from.block, std::uint8_t(m_lane), std::uint16_t(m.length),
            std::uint8_t(m.parity));
}

// Finds the next state `key` (made when new) and widens its range of lengths by a move from a
// state holding lengths lo..hi; the counts are carried once every next state is known (carryOut).
void Sweep::add(const Key& key, std::uint64_t hash, std::size_t lo, std::size_t hi, std::uint32_t from,
                std::uint8_t lane, std::uint16_t length, std::uint8_t parity)
{
    hi = std::min<std::size_t>(hi, m_longest - length);
    StateTable::Entry& to = m_next.at(key, hash);
    to.lo = std::uint16_t(std::min<std::size_t>(to.lo, lo + length));
    to.hi = std::uint16_t(std::max<std::size_t>(to.hi, hi + length));
    m_carried.push_back({to.block, from, length, lane, parity});
}

// The moves the other lanes sent this one, once all have found theirs.
SearchEnd Sweep::receive(const std::atomic<bool>* cancel)
{
    for (std::size_t l = 0; l < m_lanes->all.size(); ++l) {
        const Sweep& sender = *m_lanes->all[l];
        const std::vector<Sent>& inbox = sender.m_outbox[m_lane];
        for (std::size_t k = 0; k < inbox.size(); ++k) {
            if ((k & 0xFFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return SearchEnd::Cancelled;
            const Sent& s = inbox[k];
            const std::size_t lo = sender.m_now.lo(s.from);
            add(s.key, hashOf(s.key), lo, lo + sender.m_now.stride(s.from) - 1, s.from, std::uint8_t(l),
                s.length, s.parity);
            if ((k & 0xFFF) == 0 && bytes() > m_maxBytes)
                return SearchEnd::Stopped;
        }
    }
    return SearchEnd::Completed;
}

// Adds each move's state's counts, `length` links longer (those within the bound), to the next
// state's, once every next state has its room.
SearchEnd Sweep::carryOut(const std::atomic<bool>* cancel)
{
    for (std::size_t k = 0; k < m_carried.size(); ++k) {
        if ((k & 0xFFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return SearchEnd::Cancelled;
        const Carried& c = m_carried[k];
        const StateTable& source = m_lanes ? m_lanes->all[c.lane]->m_now : m_now; // its lane's
        const std::size_t lo = source.lo(c.from);
        const std::size_t stride = source.stride(c.from);
        const std::size_t n = std::min(stride, m_longest - c.length - lo + 1);
        const std::uint64_t* from = source.counts(c.from);
        std::uint64_t* target = m_next.counts(c.to) + (lo + c.length - m_next.lo(c.to));
        for (std::size_t p = 0; p < m_rows; ++p) {
            const std::uint64_t* in = from + p * stride;
            std::uint64_t* out = target + std::size_t(after(p, Parity(c.parity))) * m_next.stride(c.to);
            for (std::size_t i = 0; i < n; ++i)
                out[i] += in[i];
        }
    }
    return SearchEnd::Completed;
}

// A loop closed: it counts when no other path is open and it passes what the filter names.
void Sweep::close(const StateTable::Entry& from, const Move& m)
{
    if (anyOpen(m.key) || (m_r.needsRequired && !m.key.required))
        return;
    if (m_r.through) {
        const std::uint32_t at = m_plan.position[*m_r.through];
        if (at > m_index)
            return; // not in yet, so not on this loop
        // Still on the frontier: on the loop only if interior. Gone: it left interior.
        if (m_index <= m_plan.leaves[*m_r.through] && m.key.slot[m_plan.slotOf[*m_r.through]] != kInterior)
            return;
    }
    const std::uint64_t* source = m_now.counts(from.block);
    const std::size_t hi = std::min<std::size_t>(from.hi, m_longest - m.length);
    for (std::size_t p = 0; p < m_rows; ++p)
        for (std::size_t i = from.lo; i <= hi; ++i)
            if (const std::uint64_t n = source[p * from.stride() + i - from.lo])
                addToCounts(*m_found, i + m.length, polarityOfParity(after(p, m.parity)), n);
}

// The memory this lane's tables and moves take.
std::size_t Sweep::bytes() const
{
    std::size_t sent = 0;
    for (const std::vector<Sent>& box : m_outbox)
        sent += box.capacity() * sizeof(Sent);
    return m_now.bytes() + m_next.bytes() + m_carried.capacity() * sizeof(Carried) + sent;
}

// One pass over this lane's states of the step before: Stopped when the states and moves found
// outgrow the budget.
SearchEnd Sweep::pass(const std::atomic<bool>* cancel)
{
    std::size_t seen = 0;
    for (const StateTable::Entry& e : m_now.entries()) {
        if (e.block == StateTable::kNone)
            continue;
        expand(e);
        if ((++seen & 0xFF) == 0) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return SearchEnd::Cancelled;
            if (m_lanes && m_lanes->stopped())
                return SearchEnd::Stopped; // another lane's reason is the one reported
            if (bytes() > m_maxBytes)
                return SearchEnd::Stopped;
        }
    }
    return bytes() > m_maxBytes ? SearchEnd::Stopped : SearchEnd::Completed;
}

// The state with no link yet, in the lane it hashes to.
SearchEnd Sweep::start()
{
    const std::uint64_t hash = hashOf(Key{});
    if (laneOf(hash) != m_lane)
        return m_now.layout(m_maxBytes) ? SearchEnd::Completed : SearchEnd::Stopped;
    StateTable::Entry& first = m_now.at(Key{}, hash);
    first.lo = first.hi = 0;
    if (!m_now.layout(m_maxBytes))
        return SearchEnd::Stopped;
    m_now.counts(first.block)[0] = 1; // even parity
    return SearchEnd::Completed;
}

// The first part of step m_index: where this lane's states lead.
SearchEnd Sweep::find(const std::atomic<bool>* cancel)
{
    if (cancel && cancel->load(std::memory_order_relaxed))
        return SearchEnd::Cancelled;
    m_next.clear(m_now.size());
    m_carried.clear();
    for (std::vector<Sent>& box : m_outbox)
        box.clear();
    return pass(cancel);
}

// The second: the moves sent here, then the counts of the states this lane holds next.
SearchEnd Sweep::finish(const std::atomic<bool>* cancel)
{
    if (m_lanes)
        if (const SearchEnd end = receive(cancel); end != SearchEnd::Completed)
            return end;
    const std::size_t used = bytes() - m_next.bytes(); // layout adds what the table takes
    if (!m_next.layout(m_maxBytes - std::min(m_maxBytes, used)))
        return SearchEnd::Stopped;
    return carryOut(cancel);
}

SearchEnd Sweep::run(const std::atomic<bool>* cancel, LoopCounts& found)
{
    m_found = &found;
    if (m_lanes)
        return runInLanes(cancel);
    SearchEnd end = start();
    for (m_index = 0; m_index < m_plan.steps.size() && end == SearchEnd::Completed; ++m_index) {
        end = find(cancel);
        if (end == SearchEnd::Completed)
            end = finish(cancel);
        std::swap(m_now, m_next);
        if (end == SearchEnd::Completed)
            m_share.report(m_plan.doneAfter[m_index]);
    }
    return end;
}

// As one lane: each part of a step begins once every lane has ended the part before, and a
// lane's reason to stop stops them all.
SearchEnd Sweep::runInLanes(const std::atomic<bool>* cancel)
{
    auto meet = [&](SearchEnd end) {
        if (end != SearchEnd::Completed)
            m_lanes->stop(end);
        return m_lanes->meet();
    };
    if (const SearchEnd all = meet(start()); all != SearchEnd::Completed)
        return all; // the first state is in place before any lane reads it
    for (m_index = 0; m_index < m_plan.steps.size(); ++m_index) {
        // Sent moves are read once all are sent; the step before's states, which the other
        // lanes' moves count from, and the outboxes are let go once all are counted (no lane
        // reads another's tables or outboxes between finishing and the next meeting).
        if (const SearchEnd all = meet(find(cancel)); all != SearchEnd::Completed)
            return all;
        if (const SearchEnd all = meet(finish(cancel)); all != SearchEnd::Completed)
            return all;
        std::swap(m_now, m_next);
        m_share.report(m_plan.doneAfter[m_index]); // only the first lane has somewhere to report
    }
    return SearchEnd::Completed;
}

// The sweep on `threads` threads, the calling one among them, each holding the states that hash
// to it; the counts each lane closes are added to `found`.
SearchEnd sweepInLanes(const Reduced& r, const Plan& plan, std::size_t longest, std::size_t rows,
                       std::size_t maxBytes, unsigned threads, const std::atomic<bool>* cancel, LoopCounts& found,
                       const SweepShare& share)
{
    std::vector<std::unique_ptr<Sweep>> sweeps;
    threads = std::min(threads, 64u); // a lane's number fits a move's byte
    Lanes lanes(threads);
    for (unsigned t = 0; t < threads; ++t) {
        sweeps.push_back(std::make_unique<Sweep>(r, plan, longest, rows, maxBytes));
        lanes.all.push_back(sweeps.back().get());
    }
    std::vector<LoopCounts> closed(threads);
    std::vector<SearchEnd> ends(threads, SearchEnd::Completed);
    for (unsigned t = 0; t < threads; ++t)
        sweeps[t]->enter(lanes, t);
    sweeps[0]->reportTo(share);
    {
        std::vector<std::jthread> helpers;
        for (unsigned t = 1; t < threads; ++t)
            helpers.emplace_back([&, t] { ends[t] = sweeps[t]->run(cancel, closed[t]); });
        ends[0] = sweeps[0]->run(cancel, closed[0]);
    }
    for (unsigned t = 0; t < threads; ++t) {
        if (ends[t] != SearchEnd::Completed)
            return ends[t];
        addCounts(found, closed[t]);
    }
    return SearchEnd::Completed;
}

} // namespace
} // namespace frontier

SearchEnd countByFrontier(const LoopGraph& graph, std::span<const std::uint32_t> vertices,
                          const LoopFilter& filter, std::size_t maxLength,
                          const std::atomic<bool>* cancel, std::atomic<std::uint64_t>* progress,
                          LoopCounts& counts, FrontierBudget budget, unsigned threads, SweepShare share)
{
    using namespace frontier;
    auto holds = [&](std::uint32_t v) { return std::binary_search(vertices.begin(), vertices.end(), v); };
    if ((filter.vertex && !holds(*filter.vertex)) || (filter.edge && !holds(filter.edge->first)))
        return SearchEnd::Completed; // no loop of this component passes what the filter names
    if (vertices.size() >= 0xFFFF)
        return SearchEnd::Stopped; // a loop's length would not fit a state
    LoopCounts found;
    const Reduced reduced = reduce(graph, vertices, filter, maxLength, found);
    if (reduced.vertexCount > kMaxOrdered)
        return SearchEnd::Stopped; // ordering takes time quadratic in the factors left
    // The plan's cost estimates the work, which the states' memory follows (100 factors, 224
    // links: 1.1e8, 490 MB, 8 s): far past the budget, the sweep would only find that out late.
    const double limit = double(budget.maxBytes) / 2;
    const Plan plan = makePlan(reduced, limit, threads);
    if (plan.width > std::min(budget.maxWidth, kSlots) || plan.cost > limit)
        return SearchEnd::Stopped;
    const std::size_t longest = maxLength == 0 ? vertices.size() : std::min(maxLength, vertices.size());
    const bool unknowns = std::any_of(reduced.edges.begin(), reduced.edges.end(),
                                      [](const Reduced::Edge& e) { return e.parity == Unknown; });
    const std::size_t rows = unknowns ? 3 : 2;
    SearchEnd end = SearchEnd::Completed;
    if (threads <= 1 || plan.cost < budget.shareFrom) { // small sweeps: threads cost more than they share
        Sweep sweep(reduced, plan, longest, rows, budget.maxBytes);
        sweep.reportTo(share);
        end = sweep.run(cancel, found);
    } else {
        end = sweepInLanes(reduced, plan, longest, rows, budget.maxBytes, threads, cancel, found, share);
    }
    if (end == SearchEnd::Completed) {
        addCounts(counts, found);
        // Published once sure: a sweep past its budget is counted again by the search.
        if (progress)
            progress->store(counts.total, std::memory_order_relaxed);
    }
    return end;
}

} // namespace causeway::loopdetail
