#include "gateway/stages/audit.h"

#include <atomic>

#include "gateway/metrics.h"
#include "gateway/services.h"

namespace hegui::gateway {

namespace {

class AuditStage : public Stage {
 public:
  // `latency` caches the append-latency sample for the pipeline's life.
  AuditStage(GatewayServices* services, Metrics* metrics,
             std::atomic<HistogramFamily::Histogram*>* latency)
      : services_(services), metrics_(metrics), latency_(latency) {}

  StageVerdict OnRequest(Call& call) override {
    Status healthy = services_->EvidenceLogHealthy();
    if (healthy.ok()) return StageVerdict::kContinue;
    call.outcome = "audit_unavailable";
    call.reply = ServiceUnavailable(
        "audit_log_unavailable",
        "The evidence log cannot be written (" + healthy.message() +
            "); the gateway refuses service until it can, because every model call must be "
            "recorded (CSL Art. 23)");
    return StageVerdict::kLocalReply;
  }

  // The durable append waits for the log's group commit; the server thread
  // serves other connections meanwhile.
  bool completes_async() const override { return true; }

  Status OnComplete(Call& call) override {
    auto start = std::chrono::steady_clock::now();
    Status status = services_->RecordCall(call);
    Observe(start);
    return status;
  }

  void OnCompleteAsync(Call& call, std::function<void(Status)> done) override {
    auto start = std::chrono::steady_clock::now();
    services_->RecordCallAsync(call, [this, start, done = std::move(done)](Status status) {
      Observe(start);
      done(std::move(status));
    });
  }

 private:
  void Observe(std::chrono::steady_clock::time_point start) {
    if (!metrics_) return;
    HistogramFamily::Histogram* h = latency_->load(std::memory_order_acquire);
    if (h == nullptr) {
      h = &metrics_->audit_append_latency.Sample({});
      latency_->store(h, std::memory_order_release);
    }
    h->Observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }

  GatewayServices* services_;
  Metrics* metrics_;
  std::atomic<HistogramFamily::Histogram*>* latency_;
};

class AuditFactory : public StageFactory {
 public:
  AuditFactory(GatewayServices* services, Metrics* metrics)
      : services_(services), metrics_(metrics) {}
  std::string_view name() const override { return "audit"; }
  Stage* Create(StageArena& arena) const override {
    return arena.New<AuditStage>(services_, metrics_, &latency_);
  }

 private:
  GatewayServices* services_;
  Metrics* metrics_;
  mutable std::atomic<HistogramFamily::Histogram*> latency_{nullptr};
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseAuditConfig(ConfigFields& fields) {
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::make_shared<AuditConfig>());
}

StatusOr<std::unique_ptr<StageFactory>> MakeAuditFactory(std::shared_ptr<const StageConfig>,
                                                         const StageServices& services) {
  if (!services.services) return FailedPreconditionError("audit needs the evidence log");
  return std::unique_ptr<StageFactory>(
      std::make_unique<AuditFactory>(services.services, services.metrics));
}

}  // namespace hegui::gateway
