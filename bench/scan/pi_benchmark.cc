// Throughput of the personal-information detectors alone (PiDetector::Detect)
// over a realistic mixed Chinese/English chat corpus, MB/s on one core.
//
// Same run, same bytes:
//   Baseline_Memchr      a memchr pass counting '\n': the memory-speed ceiling.
//   PiOnly               all types, on chat text with PI sprinkled in (about one
//                        message in four carries an ID, phone, card, e-mail ...).
//   PiOnly_NoLabels      the same with person names and addresses disabled
//                        (no per-Han-character label check).
//   PiOnly_CleanText     all types on the same chat without any PI (the common
//                        case on a gateway; allocation-free).
//   PiOnly_Avx2, PiOnly_Sse2, PiOnly_Portable
//                        PiOnly with the candidate cursor (candidate_cursor.h)
//                        held to AVX2, SSE2, or its byte-by-byte scan
//                        (PiOnly itself uses the best the CPU has: AVX-512 BW
//                        where present); same matches.
//   ScanCorpus           all types over the PI view (normalised) of
//                        the chat corpus of scan_benchmark (chat_corpus.h):
//                        the detector's share of BM_PiOnly. ScanCorpus_Avx2 and
//                        ScanCorpus_Portable: held to AVX2, or to the
//                        byte-by-byte scan.
// After the table, each rate is printed as a ratio to the baseline, and the
// SIMD paths as ratios to the portable one.
//   build/bench/scan/pi_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "chat_corpus.h"
#include "common/rate_reporter.h"
#include "scan/normalizer.h"
#include "scan/pi/candidate_cursor.h"
#include "scan/pi/pi_detector.h"

namespace hegui::scan {
namespace {

constexpr size_t kCorpusBytes = 4 << 20;

const std::vector<std::string> kChat = {
    "你好，请问今天的会议几点开始？我这边下午三点以后都有空。",
    "Sure, let me check the calendar and get back to you in a few minutes.",
    "这个方案的预算大概是多少？上次报价是 12,500 元，含税。",
    "The model output looks fine, but the latency at p99 is about 850 ms.",
    "帮我总结一下这篇文章的主要观点，控制在三百字以内，谢谢。",
    "版本 2.3.1 发布了，修复了登录页面在 Safari 上的显示问题。",
    "Can you translate this paragraph into Chinese? Keep the tone formal.",
    "我们公司在上海浦东，离地铁站步行大概十分钟，欢迎来参观。",
    "订单 2024113012345 已发货，预计 3 到 5 个工作日送达。",
    "Please review PR #4521 before Friday; the CI is green now.",
};

const std::vector<std::string> kPersonal = {
    "我的手机号是13812345678，有事打给我。",
    "身份证号11010519491231002X，请帮我核对一下。",
    "卡号6222021234567890128，开户行是工商银行。",
    "Email me at zhang.san@example.com or call +86 139 1234 5678.",
    "收件人：李小龙，地址：广东省深圳市南山区科技园路1号A座3-501室，电话0755-86345678",
    "护照号码E12345678，车牌京A12345，服务器 10.0.12.7 登录不上。",
    "公司统一社会信用代码91350100M000100Y43，法定代表人：王五。",
};

std::string MakeCorpus(bool with_pi) {
  std::mt19937 random(20261130);
  std::string corpus;
  corpus.reserve(kCorpusBytes + 256);
  while (corpus.size() < kCorpusBytes) {
    if (with_pi && random() % 4 == 0) {
      corpus += kPersonal[random() % kPersonal.size()];
    } else {
      corpus += kChat[random() % kChat.size()];
    }
    corpus += '\n';
  }
  return corpus;
}

const std::string& Corpus(bool with_pi) {
  static const std::string with = MakeCorpus(true);
  static const std::string without = MakeCorpus(false);
  return with_pi ? with : without;
}

// The PI view of the chat corpus (bench/scan/chat_corpus.h, the text
// scan_benchmark's BM_PiOnly scans): what Scanner::Scan hands to the detectors.
const std::string& ScanCorpusPiView() {
  static const std::string view = [] {
    auto normalizer = Normalizer::Create({});
    if (!normalizer.ok()) std::abort();
    const std::string corpus = MakeChatCorpus();
    NormalizedView pi;
    normalizer->Append(corpus, 0, true, nullptr, &pi, nullptr);
    return std::string(pi.text());
  }();
  return view;
}

void Baseline_Memchr(benchmark::State& state) {
  const std::string& text = Corpus(true);
  for (auto _ : state) {
    size_t lines = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
      ++lines;
      ++p;
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(Baseline_Memchr);

// Detect over `text` with the candidate cursor at `simd_level` (2: the best
// the CPU has).
void RunDetectorOn(benchmark::State& state, const PiDetectorOptions& options,
                   const std::string& text, int simd_level = 2) {
  auto detector = PiDetector::Create(options);
  if (!detector.ok()) {
    state.SkipWithError(detector.status().ToString().c_str());
    return;
  }
  const int previous = CandidateCursor::SetSimdLevel(simd_level);
  std::vector<PiMatch> found;
  for (auto _ : state) {
    found.clear();
    (*detector)->Detect(text, &found);
    benchmark::DoNotOptimize(found.data());
  }
  CandidateCursor::SetSimdLevel(previous);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["matches"] = static_cast<double>(found.size());
}

void RunDetector(benchmark::State& state, const PiDetectorOptions& options, bool with_pi) {
  RunDetectorOn(state, options, Corpus(with_pi));
}

void PiOnly(benchmark::State& state) { RunDetector(state, {}, true); }
BENCHMARK(PiOnly);

void PiOnly_NoLabels(benchmark::State& state) {
  PiDetectorOptions options;
  options.Enable(PiType::kPersonName, false).Enable(PiType::kAddress, false);
  RunDetector(state, options, true);
}
BENCHMARK(PiOnly_NoLabels);

void PiOnly_CleanText(benchmark::State& state) { RunDetector(state, {}, false); }
BENCHMARK(PiOnly_CleanText);

void PiOnly_Avx2(benchmark::State& state) { RunDetectorOn(state, {}, Corpus(true), 2); }
BENCHMARK(PiOnly_Avx2);

void PiOnly_Sse2(benchmark::State& state) { RunDetectorOn(state, {}, Corpus(true), 1); }
BENCHMARK(PiOnly_Sse2);

void PiOnly_Portable(benchmark::State& state) { RunDetectorOn(state, {}, Corpus(true), 0); }
BENCHMARK(PiOnly_Portable);

void ScanCorpus(benchmark::State& state) { RunDetectorOn(state, {}, ScanCorpusPiView()); }
BENCHMARK(ScanCorpus);

void ScanCorpus_Avx2(benchmark::State& state) { RunDetectorOn(state, {}, ScanCorpusPiView(), 2); }
BENCHMARK(ScanCorpus_Avx2);

void ScanCorpus_Portable(benchmark::State& state) {
  RunDetectorOn(state, {}, ScanCorpusPiView(), 0);
}
BENCHMARK(ScanCorpus_Portable);

}  // namespace
}  // namespace hegui::scan

int main(int argc, char** argv) {
  hegui::bench::RateReporter reporter;
  if (!hegui::bench::RunBenchmarks(&argc, argv, reporter)) return 1;
  std::printf("\nPI detection over %zu MiB of chat (bytes/s per core; ratio to memchr)\n",
              hegui::scan::kCorpusBytes >> 20);
  for (const char* run :
       {"PiOnly", "PiOnly_NoLabels", "PiOnly_CleanText", "PiOnly_Avx2", "PiOnly_Sse2",
        "PiOnly_Portable", "ScanCorpus", "ScanCorpus_Avx2", "ScanCorpus_Portable"}) {
    reporter.PrintRatio(run, run, "Baseline_Memchr", "bytes");
  }
  std::printf("\nCandidate cursor: SIMD against its byte-by-byte scan, same run\n");
  reporter.PrintRatio("PiOnly (best SIMD)", "PiOnly", "PiOnly_Portable", "bytes");
  reporter.PrintRatio("PiOnly_Avx2", "PiOnly_Avx2", "PiOnly_Portable", "bytes");
  reporter.PrintRatio("PiOnly_Sse2", "PiOnly_Sse2", "PiOnly_Portable", "bytes");
  reporter.PrintRatio("ScanCorpus (best SIMD)", "ScanCorpus", "ScanCorpus_Portable", "bytes");
  reporter.PrintRatio("ScanCorpus_Avx2", "ScanCorpus_Avx2", "ScanCorpus_Portable", "bytes");
  benchmark::Shutdown();
  return 0;
}
