// The catalogue of pipeline stages: names, canonical order, config parsers
// and factory builders (docs/config.md, "pipeline").
//
// The canonical order is authenticate, identity, rate_limit, input_scan,
// route, output_scan, audit, metrics; forwarding happens between route and
// output_scan. A configured pipeline may leave stages out but never reorder
// them, and must contain route and audit (no evidence log, no service).
// Thread-safe: the catalogue is immutable.
#ifndef HEGUI_GATEWAY_STAGE_REGISTRY_H_
#define HEGUI_GATEWAY_STAGE_REGISTRY_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status_or.h"
#include "gateway/config.h"
#include "gateway/config_fields.h"
#include "gateway/stage.h"

namespace hegui::gateway {

struct Metrics;
class GatewayServices;

// What a stage may use besides its own config. All pointers outlive every
// factory built with them; each may be null when the pipeline lacks the
// stage needing it.
struct StageServices {
  const GatewayConfig* config = nullptr;
  Metrics* metrics = nullptr;
  GatewayServices* services = nullptr;  // Store, scanner, evidence log.
};

const std::vector<std::string>& CanonicalStageOrder();

// Validates the section of stage `name` (fields reads the stage's mapping).
StatusOr<std::shared_ptr<const StageConfig>> ParseStageConfig(const std::string& name,
                                                              ConfigFields& fields);

StatusOr<std::unique_ptr<StageFactory>> MakeStageFactory(const StageSpec& spec,
                                                         const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGE_REGISTRY_H_
