#include "law/obligation_catalogue.h"

#include <gtest/gtest.h>

#include "assess/evaluation.h"
#include "law/obligation.h"

namespace hegui::law {
namespace {

TEST(ObligationCatalogueTest, ShippedCatalogueLoadsAndDefinesEveryTeamId) {
  StatusOr<ObligationCatalogue> c =
      ObligationCatalogue::LoadFile(std::string(HEGUI_SOURCE_DIR) + "/data/obligations/csl.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  for (const char* id :
       {"CSL-10",   "CSL-11",   "CSL-13-2", "CSL-23-1", "CSL-23-2", "CSL-23-3", "CSL-23-4",
        "CSL-24-1", "CSL-24-2", "CSL-24-3", "CSL-25",   "CSL-26",   "CSL-27",   "CSL-28",
        "CSL-29",   "CSL-30",   "CSL-35",   "CSL-36-1", "CSL-36-2", "CSL-36-3", "CSL-36-4",
        "CSL-37",   "CSL-38",   "CSL-39",   "CSL-40",   "CSL-42",   "CSL-43",   "CSL-44",
        "CSL-45",   "CSL-48",   "CSL-49",   "CSL-50",   "CSL-51",   "CSL-58"}) {
    EXPECT_NE(c->Find(ObligationId(id)), nullptr) << id;
  }
  EXPECT_TRUE(assess::ValidateCatalogueVocabulary(*c).ok())
      << assess::ValidateCatalogueVocabulary(*c).ToString();
}

TEST(ObligationCatalogueTest, IdsSortByArticleThenNumber) {
  EXPECT_LT(ObligationId("CSL-9"), ObligationId("CSL-10"));
  EXPECT_LT(ObligationId("CSL-23-2"), ObligationId("CSL-23-10"));
  EXPECT_LT(ObligationId("CSL-23"), ObligationId("CSL-23-1"));
}

TEST(ObligationCatalogueTest, CitationShowsParagraphOrItem) {
  Obligation o;
  o.article = ArticleId(23);
  o.paragraph = 1;
  o.item = 3;
  EXPECT_EQ(o.Citation(), "Art. 23(3)");
  EXPECT_EQ(o.provision(), (ProvisionRef{ArticleId(23), 1, 3}));
  o.item.reset();
  o.article = ArticleId(24);
  o.paragraph = 2;
  EXPECT_EQ(o.Citation(), "Art. 24 para 2");
  o.paragraph.reset();
  EXPECT_EQ(o.provision(), (ProvisionRef{ArticleId(24), 0, 0}));
}

constexpr char kOne[] = R"(version: 1
obligations:
  - id: CSL-27
    article: 27
    title: t
    summary: s
    binds: network_operator
    area: incident_response
    applies_when: {all: [network_operator]}
    controls:
      - id: plan
        title: t
        evidence: [security.incident_plan == true]
        advice: a
)";

TEST(ObligationCatalogueTest, MinimalCatalogueLoads) {
  auto c = ObligationCatalogue::LoadFromString(kOne, "one.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->obligations().size(), 1u);
  EXPECT_EQ(c->obligations()[0].controls[0].evidence[0].op, CheckOp::kEq);
}

TEST(ObligationCatalogueTest, IdMustMatchArticle) {
  std::string bad = kOne;
  bad.replace(bad.find("article: 27"), 11, "article: 28");
  auto c = ObligationCatalogue::LoadFromString(bad, "bad.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("bad.yaml:3:"), std::string::npos) << c.status().message();
  EXPECT_NE(c.status().message().find("expected 'CSL-28'"), std::string::npos);
}

TEST(ObligationCatalogueTest, DuplicateIdIsRejected) {
  std::string twice = kOne;
  twice += std::string(kOne).substr(std::string(kOne).find("  - id"));
  auto c = ObligationCatalogue::LoadFromString(twice, "dup.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("duplicate obligation id 'CSL-27'"), std::string::npos)
      << c.status().message();
}

TEST(ObligationCatalogueTest, UnknownFieldNamesLineAndField) {
  std::string bad = kOne;
  bad.replace(bad.find("    title: t\n"), 13, "    titel: t\n");
  auto c = ObligationCatalogue::LoadFromString(bad, "f.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("f.yaml:5:5: obligations[0]: unknown field 'titel'"),
            std::string::npos)
      << c.status().message();
}

TEST(ObligationCatalogueTest, UnknownFactIsCaughtByVocabularyCheck) {
  std::string bad = kOne;
  bad.replace(bad.find("[network_operator]"), 18, "[network_operatr]");
  auto c = ObligationCatalogue::LoadFromString(bad, "v.yaml");
  ASSERT_TRUE(c.ok());
  Status s = assess::ValidateCatalogueVocabulary(*c);
  EXPECT_NE(s.message().find("unknown fact 'network_operatr'"), std::string::npos) << s.ToString();
}

TEST(ObligationCatalogueTest, CheckOnMissingProfileFieldIsCaught) {
  std::string bad = kOne;
  bad.replace(bad.find("security.incident_plan"), 22, "security.incident_plna");
  auto c = ObligationCatalogue::LoadFromString(bad, "v.yaml");
  ASSERT_TRUE(c.ok());
  Status s = assess::ValidateCatalogueVocabulary(*c);
  EXPECT_NE(s.message().find("no profile field 'security.incident_plna'"), std::string::npos)
      << s.ToString();
}

TEST(EvidenceCheckTest, ParsesEveryOperator) {
  auto ge = ParseEvidenceCheck("security.log_retention_days >= 180");
  ASSERT_TRUE(ge.ok());
  EXPECT_EQ(ge->path, "security.log_retention_days");
  EXPECT_EQ(ge->op, CheckOp::kGe);
  EXPECT_EQ(ge->value.integer, 180);
  auto in = ParseEvidenceCheck("identity.verification in [phone, id_document]");
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->value.list, (std::vector<std::string>{"phone", "id_document"}));
  auto set = ParseEvidenceCheck("security.owner is_set");
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->op, CheckOp::kIsSet);
  auto b = ParseEvidenceCheck("a.b != false");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->value.kind, CheckValue::Kind::kBool);
}

TEST(EvidenceCheckTest, RejectsMalformedChecks) {
  EXPECT_FALSE(ParseEvidenceCheck("security.log_retention_days >= many").ok());
  EXPECT_FALSE(ParseEvidenceCheck("security.owner").ok());
  EXPECT_FALSE(ParseEvidenceCheck("Security.Owner == x").ok());
  EXPECT_FALSE(ParseEvidenceCheck("a.b in phone").ok());
  EXPECT_FALSE(ParseEvidenceCheck("a.b is_set true").ok());
  EXPECT_FALSE(ParseEvidenceCheck("a.b contains_all []").ok());
}

}  // namespace
}  // namespace hegui::law
