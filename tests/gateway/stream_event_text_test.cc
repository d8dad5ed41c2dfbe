#include "gateway/stream_event_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "fuzz/gateway/stream_event_text_reference.h"

namespace hegui::gateway {
namespace {

std::string ChatEvent(std::string_view literal) {
  return R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",)"
         R"("choices":[{"index":0,"delta":{"content":)" +
         std::string(literal) + R"(},"logprobs":null,"finish_reason":null}]})";
}

// The reader's text, checked against the full parse and the literal range.
std::optional<std::string> Read(const std::string& event, bool chat = true) {
  std::optional<StreamEventText> got = ReadStreamEventText(event, chat);
  if (!got) return std::nullopt;
  EXPECT_EQ(ReferenceStreamEventText(event, chat), got->text) << event;
  EXPECT_EQ(nlohmann::json::parse(
                event.substr(got->literal_begin, got->literal_end - got->literal_begin)),
            got->text);
  return got->text;
}

TEST(StreamEventText, ReadsTheContentOfACommonChatEvent) {
  const std::string event = ChatEvent(R"("Hello")");
  std::optional<StreamEventText> got = ReadStreamEventText(event, true);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->text, "Hello");
  EXPECT_EQ(event.substr(got->literal_begin, got->literal_end - got->literal_begin), "\"Hello\"");
}

TEST(StreamEventText, ReadsTheTextOfALegacyCompletionEvent) {
  EXPECT_EQ(Read(R"({"id":"x","choices":[{"text":"abc","index":0,"finish_reason":null}]})",
                 /*chat=*/false),
            "abc");
  // A chat reader does not take a completion's text, nor the reverse.
  EXPECT_EQ(Read(R"({"choices":[{"text":"abc"}]})", /*chat=*/true), std::nullopt);
  EXPECT_EQ(Read(ChatEvent(R"("abc")"), /*chat=*/false), std::nullopt);
}

TEST(StreamEventText, DecodesEveryEscapeExactly) {
  EXPECT_EQ(Read(ChatEvent(R"("q\" b\\ s\/ \b\f\n\r\t")")), "q\" b\\ s/ \b\f\n\r\t");
  EXPECT_EQ(Read(ChatEvent(R"("\u00e9\u4F60\u0000end")")), std::string("é你\0end", 9));
  EXPECT_EQ(Read(ChatEvent(R"("\ud83d\ude00")")), "😀");
  EXPECT_EQ(Read(ChatEvent("\"你好😀 raw\"")), "你好😀 raw");
}

TEST(StreamEventText, WhitespaceAndMemberOrderDoNotMatter) {
  EXPECT_EQ(Read("\n { \"choices\" : [ { \"finish_reason\" : null ,\r\n \"delta\" : "
                 "{ \"content\" : \"x\" } } ] , \"n\" : [1, -2.5e3, true, false, null, {}] } \t"),
            "x");
}

TEST(StreamEventText, OtherEventsAreLeftToTheFullParse) {
  for (const char* event : {
           R"({"choices":[{"delta":{"role":"assistant","content":""},"finish_reason":null}]})",
           R"({"choices":[{"delta":{"content":""},"finish_reason":null}]})",
           R"({"choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]})",
           R"({"choices":[{"delta":{"content":"x","tool_calls":[]}}]})",
           R"({"choices":[{"delta":{"function_call":{"name":"f"}}}]})",
           R"({"choices":[{"delta":{"content":null}}]})",
           R"({"choices":[{"delta":{"content":5}}]})",
           R"({"choices":[],"usage":{"prompt_tokens":3}})",
           R"({"choices":[{"delta":{"content":"x"}}],"usage":null})",
           R"({"error":{"message":"overloaded"}})",
           R"({"choices":[{"delta":{"content":"x"}},{"delta":{"content":"y"}}]})",
           R"({"choices":[{"delta":{"content":"x"}}],"choices":[{"delta":{"content":"y"}}]})",
           R"({"choices":[{"delta":{"content":"x","content":"y"}}]})",
           R"({"choic\u0065s":[{"delta":{"content":"x"}}]})",
           R"({"choices":{"delta":{"content":"x"}}})",
           R"({"choices":[["x"]]})",
           R"([{"choices":[{"delta":{"content":"x"}}]}])",
           R"("text")",
       }) {
    EXPECT_EQ(ReadStreamEventText(event, true), std::nullopt) << event;
  }
}

TEST(StreamEventText, MalformedEventsAreLeftToTheFullParse) {
  for (std::string event : {
           ChatEvent(R"("x")") + "}",
           ChatEvent(R"("x")") + " x",
           ChatEvent(R"("x)"),
           ChatEvent(R"("\ud83d")"),        // A lone high surrogate.
           ChatEvent(R"("\ude00x")"),       // A lone low surrogate.
           ChatEvent(R"("\ud83d\u0041")"),  // High surrogate, then no low one.
           ChatEvent(R"("\x")"),            // Not an escape.
           ChatEvent(R"("\u12")"),          // Short \u.
           ChatEvent("\"a\x01\""),          // A raw control character.
           ChatEvent("\"a\xC0\xAF\""),      // Overlong UTF-8.
           ChatEvent("\"a\xED\xA0\x80\""),  // A UTF-8-encoded surrogate.
           ChatEvent("\"a\xE4\xBD\""),      // Cut-short UTF-8.
           std::string(R"({"n":01,"choices":[{"delta":{"content":"x"}}]})"),
           std::string(R"({"n":1.,"choices":[{"delta":{"content":"x"}}]})"),
           std::string(R"({"n":1e999,"choices":[{"delta":{"content":"x"}}]})"),
           std::string(R"({"n":tru,"choices":[{"delta":{"content":"x"}}]})"),
           std::string(R"({"n":[1,],"choices":[{"delta":{"content":"x"}}]})"),
           std::string(R"({"choices":[{"delta":{"content":"x"}}],})"),
           std::string(""),
       }) {
    EXPECT_EQ(ReadStreamEventText(event, true), std::nullopt) << event;
    EXPECT_EQ(ReferenceStreamEventText(event, true), std::nullopt) << event;
  }
}

TEST(StreamEventText, DeepNestingIsLeftToTheFullParse) {
  std::string deep = R"({"x":)" + std::string(200, '[') + std::string(200, ']') +
                     R"(,"choices":[{"delta":{"content":"x"}}]})";
  EXPECT_EQ(ReadStreamEventText(deep, true), std::nullopt);
}

// Random texts (any code point, written raw or escaped) in events like the
// ones upstreams send: the reader takes each one and agrees with the full
// parse; every single-byte mutation of them it still takes agrees too.
TEST(StreamEventText, AgreesWithTheFullParseOnRandomAndMutatedEvents) {
  std::mt19937 rng(5);
  auto random_literal = [&](std::string* decoded) {
    std::string lit = "\"";
    for (int k = 0, n = 1 + static_cast<int>(rng() % 12); k < n; ++k) {
      uint32_t cp;
      switch (rng() % 4) {
        case 0:
          cp = 0x20 + rng() % 0x5F;
          break;
        case 1:
          cp = rng() % 0x20;
          break;
        case 2:
          cp = 0x4E00 + rng() % 0x5000;
          break;
        default:
          cp = 0x10000 + rng() % 0xFFFFF;
          break;
      }
      std::string utf8;
      if (cp < 0x80) {
        utf8.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        utf8 += static_cast<char>(0xC0 | (cp >> 6));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        utf8 += static_cast<char>(0xE0 | (cp >> 12));
        utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        utf8 += static_cast<char>(0xF0 | (cp >> 18));
        utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
      }
      *decoded += utf8;
      if (rng() % 2 == 0 && cp >= 0x20 && cp != '"' && cp != '\\') {
        lit += utf8;  // Raw.
      } else if (cp < 0x10000) {
        char buf[8];
        snprintf(buf, sizeof buf, rng() % 2 ? "\\u%04x" : "\\u%04X", cp);
        lit += buf;
      } else {
        const uint32_t v = cp - 0x10000;
        char buf[16];
        snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
        lit += buf;
      }
    }
    return lit + "\"";
  };
  int taken = 0, mutated_taken = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string decoded;
    const bool chat = rng() % 4 != 0;
    const std::string lit = random_literal(&decoded);
    const std::string event =
        chat ? ChatEvent(lit)
             : R"({"id":"c","choices":[{"text":)" + lit + R"(,"index":0,"finish_reason":null}]})";
    std::optional<StreamEventText> got = ReadStreamEventText(event, chat);
    ASSERT_TRUE(got.has_value()) << event;
    ASSERT_EQ(got->text, decoded) << event;
    ASSERT_EQ(ReferenceStreamEventText(event, chat), decoded) << event;
    ++taken;
    std::string mutated = event;
    const size_t at = rng() % mutated.size();
    switch (rng() % 3) {
      case 0:
        mutated[at] = static_cast<char>(rng() % 256);
        break;
      case 1:
        mutated.erase(at, 1);
        break;
      default:
        mutated.insert(at, 1, "\\\"{}[],:u0d8e \x80"[rng() % 15]);
        break;
    }
    if (std::optional<StreamEventText> m = ReadStreamEventText(mutated, chat)) {
      ++mutated_taken;
      ASSERT_EQ(ReferenceStreamEventText(mutated, chat), m->text) << mutated;
    }
  }
  EXPECT_EQ(taken, 1500);
  EXPECT_GT(mutated_taken, 0);
}

}  // namespace
}  // namespace hegui::gateway
