#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace hegui {
namespace {

int Decode(std::string_view s, uint32_t* cp) {
  return DecodeUtf8(reinterpret_cast<const unsigned char*>(s.data()), s.size(), cp);
}

TEST(Utf8Test, DecodesEveryLength) {
  uint32_t cp = 0;
  EXPECT_EQ(Decode("a", &cp), 1);
  EXPECT_EQ(cp, 0x61u);
  EXPECT_EQ(Decode("é", &cp), 2);
  EXPECT_EQ(cp, 0xE9u);
  EXPECT_EQ(Decode("赌x", &cp), 3);
  EXPECT_EQ(cp, 0x8D4Cu);
  EXPECT_EQ(Decode("\U0001D41C", &cp), 4);
  EXPECT_EQ(cp, 0x1D41Cu);
  EXPECT_EQ(Decode("\xF4\x8F\xBF\xBF", &cp), 4);  // U+10FFFF, the largest.
  EXPECT_EQ(cp, 0x10FFFFu);
}

TEST(Utf8Test, RejectsOverlongSurrogateOutOfRangeAndStrayBytes) {
  uint32_t cp;
  EXPECT_EQ(Decode("\xC0\xAF", &cp), 0);          // Overlong '/'.
  EXPECT_EQ(Decode("\xC1\xBF", &cp), 0);          // Overlong.
  EXPECT_EQ(Decode("\xE0\x80\xAF", &cp), 0);      // Overlong 3-byte.
  EXPECT_EQ(Decode("\xF0\x80\x80\xAF", &cp), 0);  // Overlong 4-byte.
  EXPECT_EQ(Decode("\xED\xA0\x80", &cp), 0);      // Surrogate U+D800.
  EXPECT_EQ(Decode("\xF4\x90\x80\x80", &cp), 0);  // U+110000.
  EXPECT_EQ(Decode("\xF5\x80\x80\x80", &cp), 0);
  EXPECT_EQ(Decode("\x80", &cp), 0);  // Stray continuation byte.
  EXPECT_EQ(Decode("\xFF", &cp), 0);
  EXPECT_EQ(Decode("\xE8\xB5x", &cp), 0);  // Bad continuation.
}

TEST(Utf8Test, TruncatedValidPrefixAsksForMoreBytes) {
  uint32_t cp;
  EXPECT_EQ(Decode("\xE8", &cp), -1);
  EXPECT_EQ(Decode("\xE8\xB5", &cp), -1);
  EXPECT_EQ(Decode("\xF0\x9D\x90", &cp), -1);
  EXPECT_EQ(Decode("\xE0\x80", &cp), 0);  // Already invalid: no more bytes can help.
}

TEST(Utf8Test, AppendRoundTripsEveryScalarValueBoundary) {
  for (uint32_t c :
       {0x0u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xD7FFu, 0xE000u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    std::string s;
    AppendUtf8(c, &s);
    uint32_t back = 0;
    ASSERT_EQ(Decode(s, &back), static_cast<int>(s.size())) << c;
    EXPECT_EQ(back, c);
  }
}

TEST(Utf8Test, IsValidUtf8AcceptsOnlyWholeWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("h\xC3\xA9llo \xE4\xBD\xA0\xE5\xA5\xBD \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("a\xC0\xAF"));  // Overlong.
  EXPECT_FALSE(
      IsValidUtf8("\xED\xA0\x80"
                  "b"));                  // Surrogate.
  EXPECT_FALSE(IsValidUtf8("\xE4\xBD"));  // Cut short at the end.
  EXPECT_FALSE(IsValidUtf8("x\x80"));     // Stray continuation byte.
}

}  // namespace
}  // namespace hegui
