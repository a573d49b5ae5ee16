// Counting a small component's loops without meeting them: dynamic programming over subsets.

#include "model/frontiercount.h"
#include "model/loopsearch.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace causeway::loopdetail {

namespace {

// A path's polarity so far, as the frontier counter keeps it.
using frontier::Parity;
using frontier::Even;
using frontier::Odd;
using frontier::Unknown;
constexpr std::size_t kParities = 3;

Parity then(Parity p, Sign s)
{
    if (p == Unknown || s == Sign::Unknown)
        return Unknown;
    return s == Sign::Negative ? Parity(p ^ 1) : p;
}

// One component in local numbering 0..n-1 (ascending vertex order): out-edges as (target, sign).
struct Local {
    std::vector<std::vector<std::pair<std::uint32_t, Sign>>> out;
};

Local localOf(const LoopGraph& g, std::span<const std::uint32_t> vertices)
{
    Local local;
    local.out.resize(vertices.size());
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        const std::uint32_t v = vertices[i];
        for (std::uint32_t e = g.outBegin[v]; e < g.outBegin[v + 1]; ++e) {
            // Targets are in the same component (the core keeps only links inside components).
            const auto it = std::lower_bound(vertices.begin(), vertices.end(), g.target[e]);
            local.out[i].emplace_back(std::uint32_t(it - vertices.begin()), g.sign[e]);
        }
    }
    return local;
}

} // namespace

bool subsetCountable(std::size_t vertices, std::size_t edges)
{
    // Memory 2^(n-1) * (n-1) * 3 counters (about 50 MB at 18) and about 2^n * edges steps.
    return vertices <= kMaxSubsetCountVertices && (std::uint64_t(1) << vertices) * edges <= 100'000'000;
}

SearchEnd countBySubsets(const LoopGraph& g, std::span<const std::uint32_t> vertices,
                         std::optional<std::uint32_t> through, std::size_t maxLength,
                         const std::atomic<bool>* cancel, LoopCounts& counts)
{
    const Local local = localOf(g, vertices);
    const auto n = std::uint32_t(vertices.size());
    std::optional<std::uint32_t> mustHave; // local index of the factor every loop passes through
    if (through) {
        const auto it = std::lower_bound(vertices.begin(), vertices.end(), *through);
        mustHave = std::uint32_t(it - vertices.begin());
    }
    const std::size_t longest = maxLength == 0 ? n : std::min<std::size_t>(maxLength, n);
    std::vector<std::uint64_t> ways; // [mask][end][parity], end and mask over vertices above s
    for (std::uint32_t s = 0; s < n; ++s) {
        if (mustHave && s > *mustHave)
            break; // a loop's smallest vertex is at most the one it must pass through
        if (cancel && cancel->load(std::memory_order_relaxed))
            return SearchEnd::Cancelled;
        const std::uint32_t k = n - 1 - s; // vertices above s; vertex s + 1 + b is bit b
        const std::uint64_t masks = std::uint64_t(1) << k;
        ways.assign(masks * k * kParities, 0);
        auto at = [&](std::uint64_t mask, std::uint32_t end, Parity p) -> std::uint64_t& {
            return ways[(mask * k + end) * kParities + p];
        };
        // Closing a path back at s makes a loop of popcount + 1 links.
        auto close = [&](std::uint64_t mask, Sign sign, const std::uint64_t* byParity) {
            const std::size_t length = std::size_t(std::popcount(mask)) + 1;
            if (mustHave && *mustHave != s && !(mask >> (*mustHave - s - 1) & 1))
                return;
            for (std::size_t p = 0; p < kParities; ++p)
                if (byParity[p] != 0)
                    addToCounts(counts, length, frontier::polarityOfParity(then(Parity(p), sign)), byParity[p]);
        };
        const std::uint64_t start[kParities] = {1, 0, 0};
        for (const auto& [t, sign] : local.out[s]) {
            if (t == s)
                close(0, sign, start); // a self-link
            else if (t > s && longest >= 2)
                at(std::uint64_t(1) << (t - s - 1), t - s - 1, then(Even, sign)) += 1;
        }
        for (std::uint64_t mask = 1; mask < masks; ++mask) {
            if ((mask & 0xFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return SearchEnd::Cancelled;
            const bool extend = std::size_t(std::popcount(mask)) + 2 <= longest;
            for (std::uint64_t rest = mask; rest != 0; rest &= rest - 1) {
                const auto end = std::uint32_t(std::countr_zero(rest));
                const std::uint64_t* here = &at(mask, end, Even);
                if (here[0] == 0 && here[1] == 0 && here[2] == 0)
                    continue;
                for (const auto& [t, sign] : local.out[s + 1 + end]) {
                    if (t == s) {
                        close(mask, sign, here);
                    } else if (extend && t > s && !(mask >> (t - s - 1) & 1)) {
                        const std::uint64_t next = mask | std::uint64_t(1) << (t - s - 1);
                        for (std::size_t p = 0; p < kParities; ++p)
                            at(next, t - s - 1, then(Parity(p), sign)) += here[p];
                    }
                }
            }
        }
    }
    return SearchEnd::Completed;
}

} // namespace causeway::loopdetail
