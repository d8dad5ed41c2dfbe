// A blocking HTTP/1.1 client for the gateway's integration tests (Beast,
// synchronous, loopback only), plus a raw-bytes helper for malformed input.
#ifndef HEGUI_TESTS_GATEWAY_HTTP_TEST_CLIENT_H_
#define HEGUI_TESTS_GATEWAY_HTTP_TEST_CLIENT_H_

#include <sys/socket.h>
#include <sys/time.h>

#include <string>
#include <utility>
#include <vector>

#include "gateway/asio.h"

namespace hegui::gateway::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  std::string content_type;
  std::string error;  // Non-empty when the exchange failed.
};

inline HttpResult HttpCall(uint16_t port, http::verb method, const std::string& target,
                           const std::string& body = "",
                           std::vector<std::pair<std::string, std::string>> headers = {}) {
  HttpResult result;
  net::io_context io;
  beast::tcp_stream stream(io);
  boost::system::error_code ec;
  stream.expires_after(std::chrono::seconds(20));
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  if (ec) {
    result.error = ec.message();
    return result;
  }
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (!body.empty()) req.set(http::field::content_type, "application/json");
  for (auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  http::write(stream, req, ec);
  if (ec) {
    result.error = ec.message();
    return result;
  }
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 << 20);
  http::read(stream, buffer, parser, ec);
  if (ec && !(ec == http::error::partial_message || ec == net::error::eof ||
              ec == net::error::connection_reset)) {
    result.error = ec.message();
  } else if (ec) {
    result.error = ec.message();
  }
  result.status = parser.get().result_int();
  result.body = parser.get().body();
  result.content_type = std::string(parser.get()[http::field::content_type]);
  return result;
}

// Sends raw bytes and returns whatever comes back before the server closes
// the connection or `timeout` has passed (then the client hangs up itself). `*closed_by_server`
// tells which.
inline std::string RawExchange(uint16_t port, const std::string& bytes,
                               std::chrono::milliseconds timeout = std::chrono::seconds(10),
                               bool* closed_by_server = nullptr) {
  net::io_context io;
  tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  if (ec) return "connect: " + ec.message();
  timeval tv{static_cast<time_t>(timeout.count() / 1000),
             static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  net::write(socket, net::buffer(bytes), ec);
  std::string out;
  char buf[4096];
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    size_t n = socket.read_some(net::buffer(buf), ec);
    out.append(buf, n);
    if (ec || std::chrono::steady_clock::now() >= deadline) break;
  }
  if (closed_by_server) {
    *closed_by_server = ec == net::error::eof || ec == net::error::connection_reset;
  }
  return out;
}

}  // namespace hegui::gateway::testing

#endif  // HEGUI_TESTS_GATEWAY_HTTP_TEST_CLIENT_H_
