#include "app/loops/loopjob.h"

#include "model/countwhole.h"
#include "model/looplabels.h"

#include <QThreadPool>
#include <QTimer>

#include <algorithm>

#ifdef __linux__
#include <cerrno>

#include <sys/resource.h>
#endif

namespace causeway {

struct LoopJob::Run {
    SystemMap map;
    LoopJobRequest request;
    std::uint64_t generation = 0;
    std::atomic<bool> cancel{false};
    std::atomic<std::uint32_t> swept{0}; // LoopQuery::swept of the count in one pass
};

LoopJob::LoopJob(QObject* parent) : QObject(parent), m_pool(new QThreadPool(this)), m_poll(new QTimer(this))
{
    m_poll->setInterval(kSharePollMs);
    connect(m_poll, &QTimer::timeout, this, &LoopJob::pollShare);
    connect(this, &LoopJob::finished, m_poll, &QTimer::stop);
    // One search at a time: a restarted search queues behind the cancelled one, which stops
    // within a few thousand steps, instead of the two fighting for the machine's cores.
    m_pool->setMaxThreadCount(1);
}

LoopJob::~LoopJob()
{
    // No finished() here: the job dies with its panel, whose slots are already gone by then.
    if (m_current)
        m_current->cancel = true;
    m_pool->waitForDone();
}

void LoopJob::start(const SystemMap& map, const LoopJobRequest& request)
{
    cancel();
    auto run = std::make_shared<Run>();
    run->map = map;
    run->request = request;
    run->generation = ++m_generation;
    m_current = run;
    m_running = true;
    m_lastShare = 0;
    m_poll->start();
    emit started();
    m_pool->start([this, run] { work(this, run); });
}

void LoopJob::cancel()
{
    if (m_current)
        m_current->cancel = true;
    if (m_running) {
        m_running = false;
        m_current.reset();
        emit finished(true);
    }
}

void LoopJob::pollShare()
{
    if (!m_current)
        return;
    const std::uint32_t share = m_current->swept.load(std::memory_order_relaxed);
    if (share != m_lastShare) {
        m_lastShare = share;
        emit swept(share / 1e6);
    }
}

void LoopJob::waitForFinished()
{
    m_pool->waitForDone();
}

template <class F>
void LoopJob::post(const std::shared_ptr<Run>& run, F&& deliver)
{
    // Queued to this object: Qt drops the call if the job is deleted first (the destructor
    // waits for the worker, so `this` outlives the worker's use of it).
    QMetaObject::invokeMethod(
        this,
        [this, run, deliver = std::forward<F>(deliver)]() mutable {
            if (m_current == run && !run->cancel)
                deliver();
        },
        Qt::QueuedConnection);
}

void LoopJob::work(LoopJob* job, const std::shared_ptr<Run>& run)
{
#ifdef __linux__
    // Below the editor: a count runs for as long as the map is open, and the canvas routes its
    // links on every core after each edit (a factor dropped on a 100-factor map while counting:
    // ~66 -> ~51 ms on two cores, bench/canvas_bench). Per thread on Linux, and the counting
    // threads started from here inherit it; a count still takes any core the editor leaves idle.
    // Once per thread of the pool, from the nice the editor was started at.
    [[maybe_unused]] thread_local const bool niced = [] {
        errno = 0;
        const int now = getpriority(PRIO_PROCESS, 0);
        return errno == 0 && setpriority(PRIO_PROCESS, 0, std::min(now + kCountingNice, 19)) == 0;
    }();
#endif
    const LoopJobRequest& request = run->request;
    LoopQuery query;
    query.throughFactor = request.throughFactor;
    query.throughLink = request.throughLink;
    query.cancel = &run->cancel;
    query.threads = request.countingThreads;
    try {
        query.limit = request.listLimit;
        query.polarity = request.polarity;
        LoopResult listed = findLoops(run->map, query);
        query.polarity.reset();
        if (run->cancel)
            return;
        job->post(run, [job, listed] { emit job->listed(listed); });

        if (request.withOverview) {
            LoopSet set = shortestIndependentLoopSet(run->map, &run->cancel);
            if (run->cancel)
                return;
            job->post(run, [job, set = std::move(set)] { emit job->overviewReady(set); });
        }

        if (!listed.truncated) { // the list holds every loop: nothing left to count
            const std::size_t longest = longestPossibleLoop(run->map);
            job->post(run, [job, counts = listed.counts, longest] {
                emit job->counted(counts, longest, longest, true);
            });
            job->post(run, [job] {
                job->m_running = false;
                emit job->finished(false);
            });
            return;
        }
        query.limit = 0;
        query.swept = &run->swept;
        const std::size_t longest = longestPossibleLoop(run->map);
        // In one pass when subsets or the frontier sweep take every component: they count by
        // length whatever the bound, so counting length by length would repeat the whole work.
        const std::optional<LoopCounts> whole = countLoopsWithoutSearch(run->map, query);
        if (run->cancel)
            return;
        if (whole)
            job->post(run, [job, counts = *whole, longest] { emit job->counted(counts, longest, longest, true); });
        // Else deepening bounds while the search meets the loops: each pass recounts the shorter
        // loops, but the count grows so fast with length that the last pass costs most of the total.
        query.swept = nullptr;
        for (std::size_t length = 1; !whole && length <= longest; ++length) {
            query.maxLength = length;
            LoopResult counted = countLoops(run->map, query);
            if (counted.cancelled || run->cancel)
                return;
            const bool complete = length == longest;
            job->post(run, [job, counts = std::move(counted.counts), length, longest, complete] {
                emit job->counted(counts, length, longest, complete);
            });
        }
        if (longest == 0 && !whole)
            job->post(run, [job] { emit job->counted(LoopCounts{}, 0, 0, true); });
    } catch (const std::exception&) {
        // The request named an item the copied map does not have (the selection changed under
        // it): nothing to list; a newer run follows.
    }
    job->post(run, [job] {
        job->m_running = false;
        emit job->finished(false);
    });
}

} // namespace causeway
