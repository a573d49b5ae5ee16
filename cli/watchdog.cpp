// The --timeout clock and stderr progress line of long commands.
#include "cli/watchdog.h"

#include "io/platform.h"

#include <algorithm>
#include <iostream>

namespace causeway::cli {

Watchdog::Watchdog(double timeoutSeconds, std::function<std::string()> progress)
    : m_start(std::chrono::steady_clock::now()), m_timeout(timeoutSeconds),
      m_progress(std::move(progress)), m_showProgress(platform::isTerminal(platform::Stream::Error))
{
    if (m_timeout > 0 || m_showProgress)
        m_thread = std::thread([this] { run(); });
}

Watchdog::~Watchdog() { stop(); }

void Watchdog::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (m_printed) {
        std::cerr << "\r\033[K" << std::flush; // erase the progress line
        m_printed = false;
    }
}

void Watchdog::run()
{
    using namespace std::chrono;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const double elapsed = duration<double>(steady_clock::now() - m_start).count();
        if (m_timeout > 0 && elapsed >= m_timeout) {
            m_timedOut = true;
            m_cancel = true;
            return;
        }
        if (m_showProgress && elapsed >= 0.5) {
            std::cerr << "\r\033[K" << m_progress() << " (" << static_cast<int>(elapsed) << " s"
                      << (m_timeout > 0 ? " of " + std::to_string(static_cast<int>(m_timeout)) : "")
                      << ")" << std::flush;
            m_printed = true;
        }
        double wait = 0.5;
        if (m_timeout > 0)
            wait = std::min(wait, m_timeout - elapsed);
        m_wake.wait_for(lock, duration<double>(std::max(wait, 0.001)));
    }
}

} // namespace causeway::cli
