#include "gateway/request_parser.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "tests/gateway/random_json_pieces.h"

namespace hegui::gateway {
namespace {

std::optional<LocalReply> Parse(const std::string& body, Endpoint e = Endpoint::kChatCompletions) {
  Call call;
  return ParseModelRequest(body, e, &call);
}

TEST(RequestParserTest, ValidChatRequestFillsTheCall) {
  Call call;
  auto error = ParseModelRequest(
      R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})",
      Endpoint::kChatCompletions, &call);
  EXPECT_FALSE(error);
  EXPECT_EQ(call.model, "m");
  EXPECT_TRUE(call.stream);
}

TEST(RequestParserTest, InvalidJsonIs400) {
  auto e = Parse("{not json");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->http_status, 400);
  EXPECT_EQ(e->type, "invalid_request_error");
}

TEST(RequestParserTest, DeeplyNestedBodyIs400BeforeParsing) {
  std::string deep = R"({"model":"m","messages":[{"role":"user","content":"hi"}],"x":)" +
                     std::string(20000, '[') + std::string(20000, ']') + "}";
  auto e = Parse(deep);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->http_status, 400);
  EXPECT_NE(e->message.find("deeper than 128"), std::string::npos) << e->message;
  std::string fine = R"({"model":"m","messages":[{"role":"user","content":"hi"}],"x":)" +
                     std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_FALSE(Parse(fine));
}

TEST(RequestParserTest, InvalidUtf8Is400) {
  auto e = Parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\xC3\x28\"}]}");
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("UTF-8"), std::string::npos);
}

TEST(RequestParserTest, WrongTypesNameTheField) {
  EXPECT_EQ(Parse(R"({"model":5,"messages":[]})")->param, "model");
  EXPECT_EQ(
      Parse(R"({"model":"m","stream":"yes","messages":[{"role":"user","content":"x"}]})")->param,
      "stream");
  EXPECT_EQ(Parse(R"({"model":"m","messages":"hi"})")->param, "messages");
  EXPECT_EQ(Parse(R"({"model":"m","messages":[{"role":"user","content":5}]})")->param,
            "messages[0].content");
  EXPECT_EQ(Parse(R"({"model":"m","prompt":[1,2]})", Endpoint::kCompletions)->param, "prompt");
  EXPECT_EQ(Parse(R"({"model":"m"})", Endpoint::kEmbeddings)->param, "input");
}

TEST(RequestParserTest, NonTextPartsAreRefusedBecauseTheyCannotBeScanned) {
  auto e = Parse(
      R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]})");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->param, "messages[0].content[0].type");
}

TEST(RequestParserTest, StreamingSeveralChoicesIsRefused) {
  auto e = Parse(R"({"model":"m","stream":true,"n":2,"messages":[{"role":"user","content":"x"}]})");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->param, "n");
}

TEST(RequestParserTest, CommonBodyIsForwardedAsSentWithThePromptsPlaces) {
  const std::string body =
      "{ \"model\" : \"m\", \"temperature\": 0.7, \"messages\": [{\"role\":\"system\","
      "\"content\":\"be \\\"brief\\\"\"}, {\"role\":\"user\",\"content\":[{\"type\":"
      "\"text\",\"text\":\"\\u4f60\\u597d\"}]}], \"n\": 1}";
  Call call;
  ASSERT_FALSE(ParseModelRequest(body, Endpoint::kChatCompletions, &call));
  EXPECT_EQ(call.body, body);
  ASSERT_EQ(call.prompts.size(), 2u);
  EXPECT_EQ(call.prompts[0].text, "be \"brief\"");
  EXPECT_EQ(call.prompts[1].text, "你好");
  EXPECT_EQ(body.substr(call.prompts[1].begin, call.prompts[1].end - call.prompts[1].begin),
            "\"\\u4f60\\u597d\"");
  EXPECT_EQ(ForwardedRequestBody(call), body);
  call.prompts[1].text = "[masked] \"x\"\n";
  call.prompts[1].rewritten = true;
  call.request_rewritten = true;
  nlohmann::json forwarded = nlohmann::json::parse(ForwardedRequestBody(call));
  EXPECT_EQ(forwarded["messages"][1]["content"][0]["text"], "[masked] \"x\"\n");
  EXPECT_EQ(forwarded["messages"][0]["content"], "be \"brief\"");
  EXPECT_EQ(forwarded["temperature"], 0.7);
}

TEST(RequestParserTest, KeyGivenTwiceReachesTheUpstreamOnceAsScanned) {
  // Upstreams differ in which duplicate they read: forward only the one scanned.
  const std::string body = R"({"model":"m","messages":[{"role":"user","content":"secret"}],)"
                           R"("messages":[{"role":"user","content":"hi"}]})";
  Call call;
  ASSERT_FALSE(ParseModelRequest(body, Endpoint::kChatCompletions, &call));
  ASSERT_EQ(call.prompts.size(), 1u);
  EXPECT_EQ(call.prompts[0].text, "hi");
  EXPECT_EQ(call.body.find("secret"), std::string::npos) << call.body;
  EXPECT_EQ(nlohmann::json::parse(call.body)["messages"][0]["content"], "hi");
}

// ---- Differential: the fast path against the nlohmann::json path.

// The prompt strings of a parsed body, as the gateway used to find them.
std::vector<nlohmann::json*> DomPrompts(nlohmann::json& r, Endpoint endpoint) {
  std::vector<nlohmann::json*> out;
  auto add = [&out](nlohmann::json& v) {
    if (v.is_string()) out.push_back(&v);
    if (v.is_array()) {
      for (auto& item : v) out.push_back(&item);
    }
  };
  if (endpoint == Endpoint::kCompletions) add(r["prompt"]);
  if (endpoint == Endpoint::kEmbeddings) add(r["input"]);
  if (endpoint != Endpoint::kChatCompletions) return out;
  for (auto& m : r["messages"]) {
    if (!m.contains("content")) continue;
    auto& content = m["content"];
    if (content.is_string()) out.push_back(&content);
    if (content.is_array()) {
      for (auto& part : content) out.push_back(&part["text"]);
    }
  }
  return out;
}

// Random request bodies: mostly valid, with the oddities JSON allows and the
// mistakes clients make (wrong types, duplicates, escapes, truncation, ...).
class BodyGenerator : public RandomJsonPieces {
 public:
  explicit BodyGenerator(uint32_t seed) : RandomJsonPieces(seed) {}

  std::string Body(Endpoint endpoint) {
    std::vector<std::string> members;
    if (Chance(95))
      members.push_back(Key("model") +
                        Pick({Str("mock-1"), Str(""), "5", "null", Str("m\\u00e9"), Str("x")}));
    if (Chance(50))
      members.push_back(Key("stream") + Pick({"true", "false", "null", "1", Str("yes"), "true "}));
    if (Chance(30))
      members.push_back(Key("n") + Pick({"1", "2", "128", "129", "0", "-1", "1.0", "1e0", "null",
                                         "01", Str("2"), "18446744073709551617"}));
    if (Chance(40))
      members.push_back(Key("temperature") +
                        Pick({"0.7", "1e-400", "-0", "1E+2", "0.5e-3", "1e400"}));
    if (Chance(30)) members.push_back(Key("tools") + Value(3));
    if (Chance(15)) members.push_back(Key(Pick({"extra", "a\\nb", "mod\\u0065l"})) + Value(2));
    const char* texts = endpoint == Endpoint::kChatCompletions ? "messages"
                        : endpoint == Endpoint::kCompletions   ? "prompt"
                                                               : "input";
    if (Chance(95)) {
      members.push_back(Key(texts) +
                        (endpoint == Endpoint::kChatCompletions ? Messages() : Strings()));
    }
    if (Chance(8) && !members.empty()) members.push_back(members[rng_() % members.size()]);
    std::shuffle(members.begin(), members.end(), rng_);
    std::string body = Space() + "{";
    for (size_t i = 0; i < members.size(); ++i) body += (i ? "," : "") + Space() + members[i];
    body += Space() + "}" + Space();
    switch (rng_() % 40) {
      case 0:
        return body.substr(0, rng_() % (body.size() + 1));  // Truncated.
      case 1:
        return "\xEF\xBB\xBF" + body;  // A byte order mark.
      case 2:
        return body + "x";
      case 3:
        return "[" + body + "]";
      case 4:
        return std::string(129, '[') + std::string(129, ']');
      default:
        return body;
    }
  }

 private:
  std::string Str(const std::string& raw) { return "\"" + raw + "\""; }
  std::string Text() {
    if (Chance(95)) {
      return Str(Pick({"hello", "", "请帮我总结", "call 13812345678", "a\\\"b", "\\ud83d\\ude00",
                       "tab\\t\\u0000", "\\/x", "\xF0\x9F\x98\x80 ok"}));
    }
    return Str(Pick({"\\ud83d", "bad\\q", "raw\tcontrol", "\xC3\x28", "\\ude00x"}));
  }
  std::string Value(int depth) {
    switch (depth <= 0 ? rng_() % 4 : rng_() % 6) {
      case 0:
        return Text();
      case 1:
        return Pick({"1", "-2.5e3", "true", "null", "false"});
      case 2:
        return Pick({"[]", "{}", "nul", "[1,]", "01"});
      case 3:
        return Pick({"\"x\"", "0"});
      case 4: {
        std::string out = "[";
        for (int i = 0, k = static_cast<int>(rng_() % 3); i < k; ++i) {
          out += (i ? "," : "") + Value(depth - 1);
        }
        return out + "]";
      }
      default: {
        std::string out = "{";
        for (int i = 0, k = static_cast<int>(rng_() % 3); i < k; ++i) {
          out += (i ? "," : "") + Key(Pick({"a", "b", "text", "type"})) + Value(depth - 1);
        }
        return out + "}";
      }
    }
  }
  std::string Strings() {
    switch (rng_() % 6) {
      case 0:
        return "[]";
      case 1:
        return Value(1);
      case 2:
        return "[" + Text() + "," + Value(0) + "]";
      default: {
        std::string out = "[";
        for (int i = 0, k = 1 + static_cast<int>(rng_() % 3); i < k; ++i) {
          out += (i ? "," : "") + Text();
        }
        return Chance(40) ? Text() : out + "]";
      }
    }
  }
  std::string Part() {
    std::vector<std::string> m;
    if (Chance(95))
      m.push_back(Key("type") +
                  Pick({Str("text"), Str("text"), Str("image_url"), "1", Str("te\\u0078t")}));
    if (Chance(95)) m.push_back(Key("text") + (Chance(92) ? Text() : Value(1)));
    if (Chance(10)) m.push_back(Key("cache") + Value(1));
    if (Chance(5) && !m.empty()) m.push_back(m[0]);
    std::shuffle(m.begin(), m.end(), rng_);
    std::string out = "{";
    for (size_t i = 0; i < m.size(); ++i) out += (i ? "," : "") + m[i];
    return Chance(97) ? out + "}" : Value(1);
  }
  std::string Message() {
    std::vector<std::string> m;
    if (Chance(95)) m.push_back(Key("role") + Pick({Str("user"), Str("system"), "3"}));
    if (Chance(92)) {
      std::string content;
      switch (rng_() % 10) {
        case 0:
          content = "null";
          break;
        case 1:
          content = "[]";
          break;
        case 2:
          content = Value(1);
          break;
        case 3:
        case 4: {
          content = "[";
          for (int i = 0, k = 1 + static_cast<int>(rng_() % 3); i < k; ++i) {
            content += (i ? "," : "") + Part();
          }
          content += "]";
          break;
        }
        default:
          content = Text();
      }
      m.push_back(Key("content") + content);
    }
    if (Chance(10)) m.push_back(Key("name") + Value(1));
    if (Chance(4) && !m.empty()) m.push_back(m[0]);
    std::shuffle(m.begin(), m.end(), rng_);
    std::string out = "{";
    for (size_t i = 0; i < m.size(); ++i) out += (i ? "," : "") + m[i];
    return Chance(97) ? out + "}" : Value(1);
  }
  std::string Messages() {
    if (Chance(5)) return Pick({"[]", Str("hi"), "null"});
    std::string out = "[";
    for (int i = 0, k = 1 + static_cast<int>(rng_() % 3); i < k; ++i) {
      out += (i ? "," : "") + Message();
    }
    return out + "]";
  }
};

TEST(RequestParserTest, FastPathAgreesWithTheJsonTreeOnGeneratedBodies) {
  BodyGenerator generator(20261130);
  int accepted = 0, fast = 0;
  for (int i = 0; i < 30000; ++i) {
    const Endpoint endpoint = static_cast<Endpoint>(i % 3);
    const std::string body = generator.Body(endpoint);
    SCOPED_TRACE(body);
    Call call, reference;
    std::optional<LocalReply> refused = ParseModelRequest(body, endpoint, &call);
    std::optional<LocalReply> ref_refused = ParseModelRequestViaDom(body, endpoint, &reference);
    ASSERT_EQ(refused.has_value(), ref_refused.has_value());
    if (refused) {
      EXPECT_EQ(refused->ToJson(), ref_refused->ToJson());
      continue;
    }
    ++accepted;
    if (call.body == body) ++fast;
    EXPECT_EQ(call.model, reference.model);
    EXPECT_EQ(call.stream, reference.stream);
    EXPECT_EQ(call.endpoint, endpoint);
    // What goes upstream means what the client sent (duplicates aside).
    nlohmann::json sent = nlohmann::json::parse(body, nullptr, false);
    ASSERT_FALSE(sent.is_discarded());
    EXPECT_EQ(nlohmann::json::parse(call.body), sent);
    // The prompts are the strings the gateway always scanned, in order.
    std::vector<nlohmann::json*> strings = DomPrompts(sent, endpoint);
    ASSERT_EQ(call.prompts.size(), strings.size());
    for (size_t k = 0; k < strings.size(); ++k) {
      EXPECT_EQ(call.prompts[k].text, strings[k]->get<std::string>());
      EXPECT_EQ(nlohmann::json::parse(call.body.substr(
                    call.prompts[k].begin, call.prompts[k].end - call.prompts[k].begin)),
                *strings[k]);
    }
    // Masking every other prompt changes exactly those strings upstream.
    for (size_t k = 0; k < call.prompts.size(); k += 2) {
      call.prompts[k].text = "[masked " + std::to_string(k) + "]\n\"";
      call.prompts[k].rewritten = true;
      call.request_rewritten = true;
      *strings[k] = call.prompts[k].text;
    }
    EXPECT_EQ(nlohmann::json::parse(ForwardedRequestBody(call)), sent);
  }
  // The generator must exercise both paths and both outcomes.
  EXPECT_GT(accepted, 2500);
  EXPECT_GT(fast, 2000);
  EXPECT_GT(accepted - fast, 300);
}

}  // namespace
}  // namespace hegui::gateway
