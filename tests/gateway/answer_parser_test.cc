#include "gateway/answer_parser.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "tests/gateway/random_json_pieces.h"

namespace hegui::gateway {
namespace {

using nlohmann::json;

TEST(AnswerParserTest, CommonAnswerIsKeptAsSentWithItsTextsAndUsage) {
  const std::string body =
      R"({"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"a\u4f60"},)"
      R"("finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":7}} )";
  Answer answer;
  ASSERT_TRUE(ParseAnswer(body, &answer).ok());
  EXPECT_EQ(answer.body, body);
  EXPECT_TRUE(answer.has_choices);
  ASSERT_EQ(answer.texts.size(), 1u);
  EXPECT_EQ(answer.texts[0].text, "a你");
  EXPECT_EQ(answer.prompt_tokens, 12);
  EXPECT_EQ(answer.completion_tokens, 7);
  EXPECT_EQ(ForwardedAnswerBody(answer), body);
  answer.texts[0].text = "[masked]";
  answer.texts[0].rewritten = true;
  answer.review_id = "r-1";
  json sent = json::parse(ForwardedAnswerBody(answer));
  EXPECT_EQ(sent["choices"][0]["message"]["content"], "[masked]");
  EXPECT_EQ(sent["hegui"], json({{"review_id", "r-1"}, {"flagged", true}}));
  EXPECT_EQ(sent["id"], "x");
}

TEST(AnswerParserTest, RefusalsNameWhatIsWrong) {
  Answer answer;
  EXPECT_EQ(ParseAnswer("[1]", &answer).message(), "upstream answer is not a JSON object");
  EXPECT_EQ(ParseAnswer("{\"a\":", &answer).message(), "upstream answer is not a JSON object");
  EXPECT_EQ(ParseAnswer(std::string(200, '[') + std::string(200, ']'), &answer).message(),
            "upstream answer nests deeper than 128 levels");
}

// The strings output_scan scanned when it read a JSON tree.
std::vector<json*> DomTexts(json& r) {
  std::vector<json*> out;
  auto add = [&out](json& parent, const char* field) {
    if (parent.is_object() && parent.contains(field) && parent[field].is_string()) {
      out.push_back(&parent[field]);
    }
  };
  if (!r.contains("choices") || !r["choices"].is_array()) return out;
  for (auto& choice : r["choices"]) {
    if (!choice.is_object()) continue;
    add(choice, "text");
    if (!choice.contains("message") || !choice["message"].is_object()) continue;
    json& message = choice["message"];
    add(message, "content");
    add(message, "refusal");
    if (message.contains("function_call") && message["function_call"].is_object()) {
      add(message["function_call"], "arguments");
    }
    if (message.contains("tool_calls") && message["tool_calls"].is_array()) {
      for (auto& call : message["tool_calls"]) {
        if (call.is_object() && call.contains("function") && call["function"].is_object()) {
          add(call["function"], "arguments");
        }
      }
    }
  }
  return out;
}

class AnswerGenerator : public RandomJsonPieces {
 public:
  explicit AnswerGenerator(uint32_t seed) : RandomJsonPieces(seed) {}
  std::string Answer() {
    std::vector<std::string> m;
    if (Chance(90)) m.push_back(Key("choices") + (Chance(95) ? Choices() : Value(2)));
    if (Chance(60)) m.push_back(Key("usage") + Usage());
    if (Chance(50)) m.push_back(Key("id") + Text());
    if (Chance(10)) m.push_back(Key("hegui") + Value(2));
    if (Chance(6) && !m.empty()) m.push_back(m[rng_() % m.size()]);
    std::string body = Object(std::move(m)) + Space();
    switch (rng_() % 30) {
      case 0:
        return body.substr(0, rng_() % (body.size() + 1));
      case 1:
        return "[" + body + "]";
      case 2:
        return "\xEF\xBB\xBF" + body;
      default:
        return body;
    }
  }

 private:
  std::string Text() {
    if (Chance(95)) {
      return Pick({R"("hello")", R"("")", R"("请帮我")", R"("id 13900001111")", R"("a\"b\u0000")",
                   R"("\ud83d\ude00")", R"("{\"to\":\"x\"}")"});
    }
    return Pick({R"("\ud83d")", R"("bad\q")", "\"\xC3\x28\""});
  }
  std::string Value(int depth) {
    switch (depth <= 0 ? rng_() % 3 : rng_() % 5) {
      case 0:
        return Text();
      case 1:
        return Pick({"1", "-2", "2.5", "true", "null", "1e-400", "1e400", "01"});
      case 2:
        return Pick({"[]", "{}"});
      case 3:
        return "[" + Value(depth - 1) + "," + Value(depth - 1) + "]";
      default:
        return Object({Key(Pick({"a", "text", "content"})) + Value(depth - 1)});
    }
  }
  std::string Object(std::vector<std::string> members) {
    std::shuffle(members.begin(), members.end(), rng_);
    std::string out = Space() + "{";
    for (size_t i = 0; i < members.size(); ++i) out += (i ? "," : "") + members[i];
    return out + Space() + "}";
  }
  std::string Maybe(const std::string& key, std::string value, std::vector<std::string>* m) {
    if (Chance(50)) m->push_back(Key(key) + (Chance(90) ? value : Value(1)));
    if (Chance(3)) m->push_back(Key(key) + Value(1));  // A duplicate, perhaps.
    return {};
  }
  std::string Function() {
    std::vector<std::string> m;
    Maybe("arguments", Text(), &m);
    Maybe("name", Text(), &m);
    return Object(std::move(m));
  }
  std::string Choices() {
    std::string out = "[";
    for (int i = 0, k = static_cast<int>(rng_() % 3); i < k; ++i) {
      std::vector<std::string> c;
      Maybe("text", Text(), &c);
      std::vector<std::string> msg;
      Maybe("content", Text(), &msg);
      Maybe("refusal", Text(), &msg);
      Maybe("role", R"("assistant")", &msg);
      Maybe("function_call", Function(), &msg);
      std::string calls = "[";
      for (int j = 0, n = static_cast<int>(rng_() % 3); j < n; ++j) {
        std::vector<std::string> call;
        Maybe("function", Function(), &call);
        Maybe("id", Text(), &call);
        calls += (j ? "," : "") + (Chance(90) ? Object(std::move(call)) : Value(1));
      }
      Maybe("tool_calls", calls + "]", &msg);
      Maybe("message", Object(std::move(msg)), &c);
      Maybe("index", "0", &c);
      out += (i ? "," : "") + (Chance(95) ? Object(std::move(c)) : Value(1));
    }
    return out + "]";
  }
  std::string Usage() {
    std::vector<std::string> m;
    Maybe("prompt_tokens", Pick({"12", "0", "-3", "4.5", "99999999999", R"("7")"}), &m);
    Maybe("completion_tokens", Pick({"3", "1e2", "null"}), &m);
    Maybe("total_tokens", "15", &m);
    return Chance(95) ? Object(std::move(m)) : Value(1);
  }
};

TEST(AnswerParserTest, FastWayAgreesWithTheJsonTreeOnGeneratedAnswers) {
  AnswerGenerator generator(20261130);
  int accepted = 0, fast = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string body = generator.Answer();
    SCOPED_TRACE(body);
    Answer answer, reference;
    Status status = ParseAnswer(body, &answer);
    Status ref_status = ParseAnswerViaDom(body, &reference);
    ASSERT_EQ(status.ok(), ref_status.ok());
    if (!status.ok()) {
      EXPECT_EQ(status.message(), ref_status.message());
      continue;
    }
    ++accepted;
    if (answer.body == body) ++fast;
    json sent = json::parse(body);
    EXPECT_EQ(json::parse(answer.body), sent);
    // Token counts as read from the tree.
    std::optional<int> prompt, completion;
    if (sent.contains("usage") && sent["usage"].is_object()) {
      const json& u = sent["usage"];
      if (u.contains("prompt_tokens") && u["prompt_tokens"].is_number_integer()) {
        prompt = u["prompt_tokens"].get<int>();
      }
      if (u.contains("completion_tokens") && u["completion_tokens"].is_number_integer()) {
        completion = u["completion_tokens"].get<int>();
      }
    }
    EXPECT_EQ(answer.prompt_tokens, prompt);
    EXPECT_EQ(answer.completion_tokens, completion);
    EXPECT_EQ(answer.has_choices, sent.contains("choices") && sent["choices"].is_array());
    std::vector<json*> texts = DomTexts(sent);
    ASSERT_EQ(answer.texts.size(), texts.size());
    for (size_t k = 0; k < texts.size(); ++k) {
      EXPECT_EQ(answer.texts[k].text, texts[k]->get<std::string>());
      if (k % 2 == 0) {
        answer.texts[k].text = "[masked " + std::to_string(k) + "]";
        answer.texts[k].rewritten = true;
        *texts[k] = answer.texts[k].text;
      }
    }
    if (i % 3 == 0) {
      answer.review_id = "rev-" + std::to_string(i);
      sent["hegui"] = {{"review_id", answer.review_id}, {"flagged", true}};
    }
    EXPECT_EQ(json::parse(ForwardedAnswerBody(answer)), sent);
  }
  EXPECT_GT(accepted, 5000);
  EXPECT_GT(fast, 3000);
  EXPECT_GT(accepted - fast, 300);
}

}  // namespace
}  // namespace hegui::gateway
