// UpstreamClient: HTTP/1.1 and HTTPS (OpenSSL) client for one upstream model
// server, with a pool of kept-alive connections.
//
// A call borrows a connection from the pool of the calling thread's
// io_context (or opens one), writes the request and returns an Exchange once
// the response headers are in; the body is then pulled piece by piece
// (ReadSome, for server-sent events) or whole (ReadAll). When the Exchange is
// destroyed its connection goes back to the pool only if the response was read
// to the end and both sides allow keep-alive; otherwise it is closed.
//
// Retries happen only where they are safe for a non-idempotent POST (a model
// call costs money and may have effects): when connecting failed (nothing was
// sent), up to `connect_retries` times; and once when a pooled connection
// turned out to be closed by the server before any response byte arrived (the
// keep-alive race). Never after a timeout or an HTTP error status.
//
// Timeouts: the response-header and between-pieces timeouts are kept by one
// deadline timer per connection (read_deadline.h), not one per call; a call
// that times out cancels its operation and its connection is not pooled.
//
// Errors: kUnavailable when the upstream cannot be reached or the connection
// broke; kFailedPrecondition when the server's TLS certificate does not verify
// (untrusted chain, wrong host name: never retried); kResourceExhausted when a
// timeout expired (connect, response headers, or the gap between two body
// pieces); kInvalidArgument for a malformed or oversized response. Messages name the
// upstream.
//
// TLS: with tls_verify (the default) the chain must lead to the system trust
// store or to `ca_file`, and the certificate must name the URL's host (DNS
// name, or IP address for an IP literal); SNI is sent for host names.
//
// Thread-safety: UpstreamClient is thread-safe and shared by all server
// threads. An Exchange belongs to one coroutine. The client must outlive its
// Exchanges and must be destroyed after the io_contexts that used it stopped.
#ifndef HEGUI_GATEWAY_UPSTREAM_CLIENT_H_
#define HEGUI_GATEWAY_UPSTREAM_CLIENT_H_

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/status_or.h"
#include "gateway/asio.h"

namespace hegui::gateway {

// Where an upstream lives, parsed from "http[s]://host[:port][/base/path]".
struct UpstreamUrl {
  bool tls = false;
  std::string host;
  std::string port;       // "80" / "443" by default.
  std::string base_path;  // Without a trailing slash; "" for the root.
};
StatusOr<UpstreamUrl> ParseUpstreamUrl(std::string_view url);

struct UpstreamOptions {
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds response_timeout{60'000};  // Until the response headers.
  std::chrono::milliseconds read_timeout{60'000};      // Between two body pieces.
  std::chrono::milliseconds pool_idle_timeout{30'000};
  size_t max_idle_connections = 64;  // Per thread.
  int connect_retries = 1;
  bool tls_verify = true;
  std::string ca_file;  // Extra trust anchors (PEM); the system store is always used.

  friend bool operator==(const UpstreamOptions&, const UpstreamOptions&) = default;
};

class UpstreamClient {
 public:
  struct Connection;
  class Exchange;

  // `name` is used in error messages and metrics.
  static StatusOr<std::shared_ptr<UpstreamClient>> Create(std::string name, UpstreamUrl url,
                                                          UpstreamOptions options);
  ~UpstreamClient();

  const std::string& name() const { return name_; }
  const UpstreamUrl& url() const { return url_; }
  const UpstreamOptions& options() const { return options_; }

  // Kept-alive connections waiting in the pools of all threads.
  size_t idle_connections();

  // Drops the idle connections and stops pooling; call after the threads that
  // used the client stopped and before their io_contexts are destroyed.
  void Close();

  // Sends `method base_path+path` with `body` (JSON) and the given extra
  // headers, and waits for the response headers.
  net::awaitable<StatusOr<std::unique_ptr<Exchange>>> Start(
      http::verb method, std::string_view path, std::string body,
      std::vector<std::pair<std::string, std::string>> headers);

 private:
  UpstreamClient(std::string name, UpstreamUrl url, UpstreamOptions options);
  std::unique_ptr<Connection> TakeIdle(net::execution_context* context);
  void GiveBack(net::execution_context* context, std::unique_ptr<Connection> connection);
  net::awaitable<StatusOr<std::unique_ptr<Connection>>> Connect();

  std::string name_;
  UpstreamUrl url_;
  UpstreamOptions options_;
  std::unique_ptr<net::ssl::context> tls_context_;
  std::mutex mu_;
  bool closed_ = false;
  std::unordered_map<net::execution_context*, std::vector<std::unique_ptr<Connection>>> idle_;
};

class UpstreamClient::Exchange {
 public:
  ~Exchange();
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  int status() const;
  std::string header(std::string_view name) const;

  // The next piece of the body; an empty piece with done() == true at the end.
  // The view is valid until the next call.
  net::awaitable<StatusOr<std::string_view>> ReadSome();
  // The rest of the body; kInvalidArgument if it exceeds `max_bytes`.
  net::awaitable<StatusOr<std::string>> ReadAll(size_t max_bytes);
  // Reads and discards the rest of the body (at most `max_bytes`, with
  // `timeout` between pieces) so that the connection can go back to the pool
  // when the Exchange is destroyed; e.g. the end of an event stream after
  // its `data: [DONE]`.
  net::awaitable<Status> Drain(size_t max_bytes, std::chrono::milliseconds timeout);
  bool done() const;
  // Whether more of the response has arrived and waits to be read: decrypted
  // TLS bytes or bytes in the socket's receive queue. A caller that batches
  // work per pause of the upstream reads on while this holds.
  bool more_ready() const;

 private:
  friend class UpstreamClient;
  Exchange(UpstreamClient* client, net::execution_context* context,
           std::unique_ptr<Connection> connection);

  net::awaitable<StatusOr<std::string_view>> ReadSomeWithin(std::chrono::milliseconds timeout);

  struct State;
  UpstreamClient* client_;
  net::execution_context* context_;
  std::unique_ptr<Connection> connection_;
  std::unique_ptr<State> state_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_UPSTREAM_CLIENT_H_
