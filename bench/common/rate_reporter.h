// RateReporter: Google Benchmark's console reporter that also remembers the
// rate of every run, so a benchmark binary can print its figures as ratios to
// baselines measured in the same run (the house rule for bench/).
//
// A run's rate is its items_per_second counter, or bytes_per_second when it
// has no items rate. Runs are keyed by function name, arguments and an explicit
// thread count ("BM_FullPipeline/100000", "Store_Sqlite/threads:2"); timing
// options (min_time, repeats, real_time) are not part of the key. With
// repetitions, the median aggregate is the figure kept.
//
// Not thread-safe; Google Benchmark calls a reporter from one thread.
#ifndef HEGUI_BENCH_COMMON_RATE_REPORTER_H_
#define HEGUI_BENCH_COMMON_RATE_REPORTER_H_

#include <benchmark/benchmark.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hegui::bench {

class RateReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override;

  // The rate of the run with this key; 0 when it did not run (filtered out).
  double Rate(std::string_view key) const;
  // Every rate kept, by key.
  const std::map<std::string, double, std::less<>>& rates() const { return rates_; }

  // Prints one line "label  rate unit/s  ratio x baseline" when both ran;
  // prints nothing otherwise (a filter may leave either out).
  void PrintRatio(std::string_view label, std::string_view run, std::string_view baseline,
                  std::string_view unit) const;

 private:
  std::map<std::string, double, std::less<>> rates_;
  std::set<std::string, std::less<>> from_median_;
};

// Runs the benchmarks chosen on the command line with `reporter`. Returns
// false (after printing the problem) when the command line is not understood.
bool RunBenchmarks(int* argc, char** argv, RateReporter& reporter);

}  // namespace hegui::bench

#endif  // HEGUI_BENCH_COMMON_RATE_REPORTER_H_
