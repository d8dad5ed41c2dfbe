// VerifyLog: the full, read-only check of an audit-log directory that an
// auditor runs without trusting the operator (hegui audit verify).
//
// It checks, in index order: every segment header (magic, version, CRC, the
// first index against the file name and the previous segment's end); every
// frame's CRC32C; that every record decodes; that every record's leaf hash
// equals the stored tree hash; every stored subtree hash (recomputed
// streaming, O(log n) memory); that records missing at the start are
// accounted for by a retention_purge record; and every stored checkpoint: its
// Ed25519 signature under the verifier key and its root against the tree
// recomputed at its size. The first failure is reported naming the record (or
// file) and why; a torn tail past the last hashed record (a writer killed
// mid-append, never acknowledged) is a warning, not a failure.
//
// Cost: one sequential read of every segment and of tree.hashes; one SHA-256
// per record and per stored hash. Safe to run while a writer appends (it
// checks the prefix present when it starts). Thread-compatible.
#ifndef HEGUI_AUDIT_LOG_VERIFIER_H_
#define HEGUI_AUDIT_LOG_VERIFIER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/record.h"
#include "core/status_or.h"

namespace hegui::audit {

struct VerifyOptions {
  // The verifier key the auditor trusts ("name+hash+base64"); empty means the
  // log's own verifier.key (which proves integrity, not who signed).
  std::string verifier_key;
  // Called now and then with bytes of segments checked so far and in total.
  std::function<void(uint64_t done, uint64_t total)> progress;
};

struct VerifyReport {
  bool ok = true;
  std::string problem;                // The first failure; empty when ok.
  std::optional<uint64_t> bad_index;  // The record it concerns, if any.
  std::vector<std::string> warnings;

  uint64_t records = 0;        // Tree size (including purged records).
  uint64_t first_present = 0;  // Records [0, first_present) were purged.
  uint64_t segments = 0;
  uint64_t bytes = 0;           // Segment bytes read.
  uint64_t reserved_bytes = 0;  // Of those, zero bytes after the last frames (not records).
  std::optional<RecordTime> earliest, latest;  // Over present records.
  std::map<std::string, uint64_t> kinds;       // Present records per kind.
  uint64_t checkpoints = 0;                    // Checkpoints verified.
  int64_t latest_checkpoint_size = -1;
  std::string origin;
};

// NotFound / InvalidArgument when `dir` is not a log or the key is unusable;
// otherwise a report (check report.ok).
StatusOr<VerifyReport> VerifyLog(const std::string& dir, const VerifyOptions& options);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_LOG_VERIFIER_H_
