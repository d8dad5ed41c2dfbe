// ModuleServices: GatewayServices over the real modules — store/ (keys,
// users, review queue, security assessments), scan/ (one scan::Scanner with
// the lexicon and the PI detectors: the same findings as `hegui scan`) and
// audit/ (the evidence log, group-committed and durable before an append
// returns).
//
// Open() creates what a first run needs: the data directory, the SQLite file
// (migrated by store::Open) and the audit log with a fresh signing key. Every
// failure afterwards is reported, never swallowed: an evidence-log append that
// fails marks the log unhealthy, and from then on EvidenceLogHealthy() is
// non-OK, so the audit stage refuses every call (fail closed) until restart.
//
// Personal information is detected on the Scanner's PI view (NFKC: full-width
// digits and letters folded; zero-width and other invisible characters
// dropped; docs/scan.md), with findings and masks on the original bytes. Streams use
// scan::ScanStream, which holds back what a lexicon term or PI value still
// open at the end could cover, so a value split across deltas is found before
// any of it is released.
//
// Authenticate() caches a verified key's principal for kAuthCacheTtl, keyed
// by the SHA-256 of the token (never the token itself), so a busy key costs
// no database query per request. Changes made through the admin API call
// InvalidateAuthCache() and take effect at once; a key revoked (or a user
// verified) by `hegui keys` / `hegui users` in another process is seen
// within kAuthCacheTtl. Unknown, wrong and revoked keys are never cached.
//
// Thread-safe; the store and the log must not be opened by another process
// at the same time (the log takes a file lock).
#ifndef HEGUI_GATEWAY_MODULE_SERVICES_H_
#define HEGUI_GATEWAY_MODULE_SERVICES_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status_or.h"
#include "gateway/config.h"
#include "gateway/services.h"

namespace hegui::store {
class Store;
}
namespace hegui::audit {
class Log;
struct Record;
}  // namespace hegui::audit

namespace hegui::gateway {

class ModuleScanner;

class ModuleServices : public GatewayServices {
 public:
  // How long a verified key is trusted without asking the store again.
  static constexpr std::chrono::seconds kAuthCacheTtl{2};

  static StatusOr<std::unique_ptr<ModuleServices>> Open(const GatewayConfig& config);
  ~ModuleServices() override;

  StatusOr<Principal> Authenticate(std::string_view api_key) override;
  StatusOr<bool> CrossBorderPermitted(std::string_view upstream, std::string_view region,
                                      std::string_view data_class) override;
  StatusOr<std::string> QueueReview(const ReviewRequest& item) override;
  const TextScanner* scanner() const override;
  Status RecordCall(const Call& call) override;
  // Encodes the records on the calling thread; `done` runs on one of the log's
  // threads after the group commit.
  void RecordCallAsync(const Call& call, std::function<void(Status)> done) override;
  void WaitForPendingRecords() override;
  Status EvidenceLogHealthy() override;

  // The model_call record (and interface_failure, if any) of a call.
  static std::vector<audit::Record> CallRecords(const Call& call);

  // Forgets every cached principal (after a change to keys or users).
  void InvalidateAuthCache();

  // Appends a config_change / permission_change / human_override record.
  Status RecordAdminEvent(std::string_view kind, std::string_view actor, std::string body_json);

  store::Store& store() { return *store_; }
  audit::Log& log() { return *log_; }

 private:
  ModuleServices() = default;
  Status Fail(const Status& status);

  std::unique_ptr<store::Store> store_;
  std::unique_ptr<audit::Log> log_;
  std::unique_ptr<ModuleScanner> scanner_;
  std::atomic<bool> log_failed_{false};
  std::mutex failure_mu_;
  std::string log_failure_;  // Guarded by failure_mu_; set before log_failed_ becomes true.
  struct CachedPrincipal {
    Principal principal;
    std::chrono::steady_clock::time_point expires;
  };
  std::mutex auth_mu_;
  std::unordered_map<std::string, CachedPrincipal> auth_cache_;  // Guarded by auth_mu_.
  uint64_t auth_generation_ = 0;  // Guarded by auth_mu_: bumped by each invalidation.

  std::mutex pending_mu_;
  std::condition_variable pending_cv_;
  // RecordCallAsync calls not yet reported; pending_mu_ guards only the wait.
  std::atomic<int> pending_records_{0};
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_MODULE_SERVICES_H_
