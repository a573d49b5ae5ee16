#pragma once

#include "model/ids.h"

#include <atomic>
#include <cstddef>
#include <map>
#include <vector>

namespace causeway {

class SystemMap;

enum class TraceDirection { Upstream, Downstream };

// Factors reachable from the start factors against (upstream causes) or along (downstream
// effects) the links, within `depth` steps (0: no bound), with the links used.
struct Trace {
    std::map<FactorId, std::size_t> distance; // start factors at 0
    std::vector<LinkId> links;                // links between traced factors in the direction
};
Trace traceFrom(const SystemMap& map, const std::vector<FactorId>& start, TraceDirection direction,
                std::size_t depth = 0);

struct Path {
    std::vector<FactorId> factors; // from ... to
    std::vector<LinkId> links;
    bool operator==(const Path&) const = default;
};

struct PathQuery {
    std::size_t maxLength = 0; // 0: no bound
    std::size_t limit = 0;     // 0: no bound
    const std::atomic<bool>* cancel = nullptr;
};

struct PathResult {
    std::vector<Path> paths; // shortest first; equal lengths by factor ids unless truncated
    bool truncated = false;
    bool cancelled = false;
};

// Every simple causal path from one factor to another.
PathResult findPaths(const SystemMap& map, FactorId from, FactorId to, const PathQuery& query = {});

} // namespace causeway
