// Golden reports: every example profile in examples/ is assessed and rendered
// in each format and compared byte for byte with examples/reports/. To accept
// intended changes, regenerate them (docs/profile.md, "Golden reports"):
//   HEGUI_UPDATE_GOLDENS=1 ./build/tests/assess/assess_test --gtest_filter='Golden*'
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "assess/assessor.h"
#include "assess/profile_parser.h"
#include "assess/render.h"
#include "core/file.h"

namespace hegui::assess {
namespace {

const char* const kExamples[] = {"coding-copilot", "public-chatbot", "bank-rag",
                                 "ecommerce-recommender", "energy-cii-customer-service"};

bool Updating() {
  const char* v = std::getenv("HEGUI_UPDATE_GOLDENS");
  return v != nullptr && std::string(v) == "1";
}

// Compares with the golden file (or rewrites it when updating).
void Check(const std::string& relative, const std::string& actual) {
  if (Updating()) {
    ASSERT_TRUE(WriteFileAtomically(relative, actual).ok()) << relative;
    return;
  }
  StatusOr<std::string> expected = ReadFileToString(relative);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString()
                             << " (regenerate with HEGUI_UPDATE_GOLDENS=1)";
  if (*expected == actual) return;
  std::istringstream e(*expected), a(actual);
  std::string le, la;
  int line = 0;
  while (true) {
    ++line;
    bool ge = static_cast<bool>(std::getline(e, le));
    bool ga = static_cast<bool>(std::getline(a, la));
    if (!ge && !ga) break;
    if (le != la || ge != ga) {
      FAIL() << relative << " differs at line " << line << ":\n  golden: " << le
             << "\n  actual: " << la
             << "\n(regenerate with HEGUI_UPDATE_GOLDENS=1 if the change is intended)";
    }
  }
  FAIL() << relative << " differs";
}

class GoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Profiles are named relative to the source tree so reports do not depend
    // on where the tree is checked out.
    ASSERT_EQ(chdir(HEGUI_SOURCE_DIR), 0);
    auto a = Assessor::LoadDefault();
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    assessor_ = std::make_unique<Assessor>(std::move(*a));
  }
  std::unique_ptr<Assessor> assessor_;
};

TEST_F(GoldenTest, ExampleReportsMatch) {
  for (const char* name : kExamples) {
    SCOPED_TRACE(name);
    auto profile = LoadProfileFile(std::string("examples/") + name + ".yaml");
    ASSERT_TRUE(profile.ok()) << profile.status().ToString();
    Assessment a = assessor_->Assess(*profile);
    RenderOptions options = assessor_->Options();
    const std::string base = std::string("examples/reports/") + name;
    Check(base + ".md", RenderMarkdown(a, options));
    Check(base + ".html", RenderHtml(a, options));
    Check(base + ".json", RenderJson(a, options));
  }
}

TEST_F(GoldenTest, PortfolioReportMatches) {
  auto profiles = assessor_->LoadDirectory("examples");
  ASSERT_TRUE(profiles.ok()) << profiles.status().ToString();
  ASSERT_EQ(profiles->size(), std::size(kExamples));
  std::vector<Assessment> all;
  for (const Profile& p : *profiles) all.push_back(assessor_->Assess(p));
  Check("examples/reports/portfolio.md", RenderPortfolioMarkdown(all, assessor_->Options()));
}

TEST_F(GoldenTest, ReportsAreDeterministic) {
  auto profile = LoadProfileFile("examples/public-chatbot.yaml");
  ASSERT_TRUE(profile.ok());
  Assessment a1 = assessor_->Assess(*profile);
  Assessment a2 = assessor_->Assess(*profile);
  EXPECT_EQ(RenderJson(a1, assessor_->Options()), RenderJson(a2, assessor_->Options()));
  EXPECT_EQ(RenderHtml(a1, assessor_->Options()), RenderHtml(a2, assessor_->Options()));
  EXPECT_NE(RenderMarkdown(a1, assessor_->Options("2026-01-01")).find("Generated 2026-01-01."),
            std::string::npos);
}

}  // namespace
}  // namespace hegui::assess
