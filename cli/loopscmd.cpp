// causeway-cli loops: list or count feedback loops, bounded by --limit, --max-length and
// --timeout, streaming when asked for every loop.
#include "cli/commands.h"
#include "cli/terminaltext.h"
#include "cli/watchdog.h"

#include "io/mapfile.h"
#include "model/loops.h"
#include "model/nominations.h"
#include "model/systemmap.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <stdexcept>

namespace causeway::cli {

namespace {

// Below this many loops `--limit 0` prints them sorted, shortest first, as any other limit does;
// past it they are streamed as found, so memory stays flat on maps with 10^8 loops.
constexpr std::size_t kSortedBelow = 100000;

// A factor label, or "From -> To" naming a link (as ballots name items).
void resolveThrough(const SystemMap& map, const std::string& text, LoopQuery& query)
{
    const std::optional<ItemRef> item = findItemByName(map, text);
    if (!item)
        throw std::runtime_error(text.find("->") != std::string::npos
                                     ? "There is no link " + text + " in the map."
                                     : "There is no factor labelled '" + text + "' in the map.");
    if (item->isLink())
        query.throughLink = item->link;
    else
        query.throughFactor = item->factor;
}

nlohmann::json summaryJson(const LoopCounts& c, bool truncated, bool complete)
{
    nlohmann::json out = {{"count", c.total},
                          {"reinforcing", c.reinforcing},
                          {"balancing", c.balancing},
                          {"unknown", c.unknown},
                          {"truncated", truncated},
                          {"complete", complete}};
    nlohmann::json byLength = nlohmann::json::object();
    nlohmann::json split = nlohmann::json::object();
    for (std::size_t k = 1; k < c.byLength.size(); ++k)
        if (c.byLength[k]) {
            byLength[std::to_string(k)] = c.byLength[k];
            split[std::to_string(k)] = {{"R", c.byLengthAndPolarity[k][0]},
                                        {"B", c.byLengthAndPolarity[k][1]},
                                        {"U", c.byLengthAndPolarity[k][2]}};
        }
    out["byLength"] = byLength;
    out["byLengthAndPolarity"] = split;
    return out;
}

std::string summaryText(const LoopCounts& c, const std::string& listed, bool complete)
{
    return std::to_string(c.total) + (c.total == 1 ? " loop" : " loops") + listed + ": "
           + std::to_string(c.reinforcing) + " reinforcing, " + std::to_string(c.balancing)
           + " balancing, " + std::to_string(c.unknown) + " unknown"
           + (complete ? "" : " (incomplete: stopped by --timeout; more loops may exist)");
}

// Prints loops one at a time, named R1, B1, U1... in the order printed.
class LoopPrinter {
public:
    LoopPrinter(const SystemMap& map, bool json) : m_map(map), m_json(json) {}

    void print(const Loop& loop)
    {
        if (m_json) {
            nlohmann::json factors = nlohmann::json::array();
            for (FactorId f : loop.factors)
                factors.push_back(m_map.factor(f).label);
            std::cout << (m_printed++ ? "," : "")
                      << nlohmann::json{{"polarity", loopPolarityLetter(loop.polarity)},
                                        {"length", loop.length()},
                                        {"factors", factors}}
                             .dump();
            return;
        }
        ++m_printed;
        const std::size_t n = ++m_named[static_cast<std::size_t>(loop.polarity)];
        std::string line = loopPolarityLetter(loop.polarity) + std::to_string(n) + "\t"
                           + std::to_string(loop.length()) + "\t";
        for (FactorId f : loop.factors)
            line += terminalSafe(m_map.factor(f).label) + " -> ";
        std::cout << line << terminalSafe(m_map.factor(loop.factors.front()).label) << '\n';
    }

private:
    const SystemMap& m_map;
    bool m_json;
    std::size_t m_printed = 0;
    std::size_t m_named[3] = {0, 0, 0};
};

// Every loop (--limit 0): sorted when there are few, streamed as found when there are many.
bool streamEveryLoop(const SystemMap& map, const LoopQuery& query, const LoopsOptions& options,
                     const Watchdog& watchdog)
{
    LoopPrinter printer(map, options.json);
    std::vector<Loop> firstFew;
    bool streaming = false;
    if (options.json)
        std::cout << "{\"loops\":[";
    const LoopResult result = visitLoops(map, query, [&](const Loop& loop) {
        if (streaming) {
            printer.print(loop);
        } else if (firstFew.size() < kSortedBelow) {
            firstFew.push_back(loop);
        } else {
            streaming = true;
            for (const Loop& held : firstFew)
                printer.print(held);
            firstFew = {};
            printer.print(loop);
        }
        return true;
    });
    const bool complete = !result.cancelled && !watchdog.timedOut();
    if (!streaming) {
        std::sort(firstFew.begin(), firstFew.end(), [](const Loop& a, const Loop& b) {
            return a.length() != b.length() ? a.length() < b.length() : a.factors < b.factors;
        });
        if (!options.json)
            std::cout << summaryText(result.counts, "", complete) << '\n';
        for (const Loop& loop : firstFew)
            printer.print(loop);
    }
    if (options.json)
        std::cout << "]," << summaryJson(result.counts, false, complete).dump().substr(1) << '\n';
    else if (streaming)
        std::cout << summaryText(result.counts, " listed as found (not sorted)", complete) << '\n';
    return complete;
}

} // namespace

int runLoops(const LoopsOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    LoopQuery query;
    query.maxLength = options.maxLength;
    query.limit = options.limit;
    query.threads = options.threads;
    if (options.through)
        resolveThrough(map, *options.through, query);

    std::atomic<std::uint64_t> found{0};
    Watchdog watchdog(options.timeout, [&] {
        return (options.countOnly ? "counting loops: " : "finding loops: ")
               + std::to_string(found.load(std::memory_order_relaxed)) + " so far";
    });
    query.cancel = watchdog.cancel();
    query.progress = &found;

    if (!options.countOnly && options.limit == 0) {
        const bool complete = streamEveryLoop(map, query, options, watchdog);
        watchdog.stop();
        return complete ? 0 : kExitTimedOut;
    }
    const LoopResult result = options.countOnly ? countLoops(map, query) : findLoops(map, query);
    watchdog.stop();
    const bool complete = !result.cancelled && !watchdog.timedOut();
    LoopPrinter printer(map, options.json);
    if (options.json) {
        if (!options.countOnly) {
            std::cout << "{\"loops\":[";
            for (const Loop& loop : result.loops)
                printer.print(loop);
            std::cout << "],"
                      << summaryJson(result.counts, result.truncated, complete).dump().substr(1)
                      << '\n';
        } else {
            std::cout << summaryJson(result.counts, false, complete).dump() << '\n';
        }
    } else {
        std::cout << summaryText(result.counts,
                                 result.truncated ? " listed (the shortest; more exist)" : "",
                                 complete)
                  << '\n';
        for (const Loop& loop : result.loops)
            printer.print(loop);
    }
    return complete ? 0 : kExitTimedOut;
}

} // namespace causeway::cli
