#include "assess/obligation_check.h"

#include <gtest/gtest.h>

namespace hegui::assess {
namespace {

class ObligationCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string data = std::string(HEGUI_SOURCE_DIR) + "/data";
    auto a = law::ArticleCatalogue::Load(data);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    articles_ = std::make_unique<law::ArticleCatalogue>(std::move(*a));
    auto p = law::PenaltyCatalogue::Load(data);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    penalties_ = std::make_unique<law::PenaltyCatalogue>(std::move(*p));
  }
  std::unique_ptr<law::ArticleCatalogue> articles_;
  std::unique_ptr<law::PenaltyCatalogue> penalties_;
};

TEST_F(ObligationCheckTest, ShippedCatalogueIsClean) {
  auto o = law::ObligationCatalogue::LoadFile(std::string(HEGUI_SOURCE_DIR) +
                                              "/data/obligations/csl.yaml");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  law::CheckReport report;
  CheckObligations(*articles_, *penalties_, *o, &report);
  for (const auto& p : report.problems())
    ADD_FAILURE() << p.checker << " " << p.where << ": " << p.message;
  EXPECT_GT(report.counts().at("obligations"), 30);
}

TEST_F(ObligationCheckTest, ObligationCitingAMissingParagraphIsReported) {
  // Art. 27 has one paragraph; CSL-27-2 cites a paragraph that does not exist.
  auto o = law::ObligationCatalogue::LoadFromString(R"(version: 1
obligations:
  - id: CSL-27-2
    article: 27
    paragraph: 2
    title: t
    summary: s
    binds: network_operator
    area: incident_response
    applies_when: {all: [network_operator]}
    controls:
      - {id: c, title: t, evidence: [security.incident_plan == true], advice: a}
)",
                                                    "x.yaml");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  law::CheckReport report;
  CheckObligations(*articles_, *penalties_, *o, &report);
  bool missing_provision = false, dangling_link = false;
  for (const auto& p : report.problems()) {
    if (p.where == "CSL-27-2" && p.message.find("does not have") != std::string::npos) {
      missing_provision = true;
    }
    if (p.checker == "obligation_links") dangling_link = true;  // penalties cite CSL-23-1 etc.
  }
  EXPECT_TRUE(missing_provision);
  EXPECT_TRUE(dangling_link);
}

}  // namespace
}  // namespace hegui::assess
