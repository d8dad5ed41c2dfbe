#include "assess/exposure.h"

#include <gtest/gtest.h>

namespace hegui::assess {
namespace {

PenaltyTierTerms Tier(PenaltyTierKind k, std::optional<FineRange> entity,
                      std::optional<FineRange> persons = std::nullopt) {
  return PenaltyTierTerms{k, entity, persons};
}

// Art. 61 para. 1 as the statute states it: base 1-5万; refused 5-50万 and
// persons 1-10万; serious 50-200万 / persons 5-20万; particularly serious
// 200-1000万 / persons 20-100万.
PenaltyTerms Pen61() {
  PenaltyTerms p;
  p.id = "PEN-61-1";
  p.article = 61;
  p.tiers = {
      Tier(PenaltyTierKind::kWarning, std::nullopt),
      Tier(PenaltyTierKind::kBase, FineRange{10'000, 50'000}),
      Tier(PenaltyTierKind::kCorrectionRefused, FineRange{50'000, 500'000},
           FineRange{10'000, 100'000}),
      Tier(PenaltyTierKind::kSerious, FineRange{500'000, 2'000'000}, FineRange{50'000, 200'000}),
      Tier(PenaltyTierKind::kParticularlySerious, FineRange{2'000'000, 10'000'000},
           FineRange{200'000, 1'000'000})};
  p.punishes = {"CSL-23-1", "CSL-23-3", "CSL-27"};
  return p;
}

// Art. 62: warning first; refused 5-50万, persons 1-10万.
PenaltyTerms Pen62() {
  PenaltyTerms p;
  p.id = "PEN-62";
  p.article = 62;
  p.tiers = {Tier(PenaltyTierKind::kWarning, std::nullopt),
             Tier(PenaltyTierKind::kCorrectionRefused, FineRange{50'000, 500'000},
                  FineRange{10'000, 100'000})};
  p.punishes = {"CSL-24-1", "CSL-24-2"};
  return p;
}

PenaltyTerms Referred() {
  PenaltyTerms p;
  p.id = "PEN-71";
  p.article = 71;
  p.referred = true;
  p.punishes = {"CSL-43", "CSL-24-1"};
  return p;
}

TEST(ExposureTest, BaseIsTheFirstInstanceTierAndWorstIsTheHighest) {
  Exposure e = ExposureOf(Pen61(), "CSL-23-3");
  EXPECT_EQ(e.entity_base, (FineRange{10'000, 50'000}));
  EXPECT_EQ(e.entity_worst, (FineRange{2'000'000, 10'000'000}));
  EXPECT_EQ(e.persons_base, (FineRange{0, 0}));
  EXPECT_EQ(e.persons_worst, (FineRange{200'000, 1'000'000}));
}

TEST(ExposureTest, WarningOnlyFirstInstanceHasZeroBase) {
  Exposure e = ExposureOf(Pen62(), "CSL-24-1");
  EXPECT_EQ(e.entity_base, (FineRange{0, 0}));
  EXPECT_EQ(e.entity_worst, (FineRange{50'000, 500'000}));
  EXPECT_EQ(e.persons_worst, (FineRange{10'000, 100'000}));
}

TEST(ExposureTest, ReferredProvisionsAddNothing) {
  EXPECT_EQ(ExposureOf(Referred(), "CSL-43"), Exposure{});
}

TEST(ExposureTest, GapTakesTheMaximumOverItsProvisions) {
  std::vector<PenaltyTerms> all = {Pen61(), Pen62(), Referred()};
  Exposure e = GapExposure(PenaltiesFor(all, "CSL-24-1"), "CSL-24-1");
  EXPECT_EQ(e.entity_worst, (FineRange{50'000, 500'000}));
  EXPECT_EQ(PenaltiesFor(all, "CSL-24-1").size(), 2u);
  EXPECT_TRUE(PenaltiesFor(all, "CSL-99").empty());
}

TEST(ExposureTest, TotalCountsEachProvisionOnce) {
  std::vector<PenaltyTerms> all = {Pen61(), Pen62(), Referred()};
  // Three gaps under Art. 61 para. 1 and one under Art. 62.
  Exposure t = TotalExposure(all, {"CSL-23-1", "CSL-23-3", "CSL-27", "CSL-24-2"});
  EXPECT_EQ(t.entity_base, (FineRange{10'000, 50'000}));
  EXPECT_EQ(t.entity_worst, (FineRange{2'050'000, 10'500'000}));
  EXPECT_EQ(t.persons_worst, (FineRange{210'000, 1'100'000}));
  EXPECT_EQ(TotalExposure(all, {}), Exposure{});
  EXPECT_EQ(TotalExposure(all, {"CSL-43"}), Exposure{});
}

TEST(ExposureTest, TiersLimitedToSomeObligationsApplyOnlyToThem) {
  // Art. 62 para 2: only items (1) and (2) (malware, vulnerabilities) can
  // reach the Art. 61 para 3 serious tier; ending maintenance cannot.
  PenaltyTerms p = Pen62();
  p.tiers.push_back(
      Tier(PenaltyTierKind::kSerious, FineRange{500'000, 2'000'000}, FineRange{50'000, 200'000}));
  p.tiers.back().applies_to = {"CSL-24-1"};
  EXPECT_EQ(ExposureOf(p, "CSL-24-1").entity_worst, (FineRange{500'000, 2'000'000}));
  EXPECT_EQ(ExposureOf(p, "CSL-24-2").entity_worst, (FineRange{50'000, 500'000}));
  // Two gaps under one provision: counted once, at the larger of the two.
  std::vector<PenaltyTerms> all = {p};
  EXPECT_EQ(TotalExposure(all, {"CSL-24-1", "CSL-24-2"}).entity_worst,
            (FineRange{500'000, 2'000'000}));
  EXPECT_EQ(TotalExposure(all, {"CSL-24-2"}).entity_worst, (FineRange{50'000, 500'000}));
}

TEST(ExposureTest, FormatsRmbWithThousandsSeparators) {
  EXPECT_EQ(FormatRmb(0), "0");
  EXPECT_EQ(FormatRmb(999), "999");
  EXPECT_EQ(FormatRmb(10'000), "10,000");
  EXPECT_EQ(FormatRmb(10'000'000), "10,000,000");
  EXPECT_EQ(FormatRange(FineRange{10'000, 50'000}), "RMB 10,000-50,000");
  EXPECT_EQ(FormatRange(FineRange{}), "RMB 0");
}

}  // namespace
}  // namespace hegui::assess
