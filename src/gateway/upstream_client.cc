#include "gateway/upstream_client.h"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <array>
#include <limits>
#include <memory_resource>
#include <tuple>

#include "gateway/read_deadline.h"

namespace hegui::gateway {

namespace {
constexpr auto kUse = net::use_awaitable;
constexpr size_t kPieceBytes = 16 << 10;

bool IsStaleConnection(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == net::error::broken_pipe ||
         ec == net::ssl::error::stream_truncated;
}
}  // namespace

StatusOr<UpstreamUrl> ParseUpstreamUrl(std::string_view url) {
  UpstreamUrl out;
  std::string_view rest;
  if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    out.tls = true;
    rest = url.substr(8);
  } else {
    return InvalidArgumentError("'" + std::string(url) + "' must start with http:// or https://");
  }
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) {
    out.base_path = std::string(rest.substr(slash));
    while (!out.base_path.empty() && out.base_path.back() == '/') out.base_path.pop_back();
  }
  if (authority.empty()) return InvalidArgumentError("'" + std::string(url) + "' has no host");
  size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    out.host = std::string(authority.substr(0, colon));
    out.port = std::string(authority.substr(colon + 1));
    if (out.port.empty() || out.port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(out.port) == 0 || std::stoul(out.port) > 65535) {
      return InvalidArgumentError("'" + std::string(url) + "' has an invalid port");
    }
  } else {
    out.host = std::string(authority);
    out.port = out.tls ? "443" : "80";
  }
  if (out.host.size() > 2 && out.host.front() == '[' && out.host.back() == ']') {
    out.host = out.host.substr(1, out.host.size() - 2);
  }
  if (out.host.empty()) return InvalidArgumentError("'" + std::string(url) + "' has no host");
  return out;
}

struct UpstreamClient::Connection {
  std::unique_ptr<beast::tcp_stream> plain;
  std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> tls;
  beast::flat_buffer buffer;
  // Where ReadSome puts the body bytes of each read (its result views them
  // until the next read). Kept with the connection, so that an exchange
  // allocates (and clears) no 16 KiB buffer of its own.
  std::array<char, kPieceBytes> piece;
  std::chrono::steady_clock::time_point idle_since;
  // The response and read timeouts: one timer for the connection's life
  // (declared last: destroyed before the stream it cancels).
  std::unique_ptr<ReadDeadline> deadline;

  beast::tcp_stream& tcp() { return tls ? tls->next_layer() : *plain; }
};

struct UpstreamClient::Exchange::State {
  // (User-provided: a value-initialised State would clear field_bytes first.)
  State()
      : fields(field_bytes.data(), field_bytes.size()),
        parser(std::piecewise_construct, std::make_tuple(),
               std::make_tuple(std::pmr::polymorphic_allocator<char>(&fields))) {}

  // The answer's header fields and reason are placed here rather than in a
  // heap block each; a header larger than this takes heap blocks as before.
  std::array<std::byte, 1024> field_bytes;
  std::pmr::monotonic_buffer_resource fields;
  http::response_parser<http::buffer_body, std::pmr::polymorphic_allocator<char>> parser;
};

UpstreamClient::UpstreamClient(std::string name, UpstreamUrl url, UpstreamOptions options)
    : name_(std::move(name)), url_(std::move(url)), options_(std::move(options)) {}

UpstreamClient::~UpstreamClient() = default;

StatusOr<std::shared_ptr<UpstreamClient>> UpstreamClient::Create(std::string name, UpstreamUrl url,
                                                                 UpstreamOptions options) {
  std::shared_ptr<UpstreamClient> client(
      new UpstreamClient(std::move(name), std::move(url), std::move(options)));
  if (client->url_.tls) {
    client->tls_context_ = std::make_unique<net::ssl::context>(net::ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(client->tls_context_->native_handle(), TLS1_2_VERSION);
    boost::system::error_code ec;
    client->tls_context_->set_default_verify_paths(ec);
    if (ec) return UnavailableError("upstream '" + client->name_ + "': " + ec.message());
    if (!client->options_.ca_file.empty()) {
      client->tls_context_->load_verify_file(client->options_.ca_file, ec);
      if (ec) {
        return InvalidArgumentError("upstream '" + client->name_ + "': ca_file '" +
                                    client->options_.ca_file + "': " + ec.message());
      }
    }
    client->tls_context_->set_verify_mode(client->options_.tls_verify ? net::ssl::verify_peer
                                                                      : net::ssl::verify_none);
  }
  return client;
}

void UpstreamClient::Close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  idle_.clear();
}

std::unique_ptr<UpstreamClient::Connection> UpstreamClient::TakeIdle(
    net::execution_context* context) {
  std::lock_guard lock(mu_);
  auto it = idle_.find(context);
  if (it == idle_.end()) return nullptr;
  auto now = std::chrono::steady_clock::now();
  while (!it->second.empty()) {
    std::unique_ptr<Connection> c = std::move(it->second.back());
    it->second.pop_back();
    if (now - c->idle_since < options_.pool_idle_timeout) return c;
  }
  return nullptr;
}

void UpstreamClient::GiveBack(net::execution_context* context,
                              std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mu_);
  if (closed_) return;
  auto& pool = idle_[context];
  if (pool.size() >= options_.max_idle_connections) return;
  connection->idle_since = std::chrono::steady_clock::now();
  pool.push_back(std::move(connection));
}

net::awaitable<StatusOr<std::unique_ptr<UpstreamClient::Connection>>> UpstreamClient::Connect() {
  auto executor = co_await net::this_coro::executor;
  boost::system::error_code ec;
  tcp::resolver resolver(executor);
  auto endpoints =
      co_await resolver.async_resolve(url_.host, url_.port, net::redirect_error(kUse, ec));
  if (ec) {
    co_return UnavailableError("upstream '" + name_ + "': cannot resolve '" + url_.host +
                               "': " + ec.message());
  }
  auto connection = std::make_unique<Connection>();
  if (url_.tls) {
    connection->tls =
        std::make_unique<beast::ssl_stream<beast::tcp_stream>>(executor, *tls_context_);
  } else {
    connection->plain = std::make_unique<beast::tcp_stream>(executor);
  }
  connection->tcp().expires_after(options_.connect_timeout);
  co_await connection->tcp().async_connect(endpoints, net::redirect_error(kUse, ec));
  if (ec == beast::error::timeout) {
    co_return ResourceExhaustedError("upstream '" + name_ + "': connecting timed out after " +
                                     std::to_string(options_.connect_timeout.count()) + " ms");
  }
  if (ec) {
    co_return UnavailableError("upstream '" + name_ + "': cannot connect to " + url_.host + ":" +
                               url_.port + ": " + ec.message());
  }
  connection->tcp().socket().set_option(tcp::no_delay(true), ec);
  connection->tcp().socket().non_blocking(true, ec);
  if (ec) {
    co_return UnavailableError("upstream '" + name_ +
                               "': cannot make the socket non-blocking: " + ec.message());
  }
  if (url_.tls) {
    SSL* ssl = connection->tls->native_handle();
    boost::system::error_code ip_ec;
    (void)net::ip::make_address(url_.host, ip_ec);
    bool host_is_ip = !ip_ec;
    // SNI carries host names only (RFC 6066).
    if (!host_is_ip && !SSL_set_tlsext_host_name(ssl, url_.host.c_str())) {
      co_return UnavailableError("upstream '" + name_ + "': cannot set TLS server name");
    }
    if (options_.tls_verify) {
      // OpenSSL checks the name during the chain verification, so a mismatch
      // fails the handshake with X509_V_ERR_HOSTNAME_MISMATCH / IP_ADDRESS_MISMATCH.
      X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
      X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
      int set = host_is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, url_.host.c_str())
                           : SSL_set1_host(ssl, url_.host.c_str());
      if (set != 1) {
        co_return UnavailableError("upstream '" + name_ + "': cannot set the expected TLS name");
      }
    }
    co_await connection->tls->async_handshake(net::ssl::stream_base::client,
                                              net::redirect_error(kUse, ec));
    if (ec) {
      long verify = SSL_get_verify_result(ssl);
      if (options_.tls_verify && verify != X509_V_OK) {
        // Not kUnavailable: retrying cannot help, the certificate is wrong.
        co_return FailedPreconditionError(
            "upstream '" + name_ + "': the TLS certificate of " + url_.host + ":" + url_.port +
            " is not trusted: " + X509_verify_cert_error_string(verify) +
            " (check the upstream's ca_file and host name)");
      }
      co_return UnavailableError("upstream '" + name_ + "': TLS handshake with " + url_.host + ":" +
                                 url_.port + " failed: " + ec.message());
    }
  }
  connection->tcp().expires_never();
  connection->deadline = std::make_unique<ReadDeadline>(connection->tcp());
  co_return connection;
}

net::awaitable<StatusOr<std::unique_ptr<UpstreamClient::Exchange>>> UpstreamClient::Start(
    http::verb method, std::string_view path, std::string body,
    std::vector<std::pair<std::string, std::string>> headers) {
  auto executor = co_await net::this_coro::executor;
  net::execution_context* context = &net::query(executor, net::execution::context);
  // The request as one buffer (what Beast's serializer wrote for these
  // fields), so that it goes out in one send.
  beast::string_view verb = http::to_string(method);
  std::string wire;
  wire.reserve(256 + url_.base_path.size() + path.size() + body.size());
  wire.append(verb.data(), verb.size());
  wire += ' ';
  wire += url_.base_path;
  wire += path;
  wire += " HTTP/1.1\r\nHost: ";
  wire += url_.host;
  wire += "\r\nUser-Agent: hegui-gateway\r\n";
  if (!body.empty()) wire += "Content-Type: application/json\r\n";
  for (auto& [name, value] : headers) {
    wire += name;
    wire += ": ";
    wire += value;
    wire += "\r\n";
  }
  if (!body.empty() || method == http::verb::post || method == http::verb::put ||
      method == http::verb::patch) {
    wire += "Content-Length: ";
    wire += std::to_string(body.size());
    wire += "\r\n";
  }
  wire += "\r\n";
  wire += body;

  int connect_failures = 0;
  bool retried_stale = false;
  for (;;) {
    std::unique_ptr<Connection> connection = TakeIdle(context);
    bool reused = connection != nullptr;
    if (!connection) {
      StatusOr<std::unique_ptr<Connection>> fresh = co_await Connect();
      if (!fresh.ok()) {
        if (fresh.status().code() == StatusCode::kUnavailable &&
            connect_failures++ < options_.connect_retries) {
          continue;  // Nothing was sent: safe to try again.
        }
        co_return fresh.status();
      }
      connection = std::move(fresh).value();
    }
    auto state = std::make_unique<Exchange::State>();
    // Not boost::none: Boost 1.74 compares a Content-Length against an empty
    // optional as "over the limit". ReadAll enforces its own bound.
    state->parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    boost::system::error_code ec;
    connection->deadline->Start(options_.response_timeout);
    if (connection->tls) {
      co_await net::async_write(*connection->tls, net::buffer(wire), net::redirect_error(kUse, ec));
      if (!ec) {
        co_await http::async_read_header(*connection->tls, connection->buffer, state->parser,
                                         net::redirect_error(kUse, ec));
      }
    } else {
      // The socket is non-blocking (Connect): the request normally fits in
      // the send buffer and goes out here, without a trip through epoll.
      size_t sent = connection->plain->socket().write_some(net::buffer(wire), ec);
      if (ec == net::error::would_block || ec == net::error::try_again) {
        ec = {};
        sent = 0;
      }
      if (!ec && sent < wire.size()) {
        co_await net::async_write(*connection->plain,
                                  net::buffer(wire.data() + sent, wire.size() - sent),
                                  net::redirect_error(kUse, ec));
      }
      if (!ec) {
        co_await http::async_read_header(*connection->plain, connection->buffer, state->parser,
                                         net::redirect_error(kUse, ec));
      }
    }
    const bool expired = connection->deadline->Stop() && ec;
    if (ec) {
      if (reused && !retried_stale && IsStaleConnection(ec)) {
        retried_stale = true;  // The server closed the idle connection; nothing was processed.
        continue;
      }
      if (expired) {
        co_return ResourceExhaustedError("upstream '" + name_ + "' did not answer within " +
                                         std::to_string(options_.response_timeout.count()) + " ms");
      }
      if (IsStaleConnection(ec)) {
        co_return UnavailableError("upstream '" + name_ +
                                   "' closed the connection without answering");
      }
      co_return UnavailableError("upstream '" + name_ + "': " + ec.message());
    }
    std::unique_ptr<Exchange> exchange(new Exchange(this, context, std::move(connection)));
    exchange->state_ = std::move(state);
    co_return exchange;
  }
}

UpstreamClient::Exchange::Exchange(UpstreamClient* client, net::execution_context* context,
                                   std::unique_ptr<Connection> connection)
    : client_(client), context_(context), connection_(std::move(connection)) {}

UpstreamClient::Exchange::~Exchange() {
  if (connection_ && state_ && state_->parser.is_done() && state_->parser.keep_alive()) {
    client_->GiveBack(context_, std::move(connection_));
  }
}

int UpstreamClient::Exchange::status() const { return state_->parser.get().result_int(); }

std::string UpstreamClient::Exchange::header(std::string_view name) const {
  auto it = state_->parser.get().find(beast::string_view(name.data(), name.size()));
  if (it == state_->parser.get().end()) return "";
  return std::string(it->value());
}

bool UpstreamClient::Exchange::done() const { return state_->parser.is_done(); }

bool UpstreamClient::Exchange::more_ready() const {
  // Not connection_->buffer: after a chunk the parser leaves its closing CRLF
  // there, which is no body.
  if (done()) return false;
  if (connection_->tls && ::SSL_pending(connection_->tls->native_handle()) > 0) return true;
  boost::system::error_code ec;
  return connection_->tcp().socket().available(ec) > 0 && !ec;
}

size_t UpstreamClient::idle_connections() {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const auto& [context, pool] : idle_) n += pool.size();
  return n;
}

net::awaitable<StatusOr<std::string_view>> UpstreamClient::Exchange::ReadSome() {
  return ReadSomeWithin(client_->options_.read_timeout);
}

net::awaitable<StatusOr<std::string_view>> UpstreamClient::Exchange::ReadSomeWithin(
    std::chrono::milliseconds timeout) {
  auto& parser = state_->parser;
  while (!parser.is_done()) {
    std::array<char, kPieceBytes>& piece = connection_->piece;
    parser.get().body().data = piece.data();
    parser.get().body().size = piece.size();
    boost::system::error_code ec;
    connection_->deadline->Start(timeout);
    if (connection_->tls) {
      co_await http::async_read_some(*connection_->tls, connection_->buffer, parser,
                                     net::redirect_error(kUse, ec));
    } else {
      co_await http::async_read_some(*connection_->plain, connection_->buffer, parser,
                                     net::redirect_error(kUse, ec));
    }
    const bool expired = connection_->deadline->Stop();
    if (ec == http::error::need_buffer) ec = {};
    if (expired && ec) {
      co_return ResourceExhaustedError("upstream '" + client_->name_ + "' sent nothing for " +
                                       std::to_string(timeout.count()) + " ms mid-response");
    }
    if (ec) {
      co_return UnavailableError("upstream '" + client_->name_ +
                                 "' broke off the response: " + ec.message());
    }
    size_t n = piece.size() - parser.get().body().size;
    if (n > 0) co_return std::string_view(piece.data(), n);
  }
  co_return std::string_view();
}

net::awaitable<Status> UpstreamClient::Exchange::Drain(size_t max_bytes,
                                                       std::chrono::milliseconds timeout) {
  size_t drained = 0;
  while (!done()) {
    StatusOr<std::string_view> piece = co_await ReadSomeWithin(timeout);
    if (!piece.ok()) co_return piece.status();
    drained += piece->size();
    if (drained > max_bytes) {
      co_return ResourceExhaustedError("upstream '" + client_->name_ + "' sent more than " +
                                       std::to_string(max_bytes) + " bytes after the answer");
    }
  }
  co_return OkStatus();
}

net::awaitable<StatusOr<std::string>> UpstreamClient::Exchange::ReadAll(size_t max_bytes) {
  std::string body;
  while (!done()) {
    StatusOr<std::string_view> piece = co_await ReadSome();
    if (!piece.ok()) co_return piece.status();
    if (body.size() + piece->size() > max_bytes) {
      co_return InvalidArgumentError("upstream '" + client_->name_ + "' response is larger than " +
                                     std::to_string(max_bytes) + " bytes");
    }
    body.append(*piece);
  }
  co_return body;
}

}  // namespace hegui::gateway
