// UpstreamClient: a streamed response drained after its [DONE] returns its
// connection to the pool.
#include "gateway/upstream_client.h"

#include <gtest/gtest.h>

#include "gateway/mock_upstream.h"

namespace hegui::gateway {
namespace {

constexpr const char* kStreamBody =
    R"({"model":"mock-1","stream":true,"messages":[{"role":"user","content":"a reply of some length"}]})";

// Starts a streamed call, reads until [DONE] has arrived, then drains the
// rest and destroys the Exchange; returns the client's idle count.
size_t IdleAfterStream() {
  MockUpstreamOptions options;
  auto mock = MockUpstream::Start(options);
  EXPECT_TRUE(mock.ok());
  auto url = ParseUpstreamUrl((*mock)->url());
  auto client = UpstreamClient::Create("mock", *url, {});
  EXPECT_TRUE(client.ok());
  net::io_context io;
  size_t idle = 0;
  // A named lambda: it must outlive the coroutine that uses its captures.
  auto run = [&]() -> net::awaitable<void> {
    std::vector<std::pair<std::string, std::string>> headers = {{"accept", "text/event-stream"}};
    auto exchange = co_await (*client)->Start(http::verb::post, "/v1/chat/completions",
                                              std::string(kStreamBody), std::move(headers));
    EXPECT_TRUE(exchange.ok());
    if (!exchange.ok()) co_return;
    std::string seen;
    while (seen.find("[DONE]") == std::string::npos && !(*exchange)->done()) {
      auto piece = co_await (*exchange)->ReadSome();
      EXPECT_TRUE(piece.ok());
      if (!piece.ok()) co_return;
      seen.append(*piece);
    }
    Status drained = co_await (*exchange)->Drain(1 << 16, std::chrono::milliseconds(5000));
    EXPECT_TRUE(drained.ok()) << drained.ToString();
    EXPECT_TRUE((*exchange)->done());
    exchange->reset();
    idle = (*client)->idle_connections();
  };
  net::co_spawn(io, run(), net::detached);
  io.run();
  (*client)->Close();
  return idle;
}

TEST(UpstreamClientTest, DrainedStreamReturnsItsConnectionToThePool) {
  EXPECT_EQ(IdleAfterStream(), 1u);
}

}  // namespace
}  // namespace hegui::gateway
