// Ordering a contracted component for the frontier counter: a narrow frontier, and what each
// step of the sweep adds, removes and can no longer use.

#include "model/frontiercount.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

namespace causeway::loopdetail::frontier {

namespace {

// How many starting factors the ordering tries: up to 64, fewer in big components (each try
// takes time quadratic in the factors).
std::uint32_t startsFor(std::uint32_t n)
{
    return std::uint32_t(std::clamp<std::uint64_t>(4'000'000 / (std::uint64_t(n) * n + 1), 1, 64));
}

// Greedy order from `start`: next the factor that leaves the frontier smallest, among those
// next to it.
std::vector<std::uint32_t> sweepOrder(const std::vector<std::vector<std::uint32_t>>& neighbours,
                                      std::uint32_t start)
{
    const auto n = std::uint32_t(neighbours.size());
    std::vector<std::uint32_t> order, waiting(n), candidates;
    std::vector<bool> done(n, false), seen(n, false);
    for (std::uint32_t v = 0; v < n; ++v)
        waiting[v] = std::uint32_t(neighbours[v].size());
    std::size_t frontier = 0;
    seen[start] = true;
    candidates.push_back(start);
    while (order.size() < n) {
        std::erase_if(candidates, [&](std::uint32_t v) { return done[v]; });
        if (candidates.empty()) { // a new part: start at its least connected factor
            std::uint32_t first = UINT32_MAX;
            for (std::uint32_t v = 0; v < n; ++v)
                if (!done[v] && (first == UINT32_MAX || waiting[v] < waiting[first]))
                    first = v;
            seen[first] = true;
            candidates.push_back(first);
        }
        std::uint32_t best = candidates.front();
        std::size_t bestSize = SIZE_MAX;
        for (std::uint32_t v : candidates) {
            std::size_t leaving = 0;
            for (std::uint32_t u : neighbours[v])
                leaving += done[u] && waiting[u] == 1;
            const std::size_t size = frontier - leaving + (waiting[v] > 0);
            if (size < bestSize || (size == bestSize && waiting[v] < waiting[best]))
                best = v, bestSize = size;
        }
        order.push_back(best);
        done[best] = true;
        frontier = bestSize;
        for (std::uint32_t u : neighbours[best]) {
            --waiting[u];
            if (!done[u] && !seen[u])
                seen[u] = true, candidates.push_back(u);
        }
    }
    return order;
}

// Roughly the work of sweeping in an order: the states before each step (2 per factor on the
// frontier with links left to take one way, 4 per factor with links left both ways: unused, on
// the loop, or a path end waiting for a link in or one out; multiplied) times the ways to take
// the entering factor, summed over the steps. It ignores how path ends pair up, so it is low
// on dense components.
class OrderCost {
public:
    explicit OrderCost(const Reduced& r)
        : m_position(r.vertexCount), m_change(r.vertexCount + 1), m_term(r.vertexCount),
          m_power(2 * std::size_t(r.vertexCount) + 1)
    {
        // Each factor's links in, then out, in one array (the annealing calls this ~10^6 times).
        std::vector<std::uint32_t> in(r.vertexCount), out(r.vertexCount);
        for (const Reduced::Edge& e : r.edges)
            ++in[e.to], ++out[e.from];
        m_first.resize(r.vertexCount + 1);
        m_ins.resize(r.vertexCount);
        for (std::uint32_t v = 0; v < r.vertexCount; ++v)
            m_first[v + 1] = m_first[v] + in[v] + out[v], m_ins[v] = in[v];
        m_ends.resize(m_first.back());
        std::vector<std::uint32_t> fill(m_first.begin(), m_first.end() - 1);
        for (const Reduced::Edge& e : r.edges)
            m_ends[fill[e.to]++] = e.from;
        for (const Reduced::Edge& e : r.edges)
            m_ends[fill[e.from]++] = e.to;
        for (std::size_t b = 0; b < m_power.size(); ++b)
            m_power[b] = std::ldexp(1.0, int(b));
    }
    // Work per call, in vertices and edges visited.
    std::size_t work() const { return m_position.size() * 2 + m_ends.size() / 2; }
    double operator()(const std::vector<std::uint32_t>& order)
    {
        const auto n = std::uint32_t(order.size());
        for (std::uint32_t i = 0; i < n; ++i)
            m_position[order[i]] = i;
        std::fill(m_change.begin(), m_change.end(), 0);
        for (std::uint32_t v = 0; v < n; ++v) {
            const std::uint32_t at = m_position[v];
            std::uint32_t lastIn = at, lastOut = at, in = 0, out = 0;
            const std::uint32_t* e = m_ends.data() + m_first[v];
            const std::uint32_t* outs = e + m_ins[v];
            for (; e != outs; ++e)
                lastIn = std::max(lastIn, m_position[*e]), in += m_position[*e] < at;
            for (const std::uint32_t* last = m_ends.data() + m_first[v + 1]; e != last; ++e)
                lastOut = std::max(lastOut, m_position[*e]), out += m_position[*e] < at;
            // The states before the step, each taking the factor in none or some of its ways.
            m_term[at] = double((1 + in) * (1 + out));
            m_change[at] += 2;
            --m_change[std::max(lastIn, lastOut)];
            --m_change[std::min(lastIn, lastOut)];
        }
        return summed(n, [](std::uint32_t, double) {});
    }
    // For each step of the order, the share of its cost done once the step is taken.
    std::vector<double> doneAfter(const std::vector<std::uint32_t>& order)
    {
        std::vector<double> sums(order.size());
        const double total = (*this)(order); // fills m_term and m_change for this order
        summed(std::uint32_t(order.size()), [&](std::uint32_t i, double sum) { sums[i] = sum; });
        std::vector<double> done(order.size(), 1.0);
        for (std::size_t i = 0; i < order.size() && total > 0; ++i)
            done[i] = std::min(1.0, sums[i] / total);
        return done;
    }

private:
    // The cost of the order whose terms and changes are in place, step by step: `each(i, sum)`
    // sees the sum up to and with step i.
    template <class Each>
    double summed(std::uint32_t n, Each&& each) const
    {
        double cost = 0;
        int bits = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
            cost += m_term[i] * m_power[std::size_t(bits)];
            bits += m_change[i];
            each(i, cost);
        }
        return cost;
    }

    std::vector<std::uint32_t> m_first, m_ins, m_ends; // factor -> its links' other ends, in then out
    std::vector<std::uint32_t> m_position;
    std::vector<int> m_change;
    std::vector<double> m_term;  // step -> the ways to take its factor
    std::vector<double> m_power; // 2^b
};

// Improves an order by simulated annealing (moving one factor elsewhere, or swapping two), at
// most `tries` orders tried; the same order and seed in give the same order out. Returns its cost.
double anneal(OrderCost& costOf, std::vector<std::uint32_t>& order, double cost, std::size_t tries,
              unsigned seed = 1)
{
    const std::size_t n = order.size();
    if (n < 3)
        return cost;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    std::vector<std::uint32_t> trial, best = order;
    double now = std::log(cost), least = now;
    for (std::size_t k = 0; k < tries; ++k) {
        const double temperature = 0.5 * (1.0 - double(k) / double(tries)) + 1e-3;
        const std::size_t i = rng() % n, j = rng() % n;
        if (i == j)
            continue;
        trial = order;
        if (rng() & 1) {
            trial.erase(trial.begin() + std::ptrdiff_t(i));
            trial.insert(trial.begin() + std::ptrdiff_t(j), order[i]);
        } else {
            std::swap(trial[i], trial[j]);
        }
        const double c = std::log(costOf(trial));
        if (c <= now || chance(rng) < std::exp((now - c) / temperature)) {
            now = c;
            order.swap(trial);
            if (now < least)
                least = now, best = order;
        }
    }
    order = std::move(best);
    return std::exp(least);
}

// Anneals as two chains from the same order (seeds 1 and 2), `tries` between them, side by side
// when there are threads for both; the better order wins, the first on a tie, so the order is the
// same on one thread or two.
double annealInTwo(const Reduced& r, OrderCost& costOf, std::vector<std::uint32_t>& order, double cost,
                   std::size_t tries, unsigned threads)
{
    std::vector<std::uint32_t> other = order;
    double otherCost = cost;
    {
        std::jthread second;
        auto run = [&] {
            OrderCost own(r);
            otherCost = anneal(own, other, otherCost, tries / 2, 2);
        };
        if (threads > 1)
            second = std::jthread(run);
        else
            run();
        cost = anneal(costOf, order, cost, tries / 2);
    }
    if (otherCost < cost)
        cost = otherCost, order.swap(other);
    return cost;
}

void markBlocked(const Reduced& r, Plan& plan)
{
    std::vector<std::uint32_t> lastIn(r.vertexCount, 0), lastOut(r.vertexCount, 0);
    for (const Reduced::Edge& e : r.edges) {
        const std::uint32_t step = std::max(plan.position[e.from], plan.position[e.to]);
        lastIn[e.to] = std::max(lastIn[e.to], step);
        lastOut[e.from] = std::max(lastOut[e.from], step);
    }
    for (std::uint32_t v = 0; v < r.vertexCount; ++v) {
        const std::uint8_t through = r.through == v ? kThrough : 0;
        for (std::uint32_t i = plan.position[v]; i < plan.leaves[v]; ++i) {
            const std::uint8_t flags = std::uint8_t((lastIn[v] <= i ? kNoIn : 0) | (lastOut[v] <= i ? kNoOut : 0));
            if (flags)
                plan.steps[i].blocked.emplace_back(plan.slotOf[v], std::uint8_t(flags | through));
        }
    }
}

} // namespace

Plan makePlan(const Reduced& r, double limit, unsigned threads)
{
    const std::uint32_t n = r.vertexCount;
    std::vector<std::vector<std::uint32_t>> neighbours(n);
    for (const Reduced::Edge& e : r.edges) {
        neighbours[e.from].push_back(e.to);
        neighbours[e.to].push_back(e.from);
    }
    for (auto& list : neighbours) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    Plan plan;
    // The best greedy order from a few starts (every factor in a small component).
    OrderCost costOf(r);
    std::vector<std::uint32_t> order;
    double least = HUGE_VAL;
    const std::uint32_t step = std::max<std::uint32_t>(1, n / startsFor(n));
    for (std::uint32_t start = 0; start < n; start += step) {
        std::vector<std::uint32_t> tried = sweepOrder(neighbours, start);
        if (const double cost = costOf(tried); cost < least)
            least = cost, order = std::move(tried);
    }
    // Then annealed briefly, and again for longer the more work that order still makes (about a
    // 20th of the sweep's time), within 10^8 vertices and edges visited. An order still far past
    // `limit` is given up at once (longer annealing lowered the estimate 2-12 times on random
    // maps), and one past it gets a short try only: a count bounded by length on a dense map
    // asks for a plan at every bound, and is then counted by the search.
    plan.cost = anneal(costOf, order, least, 4000);
    double tries = std::min(plan.cost / 64.0, 1e8 / double(costOf.work()));
    if (plan.cost > limit)
        tries = plan.cost > 64 * limit ? 0 : std::min(tries, 20000.0);
    if (tries >= 1000)
        plan.cost = annealInTwo(r, costOf, order, plan.cost, std::size_t(tries), threads);
    plan.doneAfter = costOf.doneAfter(order);
    plan.position.resize(n);
    for (std::uint32_t i = 0; i < n; ++i)
        plan.position[order[i]] = i;
    // A factor leaves once it and all its neighbours are in.
    std::vector<std::uint32_t>& leaves = plan.leaves;
    leaves.resize(n);
    plan.steps.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        leaves[v] = plan.position[v];
        for (std::uint32_t u : neighbours[v])
            leaves[v] = std::max(leaves[v], plan.position[u]);
    }
    std::vector<std::uint8_t>& slotOf = plan.slotOf;
    slotOf.resize(n);
    std::vector<std::uint8_t> freeSlots;
    std::size_t used = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (freeSlots.empty())
            freeSlots.push_back(std::uint8_t(std::min<std::size_t>(used++, 255)));
        slotOf[order[i]] = plan.steps[i].slot = freeSlots.back();
        freeSlots.pop_back();
        plan.width = std::max(plan.width, used - freeSlots.size());
        for (std::uint32_t v : neighbours[order[i]])
            if (leaves[v] == i)
                plan.steps[i].leaving.push_back(slotOf[v]);
        if (leaves[order[i]] == i)
            plan.steps[i].leaving.push_back(slotOf[order[i]]);
        for (std::uint8_t s : plan.steps[i].leaving)
            freeSlots.push_back(s);
    }
    for (const Reduced::Edge& e : r.edges) {
        const std::uint32_t step = std::max(plan.position[e.from], plan.position[e.to]);
        Reduced::Edge bySlot = e;
        bySlot.from = slotOf[e.from];
        bySlot.to = slotOf[e.to];
        auto& list = plan.position[e.to] == step ? plan.steps[step].in : plan.steps[step].out;
        list.push_back(bySlot);
        if (e.required)
            plan.lastRequired = std::max<std::size_t>(plan.lastRequired, step);
    }
    markBlocked(r, plan);
    return plan;
}

} // namespace causeway::loopdetail::frontier
