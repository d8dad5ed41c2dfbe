// Parses and checks the JSON body of an OpenAI-compatible model request
// before any stage sees it.
//
// Rejects, with a 400 invalid_request_error naming the field (`param`):
// bodies that are not valid UTF-8, nested deeper than kMaxJsonDepth
// (json_depth.h), not JSON, not an object; a missing or
// non-string `model`; a non-boolean `stream`; chat `messages` that are not a
// non-empty array of {role, content} objects; completion prompts and
// embedding inputs that are not a string or an array of strings (token
// arrays are not accepted: they cannot be scanned); `n` > 1 with streaming
// (each choice would need its own stream scan). On success fills
// call->body, call->prompts, call->model, call->stream and call->endpoint.
//
// Two ways, one result. The common request (valid JSON whose members the
// gateway reads appear once each) is read in one pass straight from the
// bytes (json_reader.h), without a JSON tree; call->body is then the
// client's bytes and each prompt records where its string literal sits.
// Anything else goes through nlohmann::json (ParseModelRequestViaDom), which
// words every refusal; a body it accepts is forwarded as nlohmann's
// serialisation, so a key given twice reaches the upstream once, as scanned.
// Pure functions; thread-safe.
#ifndef HEGUI_GATEWAY_REQUEST_PARSER_H_
#define HEGUI_GATEWAY_REQUEST_PARSER_H_

#include <optional>
#include <string>

#include "gateway/call.h"
#include "gateway/local_reply.h"

namespace hegui::gateway {

std::optional<LocalReply> ParseModelRequest(std::string body, Endpoint endpoint, Call* call);

// The nlohmann::json way alone (the fallback of ParseModelRequest): the
// reference the fast path is tested against (tests/gateway, fuzz/gateway).
std::optional<LocalReply> ParseModelRequestViaDom(std::string body, Endpoint endpoint, Call* call);

// The body to send upstream: call.body with every rewritten prompt's string
// literal replaced by the new text's (core/json_string.h).
std::string ForwardedRequestBody(const Call& call);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_REQUEST_PARSER_H_
