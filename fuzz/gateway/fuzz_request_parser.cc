// Fuzzes the model-request parser (gateway/request_parser.h) with arbitrary
// bytes as the body of each endpoint (the first byte picks it). Checks:
//   - it never crashes or throws, whatever the body;
//   - a refusal is a 400 invalid_request_error whose OpenAI error body is JSON;
//   - the fast path and the nlohmann::json path (ParseModelRequestViaDom)
//     agree: the same refusal, or the same model, stream flag and prompts;
//   - an accepted body was valid UTF-8, and what goes upstream (the body, and
//     the body with every prompt rewritten) is JSON equal to what was sent
//     with exactly those prompts changed, and is accepted again alike.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "gateway/request_parser.h"

using namespace hegui::gateway;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  Endpoint endpoint = static_cast<Endpoint>(data[0] % 3);
  std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  Call call, reference;
  std::optional<LocalReply> refused = ParseModelRequest(body, endpoint, &call);
  std::optional<LocalReply> ref_refused = ParseModelRequestViaDom(body, endpoint, &reference);
  if (refused.has_value() != ref_refused.has_value()) std::abort();
  if (refused) {
    if (refused->http_status != 400 || refused->type != "invalid_request_error") std::abort();
    if (refused->ToJson() != ref_refused->ToJson()) std::abort();
    nlohmann::json error = nlohmann::json::parse(refused->ToJson(), nullptr, false);
    if (!error.is_object() || !error["error"]["message"].is_string()) std::abort();
    return 0;
  }
  if (!hegui::IsValidUtf8(body)) std::abort();
  if (call.model.empty() || call.endpoint != endpoint) std::abort();
  if (call.model != reference.model || call.stream != reference.stream) std::abort();
  if (call.prompts.size() != reference.prompts.size()) std::abort();
  for (size_t i = 0; i < call.prompts.size(); ++i) {
    if (call.prompts[i].text != reference.prompts[i].text) std::abort();
  }
  nlohmann::json sent = nlohmann::json::parse(body, nullptr, false);
  if (sent.is_discarded() || nlohmann::json::parse(call.body, nullptr, false) != sent) {
    std::abort();
  }
  for (BodyText& prompt : call.prompts) {
    prompt.text = "[masked]" + prompt.text;
    prompt.rewritten = true;
    call.request_rewritten = true;
  }
  std::string forwarded = ForwardedRequestBody(call);
  Call again;
  if (ParseModelRequest(forwarded, endpoint, &again)) std::abort();
  if (again.model != call.model || again.stream != call.stream) std::abort();
  if (again.prompts.size() != call.prompts.size()) std::abort();
  for (size_t i = 0; i < call.prompts.size(); ++i) {
    if (again.prompts[i].text != call.prompts[i].text) std::abort();
  }
  return 0;
}
