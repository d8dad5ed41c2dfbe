// The Boost.Asio/Beast names the gateway's networking code shares.
//
// Included only by gateway .cc files and by gateway headers whose interfaces
// are coroutines (http_server.h, upstream_client.h); never by other modules.
// <utility> comes first: Boost 1.74's awaitable.hpp uses std::exchange
// without including it.
#ifndef HEGUI_GATEWAY_ASIO_H_
#define HEGUI_GATEWAY_ASIO_H_

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <utility>

namespace hegui::gateway {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_ASIO_H_
