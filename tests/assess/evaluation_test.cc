#include "assess/evaluation.h"

#include <gtest/gtest.h>

#include "assess/profile_parser.h"

namespace hegui::assess {
namespace {

class EvaluationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = law::ObligationCatalogue::LoadFile(std::string(HEGUI_SOURCE_DIR) +
                                                "/data/obligations/csl.yaml");
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    catalogue_ = std::make_unique<law::ObligationCatalogue>(std::move(*c));
  }

  std::vector<ObligationResult> Evaluate(const std::string& yaml) {
    auto p = ParseProfile(yaml, "e.yaml");
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    profile_ = std::make_unique<Profile>(std::move(*p));
    facts_ = DeriveFacts(*profile_);
    return EvaluateObligations(*catalogue_, *profile_, facts_);
  }

  static const ObligationResult& Get(const std::vector<ObligationResult>& rs, const char* id) {
    for (const auto& r : rs) {
      if (r.obligation->id.str() == id) return r;
    }
    ADD_FAILURE() << id;
    return rs.front();
  }

  std::unique_ptr<law::ObligationCatalogue> catalogue_;
  std::unique_ptr<Profile> profile_;
  FactSet facts_;
};

constexpr char kBase[] = R"(version: 1
project: {name: E}
deployment: {region: cn, exposure: internal}
service: {kinds: [internal_productivity], provided_to_others: false, critical_network_equipment: false}
sector: {industry: manufacturing, cii_designated: false, serves_cii_customers: false}
governance: {rectification_order: false}
security: {publishes_security_info: false, log_retention_days: 90}
data: []
vendors: []
)";

TEST_F(EvaluationTest, NetworkOperatorDutiesAlwaysApply) {
  auto rs = Evaluate(kBase);
  EXPECT_EQ(Get(rs, "CSL-23-3").applies, Truth::kTrue);
  EXPECT_EQ(Get(rs, "CSL-27").applies, Truth::kTrue);
  EXPECT_EQ(Get(rs, "CSL-29").applies, Truth::kTrue);
}

TEST_F(EvaluationTest, CiiDutiesApplyOnlyToCiiOperators) {
  auto rs = Evaluate(kBase);
  EXPECT_EQ(Get(rs, "CSL-36-3").applies, Truth::kFalse);
  ASSERT_EQ(Get(rs, "CSL-36-3").why.size(), 1u);
  EXPECT_EQ(Get(rs, "CSL-36-3").why[0], "cii_operator: sector.cii_designated is false");
  std::string cii = kBase;
  cii.replace(cii.find("cii_designated: false"), 21, "cii_designated: true");
  rs = Evaluate(cii);
  EXPECT_EQ(Get(rs, "CSL-36-3").applies, Truth::kTrue);
  EXPECT_EQ(Get(rs, "CSL-40").applies, Truth::kTrue);
}

TEST_F(EvaluationTest, PersonalInformationDutiesFollowTheDataMap) {
  auto rs = Evaluate(kBase);
  EXPECT_EQ(Get(rs, "CSL-43").applies, Truth::kFalse);
  std::string pi = kBase;
  pi.replace(pi.find("data: []"), 8,
             "data:\n  - {name: a, category: personal, subjects: [customers], consent: false, "
             "necessary: true, deletion: none, correction: form}");
  rs = Evaluate(pi);
  const ObligationResult& r43 = Get(rs, "CSL-43");
  EXPECT_EQ(r43.applies, Truth::kTrue);
  EXPECT_EQ(r43.status, ControlStatus::kGap);
  const ObligationResult& r45 = Get(rs, "CSL-45");
  EXPECT_EQ(r45.status, ControlStatus::kGap);
}

TEST_F(EvaluationTest, UnansweredTriggerMeansAssumedApplicable) {
  auto rs = Evaluate("version: 1\nproject: {name: E}\n");
  EXPECT_EQ(Get(rs, "CSL-49").applies, Truth::kUnknown);
  EXPECT_EQ(Get(rs, "CSL-39").applies, Truth::kUnknown);
  EXPECT_EQ(Get(rs, "CSL-49").status, ControlStatus::kUnknown);
}

TEST_F(EvaluationTest, StatusIsGapMetOrUnknownFromTheEvidence) {
  auto rs = Evaluate(kBase);
  const ObligationResult& logs = Get(rs, "CSL-23-3");
  EXPECT_EQ(logs.status, ControlStatus::kGap);
  ASSERT_EQ(logs.controls.size(), 2u);
  EXPECT_EQ(logs.controls[0].status, ControlStatus::kGap);
  EXPECT_EQ(logs.controls[0].checks[0].observed, "90");
  EXPECT_EQ(logs.controls[1].status, ControlStatus::kUnknown);
  EXPECT_EQ(logs.controls[1].checks[0].observed, "unanswered");

  std::string good = kBase;
  good.replace(good.find("log_retention_days: 90"), 22,
               "log_retention_days: 180, log_coverage: [model_calls, permission_changes, "
               "abnormal_outputs, interface_failures, data_access, human_overrides, "
               "security_incidents]");
  rs = Evaluate(good);
  EXPECT_EQ(Get(rs, "CSL-23-3").status, ControlStatus::kMet);
}

TEST_F(EvaluationTest, ContainsAllReportsWhatIsMissing) {
  std::string partial = kBase;
  partial.replace(partial.find("log_retention_days: 90"), 22,
                  "log_retention_days: 200, log_coverage: [model_calls]");
  auto rs = Evaluate(partial);
  const CheckResult& c = Get(rs, "CSL-23-3").controls[1].checks[0];
  EXPECT_EQ(c.status, ControlStatus::kGap);
  EXPECT_NE(c.observed.find("missing [permission_changes"), std::string::npos) << c.observed;
}

TEST_F(EvaluationTest, ControlLevelTriggerSkipsIrrelevantControls) {
  auto rs = Evaluate(kBase);  // no content generation
  for (const ControlResult& c : Get(rs, "CSL-13-2").controls) {
    EXPECT_NE(c.control->id, "generation-screening");
  }
}

TEST_F(EvaluationTest, RectificationOnlyUnderAnOrder) {
  auto rs = Evaluate(kBase);
  EXPECT_EQ(Get(rs, "CSL-58").applies, Truth::kFalse);
  std::string order = kBase;
  order.replace(order.find("rectification_order: false"), 26,
                "rectification_order: true, rectification_complete: false");
  rs = Evaluate(order);
  EXPECT_EQ(Get(rs, "CSL-58").status, ControlStatus::kGap);
}

TEST_F(EvaluationTest, KleeneLogic) {
  EXPECT_EQ(And(Truth::kTrue, Truth::kUnknown), Truth::kUnknown);
  EXPECT_EQ(And(Truth::kFalse, Truth::kUnknown), Truth::kFalse);
  EXPECT_EQ(Or(Truth::kTrue, Truth::kUnknown), Truth::kTrue);
  EXPECT_EQ(Or(Truth::kFalse, Truth::kUnknown), Truth::kUnknown);
  EXPECT_EQ(Not(Truth::kUnknown), Truth::kUnknown);
}

}  // namespace
}  // namespace hegui::assess
