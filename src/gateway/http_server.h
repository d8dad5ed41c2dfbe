// HttpServer: an asynchronous HTTP/1.1 server on a fixed pool of threads.
//
// Each thread runs its own io_context; an accepted connection lives on one of
// them for its whole life, so a connection's coroutine never runs on two
// threads at once and needs no locks. Connections are kept alive between
// requests. Limits protect the server from hostile or broken clients:
//   - a body longer than max_body_bytes gets 413 and the connection is closed;
//   - headers longer than max_header_bytes, or more than max_header_count
//     fields, get 431 and the connection is closed;
//   - a request that is not complete within read_timeout (slow client,
//     slowloris) gets 408 and the connection is closed; a connection on
//     which no byte of a request arrived (a new connection within
//     read_timeout, a kept-alive one within idle_timeout) is just closed;
//   - malformed HTTP gets 400 and the connection is closed.
// The handler sees only complete, well-formed requests within the limits.
//
// The Handler is a coroutine called once per request with a Responder; it
// must answer through it exactly once (Send) or as a stream (BeginStream,
// WriteChunk..., EndStream). If it returns without answering the server sends
// 500; if it stops mid-stream the connection is closed. The Handler must be
// callable from every server thread at once.
//
// Lifetime: the Handler (and everything it captures) must outlive the server.
// Stop() stops accepting, gives open requests up to `drain` to finish, then
// stops and joins the threads; the suspended connections (and whatever their
// coroutines hold) are destroyed by the destructor, so objects they hand
// things back to (an UpstreamClient's pool) must be closed in between.
#ifndef HEGUI_GATEWAY_HTTP_SERVER_H_
#define HEGUI_GATEWAY_HTTP_SERVER_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/status.h"
#include "core/status_or.h"
#include "gateway/asio.h"

namespace hegui::gateway {

struct ServerLimits {
  size_t max_body_bytes = 1 << 20;
  size_t max_header_bytes = 16 << 10;
  size_t max_header_count = 100;
  std::chrono::milliseconds read_timeout{10'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
};

// A request's header fields are placed in memory the server keeps for that
// request (no heap block per field); the request lives until the handler
// returns.
using HttpFieldAllocator = std::pmr::polymorphic_allocator<char>;
using HttpRequest = http::request<http::string_body, http::basic_fields<HttpFieldAllocator>>;

// The one way a handler answers a request. Not thread-safe; used only by the
// handler coroutine of its request. Every write returns a non-OK status when
// the client is gone or too slow; the handler should then stop.
class Responder {
 public:
  // `remote_address` is the client's "ip:port" (read once per connection).
  Responder(beast::tcp_stream& stream, bool keep_alive, std::chrono::milliseconds write_timeout,
            const std::string& remote_address)
      : stream_(stream),
        keep_alive_(keep_alive),
        write_timeout_(write_timeout),
        remote_address_(remote_address) {}
  Responder(const Responder&) = delete;
  Responder& operator=(const Responder&) = delete;

  // A complete response with a Content-Length: status line, headers and body
  // go out in one write (no timer is armed when the socket takes it at once).
  // `headers` (name, value) go after Content-Type; the caller keeps what
  // they view alive until the co_await is over.
  net::awaitable<Status> Send(
      int status, std::string_view content_type, std::string body,
      std::span<const std::pair<std::string_view, std::string_view>> headers = {});
  // Starts a chunked response (used for text/event-stream).
  net::awaitable<Status> BeginStream(int status, std::string_view content_type);
  net::awaitable<Status> WriteChunk(std::string_view data);
  // Ends the stream; a non-empty `last` goes out as a final chunk in the same
  // write as the end.
  net::awaitable<Status> EndStream(std::string_view last = {});

  // The client's address ("ip:port"), or "" if it could not be read.
  const std::string& remote_address() const { return remote_address_; }

  bool started() const { return started_; }
  bool finished() const { return finished_; }
  bool failed() const { return failed_; }
  // Whether the connection may carry another request after this one.
  bool keep_alive() const { return keep_alive_ && !failed_; }
  // Asks the server to close the connection after this response.
  void set_close() { keep_alive_ = false; }
  // Closes the connection without (finishing) an answer; for simulating
  // broken servers and for cutting a stream that cannot be ended cleanly.
  void Abort() {
    started_ = true;
    failed_ = true;
  }

 private:
  // The write's status; a failure marks the connection failed.
  Status Finish(boost::system::error_code ec, std::string_view what);
  // Writes `pieces` in order with one non-blocking send from the calling
  // thread (no coroutine frame, no timer); what the socket does not take at
  // once is copied to `rest`, for WriteRest.
  boost::system::error_code WriteNow(std::array<std::string_view, 3> pieces, std::string& rest);
  // Writes `rest` asynchronously within write_timeout.
  net::awaitable<boost::system::error_code> WriteRest(std::string rest);

  beast::tcp_stream& stream_;
  bool keep_alive_;
  std::chrono::milliseconds write_timeout_;
  bool started_ = false;
  bool finished_ = false;
  bool failed_ = false;
  const std::string& remote_address_;
};

using HttpHandler = std::function<net::awaitable<void>(HttpRequest& request, Responder& out)>;

class HttpServer {
 public:
  struct Options {
    std::string address = "127.0.0.1";
    uint16_t port = 0;  // 0 picks a free port; see port().
    int threads = 2;
    ServerLimits limits;
  };

  // Binds, listens and starts the threads. Errors name the address.
  static StatusOr<std::unique_ptr<HttpServer>> Start(const Options& options, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  uint16_t port() const { return port_; }
  // Number of connections open now.
  int open_connections() const { return open_connections_.load(); }

  // Stops accepting, waits up to `drain` for in-flight requests, then stops
  // the threads. Idempotent. The destructor calls it, then closes what is left.
  void Stop(std::chrono::milliseconds drain = std::chrono::milliseconds(2000));

 private:
  HttpServer(Options options, HttpHandler handler);
  net::awaitable<void> Accept();
  net::awaitable<void> Serve(tcp::socket socket);

  Options options_;
  HttpHandler handler_;
  std::vector<std::unique_ptr<net::io_context>> contexts_;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> work_;
  std::unique_ptr<tcp::acceptor> acceptor_;
  std::vector<std::thread> threads_;
  uint16_t port_ = 0;
  std::atomic<int> open_connections_{0};
  std::atomic<int> busy_requests_{0};
  std::atomic<bool> stopping_{false};
  bool stopped_ = false;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_HTTP_SERVER_H_
