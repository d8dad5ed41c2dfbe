// GatewayServices: the narrow view the pipeline stages have of the modules
// they compose: the store (keys, users, review queue, security assessments),
// the scanner (scan/) and the evidence log (audit/).
//
// Stages depend on this interface only, so each stage is tested alone with a
// fake; ModuleServices (module_services.h) implements it over the real
// modules. Every method reports failure as a Status and the stages turn any
// failure into a refusal (fail closed). Implementations are thread-safe and
// outlive every StageFactory built with them.
#ifndef HEGUI_GATEWAY_SERVICES_H_
#define HEGUI_GATEWAY_SERVICES_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/status_or.h"
#include "gateway/call.h"

namespace hegui::gateway {

// One finding of a scan over a text, with byte offsets into that text.
struct ScanHit {
  std::string kind;     // "pi" or "lexicon".
  std::string type;     // PI type or lexicon category.
  std::string article;  // CSL article, e.g. "12"; empty when none.
  std::string rule_id;
  size_t offset = 0;
  size_t length = 0;
};

// A scan over a streamed text. Feed() returns the bytes that are now safe to
// release (scanned, and not part of a possible match still open at the end);
// Drain() releases what can be released now, without waiting for more input
// (the upstream paused); Finish() releases the rest. Findings are reported
// with offsets into the
// whole stream. Once a finding is reported the caller decides (it normally
// stops releasing). One per stream; not thread-safe.
class StreamScan {
 public:
  virtual ~StreamScan() = default;
  virtual Status Feed(std::string_view chunk, std::string* released,
                      std::vector<ScanHit>* hits) = 0;
  virtual Status Drain(std::string* released, std::vector<ScanHit>* hits) = 0;
  virtual Status Finish(std::string* released, std::vector<ScanHit>* hits) = 0;
};

class TextScanner {
 public:
  virtual ~TextScanner() = default;
  virtual StatusOr<std::vector<ScanHit>> Scan(std::string_view text) const = 0;
  virtual std::unique_ptr<StreamScan> OpenStream() const = 0;
};

// An item for the human-review queue.
struct ReviewRequest {
  std::string request_id;
  std::string user_id;
  std::string where;     // "input" or "output".
  std::string category;  // What triggered it.
  std::string article;
  std::string content;  // The text under review.
  bool held = true;     // Held (not delivered) or delivered flagged.
};

class GatewayServices {
 public:
  virtual ~GatewayServices() = default;

  // The principal an API key belongs to; kUnauthenticated if the key is
  // unknown or revoked.
  virtual StatusOr<Principal> Authenticate(std::string_view api_key) = 0;
  // Whether a recorded security assessment permits sending data of
  // `data_class` ("personal_information" or "important_data") to `upstream`
  // in `region`.
  virtual StatusOr<bool> CrossBorderPermitted(std::string_view upstream, std::string_view region,
                                              std::string_view data_class) = 0;
  // Queues an item for human review; returns its id.
  virtual StatusOr<std::string> QueueReview(const ReviewRequest& item) = 0;
  // The scanner; null when no scanner is configured.
  virtual const TextScanner* scanner() const = 0;
  // Appends the call's model_call record (and interface_failure when it
  // failed upstream) durably; non-OK means the evidence was not kept.
  virtual Status RecordCall(const Call& call) = 0;
  // The same without blocking the calling thread: takes what it needs from
  // `call` before returning and reports through `done`, exactly once, from
  // any thread, once the records are durable or failed. `done` must not
  // block. The default calls RecordCall and reports at once.
  virtual void RecordCallAsync(const Call& call, std::function<void(Status)> done) {
    done(RecordCall(call));
  }
  // Returns once every RecordCallAsync begun so far has reported (for an
  // orderly stop: what the reports resume must still exist).
  virtual void WaitForPendingRecords() {}
  // Whether the evidence log can take records now (for /readyz and for
  // refusing before forwarding).
  virtual Status EvidenceLogHealthy() = 0;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_SERVICES_H_
