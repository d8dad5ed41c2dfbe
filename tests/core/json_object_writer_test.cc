#include "core/json_object_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace hegui {
namespace {

TEST(JsonObjectWriterTest, WritesFieldsInCallOrder) {
  JsonObjectWriter w;
  w.Str("model", "qwen \"max\"");
  w.Int("status", -200);
  w.Bool("stream", true);
  w.Double("latency_ms", 1.5);
  EXPECT_EQ(std::move(w).Finish().text(),
            R"({"model":"qwen \"max\"","status":-200,"stream":true,"latency_ms":1.5})");
}

TEST(JsonObjectWriterTest, EmptyObjectIsBraces) {
  EXPECT_EQ(JsonObjectWriter().Finish().text(), "{}");
}

TEST(JsonObjectWriterTest, ArraysOfObjectsAndNestedObjects) {
  JsonObjectWriter w;
  w.BeginArray("findings");
  w.BeginObject("");
  w.Str("kind", "pi");
  w.End();
  w.BeginObject("");
  w.Int("offset", 3);
  w.End();
  w.End();
  w.BeginObject("usage");
  w.Int("prompt_tokens", 7);
  w.End();
  w.BeginArray("none");
  w.End();
  EXPECT_EQ(std::move(w).Finish().text(),
            R"({"findings":[{"kind":"pi"},{"offset":3}],"usage":{"prompt_tokens":7},"none":[]})");
}

TEST(JsonObjectWriterTest, FinishClosesWhatIsStillOpen) {
  JsonObjectWriter w;
  w.BeginArray("a");
  w.BeginObject("");
  w.BeginArray("b");
  EXPECT_EQ(std::move(w).Finish().text(), R"({"a":[{"b":[]}]})");
}

TEST(JsonObjectWriterTest, NonFiniteDoublesAreNullAndInvalidUtf8IsReplaced) {
  JsonObjectWriter w;
  w.Double("inf", std::numeric_limits<double>::infinity());
  w.Double("nan", std::nan(""));
  w.Str("bad\xC0", "x\xFFy");
  const std::string text = std::move(w).Finish().text();
  EXPECT_EQ(text, "{\"inf\":null,\"nan\":null,\"bad\xEF\xBF\xBD\":\"x\xEF\xBF\xBDy\"}");
  EXPECT_TRUE(nlohmann::json::accept(text));
}

// Any sequence of well-formed calls (keys empty inside arrays, as required)
// with arbitrary bytes for keys and strings yields one JSON object.
TEST(JsonObjectWriterTest, RandomCallSequencesAlwaysGiveOneJsonObject) {
  std::mt19937 rng(11);
  auto bytes = [&] {
    std::string s(rng() % 6, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    return s;
  };
  for (int round = 0; round < 2000; ++round) {
    JsonObjectWriter w;
    std::vector<bool> in_array = {false};
    for (int step = 0, steps = static_cast<int>(rng() % 20); step < steps; ++step) {
      std::string key = in_array.back() ? "" : bytes();
      switch (rng() % 7) {
        case 0:
          w.Str(key, bytes());
          break;
        case 1:
          w.Int(key, static_cast<int64_t>(rng()) - (1ll << 31));
          break;
        case 2:
          w.Bool(key, rng() % 2 == 0);
          break;
        case 3: {
          const double values[] = {0.0, -0.0, 1e300, -2.5e-300, 3.0, std::nan("")};
          w.Double(key, values[rng() % 6]);
          break;
        }
        case 4:
          w.BeginArray(key);
          in_array.push_back(true);
          break;
        case 5:
          w.BeginObject(key);
          in_array.push_back(false);
          break;
        case 6:
          if (in_array.size() > 1) {
            w.End();
            in_array.pop_back();
          }
          break;
      }
    }
    const std::string text = std::move(w).Finish().text();
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << text;
    ASSERT_TRUE(parsed.is_object()) << text;
  }
}

}  // namespace
}  // namespace hegui
