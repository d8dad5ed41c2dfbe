#include "scan/lexicon.h"

#include <gtest/gtest.h>

#include "core/data_dir.h"

namespace hegui::scan {
namespace {

TEST(LexiconTest, ParsesTermsCategoriesOptionsAndComments) {
  auto lex = Lexicon::ParseText(
      "# comment\n\n网络赌博\tgambling\tpinyin,initials\nass\tpornography\tword\n"
      "!category\tspam\tCSL-50\n垃圾广告\tspam\n打击网络赌博\tallow\n",
      "ops.tsv");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  ASSERT_EQ(lex->entries().size(), 4u);
  EXPECT_EQ(lex->entries()[0].term, "网络赌博");
  EXPECT_TRUE(lex->entries()[0].pinyin);
  EXPECT_TRUE(lex->entries()[0].initials);
  EXPECT_EQ(lex->entries()[0].rule_id, "ops.tsv:3");
  EXPECT_TRUE(lex->entries()[1].whole_word);
  EXPECT_EQ(lex->categories().at("spam"), "CSL-50");
  EXPECT_EQ(lex->categories().at("gambling"), "CSL-48");
  EXPECT_TRUE(lex->entries()[3].allow);
}

TEST(LexiconTest, MalformedLineNamesFileAndLine) {
  auto missing_field = Lexicon::ParseText("ok\tgambling\nonly-a-term\n", "my.tsv");
  ASSERT_FALSE(missing_field.ok());
  EXPECT_NE(missing_field.status().message().find("my.tsv:2"), std::string::npos)
      << missing_field.status().message();

  auto bad_category = Lexicon::ParseText("x\tnope\n", "my.tsv");
  ASSERT_FALSE(bad_category.ok());
  EXPECT_NE(bad_category.status().message().find("my.tsv:1: unknown category 'nope'"),
            std::string::npos)
      << bad_category.status().message();

  auto bad_option = Lexicon::ParseText("\n\nx\tdrugs\tfuzzy\n", "my.tsv");
  ASSERT_FALSE(bad_option.ok());
  EXPECT_NE(bad_option.status().message().find("my.tsv:3: unknown option 'fuzzy'"),
            std::string::npos);

  auto bad_directive = Lexicon::ParseText("!category\tonly-name\n", "my.tsv");
  EXPECT_FALSE(bad_directive.ok());
}

TEST(LexiconTest, YamlFormGivesTheSameEntries) {
  auto lex = Lexicon::ParseYaml(
      "categories:\n  spam: CSL-50\nterms:\n  - term: 网络赌博\n    category: gambling\n"
      "    options: [pinyin]\n  - {term: 垃圾广告, category: spam}\nallow:\n  - 打击网络赌博\n",
      "ops.yaml");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  ASSERT_EQ(lex->entries().size(), 3u);
  EXPECT_TRUE(lex->entries()[0].pinyin);
  EXPECT_EQ(lex->entries()[0].rule_id, "ops.yaml:4");
  EXPECT_EQ(lex->entries()[1].category, "spam");
  EXPECT_TRUE(lex->entries()[2].allow);
}

TEST(LexiconTest, YamlErrorsNameFileAndLine) {
  auto lex = Lexicon::ParseYaml("terms:\n  - term: x\n    category: nope\n", "ops.yaml");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("ops.yaml:2"), std::string::npos) << lex.status().message();
  auto syntax = Lexicon::ParseYaml("terms: [\n", "ops.yaml");
  EXPECT_FALSE(syntax.ok());
}

TEST(LexiconTest, DefaultLexiconLoads) {
  auto lex = Lexicon::LoadDefault();
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GT(lex->entries().size(), 30u);
}

}  // namespace
}  // namespace hegui::scan
