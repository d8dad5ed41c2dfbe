// TlsRelay: a TLS front for a plain-HTTP test server. It accepts TLS on a
// loopback port with a given certificate and key, and relays the decrypted
// bytes both ways to 127.0.0.1:<target port>, so an HTTP mock upstream can be
// reached as an https:// upstream (streaming included). Counts connections and
// handshakes. Runs its own thread until destroyed.
#ifndef HEGUI_TESTS_GATEWAY_TLS_RELAY_H_
#define HEGUI_TESTS_GATEWAY_TLS_RELAY_H_

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "gateway/asio.h"

namespace hegui::gateway::testing {

class TlsRelay {
 public:
  TlsRelay(const std::string& cert_file, const std::string& key_file, uint16_t target_port)
      : tls_(net::ssl::context::tls_server),
        acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        target_port_(target_port) {
    tls_.use_certificate_chain_file(cert_file);
    tls_.use_private_key_file(key_file, net::ssl::context::pem);
    net::co_spawn(io_, Accept(), net::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~TlsRelay() {
    io_.stop();
    thread_.join();
  }
  TlsRelay(const TlsRelay&) = delete;
  TlsRelay& operator=(const TlsRelay&) = delete;

  uint16_t port() const { return acceptor_.local_endpoint().port(); }
  // Connections accepted (counted before their handshake starts).
  int connections() const { return connections_.load(); }
  int handshakes() const { return handshakes_.load(); }
  int failed_handshakes() const { return failed_handshakes_.load(); }

 private:
  struct Link {
    Link(tcp::socket client, net::ssl::context& tls)
        : secure(std::move(client), tls), plain(secure.get_executor()) {}
    void Close() {
      boost::system::error_code ignored;
      secure.next_layer().close(ignored);
      plain.close(ignored);
    }
    net::ssl::stream<tcp::socket> secure;
    tcp::socket plain;
  };

  net::awaitable<void> Accept() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket socket =
          co_await acceptor_.async_accept(net::redirect_error(net::use_awaitable, ec));
      if (ec) co_return;
      ++connections_;
      net::co_spawn(io_, Serve(std::make_shared<Link>(std::move(socket), tls_)), net::detached);
    }
  }

  net::awaitable<void> Serve(std::shared_ptr<Link> link) {
    boost::system::error_code ec;
    co_await link->secure.async_handshake(net::ssl::stream_base::server,
                                          net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      ++failed_handshakes_;
      link->Close();
      co_return;
    }
    ++handshakes_;
    co_await link->plain.async_connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), target_port_),
        net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      link->Close();
      co_return;
    }
    net::co_spawn(io_, Pump(link->secure, link->plain, link), net::detached);
    net::co_spawn(io_, Pump(link->plain, link->secure, link), net::detached);
  }

  // Copies `from` to `to` until either side ends, then closes both.
  template <typename From, typename To>
  static net::awaitable<void> Pump(From& from, To& to, std::shared_ptr<Link> link) {
    std::array<char, 16384> buffer;
    for (;;) {
      boost::system::error_code ec;
      size_t n = co_await from.async_read_some(net::buffer(buffer),
                                               net::redirect_error(net::use_awaitable, ec));
      if (n > 0) {
        boost::system::error_code wec;
        co_await net::async_write(to, net::buffer(buffer.data(), n),
                                  net::redirect_error(net::use_awaitable, wec));
        if (wec) ec = wec;
      }
      if (ec) break;
    }
    link->Close();
  }

  net::io_context io_;
  net::ssl::context tls_;
  tcp::acceptor acceptor_;
  uint16_t target_port_;
  std::thread thread_;
  std::atomic<int> connections_{0};
  std::atomic<int> handshakes_{0};
  std::atomic<int> failed_handshakes_{0};
};

}  // namespace hegui::gateway::testing

#endif  // HEGUI_TESTS_GATEWAY_TLS_RELAY_H_
