#include "scan/scanner.h"

#include <gtest/gtest.h>

#include <string>

#include "scan/scanner_handle.h"

namespace hegui::scan {
namespace {

std::shared_ptr<const Scanner> MakeScanner(std::string_view lexicon_text,
                                           NormalizerOptions normalizer = {}) {
  auto lex = Lexicon::ParseText(lexicon_text, "test.tsv");
  EXPECT_TRUE(lex.ok()) << lex.status().ToString();
  auto scanner = Scanner::Create({.lexicon = std::move(*lex), .normalizer = normalizer});
  EXPECT_TRUE(scanner.ok()) << scanner.status().ToString();
  return *scanner;
}

std::vector<Finding> ScanOk(const Scanner& s, std::string_view text) {
  auto f = s.Scan(text);
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : std::vector<Finding>{};
}

constexpr char kLexicon[] =
    "赌博\tgambling\n"
    "网络赌博\tgambling\tpinyin,initials\n"
    "casino\tgambling\n"
    "ass\tpornography\tword\n"
    "冰毒\tdrugs\n"
    "打击网络赌博\tallow\n";

TEST(ScannerTest, FindingPointsAtOriginalBytesAndCarriesArticle) {
  auto s = MakeScanner(kLexicon);
  std::string text = "他在玩賭．博，还有冰毒";
  auto f = ScanOk(*s, text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, FindingKind::kLexicon);
  EXPECT_EQ(f[0].text, "賭．博");
  EXPECT_EQ(text.substr(f[0].begin, f[0].end - f[0].begin), f[0].text);
  EXPECT_EQ(f[0].category, "gambling");
  EXPECT_EQ(f[0].article, "CSL-48");
  EXPECT_EQ(f[0].rule_id, "test.tsv:1");
  EXPECT_EQ(f[1].text, "冰毒");
}

TEST(ScannerTest, EvasionTableIsSeenThrough) {
  auto s = MakeScanner(kLexicon);
  const char* evasions[] = {"赌博",       "賭博",         "赌.博",  "赌 博",       "赌_博",
                            "赌\u200b博", "ＣＡＳＩＮＯ", "Ⓒⓐⓢⓘⓝⓞ", "с\u0430sino", "C-A-S-I-N-O"};
  for (size_t i = 0; i < std::size(evasions); ++i) {
    std::string text = std::string("xx ") + evasions[i] + " yy";
    auto f = ScanOk(*s, text);
    ASSERT_EQ(f.size(), 1u) << evasions[i];
    EXPECT_EQ(f[0].text, evasions[i]);
  }
}

TEST(ScannerTest, EveryReportedSpanEqualsTheOriginalBytes) {
  auto s = MakeScanner(kLexicon);
  std::string text = "前言 網絡 賭博🎲和 wǎng luò dǔ bó，\xff ＣＡＳＩＮＯ ass 冰\u200b毒 wlbd";
  for (const Finding& f : ScanOk(*s, text)) {
    ASSERT_LE(f.end, text.size());
    EXPECT_EQ(text.substr(f.begin, f.end - f.begin), f.text) << f.rule_id;
  }
}

TEST(ScannerTest, AllowListPhraseSuppressesMatchesInsideIt) {
  auto s = MakeScanner(kLexicon);
  EXPECT_TRUE(ScanOk(*s, "我们要打击网络赌博。").empty());
  auto f = ScanOk(*s, "打击网络赌博，但他在网络赌博");
  ASSERT_EQ(f.size(), 2u);  // 网络赌博 and 赌博 in the second clause.
  EXPECT_GE(f[0].begin, std::string("打击网络赌博，").size());
}

TEST(ScannerTest, PinyinFullAndInitialsMatch) {
  auto s = MakeScanner(kLexicon);
  auto full = ScanOk(*s, "来玩 wangluodubo 吧");
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].text, "wangluodubo");
  EXPECT_LT(full[0].confidence, 1.0f);
  auto spaced = ScanOk(*s, "Wang Luo Du Bo");
  ASSERT_EQ(spaced.size(), 1u);
  auto initials = ScanOk(*s, "wldb 了解一下");
  ASSERT_EQ(initials.size(), 1u);
  EXPECT_EQ(initials[0].text, "wldb");
  EXPECT_TRUE(ScanOk(*s, "xwldbx").empty());  // Initials are whole-word only.
}

TEST(ScannerTest, WholeWordTermDoesNotMatchInsideLatinWord) {
  auto s = MakeScanner(kLexicon);
  EXPECT_TRUE(ScanOk(*s, "first class passage").empty());
  EXPECT_EQ(ScanOk(*s, "kiss my ass!").size(), 1u);
  EXPECT_EQ(ScanOk(*s, "你ass你").size(), 1u);  // Han next to Latin is a boundary.
}

TEST(ScannerTest, InvalidUtf8IsReportedAndScanningGoesOn) {
  auto s = MakeScanner(kLexicon);
  std::string text = "ok\xff\xfe冰毒";
  auto f = ScanOk(*s, text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, FindingKind::kInvalidUtf8);
  EXPECT_EQ(f[0].begin, 2u);
  EXPECT_EQ(f[0].end, 4u);
  EXPECT_EQ(f[1].text, "冰毒");
}

TEST(ScannerTest, RepeatCollapsingMatchesStutteredTerms) {
  auto plain = MakeScanner(kLexicon);
  EXPECT_TRUE(ScanOk(*plain, "冰冰冰毒毒").size() == 1u);  // 冰毒 inside, as written.
  EXPECT_TRUE(ScanOk(*plain, "赌赌博博").size() == 1u);
  auto collapsing = MakeScanner("casino\tgambling\n", {.collapse_repeats = true});
  auto f = ScanOk(*collapsing, "c-a-a-s-s-i-n-o");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "c-a-a-s-s-i-n-o");
}

TEST(ScannerTest, TermThatNormalisesToNothingIsACompileError) {
  auto lex = Lexicon::ParseText("ok\tdrugs\n$$$\tdrugs\n", "bad.tsv");
  ASSERT_TRUE(lex.ok());
  auto s = Scanner::Create({.lexicon = std::move(*lex)});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("bad.tsv:2"), std::string::npos);
}

TEST(ScannerTest, MaskReplacesLexiconHitsByTags) {
  auto s = MakeScanner(kLexicon);
  std::string text = "买冰毒和赌博";
  auto f = ScanOk(*s, text);
  EXPECT_EQ(MaskText(text, 0, f), "买[BLOCKED:drugs]和[BLOCKED:gambling]");
}

TEST(ScannerTest, PersonalInformationIsFoundInTheFoldedViewAndMappedBack) {
  auto s = MakeScanner(kLexicon);
  std::string text = "我的手机是１３８\u200b1234-5678，卡号6222021234567890128";
  auto f = ScanOk(*s, text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, FindingKind::kPersonalInfo);
  EXPECT_EQ(f[0].category, "mobile_phone");
  EXPECT_EQ(f[0].article, "CSL-44");
  EXPECT_EQ(f[0].text, "１３８\u200b1234-5678");
  EXPECT_EQ(text.substr(f[0].begin, f[0].end - f[0].begin), f[0].text);
  EXPECT_EQ(f[1].category, "bank_card");
  // MaskPi keeps the original characters' shape: full-width stays full-width.
  EXPECT_EQ(MaskText(text, 0, f), "我的手机是１３８\u200b****-5678，卡号622202*********0128");
}

TEST(ScannerTest, PiDetectionCanBeTurnedOff) {
  auto s = Scanner::Create({.detect_pi = false});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(ScanOk(**s, "手机13812345678").empty());
}

TEST(ScannerTest, HandleSwapsScannerAtomically) {
  ScannerHandle handle(MakeScanner("冰毒\tdrugs\n"));
  auto before = handle.Get();
  handle.Swap(MakeScanner("赌博\tgambling\n"));
  EXPECT_EQ(ScanOk(*before, "冰毒赌博").size(), 1u);  // Old snapshot still usable.
  auto f = ScanOk(*handle.Get(), "冰毒赌博");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "gambling");
}

}  // namespace
}  // namespace hegui::scan
