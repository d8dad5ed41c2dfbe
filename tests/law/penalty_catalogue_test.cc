#include "law/penalty_catalogue.h"

#include <gtest/gtest.h>

#include <set>

namespace hegui::law {
namespace {

const PenaltyCatalogue& Penalties() {
  static const PenaltyCatalogue* p = [] {
    StatusOr<PenaltyCatalogue> c = PenaltyCatalogue::Load(std::string(HEGUI_SOURCE_DIR) + "/data");
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return new PenaltyCatalogue(std::move(c).value());
  }();
  return *p;
}

// The obligation ids fixed across the team (data/obligations/csl.yaml).
const std::vector<std::string> kObligationIds = {
    "CSL-10",   "CSL-11",   "CSL-13-2", "CSL-23-1", "CSL-23-2", "CSL-23-3", "CSL-23-4",
    "CSL-24-1", "CSL-24-2", "CSL-24-3", "CSL-25",   "CSL-26",   "CSL-27",   "CSL-28",
    "CSL-29",   "CSL-30",   "CSL-35",   "CSL-36-1", "CSL-36-2", "CSL-36-3", "CSL-36-4",
    "CSL-37",   "CSL-38",   "CSL-39",   "CSL-40",   "CSL-42",   "CSL-43",   "CSL-44",
    "CSL-45",   "CSL-48",   "CSL-49",   "CSL-50",   "CSL-51",   "CSL-58"};

TEST(PenaltyCatalogueTest, CoversArticles61To77) {
  std::set<int> articles;
  for (const Penalty& p : Penalties().penalties()) articles.insert(p.article.number());
  for (int n = 61; n <= 77; ++n) EXPECT_TRUE(articles.contains(n)) << n;
}

TEST(PenaltyCatalogueTest, LookupByObligationGivesRanges) {
  std::vector<const Penalty*> p = Penalties().ForObligation("CSL-23-3");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0]->id, "PEN-61-1");
  FineExposure e = Penalties().ExposureFor("CSL-23-3");
  ASSERT_TRUE(e.base.has_value());
  EXPECT_EQ(e.base->min, 10000);
  EXPECT_EQ(e.base->max, 50000);
  EXPECT_EQ(e.worst_max, 10000000);
  EXPECT_EQ(e.persons_worst_max, 1000000);
  EXPECT_FALSE(e.has_multiples);
  EXPECT_FALSE(e.referral_only);
}

TEST(PenaltyCatalogueTest, TiersHonourAppliesTo) {
  const Penalty* p62 = Penalties().Find("PEN-62");
  ASSERT_NE(p62, nullptr);
  // Stopping maintenance (item 3) does not escalate to Art. 61 para 3.
  EXPECT_EQ(PenaltyCatalogue::TiersFor(*p62, "CSL-24-2").size(), 2u);
  EXPECT_EQ(PenaltyCatalogue::TiersFor(*p62, "CSL-24-1").size(), 4u);
  EXPECT_EQ(Penalties().ExposureFor("CSL-24-2").worst_max, 500000);
  EXPECT_EQ(Penalties().ExposureFor("CSL-24-1").worst_max, 10000000);
}

TEST(PenaltyCatalogueTest, MultiplesAndReferralsAreFlagged) {
  EXPECT_TRUE(Penalties().ExposureFor("CSL-37").has_multiples);
  EXPECT_TRUE(Penalties().ExposureFor("CSL-25").has_multiples);
  FineExposure pi = Penalties().ExposureFor("CSL-43");
  EXPECT_TRUE(pi.referral_only);
  EXPECT_FALSE(pi.worst_max.has_value());
  EXPECT_TRUE(Penalties().ExposureFor("CSL-10").penalty_ids.empty());
}

TEST(PenaltyCatalogueTest, PersonsAsTakesTheIndividualsAmounts) {
  FineExposure e = Penalties().ExposureFor("CSL-29");
  EXPECT_EQ(e.worst_max, 1000000);
  EXPECT_EQ(e.persons_worst_max, 1000000);  // PEN-66-2 persons punished under PEN-66-1.
}

TEST(PenaltyCatalogueTest, PunishesUsesOnlyTheTeamsObligationIds) {
  std::set<std::string> known(kObligationIds.begin(), kObligationIds.end());
  for (const Penalty& p : Penalties().penalties()) {
    for (const std::string& id : p.punishes) EXPECT_TRUE(known.contains(id)) << p.id << " " << id;
  }
}

TEST(ObligationProvisionTest, FollowsTheIdRule) {
  EXPECT_EQ(*ObligationProvision("CSL-10"), (ProvisionRef{ArticleId(10), 0, 0}));
  EXPECT_EQ(*ObligationProvision("CSL-24-3"), (ProvisionRef{ArticleId(24), 3, 0}));
  EXPECT_EQ(*ObligationProvision("CSL-23-3"), (ProvisionRef{ArticleId(23), 1, 3}));
  EXPECT_EQ(*ObligationProvision("CSL-36-4"), (ProvisionRef{ArticleId(36), 1, 4}));
  for (const char* bad : {"CSL-", "CSL-x", "CSL-23-", "CSL-23-0", "PEN-61", "CSL-23-1-2", ""}) {
    EXPECT_FALSE(ObligationProvision(bad).ok()) << bad;
  }
}

TEST(PenaltyCatalogueParseTest, UnknownFieldNamesNearestValidOne) {
  StatusOr<PenaltyCatalogue> c = PenaltyCatalogue::Parse(
      "penalties:\n  - id: PEN-61-1\n    article: 61\n    kind: fine\n    offendr: x\n", "p.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("p.yaml:5:5"), std::string::npos) << c.status().message();
  EXPECT_NE(c.status().message().find("'offender'"), std::string::npos);
}

TEST(PenaltyCatalogueParseTest, BadEnumValueSaysWhatWasExpected) {
  StatusOr<PenaltyCatalogue> c = PenaltyCatalogue::Parse(
      "penalties:\n  - id: PEN-61-1\n    article: 61\n    kind: fines\n    offender: x\n"
      "    summary: s\n",
      "p.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("did you mean 'fine'"), std::string::npos)
      << c.status().message();
}

TEST(PenaltyCatalogueParseTest, MalformedYamlNamesLineAndColumn) {
  StatusOr<PenaltyCatalogue> c = PenaltyCatalogue::Parse("penalties: [\n  {id: x\n", "p.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("p.yaml:"), std::string::npos);
}

TEST(PenaltyCatalogueParseTest, WrongTypeIsAnError) {
  StatusOr<PenaltyCatalogue> c = PenaltyCatalogue::Parse(
      "penalties:\n  - id: PEN-61-1\n    article: sixty-one\n    kind: fine\n", "p.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("expected an integer"), std::string::npos);
}

}  // namespace
}  // namespace hegui::law
