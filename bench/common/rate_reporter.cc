#include "common/rate_reporter.h"

#include <cstdio>
#include <utility>

namespace hegui::bench {
namespace {

std::string RunKey(const benchmark::BenchmarkReporter::Run& run) {
  benchmark::BenchmarkName name = run.run_name;
  name.min_time.clear();
  name.min_warmup_time.clear();
  name.iterations.clear();
  name.repetitions.clear();
  name.time_type.clear();
  return name.str();
}

}  // namespace

void RateReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.error_occurred) continue;
    const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
    if (run.run_type == Run::RT_Aggregate && !median) continue;
    std::string key = RunKey(run);
    if (!median && from_median_.count(key) > 0) continue;
    auto rate = run.counters.find("items_per_second");
    if (rate == run.counters.end()) rate = run.counters.find("bytes_per_second");
    if (rate == run.counters.end()) continue;
    rates_[key] = rate->second.value;
    if (median) from_median_.insert(std::move(key));
  }
}

double RateReporter::Rate(std::string_view key) const {
  auto it = rates_.find(key);
  return it == rates_.end() ? 0.0 : it->second;
}

void RateReporter::PrintRatio(std::string_view label, std::string_view run,
                              std::string_view baseline, std::string_view unit) const {
  const double rate = Rate(run);
  const double base = Rate(baseline);
  if (rate <= 0 || base <= 0) return;
  double shown = rate;
  const char* prefix = "";
  for (const auto& [scale, name] : {std::pair{1e9, "G"}, {1e6, "M"}, {1e3, "k"}}) {
    if (rate >= scale) {
      shown = rate / scale;
      prefix = name;
      break;
    }
  }
  std::printf("  %-46.*s %9.2f %s%.*s/s  %8.3fx %.*s\n", static_cast<int>(label.size()),
              label.data(), shown, prefix, static_cast<int>(unit.size()), unit.data(), rate / base,
              static_cast<int>(baseline.size()), baseline.data());
}

bool RunBenchmarks(int* argc, char** argv, RateReporter& reporter) {
  benchmark::Initialize(argc, argv);
  if (benchmark::ReportUnrecognizedArguments(*argc, argv)) return false;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  return true;
}

}  // namespace hegui::bench
