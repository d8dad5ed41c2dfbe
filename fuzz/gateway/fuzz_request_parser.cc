// Fuzzes the model-request parser (gateway/request_parser.h) with arbitrary
// bytes as the body of each endpoint (the first byte picks it). Checks:
//   - it never crashes or throws, whatever the body;
//   - a refusal is a 400 invalid_request_error whose OpenAI error body is JSON;
//   - an accepted body was valid UTF-8, yields a non-empty model and a JSON
//     object, and the gateway's re-serialisation of it (what reaches the
//     upstream) is accepted again with the same model and stream flag.
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
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  Call call;
  std::optional<LocalReply> refused = ParseModelRequest(body, endpoint, &call);
  if (refused) {
    if (refused->http_status != 400 || refused->type != "invalid_request_error") std::abort();
    nlohmann::json error = nlohmann::json::parse(refused->ToJson(), nullptr, false);
    if (!error.is_object() || !error["error"]["message"].is_string()) std::abort();
    return 0;
  }
  if (!hegui::IsValidUtf8(body)) std::abort();
  if (call.model.empty() || !call.request.is_object() || call.endpoint != endpoint) std::abort();
  std::string forwarded =
      call.request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Call again;
  if (ParseModelRequest(forwarded, endpoint, &again)) std::abort();
  if (again.model != call.model || again.stream != call.stream) std::abort();
  return 0;
}
