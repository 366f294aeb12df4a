// zenovay-loadgen: a small, bounded HTTP/1.1 load generator for loopback benchmarks.
// One thread, epoll, C keep-alive connections, one request in flight per connection.
//
//   zenovay-loadgen --port P [--path /e/CODE] [--connections 64] [--seconds 10]
//                   [--method POST] [--body-file event.json] [--unique]
//                   [--per-session K] [--paths K] [--header 'Name: value']...
//
// --unique rewrites the 16 characters after "@@" in the body (a marker) with a
// per-request counter, so every event is distinguishable; with --per-session K the 16
// characters after "%%" get counter / K (K consecutive events share a session id);
// with --paths K the 4 characters after "##" get one of K page numbers (a fixed
// pseudo-random spread). Prints one JSON line:
// requests, 2xx, non-2xx, failures, requests/s, p50/p99 latency (µs).
#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sstream>
#include <string>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;

struct Conn
{
    int fd = -1;
    std::string in;
    Clock::time_point sentAt;
};

struct Options
{
    int port = 0;
    std::string path = "/healthz";
    std::string method = "GET";
    std::string body;
    int connections = 64;
    double seconds = 10;
    bool unique = false;
    unsigned long long perSession = 1;
    unsigned long long paths = 0;
    std::string headers;
};

int connectTo(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    return fd;
}

// Returns the length of a complete response at the start of buf, or 0; sets status.
size_t completeResponse(const std::string &buf, int *status)
{
    const size_t end = buf.find("\r\n\r\n");
    if (end == std::string::npos)
        return 0;
    *status = std::atoi(buf.c_str() + 9);
    size_t length = 0;
    const char *cl = "content-length:";
    for (size_t i = 0; i < end; ++i) {
        if (strncasecmp(buf.c_str() + i, cl, 15) == 0) {
            length = size_t(std::atol(buf.c_str() + i + 15));
            break;
        }
    }
    return buf.size() >= end + 4 + length ? end + 4 + length : 0;
}
} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i + 1 < argc || (i < argc && std::string(argv[i]) == "--unique"); ++i) {
        const std::string k = argv[i];
        if (k == "--unique") {
            o.unique = true;
            continue;
        }
        const std::string v = argv[++i];
        if (k == "--port")
            o.port = std::atoi(v.c_str());
        else if (k == "--path")
            o.path = v;
        else if (k == "--method")
            o.method = v;
        else if (k == "--connections")
            o.connections = std::clamp(std::atoi(v.c_str()), 1, 1024);
        else if (k == "--paths")
            o.paths = std::strtoull(v.c_str(), nullptr, 10);
        else if (k == "--header")
            o.headers += v + "\r\n";
        else if (k == "--per-session")
            o.perSession = std::max(1ULL, std::strtoull(v.c_str(), nullptr, 10));
        else if (k == "--seconds")
            o.seconds = std::clamp(std::atof(v.c_str()), 0.1, 120.0);
        else if (k == "--body-file") {
            std::ifstream f(v);
            std::stringstream ss;
            ss << f.rdbuf();
            o.body = ss.str();
            while (!o.body.empty() && (o.body.back() == '\n' || o.body.back() == '\r'))
                o.body.pop_back();
        }
    }
    if (o.port <= 0) {
        std::fprintf(stderr, "usage: zenovay-loadgen --port P [--path /x] [--method POST] [--body-file f] "
                             "[--connections 64] [--seconds 10] [--unique] [--per-session K] [--paths K] "
                             "[--header 'Name: value']\n");
        return 2;
    }
    if (!o.body.empty() && o.method == "GET")
        o.method = "POST";
    const std::string head = o.method + " " + o.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + o.headers +
                             (o.body.empty() ? std::string()
                                             : "Content-Type: application/json\r\nContent-Length: " +
                                                   std::to_string(o.body.size()) + "\r\n") +
                             "\r\n";
    const size_t marker = o.body.find("@@");
    const size_t sessionMarker = o.body.find("%%");
    const size_t pathMarker = o.body.find("##");
    unsigned long long counter = 0;

    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    std::vector<Conn> conns(size_t(o.connections));
    std::vector<uint32_t> latencies;
    latencies.reserve(1 << 22);
    long long ok = 0, non2xx = 0, failures = 0;
    const auto send = [&](Conn &c) {
        std::string req = head + o.body;
        if (o.unique && marker != std::string::npos) {
            char id[17];
            std::snprintf(id, sizeof id, "%016llx", counter);
            req.replace(head.size() + marker + 2, 16, id, 16);
            if (sessionMarker != std::string::npos) {
                std::snprintf(id, sizeof id, "%016llx", counter / o.perSession);
                req.replace(head.size() + sessionMarker + 2, 16, id, 16);
            }
            if (o.paths > 0 && pathMarker != std::string::npos) {
                std::snprintf(id, sizeof id, "%04llu", (counter * 2654435761ULL >> 7) % o.paths % 10000);
                req.replace(head.size() + pathMarker + 2, 4, id, 4);
            }
            ++counter;
        }
        c.sentAt = Clock::now();
        return ::write(c.fd, req.data(), req.size()) == ssize_t(req.size());
    };
    const auto open = [&](size_t i) {
        Conn &c = conns[i];
        c.fd = connectTo(o.port);
        c.in.clear();
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT | EPOLLONESHOT;
        ev.data.u64 = i;
        ::epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
    };
    for (size_t i = 0; i < conns.size(); ++i)
        open(i);

    const auto start = Clock::now();
    const auto deadline =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
    std::vector<epoll_event> events(conns.size());
    std::vector<bool> connected(conns.size(), false);
    std::vector<bool> waiting(conns.size(), false); // a request is out, no response yet
    char buf[65536];
    // After the deadline no new request is sent; responses still owed are awaited (at most
    // 5 s) so that the counts include every request the server may have processed.
    const auto drainEnd = deadline + std::chrono::seconds(5);
    const auto outstanding = [&] { return std::find(waiting.begin(), waiting.end(), true) != waiting.end(); };
    while (Clock::now() < deadline || (Clock::now() < drainEnd && outstanding())) {
        const int n = ::epoll_wait(ep, events.data(), int(events.size()), 100);
        for (int k = 0; k < n; ++k) {
            const size_t i = events[k].data.u64;
            Conn &c = conns[i];
            bool dead = (events[k].events & (EPOLLERR | EPOLLHUP)) != 0;
            if (!dead && !connected[i] && (events[k].events & EPOLLOUT)) {
                connected[i] = true;
                if (Clock::now() < deadline) {
                    dead = !send(c);
                    waiting[i] = !dead;
                }
            } else if (!dead && (events[k].events & EPOLLIN)) {
                const ssize_t r = ::read(c.fd, buf, sizeof buf);
                if (r <= 0) {
                    dead = true;
                } else {
                    c.in.append(buf, size_t(r));
                    int status = 0;
                    if (const size_t len = completeResponse(c.in, &status)) {
                        latencies.push_back(uint32_t(
                            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - c.sentAt)
                                .count()));
                        (status >= 200 && status < 300 ? ok : non2xx) += 1;
                        c.in.erase(0, len);
                        waiting[i] = false;
                        if (Clock::now() < deadline) {
                            dead = !send(c);
                            waiting[i] = !dead;
                        }
                    }
                }
            }
            if (dead) {
                ++failures;
                waiting[i] = false;
                ::epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
                ::close(c.fd);
                connected[i] = false;
                open(i);
                continue;
            }
            epoll_event ev{};
            ev.events = EPOLLIN | EPOLLONESHOT | (connected[i] ? 0 : EPOLLOUT);
            ev.data.u64 = i;
            ::epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
        }
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    for (Conn &c : conns)
        ::close(c.fd);
    std::sort(latencies.begin(), latencies.end());
    const auto pct = [&](double p) {
        return latencies.empty()
                   ? 0u
                   : latencies[std::min(latencies.size() - 1, size_t(p * double(latencies.size())))];
    };
    std::printf("{\"path\":\"%s\",\"connections\":%d,\"seconds\":%.2f,\"responses\":%zu,\"2xx\":%lld,"
                "\"non_2xx\":%lld,\"failures\":%lld,\"per_second\":%.0f,\"ok_per_second\":%.0f,"
                "\"p50_us\":%u,\"p99_us\":%u}\n",
                o.path.c_str(), o.connections, elapsed, latencies.size(), ok, non2xx, failures,
                double(latencies.size()) / elapsed, double(ok) / elapsed, pct(0.5), pct(0.99));
    return 0;
}
