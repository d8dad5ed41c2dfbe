#include "audit/log.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "audit/log_dir.h"
#include "audit/note.h"
#include "audit/record_codec.h"
#include "audit/segment_format.h"
#include "audit/segment_reader.h"
#include "audit/subject_key_store.h"
#include "audit/tree_hash_file.h"
#include "core/fd_io.h"
#include "core/file.h"

namespace hegui::audit {
namespace {

using Clock = std::chrono::system_clock;

RecordTime Now() { return std::chrono::floor<std::chrono::microseconds>(Clock::now()); }

int64_t DayOf(RecordTime t) {
  return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
}

// While a thread runs a log's callbacks (Log::Impl::CompleteWaiters), that
// log's Impl: an append from inside a callback only queues (the callback lock
// is held, and the running completion would not see its group).
thread_local const void* completing_for = nullptr;

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// Collects what a SegmentReader reports while a segment is recovered.
class RecoveryReporter : public SegmentReader::Reporter {
 public:
  void Corruption(uint64_t offset, std::string_view reason, bool at_tail) override {
    if (at_tail) {
      tail = "offset " + std::to_string(offset) + ": " + std::string(reason);
    } else if (mid.empty()) {
      mid = "offset " + std::to_string(offset) + ": " + std::string(reason);
    }
  }
  std::string tail, mid;
};

// Writes zero bytes over [from, to) of `fd` (extending the file) and makes
// them durable, so that frames written there later overwrite allocated blocks
// and their fdatasync need not write the inode. fallocate() alone is not
// enough: its unwritten extents are converted (metadata) when first written.
Status ReserveZeros(int fd, uint64_t from, uint64_t to, const std::string& path) {
  static const std::string kZeros(1u << 20, '\0');
  while (from < to) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(to - from, kZeros.size()));
    const ssize_t w = pwrite(fd, kZeros.data(), n, static_cast<off_t>(from));
    if (w < 0) {
      if (errno == EINTR) continue;
      return OsError(path, "cannot reserve space");
    }
    from += static_cast<uint64_t>(w);
  }
  if (fdatasync(fd) != 0) return OsError(path, "fdatasync failed");
  return OkStatus();
}

// Creates a version-2 segment file holding its header and `reserve` zero
// bytes, durably. The descriptor's offset is just past the header.
StatusOr<int> CreateSegment(const std::string& dir, uint64_t first_index, uint64_t reserve) {
  const std::string path = PathIn(dir, SegmentFileName(first_index));
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return OsError(path, "cannot create segment");
  std::string header = EncodeSegmentHeader(first_index);
  Status s = WriteFully(fd, header, path);
  if (s.ok()) s = ReserveZeros(fd, kSegmentHeaderSize, kSegmentHeaderSize + reserve, path);
  if (s.ok()) s = SyncDir(dir);
  if (!s.ok()) {
    close(fd);
    return s;
  }
  return fd;
}

}  // namespace

struct Log::Impl {
  struct Pending {
    std::string frame;
    Hash leaf;
  };
  // An asynchronous group waiting to be acknowledged: records [first, end).
  struct Waiter {
    uint64_t first;
    uint64_t end;
    AppendCallback done;
  };

  std::string dir;
  LogOptions options;
  int lock_fd = -1;
  std::unique_ptr<NoteSigner> signer;
  std::unique_ptr<SubjectKeyStore> keys;
  std::unique_ptr<TreeHashFile> tree;

  // Owned by the flusher that is writing (`writing`), and by Open/Close when
  // none runs; seg_fd and seg_path are also read under mu by flushers while
  // no roll is under way. seg_fd's offset is seg_bytes. seg_reserved and
  // reserve_step are also raised, under mu, by a flusher reserving ahead
  // (`reserving`) while a writer writes frames below the old seg_reserved:
  // the two never touch the same bytes, and neither a roll nor a writer's own
  // Reserve() runs until the reserve ahead is done.
  int seg_fd = -1;
  std::string seg_path;
  uint64_t seg_bytes = 0;  // Where the next frame goes: the end of the last frame.
  // File size; [seg_bytes, seg_reserved) is durable zeros.
  std::atomic<uint64_t> seg_reserved{0};
  bool seg_zero_filled = false;  // Version 2: zeros may be reserved past seg_bytes.
  // How far ahead the next Reserve() reaches: 64 KiB after Open(), doubling
  // with each reserve up to options.preallocate_bytes, so that a short-lived
  // writer (one `hegui audit append`) writes few zeros.
  std::atomic<uint64_t> reserve_step{0};
  uint64_t seg_records = 0;
  int64_t seg_day = 0;
  std::string write_buffer;
  std::chrono::steady_clock::time_point last_checkpoint_time = std::chrono::steady_clock::now();

  std::atomic<uint64_t> seg_first{0};  // First index of the active segment.
  std::atomic<uint64_t> tree_size{0};  // Records durable and in the tree.

  // Records move: queued (next_index) -> written to the segment, leaf hashes
  // stored (written) -> covered by a finished fdatasync (durable).
  std::mutex mu;
  std::condition_variable flush_cv;  // Wakes the flushers (and a writer waiting to roll).
  std::vector<Pending> queue;        // Guarded by mu.
  uint64_t queued_bytes = 0;         // Guarded by mu: the frames' size in `queue`.
  std::vector<Pending> batch;        // Owned by the writer (`writing`): the queue it took.
  // Guarded by mu: every waiting group, in index order. Synchronous appenders
  // wait on their own condition variable, woken by their group's callback,
  // so a flush wakes only the appenders whose records it made durable.
  std::deque<Waiter> waiters;
  uint64_t next_index = 0;     // Guarded by mu.
  uint64_t written = 0;        // Guarded by mu.
  uint64_t flush_started = 0;  // Guarded by mu: the newest target a flush began with.
  uint64_t durable = 0;        // Guarded by mu.
  int flushes_in_flight = 0;   // Guarded by mu.
  // Guarded by mu: when the newest flush began (steady clock).
  std::chrono::steady_clock::time_point flush_began;
  // Guarded by mu: a moving average of the last fdatasync calls' durations
  // (each new one weighs 1/8).
  std::chrono::microseconds flush_duration{0};
  int flusher_count = 0;  // Set at Open(); the size of `flushers`.
  int idle_flushers = 0;  // Guarded by mu: flushers waiting to be woken for work.
  // Guarded by mu: an appender woke an idle flusher, which has not run yet.
  bool flusher_woken = false;
  bool rolling = false;    // Guarded by mu: no flush may start.
  uint64_t acked = 0;      // Guarded by mu: records [0, acked) are acknowledged.
  Status error;            // Guarded by mu: sticky I/O failure.
  bool stopping = false;   // Guarded by mu.
  bool writing = false;    // Guarded by mu: a flusher or an appender is writing a batch.
  bool reserving = false;  // Guarded by mu: a flusher is reserving ahead (ReserveAhead).
  bool closed = false;     // Guarded by mu.
  std::mutex callback_mu;  // Held while callbacks run, so they run in order.
  std::vector<std::thread> flushers;
  bool opened = false;  // Recovery succeeded; only then may Close() sign a checkpoint.

  std::mutex checkpoint_mu;
  uint64_t last_checkpoint_size = 0;  // Guarded by checkpoint_mu.
  std::mutex purge_mu;

  void Report(const std::string& what) {
    if (options.on_recovery) options.on_recovery(what);
  }

  StatusOr<std::vector<Pending>> Encode(const Record* records, size_t n, bool internal);
  // Takes indexes for `items` and queues them; the first index or why not.
  // Requires mu held.
  StatusOr<uint64_t> EnqueueLocked(std::vector<Pending>& items);
  StatusOr<std::vector<uint64_t>> AppendRecords(const Record* records, size_t n, bool internal);
  // Runs the callbacks of the groups now acknowledged (all of them, with the
  // error, after a failure). Call without mu held.
  void CompleteWaiters();
  // Records [0, n) are durable (Requires mu held).
  void MarkDurableLocked(uint64_t n);
  // Requires `lock` held on mu, !writing, a non-empty queue and no error.
  // Writes the whole queue (mu released meanwhile) and returns with mu held:
  // `written` advanced (and, kRelaxed, `acked`), or `error` set. True if
  // waiters may now be completed (acknowledged or failed).
  bool WriteQueue(std::unique_lock<std::mutex>& lock);
  // Requires mu held. Whether a flush may start at `now`: records written
  // since the newest flush began, no roll under way, no failure, and no flush
  // in flight unless an overlapping one is due (kSync only, flushes are slow:
  // see LogOptions::overlap_flushes_after).
  bool FlushMayStartLocked(std::chrono::steady_clock::time_point now) const;
  // Requires mu held, called by an appender that just wrote the queue.
  // Whether it must wake a flusher: to write what queued meanwhile, after a
  // failure, or to flush when no flusher will look at the log on its own (each
  // awake one re-checks before it sleeps; one flushing flushes again when done;
  // one reserving ahead does not count).
  bool MustWakeFlusherLocked(std::chrono::steady_clock::time_point now) const;
  // Requires mu held, !writing. True if the queue can be written without a
  // segment roll or a reserve of zeros (both may take milliseconds and are
  // left to a flusher rather than done on an appender's thread).
  bool QueueFitsLocked() const;
  // Called by an appender right after its group was queued, with mu held
  // (released on return): writes the queue on this thread if nobody is
  // writing (and the queue fits), then leaves the fdatasync to a flusher;
  // otherwise a flusher is woken (nobody writing) or the busy writer wakes
  // one when it is done. Under kRelaxed (and after a failure) runs the
  // callbacks this made due, on this thread.
  void WriteOrHandOff(std::unique_lock<std::mutex>& lock);
  // Run by each flusher thread: write the queue (one at a time), flush.
  void FlushLoop();
  // Signs a checkpoint if enough records or time have passed.
  void MaybeCheckpoint();
  Status WriteBatch(uint64_t first, const std::vector<Pending>& batch);
  // Makes [seg_bytes, end) reserved zeros, reserving reserve_step ahead (at
  // most up to max_segment_bytes), and grows reserve_step.
  Status Reserve(uint64_t end);
  // The file size to reserve up to when the next frame goes at `pos` and
  // the batch ends at `end`.
  uint64_t ReserveTarget(uint64_t pos, uint64_t end) const;
  // Requires mu held. Whether a flusher should reserve the next zeros now,
  // before a writer runs out of them (less than half a step left): appends
  // would otherwise wait while a writer reserves (milliseconds: the file
  // grows, so its fdatasync writes metadata too).
  bool ReserveAheadDueLocked() const;
  // The reserve now reaches `target` (its zeros are durable); the next step
  // doubles, up to options.preallocate_bytes. Called by whoever reserved.
  void ReservedUpTo(uint64_t target);
  // Requires `lock` held on mu and ReserveAheadDueLocked(). Reserves the next
  // step of zeros with mu released (writers go on below the old reserve) and
  // returns with mu held; a failure fails the log, as a writer's would, and
  // calls back every waiting group with it.
  void ReserveAhead(std::unique_lock<std::mutex>& lock);
  // Gives back the reserved zeros past the last frame (ftruncate, not synced:
  // the segment reads the same whether or not it reaches the disk).
  void ReleaseReserve();
  Status Roll(uint64_t first_index);
  StatusOr<std::string> SignCheckpoint();
  Status Recover();
};

Log::Log(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Log::~Log() { (void)Close(); }

const std::string& Log::dir() const { return impl_->dir; }

Status Log::Create(const std::string& dir, const std::string& origin) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return UnavailableError(dir + ": cannot create directory: " + ec.message());
  if (access(PathIn(dir, kVerifierKeyFile).c_str(), F_OK) == 0) {
    return AlreadyExistsError(dir + ": already holds an audit log");
  }
  HEGUI_ASSIGN_OR_RETURN(auto key_pair, GenerateNoteKey(origin));
  HEGUI_RETURN_IF_ERROR(
      WriteFileAtomically(PathIn(dir, kSigningKeyFile), key_pair.first + "\n", 0600));
  HEGUI_ASSIGN_OR_RETURN(auto keys, SubjectKeyStore::Open(PathIn(dir, kSubjectKeysFile)));
  HEGUI_ASSIGN_OR_RETURN(auto tree, TreeHashFile::Open(PathIn(dir, kTreeHashesFile), true));
  HEGUI_RETURN_IF_ERROR(tree->Sync());
  HEGUI_ASSIGN_OR_RETURN(int fd, CreateSegment(dir, 0, 0));
  close(fd);
  HEGUI_ASSIGN_OR_RETURN(NoteSigner signer, NoteSigner::FromKey(key_pair.first));
  Checkpoint empty;
  empty.origin = origin;
  empty.size = 0;
  empty.root = EmptyTreeHash();
  HEGUI_ASSIGN_OR_RETURN(std::string note, signer.Sign(empty.Text()));
  HEGUI_RETURN_IF_ERROR(StoreCheckpointNote(dir, note));
  // The verifier key is written last: its presence marks a complete log.
  HEGUI_RETURN_IF_ERROR(
      WriteFileAtomically(PathIn(dir, kVerifierKeyFile), key_pair.second + "\n", 0644));
  return SyncDir(dir);
}

StatusOr<std::unique_ptr<Log>> Log::Open(const std::string& dir, const LogOptions& options) {
  if (options.retention_days < kMinRetentionDays) {
    return InvalidArgumentError(
        "audit retention of " + std::to_string(options.retention_days) +
        " days is refused: CSL Art. 23 item (3) requires network logs to be kept for at least six "
        "months (" +
        std::to_string(kMinRetentionDays) + " days)");
  }
  if (access(PathIn(dir, kVerifierKeyFile).c_str(), F_OK) != 0) {
    if (!options.create_if_missing)
      return NotFoundError(dir + ": no audit log (run hegui audit init)");
    HEGUI_RETURN_IF_ERROR(
        Create(dir, options.origin.empty() ? "hegui.local/audit" : options.origin));
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  const std::string lock_path = PathIn(dir, kLockFile);
  impl->lock_fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (impl->lock_fd < 0) return OsError(lock_path, "cannot open");
  if (flock(impl->lock_fd, LOCK_EX | LOCK_NB) != 0) {
    close(impl->lock_fd);
    return FailedPreconditionError(dir + ": the audit log is open in another process");
  }
  std::unique_ptr<Log> log(new Log(std::move(impl)));
  Impl& m = *log->impl_;
  HEGUI_ASSIGN_OR_RETURN(std::string skey, ReadFileToString(PathIn(dir, kSigningKeyFile)));
  HEGUI_ASSIGN_OR_RETURN(NoteSigner signer, NoteSigner::FromKey(Trim(skey)));
  m.signer = std::make_unique<NoteSigner>(std::move(signer));
  HEGUI_ASSIGN_OR_RETURN(m.keys, SubjectKeyStore::Open(PathIn(dir, kSubjectKeysFile)));
  HEGUI_ASSIGN_OR_RETURN(m.tree, TreeHashFile::Open(PathIn(dir, kTreeHashesFile), true));
  HEGUI_RETURN_IF_ERROR(m.Recover());
  m.flusher_count = std::max(1, options.flush_threads);
  for (int i = 0; i < m.flusher_count; ++i) {
    m.flushers.emplace_back([&m] { m.FlushLoop(); });
  }
  m.opened = true;
  return log;
}

Status Log::Impl::Recover() {
  // checkpoints.log: cut a torn tail so that later appends follow intact frames.
  {
    const std::string path = PathIn(dir, kCheckpointsFile);
    StatusOr<std::string> bytes = ReadFileToString(path);
    if (bytes.ok()) {
      RecoveryReporter rep;
      SegmentReader reader(*bytes, &rep, kCheckpointsMagic);
      SegmentHeader h;
      HEGUI_RETURN_IF_ERROR(reader.ReadHeader(&h).WithContext(path));
      std::string_view payload;
      uint64_t off;
      while (reader.ReadRecord(&payload, &off)) {
      }
      if (!rep.mid.empty()) return DataLossError(path + ": " + rep.mid);
      if (reader.valid_end() < bytes->size()) {
        if (truncate(path.c_str(), static_cast<off_t>(reader.valid_end())) != 0) {
          return OsError(path, "truncate failed");
        }
        Report(path + ": truncated a torn checkpoint at " + rep.tail);
      }
    }
  }
  HEGUI_ASSIGN_OR_RETURN(std::vector<SegmentFile> segs, ListSegments(dir));
  // A segment whose header never reached the disk was being created when the
  // writer crashed; it holds no records.
  while (segs.size() > 1) {
    struct stat st;
    if (stat(segs.back().path.c_str(), &st) != 0) return OsError(segs.back().path, "stat failed");
    if (st.st_size >= static_cast<off_t>(kSegmentHeaderSize)) break;
    unlink(segs.back().path.c_str());
    Report(segs.back().path + ": removed a segment whose header was torn by a crash");
    segs.pop_back();
  }
  if (segs.empty()) return DataLossError(dir + ": the log has no segment files");
  const SegmentFile& last = segs.back();
  HEGUI_ASSIGN_OR_RETURN(std::string bytes, ReadFileToString(last.path));
  RecoveryReporter rep;
  SegmentReader reader(bytes, &rep);
  SegmentHeader header;
  HEGUI_RETURN_IF_ERROR(reader.ReadHeader(&header).WithContext(last.path));
  if (header.first_index != last.first_index) {
    return DataLossError(last.path + ": header says first index " +
                         std::to_string(header.first_index) + ", the name says " +
                         std::to_string(last.first_index));
  }
  std::string_view payload, last_payload, first_payload;
  uint64_t off;
  uint64_t count = 0;
  while (reader.ReadRecord(&payload, &off)) {
    if (count == 0) first_payload = payload;
    last_payload = payload;
    ++count;
  }
  if (!rep.mid.empty()) {
    return DataLossError(last.path + ": " + rep.mid +
                         " is not a torn tail; refusing to open (run hegui audit verify)");
  }
  // Past valid_end: a torn tail (cut; the next Reserve() zeroes the space
  // again before a frame is written there), or only reserved zeros (kept).
  uint64_t file_size = bytes.size();
  if (!rep.tail.empty()) {
    if (truncate(last.path.c_str(), static_cast<off_t>(reader.valid_end())) != 0) {
      return OsError(last.path, "truncate failed");
    }
    Report(last.path + ": truncated a torn tail of " +
           std::to_string(reader.data_end() - reader.valid_end()) + " bytes at " + rep.tail);
    file_size = reader.valid_end();
  }
  const uint64_t n = last.first_index + count;
  const uint64_t h = static_cast<uint64_t>(tree->leaves());
  if (h > n) {
    HEGUI_RETURN_IF_ERROR(tree->TruncateToLeaves(static_cast<int64_t>(n)));
    Report("tree.hashes: dropped hashes of " + std::to_string(h - n) + " unwritten records");
  } else if (h < n) {
    // Rebuild the missing leaf hashes from the records (a flusher
    // writes hashes after the records, so a crash can leave them behind).
    std::vector<Hash> leaves;
    for (size_t i = 0; i < segs.size(); ++i) {
      uint64_t seg_end = i + 1 < segs.size() ? segs[i + 1].first_index : n;
      if (seg_end <= h) continue;
      HEGUI_ASSIGN_OR_RETURN(std::string sb, ReadFileToString(segs[i].path));
      RecoveryReporter r2;
      SegmentReader sr(sb, &r2);
      SegmentHeader sh;
      HEGUI_RETURN_IF_ERROR(sr.ReadHeader(&sh).WithContext(segs[i].path));
      uint64_t idx = sh.first_index;
      while (sr.ReadRecord(&payload, &off) && idx < n) {
        if (idx >= h) leaves.push_back(LeafHash(payload));
        ++idx;
      }
    }
    if (leaves.size() != n - h) {
      return DataLossError(dir + ": cannot rebuild tree hashes for records " + std::to_string(h) +
                           ".." + std::to_string(n - 1));
    }
    HEGUI_RETURN_IF_ERROR(tree->AppendLeaves(leaves));
    Report("tree.hashes: rebuilt hashes of " + std::to_string(n - h) + " records");
  }
  if (count > 0) {
    HEGUI_ASSIGN_OR_RETURN(Hash stored, tree->LeafHashAt(static_cast<int64_t>(n - 1)));
    if (!(stored == LeafHash(last_payload))) {
      return DataLossError(dir + ": record " + std::to_string(n - 1) +
                           " does not match its stored tree hash (run hegui audit verify)");
    }
  }
  HEGUI_ASSIGN_OR_RETURN(std::vector<std::string> notes, ReadCheckpointNotes(dir));
  if (!notes.empty()) {
    std::string_view note = notes.back();
    size_t split = note.rfind("\n\n");
    StatusOr<Checkpoint> c = Checkpoint::Parse(note.substr(0, split + 1));
    if (!c.ok()) return DataLossError(dir + ": latest checkpoint: " + c.status().message());
    if (static_cast<uint64_t>(c->size) > n) {
      return DataLossError(dir + ": the latest checkpoint covers " + std::to_string(c->size) +
                           " records but only " + std::to_string(n) +
                           " are present: acknowledged records were lost");
    }
    last_checkpoint_size = static_cast<uint64_t>(c->size);
  }
  seg_path = last.path;
  seg_fd = open(seg_path.c_str(), O_WRONLY | O_CLOEXEC);
  if (seg_fd < 0) return OsError(seg_path, "cannot open");
  seg_bytes = reader.valid_end();
  seg_reserved = file_size;
  // A version-1 segment is continued as it was (growing with each append,
  // never zero-filled) until it rolls; the next segment is version 2.
  seg_zero_filled = header.version == kSegmentVersionZeroFilled;
  reserve_step = std::min<uint64_t>(64 << 10, options.preallocate_bytes);
  if (lseek(seg_fd, static_cast<off_t>(seg_bytes), SEEK_SET) < 0) {
    return OsError(seg_path, "seek failed");
  }
  seg_records = count;
  seg_day = DayOf(Now());
  if (count > 0) {
    StatusOr<StoredRecord> first = DecodeRecord(first_payload);
    if (first.ok()) seg_day = DayOf(first->time);
  }
  seg_first = last.first_index;
  next_index = acked = written = flush_started = durable = n;
  tree_size = n;
  return OkStatus();
}

StatusOr<std::vector<Log::Impl::Pending>> Log::Impl::Encode(const Record* records, size_t n,
                                                            bool internal) {
  std::vector<Pending> items(n);
  for (size_t i = 0; i < n; ++i) {
    const Record& r = records[i];
    if (r.kind == RecordKind::kRetentionPurge && !internal) {
      return InvalidArgumentError("record: kind retention_purge is written by purge only");
    }
    StatusOr<std::string> payload = InternalError("unset");
    if (r.time == RecordTime{}) {
      Record stamped = r;
      stamped.time = Now();
      payload = EncodeRecord(stamped, keys.get());
    } else {
      payload = EncodeRecord(r, keys.get());
    }
    if (!payload.ok()) return payload.status();
    if (payload->size() > kMaxPayloadSize) {
      return ResourceExhaustedError("record: encoded size " + std::to_string(payload->size()) +
                                    " exceeds the limit of " + std::to_string(kMaxPayloadSize));
    }
    items[i].leaf = LeafHash(*payload);
    items[i].frame.reserve(payload->size() + kFrameHeaderSize);
    AppendFrame(&items[i].frame, *payload);
  }
  return items;
}

StatusOr<uint64_t> Log::Impl::EnqueueLocked(std::vector<Pending>& items) {
  if (stopping || closed) return FailedPreconditionError(dir + ": the audit log is closed");
  if (!error.ok()) return error;
  const uint64_t first = next_index;
  next_index += items.size();
  for (Pending& p : items) {
    queued_bytes += p.frame.size();
    queue.push_back(std::move(p));
  }
  // No wake here: the appender writes the queue itself or hands it off
  // (WriteOrHandOff).
  return first;
}

bool Log::Impl::QueueFitsLocked() const {
  if (seg_records > 0 &&
      (seg_bytes + queued_bytes > options.max_segment_bytes || DayOf(Now()) != seg_day)) {
    return false;
  }
  return !(seg_zero_filled && reserve_step > 0 && seg_bytes + queued_bytes > seg_reserved);
}

bool Log::Impl::WriteQueue(std::unique_lock<std::mutex>& lock) {
  batch.swap(queue);
  queued_bytes = 0;
  const uint64_t first = next_index - batch.size();
  writing = true;
  lock.unlock();
  Status s = WriteBatch(first, batch);
  const uint64_t end = first + batch.size();
  batch.clear();
  lock.lock();
  writing = false;
  if (!s.ok()) {
    if (error.ok()) error = s;
    return true;
  }
  written = end;
  // After a failure (a concurrent fdatasync's) nothing more is acknowledged.
  if (options.durability == Durability::kRelaxed && error.ok()) {
    acked = std::max(acked, written);
    return true;
  }
  return !error.ok();
}

void Log::Impl::WriteOrHandOff(std::unique_lock<std::mutex>& lock) {
  if (writing) {
    lock.unlock();  // The writer wakes a flusher for this queue when it is done.
    return;
  }
  if (completing_for == this || !QueueFitsLocked()) {
    flush_cv.notify_one();  // A flusher writes it (and rolls or reserves).
    lock.unlock();
    return;
  }
  const bool complete = WriteQueue(lock);
  // A flusher calls fdatasync for it, and writes what was queued meanwhile.
  if (MustWakeFlusherLocked(std::chrono::steady_clock::now())) {
    if (idle_flushers > 0) flusher_woken = true;
    flush_cv.notify_one();
  }
  lock.unlock();
  if (complete) CompleteWaiters();
}

bool Log::Impl::FlushMayStartLocked(std::chrono::steady_clock::time_point now) const {
  if (written <= flush_started || rolling || !error.ok()) return false;
  if (flushes_in_flight == 0) return true;
  return options.durability == Durability::kSync &&
         (flush_duration >= options.overlap_flushes_after ||
          now - flush_began >= options.overlap_flushes_after);
}

bool Log::Impl::MustWakeFlusherLocked(std::chrono::steady_clock::time_point now) const {
  if (!queue.empty() || !error.ok()) return true;
  const int looking = flusher_count - idle_flushers - flushes_in_flight - (reserving ? 1 : 0);
  return looking == 0 && idle_flushers > 0 && !flusher_woken && FlushMayStartLocked(now);
}

StatusOr<std::vector<uint64_t>> Log::Impl::AppendRecords(const Record* records, size_t n,
                                                         bool internal) {
  HEGUI_ASSIGN_OR_RETURN(std::vector<Pending> items, Encode(records, n, internal));
  struct SyncWait {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    Status status;
  } wait;
  uint64_t first;
  {
    std::unique_lock lock(mu);
    HEGUI_ASSIGN_OR_RETURN(first, EnqueueLocked(items));
    waiters.push_back(Waiter{first, first + n, [&wait](StatusOr<uint64_t> acknowledged) {
                               // Notified under the lock: `wait` lives on the
                               // appender's stack and is gone once it sees done.
                               std::lock_guard wl(wait.mu);
                               if (!acknowledged.ok()) wait.status = acknowledged.status();
                               wait.done = true;
                               wait.cv.notify_one();
                             }});
    WriteOrHandOff(lock);
  }
  std::unique_lock wl(wait.mu);
  wait.cv.wait(wl, [&] { return wait.done; });
  if (!wait.status.ok()) return wait.status;
  std::vector<uint64_t> indexes(n);
  for (size_t i = 0; i < n; ++i) indexes[i] = first + i;
  return indexes;
}

void Log::Impl::CompleteWaiters() {
  std::lock_guard order(callback_mu);
  const void* outer = completing_for;
  completing_for = this;
  std::vector<std::pair<Waiter, Status>> ready;
  {
    std::lock_guard lock(mu);
    while (!waiters.empty()) {
      Waiter& w = waiters.front();
      if (w.end <= acked) {
        ready.emplace_back(std::move(w), OkStatus());
      } else if (!error.ok()) {
        ready.emplace_back(std::move(w), error);
      } else {
        break;
      }
      waiters.pop_front();
    }
  }
  for (auto& [w, status] : ready) {
    if (status.ok()) {
      w.done(w.first);
    } else {
      w.done(status);
    }
  }
  completing_for = outer;
}

void Log::Impl::MarkDurableLocked(uint64_t n) {
  if (n <= durable) return;
  durable = n;
  tree_size.store(n);
  if (options.durability == Durability::kSync) acked = std::max(acked, n);
}

void Log::Impl::MaybeCheckpoint() {
  const uint64_t size = tree_size.load();
  bool due;
  {
    std::lock_guard cl(checkpoint_mu);
    const uint64_t pending = size - last_checkpoint_size;
    due =
        pending > 0 &&
        ((options.checkpoint_every_records > 0 && pending >= options.checkpoint_every_records) ||
         (options.checkpoint_interval.count() > 0 &&
          std::chrono::steady_clock::now() - last_checkpoint_time >= options.checkpoint_interval));
  }
  if (!due) return;
  StatusOr<std::string> note = SignCheckpoint();
  if (!note.ok()) {
    {
      std::lock_guard lock(mu);
      if (error.ok()) error = note.status();
    }
    CompleteWaiters();
  }
}

// Each flusher takes the queue when no other is writing (an appender writes
// it itself when it can, WriteOrHandOff), writes it (frames, then leaf
// hashes) and flushes. A flush starts once records were written since the
// newest one began: back to back while a flush is in flight (the flusher
// whose flush ends starts the next), overlapping only under kSync when
// flushes are slow (LogOptions::overlap_flushes_after: several
// concurrent fdatasync calls complete much sooner than back-to-back ones on
// common virtual disks), and paced under kRelaxed
// (LogOptions::relaxed_flush_interval).
// Wakes: an appender that wrote wakes one idle flusher only when no other
// flusher will look at the log by itself (one is flushing, writing, pacing or
// already woken), or to write what queued meanwhile; an appender that queues
// while another writes wakes nobody (the writer does when done); a flusher
// wakes the others only when they have something to do: a queue to write
// after its write, a roll waiting for no flush in flight, a failure, or
// Close() waiting for them to end.
void Log::Impl::FlushLoop() {
  using SteadyClock = std::chrono::steady_clock;
  std::unique_lock lock(mu);
  for (;;) {
    // A queue that needs more zeros waits for the reserve ahead under way.
    const bool can_write = !queue.empty() && !writing && (!reserving || QueueFitsLocked());
    const bool can_flush = FlushMayStartLocked(SteadyClock::now());
    if (!can_write && !can_flush) {
      if (stopping && queue.empty() && !writing) return;
      if (ReserveAheadDueLocked()) {
        ReserveAhead(lock);
        continue;
      }
      ++idle_flushers;
      bool timed_out = false;
      if (options.checkpoint_interval.count() == 0) {
        // No interval checkpoints: nothing to do until woken (so that a lost
        // wake hangs the appender rather than delays it: tests rely on it).
        flush_cv.wait(lock);
      } else {
        timed_out = flush_cv.wait_for(lock, std::chrono::seconds(1)) == std::cv_status::timeout;
      }
      // Whichever flusher returns first looks for the work an appender woke
      // one for (a wake racing with a time-out may have gone to this one).
      --idle_flushers;
      flusher_woken = false;
      if (timed_out) {
        lock.unlock();
        MaybeCheckpoint();
        lock.lock();
      }
      continue;
    }
    if (can_write) {
      if (!error.ok()) {
        // After a failure nothing more is written: a later batch must not be
        // acknowledged past records that never reached the disk.
        queue.clear();
        queued_bytes = 0;
        lock.unlock();
        CompleteWaiters();
        lock.lock();
        continue;
      }
      const bool complete = WriteQueue(lock);
      // What queued meanwhile may be taken by another flusher now (this one
      // goes on to flush); after a failure every flusher drops the queue;
      // while stopping, another may wait for no writer before it ends.
      if (!queue.empty() || !error.ok() || stopping) flush_cv.notify_all();
      if (complete) {
        lock.unlock();
        CompleteWaiters();
        lock.lock();
      }
      if (!FlushMayStartLocked(SteadyClock::now())) continue;
    }
    // kRelaxed: no caller waits for the flush, so flushes are paced (fewer
    // fdatasync calls, each covering more records); Close() does not wait.
    const SteadyClock::time_point due = flush_began + options.relaxed_flush_interval;
    if (options.durability == Durability::kRelaxed && !stopping && SteadyClock::now() < due) {
      flush_cv.wait_until(lock, due);  // Not idle: it looks again by itself.
      continue;
    }
    const uint64_t target = written;
    flush_started = target;
    const SteadyClock::time_point began = SteadyClock::now();
    flush_began = began;
    const int fd = seg_fd;
    const std::string path = seg_path;
    ++flushes_in_flight;
    lock.unlock();
    const bool ok = fdatasync(fd) == 0;
    Status failure = ok ? OkStatus() : OsError(path, "fdatasync failed");
    const auto took =
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - began);
    lock.lock();
    --flushes_in_flight;
    flush_duration += (took - flush_duration) / 8;
    // After any failure nothing more is acknowledged: a concurrent fdatasync
    // may return 0 although the failed one lost pages (the error is reported
    // once per open file).
    if (ok && error.ok()) {
      MarkDurableLocked(target);
    } else if (!ok && error.ok()) {
      error = failure;
    }
    // A roll waits for no flush in flight; after a failure every flusher drops
    // the queue. Otherwise a finished flush gives no other flusher work.
    if ((rolling && flushes_in_flight == 0) || !error.ok()) flush_cv.notify_all();
    lock.unlock();
    if (options.durability == Durability::kSync || !ok) CompleteWaiters();
    MaybeCheckpoint();
    lock.lock();
  }
}

Status Log::Impl::Roll(uint64_t first_index) {
  // Everything written to the old segment becomes durable before it is left;
  // no flush runs meanwhile, so none can use the old descriptor once closed.
  uint64_t target;
  {
    std::unique_lock lock(mu);
    rolling = true;
    flush_cv.wait(lock, [&] { return flushes_in_flight == 0 && !reserving; });
    target = written;
  }
  Status synced = fdatasync(seg_fd) == 0 ? OkStatus() : OsError(seg_path, "fdatasync failed");
  if (synced.ok()) ReleaseReserve();
  const uint64_t reserve = ReserveTarget(kSegmentHeaderSize, kSegmentHeaderSize);
  StatusOr<int> created = synced.ok()
                              ? CreateSegment(dir, first_index, reserve - kSegmentHeaderSize)
                              : StatusOr<int>(synced);
  if (created.ok()) {
    close(seg_fd);
    seg_fd = *created;
    seg_path = PathIn(dir, SegmentFileName(first_index));
    seg_bytes = kSegmentHeaderSize;
    seg_reserved = reserve;
    seg_zero_filled = true;
    seg_records = 0;
    seg_day = DayOf(Now());
    seg_first = first_index;
  }
  {
    std::lock_guard lock(mu);
    rolling = false;
    if (synced.ok() && error.ok()) {
      flush_started = std::max(flush_started, target);
      MarkDurableLocked(target);
    }
    flush_cv.notify_all();
  }
  if (options.durability == Durability::kSync) CompleteWaiters();
  return created.status();
}

Status Log::Impl::WriteBatch(uint64_t first, const std::vector<Pending>& batch) {
  size_t total = 0;
  for (const Pending& p : batch) total += p.frame.size();
  const int64_t today = DayOf(Now());
  if (seg_records > 0 && (seg_bytes + total > options.max_segment_bytes || today != seg_day)) {
    HEGUI_RETURN_IF_ERROR(Roll(first));
  }
  if (seg_zero_filled && reserve_step > 0 && seg_bytes + total > seg_reserved) {
    HEGUI_RETURN_IF_ERROR(Reserve(seg_bytes + total));
  }
  write_buffer.clear();
  write_buffer.reserve(total);
  for (const Pending& p : batch) write_buffer += p.frame;
  HEGUI_RETURN_IF_ERROR(WriteFully(seg_fd, write_buffer, seg_path));
  seg_bytes += total;
  if (seg_bytes > seg_reserved) seg_reserved = seg_bytes;  // A growing (not zero-filled) file.
  seg_records += batch.size();
  // The leaf hashes may reach the disk before the records: recovery drops
  // hashes of records that did not (and rebuilds missing ones).
  std::vector<Hash> leaves;
  leaves.reserve(batch.size());
  for (const Pending& p : batch) leaves.push_back(p.leaf);
  return tree->AppendLeaves(leaves);
}

uint64_t Log::Impl::ReserveTarget(uint64_t pos, uint64_t end) const {
  if (reserve_step == 0) return end;
  // Up to a block boundary, so that each reserve ends where a block does.
  const uint64_t ahead = (pos + reserve_step) / 4096 * 4096;
  return std::max(end, std::min(ahead, options.max_segment_bytes));
}

Status Log::Impl::Reserve(uint64_t end) {
  const uint64_t target = ReserveTarget(seg_bytes, end);
  HEGUI_RETURN_IF_ERROR(ReserveZeros(seg_fd, seg_reserved, target, seg_path));
  ReservedUpTo(target);
  return OkStatus();
}

void Log::Impl::ReservedUpTo(uint64_t target) {
  seg_reserved = target;
  reserve_step = std::min(2 * reserve_step, options.preallocate_bytes);
}

bool Log::Impl::ReserveAheadDueLocked() const {
  // `writing` first: the writer owns the segment's fields while it writes.
  if (writing || reserving || rolling || stopping || !error.ok() || !seg_zero_filled ||
      reserve_step == 0) {
    return false;
  }
  // At least a block more, and at most the segment's size.
  return seg_reserved - seg_bytes < reserve_step / 2 &&
         ReserveTarget(seg_reserved, seg_reserved) >= seg_reserved + 4096;
}

void Log::Impl::ReserveAhead(std::unique_lock<std::mutex>& lock) {
  reserving = true;
  const uint64_t from = seg_reserved;
  const uint64_t target = ReserveTarget(from, from);
  const int fd = seg_fd;
  const std::string path = seg_path;
  lock.unlock();
  Status s = ReserveZeros(fd, from, target, path);
  lock.lock();
  reserving = false;
  if (s.ok()) {
    ReservedUpTo(target);
  } else if (error.ok()) {
    error = s;
  }
  // A roll, or a flusher holding a queue that needs more zeros, may wait for
  // it; after a failure every flusher drops the queue.
  flush_cv.notify_all();
  if (!s.ok()) {
    // Fail closed now: the groups written but not yet durable get the error
    // (no flush starts after a failure to call them back).
    lock.unlock();
    CompleteWaiters();
    lock.lock();
  }
}

void Log::Impl::ReleaseReserve() {
  if (seg_reserved > seg_bytes && ftruncate(seg_fd, static_cast<off_t>(seg_bytes)) == 0) {
    seg_reserved = seg_bytes;
  }
}

StatusOr<std::string> Log::Impl::SignCheckpoint() {
  std::lock_guard cl(checkpoint_mu);
  const uint64_t n = tree_size.load();
  audit::Checkpoint c;
  c.origin = signer->name();
  c.size = static_cast<int64_t>(n);
  HEGUI_ASSIGN_OR_RETURN(c.root, TreeHash(c.size, *tree));
  HEGUI_ASSIGN_OR_RETURN(std::string note, signer->Sign(c.Text()));
  if (n != last_checkpoint_size || access(PathIn(dir, kLatestCheckpointFile).c_str(), F_OK) != 0) {
    HEGUI_RETURN_IF_ERROR(StoreCheckpointNote(dir, note));
  }
  last_checkpoint_size = n;
  last_checkpoint_time = std::chrono::steady_clock::now();
  return note;
}

StatusOr<uint64_t> Log::Append(const Record& record) {
  HEGUI_ASSIGN_OR_RETURN(std::vector<uint64_t> idx, impl_->AppendRecords(&record, 1, false));
  return idx[0];
}

StatusOr<std::vector<uint64_t>> Log::AppendAll(const std::vector<Record>& records) {
  if (records.empty()) return std::vector<uint64_t>();
  return impl_->AppendRecords(records.data(), records.size(), false);
}

void Log::AppendAllAsync(const std::vector<Record>& records, AppendCallback done) {
  if (records.empty()) {
    done(InvalidArgumentError("an asynchronous append needs at least one record"));
    return;
  }
  StatusOr<std::vector<Impl::Pending>> items = impl_->Encode(records.data(), records.size(), false);
  if (!items.ok()) {
    done(items.status());
    return;
  }
  Status refused;
  {
    std::unique_lock lock(impl_->mu);
    StatusOr<uint64_t> first = impl_->EnqueueLocked(*items);
    if (first.ok()) {
      impl_->waiters.push_back(Impl::Waiter{*first, *first + records.size(), std::move(done)});
      impl_->WriteOrHandOff(lock);
      return;
    }
    refused = first.status();
  }
  done(refused);
}

StatusOr<std::string> Log::WriteCheckpoint() {
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->closed) return FailedPreconditionError(impl_->dir + ": the audit log is closed");
  }
  return impl_->SignCheckpoint();
}

uint64_t Log::size() const { return impl_->tree_size.load(); }

StatusOr<Hash> Log::RootAt(uint64_t tree_size) const {
  if (tree_size > size()) {
    return InvalidArgumentError("tree size " + std::to_string(tree_size) + " exceeds the log's " +
                                std::to_string(size()) + " records");
  }
  return TreeHash(static_cast<int64_t>(tree_size), *impl_->tree);
}

StatusOr<std::vector<Hash>> Log::ProveInclusion(uint64_t index, uint64_t tree_size) const {
  if (tree_size > size()) {
    return InvalidArgumentError("tree size " + std::to_string(tree_size) + " exceeds the log's " +
                                std::to_string(size()) + " records");
  }
  return audit::ProveInclusion(static_cast<int64_t>(index), static_cast<int64_t>(tree_size),
                               *impl_->tree);
}

StatusOr<std::vector<Hash>> Log::ProveConsistency(uint64_t old_size, uint64_t new_size) const {
  if (new_size > size()) {
    return InvalidArgumentError("tree size " + std::to_string(new_size) + " exceeds the log's " +
                                std::to_string(size()) + " records");
  }
  return audit::ProveConsistency(static_cast<int64_t>(old_size), static_cast<int64_t>(new_size),
                                 *impl_->tree);
}

StatusOr<PurgeResult> Log::Purge(RecordTime before) {
  using namespace std::chrono;
  const int days = std::max(impl_->options.retention_days, kMinRetentionDays);
  const RecordTime horizon = floor<std::chrono::days>(Now()) - std::chrono::days(days);
  if (before > horizon) {
    return PermissionDeniedError(
        "purge before " + FormatRecordTime(before).substr(0, 10) +
        " refused: it would remove records younger than " + std::to_string(days) +
        " days; CSL Art. 23 item (3) requires network logs to be kept for at least six months. "
        "The latest allowed cut-off is " +
        FormatRecordTime(horizon).substr(0, 10));
  }
  std::lock_guard pl(impl_->purge_mu);
  HEGUI_ASSIGN_OR_RETURN(std::vector<SegmentFile> segs, ListSegments(impl_->dir));
  const uint64_t active = impl_->seg_first.load();
  std::vector<SegmentFile> drop;
  uint64_t first_kept = segs.empty() ? 0 : segs.front().first_index;
  for (size_t i = 0; i + 1 < segs.size() && segs[i].first_index < active; ++i) {
    HEGUI_ASSIGN_OR_RETURN(std::string bytes, ReadFileToString(segs[i].path));
    RecoveryReporter rep;
    SegmentReader reader(bytes, &rep);
    SegmentHeader h;
    HEGUI_RETURN_IF_ERROR(reader.ReadHeader(&h).WithContext(segs[i].path));
    std::string_view payload;
    uint64_t off;
    bool all_old = true;
    while (reader.ReadRecord(&payload, &off)) {
      StatusOr<StoredRecord> r = DecodeRecord(payload);
      if (!r.ok() || r->time >= before) {
        all_old = false;
        break;
      }
    }
    if (!all_old || !rep.mid.empty() || !rep.tail.empty()) break;
    drop.push_back(segs[i]);
    first_kept = segs[i + 1].first_index;
  }
  PurgeResult result;
  result.first_kept_index = first_kept;
  if (drop.empty()) return result;
  // The purged records' hashes must be durable before the records go.
  HEGUI_RETURN_IF_ERROR(impl_->tree->Sync());
  HEGUI_ASSIGN_OR_RETURN(std::string note, WriteCheckpoint());
  nlohmann::ordered_json body;
  body["before"] = FormatRecordTime(before);
  body["first_kept_index"] = first_kept;
  body["records_removed"] = first_kept - drop.front().first_index;
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (const SegmentFile& s : drop)
    names.push_back(std::filesystem::path(s.path).filename().string());
  body["segments"] = names;
  body["retention_days"] = days;
  body["checkpoint"] = note;
  Record r;
  r.kind = RecordKind::kRetentionPurge;
  r.actor = "hegui-audit";
  r.body = body.dump();
  HEGUI_ASSIGN_OR_RETURN(std::vector<uint64_t> idx, impl_->AppendRecords(&r, 1, true));
  for (const SegmentFile& s : drop) {
    if (unlink(s.path.c_str()) != 0) return OsError(s.path, "cannot remove");
  }
  HEGUI_RETURN_IF_ERROR(SyncDir(impl_->dir));
  result.segments_removed = drop.size();
  result.records_removed = first_kept - drop.front().first_index;
  result.purge_record_index = idx[0];
  return result;
}

StatusOr<uint64_t> Log::Shred(const std::string& subject, const std::string& actor) {
  HEGUI_RETURN_IF_ERROR(impl_->keys->Shred(subject));
  Record r;
  r.kind = RecordKind::kPiRequest;
  r.actor = actor.empty() ? "hegui-audit" : actor;
  r.subject = subject;
  r.body = R"({"action":"delete","method":"crypto-shred","article":"CSL Art. 45"})";
  StatusOr<uint64_t> idx = Append(r);
  if (!idx.ok()) {
    return idx.status().WithContext("the subject's keys were destroyed but the record failed");
  }
  return idx;
}

Status Log::Close() {
  if (!impl_) return OkStatus();
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mu);
    if (m.closed) return OkStatus();
    m.stopping = true;
    m.flush_cv.notify_all();
  }
  for (std::thread& t : m.flushers) t.join();
  m.flushers.clear();
  // Groups an appender wrote and acknowledged (kRelaxed) while the flushers
  // stopped may not have been called back yet.
  m.CompleteWaiters();
  Status result;
  {
    std::lock_guard lock(m.mu);
    result = m.error;
  }
  if (result.ok() && m.opened) {
    StatusOr<std::string> note = m.SignCheckpoint();
    if (!note.ok()) result = note.status();
    if (result.ok()) result = m.tree->Sync();
  }
  {
    std::lock_guard lock(m.mu);
    m.closed = true;
  }
  if (m.seg_fd >= 0) {
    // A closed log keeps no reserved zeros (exact sizes for stats and
    // retention); the next Open() reserves again at its first write.
    if (result.ok()) m.ReleaseReserve();
    close(m.seg_fd);
  }
  m.seg_fd = -1;
  if (m.lock_fd >= 0) close(m.lock_fd);  // Releases the flock.
  m.lock_fd = -1;
  return result;
}

}  // namespace hegui::audit
