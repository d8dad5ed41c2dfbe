#include "gateway/request_parser.h"

#include "core/utf8.h"
#include "gateway/json_depth.h"

namespace hegui::gateway {

namespace {

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

std::optional<LocalReply> ParseModelRequest(std::string_view body, Endpoint endpoint, Call* call) {
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
  call->model = parsed["model"].get<std::string>();
  call->stream = stream;
  call->endpoint = endpoint;
  call->request = std::move(parsed);
  return std::nullopt;
}

}  // namespace hegui::gateway
