#include "law/stated_sanctions.h"

#include <gtest/gtest.h>

#include "law/cross_references.h"

namespace hegui::law {
namespace {

TEST(StatedSanctionsTest, SplitsClausesAndAttributesPersonsFines) {
  std::vector<StatedClause> c = ExtractStatedClauses(
      "网络运营者不履行本法第二十三条规定的义务的，由有关主管部门责令改正，给予警告，可以处一万元以"
      "上"
      "五万元以下罚款；拒不改正的，处五万元以上五十万元以下罚款，对直接负责的主管人员和其他直接责任"
      "人员"
      "处一万元以上十万元以下罚款。");
  ASSERT_EQ(c.size(), 2u);
  ASSERT_EQ(c[0].amounts.size(), 1u);
  EXPECT_TRUE(c[0].amounts[0].discretionary);
  EXPECT_FALSE(c[0].amounts[0].on_persons);
  EXPECT_EQ(c[0].amounts[0].range.min, 10000);
  ASSERT_EQ(c[1].amounts.size(), 2u);
  EXPECT_FALSE(c[1].amounts[0].on_persons);
  EXPECT_FALSE(c[1].amounts[0].discretionary);
  EXPECT_EQ(c[1].amounts[0].range.max, 500000);
  EXPECT_TRUE(c[1].amounts[1].on_persons);
  EXPECT_TRUE(c[1].amounts[1].persons_include_others);
  EXPECT_EQ(c[1].amounts[1].range.max, 100000);
}

TEST(StatedSanctionsTest, ManagersOnlyAreNotOthers) {
  std::vector<StatedClause> c = ExtractStatedClauses(
      "处五万元以上五十万元以下罚款，对直接负责的主管人员处一万元以上十万元以下罚款：");
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(c[0].amounts.size(), 2u);
  EXPECT_TRUE(c[0].amounts[1].on_persons);
  EXPECT_FALSE(c[0].amounts[1].persons_include_others);
}

TEST(StatedSanctionsTest, ReadsDetentionThresholdsMultiplesAndBans) {
  std::vector<StatedClause> c = ExtractStatedClauses(
      "由公安机关没收违法所得，处五日以下拘留，可以并处五万元以上五十万元以下罚款；没有违法所得或者"
      "违法所得不足十万元的，并处二万元以上十万元以下罚款；违法所得十万元以上的，并处违法所得一倍以"
      "上"
      "五倍以下罚款；受到治安管理处罚的人员，五年内不得从事网络安全管理工作；受到刑事处罚的人员，终"
      "身不得"
      "从事网络安全管理工作。");
  ASSERT_EQ(c.size(), 5u);
  ASSERT_EQ(c[0].amounts.size(), 2u);
  EXPECT_EQ(c[0].amounts[0].kind, StatedAmount::Kind::kDetention);
  EXPECT_EQ(c[0].amounts[0].range.max, 5);
  EXPECT_EQ(c[0].amounts[1].kind, StatedAmount::Kind::kFine);
  EXPECT_TRUE(c[0].amounts[1].discretionary);
  ASSERT_EQ(c[1].amounts.size(), 2u);
  EXPECT_EQ(c[1].amounts[0].kind, StatedAmount::Kind::kIllegalIncomeBelow);
  EXPECT_EQ(c[1].amounts[0].range.min, 100000);
  EXPECT_FALSE(c[1].amounts[1].discretionary);
  ASSERT_EQ(c[2].amounts.size(), 2u);
  EXPECT_EQ(c[2].amounts[0].kind, StatedAmount::Kind::kIllegalIncomeAtLeast);
  EXPECT_EQ(c[2].amounts[1].range.basis, AmountBasis::kIllegalIncomeMultiple);
  EXPECT_EQ(c[2].amounts[1].range.max, 5);
  ASSERT_EQ(c[3].amounts.size(), 1u);
  EXPECT_EQ(c[3].amounts[0].kind, StatedAmount::Kind::kBanYears);
  EXPECT_EQ(c[3].amounts[0].range.min, 5);
  EXPECT_TRUE(c[4].lifetime_ban);
  EXPECT_TRUE(c[4].amounts.empty());
}

TEST(StatedSanctionsTest, TextWithoutPenaltiesHasNoAmounts) {
  std::vector<StatedClause> c =
      ExtractStatedClauses("有前款行为，造成本法第六十一条第三款规定的后果的，依照该款规定处罚。");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_TRUE(c[0].amounts.empty());
  EXPECT_TRUE(ExtractStatedClauses("").empty());
}

TEST(CrossReferencesTest, ReadsArticlesParagraphsAndRanges) {
  std::vector<ProvisionRef> refs = ExtractProvisionRefs(
      "违反本法第二十四条第一款、第二款和第五十条第一款规定，有前款第一项行为；违反本法第二十四条第"
      "三款、"
      "第四十三条至第四十五条规定；本法第十三条第二款");
  std::vector<ProvisionRef> want = {
      {ArticleId(24), 1, 0}, {ArticleId(24), 2, 0}, {ArticleId(50), 1, 0}, {ArticleId(24), 3, 0},
      {ArticleId(43), 0, 0}, {ArticleId(44), 0, 0}, {ArticleId(45), 0, 0}, {ArticleId(13), 2, 0}};
  EXPECT_EQ(refs, want);
}

}  // namespace
}  // namespace hegui::law
