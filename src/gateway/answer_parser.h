// Reads a whole (non-streamed) upstream answer into Call::answer: the texts
// output_scan scans (with the place of each string literal, so a masked text
// is spliced into the upstream's bytes) and the token counts of "usage".
//
// Two ways, one result, as for requests (request_parser.h): an answer that is
// valid JSON whose members the gateway reads appear once each is read in one
// pass straight from the bytes (json_reader.h); anything else goes through
// nlohmann::json, and an answer it accepts is held (and sent) as nlohmann's
// serialisation. Which strings count: for each object in "choices", its
// "text", and in its "message" object "content", "refusal",
// "function_call"."arguments" and each "tool_calls"[]."function"."arguments"
// (strings only; other values are passed on unscanned, as they carry no text
// a client shows). Pure functions; thread-safe.
#ifndef HEGUI_GATEWAY_ANSWER_PARSER_H_
#define HEGUI_GATEWAY_ANSWER_PARSER_H_

#include <string>

#include "core/status.h"
#include "gateway/call.h"

namespace hegui::gateway {

// Fills *answer from `body`. InvalidArgument (saying what is wrong) if the
// body is not a JSON object or nests deeper than kMaxJsonDepth.
Status ParseAnswer(std::string body, Answer* answer);

// The nlohmann::json way alone (the fallback of ParseAnswer): the reference
// the fast way is tested against.
Status ParseAnswerViaDom(std::string body, Answer* answer);

// The body to send: answer.body with each rewritten text's literal replaced
// and, when review_id is set, the "hegui" member set (replaced or added).
std::string ForwardedAnswerBody(const Answer& answer);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_ANSWER_PARSER_H_
