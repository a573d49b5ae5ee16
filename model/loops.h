#pragma once

#include "model/ids.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace causeway {

class SystemMap;

// R: an even number of "-" links; B: odd; U: any "?" link.
enum class LoopPolarity { Reinforcing, Balancing, Unknown };
const char* loopPolarityLetter(LoopPolarity p); // "R", "B", "U"

// An elementary feedback loop. factors[i] -> factors[i+1] is links[i]; the last link closes back
// to factors[0]. factors[0] is the loop's smallest factor id, so a loop has one canonical form.
struct Loop {
    std::vector<FactorId> factors;
    std::vector<LinkId> links;
    LoopPolarity polarity = LoopPolarity::Reinforcing;
    std::size_t length() const { return links.size(); }
    bool operator==(const Loop&) const = default;
};

struct LoopQuery {
    std::optional<FactorId> throughFactor; // only loops through this factor
    std::optional<LinkId> throughLink;     // only loops through this link
    std::size_t maxLength = 0;             // 0: no bound
    std::size_t limit = 0;                 // at most this many loops listed; 0: no bound
    // findLoops lists only loops of this polarity (the limit counts those); countLoops ignores
    // it, since its counts are split by polarity anyway.
    std::optional<LoopPolarity> polarity;
    // Checked often; when it becomes true the search stops and the result says cancelled.
    const std::atomic<bool>* cancel = nullptr;
    // When set, the number of loops the search has met so far, updated every few thousand loops
    // (for a progress display on another thread).
    std::atomic<std::uint64_t>* progress = nullptr;
    // When set, how far counting without meeting loops (the frontier sweep, during which
    // `progress` stands still) has got through the components, in millionths (countLoops,
    // countLoopsWithoutSearch): after each step of a sweep, the share of the components before
    // it plus the share of its estimated work done; 1,000,000 once every component is counted
    // or left to the search (which then reports through `progress`).
    std::atomic<std::uint32_t>* swept = nullptr;
    // Threads countLoops may use (0: every core). The counts are the same whatever it is.
    unsigned threads = 1;
};

struct LoopCounts {
    std::uint64_t total = 0;
    std::uint64_t reinforcing = 0;
    std::uint64_t balancing = 0;
    std::uint64_t unknown = 0;
    std::vector<std::uint64_t> byLength; // byLength[k] = loops of length k (index 0 unused)
    // byLengthAndPolarity[k] = {R, B, U} among the loops of length k.
    std::vector<std::array<std::uint64_t, 3>> byLengthAndPolarity;
    bool operator==(const LoopCounts&) const = default;
};

struct LoopResult {
    // Shortest first; equal lengths ordered by their factor ids (lexicographic), so the same map
    // and query always give the same list.
    std::vector<Loop> loops;
    // Counts of the loops that were listed (findLoops) or of every loop (countLoops).
    LoopCounts counts;
    // True when `limit` stopped the listing while more loops exist (within maxLength).
    bool truncated = false;
    bool cancelled = false;
};

// Lists elementary loops shortest first, honouring every bound in the query. With a limit it
// searches by increasing length, so the first `limit` loops are the shortest ones.
LoopResult findLoops(const SystemMap& map, const LoopQuery& query);

// Counts loops (total, R/B/U, by length) without storing them; honours throughFactor,
// throughLink, maxLength and cancel (limit is ignored). `loops` stays empty.
LoopResult countLoops(const SystemMap& map, const LoopQuery& query);

// Hands every loop the query reaches to `visit` as the search meets it, in no useful order,
// without storing them: memory stays flat however many loops a map has. The Loop passed is
// canonical (as findLoops lists it) and reused between calls. `visit` returns false to stop.
// Honours throughFactor, throughLink, maxLength, polarity, cancel and progress (limit is
// ignored). The result's counts cover the loops visited; `loops` stays empty.
LoopResult visitLoops(const SystemMap& map, const LoopQuery& query,
                      const std::function<bool(const Loop&)>& visit);

// Polarity of a loop made of these links.
LoopPolarity classifyLoop(const SystemMap& map, const std::vector<LinkId>& links);

} // namespace causeway
