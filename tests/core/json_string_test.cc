#include "core/json_string.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace hegui {
namespace {

std::string Literal(std::string_view text) {
  std::string out;
  AppendJsonString(&out, text);
  return out;
}

TEST(JsonStringTest, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(Literal(""), R"("")");
  EXPECT_EQ(Literal("say \"hi\" \\ bye"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(Literal("a\nb\rc\td"), R"("a\nb\rc\td")");
  EXPECT_EQ(Literal(std::string("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(Literal("/ and \x7f stay"), "\"/ and \x7f stay\"");
}

TEST(JsonStringTest, CopiesUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(Literal("手机 😀"), "\"手机 😀\"");
  // A stray continuation byte, an overlong form (two bytes) and a cut-short
  // sequence at the end each become U+FFFD per byte.
  EXPECT_EQ(Literal("a\x80"
                    "b\xC0\xAF"
                    "c\xE4\xBD"),
            "\"a\uFFFDb\uFFFD\uFFFDc\uFFFD\uFFFD\"");
}

TEST(JsonStringTest, OutputParsesBackToTheValidInput) {
  const std::string text = "quote \" backslash \\ tab \t nul " + std::string(1, '\0') + " 你好";
  nlohmann::json parsed = nlohmann::json::parse(Literal(text));
  EXPECT_EQ(parsed.get<std::string>(), text);
}

}  // namespace
}  // namespace hegui
