// ServeModelCall: the pipeline manager for one OpenAI-compatible model call
// (POST /v1/chat/completions, /v1/completions, /v1/embeddings).
//
// Order: parse and check the body (request_parser.h) -> the stages' request
// hooks -> forward to call.upstream -> the response hooks (whole answer) or,
// for `stream: true`, relay the upstream's server-sent events through the
// stages' chunk hooks, re-framing only the bytes the stages release ->
// OnComplete on every stage (audit writes the record here) -> the last bytes
// (the answer, or "data: [DONE]") go to the client only if that succeeded.
//
// Fail closed, streaming or not: a refusal, a cut, an upstream fault, a
// malformed upstream stream, a scanner error or an evidence-log error each
// end the call with an OpenAI-style error (on a stream: a final
// `data: {"error": ...}` event and no [DONE]); a client that disconnects ends
// the upstream request and is still recorded. Upstream 5xx, timeouts and
// malformed streams are interface failures (call.failure set).
#ifndef HEGUI_GATEWAY_MODEL_CALL_H_
#define HEGUI_GATEWAY_MODEL_CALL_H_

#include <memory>
#include <string>

#include "gateway/call.h"
#include "gateway/http_server.h"
#include "gateway/runtime.h"

namespace hegui::gateway {

net::awaitable<void> ServeModelCall(std::shared_ptr<const Runtime> runtime, Endpoint endpoint,
                                    HttpRequest& request, Responder& out, std::string request_id,
                                    std::string client_address);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_MODEL_CALL_H_
