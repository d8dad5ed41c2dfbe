#include "scan/pi/candidate_cursor.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "pi_test_util.h"
#include "scan/pi/labelled_pi.h"

namespace hegui::scan {
namespace {

using testing::TestOptions;

// Runs `body` once per SIMD level the machine has (0 portable, 1 SSE2, 2 AVX2,
// 3 AVX-512) and restores the level in force.
template <typename Body>
void AtEveryLevel(Body body) {
  const int best = CandidateCursor::SetSimdLevel(3);
  const int top = CandidateCursor::SimdLevel();
  for (int level = 0; level <= top; ++level) {
    CandidateCursor::SetSimdLevel(level);
    body(level);
  }
  CandidateCursor::SetSimdLevel(best);
}

TEST(CandidateCursor, EveryLabelIsReturnedWhereverItStands) {
  const std::vector<std::string_view> labels = LabelTexts();
  ASSERT_GT(labels.size(), 10u);
  AtEveryLevel([&](int level) {
    for (std::string_view label : labels) {
      // Before, inside and after the SIMD blocks (the ends of the text are
      // classified byte by byte), behind plain Han text and lower-case words.
      for (size_t filler : {0, 1, 30, 63, 64, 65, 127, 200}) {
        std::string text;
        while (text.size() < filler) text += (text.size() % 2 == 0) ? "the " : "我们";
        const size_t at = text.size();
        text += label;
        text += std::string(filler % 90, 'x');
        CandidateCursor cursor(text, /*labels=*/true);
        bool returned = false;
        for (size_t p = cursor.Next(0); p < text.size(); p = cursor.Next(p + 1)) {
          returned = returned || p == at;
        }
        EXPECT_TRUE(returned) << "level " << level << " label " << label << " at " << at;
        EXPECT_TRUE(MayStartLabel(text.data() + at)) << label;
      }
    }
  });
}

TEST(CandidateCursor, PassesOverLowerCaseWordsAndStopsAtDigitsAtAndColon) {
  AtEveryLevel([](int level) {
    for (char c : {'0', '9', '@', ':'}) {
      for (size_t at : {0, 5, 63, 64, 100, 250, 299}) {
        std::string text(300, 'q');
        for (size_t k = 0; k < text.size(); k += 7) text[k] = ' ';
        text[at] = c;
        CandidateCursor cursor(text, /*labels=*/true);
        EXPECT_EQ(cursor.Next(0), at) << "level " << level << " char " << c << " at " << at;
        EXPECT_EQ(cursor.Next(at + 1), text.size()) << "level " << level;
      }
    }
  });
}

TEST(CandidateCursor, CapitalsAreCandidatesOnlyRightAfterAThreeByteCharacter) {
  AtEveryLevel([](int level) {
    for (size_t at : {3, 5, 63, 64, 66, 100, 250, 299}) {
      std::string text(300, 'q');
      text.replace(at - 3, 3, "京");
      text[at] = 'A';
      text[at + 5 < text.size() ? at + 5 : at - 10] = 'Z';  // after lower-case letters
      CandidateCursor cursor(text, /*labels=*/false);
      EXPECT_EQ(cursor.Next(0), at) << "level " << level << " at " << at;
      EXPECT_EQ(cursor.Next(at + 1), text.size()) << "level " << level;
    }
  });
}

TEST(CandidateCursor, HanCharactersAreNoCandidatesWithoutLabels) {
  AtEveryLevel([](int level) {
    std::string text;
    while (text.size() < 400) text += "姓名地址就诊人";
    text += "5";
    CandidateCursor cursor(text, /*labels=*/false);
    EXPECT_EQ(cursor.Next(0), text.size() - 1) << "level " << level;
  });
}

TEST(CandidateCursor, EverySimdLevelGivesTheSameMatches) {
  std::vector<std::string> fragments = testing::TrickyPiFragments();
  for (const char* extra :
       {"我们今天的会议", "the model output", "名叫", "住在", "法定代表人：王五", "京A·12345",
        "ab:cd", "\xE5", "\x80", "地点", "就"}) {
    fragments.push_back(extra);
  }
  auto detector = PiDetector::Create(TestOptions());
  ASSERT_TRUE(detector.ok());
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int pieces = 1 + static_cast<int>(random() % 80);
    for (int i = 0; i < pieces; ++i) text += fragments[random() % fragments.size()];
    std::vector<std::vector<PiMatch>> found;
    AtEveryLevel([&](int) {
      found.emplace_back();
      (*detector)->Detect(text, &found.back());
    });
    for (size_t level = 1; level < found.size(); ++level) {
      ASSERT_EQ(found[level], found[0]) << text << " level " << level;
    }
  }
}

}  // namespace
}  // namespace hegui::scan
