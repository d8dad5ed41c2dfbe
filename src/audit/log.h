// Log: the writer of an audit-log directory: append-only, group-committed,
// hash-chained (RFC 6962 Merkle tree) and checkpointed with signed notes.
//
// Append() may be called from many threads at once. Each caller encodes its
// record, seals its personal-information fields and computes its leaf hash on
// its own thread; the lock is held only to take an index and enqueue. One
// writer at a time writes every queued frame with one write and extends the
// stored Merkle hashes (leaf hashes), in index order: the appender itself,
// right after queuing, when nobody is writing (a combining write: it takes
// whatever others queued too), else the log's flusher threads
// (LogOptions::flush_threads), which take what was queued while another
// writer was busy, and do the writes that roll a segment or reserve space.
// The flushers call fdatasync, each flush covering everything written before
// it began, then acknowledge the groups it covered. So:
//   - Durability::kSync (default): Append returns after the record, and every
//     record before it, is on disk (fdatasync) and in the tree.
//   - Durability::kRelaxed: Append returns once the batch is written to the
//     page cache, before fdatasync; a power failure (not a process crash) may
//     lose the last acknowledged records. size(), tree and checkpoints follow
//     at the next flush, paced by LogOptions::relaxed_flush_interval.
// A flusher is woken only when no other flusher will look at the log again
// on its own: one that is flushing starts the next flush itself when its own
// ends (see LogOptions::overlap_flushes_after for when flushes overlap).
// AppendAllAsync() is the same without the wait: it returns once the records
// are queued and calls back when Append would have returned, so a server
// thread can go on serving while the batch commits (every caller queued
// during one fdatasync shares the next one).
// Records are numbered 0, 1, 2, ... in the order their appends took the lock.
//
// Open() recovers from a crash: a torn tail of the last segment (a frame cut
// short, or failing its CRC with nothing but zero fill after it) is truncated
// and reported through LogOptions::on_recovery; zero fill after the last frame
// (space reserved by LogOptions::preallocate_bytes) is kept and written over;
// damage anywhere else refuses the open (DataLoss), because it is not what a
// crash leaves behind.
//
// Retention (CSL Art. 23 item (3)): Purge() removes whole segments whose
// records are all older than a date at least 180 days back, keeps their tree
// hashes (so proofs and checkpoints still verify) and appends a retention_purge
// record saying what went.
//
// Example:
//   auto log = audit::Log::Open("/var/lib/hegui/audit", {});
//   if (!log.ok()) return log.status();
//   StatusOr<uint64_t> index = (*log)->Append(record);   // durable on return
//   (*log)->AppendAllAsync({record}, [](StatusOr<uint64_t> first) {
//     // durable now (or failed); runs on one of the log's threads, or
//     // (kRelaxed, or a failed write) possibly on this one before return
//   });
//   ...
//   Status s = (*log)->Close();                          // writes a checkpoint
//
// Thread-safety: every method is thread-safe. Close() must not race with
// calls still in progress; after Close() every call fails FailedPrecondition.
// One process at a time can hold a directory open (flock on LOCK).
#ifndef HEGUI_AUDIT_LOG_H_
#define HEGUI_AUDIT_LOG_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "audit/checkpoint.h"
#include "audit/merkle.h"
#include "audit/record.h"
#include "core/status.h"
#include "core/status_or.h"

namespace hegui::audit {

// The minimum retention CSL Art. 23 item (3) allows: six months.
inline constexpr int kMinRetentionDays = 180;

enum class Durability {
  kSync,     // Acknowledge after fdatasync (default).
  kRelaxed,  // Acknowledge after write(), before fdatasync.
};

struct LogOptions {
  Durability durability = Durability::kSync;
  // Create the directory (with a new signing key named `origin`) if missing.
  bool create_if_missing = false;
  std::string origin;  // Checkpoint origin and key name for a new log.
  // A segment is closed and a new one started when it would exceed this size,
  // or when the UTC day changes, so that purges can drop whole days.
  uint64_t max_segment_bytes = 64u << 20;
  // Zero-filled space reserved ahead of the write position of the active
  // segment (written and fdatasynced when the segment is created and whenever
  // the writer reaches the end of the reserve, never beyond max_segment_bytes;
  // after Open() the reserve starts at 64 KiB and doubles up to this size),
  // so that each group commit overwrites allocated blocks and its fdatasync
  // writes data only, not the inode (docs/audit-format.md, version 2). Given
  // back (ftruncate) when the segment rolls and at Close(). 0: the file grows
  // with each append.
  uint64_t preallocate_bytes = 4u << 20;
  // Write a checkpoint after this many new records or this much time (0: never).
  uint64_t checkpoint_every_records = 100000;
  std::chrono::seconds checkpoint_interval{60};
  // Threads writing and calling fdatasync. A flush covers everything written
  // before it began; the next one starts when it ends (back to back, each
  // covering what was written meanwhile). With more than one thread, flushes
  // may also overlap (below). 1 = strictly serial.
  int flush_threads = 3;
  // kSync: a flush starts while another is still running only when flushes
  // are slow: the recent ones took this long on average (a moving average of
  // the last few), or the running one has taken this long so far. A slow
  // disk (common virtual disks complete flushes on a tick of milliseconds)
  // then gets overlapping flushes, which finish with the running one rather
  // than a tick later; a fast one gets back-to-back flushes, with fewer
  // fdatasync calls and thread wake-ups per record.
  std::chrono::microseconds overlap_flushes_after{1000};
  // kRelaxed: flushes start at most this often (appends are acknowledged at
  // write, so no caller waits for them; size(), the tree and checkpoints
  // follow within about this long plus one fdatasync, and so does what a
  // power failure can lose). Zero: as soon as records were written.
  std::chrono::microseconds relaxed_flush_interval{2000};
  // Retention in days; Open() refuses anything below kMinRetentionDays.
  int retention_days = kMinRetentionDays;
  // Told about each repair made at Open() (a truncated torn tail, rebuilt hashes).
  std::function<void(const std::string&)> on_recovery;
};

struct PurgeResult {
  uint64_t segments_removed = 0;
  uint64_t records_removed = 0;
  uint64_t first_kept_index = 0;
  uint64_t purge_record_index = 0;  // Index of the retention_purge record (if any removed).
};

class Log {
 public:
  // Creates a new, empty log in `dir` (made if missing) with a fresh Ed25519
  // signing key named `origin`. AlreadyExists if `dir` already holds a log.
  static Status Create(const std::string& dir, const std::string& origin);

  static StatusOr<std::unique_ptr<Log>> Open(const std::string& dir, const LogOptions& options);

  ~Log();  // Calls Close() if the caller did not.
  Log(const Log&) = delete;
  Log& operator=(const Log&) = delete;

  // Appends one record and returns its index once it is durable (see top).
  // InvalidArgument for a bad record (kind retention_purge, no actor, body
  // not a JSON object); Unavailable after an I/O failure (the log then refuses
  // all further appends: fail closed).
  StatusOr<uint64_t> Append(const Record& record);
  // Appends records in order as one group; returns their indexes.
  StatusOr<std::vector<uint64_t>> AppendAll(const std::vector<Record>& records);

  // Called once an asynchronous append is durable (under the log's
  // Durability), with the index of the group's first record (the others
  // follow consecutively), or with the error that kept it from being durable.
  using AppendCallback = std::function<void(StatusOr<uint64_t> first_index)>;
  // Encodes and queues `records` (at least one) as one group on the calling
  // thread (and writes the queue there if no other writer is busy, see top)
  // and returns without waiting for fdatasync; `done` is called exactly once:
  // on the calling thread before return when the records are refused (same
  // errors as AppendAll) or the log is closed or failed; otherwise once the
  // group is durable (under the log's Durability) or its write failed, on one
  // of the log's threads or on the calling thread before return — always so
  // under kRelaxed when this call wrote the group; also callbacks of other
  // groups this write acknowledged or failed may run there. Callbacks run in
  // index order, one at a time, and must not block (they delay every later
  // append), nor append synchronously to this log or call its Close() (an
  // asynchronous append from a callback is only queued). Close() returns
  // only after every accepted group's callback has run.
  void AppendAllAsync(const std::vector<Record>& records, AppendCallback done);

  // Signs and stores a checkpoint of every durable record; returns the note.
  // Cost: O(log n) hash reads and one signature.
  StatusOr<std::string> WriteCheckpoint();

  // Removes whole segments whose records are all older than `before`.
  // PermissionDenied (citing CSL Art. 23 item (3)) if `before` is less than
  // max(retention_days, 180) days ago.
  StatusOr<PurgeResult> Purge(RecordTime before);

  // Destroys the subject's keys (crypto-shredding for CSL Art. 45) and appends
  // a pi_request record saying so. NotFound if the subject has no key.
  StatusOr<uint64_t> Shred(const std::string& subject, const std::string& actor);

  // Durable records in the log (also the tree size).
  uint64_t size() const;
  StatusOr<Hash> RootAt(uint64_t tree_size) const;
  StatusOr<std::vector<Hash>> ProveInclusion(uint64_t index, uint64_t tree_size) const;
  StatusOr<std::vector<Hash>> ProveConsistency(uint64_t old_size, uint64_t new_size) const;

  // Stops accepting appends, drains the queue, writes a final checkpoint.
  Status Close();

  const std::string& dir() const;

 private:
  struct Impl;
  explicit Log(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_LOG_H_
