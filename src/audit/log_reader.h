// LogReader: read-only access to an audit-log directory for proofs, export
// and statistics, without taking the writer's lock (a writer may be appending).
//
// It sees the records and tree hashes present when each call runs; proofs are
// served from tree.hashes in O(log n) reads. It does not verify the log (that
// is VerifyLog); a damaged frame makes ForEachRecord fail with DataLoss.
// Thread-compatible; the directory must outlive the reader.
#ifndef HEGUI_AUDIT_LOG_READER_H_
#define HEGUI_AUDIT_LOG_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "audit/checkpoint.h"
#include "audit/merkle.h"
#include "audit/subject_key_store.h"
#include "audit/tree_hash_file.h"
#include "core/status_or.h"

namespace hegui::audit {

class LogReader {
 public:
  // NotFound if `dir` holds no log.
  static StatusOr<std::unique_ptr<LogReader>> Open(const std::string& dir);

  const std::string& dir() const { return dir_; }
  const std::string& verifier_key() const { return verifier_key_; }

  // Records in the tree (including purged ones).
  uint64_t tree_size() const { return static_cast<uint64_t>(tree_->leaves()); }
  StatusOr<Hash> RootAt(uint64_t size) const;
  StatusOr<Hash> LeafHashAt(uint64_t index) const;
  StatusOr<std::vector<Hash>> ProveInclusion(uint64_t index, uint64_t size) const;
  StatusOr<std::vector<Hash>> ProveConsistency(uint64_t old_size, uint64_t new_size) const;

  // The latest signed checkpoint note and its parsed, signature-checked body.
  StatusOr<std::string> LatestCheckpointNote() const;
  StatusOr<Checkpoint> LatestCheckpoint() const;

  // Calls fn(index, payload) for each present record from `from` on, in index
  // order, until fn returns false.
  Status ForEachRecord(uint64_t from,
                       const std::function<bool(uint64_t, std::string_view)>& fn) const;
  // The stored bytes of record `index`. NotFound if purged or not yet written.
  StatusOr<std::string> RecordPayload(uint64_t index) const;

  // The subject key store, for opening sealed fields (read-only use).
  const SubjectKeyStore& keys() const { return *keys_; }

 private:
  LogReader() = default;
  std::string dir_;
  std::string verifier_key_;
  std::unique_ptr<TreeHashFile> tree_;
  std::unique_ptr<SubjectKeyStore> keys_;
};

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_LOG_READER_H_
