#include "gateway/stages/identity.h"

namespace hegui::gateway {

namespace {

class IdentityStage : public Stage {
 public:
  explicit IdentityStage(bool required) : required_(required) {}

  StageVerdict OnRequest(Call& call) override {
    if (!required_) return StageVerdict::kContinue;
    if (!call.principal) {  // authenticate did not run: refuse rather than guess.
      call.reply = IdentityNotVerified("The caller is not identified");
      return StageVerdict::kLocalReply;
    }
    if (!call.principal->identity_verified) {
      call.reply = IdentityNotVerified(
          "User '" + call.principal->user_id +
          "' has not completed real-identity verification; this service may not serve "
          "unverified users (CSL Art. 26). An administrator verifies users with `hegui users "
          "verify`");
      return StageVerdict::kLocalReply;
    }
    return StageVerdict::kContinue;
  }

 private:
  bool required_;
};

class IdentityFactory : public StageFactory {
 public:
  explicit IdentityFactory(bool required) : required_(required) {}
  std::string_view name() const override { return "identity"; }
  Stage* Create(StageArena& arena) const override { return arena.New<IdentityStage>(required_); }

 private:
  bool required_;
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseIdentityConfig(ConfigFields& fields) {
  auto config = std::make_shared<IdentityConfig>();
  if (fields.Has("required")) config->required = fields.Bool("required", true);
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::move(config));
}

StatusOr<std::unique_ptr<StageFactory>> MakeIdentityFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services) {
  const auto& c = static_cast<const IdentityConfig&>(*config);
  bool required = c.required.value_or(
      services.config ? services.config->deployment.real_identity_required : true);
  return std::unique_ptr<StageFactory>(std::make_unique<IdentityFactory>(required));
}

}  // namespace hegui::gateway
