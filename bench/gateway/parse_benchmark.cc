// The gateway's body readers, one pass (ParseModelRequest, ParseAnswer)
// against the nlohmann::json way they fall back to (…ViaDom), on the bodies
// bench/gateway/run.sh sends and the mock upstream answers: bodies/s, and
// after the table the ratio of each one-pass reader to its baseline.
//   build/bench/gateway/gateway_bench --benchmark_min_time=0.3
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "common/rate_reporter.h"
#include "gateway/answer_parser.h"
#include "gateway/call.h"
#include "gateway/request_parser.h"

namespace hegui::gateway {
namespace {

// A chat request like run.sh's: a Chinese prompt with English in it.
const std::string& RequestBody() {
  static const std::string body =
      R"({"model":"mock-1","stream":false,"messages":[)"
      R"({"role":"system","content":"You are a helpful assistant for city planners."},)"
      R"({"role":"user","content":"请帮我总结一下这段关于城市交通规划的说明，并给出三条改进建议。)"
      R"(The plan covers bus lanes and cycling."}],"temperature":0.7,"max_tokens":256})";
  return body;
}

// A whole chat answer like the mock upstream's.
const std::string& AnswerBody() {
  static const std::string body =
      R"({"id":"chatcmpl-mock-1","object":"chat.completion","created":1767225600,)"
      R"("model":"mock-1","choices":[{"index":0,"message":{"role":"assistant",)"
      R"("content":"好的，以下是三条改进建议：一、优化公交专用道的连续性；二、完善自行车道网络；)"
      R"(三、加强换乘枢纽建设。The plan is sound overall."},"logprobs":null,)"
      R"("finish_reason":"stop"}],"usage":{"prompt_tokens":42,"completion_tokens":58,)"
      R"("total_tokens":100}})";
  return body;
}

template <auto Parse>
void Request(benchmark::State& state) {
  for (auto _ : state) {
    Call call;
    auto refused = Parse(RequestBody(), Endpoint::kChatCompletions, &call);
    if (refused.has_value() || call.prompts.empty()) {
      state.SkipWithError("the request was refused");
      return;
    }
    benchmark::DoNotOptimize(call.prompts);
  }
  state.SetItemsProcessed(state.iterations());
}

template <auto Parse>
void Answer(benchmark::State& state) {
  for (auto _ : state) {
    gateway::Answer answer;
    Status status = Parse(AnswerBody(), &answer);
    if (!status.ok()) {
      state.SkipWithError(status.message().c_str());
      return;
    }
    benchmark::DoNotOptimize(answer);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Request_OnePass(benchmark::State& s) { Request<ParseModelRequest>(s); }
void BM_Request_Dom(benchmark::State& s) { Request<ParseModelRequestViaDom>(s); }
void BM_Answer_OnePass(benchmark::State& s) { Answer<ParseAnswer>(s); }
void BM_Answer_Dom(benchmark::State& s) { Answer<ParseAnswerViaDom>(s); }
BENCHMARK(BM_Request_OnePass);
BENCHMARK(BM_Request_Dom);
BENCHMARK(BM_Answer_OnePass);
BENCHMARK(BM_Answer_Dom);

}  // namespace
}  // namespace hegui::gateway

int main(int argc, char** argv) {
  hegui::bench::RateReporter reporter;
  if (!hegui::bench::RunBenchmarks(&argc, argv, reporter)) return 1;
  std::printf("\nbody readers (bodies/s; ratio = one pass / nlohmann::json way)\n");
  reporter.PrintRatio("client request", "BM_Request_OnePass", "BM_Request_Dom", "bodies");
  reporter.PrintRatio("upstream answer", "BM_Answer_OnePass", "BM_Answer_Dom", "bodies");
  benchmark::Shutdown();
  return 0;
}
