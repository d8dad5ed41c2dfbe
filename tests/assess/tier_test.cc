#include "assess/tier.h"

#include <gtest/gtest.h>

#include "assess/profile_parser.h"

namespace hegui::assess {
namespace {

// A fully answered internal tool with no personal information: light review.
constexpr char kInternal[] = R"(version: 1
project: {name: T}
deployment: {region: cn, exposure: internal}
service: {kinds: [internal_productivity], provided_to_others: false}
sector: {industry: manufacturing, cii_designated: false, serves_cii_customers: false}
data:
  - {name: docs, category: general, stored_in: cn, leaves_china: false}
)";

TierDecision TierOf(const std::string& yaml) {
  auto p = ParseProfile(yaml, "t.yaml");
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return DecideTier(DeriveFacts(*p));
}

std::string With(std::string base, const std::string& from, const std::string& to) {
  size_t at = base.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return base.replace(at, from.size(), to);
}

TEST(TierTest, InternalToolWithoutPersonalInformationIsLightReview) {
  TierDecision d = TierOf(kInternal);
  EXPECT_EQ(d.tier, ReviewTier::kLight);
  EXPECT_FALSE(d.cii_adjacent);
}

TEST(TierTest, EmployeeDataOnlyStaysLight) {
  TierDecision d =
      TierOf(std::string(kInternal) +
             "  - {name: sso, category: personal, subjects: [employees], stored_in: cn, "
             "leaves_china: false}\nusers: {personal_info_subjects: 300}\n");
  EXPECT_EQ(d.tier, ReviewTier::kLight);
}

TEST(TierTest, CustomerPersonalInformationNeedsJointAssessment) {
  TierDecision d =
      TierOf(std::string(kInternal) +
             "  - {name: crm, category: personal, subjects: [customers], stored_in: cn, "
             "leaves_china: false}\nusers: {personal_info_subjects: 5000}\n");
  EXPECT_EQ(d.tier, ReviewTier::kJoint);
}

TEST(TierTest, PartnerFacingServiceNeedsJointAssessment) {
  EXPECT_EQ(TierOf(With(kInternal, "exposure: internal", "exposure: partners")).tier,
            ReviewTier::kJoint);
}

TEST(TierTest, EachEnhancedTriggerAloneGivesEnhancedReview) {
  EXPECT_EQ(TierOf(With(kInternal, "exposure: internal", "exposure: public")).tier,
            ReviewTier::kEnhanced);
  EXPECT_EQ(TierOf(With(kInternal, "industry: manufacturing", "industry: telecoms")).tier,
            ReviewTier::kEnhanced);
  EXPECT_EQ(
      TierOf(With(kInternal, "serves_cii_customers: false", "serves_cii_customers: true")).tier,
      ReviewTier::kEnhanced);
  EXPECT_EQ(TierOf(With(kInternal, "category: general", "category: important")).tier,
            ReviewTier::kEnhanced);
  EXPECT_EQ(TierOf(With(kInternal, "leaves_china: false", "leaves_china: true")).tier,
            ReviewTier::kEnhanced);
  EXPECT_EQ(TierOf(With(kInternal, "region: cn", "region: overseas")).tier, ReviewTier::kEnhanced);
  EXPECT_EQ(TierOf(std::string(kInternal) +
                   "  - {name: faces, category: sensitive_personal, subjects: [employees], "
                   "stored_in: cn, leaves_china: false}\n")
                .tier,
            ReviewTier::kEnhanced);
  EXPECT_EQ(TierOf(std::string(kInternal) +
                   "  - {name: crm, category: personal, subjects: [customers], stored_in: cn, "
                   "leaves_china: false}\nusers: {personal_info_subjects: 1000000}\n")
                .tier,
            ReviewTier::kEnhanced);
}

TEST(TierTest, KeySectorsAreCiiAdjacent) {
  for (const char* sector :
       {"finance", "energy", "transport", "public_services", "e_government", "telecoms"}) {
    TierDecision d =
        TierOf(With(kInternal, "industry: manufacturing", std::string("industry: ") + sector));
    EXPECT_TRUE(d.cii_adjacent) << sector;
    EXPECT_FALSE(d.cii_operator) << sector;
  }
  TierDecision customers = TierOf(With(kInternal, "cii_designated: false",
                                       "cii_designated: false, customer_sectors: [finance]"));
  EXPECT_TRUE(customers.cii_adjacent);
  EXPECT_FALSE(TierOf(kInternal).cii_adjacent);
}

TEST(TierTest, DesignatedCiiOperator) {
  TierDecision d = TierOf(With(kInternal, "cii_designated: false", "cii_designated: true"));
  EXPECT_TRUE(d.cii_operator);
  EXPECT_TRUE(d.cii_adjacent);
  EXPECT_EQ(d.tier, ReviewTier::kEnhanced);
}

TEST(TierTest, UnansweredQuestionsCannotLowerTheTier) {
  TierDecision d = TierOf("version: 1\nproject: {name: T}\n");
  EXPECT_EQ(d.tier, ReviewTier::kEnhanced);
  bool assumed = false;
  for (const TierReason& r : d.reasons) assumed |= r.assumed;
  EXPECT_TRUE(assumed);
  EXPECT_TRUE(d.cii_adjacent);
}

TEST(TierTest, ReasonsNameTheTriggeringFacts) {
  TierDecision d = TierOf(With(kInternal, "exposure: internal", "exposure: public"));
  ASSERT_FALSE(d.reasons.empty());
  bool found = false;
  for (const TierReason& r : d.reasons) {
    if (r.fact == "public_facing") {
      found = true;
      EXPECT_EQ(r.reason, "public interaction: deployment.exposure is public");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace hegui::assess
