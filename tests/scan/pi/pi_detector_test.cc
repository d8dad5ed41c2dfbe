#include "scan/pi/pi_detector.h"

#include <gtest/gtest.h>

#include <random>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Detect;
using testing::TestOptions;

// A realistic chat message with one of each kind.
const std::string kMixed =
    "您好，我叫客服小王。请核对：姓名：张三，身份证号11010519491231002X，手机13812345678，"
    "卡号6222021234567890128（请勿外传），邮箱zhang.san@example.com，座机010-62345678，"
    "护照E12345678，服务器IP 10.0.12.7，车牌京A12345，信用代码91350100M000100Y43，"
    "地址：北京市海淀区中关村大街27号。Thanks!";

TEST(PiDetector, TypeNamesRoundTrip) {
  for (size_t i = 0; i < kPiTypeCount; ++i) {
    const auto type = static_cast<PiType>(i);
    EXPECT_EQ(ParsePiType(PiTypeName(type)), type);
  }
  EXPECT_EQ(PiTypeName(PiType::kResidentId), "resident_id");
  EXPECT_EQ(PiTypeName(PiType::kUnifiedSocialCreditCode), "unified_social_credit_code");
  EXPECT_EQ(ParsePiType("phone"), std::nullopt);
}

TEST(PiDetector, CreateRejectsBadOptions) {
  PiDetectorOptions options;
  options.min_confidence = 1.5f;
  EXPECT_EQ(PiDetector::Create(options).status().code(), StatusCode::kInvalidArgument);
  options.min_confidence = 0.5f;
  options.reference_year = 1800;
  EXPECT_EQ(PiDetector::Create(options).status().code(), StatusCode::kInvalidArgument);
  options.reference_year = 0;
  auto detector = PiDetector::Create(options);
  ASSERT_TRUE(detector.ok());
  EXPECT_GE((*detector)->reference_year(), 2025);
}

TEST(PiDetector, FindsEveryTypeInMixedChineseText) {
  // Each bank card candidate in kMixed must pass Luhn for this test to hold.
  ASSERT_EQ(testing::WithLuhn("622202123456789012"), "6222021234567890128");
  std::vector<PiType> types;
  for (const PiMatch& m : Detect(kMixed)) types.push_back(m.type);
  const std::vector<PiType> expected = {PiType::kPersonName,   PiType::kResidentId,
                                        PiType::kMobilePhone,  PiType::kBankCard,
                                        PiType::kEmail,        PiType::kLandline,
                                        PiType::kPassport,     PiType::kIpv4,
                                        PiType::kLicensePlate, PiType::kUnifiedSocialCreditCode,
                                        PiType::kAddress};
  EXPECT_EQ(types, expected);
}

TEST(PiDetector, ContextWordsRaiseConfidenceOfTheMixedText) {
  for (const PiMatch& m : Detect(kMixed)) {
    if (m.type == PiType::kMobilePhone || m.type == PiType::kBankCard ||
        m.type == PiType::kPassport || m.type == PiType::kResidentId) {
      EXPECT_GE(m.confidence, 0.95f) << PiTypeName(m.type);
    }
  }
}

TEST(PiDetector, MatchesAreSortedNonOverlappingAndInsideTheText) {
  const auto found = Detect(kMixed);
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_LT(found[i].begin, found[i].end);
    EXPECT_LE(found[i].end, kMixed.size());
    EXPECT_LE(found[i].end - found[i].begin, 200u);
    if (i > 0) {
      EXPECT_LE(found[i - 1].end, found[i].begin);
    }
  }
}

TEST(PiDetector, AppendsAfterExistingMatches) {
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  std::vector<PiMatch> found = {PiMatch{PiType::kEmail, 100, 200, 1.0f, "earlier"}};
  (*detector)->Detect("手机13812345678", &found);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule_id, "earlier");
  EXPECT_EQ(found[1].type, PiType::kMobilePhone);
  EXPECT_EQ(found[1].begin, 6u);
  EXPECT_EQ(found[1].end, 17u);
}

TEST(PiDetector, DisabledTypesAndMinimumConfidenceFilter) {
  PiDetectorOptions options = TestOptions();
  options.Enable(PiType::kMobilePhone, false);
  EXPECT_TRUE(testing::Found("手机13812345678", PiType::kMobilePhone, options).empty());
  options = TestOptions();
  options.min_confidence = 0.9f;
  EXPECT_TRUE(testing::Found("x 13812345678", PiType::kMobilePhone, options).empty());
  EXPECT_EQ(testing::Found("手机 13812345678", PiType::kMobilePhone, options).size(), 1u);
  options.enabled.reset();
  EXPECT_TRUE(Detect(kMixed, options).empty());
}

TEST(PiDetector, TextWithoutPersonalInformationYieldsNothing) {
  EXPECT_TRUE(
      Detect("今天天气很好，我们去公园散步吧。The quick brown fox, 2024-11-30 12:30.").empty());
  EXPECT_TRUE(Detect("价格 3.1415926535897932 元，订单 12345678901234567890123").empty());
  EXPECT_TRUE(Detect("").empty());
}

TEST(PiDetector, InvalidUtf8IsSkippedSafely) {
  const std::string text =
      "\xE4\xB8"
      "13812345678 \xFF\xFE 手机\xE6";
  const auto found = testing::Found(text, PiType::kMobilePhone);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], "13812345678");
}

TEST(PiDetector, MaxBytesBoundEveryMatch) {
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  EXPECT_GE((*detector)->MaxMatchBytes(), 64u + 1 + 190);
  EXPECT_GE((*detector)->MaxContextBytes(), 32u);
  PiDetectorOptions numbers = TestOptions();
  numbers.enabled.reset();
  numbers.Enable(PiType::kMobilePhone);
  auto small = PiDetector::Create(numbers);
  ASSERT_TRUE(small.ok());
  EXPECT_LT((*small)->MaxMatchBytes(), (*detector)->MaxMatchBytes());
}

// The stream property from the header: detecting in a window that starts
// MaxContextBytes before a match and ends MaxMatchBytes after its begin finds
// the same match with the same confidence.
TEST(PiDetector, WindowAroundAMatchFindsTheSameMatch) {
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  const PiDetector& d = **detector;
  std::vector<PiMatch> whole;
  d.Detect(kMixed, &whole);
  for (const PiMatch& m : whole) {
    const size_t from = m.begin > d.MaxContextBytes() ? m.begin - d.MaxContextBytes() : 0;
    const size_t to = std::min(kMixed.size(), m.begin + d.MaxMatchBytes());
    std::vector<PiMatch> part;
    d.Detect(std::string_view(kMixed).substr(from, to - from), &part);
    bool same = false;
    for (const PiMatch& p : part) {
      same = same || (p.begin + from == m.begin && p.end + from == m.end && p.type == m.type &&
                      p.confidence == m.confidence);
    }
    EXPECT_TRUE(same) << PiTypeName(m.type) << " at " << m.begin;
  }
}

// The stream contract from the header, simulated: text arrives in chunks;
// after each chunk, Detect runs over the unsettled tail plus MaxContextBytes()
// before it; matches beginning more than 2 * MaxMatchBytes() before the end of
// what has arrived are settled (by then every match that could overlap them is
// complete), and a match overlapping an already settled one is dropped (the
// settled one won that contest in the earlier window). The settled matches
// equal one Detect over the whole text.
std::vector<PiMatch> DetectInChunks(const PiDetector& d, std::string_view text, size_t chunk) {
  std::vector<PiMatch> settled;
  size_t committed = 0;  // matches beginning before this are settled
  const size_t hold = 2 * d.MaxMatchBytes();
  for (size_t avail = std::min(chunk, text.size());; avail = std::min(avail + chunk, text.size())) {
    const bool last = avail == text.size();
    const size_t settle_before = last ? text.size() + 1 : (avail > hold ? avail - hold : 0);
    if (settle_before > committed) {
      const size_t from = committed > d.MaxContextBytes() ? committed - d.MaxContextBytes() : 0;
      std::vector<PiMatch> part;
      d.Detect(text.substr(from, avail - from), &part);
      for (PiMatch m : part) {
        m.begin += from;
        m.end += from;
        if (m.begin < committed || m.begin >= settle_before) continue;
        if (!settled.empty() && settled.back().end > m.begin) continue;
        settled.push_back(m);
      }
      committed = settle_before;
    }
    if (last) return settled;
  }
}

TEST(PiDetector, ChunkedDetectionEqualsWholeText) {
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  const std::string text = kMixed +
                           "\n+86 138 1234 5678 / 6222 0212 3456 7890 128 / tel13812345678 " +
                           kMixed + " 联系人：司马光 住址：四川省成都市武侯区人民南路四段1号";
  std::vector<PiMatch> whole;
  (*detector)->Detect(text, &whole);
  for (size_t chunk : {1, 2, 3, 7, 16, 64, 333}) {
    EXPECT_EQ(DetectInChunks(**detector, text, chunk), whole) << "chunk " << chunk;
  }
}

TEST(PiDetector, ChunkedDetectionEqualsWholeTextOnRandomFragments) {
  const std::vector<std::string> fragments = testing::TrickyPiFragments();
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int pieces = 5 + static_cast<int>(random() % 40);
    for (int i = 0; i < pieces; ++i) text += fragments[random() % fragments.size()];
    std::vector<PiMatch> whole;
    (*detector)->Detect(text, &whole);
    const size_t chunk = 1 + random() % 50;
    ASSERT_EQ(DetectInChunks(**detector, text, chunk), whole) << text << " chunk " << chunk;
  }
}

TEST(PiDetector, RandomDigitNoiseNeverYieldsInvalidNumbers) {
  // Every reported resident ID, card and USCC passes its check, whatever the text.
  std::mt19937 random(42);
  std::string text;
  const std::string alphabet = "0123456789 -X手机卡号ABE.@:";
  for (int i = 0; i < 200000; ++i) text += alphabet[random() % alphabet.size()];
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  std::vector<PiMatch> found;
  (*detector)->Detect(text, &found);
  for (const PiMatch& m : found) {
    ASSERT_LE(m.end, text.size());
    ASSERT_LE(m.end - m.begin, (*detector)->MaxMatchBytes());
  }
}

}  // namespace
}  // namespace hegui::scan
