#include "gateway/stages/route.h"

#include "gateway/services.h"

namespace hegui::gateway {

namespace {

class RouteStage : public Stage {
 public:
  RouteStage(const RouteConfig* config, const GatewayConfig* gateway, GatewayServices* services)
      : config_(config), gateway_(gateway), services_(services) {}

  StageVerdict OnRequest(Call& call) override {
    std::vector<const UpstreamConfig*> candidates;
    for (const UpstreamConfig& u : gateway_->upstreams) {
      if (u.Serves(call.model)) candidates.push_back(&u);
    }
    if (candidates.empty()) {
      call.reply = ModelNotFound(call.model);
      return StageVerdict::kLocalReply;
    }
    std::vector<std::string> classes;
    if (call.carries_personal_information) classes.push_back("personal_information");
    if (call.carries_important_data) classes.push_back("important_data");
    const DeploymentConfig& d = gateway_->deployment;
    bool localise =
        (d.critical_information_infrastructure || d.localisation_required) && !classes.empty();
    std::vector<const UpstreamConfig*> allowed;
    const UpstreamConfig* refused = nullptr;
    for (const UpstreamConfig* u : candidates) {
      if (!localise || !u->overseas) {
        allowed.push_back(u);
        continue;
      }
      bool permitted = services_ != nullptr;
      for (const std::string& data_class : classes) {
        if (!permitted) break;
        StatusOr<bool> ok = services_->CrossBorderPermitted(u->name, u->region, data_class);
        if (!ok.ok()) {
          call.reply = ServiceUnavailable(
              "store_unavailable",
              "Cross-border security assessments cannot be read, so the request was not sent "
              "overseas: " +
                  ok.status().message());
          return StageVerdict::kLocalReply;
        }
        permitted = *ok;
      }
      if (permitted) {
        allowed.push_back(u);
      } else {
        refused = u;
      }
    }
    if (allowed.empty()) {
      std::string what = classes.size() == 2 ? "personal information and important data"
                         : classes[0] == "personal_information" ? "personal information"
                                                                : "important data";
      call.reply =
          RegionNotPermitted("The request carries " + what + " and model '" + call.model +
                             "' is served only outside mainland China (upstream '" + refused->name +
                             "', region '" + refused->region +
                             "'); CSL Art. 39 requires such data to stay in China unless a "
                             "recorded security assessment permits the transfer");
      return StageVerdict::kLocalReply;
    }
    call.upstream = allowed.front();
    if (config_->prefer_domestic) {
      for (const UpstreamConfig* u : allowed) {
        if (!u->overseas) {
          call.upstream = u;
          break;
        }
      }
    }
    return StageVerdict::kContinue;
  }

 private:
  const RouteConfig* config_;
  const GatewayConfig* gateway_;
  GatewayServices* services_;
};

class RouteFactory : public StageFactory {
 public:
  RouteFactory(std::shared_ptr<const StageConfig> config, const GatewayConfig* gateway,
               GatewayServices* services)
      : config_(std::move(config)), gateway_(gateway), services_(services) {}
  std::string_view name() const override { return "route"; }
  Stage* Create(StageArena& arena) const override {
    return arena.New<RouteStage>(static_cast<const RouteConfig*>(config_.get()), gateway_,
                                 services_);
  }

 private:
  std::shared_ptr<const StageConfig> config_;
  const GatewayConfig* gateway_;
  GatewayServices* services_;
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseRouteConfig(ConfigFields& fields) {
  auto config = std::make_shared<RouteConfig>();
  config->prefer_domestic = fields.Bool("prefer_domestic", config->prefer_domestic);
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::move(config));
}

StatusOr<std::unique_ptr<StageFactory>> MakeRouteFactory(std::shared_ptr<const StageConfig> config,
                                                         const StageServices& services) {
  if (!services.config) return FailedPreconditionError("route needs the gateway configuration");
  return std::unique_ptr<StageFactory>(
      std::make_unique<RouteFactory>(std::move(config), services.config, services.services));
}

}  // namespace hegui::gateway
