// Preallocated (version-2) segments end to end: the writer reserves zeros
// ahead of its frames, gives them back at roll and close, and recovery,
// readers and the verifier treat zeros after the last frame as the end of the
// log while still naming a torn tail or bytes after the zeros.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "audit/log.h"
#include "audit/log_dir.h"
#include "audit/log_reader.h"
#include "audit/log_verifier.h"
#include "audit/segment_format.h"
#include "core/file.h"
#include "log_files.h"
#include "test_dir.h"
#include "test_records.h"

namespace hegui::audit {
namespace {

constexpr uint64_t kReserve = 64 << 10;

class PreallocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Log::Create(dir_.path(), "hegui.test/prealloc").ok());
    options_.preallocate_bytes = kReserve;
    options_.on_recovery = [this](const std::string& s) { reports_.push_back(s); };
  }

  std::unique_ptr<Log> Open() {
    StatusOr<std::unique_ptr<Log>> log = Log::Open(dir_.path(), options_);
    EXPECT_TRUE(log.ok()) << log.status().ToString();
    return log.ok() ? std::move(*log) : nullptr;
  }

  void AppendClose(int from, int n) {
    std::unique_ptr<Log> log = Open();
    ASSERT_TRUE(log);
    for (int i = from; i < from + n; ++i) ASSERT_TRUE(log->Append(ModelCall(i)).ok());
    ASSERT_TRUE(log->Close().ok());
  }

  std::string LastSegment() { return ListSegments(dir_.path())->back().path; }

  // A record of about 1.1 KiB framed, so that a few dozen fill a reserve step.
  static Record PaddedRecord() {
    Record big = ModelCall(0);
    big.body = "{\"pad\":\"" + std::string(1000, 'p') + "\"}";
    return big;
  }

  // The offset just past the last frame of `path`.
  uint64_t ContentEnd(const std::string& path) {
    SegmentFrames f = ReadFrames(path);
    if (f.offsets.empty()) return kSegmentHeaderSize;
    return f.offsets.back() + kFrameHeaderSize + f.payloads.back().size();
  }

  void AppendBytes(const std::string& path, const std::string& bytes) {
    ASSERT_TRUE(WriteFileAtomically(path, *ReadFileToString(path) + bytes).ok());
  }

  VerifyReport Verify() {
    StatusOr<VerifyReport> r = VerifyLog(dir_.path(), {});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : VerifyReport{};
  }

  std::vector<uint64_t> ReadIndexes() {
    std::vector<uint64_t> out;
    auto reader = LogReader::Open(dir_.path());
    EXPECT_TRUE(reader.ok());
    EXPECT_TRUE((*reader)
                    ->ForEachRecord(0,
                                    [&](uint64_t i, std::string_view) {
                                      out.push_back(i);
                                      return true;
                                    })
                    .ok());
    return out;
  }

  TestDir dir_;
  LogOptions options_;
  std::vector<std::string> reports_;
};

TEST_F(PreallocationTest, ActiveSegmentHoldsReservedZerosThatReadersSkip) {
  std::unique_ptr<Log> log = Open();
  ASSERT_TRUE(log);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(log->Append(ModelCall(i)).ok());
  const std::string seg = LastSegment();
  EXPECT_EQ(std::filesystem::file_size(seg), kReserve);
  std::string bytes = *ReadFileToString(seg);
  EXPECT_EQ(bytes[8], static_cast<char>(kSegmentVersionZeroFilled));
  EXPECT_EQ(bytes.find_first_not_of('\0', ContentEnd(seg)), std::string::npos);
  // A reader and the verifier see the five durable records, while the writer
  // holds the log open.
  EXPECT_EQ(ReadIndexes(), (std::vector<uint64_t>{0, 1, 2, 3, 4}));
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.records, 5u);
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_EQ(r.reserved_bytes, kReserve - ContentEnd(seg));
  EXPECT_EQ(*ReservedBytes(seg), kReserve - ContentEnd(seg));
  ASSERT_TRUE(log->Close().ok());
  EXPECT_EQ(*ReservedBytes(seg), 0u);
}

TEST_F(PreallocationTest, ReserveStartsAt64KiBAndGrowsUpToTheOption) {
  options_.preallocate_bytes = 1 << 20;
  std::unique_ptr<Log> log = Open();
  ASSERT_TRUE(log);
  const Record big = PaddedRecord();
  ASSERT_TRUE(log->Append(big).ok());
  const std::string seg = LastSegment();
  // The first reserve is 64 KiB; with less than half a step left, a flusher
  // may already be reserving the next 128 KiB ahead.
  EXPECT_GE(std::filesystem::file_size(seg), 64u << 10);
  EXPECT_LE(std::filesystem::file_size(seg), (64u + 128u) << 10);
  for (int i = 0; i < 70; ++i) ASSERT_TRUE(log->Append(big).ok());
  // Past the first 64 KiB the reserve has grown, ahead of the frames, by
  // doubling steps of at most the option each.
  const uint64_t end = ContentEnd(seg);
  EXPECT_GT(end, 64u << 10);
  EXPECT_GT(std::filesystem::file_size(seg), end);
  EXPECT_LE(std::filesystem::file_size(seg), end + 2 * options_.preallocate_bytes);
  ASSERT_TRUE(log->Close().ok());
  EXPECT_TRUE(Verify().ok);
}

// Once less than half a step of zeros is left, an idle flusher reserves the
// next step by itself, so that no append waits for a reserve (each takes
// milliseconds). Nothing is appended while the test waits for it.
TEST_F(PreallocationTest, AFlusherReservesAheadBeforeTheWriterRunsOut) {
  options_.preallocate_bytes = 1 << 20;
  std::unique_ptr<Log> log = Open();
  ASSERT_TRUE(log);
  const Record big = PaddedRecord();
  const std::string seg = [&] {
    EXPECT_TRUE(log->Append(big).ok());
    return LastSegment();
  }();
  while (ContentEnd(seg) < (40u << 10)) ASSERT_TRUE(log->Append(big).ok());
  ASSERT_LE(ContentEnd(seg), 64u << 10);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::filesystem::file_size(seg) < (64u + 128u) << 10 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(std::filesystem::file_size(seg), (64u + 128u) << 10)
      << "no flusher reserved the next 128 KiB ahead";
  ASSERT_TRUE(log->Close().ok());
  EXPECT_EQ(std::filesystem::file_size(seg), ContentEnd(seg));
  EXPECT_TRUE(Verify().ok);
}

TEST_F(PreallocationTest, CloseGivesTheReservedZerosBack) {
  AppendClose(0, 5);
  const std::string seg = LastSegment();
  EXPECT_EQ(std::filesystem::file_size(seg), ContentEnd(seg));
  AppendClose(5, 5);  // Reopening reserves again, closing trims again.
  EXPECT_EQ(std::filesystem::file_size(seg), ContentEnd(seg));
  EXPECT_EQ(ReadIndexes().size(), 10u);
  EXPECT_TRUE(reports_.empty());
  EXPECT_TRUE(Verify().ok);
}

TEST_F(PreallocationTest, RolledSegmentsAreTrimmedAndTheReserveStopsAtTheSizeLimit) {
  options_.max_segment_bytes = 1000;
  std::unique_ptr<Log> log = Open();
  ASSERT_TRUE(log);
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(log->Append(ModelCall(i)).ok());
  std::vector<SegmentFile> segs = *ListSegments(dir_.path());
  ASSERT_GE(segs.size(), 3u);
  for (size_t k = 0; k + 1 < segs.size(); ++k) {
    EXPECT_EQ(std::filesystem::file_size(segs[k].path), ContentEnd(segs[k].path)) << k;
  }
  EXPECT_EQ(std::filesystem::file_size(segs.back().path), 1000u);
  ASSERT_TRUE(log->Close().ok());
  EXPECT_TRUE(Verify().ok);
}

TEST_F(PreallocationTest, ZerosLeftByACrashAreKeptAndWrittenOver) {
  AppendClose(0, 3);
  const std::string seg = LastSegment();
  AppendBytes(seg, std::string(10000, '\0'));  // As a killed writer leaves it.
  EXPECT_TRUE(Verify().ok);
  AppendClose(3, 3);
  EXPECT_TRUE(reports_.empty());
  EXPECT_EQ(ReadIndexes().size(), 6u);
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(PreallocationTest, PartialFrameFollowedByZerosIsTruncatedOnOpen) {
  AppendClose(0, 3);
  const std::string seg = LastSegment();
  const uint64_t end = ContentEnd(seg);
  AppendBytes(
      seg, std::string("\x30\x00\x00\x00\x12\x34\x56\x78{\"v\":1,", 15) + std::string(5000, '\0'));
  VerifyReport before = Verify();
  EXPECT_TRUE(before.ok) << before.problem;
  ASSERT_EQ(before.warnings.size(), 1u);
  EXPECT_NE(before.warnings[0].find("torn tail"), std::string::npos);
  std::unique_ptr<Log> log = Open();
  ASSERT_TRUE(log);
  ASSERT_EQ(reports_.size(), 1u);
  EXPECT_NE(reports_[0].find("truncated a torn tail of 15 bytes"), std::string::npos)
      << reports_[0];
  EXPECT_EQ(log->size(), 3u);
  ASSERT_TRUE(log->Append(ModelCall(3)).ok());
  ASSERT_TRUE(log->Close().ok());
  // The new frame starts where the torn one did, and nothing of it is left.
  SegmentFrames f = ReadFrames(seg);
  ASSERT_EQ(f.offsets.size(), 4u);
  EXPECT_EQ(f.offsets[3], end);
  EXPECT_EQ(std::filesystem::file_size(seg), ContentEnd(seg));
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(PreallocationTest, BytesAfterTheZerosRefuseTheWriterAndFailVerification) {
  AppendClose(0, 3);
  const std::string seg = LastSegment();
  const uint64_t end = ContentEnd(seg);
  AppendBytes(seg, std::string(100, '\0') + "garbage" + std::string(100, '\0'));
  StatusOr<std::unique_ptr<Log>> log = Log::Open(dir_.path(), options_);
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(log.status().message().find("non-zero byte at offset " + std::to_string(end + 100)),
            std::string::npos)
      << log.status().ToString();
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("after the zero fill that ends the log"), std::string::npos)
      << r.problem;
}

TEST_F(PreallocationTest, VersionOneSegmentIsReadContinuedAndFollowedByVersionTwo) {
  AppendClose(0, 4);
  // Rewrite the log's only segment as the previous version wrote it.
  const std::string seg = LastSegment();
  SegmentFrames f = ReadFrames(seg);
  std::string v1 = EncodeSegmentHeader(f.first_index, kSegmentMagic, kSegmentVersionAppendOnly);
  for (const std::string& p : f.payloads) AppendFrame(&v1, p);
  ASSERT_TRUE(WriteFileAtomically(seg, v1).ok());
  EXPECT_TRUE(Verify().ok);
  AppendClose(4, 2);
  // Continued in place, still version 1, never zero-filled.
  std::string bytes = *ReadFileToString(seg);
  EXPECT_EQ(bytes[8], static_cast<char>(kSegmentVersionAppendOnly));
  EXPECT_EQ(bytes.size(), ContentEnd(seg));
  EXPECT_EQ(ReadFrames(seg).payloads.size(), 6u);
  // The next segment is version 2.
  options_.max_segment_bytes = bytes.size() + 10;
  AppendClose(6, 3);
  std::vector<SegmentFile> segs = *ListSegments(dir_.path());
  ASSERT_EQ(segs.size(), 2u);
  EXPECT_EQ((*ReadFileToString(segs[1].path))[8], static_cast<char>(kSegmentVersionZeroFilled));
  EXPECT_EQ(ReadIndexes().size(), 9u);
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.records, 9u);
}

TEST_F(PreallocationTest, NoReserveGrowsTheFileWithEachAppend) {
  options_.preallocate_bytes = 0;
  std::unique_ptr<Log> log = Open();
  ASSERT_TRUE(log);
  ASSERT_TRUE(log->Append(ModelCall(0)).ok());
  EXPECT_EQ(std::filesystem::file_size(LastSegment()), ContentEnd(LastSegment()));
  ASSERT_TRUE(log->Close().ok());
  EXPECT_TRUE(Verify().ok);
}

}  // namespace
}  // namespace hegui::audit
