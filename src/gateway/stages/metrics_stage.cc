#include "gateway/stages/metrics_stage.h"

#include "gateway/metrics.h"

namespace hegui::gateway {

namespace {

class MetricsStage : public Stage {
 public:
  explicit MetricsStage(Metrics* metrics) : metrics_(metrics) {}

  Status OnComplete(Call& call) override {
    std::string endpoint(EndpointName(call.endpoint));
    int status = call.reply ? call.reply->http_status : 200;
    metrics_->requests.Inc({endpoint, call.outcome, std::to_string(status)});
    for (const CallFinding& f : call.findings) {
      if (f.kind == "pi") metrics_->pi_findings.Inc({f.where, f.type});
      if (f.action == "block") metrics_->blocks.Inc({f.where, f.type, f.article});
      if (f.action == "review") metrics_->reviews.Inc({f.where, f.type, f.article});
    }
    metrics_->request_latency.Observe(
        {endpoint},
        std::chrono::duration<double>(std::chrono::steady_clock::now() - call.started).count());
    if (!call.upstream_error_kind.empty()) {
      metrics_->upstream_errors.Inc(
          {call.upstream ? call.upstream->name : "", call.upstream_error_kind});
    }
    if (call.upstream && call.upstream_status != 0) {
      metrics_->upstream_latency.Observe(
          {call.upstream->name}, std::chrono::duration<double>(call.upstream_latency).count());
    }
    return OkStatus();
  }

 private:
  Metrics* metrics_;
};

class MetricsFactory : public StageFactory {
 public:
  explicit MetricsFactory(Metrics* metrics) : metrics_(metrics) {}
  std::string_view name() const override { return "metrics"; }
  std::unique_ptr<Stage> Create() const override {
    return std::make_unique<MetricsStage>(metrics_);
  }

 private:
  Metrics* metrics_;
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseMetricsConfig(ConfigFields& fields) {
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::make_shared<MetricsConfig>());
}

StatusOr<std::unique_ptr<StageFactory>> MakeMetricsFactory(std::shared_ptr<const StageConfig>,
                                                           const StageServices& services) {
  if (!services.metrics) return FailedPreconditionError("metrics needs the metrics registry");
  return std::unique_ptr<StageFactory>(std::make_unique<MetricsFactory>(services.metrics));
}

}  // namespace hegui::gateway
