#include "scan/pi/resume_point.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "pi_test_util.h"
#include "scan/pi/pi_detector.h"

namespace hegui::scan {
namespace {

using testing::TestOptions;

TEST(ResumePoint, FoundAfterEachBreakCharacter) {
  EXPECT_EQ(LastResumePoint("abc", 0), kNoResumePoint);
  EXPECT_EQ(LastResumePoint("", 0), kNoResumePoint);
  EXPECT_EQ(LastResumePoint("a\nb", 0), 2u);
  EXPECT_EQ(LastResumePoint("a\nb!", 0), 4u);
  EXPECT_EQ(LastResumePoint("a\nb!", 4), kNoResumePoint);  // only points after floor
  EXPECT_EQ(LastResumePoint("好。好", 0), 6u);
  EXPECT_EQ(LastResumePoint("“好”", 0), 9u);
  // Not breaks: characters some detector reads (digit separators, e-mail and
  // address characters, the ideographic space, '：' and ',').
  EXPECT_EQ(LastResumePoint("a b-c.d,e:f@g(h)i+j#k_l%m\u3000n：o·p", 0), kNoResumePoint);
  // A wide break's last byte alone is not a break.
  EXPECT_EQ(LastResumePoint("\x82", 0), kNoResumePoint);
  EXPECT_TRUE(IsResumePoint("?x", 1));
  EXPECT_FALSE(IsResumePoint("?x", 0));
  EXPECT_FALSE(IsResumePoint("?x", 2));
}

// The resume-point property (resume_point.h) on random text: for resume points
// r < r2, scanning a prefix that ends anywhere at or after r2 from r gives
// exactly the whole text's matches in [r, r2), with or without the text more
// than kResumeLookBehindBytes before r.
TEST(ResumePoint, ScanFromAResumePointEqualsWholeTextUpToTheNext) {
  // The detector tests' fragments plus break characters and cut-off UTF-8.
  std::vector<std::string> fragments = testing::TrickyPiFragments();
  fragments.insert(fragments.end(), {"\n", "。", "!", "?", "、", "“", "”", "【", ";", "\t", "张",
                                     "ID", "phone", "\xE3\x80", "\xE3", "\xFF", "区", "号"});
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  const PiDetector& d = **detector;
  std::mt19937 random(11);
  size_t checked = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int pieces = 5 + static_cast<int>(random() % 60);
    for (int i = 0; i < pieces; ++i) text += fragments[random() % fragments.size()];
    std::vector<PiMatch> whole;
    d.Detect(text, &whole);
    std::vector<size_t> points = {0};
    for (size_t p = 1; p <= text.size(); ++p) {
      if (IsResumePoint(text, p)) points.push_back(p);
    }
    for (size_t a = 0; a < points.size(); ++a) {
      const size_t r = points[a];
      for (size_t b = a + 1; b < points.size() && b <= a + 3; ++b) {
        const size_t r2 = points[b];
        std::vector<PiMatch> expected;
        for (const PiMatch& m : whole) {
          if (m.begin >= r && m.begin < r2) expected.push_back(m);
        }
        for (size_t end : {r2, std::min(text.size(), r2 + 1 + random() % 40), text.size()}) {
          const std::string_view prefix = std::string_view(text).substr(0, end);
          // Whole prefix, and only kResumeLookBehindBytes before r kept.
          for (size_t cut :
               {size_t{0}, r > kResumeLookBehindBytes ? r - kResumeLookBehindBytes : size_t{0}}) {
            std::vector<PiMatch> part;
            d.Detect(prefix.substr(cut), r - cut, &part);
            std::vector<PiMatch> got;
            for (PiMatch m : part) {
              m.begin += cut;
              m.end += cut;
              if (m.begin < r) ADD_FAILURE() << "match before the scan start";
              if (m.begin < r2) got.push_back(m);
            }
            ASSERT_EQ(got, expected) << "text " << text << " r " << r << " r2 " << r2 << " end "
                                     << end << " cut " << cut;
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 10000u);
}

}  // namespace
}  // namespace hegui::scan
