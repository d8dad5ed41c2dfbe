// MockUpstream: a deterministic OpenAI-compatible model server for demos,
// tests and benchmarks (`hegui mock-upstream`, and `hegui serve` when no
// upstream is configured).
//
// It answers /v1/chat/completions, /v1/completions (both with and without
// `stream: true`), /v1/embeddings and /v1/models. A reply echoes the last user
// message (or the prompt), unless a scripted reply matches; the same request
// always gets the same bytes. Directives inside the prompt, written
// `[[mock:name=value]]` and removed from the echo, make it misbehave on
// purpose (docs/gateway.md lists them): status=N (answer HTTP N), latency=MS,
// chunk=N (characters per streamed delta), chunk_delay=MS, reply-b64=B64
// (reply with these decoded bytes: a test can make the model say what its
// prompt may not contain), body-b64=B64 (these decoded bytes are the whole
// HTTP answer body, a JSON answer or an event stream: for hostile or unusual
// upstream output), malformed-sse, drop (close mid-answer), hang.
// GET /mock/last-request returns the body of the last model call received,
// so tests can see exactly what reached the upstream.
//
// Thread-safe; runs on its own HttpServer threads until destroyed.
#ifndef HEGUI_GATEWAY_MOCK_UPSTREAM_H_
#define HEGUI_GATEWAY_MOCK_UPSTREAM_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/status_or.h"

namespace hegui::gateway {

class HttpServer;

struct MockUpstreamOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 0;  // 0 picks a free port.
  int threads = 1;
  std::vector<std::string> models = {"mock-1", "mock-embed"};
  size_t chunk_chars = 4;                    // Characters per streamed delta.
  std::chrono::milliseconds latency{0};      // Before the answer starts.
  std::chrono::milliseconds chunk_delay{0};  // Between streamed deltas.
  int fail_every = 0;                        // Every Nth model call gets 500 (0: never).
  // (substring of the prompt, reply): the first match replaces the echo.
  std::vector<std::pair<std::string, std::string>> scripted_replies;
};

class MockUpstream {
 public:
  static StatusOr<std::unique_ptr<MockUpstream>> Start(MockUpstreamOptions options);
  ~MockUpstream();

  uint16_t port() const;
  // "http://address:port".
  std::string url() const;
  std::string last_request_body() const;

 private:
  struct Impl;
  explicit MockUpstream(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_MOCK_UPSTREAM_H_
