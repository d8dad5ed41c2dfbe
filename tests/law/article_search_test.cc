#include "law/article_search.h"

#include <gtest/gtest.h>

namespace hegui::law {
namespace {

const ArticleSearch& Index() {
  static const ArticleSearch* index = [] {
    StatusOr<ArticleCatalogue> c = ArticleCatalogue::Load(std::string(HEGUI_SOURCE_DIR) + "/data");
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return new ArticleSearch(*c);
  }();
  return *index;
}

TEST(SearchTermsTest, ChineseBecomesBigramsAndEnglishWords) {
  std::vector<SearchTerm> t = SearchTerms("网络日志 Logs of the Network");
  std::vector<std::string> terms;
  for (const SearchTerm& s : t) terms.push_back(s.term);
  EXPECT_EQ(terms, (std::vector<std::string>{"网络", "络日", "日志", "log", "network"}));
  EXPECT_EQ(t[2].begin, 6u);
  EXPECT_EQ(t[2].end, 12u);
  std::vector<SearchTerm> single = SearchTerms("网");
  ASSERT_EQ(single.size(), 1u);
  EXPECT_EQ(single[0].term, "u:网");
  EXPECT_TRUE(SearchTerms("").empty());
  EXPECT_TRUE(SearchTerms("the of and").empty());
}

TEST(ArticleSearchTest, ChineseQueryFindsTheLogDuty) {
  std::vector<SearchHit> hits = Index().Search("网络日志 六个月", 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].where, (ProvisionRef{ArticleId(23), 1, 3}));
  EXPECT_FALSE(hits[0].english);
  EXPECT_NE(hits[0].Highlighted("[", "]").find("[网络日志]"), std::string::npos)
      << hits[0].Highlighted("[", "]");
}

TEST(ArticleSearchTest, EnglishQueryFindsTheLogDuty) {
  std::vector<SearchHit> hits = Index().Search("network logs six months", 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].where, (ProvisionRef{ArticleId(23), 1, 3}));
  EXPECT_TRUE(hits[0].english);
}

TEST(ArticleSearchTest, RankingPrefersTheArticleAboutTheTopic) {
  std::vector<SearchHit> identity = Index().Search("真实身份信息", 2);
  ASSERT_FALSE(identity.empty());
  EXPECT_TRUE(identity[0].where.article == ArticleId(26) ||
              identity[0].where.article == ArticleId(64))
      << identity[0].where.ToString();
  std::vector<SearchHit> abroad = Index().Search("境内存储 安全评估", 1);
  ASSERT_FALSE(abroad.empty());
  EXPECT_EQ(abroad[0].where.article, ArticleId(39));
  std::vector<SearchHit> delete_pi = Index().Search("删除 更正 个人信息", 1);
  ASSERT_FALSE(delete_pi.empty());
  EXPECT_EQ(delete_pi[0].where.article, ArticleId(45));
  std::vector<SearchHit> ai = Index().Search("artificial intelligence", 1);
  ASSERT_FALSE(ai.empty());
  EXPECT_EQ(ai[0].where.article, ArticleId(20));
}

TEST(ArticleSearchTest, ScoresAreOrderedAndLimitHolds) {
  std::vector<SearchHit> hits = Index().Search("罚款", 7);
  ASSERT_EQ(hits.size(), 7u);
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
  for (const SearchHit& h : hits) EXPECT_GE(h.where.article.number(), 61);
}

TEST(ArticleSearchTest, NoMatchIsEmpty) {
  EXPECT_TRUE(Index().Search("区块链 blockchainish", 5).empty());
  EXPECT_TRUE(Index().Search("", 5).empty());
  EXPECT_GT(Index().passage_count(), 250u);  // Paragraphs and items, in both languages.
}

}  // namespace
}  // namespace hegui::law
