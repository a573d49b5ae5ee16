#pragma once

#include "model/loops.h"
#include "model/sils.h"
#include "model/systemmap.h"

#include <QObject>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>

class QThreadPool;
class QTimer;

namespace causeway {

// What the loop explorer asks for: the loops through an item (or all), the first `listLimit`
// shortest listed, the loops counted by length and polarity, and optionally the shortest
// independent loop set.
struct LoopJobRequest {
    std::optional<FactorId> throughFactor;
    std::optional<LinkId> throughLink;
    std::size_t listLimit = 500;
    // List only loops of this kind, so "B" shows the shortest balancing loops of the whole map,
    // not the balancing ones among the shortest loops.
    std::optional<LoopPolarity> polarity;
    bool withOverview = true;
    // Threads the count runs on: every core but one, which stays with the UI.
    unsigned countingThreads = std::max(2u, std::thread::hardware_concurrency()) - 1;
};

// Lists and counts loops off the UI thread. The shortest loops come first (findLoops with a
// limit searches by increasing length); counting then deepens the length bound 1, 2, 3, ... so
// a map with hundreds of millions of loops shows a growing "at least" figure instead of
// freezing. start() cancels the running search without waiting for it; results of an older
// start() are dropped. Signals arrive on the UI thread.
class LoopJob : public QObject {
    Q_OBJECT
public:
    static constexpr int kSharePollMs = 200;
    // How much nicer than the editor the search runs (Linux): behind the editor's own work.
    static constexpr int kCountingNice = 10;

    explicit LoopJob(QObject* parent = nullptr);
    ~LoopJob() override; // cancels and waits: the workers read a copy of the map, not this

    void start(const SystemMap& map, const LoopJobRequest& request);
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks until every search started so far has ended (tests, closing the window).
    void waitForFinished();
    std::uint64_t generation() const { return m_generation; }

signals:
    void started();
    void listed(const causeway::LoopResult& result);
    void overviewReady(const causeway::LoopSet& set);
    // All loops up to `upToLength` links counted; `complete`: no loop is longer.
    void counted(const causeway::LoopCounts& counts, std::size_t upToLength, std::size_t longest,
                 bool complete);
    void finished(bool cancelled);
    // While every loop is counted in one pass (the frontier sweep, which meets no loop one by
    // one, so no "at least" figure grows): the share of that count done, 0..1, a few times a second.
    void swept(double share);

private:
    struct Run;
    static void work(LoopJob* job, const std::shared_ptr<Run>& run);
    // Hands a result to the UI thread; dropped there unless the run is still the current one.
    template <class F>
    void post(const std::shared_ptr<Run>& run, F&& deliver);

    void pollShare();

    QThreadPool* m_pool;
    QTimer* m_poll; // reads the running count's share while one runs
    std::shared_ptr<Run> m_current;
    std::uint64_t m_generation = 0;
    bool m_running = false;
    std::uint32_t m_lastShare = 0; // millionths, as last signalled
};

} // namespace causeway
