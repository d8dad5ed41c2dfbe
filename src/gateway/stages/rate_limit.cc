#include "gateway/stages/rate_limit.h"

#include <cmath>
#include <mutex>
#include <unordered_map>

namespace hegui::gateway {

namespace {

class Buckets {
 public:
  Buckets(RateLimitConfig config, Clock clock) : config_(config), clock_(std::move(clock)) {}

  // Takes one token for `key`; on refusal returns the seconds until one is back.
  std::optional<double> Take(const std::string& key) {
    auto now = clock_();
    std::lock_guard lock(mu_);
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{config_.burst, now});
    Bucket& b = it->second;
    if (!fresh) {
      double elapsed = std::chrono::duration<double>(now - b.last).count();
      b.tokens = std::min(config_.burst, b.tokens + elapsed * config_.requests_per_minute / 60);
      b.last = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return std::nullopt;
    }
    return (1 - b.tokens) * 60 / config_.requests_per_minute;
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  RateLimitConfig config_;
  Clock clock_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

class RateLimitStage : public Stage {
 public:
  explicit RateLimitStage(Buckets* buckets) : buckets_(buckets) {}

  StageVerdict OnRequest(Call& call) override {
    if (!call.principal) {
      call.reply = InvalidApiKey("The caller is not identified, so no rate limit applies");
      return StageVerdict::kLocalReply;
    }
    std::optional<double> wait = buckets_->Take(call.principal->key_id);
    if (!wait) return StageVerdict::kContinue;
    call.reply = RateLimitExceeded("Rate limit reached for this API key; retry in " +
                                   std::to_string(static_cast<int>(std::ceil(*wait))) + " s");
    return StageVerdict::kLocalReply;
  }

 private:
  Buckets* buckets_;
};

class RateLimitFactory : public StageFactory {
 public:
  RateLimitFactory(RateLimitConfig config, Clock clock) : buckets_(config, std::move(clock)) {}
  std::string_view name() const override { return "rate_limit"; }
  Stage* Create(StageArena& arena) const override { return arena.New<RateLimitStage>(&buckets_); }

 private:
  mutable Buckets buckets_;
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseRateLimitConfig(ConfigFields& fields) {
  auto config = std::make_shared<RateLimitConfig>();
  config->requests_per_minute =
      fields.Double("requests_per_minute", config->requests_per_minute, 0.001, 1e9);
  config->burst = fields.Double("burst", config->burst, 1, 1e9);
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::move(config));
}

StatusOr<std::unique_ptr<StageFactory>> MakeRateLimitFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& /*services*/, Clock clock) {
  if (!clock) clock = [] { return std::chrono::steady_clock::now(); };
  return std::unique_ptr<StageFactory>(std::make_unique<RateLimitFactory>(
      static_cast<const RateLimitConfig&>(*config), std::move(clock)));
}

}  // namespace hegui::gateway
