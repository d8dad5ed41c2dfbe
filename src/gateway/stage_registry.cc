#include "gateway/stage_registry.h"

#include "gateway/stages/audit.h"
#include "gateway/stages/authenticate.h"
#include "gateway/stages/identity.h"
#include "gateway/stages/input_scan.h"
#include "gateway/stages/metrics_stage.h"
#include "gateway/stages/output_scan.h"
#include "gateway/stages/rate_limit.h"
#include "gateway/stages/route.h"

namespace hegui::gateway {

namespace {

struct Entry {
  const char* name;
  StatusOr<std::shared_ptr<const StageConfig>> (*parse)(ConfigFields&);
  StatusOr<std::unique_ptr<StageFactory>> (*make)(std::shared_ptr<const StageConfig>,
                                                  const StageServices&);
};

StatusOr<std::unique_ptr<StageFactory>> MakeRateLimit(std::shared_ptr<const StageConfig> c,
                                                      const StageServices& s) {
  return MakeRateLimitFactory(std::move(c), s);
}

const Entry kStages[] = {
    {"authenticate", ParseAuthenticateConfig, MakeAuthenticateFactory},
    {"identity", ParseIdentityConfig, MakeIdentityFactory},
    {"rate_limit", ParseRateLimitConfig, MakeRateLimit},
    {"input_scan", ParseInputScanConfig, MakeInputScanFactory},
    {"route", ParseRouteConfig, MakeRouteFactory},
    {"output_scan", ParseOutputScanConfig, MakeOutputScanFactory},
    {"audit", ParseAuditConfig, MakeAuditFactory},
    {"metrics", ParseMetricsConfig, MakeMetricsFactory},
};

const Entry* Find(const std::string& name) {
  for (const Entry& e : kStages) {
    if (name == e.name) return &e;
  }
  return nullptr;
}

}  // namespace

const std::vector<std::string>& CanonicalStageOrder() {
  static const std::vector<std::string> kOrder = [] {
    std::vector<std::string> v;
    for (const Entry& e : kStages) v.push_back(e.name);
    return v;
  }();
  return kOrder;
}

StatusOr<std::shared_ptr<const StageConfig>> ParseStageConfig(const std::string& name,
                                                              ConfigFields& fields) {
  const Entry* e = Find(name);
  if (!e) return InvalidArgumentError("unknown stage '" + name + "'");
  return e->parse(fields);
}

StatusOr<std::unique_ptr<StageFactory>> MakeStageFactory(const StageSpec& spec,
                                                         const StageServices& services) {
  const Entry* e = Find(spec.name);
  if (!e) return InvalidArgumentError("unknown stage '" + spec.name + "'");
  auto factory = e->make(spec.config, services);
  if (!factory.ok()) return factory.status().WithContext("stage '" + spec.name + "'");
  return factory;
}

}  // namespace hegui::gateway
