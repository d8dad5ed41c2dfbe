#include "gateway/local_reply.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace hegui::gateway {

std::string LocalReply::ToJson() const {
  nlohmann::json error = {
      {"message", message},
      {"type", type},
      {"param", param.empty() ? nlohmann::json(nullptr) : nlohmann::json(param)},
      {"code", code}};
  return nlohmann::json{{"error", std::move(error)}}.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace);
}

namespace {
LocalReply Make(int status, std::string type, std::string code, std::string message,
                std::string param = "") {
  return LocalReply{status, std::move(type), std::move(code), std::move(message), std::move(param)};
}
}  // namespace

LocalReply InvalidRequest(std::string message, std::string param) {
  return Make(400, "invalid_request_error", "invalid_request", std::move(message),
              std::move(param));
}
LocalReply InvalidApiKey(std::string message) {
  return Make(401, "authentication_error", "invalid_api_key", std::move(message));
}
LocalReply IdentityNotVerified(std::string message) {
  return Make(403, "permission_error", "identity_not_verified", std::move(message));
}
LocalReply RateLimitExceeded(std::string message) {
  return Make(429, "rate_limit_error", "rate_limit_exceeded", std::move(message));
}
LocalReply ContentPolicyViolation(std::string message) {
  return Make(400, "invalid_request_error", "content_policy_violation", std::move(message));
}
LocalReply RegionNotPermitted(std::string message) {
  return Make(403, "permission_error", "region_not_permitted", std::move(message));
}
LocalReply ModelNotFound(std::string model) {
  return Make(404, "invalid_request_error", "model_not_found",
              "The model '" + model + "' is not served by any configured upstream", "model");
}
LocalReply PendingReview(std::string message) {
  return Make(403, "content_review", "held_for_review", std::move(message));
}
LocalReply UpstreamError(int http_status, std::string code, std::string message) {
  return Make(http_status, "upstream_error", std::move(code), std::move(message));
}
LocalReply ServiceUnavailable(std::string code, std::string message) {
  return Make(503, "service_unavailable", std::move(code), std::move(message));
}
LocalReply NotFound(std::string message) {
  return Make(404, "invalid_request_error", "not_found", std::move(message));
}
LocalReply PayloadTooLarge(std::string message) {
  return Make(413, "invalid_request_error", "payload_too_large", std::move(message));
}

}  // namespace hegui::gateway
