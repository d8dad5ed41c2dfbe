#include "audit/log_reader.h"

#include "audit/log_dir.h"
#include "audit/note.h"
#include "audit/segment_reader.h"
#include "core/file.h"

namespace hegui::audit {
namespace {

class StrictReporter : public SegmentReader::Reporter {
 public:
  void Corruption(uint64_t offset, std::string_view reason, bool at_tail) override {
    // A torn tail at the very end is an append in progress or a crash's
    // leftover: not a record. Anything else is damage.
    if (!at_tail && error.empty())
      error = std::string(reason) + " at offset " + std::to_string(offset);
  }
  std::string error;
};

}  // namespace

StatusOr<std::unique_ptr<LogReader>> LogReader::Open(const std::string& dir) {
  std::unique_ptr<LogReader> r(new LogReader());
  r->dir_ = dir;
  StatusOr<std::string> vkey = ReadFileToString(PathIn(dir, kVerifierKeyFile));
  if (!vkey.ok()) return NotFoundError(dir + ": no audit log (run hegui audit init)");
  r->verifier_key_ = *vkey;
  while (!r->verifier_key_.empty() && r->verifier_key_.back() == '\n') r->verifier_key_.pop_back();
  HEGUI_ASSIGN_OR_RETURN(r->tree_, TreeHashFile::Open(PathIn(dir, kTreeHashesFile), false));
  HEGUI_ASSIGN_OR_RETURN(r->keys_, SubjectKeyStore::Open(PathIn(dir, kSubjectKeysFile)));
  return r;
}

StatusOr<Hash> LogReader::RootAt(uint64_t size) const {
  if (size > tree_size()) {
    return InvalidArgumentError("tree size " + std::to_string(size) + " exceeds the log's " +
                                std::to_string(tree_size()) + " records");
  }
  return TreeHash(static_cast<int64_t>(size), *tree_);
}

StatusOr<Hash> LogReader::LeafHashAt(uint64_t index) const {
  if (index >= tree_size()) {
    return InvalidArgumentError("record " + std::to_string(index) + " is not in the tree of " +
                                std::to_string(tree_size()) + " records");
  }
  return tree_->LeafHashAt(static_cast<int64_t>(index));
}

StatusOr<std::vector<Hash>> LogReader::ProveInclusion(uint64_t index, uint64_t size) const {
  if (size > tree_size()) {
    return InvalidArgumentError("tree size " + std::to_string(size) + " exceeds the log's " +
                                std::to_string(tree_size()) + " records");
  }
  return audit::ProveInclusion(static_cast<int64_t>(index), static_cast<int64_t>(size), *tree_);
}

StatusOr<std::vector<Hash>> LogReader::ProveConsistency(uint64_t old_size,
                                                        uint64_t new_size) const {
  if (new_size > tree_size()) {
    return InvalidArgumentError("tree size " + std::to_string(new_size) + " exceeds the log's " +
                                std::to_string(tree_size()) + " records");
  }
  return audit::ProveConsistency(static_cast<int64_t>(old_size), static_cast<int64_t>(new_size),
                                 *tree_);
}

StatusOr<std::string> LogReader::LatestCheckpointNote() const {
  return ReadFileToString(PathIn(dir_, kLatestCheckpointFile));
}

StatusOr<Checkpoint> LogReader::LatestCheckpoint() const {
  HEGUI_ASSIGN_OR_RETURN(std::string note, LatestCheckpointNote());
  HEGUI_ASSIGN_OR_RETURN(NoteVerifier v, NoteVerifier::FromKey(verifier_key_));
  HEGUI_ASSIGN_OR_RETURN(std::string text, OpenNote(note, v));
  return Checkpoint::Parse(text);
}

Status LogReader::ForEachRecord(uint64_t from,
                                const std::function<bool(uint64_t, std::string_view)>& fn) const {
  HEGUI_ASSIGN_OR_RETURN(std::vector<SegmentFile> segs, ListSegments(dir_));
  for (size_t k = 0; k < segs.size(); ++k) {
    if (k + 1 < segs.size() && segs[k + 1].first_index <= from) continue;
    HEGUI_ASSIGN_OR_RETURN(std::string bytes, k + 1 == segs.size()
                                                  ? ReadLiveSegment(segs[k].path)
                                                  : ReadFileToString(segs[k].path));
    StrictReporter rep;
    SegmentReader reader(bytes, &rep);
    SegmentHeader h;
    HEGUI_RETURN_IF_ERROR(reader.ReadHeader(&h).WithContext(segs[k].path));
    std::string_view payload;
    uint64_t off;
    uint64_t index = h.first_index;
    while (reader.ReadRecord(&payload, &off)) {
      if (!rep.error.empty()) break;
      if (index >= from && !fn(index, payload)) return OkStatus();
      ++index;
    }
    if (!rep.error.empty()) {
      return DataLossError(segs[k].path + ": " + rep.error + " (run hegui audit verify)");
    }
  }
  return OkStatus();
}

StatusOr<std::string> LogReader::RecordPayload(uint64_t index) const {
  std::string out;
  bool found = false;
  HEGUI_RETURN_IF_ERROR(ForEachRecord(index, [&](uint64_t i, std::string_view payload) {
    if (i == index) {
      out.assign(payload);
      found = true;
    }
    return false;
  }));
  if (!found) {
    return NotFoundError("record " + std::to_string(index) +
                         " is not present (purged or not yet written)");
  }
  return out;
}

}  // namespace hegui::audit
