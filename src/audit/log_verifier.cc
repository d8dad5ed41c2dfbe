#include "audit/log_verifier.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>

#include "audit/checkpoint.h"
#include "audit/log_dir.h"
#include "audit/merkle.h"
#include "audit/note.h"
#include "audit/record_codec.h"
#include "audit/segment_reader.h"
#include "audit/tree_hash_file.h"
#include "core/file.h"

namespace hegui::audit {
namespace {

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// A read-only view of tree.hashes.
class MappedHashes {
 public:
  ~MappedHashes() {
    if (data_ != nullptr && data_ != MAP_FAILED) munmap(data_, size_);
    if (fd_ >= 0) close(fd_);
  }
  Status Open(const std::string& path) {
    fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return DataLossError(path + ": missing");
    struct stat st;
    if (fstat(fd_, &st) != 0) return DataLossError(path + ": cannot stat");
    size_ = static_cast<size_t>(st.st_size);
    if (size_ < kTreeHashHeaderSize) return DataLossError(path + ": shorter than its header");
    data_ = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (data_ == MAP_FAILED) return DataLossError(path + ": cannot map");
    if (std::string_view(static_cast<const char*>(data_), kTreeHashMagic.size()) !=
        kTreeHashMagic) {
      return DataLossError(path + ": bad magic");
    }
    count_ = static_cast<int64_t>((size_ - kTreeHashHeaderSize) / 32);
    return OkStatus();
  }
  int64_t count() const { return count_; }
  Hash At(int64_t i) const {
    Hash h;
    std::memcpy(h.bytes.data(), static_cast<const char*>(data_) + kTreeHashHeaderSize + 32 * i, 32);
    return h;
  }

 private:
  int fd_ = -1;
  void* data_ = nullptr;
  size_t size_ = 0;
  int64_t count_ = 0;
};

struct CheckpointToCheck {
  std::string where;
  int64_t size;
  Hash root;
};

class SegmentProblems : public SegmentReader::Reporter {
 public:
  void Corruption(uint64_t offset, std::string_view reason, bool at_tail) override {
    if (first.empty()) {
      first = std::string(reason) + " at offset " + std::to_string(offset);
      first_at_tail = at_tail;
    }
  }
  std::string first;
  bool first_at_tail = false;
};

class Verifier {
 public:
  Verifier(const std::string& dir, const VerifyOptions& options, VerifyReport* report)
      : dir_(dir), options_(options), r_(*report) {}

  Status Run() {
    std::string vkey = options_.verifier_key;
    if (vkey.empty()) {
      StatusOr<std::string> text = ReadFileToString(PathIn(dir_, kVerifierKeyFile));
      if (!text.ok()) return NotFoundError(dir_ + ": no audit log (verifier.key missing)");
      vkey = Trim(*text);
    }
    HEGUI_ASSIGN_OR_RETURN(NoteVerifier verifier, NoteVerifier::FromKey(vkey));
    r_.origin = verifier.name();
    HEGUI_ASSIGN_OR_RETURN(std::vector<SegmentFile> segs, ListSegments(dir_));
    if (!ReadCheckpoints(verifier)) return OkStatus();
    Status s = hashes_.Open(PathIn(dir_, kTreeHashesFile));
    if (!s.ok()) return Fail(s.message());
    // Leaves the stored hashes describe completely.
    int64_t lo = 0, hi = hashes_.count();
    while (lo < hi) {
      int64_t mid = lo + (hi - lo + 1) / 2;
      if (StoredHashCount(mid) <= hashes_.count())
        lo = mid;
      else
        hi = mid - 1;
    }
    tree_leaves_ = lo;
    if (segs.empty()) return Fail(dir_ + ": no segment files");
    r_.segments = segs.size();
    uint64_t total = 0;
    for (const SegmentFile& f : segs) {
      struct stat st;
      if (stat(f.path.c_str(), &st) == 0) total += static_cast<uint64_t>(st.st_size);
    }
    r_.first_present = segs.front().first_index;
    if (static_cast<int64_t>(r_.first_present) > tree_leaves_) {
      return Fail("records 0.." + std::to_string(r_.first_present - 1) +
                  " are neither present nor in tree.hashes");
    }
    // Purged records: their leaf hashes come from tree.hashes.
    for (uint64_t i = 0; i < r_.first_present; ++i) {
      if (!AddLeaf(hashes_.At(StoredHashIndex(0, static_cast<int64_t>(i))))) return OkStatus();
    }
    uint64_t expect = r_.first_present;
    for (size_t k = 0; k < segs.size(); ++k) {
      const SegmentFile& f = segs[k];
      const std::string name = f.path.substr(f.path.find_last_of('/') + 1);
      if (f.first_index != expect) {
        r_.bad_index = expect;
        return Fail(name + ": starts at record " + std::to_string(f.first_index) + " but record " +
                    std::to_string(expect) +
                    " was expected (records missing or segment reordered)");
      }
      HEGUI_ASSIGN_OR_RETURN(std::string bytes, k + 1 == segs.size() ? ReadLiveSegment(f.path)
                                                                     : ReadFileToString(f.path));
      SegmentProblems problems;
      SegmentReader reader(bytes, &problems);
      SegmentHeader header;
      if (!reader.ReadHeader(&header).ok()) {
        r_.bad_index = expect;
        return Fail(name + ": " + problems.first);
      }
      if (header.first_index != f.first_index) {
        r_.bad_index = expect;
        return Fail(name + ": header says it starts at record " +
                    std::to_string(header.first_index) +
                    " (segment renamed, replaced or reordered)");
      }
      std::string_view payload;
      uint64_t offset;
      for (;;) {
        bool got = reader.ReadRecord(&payload, &offset);
        if (!problems.first.empty()) {
          const bool last = k + 1 == segs.size();
          if (problems.first_at_tail && last && static_cast<int64_t>(expect) >= tree_leaves_) {
            r_.warnings.push_back(name + ": torn tail (" + problems.first +
                                  ") from an interrupted append; never acknowledged, the next "
                                  "open truncates it");
            break;
          }
          r_.bad_index = expect;
          return Fail("record " + std::to_string(expect) + " (" + name + "): " + problems.first);
        }
        if (!got) break;
        if (static_cast<int64_t>(expect) >= tree_leaves_ && k + 1 == segs.size()) {
          // The writer hashes after it writes: a tail not yet in the tree is
          // being appended now, or was cut short by a crash (the next open
          // rebuilds its hashes). No checkpoint covers it yet.
          r_.warnings.push_back(name + ": records from " + std::to_string(expect) +
                                " on are not in tree.hashes yet (a writer is appending, or "
                                "crashed; the next open hashes them)");
          break;
        }
        if (!CheckRecord(expect, name, offset, payload)) return OkStatus();
        ++expect;
      }
      r_.bytes += bytes.size();
      r_.reserved_bytes += bytes.size() - reader.data_end();
      if (options_.progress) options_.progress(r_.bytes, total);
    }
    if (static_cast<int64_t>(expect) < tree_leaves_) {
      r_.bad_index = expect;
      return Fail("record " + std::to_string(expect) + " is missing: tree.hashes holds " +
                  std::to_string(tree_leaves_) + " records but the segments end at " +
                  std::to_string(expect));
    }
    if (static_cast<int64_t>(expect) > tree_leaves_) {
      return Fail("records " + std::to_string(tree_leaves_) + ".." + std::to_string(expect - 1) +
                  " are not in tree.hashes");
    }
    if (static_cast<int64_t>(expect) == tree_leaves_ &&
        StoredHashCount(static_cast<int64_t>(expect)) != hashes_.count() &&
        !(hashes_.count() > StoredHashCount(static_cast<int64_t>(expect)) &&
          hashes_.count() < StoredHashCount(static_cast<int64_t>(expect) + 1))) {
      return Fail("tree.hashes holds " + std::to_string(hashes_.count()) + " hashes; a tree of " +
                  std::to_string(expect) + " records has " +
                  std::to_string(StoredHashCount(static_cast<int64_t>(expect))));
    }
    r_.records = expect;
    if (r_.first_present > 0 && max_purge_kept_ < r_.first_present) {
      r_.bad_index = 0;
      return Fail("records 0.." + std::to_string(r_.first_present - 1) +
                  " are gone and no retention_purge record accounts for them");
    }
    for (const auto& [size, list] : checkpoints_) {
      if (size > static_cast<int64_t>(r_.records)) {
        r_.bad_index = r_.records;
        return Fail(list.front().where + " covers " + std::to_string(size) +
                    " records but the log holds " + std::to_string(r_.records) +
                    " (records missing)");
      }
    }
    if (checkpoints_.count(0)) CheckRootsAt(0, EmptyTreeHash());
    return OkStatus();
  }

 private:
  Status Fail(const std::string& why) {
    if (r_.ok) {
      r_.ok = false;
      r_.problem = why;
    }
    return OkStatus();
  }

  bool ReadCheckpoints(const NoteVerifier& verifier) {
    StatusOr<std::vector<std::string>> notes = ReadCheckpointNotes(dir_);
    if (!notes.ok()) {
      (void)Fail(notes.status().message());
      return false;
    }
    std::vector<std::pair<std::string, std::string>> all;
    for (size_t i = 0; i < notes->size(); ++i) {
      all.emplace_back("checkpoint " + std::to_string(i + 1) + " of checkpoints.log", (*notes)[i]);
    }
    StatusOr<std::string> latest = ReadFileToString(PathIn(dir_, kLatestCheckpointFile));
    if (latest.ok()) all.emplace_back("the checkpoint file", *latest);
    for (const auto& [where, note] : all) {
      StatusOr<std::string> text = OpenNote(note, verifier);
      if (!text.ok()) {
        (void)Fail(where + ": " + text.status().message());
        return false;
      }
      StatusOr<Checkpoint> c = Checkpoint::Parse(*text);
      if (!c.ok()) {
        (void)Fail(where + ": " + c.status().message());
        return false;
      }
      if (c->origin != verifier.name()) {
        (void)Fail(where + ": origin '" + c->origin + "' is not the key's name '" +
                   verifier.name() + "'");
        return false;
      }
      checkpoints_[c->size].push_back({where, c->size, c->root});
      r_.latest_checkpoint_size = std::max(r_.latest_checkpoint_size, c->size);
    }
    return true;
  }

  void CheckRootsAt(int64_t size, const Hash& root) {
    auto it = checkpoints_.find(size);
    if (it == checkpoints_.end()) return;
    for (const CheckpointToCheck& c : it->second) {
      if (!(c.root == root)) {
        (void)Fail(c.where + ": root for " + std::to_string(size) +
                   " records differs from the log's (log or checkpoint altered)");
        return;
      }
      ++r_.checkpoints;
    }
  }

  // Adds leaf `leaves_` to the streaming tree, checking the stored hashes it
  // produces. False (after Fail) on a mismatch.
  bool AddLeaf(const Hash& leaf) {
    const int64_t i = leaves_;
    int64_t pos = StoredHashIndex(0, i);
    if (pos >= hashes_.count() || !(hashes_.At(pos) == leaf)) {
      r_.bad_index = static_cast<uint64_t>(i);
      (void)Fail("record " + std::to_string(i) +
                 " does not match its stored tree hash (record altered, deleted or reordered)");
      return false;
    }
    Hash h = leaf;
    for (int64_t m = i; m & 1; m >>= 1) {
      h = NodeHash(stack_.back(), h);
      stack_.pop_back();
      ++pos;
      if (pos >= hashes_.count() || !(hashes_.At(pos) == h)) {
        r_.bad_index = static_cast<uint64_t>(i);
        (void)Fail("tree.hashes: stored subtree hash " + std::to_string(pos) +
                   " (completed by record " + std::to_string(i) + ") is wrong");
        return false;
      }
    }
    stack_.push_back(h);
    ++leaves_;
    if (checkpoints_.count(leaves_)) {
      Hash root = stack_.back();
      for (size_t j = stack_.size() - 1; j-- > 0;) root = NodeHash(stack_[j], root);
      CheckRootsAt(leaves_, root);
      if (!r_.ok) return false;
    }
    return true;
  }

  bool CheckRecord(uint64_t index, const std::string& name, uint64_t offset,
                   std::string_view payload) {
    StatusOr<RecordHead> rec = DecodeRecordHead(payload);
    if (!rec.ok()) {
      r_.bad_index = index;
      (void)Fail("record " + std::to_string(index) + " (" + name + " offset " +
                 std::to_string(offset) + "): " + rec.status().message());
      return false;
    }
    if (static_cast<int64_t>(index) >= tree_leaves_) {
      r_.bad_index = index;
      (void)Fail("record " + std::to_string(index) + " (" + name +
                 ") is not in tree.hashes (appended outside the log writer, or hashes lost)");
      return false;
    }
    if (!AddLeaf(LeafHash(payload))) return false;
    if (!r_.earliest || rec->time < *r_.earliest) r_.earliest = rec->time;
    if (!r_.latest || rec->time > *r_.latest) r_.latest = rec->time;
    ++r_.kinds[std::string(RecordKindName(rec->kind))];
    if (rec->kind == RecordKind::kRetentionPurge) {
      StatusOr<StoredRecord> full = DecodeRecord(payload);
      nlohmann::json body = nlohmann::json::parse(full.ok() ? full->body : "{}", nullptr, false);
      if (!body.is_object() || !body.contains("first_kept_index") ||
          !body["first_kept_index"].is_number_unsigned()) {
        r_.bad_index = index;
        (void)Fail("record " + std::to_string(index) +
                   ": retention_purge body lacks first_kept_index");
        return false;
      }
      max_purge_kept_ = std::max(max_purge_kept_, body["first_kept_index"].get<uint64_t>());
    }
    return true;
  }

  const std::string& dir_;
  const VerifyOptions& options_;
  VerifyReport& r_;
  MappedHashes hashes_;
  int64_t tree_leaves_ = 0;
  int64_t leaves_ = 0;
  std::vector<Hash> stack_;
  std::map<int64_t, std::vector<CheckpointToCheck>> checkpoints_;
  uint64_t max_purge_kept_ = 0;
};

}  // namespace

StatusOr<VerifyReport> VerifyLog(const std::string& dir, const VerifyOptions& options) {
  VerifyReport report;
  Verifier v(dir, options, &report);
  HEGUI_RETURN_IF_ERROR(v.Run());
  return report;
}

}  // namespace hegui::audit
