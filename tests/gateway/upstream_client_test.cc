// UpstreamClient: a streamed response drained after its [DONE] returns its
// connection to the pool; the response and read timeouts (one deadline timer
// per connection) fire on a pooled connection as on a fresh one, and a timed
// out connection is not pooled.
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
    // Closed here, not after run(): a pooled connection's deadline timer
    // would keep run() busy until it fires.
    (*client)->Close();
  };
  net::co_spawn(io, run(), net::detached);
  io.run();
  return idle;
}

TEST(UpstreamClientTest, DrainedStreamReturnsItsConnectionToThePool) {
  EXPECT_EQ(IdleAfterStream(), 1u);
}

std::string ChatBody(std::string_view content, bool stream) {
  return std::string(R"({"model":"mock-1","stream":)") + (stream ? "true" : "false") +
         R"(,"messages":[{"role":"user","content":")" + std::string(content) + R"("}]})";
}

// Runs `calls` one after another on one client (so later ones reuse the
// pooled connection) and returns, per call, the status of reading the whole
// answer; `idle` gets the client's idle count at the end.
std::vector<Status> RunCalls(const std::vector<std::pair<std::string, bool>>& calls,
                             UpstreamOptions options, size_t* idle) {
  auto mock = MockUpstream::Start(MockUpstreamOptions{});
  EXPECT_TRUE(mock.ok());
  auto client = UpstreamClient::Create("mock", *ParseUpstreamUrl((*mock)->url()), options);
  EXPECT_TRUE(client.ok());
  net::io_context io;
  std::vector<Status> results;
  auto run = [&]() -> net::awaitable<void> {
    for (const auto& [content, stream] : calls) {
      auto exchange = co_await (*client)->Start(http::verb::post, "/v1/chat/completions",
                                                ChatBody(content, stream), {});
      if (!exchange.ok()) {
        results.push_back(exchange.status());
        continue;
      }
      auto all = co_await (*exchange)->ReadAll(1 << 20);
      results.push_back(all.ok() ? OkStatus() : all.status());
    }
    *idle = (*client)->idle_connections();
    (*client)->Close();  // See IdleAfterStream.
  };
  net::co_spawn(io, run(), net::detached);
  io.run();
  return results;
}

TEST(UpstreamClientTest, ResponseTimeoutFiresOnAPooledConnectionAndItIsNotPooledAgain) {
  UpstreamOptions options;
  options.response_timeout = std::chrono::milliseconds(300);
  size_t idle = 99;
  std::vector<Status> r = RunCalls({{"quick", false}, {"[[mock:hang]]", false}}, options, &idle);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_TRUE(r[0].ok()) << r[0].ToString();
  EXPECT_EQ(r[1].code(), StatusCode::kResourceExhausted) << r[1].ToString();
  EXPECT_NE(r[1].message().find("did not answer within 300 ms"), std::string::npos);
  EXPECT_EQ(idle, 0u);
}

TEST(UpstreamClientTest, ReadTimeoutFiresBetweenStreamPiecesAfterEarlierCallsMovedTheDeadline) {
  UpstreamOptions options;
  options.read_timeout = std::chrono::milliseconds(300);
  size_t idle = 99;
  std::vector<Status> r = RunCalls(
      {{"one", true}, {"two", false}, {"slow [[mock:chunk_delay=5000]]", true}}, options, &idle);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_TRUE(r[0].ok()) << r[0].ToString();
  EXPECT_TRUE(r[1].ok()) << r[1].ToString();
  EXPECT_EQ(r[2].code(), StatusCode::kResourceExhausted) << r[2].ToString();
  EXPECT_NE(r[2].message().find("sent nothing for 300 ms"), std::string::npos);
  EXPECT_EQ(idle, 0u);
}

TEST(UpstreamClientTest, CallsWithinTheTimeoutsSucceedBackToBack) {
  UpstreamOptions options;
  options.response_timeout = std::chrono::milliseconds(2000);
  options.read_timeout = std::chrono::milliseconds(2000);
  size_t idle = 0;
  std::vector<std::pair<std::string, bool>> calls;
  for (int i = 0; i < 20; ++i) calls.emplace_back("call " + std::to_string(i), i % 2 == 0);
  for (const Status& s : RunCalls(calls, options, &idle)) EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(idle, 1u);
}

}  // namespace
}  // namespace hegui::gateway
