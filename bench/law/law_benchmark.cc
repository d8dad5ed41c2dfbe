// law benchmarks.
//   Search_Bm25            ArticleSearch::Search over a mix of Chinese and English queries
//   Baseline_SubstringScan the same queries as plain substring scans of every passage
//                          (no ranking, no tokenising): the cheapest possible search
//   Load_Catalogue         ArticleCatalogue::Load + PenaltyCatalogue::Load (parse everything)
//   Check_All              RunLawCheck over the loaded catalogue
//   Baseline_ReadFiles     reading the same data files without parsing them
// After the table: queries/s and loads/s with the ratio to their baseline.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "common/rate_reporter.h"
#include "core/file.h"
#include "law/article_catalogue.h"
#include "law/article_search.h"
#include "law/law_check.h"
#include "law/penalty_catalogue.h"

namespace hegui::law {
namespace {

const std::string kData = std::string(HEGUI_SOURCE_DIR) + "/data";
const std::vector<std::string> kQueries = {"网络日志 六个月",
                                           "真实身份信息",
                                           "个人信息 删除",
                                           "关键信息基础设施 境内存储",
                                           "network logs",
                                           "personal information consent",
                                           "罚款",
                                           "vulnerability"};

const ArticleCatalogue& Catalogue() {
  static const ArticleCatalogue* c = new ArticleCatalogue(*ArticleCatalogue::Load(kData));
  return *c;
}

void Search_Bm25(benchmark::State& state) {
  ArticleSearch index(Catalogue());
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(index.Search(kQueries[i++ % kQueries.size()], 10));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(Search_Bm25);

void Baseline_SubstringScan(benchmark::State& state) {
  std::vector<std::string> passages;
  for (const Article& a : Catalogue().articles()) {
    for (const ArticleText* t : {&a.zh, a.en ? &*a.en : nullptr}) {
      if (t == nullptr) continue;
      for (const Paragraph& p : t->paragraphs) {
        passages.push_back(p.text);
        for (const std::string& item : p.items) passages.push_back(item);
      }
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    const std::string& q = kQueries[i++ % kQueries.size()];
    std::vector<std::string> words;
    for (size_t pos = 0; pos <= q.size();) {
      size_t sp = q.find(' ', pos);
      if (sp == std::string::npos) sp = q.size();
      words.push_back(q.substr(pos, sp - pos));
      pos = sp + 1;
    }
    size_t matches = 0;
    for (const std::string& p : passages) {
      for (const std::string& w : words) matches += p.find(w) != std::string::npos;
    }
    benchmark::DoNotOptimize(matches);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(Baseline_SubstringScan);

void Load_Catalogue(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(ArticleCatalogue::Load(kData).ok());
    benchmark::DoNotOptimize(PenaltyCatalogue::Load(kData).ok());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(Load_Catalogue)->Unit(benchmark::kMillisecond);

void Check_All(benchmark::State& state) {
  PenaltyCatalogue penalties = *PenaltyCatalogue::Load(kData);
  for (auto _ : state) benchmark::DoNotOptimize(RunLawCheck(Catalogue(), penalties).ok());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(Check_All)->Unit(benchmark::kMillisecond);

void Baseline_ReadFiles(benchmark::State& state) {
  const char* files[] = {"csl-2025-zh.txt",
                         "csl-2025-en.yaml",
                         "csl-2016-zh.txt",
                         "csl-2016-to-2025-mapping.tsv",
                         "csl-2025-amendment-decision-zh.txt",
                         "penalties.yaml"};
  for (auto _ : state) {
    size_t bytes = 0;
    for (const char* f : files) bytes += ReadFileToString(kData + "/law/" + f)->size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(Baseline_ReadFiles)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hegui::law

int main(int argc, char** argv) {
  hegui::bench::RateReporter reporter;
  if (!hegui::bench::RunBenchmarks(&argc, argv, reporter)) return 1;
  std::printf("\nRates (ratio = rate / baseline rate, same run)\n");
  reporter.PrintRatio("BM25 search", "Search_Bm25", "Baseline_SubstringScan", "queries");
  reporter.PrintRatio("catalogue load", "Load_Catalogue", "Baseline_ReadFiles", "loads");
  reporter.PrintRatio("law check", "Check_All", "Baseline_ReadFiles", "checks");
  benchmark::Shutdown();
  return 0;
}
