#pragma once

// Private to layout/: threads that judge candidate drawings (random starts, factor swaps, the
// loop-first layout's polishing), kept through a run of short jobs.

#include "layout/layout.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace causeway::layout::detail {

// Threads judging candidate drawings: `work` of them, as many as the caller allows (by default up
// to 4). In computeLayout Graphviz lays out one start at a time (its lock); packing, routing and
// counting the others go on beside it. The choice never depends on the number.
inline unsigned judgingThreads(const LayoutOptions& options, std::size_t work)
{
    const unsigned threads = options.threads > 0 ? options.threads
                                                 : std::min(4U, std::max(1U, std::thread::hardware_concurrency()));
    return unsigned(std::min<std::size_t>(threads, std::max<std::size_t>(work, 1)));
}

// The stop asked of the layout this thread runs (LayoutOptions::stop), for the crews it starts.
inline thread_local const std::atomic<bool>* askedToStop = nullptr;

// While it lives, crews started on this thread stop when `stop` is set; a null stop keeps the
// caller's (a layout run inside another, as a guide, stops with it).
class StopScope {
public:
    explicit StopScope(const std::atomic<bool>* stop) : m_before(askedToStop)
    {
        if (stop)
            askedToStop = stop;
    }
    StopScope(const StopScope&) = delete;
    StopScope& operator=(const StopScope&) = delete;
    ~StopScope() { askedToStop = m_before; }

private:
    const std::atomic<bool>* m_before;
};

// Threads that judge candidates (starts, swaps, polishing moves), kept through a run of short
// batches (a swap pass: a few runs of a millisecond or two) rather than started for each. Between batches they
// sleep on a futex (C++20 atomic wait). They used to spin with yield: 644,000 system calls in
// three layouts of the sample map, and a core kept busy that the editor or the other process
// on a shared machine could use.
class Crew {
public:
    // Each job throws LayoutStopped instead of running once the layout on this thread is asked
    // to stop (StopScope): every long layout judges its candidates through a crew.
    explicit Crew(unsigned threads) : m_askedToStop(askedToStop)
    {
        for (unsigned i = 1; i < threads; ++i)
            m_threads.emplace_back([this] { serve(); });
    }
    Crew(const Crew&) = delete;
    Crew& operator=(const Crew&) = delete;
    ~Crew()
    {
        m_stop.store(true);
        m_generation.fetch_add(1, std::memory_order_release);
        m_generation.notify_all();
    } // the threads join as m_threads goes

    unsigned size() const { return unsigned(m_threads.size()) + 1; }

    // job(0) .. job(count - 1) on every thread, this one among them; returns when all are done
    // and every thread is waiting again. The first exception is rethrown here.
    void run(std::size_t count, const std::function<void(std::size_t)>& job)
    {
        m_job = &job;
        m_count = count;
        m_next.store(0);
        m_waiting.store(0);
        m_failed = nullptr;
        m_generation.fetch_add(1, std::memory_order_release);
        m_generation.notify_all();
        work();
        const auto helpers = std::uint32_t(m_threads.size());
        for (std::uint32_t done = 0; (done = m_waiting.load(std::memory_order_acquire)) < helpers;)
            m_waiting.wait(done, std::memory_order_acquire);
        if (m_failed)
            std::rethrow_exception(m_failed);
    }

    // The first k in 0 .. count - 1, in order, for which job(k) is true; count when there is none.
    // Jobs are handed out in order and those after one found true are skipped, so every job before
    // the answer has run and the answer is the one a single thread trying them in turn finds,
    // without the threads waiting for each other between batches. So is a failure: a job that
    // throws before the answer rethrows here; one after it, already running, is forgotten.
    std::size_t firstThat(std::size_t count, const std::function<bool(std::size_t)>& job)
    {
        std::atomic<std::size_t> first{count};
        std::mutex failing;
        std::size_t failedAt = count;
        std::exception_ptr failure;
        run(count, [&](std::size_t k) {
            if (k > first.load(std::memory_order_relaxed))
                return;
            bool found = false;
            try {
                found = job(k);
            } catch (...) {
                const std::lock_guard lock(failing);
                if (k < failedAt)
                    failedAt = k, failure = std::current_exception();
                return;
            }
            if (!found)
                return;
            for (std::size_t now = first.load(std::memory_order_relaxed);
                 k < now && !first.compare_exchange_weak(now, k, std::memory_order_relaxed);) {
            }
        });
        if (failure && failedAt < first.load())
            std::rethrow_exception(failure);
        return first.load();
    }

private:
    void serve()
    {
        askedToStop = m_askedToStop; // crews started by this crew's jobs stop with it
        std::uint32_t seen = 0;
        for (;;) {
            m_generation.wait(seen, std::memory_order_acquire);
            seen = m_generation.load(std::memory_order_acquire);
            if (m_stop.load())
                return;
            work();
            m_waiting.fetch_add(1, std::memory_order_release);
            m_waiting.notify_one();
        }
    }

    void work()
    {
        for (std::size_t k = 0; (k = m_next.fetch_add(1)) < m_count;) {
            try {
                if (m_askedToStop && m_askedToStop->load(std::memory_order_relaxed)) {
                    m_next.store(m_count); // the jobs left are not started
                    throw LayoutStopped();
                }
                (*m_job)(k);
            } catch (...) {
                const std::lock_guard lock(m_failing);
                if (!m_failed)
                    m_failed = std::current_exception();
            }
        }
    }

    const std::atomic<bool>* m_askedToStop;
    const std::function<void(std::size_t)>* m_job = nullptr;
    std::size_t m_count = 0;
    std::atomic<std::size_t> m_next{0};
    // 32 bits: the width a futex waits on (wider atomics wait through a shared table).
    std::atomic<std::uint32_t> m_waiting{0};
    std::atomic<std::uint32_t> m_generation{0};
    std::atomic<bool> m_stop{false};
    std::mutex m_failing;
    std::exception_ptr m_failed;
    std::vector<std::jthread> m_threads; // last: joined first, while the rest still exists
};

} // namespace causeway::layout::detail
