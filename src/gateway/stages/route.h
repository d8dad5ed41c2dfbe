// route: picks the upstream for call.model and enforces CSL Art. 39.
//
// Candidates are the upstreams whose `models` include the model (404
// model_not_found if none). When the deployment is critical information
// infrastructure or requires localisation, and the request still carries
// personal information or important data after input_scan, overseas
// upstreams are dropped unless a recorded security assessment in the store
// permits that data class for that upstream; if nothing is left the call gets
// 403 region_not_permitted. Among what is left, a domestic upstream is
// preferred. A store error refuses the call (fail closed).
#ifndef HEGUI_GATEWAY_STAGES_ROUTE_H_
#define HEGUI_GATEWAY_STAGES_ROUTE_H_

#include "gateway/stage_registry.h"

namespace hegui::gateway {

struct RouteConfig : StageConfig {
  bool prefer_domestic = true;
};

StatusOr<std::shared_ptr<const StageConfig>> ParseRouteConfig(ConfigFields& fields);
StatusOr<std::unique_ptr<StageFactory>> MakeRouteFactory(std::shared_ptr<const StageConfig> config,
                                                         const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_ROUTE_H_
