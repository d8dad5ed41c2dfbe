#include "law/law_check.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/file.h"

namespace hegui::law {
namespace {

const std::string kData = std::string(HEGUI_SOURCE_DIR) + "/data";

const ArticleCatalogue& Articles() {
  static const ArticleCatalogue* a = [] {
    StatusOr<ArticleCatalogue> c = ArticleCatalogue::Load(kData);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return new ArticleCatalogue(std::move(c).value());
  }();
  return *a;
}

std::string ShippedPenalties() {
  StatusOr<std::string> yaml = ReadFileToString(kData + "/law/penalties.yaml");
  EXPECT_TRUE(yaml.ok());
  return *yaml;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ProblemsOf(const CheckReport& r) {
  std::string out;
  for (const CheckProblem& p : r.problems()) out += p.where + ": " + p.message + "\n";
  return out;
}

TEST(LawCheckTest, ShippedDataPasses) {
  StatusOr<PenaltyCatalogue> p = PenaltyCatalogue::Load(kData);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  CheckReport report = RunLawCheck(Articles(), *p);
  EXPECT_TRUE(report.ok()) << ProblemsOf(report);
  EXPECT_GT(report.counts().at("penalties"), 400);
  EXPECT_GT(report.counts().at("articles"), 80);
}

// Writes a mistyped copy of penalties.yaml to a temp data dir and loads it from there.
CheckReport CheckMutated(const std::string& from, const std::string& to) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) / ("hegui_law_check_" + std::to_string(::getpid()));
  fs::create_directories(dir / "law");
  EXPECT_TRUE(WriteFileAtomically((dir / "law/penalties.yaml").string(),
                                  Replace(ShippedPenalties(), from, to))
                  .ok());
  StatusOr<PenaltyCatalogue> p = PenaltyCatalogue::Load(dir.string());
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  fs::remove_all(dir);
  CheckReport report;
  CheckPenalties(Articles(), *p, &report);
  return report;
}

TEST(LawCheckTest, MistypedRangeFailsNamingPenaltyTierFieldAndBothValues) {
  CheckReport r = CheckMutated(
      "fine: {min: 500000, max: 2000000}\n        persons_fine: {min: 50000, max: 200000}\n"
      "        discretionary_sanctions",
      "fine: {min: 500000, max: 20000000}\n        persons_fine: {min: 50000, max: 200000}\n"
      "        discretionary_sanctions");
  ASSERT_EQ(r.problems().size(), 1u) << ProblemsOf(r);
  const CheckProblem& p = r.problems()[0];
  EXPECT_EQ(p.where, "PEN-69-1 tier correction_refused fine");
  EXPECT_NE(p.message.find("RMB 20,000,000"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("RMB 2,000,000 (五十万元以上二百万元以下)"), std::string::npos)
      << p.message;
}

TEST(LawCheckTest, MistypedPersonsFineFails) {
  CheckReport r = CheckMutated("persons_fine: {min: 10000, max: 100000}",
                               "persons_fine: {min: 1000, max: 100000}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems()[0].where, "PEN-61-1 tier correction_refused persons_fine");
}

TEST(LawCheckTest, WrongDiscretionFails) {
  CheckReport r = CheckMutated("fine: {min: 10000, max: 50000, discretionary: true}",
                               "fine: {min: 10000, max: 50000}");
  ASSERT_EQ(r.problems().size(), 1u) << ProblemsOf(r);
  EXPECT_NE(r.problems()[0].message.find("可以"), std::string::npos);
}

TEST(LawCheckTest, WrongMultipleBaseFails) {
  CheckReport r = CheckMutated("of: purchase_amount", "of: illegal_income");
  ASSERT_EQ(r.problems().size(), 1u) << ProblemsOf(r);
  EXPECT_EQ(r.problems()[0].where, "PEN-67 tier base fine");
}

TEST(LawCheckTest, WrongThresholdDetentionAndBanFail) {
  EXPECT_FALSE(CheckMutated("illegal_income_below: 100000", "illegal_income_below: 10000").ok());
  EXPECT_FALSE(
      CheckMutated("detention_days: {min: 5, max: 15}", "detention_days: {min: 5, max: 10}").ok());
  EXPECT_FALSE(CheckMutated("- years: 5", "- years: 3").ok());
}

TEST(LawCheckTest, UncitedClauseIsACoverageFailure) {
  // Point PEN-68-1's "close the sites and groups" tier at clause 1: clause 3 is left uncited.
  CheckReport r = CheckMutated(
      "stated_in: {paragraph: 1, clause: 3}\n        sanctions: [close_sites_and_groups]",
      "stated_in: {paragraph: 1, clause: 1}\n        sanctions: [close_sites_and_groups]");
  bool coverage = false;
  for (const CheckProblem& p : r.problems())
    coverage = coverage || p.where == "Art. 68 para 1 clause 3";
  EXPECT_TRUE(coverage) << ProblemsOf(r);
}

TEST(LawCheckTest, MissingSanctionAndWrongViolationsFail) {
  EXPECT_FALSE(CheckMutated("sanctions: [stop_sales, warning, confiscation_of_illegal_income]",
                            "sanctions: [stop_sales, warning]")
                   .ok());
  EXPECT_FALSE(CheckMutated("violations: [\"25\"]", "violations: [\"24\"]").ok());
  EXPECT_FALSE(
      CheckMutated("sanctions: [stop_sales,", "sanctions: [freeze_assets, stop_sales,").ok());
}

TEST(LawCheckTest, IdAndArticleRulesHold) {
  EXPECT_FALSE(CheckMutated("id: PEN-64\n", "id: PEN-63\n").ok());  // Duplicate and mismatched.
  EXPECT_FALSE(CheckMutated("punishes: [CSL-26]", "punishes: [CSL-26-9]").ok());
  EXPECT_FALSE(
      CheckMutated("applies_to: [CSL-24-1, CSL-50]", "applies_to: [CSL-24-3, CSL-50]").ok());
}

TEST(LawCheckTest, ObligationLinksAreCheckedAgainstKnownIds) {
  StatusOr<PenaltyCatalogue> p = PenaltyCatalogue::Load(kData);
  ASSERT_TRUE(p.ok());
  CheckReport report;
  ValidateObligationLinks(*p, {"CSL-23-1"}, &report);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problems()[0].checker, "obligation_links");
}

TEST(LawCheckTest, MissingEnglishIsAnArticlesProblem) {
  ArticleCatalogue::Sources s;
  s.zh_2025 = "t\n第一章 总则\n第一条\n甲。\n";
  s.mapping =
      "old_2016\told_heading\tnew_2025\tnew_heading\tchange\tdecision_item\tcheck\tnote\n"
      "1\t第一条\t1\t第一条\tunchanged\t-\tidentical\tx\n";
  s.decision = "一、增加一条，作为第二条：“乙。”\n";
  s.en_2025 =
      "articles:\n  - article: 1\n    title: T\n    paragraphs:\n      - text: a\n      - text: "
      "b\n";
  StatusOr<ArticleCatalogue> c = ArticleCatalogue::FromSources(s);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  CheckReport report;
  CheckArticles(*c, &report);
  std::string problems = ProblemsOf(report);
  EXPECT_NE(problems.find("has 1 articles, expected 81"), std::string::npos) << problems;
  EXPECT_NE(problems.find("English has 2 paragraphs, Chinese has 1"), std::string::npos)
      << problems;
  EXPECT_NE(problems.find("Chapter 1: English title missing"), std::string::npos) << problems;
}

TEST(LawCheckTest, MappingAgreesWithDecision) {
  CheckReport report;
  CheckMapping(Articles(), &report);
  EXPECT_TRUE(report.ok()) << ProblemsOf(report);
}

}  // namespace
}  // namespace hegui::law
