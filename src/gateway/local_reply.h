// LocalReply: a refusal or error the gateway answers itself, in OpenAI's shape.
//
// Every refusal carries an HTTP status, an OpenAI error `type`, a stable
// machine `code` (docs/gateway.md lists them) and a human `message` saying why.
// ToJson() renders {"error":{"message","type","param","code"}}, the body any
// OpenAI client library parses into its APIError. Values only; thread-safe.
#ifndef HEGUI_GATEWAY_LOCAL_REPLY_H_
#define HEGUI_GATEWAY_LOCAL_REPLY_H_

#include <string>

namespace hegui::gateway {

struct LocalReply {
  int http_status = 500;
  std::string type;     // invalid_request_error, authentication_error, ...
  std::string code;     // content_policy_violation, invalid_api_key, ...
  std::string message;  // Why, in one sentence a user can act on.
  std::string param;    // The request field at fault, or empty.

  // The OpenAI error body as compact JSON.
  std::string ToJson() const;
};

// Factories, one per reason the gateway refuses (docs/gateway.md, "Errors").
LocalReply InvalidRequest(std::string message, std::string param = "");
LocalReply InvalidApiKey(std::string message);
LocalReply IdentityNotVerified(std::string message);
LocalReply RateLimitExceeded(std::string message);
LocalReply ContentPolicyViolation(std::string message);
LocalReply RegionNotPermitted(std::string message);
LocalReply ModelNotFound(std::string model);
LocalReply PendingReview(std::string message);
LocalReply UpstreamError(int http_status, std::string code, std::string message);
LocalReply ServiceUnavailable(std::string code, std::string message);
LocalReply NotFound(std::string message);
LocalReply PayloadTooLarge(std::string message);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_LOCAL_REPLY_H_
