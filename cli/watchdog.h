#pragma once

// Bounds a long command: a --timeout that cancels the search, and a progress line on stderr
// while it runs (only when stderr is a terminal, so scripts and logs stay clean).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace causeway::cli {

// Exit status of a command stopped by --timeout: what it printed is incomplete.
inline constexpr int kExitTimedOut = 3;

class Watchdog {
public:
    // timeoutSeconds <= 0: no time limit. `progress` describes the work done so far; it is called
    // from the watchdog's thread, so it may read atomics only.
    Watchdog(double timeoutSeconds, std::function<std::string()> progress);
    ~Watchdog(); // stops the thread and clears the progress line
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // Pass to the search: it becomes true when the time is up.
    const std::atomic<bool>* cancel() const { return &m_cancel; }
    bool timedOut() const { return m_timedOut.load(); }
    // Stops the clock and clears the progress line before the result is printed.
    void stop();

private:
    void run();

    std::chrono::steady_clock::time_point m_start;
    double m_timeout;
    std::function<std::string()> m_progress;
    bool m_showProgress;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_timedOut{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_printed = false;
    std::thread m_thread;
};

} // namespace causeway::cli
