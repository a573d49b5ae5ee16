// The voting server: Boost.Beast over one Asio thread. Each connection reads one bounded request
// at a time and answers it through route(); /api/events streams the room's state.
#include "vote/voteserver.h"

#include "vote/voteroutes.h"

// Boost 1.74's Asio uses std::exchange without including <utility> (fixed in later Boost).
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace causeway::vote {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// A token bucket per client address: a burst, then a steady rate.
class RateLimit {
public:
    RateLimit(double rate, double burst) : m_rate(rate), m_burst(burst) {}
    bool allow(const net::ip::address& who)
    {
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        if (m_buckets.size() > 10000) // a flood of addresses: forget the idle ones
            std::erase_if(m_buckets, [&](const auto& b) { return now - b.second.last > std::chrono::seconds(60); });
        Bucket& b = m_buckets.try_emplace(who, Bucket{m_burst, now}).first->second;
        b.tokens = std::min(m_burst, b.tokens + m_rate * std::chrono::duration<double>(now - b.last).count());
        b.last = now;
        if (b.tokens < 1)
            return false;
        b.tokens -= 1;
        return true;
    }

private:
    struct Bucket {
        double tokens;
        Clock::time_point last;
    };
    std::mutex m_mutex;
    double m_rate, m_burst;
    std::map<net::ip::address, Bucket> m_buckets;
};

struct Shared {
    VoteSession& session;
    ServerLimits limits;
    std::string facilitatorToken;
    RateLimit rateLimit;
    std::atomic<std::size_t> connections = 0;
};

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, Shared& shared) : m_stream(std::move(socket)), m_shared(shared)
    {
        ++m_shared.connections;
    }
    ~Connection() { --m_shared.connections; }

    void start() { readRequest(); }

private:
    void readRequest()
    {
        m_parser.emplace();
        m_parser->body_limit(m_shared.limits.maxBodyBytes);
        m_parser->header_limit(static_cast<std::uint32_t>(m_shared.limits.maxHeaderBytes));
        m_stream.expires_after(m_shared.limits.idleTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        if (ec == http::error::body_limit || ec == http::error::header_limit) {
            const bool body = ec == http::error::body_limit;
            return send({413, "application/json",
                         body ? R"({"error":"The request is too large."})" : R"({"error":"The request's headers are too large."})",
                         false},
                        11, false);
        }
        if (ec == http::error::bad_target || ec == http::error::bad_method || ec == http::error::bad_version
            || ec == http::error::bad_field || ec == http::error::bad_value)
            return send({400, "application/json", R"({"error":"That is not an HTTP request this server understands."})", false}, 11,
                        false);
        if (ec) {
            beast::error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
            return;
        }
        const auto& req = m_parser->get();
        const unsigned version = req.version();
        const bool keepAlive = req.keep_alive();
        beast::error_code endpointError;
        const auto remote = m_stream.socket().remote_endpoint(endpointError);
        if (!endpointError && !m_shared.rateLimit.allow(remote.address()))
            return send({429, "application/json", R"({"error":"Too many requests: wait a moment and try again."})", false},
                        version, keepAlive);
        HttpRequest request{std::string(req.method_string()), std::string(req.target()),
                            std::string(req[http::field::authorization]), req.body()};
        HttpResponse response = route(m_shared.session, request, m_shared.facilitatorToken);
        if (response.eventStream)
            return startEvents(response.body);
        const bool keep = keepAlive && response.status < 400;
        send(std::move(response), version, keep);
    }

    void send(HttpResponse response, unsigned version, bool keepAlive)
    {
        auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(response.status), version);
        res->set(http::field::server, "Causeway");
        res->set(http::field::content_type, response.contentType);
        res->set(http::field::cache_control, "no-store");
        res->set("X-Content-Type-Options", "nosniff");
        res->set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
        res->keep_alive(keepAlive);
        res->body() = std::move(response.body);
        res->prepare_payload();
        http::async_write(m_stream, *res, [self = shared_from_this(), res, keepAlive](beast::error_code ec, std::size_t) {
            if (!ec && keepAlive)
                return self->readRequest();
            beast::error_code ignored;
            self->m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        });
    }

    // Server-sent events: the header, then an event whenever the room's state changes, and a
    // comment every 15 s so proxies and phones keep the connection.
    void startEvents(const std::string& first)
    {
        m_stream.expires_never();
        auto text = std::make_shared<std::string>(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
            "Connection: keep-alive\r\n\r\n" + first);
        m_lastVersion = m_shared.session.status().version;
        net::async_write(m_stream.socket(), net::buffer(*text), [self = shared_from_this(), text](beast::error_code ec, std::size_t) {
            if (!ec)
                self->waitForChange();
        });
    }

    void waitForChange()
    {
        m_timer.emplace(m_stream.socket().get_executor());
        m_timer->expires_after(std::chrono::milliseconds(400));
        m_timer->async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec)
                return;
            const RoomStatus status = self->m_shared.session.status();
            const bool changed = status.version != self->m_lastVersion || !status.open;
            ++self->m_quietTicks;
            if (!changed && self->m_quietTicks < 38)
                return self->waitForChange();
            self->m_quietTicks = 0;
            self->m_lastVersion = status.version;
            auto text = std::make_shared<std::string>(changed ? statusEvent(status) : ": still here\n\n");
            const bool last = !status.open;
            net::async_write(self->m_stream.socket(), net::buffer(*text),
                             [self, text, last](beast::error_code ec, std::size_t) {
                                 if (!ec && !last)
                                     self->waitForChange();
                             });
        });
    }

    beast::tcp_stream m_stream;
    Shared& m_shared;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<net::steady_timer> m_timer;
    std::uint64_t m_lastVersion = 0;
    int m_quietTicks = 0;
};

} // namespace

std::optional<std::string> lanAddress()
{
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return std::nullopt;
    std::optional<std::string> found;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET || !(a->ifa_flags & IFF_UP))
            continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) || std::string_view(text).starts_with("127."))
            continue;
        found = text;
        break;
    }
    freeifaddrs(list);
    return found;
}

// Requests waiting for their ballot to be written hold a thread; several threads let the
// ballots that arrive together be written at once (VoteSession's group commit) while reads go on.
constexpr int kServerThreads = 8;

struct VoteServer::Impl {
    Shared shared;
    std::string host;
    std::vector<std::thread> threads;
    // Last: destroyed first, with every connection's pending handler, while `shared` still lives.
    net::io_context io{kServerThreads};
    tcp::acceptor acceptor{io};

    Impl(VoteSession& session, ServerLimits limits)
        : shared{session, limits, makeToken(), RateLimit(limits.requestsPerSecond, limits.burst)}
    {
    }

    void accept()
    {
        // Each connection on a strand: its timeout and its reads and writes never run at once.
        acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted || !acceptor.is_open())
                return;
            if (!ec && shared.connections < shared.limits.maxConnections)
                std::make_shared<Connection>(std::move(socket), shared)->start();
            // Over the bound, the socket closes as it goes out of scope here.
            accept();
        });
    }
};

VoteServer::VoteServer(VoteSession& session, const std::string& host, std::uint16_t port, ServerLimits limits)
    : d(std::make_unique<Impl>(session, limits))
{
    beast::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec)
        throw std::runtime_error("'" + host + "' is not an IP address to listen on (for example 0.0.0.0 or 127.0.0.1).");
    const tcp::endpoint endpoint(address, port);
    d->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(endpoint, ec);
    if (!ec)
        d->acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("Cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message() + ".");
    d->host = address.is_unspecified() ? lanAddress().value_or("127.0.0.1") : host;
}

VoteServer::~VoteServer()
{
    stop();
}

std::uint16_t VoteServer::port() const
{
    beast::error_code ec;
    const auto endpoint = d->acceptor.local_endpoint(ec);
    return ec ? 0 : endpoint.port();
}

std::string VoteServer::joinUrl() const
{
    const bool v6 = d->host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + d->host + "]" : d->host) + ":" + std::to_string(port()) + "/?code="
           + d->shared.session.joinCode();
}

const std::string& VoteServer::facilitatorToken() const
{
    return d->shared.facilitatorToken;
}

void VoteServer::start()
{
    if (!d->threads.empty())
        return;
    d->accept();
    for (int i = 0; i < kServerThreads; ++i)
        d->threads.emplace_back([this] { d->io.run(); });
}

void VoteServer::stop()
{
    if (d->threads.empty())
        return;
    d->io.stop();
    for (std::thread& t : d->threads)
        t.join();
    d->threads.clear();
    beast::error_code ignored;
    d->acceptor.close(ignored);
}

} // namespace causeway::vote
