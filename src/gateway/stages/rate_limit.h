// rate_limit: a token bucket per API key. Each key may make
// `requests_per_minute` calls per minute on average and up to `burst` at once;
// a call over the limit gets 429 rate_limit_exceeded with the seconds to wait.
// The buckets are shared by every call (one mutex); the clock is injectable
// for tests. Runs after authenticate (the key is call.principal->key_id).
#ifndef HEGUI_GATEWAY_STAGES_RATE_LIMIT_H_
#define HEGUI_GATEWAY_STAGES_RATE_LIMIT_H_

#include <chrono>
#include <functional>

#include "gateway/stage_registry.h"

namespace hegui::gateway {

struct RateLimitConfig : StageConfig {
  double requests_per_minute = 600;
  double burst = 60;
};

using Clock = std::function<std::chrono::steady_clock::time_point()>;

StatusOr<std::shared_ptr<const StageConfig>> ParseRateLimitConfig(ConfigFields& fields);
// `clock` defaults to steady_clock::now.
StatusOr<std::unique_ptr<StageFactory>> MakeRateLimitFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services, Clock clock = {});

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_RATE_LIMIT_H_
