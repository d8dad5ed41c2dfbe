#include "gateway/request_parser.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/json_string.h"
#include "core/utf8.h"
#include "gateway/json_depth.h"
#include "gateway/json_reader.h"

namespace hegui::gateway {

namespace {

// ---- The fast path: the members the gateway reads, straight from the bytes.
// Every function returns false for anything it does not accept (invalid or
// merely unusual); ParseModelRequest then asks nlohmann::json.

struct ReadRequest {
  std::string model;
  bool stream = false;
  std::vector<BodyText> prompts;
};

// A string value, recorded as a prompt with its literal's place.
bool ReadPrompt(JsonReader& r, std::vector<BodyText>* prompts) {
  if (!r.Peek('"')) return false;
  BodyText prompt;
  prompt.begin = r.pos();
  if (!r.String(&prompt.text)) return false;
  prompt.end = r.pos();
  prompts->push_back(std::move(prompt));
  return true;
}

// A string or a non-empty array of strings (completion prompts, embedding
// inputs).
bool ReadStrings(JsonReader& r, std::vector<BodyText>* prompts) {
  if (r.Peek('"')) return ReadPrompt(r, prompts);
  if (!r.Consume('[') || r.Consume(']')) return false;
  do {
    if (!ReadPrompt(r, prompts)) return false;
  } while (r.Consume(','));
  return r.Consume(']');
}

// {"type":"text","text":"..."} plus any other members; at depth 4.
bool ReadTextPart(JsonReader& r, std::string* scratch, std::vector<BodyText>* prompts) {
  if (!r.Consume('{') || r.Consume('}')) return false;
  bool seen_type = false, seen_text = false;
  do {
    std::string_view key;
    if (!r.Key(&key, scratch)) return false;
    if (key == "type") {
      std::string type;
      if (seen_type || !r.Peek('"') || !r.String(&type) || type != "text") return false;
      seen_type = true;
    } else if (key == "text") {
      if (seen_text || !ReadPrompt(r, prompts)) return false;
      seen_text = true;
    } else if (!r.SkipValue(5)) {
      return false;
    }
  } while (r.Consume(','));
  return r.Consume('}') && seen_type && seen_text;
}

// {"role":"...", "content": null | "..." | [parts]} plus any other members;
// at depth 2.
bool ReadMessage(JsonReader& r, std::string* scratch, std::vector<BodyText>* prompts) {
  if (!r.Consume('{') || r.Consume('}')) return false;
  bool seen_role = false, seen_content = false;
  do {
    std::string_view key;
    if (!r.Key(&key, scratch)) return false;
    if (key == "role") {
      if (seen_role || !r.Peek('"') || !r.String(nullptr)) return false;
      seen_role = true;
    } else if (key == "content") {
      if (seen_content) return false;
      seen_content = true;
      if (r.Peek('"')) {
        if (!ReadPrompt(r, prompts)) return false;
      } else if (r.Consume('[')) {
        if (!r.Consume(']')) {
          do {
            if (!ReadTextPart(r, scratch, prompts)) return false;
          } while (r.Consume(','));
          if (!r.Consume(']')) return false;
        }
      } else if (!r.Literal("null")) {
        return false;
      }
    } else if (!r.SkipValue(3)) {
      return false;
    }
  } while (r.Consume(','));
  return r.Consume('}') && seen_role;
}

bool ReadMessages(JsonReader& r, std::string* scratch, std::vector<BodyText>* prompts) {
  if (!r.Consume('[') || r.Consume(']')) return false;
  do {
    if (!ReadMessage(r, scratch, prompts)) return false;
  } while (r.Consume(','));
  return r.Consume(']');
}

// The whole request, only if it is valid and every check below passes.
std::optional<ReadRequest> ReadValidRequest(std::string_view body, Endpoint endpoint) {
  JsonReader r(body);
  if (!r.Consume('{') || r.Consume('}')) return std::nullopt;
  const std::string_view texts_key = endpoint == Endpoint::kChatCompletions ? "messages"
                                     : endpoint == Endpoint::kCompletions   ? "prompt"
                                                                            : "input";
  ReadRequest request;
  bool seen_model = false, seen_stream = false, seen_n = false, seen_texts = false;
  uint64_t n = 1;
  std::string scratch;
  do {
    std::string_view key;
    if (!r.Key(&key, &scratch)) return std::nullopt;
    if (key == "model") {
      if (seen_model || !r.Peek('"') || !r.String(&request.model) || request.model.empty()) {
        return std::nullopt;
      }
      seen_model = true;
    } else if (key == "stream") {
      if (seen_stream) return std::nullopt;
      seen_stream = true;
      if (r.Literal("true")) {
        request.stream = true;
      } else if (!r.Literal("false") && !r.Literal("null")) {
        return std::nullopt;
      }
    } else if (key == "n") {
      if (seen_n) return std::nullopt;
      seen_n = true;
      if (!r.Literal("null") && (!r.Integer(&n) || n < 1 || n > 128)) return std::nullopt;
    } else if (key == texts_key) {
      if (seen_texts) return std::nullopt;
      seen_texts = true;
      bool ok = endpoint == Endpoint::kChatCompletions ? ReadMessages(r, &scratch, &request.prompts)
                                                       : ReadStrings(r, &request.prompts);
      if (!ok) return std::nullopt;
    } else if (!r.SkipValue(1)) {
      return std::nullopt;
    }
  } while (r.Consume(','));
  if (!r.Consume('}') || !r.AtEnd()) return std::nullopt;
  if (!seen_model || !seen_texts) return std::nullopt;
  if (request.stream && (n > 1 || endpoint == Endpoint::kEmbeddings)) return std::nullopt;
  return request;
}

void Fill(Call* call, ReadRequest request, std::string body, Endpoint endpoint) {
  call->model = std::move(request.model);
  call->stream = request.stream;
  call->endpoint = endpoint;
  call->body = std::move(body);
  call->prompts = std::move(request.prompts);
}

// ---- The nlohmann::json path: judges and words every refusal.
bool IsStringOrStrings(const nlohmann::json& v) {
  if (v.is_string()) return true;
  if (!v.is_array() || v.empty()) return false;
  for (const auto& item : v) {
    if (!item.is_string()) return false;
  }
  return true;
}

std::optional<LocalReply> CheckMessages(const nlohmann::json& body) {
  if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty()) {
    return InvalidRequest("'messages' must be a non-empty array of messages", "messages");
  }
  const auto& messages = body["messages"];
  for (size_t i = 0; i < messages.size(); ++i) {
    std::string where = "messages[" + std::to_string(i) + "]";
    const auto& m = messages[i];
    if (!m.is_object()) return InvalidRequest("'" + where + "' must be an object", where);
    if (!m.contains("role") || !m["role"].is_string()) {
      return InvalidRequest("'" + where + ".role' must be a string", where + ".role");
    }
    if (!m.contains("content")) continue;  // Assistant tool-call messages may omit it.
    const auto& content = m["content"];
    if (content.is_null() || content.is_string()) continue;
    if (!content.is_array()) {
      return InvalidRequest("'" + where + ".content' must be a string or an array of parts",
                            where + ".content");
    }
    for (size_t k = 0; k < content.size(); ++k) {
      const auto& part = content[k];
      std::string pwhere = where + ".content[" + std::to_string(k) + "]";
      if (!part.is_object() || !part.contains("type") || !part["type"].is_string()) {
        return InvalidRequest("'" + pwhere + "' must be an object with a string 'type'", pwhere);
      }
      if (part["type"] == "text" && (!part.contains("text") || !part["text"].is_string())) {
        return InvalidRequest("'" + pwhere + ".text' must be a string", pwhere + ".text");
      }
      if (part["type"] != "text") {
        return InvalidRequest("content part type '" + part["type"].get<std::string>() +
                                  "' is not supported by this gateway (only text can be "
                                  "scanned)",
                              pwhere + ".type");
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LocalReply> ParseModelRequestViaDom(std::string body, Endpoint endpoint, Call* call) {
  if (!IsValidUtf8(body)) return InvalidRequest("The request body is not valid UTF-8");
  if (!JsonDepthWithin(body)) {
    return InvalidRequest("The request body nests arrays and objects deeper than " +
                          std::to_string(kMaxJsonDepth) + " levels");
  }
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return InvalidRequest("The request body is not valid JSON");
  }
  if (!parsed.is_object()) return InvalidRequest("The request body must be a JSON object");
  if (!parsed.contains("model") || !parsed["model"].is_string() ||
      parsed["model"].get_ref<const std::string&>().empty()) {
    return InvalidRequest("'model' must be a non-empty string", "model");
  }
  bool stream = false;
  if (parsed.contains("stream") && !parsed["stream"].is_null()) {
    if (!parsed["stream"].is_boolean())
      return InvalidRequest("'stream' must be a boolean", "stream");
    stream = parsed["stream"].get<bool>();
  }
  if (parsed.contains("n") && !parsed["n"].is_null()) {
    if (!parsed["n"].is_number_integer() || parsed["n"].get<int64_t>() < 1 ||
        parsed["n"].get<int64_t>() > 128) {
      return InvalidRequest("'n' must be an integer from 1 to 128", "n");
    }
    if (stream && parsed["n"].get<int64_t>() > 1) {
      return InvalidRequest("'n' greater than 1 cannot be streamed through this gateway", "n");
    }
  }
  switch (endpoint) {
    case Endpoint::kChatCompletions:
      if (auto error = CheckMessages(parsed)) return error;
      break;
    case Endpoint::kCompletions:
      if (!parsed.contains("prompt") || !IsStringOrStrings(parsed["prompt"])) {
        return InvalidRequest("'prompt' must be a string or an array of strings", "prompt");
      }
      break;
    case Endpoint::kEmbeddings:
      if (!parsed.contains("input") || !IsStringOrStrings(parsed["input"])) {
        return InvalidRequest("'input' must be a string or an array of strings", "input");
      }
      if (stream) return InvalidRequest("embeddings cannot be streamed", "stream");
      break;
  }
  // What goes upstream is the serialisation of what was checked, read again
  // the fast way for the prompts' places.
  std::string canonical = parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::optional<ReadRequest> read = ReadValidRequest(canonical, endpoint);
  if (!read || read->stream != stream) {
    // Not expected (fuzz/gateway/fuzz_request_parser checks it): refuse
    // rather than forward what was not read.
    return InvalidRequest("The request body could not be read for scanning");
  }
  Fill(call, std::move(*read), std::move(canonical), endpoint);
  return std::nullopt;
}

std::optional<LocalReply> ParseModelRequest(std::string body, Endpoint endpoint, Call* call) {
  if (std::optional<ReadRequest> read = ReadValidRequest(body, endpoint)) {
    Fill(call, std::move(*read), std::move(body), endpoint);
    return std::nullopt;
  }
  return ParseModelRequestViaDom(std::move(body), endpoint, call);
}

std::string ForwardedRequestBody(const Call& call) {
  if (!call.request_rewritten) return call.body;
  std::string out;
  out.reserve(call.body.size() + 64);
  size_t copied = 0;
  for (const BodyText& prompt : call.prompts) {
    if (!prompt.rewritten) continue;
    out.append(call.body, copied, prompt.begin - copied);
    AppendJsonString(&out, prompt.text);
    copied = prompt.end;
  }
  out.append(call.body, copied, std::string::npos);
  return out;
}

}  // namespace hegui::gateway
