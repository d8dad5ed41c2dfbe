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
// call->request, call->model and call->stream. Pure function; thread-safe.
#ifndef HEGUI_GATEWAY_REQUEST_PARSER_H_
#define HEGUI_GATEWAY_REQUEST_PARSER_H_

#include <optional>
#include <string_view>

#include "gateway/call.h"
#include "gateway/local_reply.h"

namespace hegui::gateway {

std::optional<LocalReply> ParseModelRequest(std::string_view body, Endpoint endpoint, Call* call);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_REQUEST_PARSER_H_
