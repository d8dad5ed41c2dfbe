#include "law/statute_text.h"

#include <gtest/gtest.h>

#include "core/file.h"

namespace hegui::law {
namespace {

const std::string kLawDir = std::string(HEGUI_SOURCE_DIR) + "/data/law/";

StatuteText Parse2025() {
  StatusOr<std::string> text = ReadFileToString(kLawDir + "csl-2025-zh.txt");
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  StatusOr<StatuteText> parsed = ParseStatuteText(*text, "csl-2025-zh.txt");
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return std::move(parsed).value();
}

TEST(StatuteTextTest, ShippedTextHas81ArticlesIn7Chapters) {
  StatuteText law = Parse2025();
  EXPECT_EQ(law.title, "中华人民共和国网络安全法");
  ASSERT_EQ(law.articles.size(), 81u);
  ASSERT_EQ(law.chapters.size(), 7u);
  for (size_t i = 0; i < law.articles.size(); ++i) {
    EXPECT_EQ(law.articles[i].id.number(), static_cast<int>(i) + 1);
    EXPECT_FALSE(law.articles[i].zh.paragraphs.empty());
  }
  // Chapter boundaries of the 2025 text.
  const int first[] = {1, 16, 23, 42, 53, 61, 78};
  const int last[] = {15, 22, 41, 52, 60, 77, 81};
  for (int c = 0; c < 7; ++c) {
    EXPECT_EQ(law.chapters[c].first.number(), first[c]) << "chapter " << c + 1;
    EXPECT_EQ(law.chapters[c].last.number(), last[c]) << "chapter " << c + 1;
  }
  EXPECT_EQ(law.chapters[5].title_zh, "法律责任");
}

TEST(StatuteTextTest, ChapterThreeHasTwoSections) {
  StatuteText law = Parse2025();
  const Chapter& c3 = law.chapters[2];
  ASSERT_EQ(c3.sections.size(), 2u);
  EXPECT_EQ(c3.sections[0].title_zh, "一般规定");
  EXPECT_EQ(c3.sections[0].first.number(), 23);
  EXPECT_EQ(c3.sections[0].last.number(), 32);
  EXPECT_EQ(c3.sections[1].title_zh, "关键信息基础设施的运行安全");
  EXPECT_EQ(c3.sections[1].first.number(), 33);
  EXPECT_EQ(c3.sections[1].last.number(), 41);
  EXPECT_EQ(law.articles[22].chapter, 3);
  EXPECT_EQ(law.articles[22].section, 1);
  EXPECT_EQ(law.articles[35].section, 2);
  EXPECT_EQ(law.articles[41].section, 0);  // Art. 42, chapter 4 has no sections.
  EXPECT_EQ(law.articles[0].section, 0);
}

TEST(StatuteTextTest, ItemsAttachToTheParagraphThatIntroducesThem) {
  StatuteText law = Parse2025();
  const Article& a23 = law.articles[22];
  ASSERT_EQ(a23.zh.paragraphs.size(), 1u);
  ASSERT_EQ(a23.zh.paragraphs[0].items.size(), 5u);
  EXPECT_TRUE(a23.zh.paragraphs[0].items[2].starts_with("采取监测、记录网络运行状态"));
  const Article& a36 = law.articles[35];
  ASSERT_EQ(a36.zh.paragraphs.size(), 1u);
  EXPECT_EQ(a36.zh.paragraphs[0].items.size(), 5u);
  const Article& a62 = law.articles[61];
  ASSERT_EQ(a62.zh.paragraphs.size(), 2u);
  EXPECT_EQ(a62.zh.paragraphs[0].items.size(), 3u);
  EXPECT_TRUE(a62.zh.paragraphs[1].items.empty());
  EXPECT_EQ(law.articles[23].zh.paragraphs.size(), 3u);           // Art. 24.
  EXPECT_EQ(law.articles[60].zh.paragraphs.size(), 3u);           // Art. 61.
  EXPECT_EQ(law.articles[77].zh.paragraphs[0].items.size(), 5u);  // Art. 78 definitions.
  EXPECT_EQ(law.articles[80].zh.paragraphs[0].text, "本法自2017年6月1日起施行。");
}

TEST(StatuteTextTest, Parses2016MarkdownTextWith79Articles) {
  StatusOr<std::string> text = ReadFileToString(kLawDir + "csl-2016-zh.txt");
  ASSERT_TRUE(text.ok());
  StatusOr<StatuteText> law = ParseStatuteText(*text, "csl-2016-zh.txt");
  ASSERT_TRUE(law.ok()) << law.status().ToString();
  ASSERT_EQ(law->articles.size(), 79u);
  EXPECT_EQ(law->chapters.size(), 7u);
  EXPECT_EQ(law->articles[17].zh.paragraphs.size(), 2u);           // Old 18 had two paragraphs.
  EXPECT_EQ(law->articles[68].zh.paragraphs[0].items.size(), 3u);  // Old 69 items.
}

TEST(StatuteTextTest, ArticleOutOfOrderIsAnErrorNamingTheLine) {
  std::string text = "标题\n第一章 总则\n第一条\n甲。\n第三条\n乙。\n";
  StatusOr<StatuteText> law = ParseStatuteText(text, "x.txt");
  ASSERT_FALSE(law.ok());
  EXPECT_NE(law.status().message().find("x.txt:5:"), std::string::npos) << law.status().message();
  EXPECT_NE(law.status().message().find("expected 2"), std::string::npos);
}

TEST(StatuteTextTest, ItemBeforeAnyParagraphIsAnError) {
  StatusOr<StatuteText> law = ParseStatuteText("t\n第一章 总则\n第一条\n（一）甲；\n", "x.txt");
  ASSERT_FALSE(law.ok());
  EXPECT_NE(law.status().message().find("x.txt:4:"), std::string::npos);
}

TEST(StatuteTextTest, ItemOutOfOrderIsAnError) {
  StatusOr<StatuteText> law =
      ParseStatuteText("t\n第一章 总则\n第一条\n甲：\n（一）乙；\n（三）丙。\n", "x.txt");
  ASSERT_FALSE(law.ok());
  EXPECT_NE(law.status().message().find("x.txt:6:"), std::string::npos);
}

TEST(StatuteTextTest, ProvenanceHeaderIsSkipped) {
  StatusOr<StatuteText> law = ParseStatuteText(
      "# source: somewhere\n# 第九条 not an article\n# =====\n标题\n第一章 总则\n第一条\n甲。\n",
      "x");
  ASSERT_TRUE(law.ok()) << law.status().ToString();
  EXPECT_EQ(law->title, "标题");
  EXPECT_EQ(law->articles.size(), 1u);
}

TEST(StatuteTextTest, EmptyTextIsAnError) { EXPECT_FALSE(ParseStatuteText("", "x").ok()); }

}  // namespace
}  // namespace hegui::law
