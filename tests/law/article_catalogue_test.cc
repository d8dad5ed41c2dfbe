#include "law/article_catalogue.h"

#include <gtest/gtest.h>

#include <set>

namespace hegui::law {
namespace {

const ArticleCatalogue& Law() {
  static const ArticleCatalogue* law = [] {
    StatusOr<ArticleCatalogue> c = ArticleCatalogue::Load(std::string(HEGUI_SOURCE_DIR) + "/data");
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return new ArticleCatalogue(std::move(c).value());
  }();
  return *law;
}

TEST(ArticleCatalogueTest, LooksArticlesUpByNumber) {
  ASSERT_EQ(Law().articles().size(), 81u);
  StatusOr<const Article*> a = Law().Get(ArticleId(23));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ((*a)->heading_zh, "第二十三条");
  EXPECT_EQ(Law().Find(ArticleId(0)), nullptr);
  EXPECT_EQ(Law().Find(ArticleId(82)), nullptr);
  StatusOr<const Article*> missing = Law().Get(ArticleId(82));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("82"), std::string::npos);
  EXPECT_NE(missing.status().message().find("1-81"), std::string::npos);
}

TEST(ArticleCatalogueTest, ProvisionExistence) {
  EXPECT_TRUE(Law().HasProvision({ArticleId(23), 0, 0}));
  EXPECT_TRUE(Law().HasProvision({ArticleId(23), 1, 3}));
  EXPECT_TRUE(Law().HasProvision({ArticleId(23), 0, 5}));
  EXPECT_FALSE(Law().HasProvision({ArticleId(23), 1, 6}));
  EXPECT_FALSE(Law().HasProvision({ArticleId(23), 2, 0}));
  EXPECT_TRUE(Law().HasProvision({ArticleId(24), 3, 0}));
  EXPECT_FALSE(Law().HasProvision({ArticleId(24), 4, 0}));
  EXPECT_TRUE(Law().HasProvision({ArticleId(13), 2, 0}));
  EXPECT_FALSE(Law().HasProvision({ArticleId(99), 0, 0}));
}

TEST(ArticleCatalogueTest, ChineseTextForCitations) {
  StatusOr<std::string> item = Law().ChineseText({ArticleId(23), 1, 3});
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(*item,
            "（三）采取监测、记录网络运行状态、网络安全事件的技术措施，并按照规定留存相关的网络日志"
            "不少于六个月；");
  StatusOr<std::string> para = Law().ChineseText({ArticleId(51), 2, 0});
  ASSERT_TRUE(para.ok());
  EXPECT_EQ(*para, "网络运营者对网信部门和有关部门依法实施的监督检查，应当予以配合。");
  StatusOr<std::string> whole = Law().ChineseText({ArticleId(36), 0, 0});
  ASSERT_TRUE(whole.ok());
  EXPECT_NE(whole->find("\n（五）法律、行政法规规定的其他义务。"), std::string::npos);
  EXPECT_EQ(Law().ChineseText({ArticleId(24), 4, 0}).status().code(), StatusCode::kNotFound);
}

TEST(ArticleCatalogueTest, EnglishTextMirrorsTheChineseStructure) {
  StatusOr<std::string> en = Law().EnglishText({ArticleId(23), 1, 3});
  ASSERT_TRUE(en.ok()) << en.status().ToString();
  EXPECT_TRUE(en->starts_with("(3) ")) << *en;
  const Chapter* c3 = Law().FindChapter(3);
  ASSERT_NE(c3, nullptr);
  EXPECT_FALSE(c3->title_en.empty());
  EXPECT_FALSE(c3->sections[1].title_en.empty());
}

TEST(ArticleCatalogueTest, Old64And66And70AllLeadToNew71) {
  for (int old : {64, 66, 70}) {
    StatusOr<Old2016Lookup> lookup = Law().LookupOld2016(old);
    ASSERT_TRUE(lookup.ok()) << old;
    ASSERT_EQ(lookup->targets.size(), 1u) << old;
    EXPECT_EQ(lookup->targets[0].article, ArticleId(71));
    EXPECT_EQ(lookup->merged_with.size(), 2u);
    EXPECT_NE(lookup->explanation.find("merged"), std::string::npos) << lookup->explanation;
  }
  AmendmentInfo info = Law().Amendment(ArticleId(71));
  EXPECT_EQ(info.old_numbers, (std::vector<int>{64, 66, 70}));
  EXPECT_TRUE(info.changed_by_decision);
}

TEST(ArticleCatalogueTest, Old69SplitsIntoNew69And70) {
  StatusOr<Old2016Lookup> lookup = Law().LookupOld2016(69);
  ASSERT_TRUE(lookup.ok());
  ASSERT_EQ(lookup->targets.size(), 2u);
  EXPECT_EQ(lookup->targets[0].article, ArticleId(69));
  EXPECT_EQ(lookup->targets[0].old_item, 1);
  EXPECT_EQ(lookup->targets[1].article, ArticleId(70));
  EXPECT_EQ(lookup->targets[1].old_item, 0);
  EXPECT_NE(lookup->explanation.find("split"), std::string::npos);
  EXPECT_EQ(Law().Amendment(ArticleId(69)).old_numbers, (std::vector<int>{68, 69}));
  EXPECT_EQ(Law().Amendment(ArticleId(70)).old_numbers, (std::vector<int>{69}));
}

TEST(ArticleCatalogueTest, NewArticlesHaveNo2016Counterpart) {
  for (int n : {3, 20, 63, 73}) {
    AmendmentInfo info = Law().Amendment(ArticleId(n));
    EXPECT_TRUE(info.old_numbers.empty()) << n;
    EXPECT_EQ(info.change, "inserted") << n;
    EXPECT_TRUE(info.changed_by_decision) << n;
    EXPECT_NE(info.summary.find("no 2016 counterpart"), std::string::npos) << info.summary;
  }
}

TEST(ArticleCatalogueTest, Old18Paragraph2WasDeleted) {
  StatusOr<Old2016Lookup> lookup = Law().LookupOld2016(18);
  ASSERT_TRUE(lookup.ok());
  ASSERT_EQ(lookup->targets.size(), 1u);
  EXPECT_EQ(lookup->targets[0].article, ArticleId(19));
  EXPECT_EQ(lookup->deleted_paragraphs, std::vector<int>{2});
  EXPECT_NE(lookup->explanation.find("Paragraph 2 of old Art. 18 was deleted"), std::string::npos);
  ASSERT_NE(Law().FindOld2016(18), nullptr);
  EXPECT_EQ(Law().FindOld2016(18)->zh.paragraphs.size(), 2u);
}

TEST(ArticleCatalogueTest, UnknownOldNumberIsNotFound) {
  StatusOr<Old2016Lookup> lookup = Law().LookupOld2016(80);
  ASSERT_FALSE(lookup.ok());
  EXPECT_EQ(lookup.status().code(), StatusCode::kNotFound);
  EXPECT_NE(lookup.status().message().find("1-79"), std::string::npos);
  EXPECT_FALSE(Law().LookupOld2016(0).ok());
}

TEST(ArticleCatalogueTest, ArticlesChangedByTheAmendmentMatchTheDecision) {
  std::set<int> changed;
  for (const Article& a : Law().articles()) {
    if (Law().Amendment(a.id).changed_by_decision) changed.insert(a.id.number());
  }
  // The decision's 14 items target these new articles; new 70 is the remainder of old 69.
  EXPECT_EQ(changed, (std::set<int>{3, 19, 20, 42, 61, 62, 63, 64, 65, 67, 69, 70, 71, 73, 77}));
  ASSERT_EQ(Law().decision().items.size(), 14u);
  EXPECT_EQ(Law().decision().items[11].kind, DecisionItem::Kind::kMerge);
  EXPECT_TRUE(Law().decision().items[11].rewrites);
  EXPECT_TRUE(Law().decision().items[7].replaces_phrase);
}

TEST(ArticleCatalogueTest, RenumberedArticleSaysSo) {
  AmendmentInfo info = Law().Amendment(ArticleId(23));
  EXPECT_EQ(info.old_numbers, std::vector<int>{21});
  EXPECT_FALSE(info.changed_by_decision);
  EXPECT_EQ(info.change, "renumbered");
}

TEST(ArticleCatalogueTest, LoadWithoutEnglishStillWorks) {
  ArticleCatalogue::Sources s;
  s.zh_2025 = "t\n第一章 总则\n第一条\n甲。\n";
  s.mapping =
      "old_2016\told_heading\tnew_2025\tnew_heading\tchange\tdecision_item\tcheck\tnote\n"
      "1\t第一条\t1\t第一条\tunchanged\t-\tidentical\tx\n";
  s.decision = "一、增加一条，作为第二条：“乙。”\n";
  StatusOr<ArticleCatalogue> c = ArticleCatalogue::FromSources(s);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->english(), nullptr);
  EXPECT_FALSE(c->articles()[0].en.has_value());
  EXPECT_EQ(c->EnglishText({ArticleId(1), 0, 0}).status().code(), StatusCode::kNotFound);
}

TEST(ArticleCatalogueTest, MissingDataDirIsNotFoundNamingThePath) {
  StatusOr<ArticleCatalogue> c = ArticleCatalogue::Load("/nonexistent/hegui");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("/nonexistent/hegui/law/csl-2025-zh.txt"), std::string::npos);
}

}  // namespace
}  // namespace hegui::law
