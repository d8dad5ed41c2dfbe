#include "gateway/stages/authenticate.h"

#include "gateway/services.h"

namespace hegui::gateway {

namespace {

class AuthenticateStage : public Stage {
 public:
  explicit AuthenticateStage(GatewayServices* services) : services_(services) {}

  StageVerdict OnRequest(Call& call) override {
    std::string_view header = call.authorization;
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size() || header.substr(0, kBearer.size()) != kBearer) {
      call.reply = InvalidApiKey(
          "No API key: send it as 'Authorization: Bearer <key>' (create one with `hegui keys "
          "create`)");
      return StageVerdict::kLocalReply;
    }
    std::string_view key = header.substr(kBearer.size());
    StatusOr<Principal> principal = services_->Authenticate(key);
    if (principal.ok()) {
      call.principal = std::move(principal).value();
      return StageVerdict::kContinue;
    }
    if (principal.status().code() == StatusCode::kUnauthenticated ||
        principal.status().code() == StatusCode::kNotFound) {
      call.reply = InvalidApiKey("The API key is not valid or has been revoked");
    } else {
      call.reply = ServiceUnavailable(
          "store_unavailable",
          "The key store cannot be reached, so the caller cannot be identified: " +
              principal.status().message());
    }
    return StageVerdict::kLocalReply;
  }

 private:
  GatewayServices* services_;
};

class AuthenticateFactory : public StageFactory {
 public:
  explicit AuthenticateFactory(GatewayServices* services) : services_(services) {}
  std::string_view name() const override { return "authenticate"; }
  Stage* Create(StageArena& arena) const override {
    return arena.New<AuthenticateStage>(services_);
  }

 private:
  GatewayServices* services_;
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseAuthenticateConfig(ConfigFields& fields) {
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::make_shared<AuthenticateConfig>());
}

StatusOr<std::unique_ptr<StageFactory>> MakeAuthenticateFactory(
    std::shared_ptr<const StageConfig> /*config*/, const StageServices& services) {
  if (!services.services) return FailedPreconditionError("authenticate needs the store");
  return std::unique_ptr<StageFactory>(std::make_unique<AuthenticateFactory>(services.services));
}

}  // namespace hegui::gateway
