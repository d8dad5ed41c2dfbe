#include "gateway/http_server.h"

#include <pthread.h>

#include <cstdio>
#include <exception>
#include <tuple>
#include <utility>

#include "gateway/read_deadline.h"

namespace hegui::gateway {

namespace {

constexpr auto kUse = net::use_awaitable;

// Answers a request the server refuses before the handler sees it, and closes.
net::awaitable<void> Refuse(beast::tcp_stream& stream, http::status status, std::string_view code,
                            std::string_view message) {
  http::response<http::string_body> res{status, 11};
  res.set(http::field::content_type, "application/json");
  res.set(http::field::connection, "close");
  res.keep_alive(false);
  res.body() = std::string(R"({"error":{"message":")") + std::string(message) +
               R"(","type":"invalid_request_error","param":null,"code":")" + std::string(code) +
               R"("}})";
  res.prepare_payload();
  boost::system::error_code ec;
  stream.expires_after(std::chrono::seconds(5));
  co_await http::async_write(stream, res, net::redirect_error(kUse, ec));
}

// 413 for a body over `limit` bytes (declared or read), then the close.
net::awaitable<void> RefuseBodyTooLarge(beast::tcp_stream& stream, size_t limit) {
  co_await Refuse(
      stream, http::status::payload_too_large, "payload_too_large",
      "the request body is larger than the limit of " + std::to_string(limit) + " bytes");
}

net::awaitable<void> RefuseTimeout(beast::tcp_stream& stream, std::chrono::milliseconds limit) {
  co_await Refuse(
      stream, http::status::request_timeout, "request_timeout",
      "the request was not received completely within " + std::to_string(limit.count()) + " ms");
}

}  // namespace

// ---------------------------------------------------------------- Responder

Status Responder::Finish(boost::system::error_code ec, std::string_view what) {
  if (ec) {
    failed_ = true;
    return UnavailableError(std::string("client connection: ") + std::string(what) + ": " +
                            ec.message());
  }
  return OkStatus();
}

boost::system::error_code Responder::WriteNow(std::array<std::string_view, 3> pieces,
                                              std::string& rest) {
  std::array<net::const_buffer, 3> buffers;
  size_t total = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    buffers[i] = net::buffer(pieces[i].data(), pieces[i].size());
    total += pieces[i].size();
  }
  // The socket is non-blocking (Serve): this takes what fits in the send
  // buffer now, normally all of it, without a timer or a trip through epoll.
  boost::system::error_code ec;
  size_t sent = stream_.socket().write_some(buffers, ec);
  if (ec == net::error::would_block || ec == net::error::try_again) {
    ec = {};
    sent = 0;
  }
  if (ec || sent == total) return ec;
  rest.reserve(total - sent);
  for (std::string_view piece : pieces) {
    if (sent >= piece.size()) {
      sent -= piece.size();
      continue;
    }
    rest.append(piece.substr(sent));
    sent = 0;
  }
  return ec;
}

net::awaitable<boost::system::error_code> Responder::WriteRest(std::string rest) {
  boost::system::error_code ec;
  stream_.expires_after(write_timeout_);
  co_await net::async_write(stream_, net::buffer(rest), net::redirect_error(kUse, ec));
  stream_.expires_never();
  co_return ec;
}

net::awaitable<Status> Responder::Send(
    int status, std::string_view content_type, std::string body,
    std::span<const std::pair<std::string_view, std::string_view>> headers) {
  if (started_) co_return InternalError("response already started");
  started_ = true;
  // The same bytes Beast's serializer wrote for these fields, in this order.
  beast::string_view reason = http::obsolete_reason(static_cast<http::status>(status));
  std::string head;
  head.reserve(128 + content_type.size() + reason.size());
  head += "HTTP/1.1 ";
  head += std::to_string(status);
  head += ' ';
  head.append(reason.data(), reason.size());
  head += "\r\nContent-Type: ";
  head += content_type;
  head += "\r\n";
  for (const auto& [name, value] : headers) {
    head += name;
    head += ": ";
    head += value;
    head += "\r\n";
  }
  if (!keep_alive_) head += "Connection: close\r\n";
  head += "Content-Length: ";
  head += std::to_string(body.size());
  head += "\r\n\r\n";
  std::string rest;
  boost::system::error_code ec = WriteNow({head, body, {}}, rest);
  if (!ec && !rest.empty()) ec = co_await WriteRest(std::move(rest));
  finished_ = true;
  co_return Finish(ec, "writing response");
}

net::awaitable<Status> Responder::BeginStream(int status, std::string_view content_type) {
  if (started_) co_return InternalError("response already started");
  started_ = true;
  beast::string_view reason = http::obsolete_reason(static_cast<http::status>(status));
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " +
                     std::string(reason.data(), reason.size()) + "\r\nContent-Type: ";
  head += content_type;
  head += "\r\nCache-Control: no-cache\r\n";
  if (!keep_alive_) head += "Connection: close\r\n";
  head += "Transfer-Encoding: chunked\r\n\r\n";
  std::string rest;
  boost::system::error_code ec = WriteNow({head, {}, {}}, rest);
  if (!ec && !rest.empty()) ec = co_await WriteRest(std::move(rest));
  co_return Finish(ec, "writing stream header");
}

net::awaitable<Status> Responder::WriteChunk(std::string_view data) {
  if (!started_ || finished_ || failed_) co_return InternalError("no open stream");
  if (data.empty()) co_return OkStatus();  // An empty chunk would end the stream.
  char size_line[24];
  int n = std::snprintf(size_line, sizeof size_line, "%zx\r\n", data.size());
  std::string rest;
  boost::system::error_code ec =
      WriteNow({std::string_view(size_line, static_cast<size_t>(n)), data, "\r\n"}, rest);
  if (!ec && !rest.empty()) ec = co_await WriteRest(std::move(rest));
  co_return Finish(ec, "writing stream chunk");
}

net::awaitable<Status> Responder::EndStream(std::string_view last) {
  if (!started_ || finished_ || failed_) co_return InternalError("no open stream");
  std::string rest;
  boost::system::error_code ec;
  if (last.empty()) {
    ec = WriteNow({"0\r\n\r\n", {}, {}}, rest);
  } else {
    char size_line[24];
    int n = std::snprintf(size_line, sizeof size_line, "%zx\r\n", last.size());
    ec = WriteNow({std::string_view(size_line, static_cast<size_t>(n)), last, "\r\n0\r\n\r\n"},
                  rest);
  }
  if (!ec && !rest.empty()) ec = co_await WriteRest(std::move(rest));
  finished_ = true;
  co_return Finish(ec, "ending stream");
}

// ---------------------------------------------------------------- HttpServer

HttpServer::HttpServer(Options options, HttpHandler handler)
    : options_(std::move(options)), handler_(std::move(handler)) {}

StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(const Options& options,
                                                        HttpHandler handler) {
  if (options.threads < 1) return InvalidArgumentError("server.threads must be at least 1");
  std::unique_ptr<HttpServer> server(new HttpServer(options, std::move(handler)));
  for (int i = 0; i < options.threads; ++i) {
    server->contexts_.push_back(std::make_unique<net::io_context>(1));
    server->work_.push_back(net::make_work_guard(*server->contexts_.back()));
  }
  std::string where = options.address + ":" + std::to_string(options.port);
  boost::system::error_code ec;
  auto address = net::ip::make_address(options.address, ec);
  if (ec) return InvalidArgumentError("listen address '" + options.address + "': " + ec.message());
  tcp::endpoint endpoint(address, options.port);
  server->acceptor_ = std::make_unique<tcp::acceptor>(*server->contexts_[0]);
  if (server->acceptor_->open(endpoint.protocol(), ec); ec) {
    return UnavailableError("listen on " + where + ": " + ec.message());
  }
  server->acceptor_->set_option(net::socket_base::reuse_address(true), ec);
  if (server->acceptor_->bind(endpoint, ec); ec) {
    return UnavailableError("listen on " + where + ": " + ec.message());
  }
  if (server->acceptor_->listen(net::socket_base::max_listen_connections, ec); ec) {
    return UnavailableError("listen on " + where + ": " + ec.message());
  }
  server->port_ = server->acceptor_->local_endpoint().port();
  net::co_spawn(*server->contexts_[0], server->Accept(), net::detached);
  for (auto& context : server->contexts_) {
    server->threads_.emplace_back([ctx = context.get()] {
      // Named so that perf, top -H and bench/gateway/paired_cpu.sh can tell
      // the request threads from the evidence log's.
      pthread_setname_np(pthread_self(), "hegui-http");
      for (;;) {
        try {
          ctx->run();
          return;
        } catch (const std::exception&) {
          // A handler escaped with an exception; the session caught what it
          // could. Keep the thread serving the other connections.
        }
      }
    });
  }
  return server;
}

HttpServer::~HttpServer() {
  Stop(std::chrono::milliseconds(0));
  acceptor_.reset();
  contexts_.clear();  // Destroys the suspended sessions and their sockets.
}

void HttpServer::Stop(std::chrono::milliseconds drain) {
  if (stopped_) return;
  stopped_ = true;
  stopping_ = true;
  net::post(*contexts_[0], [this] {
    boost::system::error_code ignored;
    acceptor_->close(ignored);
  });
  auto deadline = std::chrono::steady_clock::now() + drain;
  while (busy_requests_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  work_.clear();
  for (auto& context : contexts_) context->stop();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
}

net::awaitable<void> HttpServer::Accept() {
  size_t next = 0;
  while (!stopping_) {
    boost::system::error_code ec;
    net::io_context& target = *contexts_[next];
    next = (next + 1) % contexts_.size();
    tcp::socket socket = co_await acceptor_->async_accept(target, net::redirect_error(kUse, ec));
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor_->is_open()) co_return;
      // Out of file descriptors and the like: back off briefly, keep serving.
      net::steady_timer timer(co_await net::this_coro::executor, std::chrono::milliseconds(50));
      co_await timer.async_wait(net::redirect_error(kUse, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    net::co_spawn(target, Serve(std::move(socket)), net::detached);
  }
}

net::awaitable<void> HttpServer::Serve(tcp::socket socket) {
  ++open_connections_;
  struct Closing {
    std::atomic<int>& count;
    ~Closing() { --count; }
  } closing{open_connections_};
  try {
    const ServerLimits& limits = options_.limits;
    boost::system::error_code socket_ec;
    std::string remote;
    if (auto endpoint = socket.remote_endpoint(socket_ec); !socket_ec) {
      remote = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    }
    // Responder writes straight away and waits only for what does not fit.
    socket.non_blocking(true, socket_ec);
    if (socket_ec) co_return;
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    ReadDeadline deadline(stream);
    bool first = true;
    // Each request's header fields and target (HttpRequest): a request of
    // ordinary size needs no heap block for them.
    std::array<std::byte, 2048> field_bytes;
    while (!stopping_) {
      std::pmr::monotonic_buffer_resource field_memory(field_bytes.data(), field_bytes.size());
      http::request_parser<http::string_body, HttpFieldAllocator> parser(
          std::piecewise_construct, std::make_tuple(),
          std::make_tuple(HttpFieldAllocator(&field_memory)));
      parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
      parser.body_limit(limits.max_body_bytes);
      boost::system::error_code ec;
      std::chrono::milliseconds header_limit = first ? limits.read_timeout : limits.idle_timeout;
      bool timed_out = false;
      stream.expires_never();
      deadline.Start(header_limit);
      co_await http::async_read_header(stream, buffer, parser, net::redirect_error(kUse, ec));
      timed_out = deadline.Stop() && ec;
      if (timed_out) {
        // A started request gets 408; an idle connection is just closed.
        if (buffer.size() > 0 || parser.got_some()) co_await RefuseTimeout(stream, header_limit);
        break;
      }
      if (ec == http::error::end_of_stream || ec == net::error::eof ||
          ec == net::error::connection_reset) {
        break;
      }
      if (ec == http::error::body_limit) {
        co_await RefuseBodyTooLarge(stream, limits.max_body_bytes);
        break;
      }
      if (ec == http::error::header_limit) {
        co_await Refuse(stream, http::status::request_header_fields_too_large, "headers_too_large",
                        "request headers are larger than the limit");
        break;
      }
      if (ec) {
        co_await Refuse(stream, http::status::bad_request, "malformed_http",
                        "malformed HTTP request");
        break;
      }
      size_t fields = std::distance(parser.get().begin(), parser.get().end());
      if (fields > limits.max_header_count) {
        co_await Refuse(stream, http::status::request_header_fields_too_large, "too_many_headers",
                        "the request has more header fields than the limit");
        break;
      }
      if (parser.content_length() && *parser.content_length() > limits.max_body_bytes) {
        co_await RefuseBodyTooLarge(stream, limits.max_body_bytes);
        break;
      }
      if (!parser.is_done()) {
        deadline.Start(limits.read_timeout);
        co_await http::async_read(stream, buffer, parser, net::redirect_error(kUse, ec));
        timed_out = deadline.Stop() && ec;
      }
      if (timed_out) {
        co_await RefuseTimeout(stream, limits.read_timeout);
        break;
      }
      if (ec == http::error::body_limit) {
        co_await RefuseBodyTooLarge(stream, limits.max_body_bytes);
        break;
      }
      if (ec) {
        if (ec != net::error::eof && ec != http::error::end_of_stream &&
            ec != http::error::partial_message && ec != net::error::connection_reset) {
          co_await Refuse(stream, http::status::bad_request, "malformed_http",
                          "malformed HTTP request body");
        }
        break;
      }
      stream.expires_never();
      HttpRequest request = parser.release();
      Responder out(stream, request.keep_alive(), limits.write_timeout, remote);
      ++busy_requests_;
      struct Busy {
        std::atomic<int>& count;
        ~Busy() { --count; }
      } busy{busy_requests_};
      co_await handler_(request, out);
      if (!out.started()) {
        Status ignored = co_await out.Send(
            500, "application/json",
            R"({"error":{"message":"the handler produced no response","type":"server_error","param":null,"code":"internal_error"}})");
        (void)ignored;
      }
      if (!out.finished() || !out.keep_alive()) break;
      first = false;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  } catch (const std::exception&) {
    // Allocation failure or a library exception: drop this connection only.
  }
}

}  // namespace hegui::gateway
