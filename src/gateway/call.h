// Call: everything the pipeline knows about one model call, from the request
// to the final outcome. Gateway-internal.
//
// The pipeline manager creates one Call per request; the stages of that
// request read and annotate it in order (authenticate fills `principal`,
// input_scan fills `input_findings` and may rewrite `prompts`, route sets
// `upstream`, ...). Invariant: once `reply` is set the call is refused and
// nothing more is forwarded or delivered. Owned by one coroutine; not
// thread-safe.
#ifndef HEGUI_GATEWAY_CALL_H_
#define HEGUI_GATEWAY_CALL_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/local_reply.h"

namespace hegui::gateway {

struct UpstreamConfig;

enum class Endpoint { kChatCompletions, kCompletions, kEmbeddings };
std::string_view EndpointName(Endpoint endpoint);

// One string of a JSON body that a stage reads (a prompt of the request, a
// text of the answer), in body order.
struct BodyText {
  size_t begin = 0;  // Its string literal in the body: [begin, end),
  size_t end = 0;    // quotes included.
  std::string text;  // Decoded; a scan stage may replace it (masking).
  bool rewritten = false;
};

// A whole (non-streamed) answer as the gateway holds it (answer_parser.h).
struct Answer {
  // The upstream's bytes, or (for unusual but valid JSON) nlohmann::json's
  // serialisation of them; sent as they are unless a stage rewrote a text.
  std::string body;
  bool has_choices = false;  // "choices" is an array: there are texts to scan.
  // Each choice's text, message content and refusal, function-call and
  // tool-call arguments, in that order per choice.
  std::vector<BodyText> texts;
  size_t close = 0;  // The top-level object's closing brace in `body`.
  // The value of a top-level "hegui" member, if the upstream sent one.
  size_t hegui_begin = std::string::npos, hegui_end = std::string::npos;
  // Set by output_scan when the answer goes out flagged for review: the
  // client then reads "hegui":{"review_id":...,"flagged":true}.
  std::string review_id;
  std::optional<int> prompt_tokens, completion_tokens;  // From "usage".
};

// Who is calling, as established by authenticate (and identity).
struct Principal {
  std::string user_id;
  std::string key_id;
  bool identity_verified = false;
};

// One finding of a scan, as the gateway records it (never the matched text).
struct CallFinding {
  std::string where;    // "input" or "output".
  std::string kind;     // "pi" or "lexicon".
  std::string type;     // PI type (resident_id, mobile, ...) or lexicon category.
  std::string article;  // CSL article the category maps to, e.g. "12".
  std::string rule_id;
  size_t offset = 0;  // Byte offset in the scanned text (original bytes).
  size_t length = 0;
  std::string action;  // allow, mask, block, review.
};

struct Call {
  // Request.
  std::string request_id;
  Endpoint endpoint = Endpoint::kChatCompletions;
  std::string client_address;
  std::string authorization;  // The raw Authorization header.
  // The body as it goes upstream unless a prompt is rewritten: the client's
  // bytes, or (for unusual but valid JSON) nlohmann::json's serialisation of
  // them (request_parser.h).
  std::string body;
  std::vector<BodyText> prompts;  // Every string the gateway scans, in order.
  // Set by a stage that changed a prompt (or `response`): only then is the
  // body spliced (ForwardedRequestBody) or the response serialised again.
  bool request_rewritten = false;
  std::string model;
  bool stream = false;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  // Annotations by stages.
  std::optional<Principal> principal;
  std::vector<CallFinding> findings;
  bool carries_personal_information = false;
  bool carries_important_data = false;
  std::string input_verdict = "allow";   // allow, mask, block, review.
  std::string output_verdict = "allow";  // allow, cut, block, review.
  std::string review_id;                 // Set when an item went to human review.
  const UpstreamConfig* upstream = nullptr;

  // Response.
  int upstream_status = 0;
  Answer answer;  // Non-streamed answer (output_scan may rewrite its texts).
  bool response_rewritten = false;
  std::string delivered_text;  // What reached the client (streams), for token counts.
  std::string withheld_text;   // Output the client never got (cut or blocked).
  std::string withheld_input;  // Input that was blocked, kept sealed in the record.
  int prompt_tokens = 0;
  int completion_tokens = 0;
  std::chrono::microseconds upstream_latency{0};

  // Outcome.
  std::optional<LocalReply> reply;  // Set when the gateway refuses or cuts.
  std::string outcome = "ok";       // ok, refused, blocked, cut, upstream_error, client_gone, ...
  std::string failure;              // For interface failures: what broke.
  // When the upstream failed: connect, tls, timeout, 5xx, 4xx, broken,
  // truncated, malformed, invalid_response, error_event (the `kind` label of
  // hegui_upstream_errors_total; docs/gateway.md). Empty otherwise.
  std::string upstream_error_kind;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_CALL_H_
