// Scanner throughput over a generated mixed Chinese/English chat corpus with
// personal information sprinkled in, against generated lexicons of 10k and
// 100k terms (1M with --scan_1m). Reports MB/s per core (single thread) for
// the full pipeline, lexicon only, streaming in 64-byte chunks (and
// BM_Stream64Drained: with ScanStream::Drain() after every chunk), and two
// baselines measured in the same run over the same bytes: raw Vectorscan
// literal matching of the same terms, and a memchr pass. Each pipeline
// figure also carries its ratio to those baselines (x_raw_hs, x_memchr).
// BM_LexiconMatch is the lexicon matcher (LiteralSet) alone over the
// precomputed lexicon view (BM_LexiconMatchPortable: without AVX2/BMI2); BM_Normalize the
// normaliser alone (lexicon view; BM_NormalizeBoth: both views). Compile time and memory per
// lexicon size come from BM_Compile. Figures: docs/scan.md.
//
//   build/bench/scan/scan_benchmark --benchmark_min_time=0.3
//       --benchmark_repetitions=3 --benchmark_report_aggregates_only=true [--scan_1m]
#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <cstring>
#include <ctime>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "chat_corpus.h"
#include "scan/scanner.h"

namespace hegui::scan {
namespace {

// Terms: 2-5 random common Han characters, or a 6-10 letter Latin word.
std::vector<std::string> MakeTerms(size_t n) {
  std::mt19937 rng(static_cast<unsigned>(n));
  std::vector<std::string> terms;
  terms.reserve(n);
  while (terms.size() < n) {
    std::string t;
    if (rng() % 5 == 0) {
      int len = 6 + static_cast<int>(rng() % 5);
      for (int i = 0; i < len; ++i) t += static_cast<char>('a' + rng() % 26);
    } else {
      int len = 2 + static_cast<int>(rng() % 4);
      for (int i = 0; i < len; ++i) AppendUtf8(0x4E00 + rng() % 0x51A5, &t);
    }
    terms.push_back(std::move(t));
  }
  return terms;
}

std::string LexiconText(const std::vector<std::string>& terms) {
  std::string text;
  for (const std::string& t : terms) text += t + "\tfraud\n";
  return text;
}

const std::string& Corpus() {
  static const std::string corpus = MakeChatCorpus();
  return corpus;
}

const std::vector<std::string>& Terms(size_t n) {
  static std::map<size_t, std::vector<std::string>> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, MakeTerms(n)).first;
  return it->second;
}

// What a scanner runs: the lexicon, the PI detectors, or both.
enum Parts { kLexiconOnly = 1, kPiOnly = 2, kFull = 3 };

std::shared_ptr<const Scanner> ScannerFor(size_t n, Parts parts = kFull) {
  static std::map<std::pair<size_t, int>, std::shared_ptr<const Scanner>> cache;
  auto key = std::make_pair(n, static_cast<int>(parts));
  auto it = cache.find(key);
  if (it == cache.end()) {
    std::string text = (parts & kLexiconOnly) ? LexiconText(Terms(n)) : "";
    auto lex = Lexicon::ParseText(text, "bench.tsv");
    if (!lex.ok()) std::abort();
    auto s = Scanner::Create({.lexicon = std::move(*lex), .detect_pi = (parts & kPiOnly) != 0});
    if (!s.ok()) std::abort();
    it = cache.emplace(key, *s).first;
  }
  return it->second;
}

// Raw Vectorscan over the raw corpus with the same terms (no normalisation).
struct RawHs {
  hs_database_t* db = nullptr;
  hs_scratch_t* scratch = nullptr;
};
const RawHs& RawHsFor(size_t n) {
  static std::map<size_t, RawHs> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  const auto& terms = Terms(n);
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> ids, flags(terms.size(), 0);
  for (size_t i = 0; i < terms.size(); ++i) {
    exprs.push_back(terms[i].data());
    lens.push_back(terms[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }
  RawHs raw;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &raw.db,
                           &err) != HS_SUCCESS ||
      hs_alloc_scratch(raw.db, &raw.scratch) != HS_SUCCESS) {
    std::abort();
  }
  return cache.emplace(n, raw).first->second;
}

int CountMatch(unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
  ++*static_cast<size_t*>(ctx);
  return 0;
}

double RawHsPass(size_t n) {
  const RawHs& raw = RawHsFor(n);
  size_t hits = 0;
  hs_scan(raw.db, Corpus().data(), static_cast<unsigned>(Corpus().size()), 0, raw.scratch,
          CountMatch, &hits);
  return static_cast<double>(hits);
}

size_t MemchrPass() {
  const std::string& c = Corpus();
  size_t lines = 0;
  const char* p = c.data();
  const char* end = p + c.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
    ++lines;
    ++p;
  }
  return lines;
}

// CPU seconds used by this thread (the machine is shared: wall time lies).
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// MB/s per core of `pass` measured for ~0.2 CPU s (baselines for the ratios).
template <typename F>
double MeasureMBps(F pass) {
  double start = ThreadCpuSeconds();
  size_t rounds = 0;
  while (ThreadCpuSeconds() - start < 0.2) {
    benchmark::DoNotOptimize(pass());
    ++rounds;
  }
  double secs = ThreadCpuSeconds() - start;
  return static_cast<double>(Corpus().size()) * static_cast<double>(rounds) / secs / 1e6;
}

double BaselineRawHs(size_t n) {
  static std::map<size_t, double> cache;
  RawHsFor(n);
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, MeasureMBps([n] { return RawHsPass(n); })).first;
  return it->second;
}

double BaselineMemchr() {
  static const double mbps = MeasureMBps([] { return MemchrPass(); });
  return mbps;
}

void AddRatios(benchmark::State& state, size_t n, double seconds) {
  double mbps = static_cast<double>(Corpus().size()) * static_cast<double>(state.iterations()) /
                seconds / 1e6;
  state.counters["MBps"] = mbps;
  state.counters["x_raw_hs"] = mbps / BaselineRawHs(n);
  state.counters["x_memchr"] = mbps / BaselineMemchr();
}

void ScanBuffer(benchmark::State& state, Parts parts) {
  size_t n = static_cast<size_t>(state.range(0));
  auto scanner = ScannerFor(n, parts);
  BaselineRawHs(n);
  BaselineMemchr();
  size_t findings = 0;
  double start = ThreadCpuSeconds();
  for (auto _ : state) {
    auto f = scanner->Scan(Corpus());
    findings = f->size();
    benchmark::DoNotOptimize(findings);
  }
  double secs = ThreadCpuSeconds() - start;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["findings"] = static_cast<double>(findings);
  AddRatios(state, n, secs);
}

void BM_FullPipeline(benchmark::State& state) { ScanBuffer(state, kFull); }
void BM_LexiconOnly(benchmark::State& state) { ScanBuffer(state, kLexiconOnly); }
void BM_PiOnly(benchmark::State& state) { ScanBuffer(state, kPiOnly); }

// Streaming in 64-byte chunks; with `drain`, Drain() after every chunk (the
// gateway's worst case: the upstream pauses after each delta).
void BM_Stream64(benchmark::State& state, bool drain) {
  size_t n = static_cast<size_t>(state.range(0));
  auto scanner = ScannerFor(n);
  BaselineRawHs(n);
  BaselineMemchr();
  std::string_view corpus = Corpus();
  size_t findings = 0;
  double start = ThreadCpuSeconds();
  for (auto _ : state) {
    auto stream = scanner->OpenStream();
    StreamUpdate update;
    findings = 0;
    for (size_t pos = 0; pos < corpus.size(); pos += 64) {
      if (!stream->Feed(corpus.substr(pos, 64), &update).ok()) std::abort();
      findings += update.findings.size();
      if (drain) {
        if (!stream->Drain(&update).ok()) std::abort();
        findings += update.findings.size();
      }
    }
    if (!stream->Close(&update).ok()) std::abort();
    findings += update.findings.size();
  }
  double secs = ThreadCpuSeconds() - start;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["findings"] = static_cast<double>(findings);
  AddRatios(state, n, secs);
}

// The normaliser alone: the lexicon view of the corpus.
void BM_Normalize(benchmark::State& state) {
  auto n = Normalizer::Create({});
  NormalizedView lex;
  for (auto _ : state) {
    lex.Clear();
    n->Append(Corpus(), 0, true, &lex, nullptr, nullptr);
    benchmark::DoNotOptimize(lex.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}

// The normaliser alone: both views of the corpus, as a full scan builds them.
void BM_NormalizeBoth(benchmark::State& state) {
  auto n = Normalizer::Create({});
  NormalizedView lex, pi;
  for (auto _ : state) {
    lex.Clear();
    pi.Clear();
    n->Append(Corpus(), 0, true, &lex, &pi, nullptr);
    benchmark::DoNotOptimize(lex.size() + pi.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}

// The lexicon matcher alone over the (precomputed) lexicon view of the corpus.
void BM_LexiconMatch(benchmark::State& state) {
  size_t n = static_cast<size_t>(state.range(0));
  auto scanner = ScannerFor(n, kLexiconOnly);
  NormalizedView lex;
  scanner->normalizer().Append(Corpus(), 0, true, &lex, nullptr, nullptr);
  std::vector<LiteralHit> hits;
  for (auto _ : state) {
    hits.clear();
    scanner->matcher().Scan(lex.text(), 0, &hits);
    benchmark::DoNotOptimize(hits.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["hits"] = static_cast<double>(hits.size());
}

// The same with the portable filter stage instead of AVX2/BMI2.
void BM_LexiconMatchPortable(benchmark::State& state) {
  const bool before = LiteralSet::SetSimdEnabled(false);
  BM_LexiconMatch(state);
  LiteralSet::SetSimdEnabled(before);
}

void BM_RawVectorscan(benchmark::State& state) {
  size_t n = static_cast<size_t>(state.range(0));
  RawHsFor(n);
  for (auto _ : state) benchmark::DoNotOptimize(RawHsPass(n));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}

void BM_Memchr(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(MemchrPass());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}

void BM_Compile(benchmark::State& state) {
  size_t n = static_cast<size_t>(state.range(0));
  auto lex = Lexicon::ParseText(LexiconText(Terms(n)), "bench.tsv");
  if (!lex.ok()) std::abort();
  size_t memory = 0;
  for (auto _ : state) {
    auto s = Scanner::Create({.lexicon = *lex});
    if (!s.ok()) std::abort();
    memory = (*s)->matcher().MemoryBytes();
  }
  state.counters["memory_MB"] = static_cast<double>(memory) / 1e6;
}

}  // namespace
}  // namespace hegui::scan

int main(int argc, char** argv) {
  using namespace hegui::scan;
  std::vector<int64_t> sizes = {10000, 100000};
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--scan_1m") == 0) {
      sizes.push_back(1000000);
    } else {
      args.push_back(argv[i]);
    }
  }
  for (int64_t n : sizes) {
    benchmark::RegisterBenchmark("BM_Compile", BM_Compile)
        ->Arg(n)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_FullPipeline", BM_FullPipeline)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_LexiconOnly", BM_LexiconOnly)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_Stream64", BM_Stream64, false)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_Stream64Drained", BM_Stream64, true)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_LexiconMatch", BM_LexiconMatch)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_LexiconMatchPortable", BM_LexiconMatchPortable)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_RawVectorscan", BM_RawVectorscan)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
  }
  // PI only does not depend on the lexicon; the arg only names the baseline.
  benchmark::RegisterBenchmark("BM_PiOnly", BM_PiOnly)->Arg(10000)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Normalize", BM_Normalize)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_NormalizeBoth", BM_NormalizeBoth)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Memchr", BM_Memchr)->Unit(benchmark::kMillisecond);
  int new_argc = static_cast<int>(args.size());
  benchmark::Initialize(&new_argc, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
