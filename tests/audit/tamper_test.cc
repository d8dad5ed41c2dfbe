// Each test damages a closed log in one way and checks that VerifyLog names
// the first bad record and why.
#include <gtest/gtest.h>

#include "audit/log.h"
#include "audit/log_dir.h"
#include "audit/log_verifier.h"
#include "audit/merkle.h"
#include "audit/note.h"
#include "audit/tree_hash_file.h"
#include "core/file.h"
#include "log_files.h"
#include "test_dir.h"

namespace hegui::audit {
namespace {

constexpr int kRecords = 40;

class TamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Log::Create(dir_.path(), "hegui.test/log").ok());
    LogOptions options;
    options.max_segment_bytes = 1500;  // Several segments.
    auto log = Log::Open(dir_.path(), options);
    ASSERT_TRUE(log.ok());
    for (int i = 0; i < kRecords; ++i) {
      Record r;
      r.kind = RecordKind::kDataAccess;
      r.actor = "admin";
      r.body = "{\"row\":" + std::to_string(i) + "}";
      ASSERT_TRUE((*log)->Append(r).ok());
      if (i == 20) {
        ASSERT_TRUE((*log)->WriteCheckpoint().ok());
      }
    }
    ASSERT_TRUE((*log)->Close().ok());
    segs_ = *ListSegments(dir_.path());
    ASSERT_GE(segs_.size(), 3u);
  }

  VerifyReport Verify() {
    StatusOr<VerifyReport> r = VerifyLog(dir_.path(), {});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : VerifyReport{};
  }

  // The segment holding record `index` and the record's position in it.
  std::pair<size_t, size_t> Locate(uint64_t index) {
    for (size_t k = segs_.size(); k-- > 0;) {
      if (segs_[k].first_index <= index) return {k, index - segs_[k].first_index};
    }
    return {0, 0};
  }

  TestDir dir_;
  std::vector<SegmentFile> segs_;
};

TEST_F(TamperTest, IntactLogVerifies) {
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.records, static_cast<uint64_t>(kRecords));
  EXPECT_GE(r.checkpoints, 3u);  // init, the one at 21, Close.
  EXPECT_EQ(r.latest_checkpoint_size, kRecords);
}

TEST_F(TamperTest, FlippedByteInARecordIsNamed) {
  auto [k, pos] = Locate(17);
  SegmentFrames f = ReadFrames(segs_[k].path);
  FlipByte(segs_[k].path, f.offsets[pos] + 8 + 10);
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_index, 17u);
  EXPECT_NE(r.problem.find("checksum mismatch"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, AlteredRecordWithRecomputedChecksumFailsTheTreeHash) {
  auto [k, pos] = Locate(23);
  SegmentFrames f = ReadFrames(segs_[k].path);
  size_t at = f.payloads[pos].find("\"row\":23");
  ASSERT_NE(at, std::string::npos);
  f.payloads[pos][at + 7] = '9';  // row 23 -> 29, CRC recomputed by WriteFrames.
  WriteFrames(segs_[k].path, f);
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_index, 23u);
  EXPECT_NE(r.problem.find("does not match its stored tree hash"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, DeletedRecordInTheMiddleIsNamed) {
  auto [k, pos] = Locate(12);
  SegmentFrames f = ReadFrames(segs_[k].path);
  f.payloads.erase(f.payloads.begin() + static_cast<long>(pos));
  WriteFrames(segs_[k].path, f);
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_index, 12u) << r.problem;
}

TEST_F(TamperTest, DeletedLastRecordIsNamed) {
  SegmentFrames f = ReadFrames(segs_.back().path);
  f.payloads.pop_back();
  WriteFrames(segs_.back().path, f);
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_index, static_cast<uint64_t>(kRecords - 1)) << r.problem;
  EXPECT_NE(r.problem.find("missing"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, ReorderedSegmentsAreNamed) {
  std::string a = *ReadFileToString(segs_[0].path);
  std::string b = *ReadFileToString(segs_[1].path);
  ASSERT_TRUE(WriteFileAtomically(segs_[0].path, b).ok());
  ASSERT_TRUE(WriteFileAtomically(segs_[1].path, a).ok());
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_index, 0u);
  EXPECT_NE(r.problem.find("header says"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, RemovedSegmentWithoutPurgeRecordIsNamed) {
  ASSERT_EQ(unlink(segs_[0].path.c_str()), 0);
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("no retention_purge record"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, CheckpointSignedByAnotherKeyIsRejected) {
  auto other = GenerateNoteKey("hegui.test/log");
  NoteSigner signer = *NoteSigner::FromKey(other->first);
  Checkpoint c;
  c.origin = "hegui.test/log";
  c.size = kRecords;
  c.root = Sha256("forged");
  ASSERT_TRUE(
      WriteFileAtomically(PathIn(dir_.path(), kLatestCheckpointFile), *signer.Sign(c.Text())).ok());
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("the checkpoint file"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, CheckpointWithAlteredRootIsRejected) {
  std::string note = *ReadFileToString(PathIn(dir_.path(), kLatestCheckpointFile));
  size_t line3 = note.find('\n', note.find('\n') + 1) + 1;
  note[line3] = note[line3] == 'A' ? 'B' : 'A';
  ASSERT_TRUE(WriteFileAtomically(PathIn(dir_.path(), kLatestCheckpointFile), note).ok());
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("does not verify"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, RewrittenHistoryWithRecomputedHashesContradictsTheCheckpoints) {
  // An insider rewrites record 5 and recomputes the CRC and every stored hash:
  // only the signed checkpoints can tell, and they do.
  auto [k, pos] = Locate(5);
  SegmentFrames f = ReadFrames(segs_[k].path);
  size_t at = f.payloads[pos].find("\"row\":5");
  f.payloads[pos][at + 6] = '6';
  WriteFrames(segs_[k].path, f);
  MemoryHashStore store;
  for (const SegmentFile& s : segs_) {
    for (const std::string& p : ReadFrames(s.path).payloads) store.AppendLeaf(LeafHash(p));
  }
  std::string bytes(kTreeHashMagic);
  bytes += std::string("\x01\x00\x00\x00\x00\x00\x00\x00", 8);
  for (const Hash& h : store.hashes()) bytes.append(h.view());
  ASSERT_TRUE(WriteFileAtomically(PathIn(dir_.path(), kTreeHashesFile), bytes).ok());
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("root for 21 records differs"), std::string::npos) << r.problem;
}

TEST_F(TamperTest, AnAuditorsOwnKeyRejectsALogSignedByAnother) {
  auto other = GenerateNoteKey("hegui.test/log");
  VerifyOptions options;
  options.verifier_key = other->second;
  StatusOr<VerifyReport> r = VerifyLog(dir_.path(), options);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok);
  EXPECT_NE(r->problem.find("no signature by key"), std::string::npos) << r->problem;
}

TEST_F(TamperTest, MidFileCorruptionRefusesTheWriter) {
  {
    // Make sure the last segment holds a record followed by more records.
    auto log = Log::Open(dir_.path(), {});
    ASSERT_TRUE(log.ok());
    Record r;
    r.kind = RecordKind::kDataAccess;
    r.actor = "admin";
    ASSERT_TRUE((*log)->AppendAll({r, r, r}).ok());
    ASSERT_TRUE((*log)->Close().ok());
  }
  SegmentFrames f = ReadFrames(segs_.back().path);
  ASSERT_GE(f.payloads.size(), 3u);
  FlipByte(segs_.back().path, f.offsets[f.payloads.size() - 2] + 8 + 3);
  StatusOr<std::unique_ptr<Log>> log = Log::Open(dir_.path(), {});
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.status().code(), StatusCode::kDataLoss);
}

TEST_F(TamperTest, TornTailIsTruncatedAndReportedOnOpen) {
  std::string bytes = *ReadFileToString(segs_.back().path);
  bytes += std::string("\x30\x00\x00\x00\x12\x34\x56\x78{\"v\":1,", 15);
  ASSERT_TRUE(WriteFileAtomically(segs_.back().path, bytes).ok());
  std::vector<std::string> reports;
  LogOptions options;
  options.on_recovery = [&](const std::string& s) { reports.push_back(s); };
  auto log = Log::Open(dir_.path(), options);
  ASSERT_TRUE(log.ok()) << log.status().ToString();
  EXPECT_EQ((*log)->size(), static_cast<uint64_t>(kRecords));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_NE(reports[0].find("torn tail"), std::string::npos);
  ASSERT_TRUE((*log)->Close().ok());
  EXPECT_TRUE(Verify().ok);
}

}  // namespace
}  // namespace hegui::audit
