// The files of one audit-log directory (docs/audit-format.md "Directory").
//
//   LOCK             held (flock) by the one process that writes the log
//   signing.key      C2SP signer key of the checkpoints (0600)
//   verifier.key     the matching verifier key, for auditors
//   subject-keys     per-subject AES-256-GCM keys (0600, subject_key_store.h)
//   tree.hashes      stored Merkle hashes (tree_hash_file.h)
//   checkpoints.log  every signed checkpoint, framed like a segment
//   checkpoint       the latest signed checkpoint note, as plain text
//   seg-<first index, 20 digits>.log   the record segments
// Thread-safe: pure functions over the file system.
#ifndef HEGUI_AUDIT_LOG_DIR_H_
#define HEGUI_AUDIT_LOG_DIR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"

namespace hegui::audit {

inline constexpr std::string_view kLockFile = "LOCK";
inline constexpr std::string_view kSigningKeyFile = "signing.key";
inline constexpr std::string_view kVerifierKeyFile = "verifier.key";
inline constexpr std::string_view kSubjectKeysFile = "subject-keys";
inline constexpr std::string_view kTreeHashesFile = "tree.hashes";
inline constexpr std::string_view kCheckpointsFile = "checkpoints.log";
inline constexpr std::string_view kLatestCheckpointFile = "checkpoint";

inline std::string PathIn(std::string_view dir, std::string_view file) {
  return std::string(dir) + "/" + std::string(file);
}

struct SegmentFile {
  uint64_t first_index = 0;  // From the file name.
  std::string path;
};

// The directory's segment files in index order. NotFound if `dir` is not a log.
StatusOr<std::vector<SegmentFile>> ListSegments(const std::string& dir);

// Reads a segment that a writer may be appending to (the last one listed).
// A write over reserved zeros can be seen half-done and out of order (a later
// page of it before an earlier one), which looks like zeros followed by
// non-zero bytes; so when the bytes show damage other than a torn tail, the
// file is read again, up to three times, and the last read is returned.
StatusOr<std::string> ReadLiveSegment(const std::string& path);

// The zero bytes at the end of a version-2 segment: space reserved for
// appends (the active segment of an open log, or any segment after a crash),
// not records. 0 for a version-1 segment. Reads the file backwards from its
// end until a non-zero byte, so it costs about the reserve's size.
StatusOr<uint64_t> ReservedBytes(const std::string& segment_path);

// Every note stored in checkpoints.log, oldest first; empty if there is none.
// DataLoss naming the offset when the file is damaged (a torn tail is ignored).
StatusOr<std::vector<std::string>> ReadCheckpointNotes(const std::string& dir);

// Appends `note` to checkpoints.log and replaces `checkpoint` with it, durably.
Status StoreCheckpointNote(const std::string& dir, const std::string& note);

// fsyncs the directory itself, so that created or removed names are durable.
Status SyncDir(const std::string& dir);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_LOG_DIR_H_
