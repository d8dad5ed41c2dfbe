#include "gateway/stages/metrics_stage.h"

#include <atomic>
#include <memory>
#include <vector>

#include "gateway/config.h"
#include "gateway/metrics.h"

namespace hegui::gateway {

namespace {

// The samples every call touches, resolved on first use and then kept for the
// pipeline's life, so that a call updates them without a map lookup, a lock
// or building label strings. Thread-safe (the handles are set atomically and
// every thread resolves the same sample).
class Handles {
 public:
  Handles(Metrics* metrics, const GatewayConfig* config)
      : metrics_(metrics),
        upstream_latency_(
            new std::atomic<HistogramFamily::Histogram*>[config ? config->upstreams.size() : 0]) {
    if (config) {
      for (size_t i = 0; i < config->upstreams.size(); ++i) {
        upstreams_.push_back(&config->upstreams[i]);
        upstream_latency_[i].store(nullptr, std::memory_order_relaxed);
      }
    }
  }

  // hegui_requests_total{endpoint, outcome="ok", status="200"}.
  CounterFamily::Counter& Ok(Endpoint endpoint) {
    Slot& slot = endpoints_[static_cast<size_t>(endpoint)];
    return Resolve(slot.ok, [&] {
      return &metrics_->requests.Sample({std::string(EndpointName(endpoint)), "ok", "200"});
    });
  }
  HistogramFamily::Histogram& Latency(Endpoint endpoint) {
    Slot& slot = endpoints_[static_cast<size_t>(endpoint)];
    return Resolve(slot.latency, [&] {
      return &metrics_->request_latency.Sample({std::string(EndpointName(endpoint))});
    });
  }
  // hegui_upstream_duration_seconds{upstream}: route picks `upstream` from
  // the configuration this pipeline was built with.
  HistogramFamily::Histogram& UpstreamLatency(const UpstreamConfig* upstream) {
    for (size_t i = 0; i < upstreams_.size(); ++i) {
      if (upstreams_[i] == upstream) {
        return Resolve(upstream_latency_[i],
                       [&] { return &metrics_->upstream_latency.Sample({upstream->name}); });
      }
    }
    return metrics_->upstream_latency.Sample({upstream->name});
  }

 private:
  template <typename T, typename Make>
  static T& Resolve(std::atomic<T*>& slot, Make make) {
    T* p = slot.load(std::memory_order_acquire);
    if (p == nullptr) {
      p = make();
      slot.store(p, std::memory_order_release);
    }
    return *p;
  }

  struct Slot {
    std::atomic<CounterFamily::Counter*> ok{nullptr};
    std::atomic<HistogramFamily::Histogram*> latency{nullptr};
  };
  Metrics* metrics_;
  Slot endpoints_[3];  // By Endpoint.
  std::vector<const UpstreamConfig*> upstreams_;
  std::unique_ptr<std::atomic<HistogramFamily::Histogram*>[]> upstream_latency_;  // By index.
};

class MetricsStage : public Stage {
 public:
  MetricsStage(Metrics* metrics, Handles* handles) : metrics_(metrics), handles_(handles) {}

  Status OnComplete(Call& call) override {
    int status = call.reply ? call.reply->http_status : 200;
    if (status == 200 && call.outcome == "ok") {
      handles_->Ok(call.endpoint).Inc();
    } else {
      metrics_->requests.Inc(
          {std::string(EndpointName(call.endpoint)), call.outcome, std::to_string(status)});
    }
    for (const CallFinding& f : call.findings) {
      if (f.kind == "pi") metrics_->pi_findings.Inc({f.where, f.type});
      if (f.action == "block") metrics_->blocks.Inc({f.where, f.type, f.article});
      if (f.action == "review") metrics_->reviews.Inc({f.where, f.type, f.article});
    }
    handles_->Latency(call.endpoint)
        .Observe(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - call.started).count());
    if (!call.upstream_error_kind.empty()) {
      metrics_->upstream_errors.Inc(
          {call.upstream ? call.upstream->name : "", call.upstream_error_kind});
    }
    if (call.upstream && call.upstream_status != 0) {
      HistogramFamily::Histogram* h = &handles_->UpstreamLatency(call.upstream);
      h->Observe(std::chrono::duration<double>(call.upstream_latency).count());
    }
    return OkStatus();
  }

 private:
  Metrics* metrics_;
  Handles* handles_;
};

class MetricsFactory : public StageFactory {
 public:
  MetricsFactory(Metrics* metrics, const GatewayConfig* config)
      : metrics_(metrics), handles_(metrics, config) {}
  std::string_view name() const override { return "metrics"; }
  Stage* Create(StageArena& arena) const override {
    return arena.New<MetricsStage>(metrics_, &handles_);
  }

 private:
  Metrics* metrics_;
  mutable Handles handles_;
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseMetricsConfig(ConfigFields& fields) {
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::make_shared<MetricsConfig>());
}

StatusOr<std::unique_ptr<StageFactory>> MakeMetricsFactory(std::shared_ptr<const StageConfig>,
                                                           const StageServices& services) {
  if (!services.metrics) return FailedPreconditionError("metrics needs the metrics registry");
  return std::unique_ptr<StageFactory>(
      std::make_unique<MetricsFactory>(services.metrics, services.config));
}

}  // namespace hegui::gateway
