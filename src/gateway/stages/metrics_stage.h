// metrics: the last stage. Counts every call by endpoint, outcome and status;
// blocks and reviews by where, category and article; PI findings by type; and
// observes the whole-call and upstream latencies (Metrics, /metrics).
#ifndef HEGUI_GATEWAY_STAGES_METRICS_STAGE_H_
#define HEGUI_GATEWAY_STAGES_METRICS_STAGE_H_

#include "gateway/stage_registry.h"

namespace hegui::gateway {

struct MetricsConfig : StageConfig {};

StatusOr<std::shared_ptr<const StageConfig>> ParseMetricsConfig(ConfigFields& fields);
StatusOr<std::unique_ptr<StageFactory>> MakeMetricsFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_METRICS_STAGE_H_
