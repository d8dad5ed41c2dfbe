#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "audit/coding.h"
#include "audit/crc32c.h"
#include "audit/merkle.h"
#include "audit/segment_format.h"
#include "audit/segment_reader.h"

namespace hegui::audit {
namespace {

struct Damage {
  uint64_t offset;
  std::string reason;
  bool at_tail;
};

class CollectingReporter : public SegmentReader::Reporter {
 public:
  void Corruption(uint64_t offset, std::string_view reason, bool at_tail) override {
    damage.push_back({offset, std::string(reason), at_tail});
  }
  std::vector<Damage> damage;
};

std::string Segment(const std::vector<std::string>& payloads, uint64_t first = 0,
                    uint32_t version = kSegmentVersion) {
  std::string s = EncodeSegmentHeader(first, kSegmentMagic, version);
  for (const std::string& p : payloads) AppendFrame(&s, p);
  return s;
}

std::vector<std::string> ReadAll(const std::string& bytes, CollectingReporter* rep,
                                 uint64_t* valid_end = nullptr) {
  SegmentReader reader(bytes, rep);
  SegmentHeader h;
  std::vector<std::string> out;
  if (!reader.ReadHeader(&h).ok()) return out;
  std::string_view p;
  uint64_t off;
  while (reader.ReadRecord(&p, &off)) out.emplace_back(p);
  if (valid_end) *valid_end = reader.valid_end();
  return out;
}

TEST(Segment, WorkedExampleFromTheFormatDocument) {
  const std::string payload =
      R"({"v":1,"kind":"config_change","time":"2026-11-30T00:00:00.000000Z","actor":"admin","body":{"retention_days":180}})";
  std::string s = Segment({payload});
  ASSERT_EQ(s.size(), 0x91u);
  const unsigned char head[] = {0x48, 0x45, 0x47, 0x55, 0x49, 0x53, 0x45, 0x47, 0x02, 0x00, 0x00,
                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7b, 0x16,
                                0x92, 0x3f, 0x71, 0x00, 0x00, 0x00, 0xdb, 0xbd, 0x70, 0x59};
  EXPECT_EQ(s.substr(0, sizeof head),
            std::string(reinterpret_cast<const char*>(head), sizeof head));
  // The writer reserves zeros after the frame; they end the log.
  s += std::string(0x1000 - s.size(), '\0');
  CollectingReporter rep;
  uint64_t valid_end = 0;
  EXPECT_EQ(ReadAll(s, &rep, &valid_end), std::vector<std::string>{payload});
  EXPECT_TRUE(rep.damage.empty());
  EXPECT_EQ(valid_end, 0x91u);
  EXPECT_EQ(LeafHash(payload).Hex(),
            "f518b392184b263b5e476c2fa75ee00b66e99f9c15eb94c49e4a221e719bac91");
}

TEST(Segment, RecordsRoundTrip) {
  CollectingReporter rep;
  std::vector<std::string> in = {"a", std::string(1, '\0'), std::string(100000, 'x'), "last"};
  EXPECT_EQ(ReadAll(Segment(in), &rep), in);
  EXPECT_TRUE(rep.damage.empty());
}

TEST(Segment, VersionOneSegmentIsStillRead) {
  // Version 1 allowed empty payloads and has no zero fill.
  CollectingReporter rep;
  std::vector<std::string> in = {"a", "", "last"};
  // AppendFrame refuses empty payloads (version 2), so the empty version-1
  // frame is written by hand: length 0, then CRC32C of those four zero bytes.
  std::string s = Segment({"a"}, 7, kSegmentVersionAppendOnly);
  std::string empty_frame(4, '\0');
  PutFixed32(&empty_frame, crc32c::Value(empty_frame));
  s += empty_frame;
  AppendFrame(&s, "last");
  SegmentReader reader(s, &rep);
  SegmentHeader h;
  ASSERT_TRUE(reader.ReadHeader(&h).ok());
  EXPECT_EQ(h.version, 1u);
  EXPECT_EQ(h.first_index, 7u);
  EXPECT_EQ(ReadAll(s, &rep), in);
  EXPECT_TRUE(rep.damage.empty());
}

TEST(Segment, ZerosAfterAVersionOneSegmentAreDamageNotTheEnd) {
  // Version 1 has no zero fill: eight zero bytes are an empty frame whose
  // checksum fails, followed by more bytes.
  CollectingReporter rep;
  std::string s = Segment({"a"}, 0, kSegmentVersionAppendOnly) + std::string(100, '\0');
  EXPECT_EQ(ReadAll(s, &rep), std::vector<std::string>{"a"});
  ASSERT_FALSE(rep.damage.empty());
  EXPECT_FALSE(rep.damage[0].at_tail);
  EXPECT_EQ(rep.damage[0].reason, "checksum mismatch");
}

TEST(Segment, ZeroFillAfterTheLastFrameIsTheEndOfTheLog) {
  for (size_t zeros : {1, 3, 4, 7, 8, 9, 4096}) {
    CollectingReporter rep;
    std::string s = Segment({"first", "second"});
    const uint64_t end = s.size();
    s += std::string(zeros, '\0');
    uint64_t valid_end = 0;
    EXPECT_EQ(ReadAll(s, &rep, &valid_end), (std::vector<std::string>{"first", "second"}));
    EXPECT_TRUE(rep.damage.empty()) << zeros;
    EXPECT_EQ(valid_end, end);
  }
}

TEST(Segment, ZeroFillRightAfterTheHeaderIsAnEmptySegment) {
  CollectingReporter rep;
  uint64_t valid_end = 0;
  EXPECT_TRUE(ReadAll(Segment({}) + std::string(4096, '\0'), &rep, &valid_end).empty());
  EXPECT_TRUE(rep.damage.empty());
  EXPECT_EQ(valid_end, kSegmentHeaderSize);
}

TEST(Segment, LastPayloadEndingInZeroBytesIsIntactBeforeTheZeroFill) {
  CollectingReporter rep;
  std::string last("x\0\0", 3);
  std::string s = Segment({"first", last}) + std::string(64, '\0');
  EXPECT_EQ(ReadAll(s, &rep), (std::vector<std::string>{"first", last}));
  EXPECT_TRUE(rep.damage.empty());
}

TEST(Segment, PartialFrameFollowedByZerosIsATornTail) {
  // A writer killed mid-write leaves a prefix of its frames over the zeros.
  const std::string whole = Segment({"first", "second record"});
  const size_t second = kSegmentHeaderSize + 8 + 5;
  for (size_t kept = 1; kept < 8 + 13; ++kept) {
    std::string s = whole.substr(0, second + kept) + std::string(4096, '\0');
    CollectingReporter rep;
    uint64_t valid_end = 0;
    ASSERT_EQ(ReadAll(s, &rep, &valid_end), std::vector<std::string>{"first"}) << kept;
    ASSERT_EQ(rep.damage.size(), 1u) << kept;
    EXPECT_TRUE(rep.damage[0].at_tail) << kept;
    EXPECT_EQ(rep.damage[0].offset, second);
    EXPECT_EQ(valid_end, second);
  }
}

TEST(Segment, ChecksumMismatchFollowedByZerosIsATornTail) {
  std::string s = Segment({"first", "second"});
  s.back() ^= 1;
  s += std::string(100, '\0');
  CollectingReporter rep;
  EXPECT_EQ(ReadAll(s, &rep), std::vector<std::string>{"first"});
  ASSERT_EQ(rep.damage.size(), 1u);
  EXPECT_TRUE(rep.damage[0].at_tail);
}

TEST(Segment, FrameCutByTheEndOfAShortReserveIsATornTail) {
  // The frame claims more bytes than the file holds, zeros or not.
  std::string whole = Segment({"first", std::string(200, 'y')});
  std::string s = whole.substr(0, whole.size() - 150) + std::string(20, '\0');
  CollectingReporter rep;
  EXPECT_EQ(ReadAll(s, &rep), std::vector<std::string>{"first"});
  ASSERT_EQ(rep.damage.size(), 1u);
  EXPECT_TRUE(rep.damage[0].at_tail);
  EXPECT_EQ(rep.damage[0].reason, "incomplete frame payload");
}

TEST(Segment, NonZeroByteAfterTheZeroFillIsCorruption) {
  const std::string intact = Segment({"first", "second"});
  for (size_t gap : {4, 5, 100}) {
    std::string s = intact + std::string(gap, '\0') + "garbage" + std::string(100, '\0');
    CollectingReporter rep;
    uint64_t valid_end = 0;
    EXPECT_EQ(ReadAll(s, &rep, &valid_end), (std::vector<std::string>{"first", "second"}));
    ASSERT_EQ(rep.damage.size(), 1u) << gap;
    EXPECT_FALSE(rep.damage[0].at_tail);
    EXPECT_EQ(rep.damage[0].offset, intact.size());
    EXPECT_EQ(rep.damage[0].reason, "non-zero byte at offset " +
                                        std::to_string(intact.size() + gap) +
                                        " after the zero fill that ends the log");
    EXPECT_EQ(valid_end, intact.size());
  }
}

TEST(Segment, ZeroedFrameInTheMiddleIsCorruption) {
  // A frame wiped to zeros with intact frames after it is not the end.
  std::string s = Segment({"first", "second", "third"});
  std::fill(s.begin() + kSegmentHeaderSize, s.begin() + kSegmentHeaderSize + 8 + 5, '\0');
  CollectingReporter rep;
  EXPECT_TRUE(ReadAll(s, &rep).empty());
  ASSERT_EQ(rep.damage.size(), 1u);
  EXPECT_FALSE(rep.damage[0].at_tail);
  EXPECT_EQ(rep.damage[0].offset, kSegmentHeaderSize);
}

TEST(Segment, ChecksumMismatchFollowedByAFrameAndZerosIsCorruption) {
  std::string s = Segment({"first", "second"}) + std::string(100, '\0');
  s[kSegmentHeaderSize + 8 + 1] ^= 0x20;  // Inside "first".
  CollectingReporter rep;
  EXPECT_EQ(ReadAll(s, &rep), std::vector<std::string>{"second"});
  ASSERT_EQ(rep.damage.size(), 1u);
  EXPECT_FALSE(rep.damage[0].at_tail);
}

TEST(Segment, HeaderCarriesFirstIndex) {
  CollectingReporter rep;
  std::string s = Segment({"a"}, 42);
  SegmentReader reader(s, &rep);
  SegmentHeader h;
  ASSERT_TRUE(reader.ReadHeader(&h).ok());
  EXPECT_EQ(h.first_index, 42u);
}

TEST(Segment, BadMagicIsReported) {
  CollectingReporter rep;
  std::string s = Segment({"a"});
  s[0] = 'X';
  SegmentReader reader(s, &rep);
  SegmentHeader h;
  Status st = reader.ReadHeader(&h);
  EXPECT_EQ(st.code(), StatusCode::kDataLoss);
  EXPECT_NE(st.message().find("magic"), std::string::npos);
}

TEST(Segment, UnknownVersionIsReported) {
  CollectingReporter rep;
  std::string s = Segment({"a"});
  s[8] = 3;
  SegmentReader reader(s, &rep);
  SegmentHeader h;
  EXPECT_FALSE(reader.ReadHeader(&h).ok());
  ASSERT_EQ(rep.damage.size(), 1u);
}

TEST(Segment, TruncatedTrailingRecordIsATornTail) {
  std::string whole = Segment({"first", "second record"});
  for (size_t cut = 1; cut < 8 + 13; ++cut) {
    CollectingReporter rep;
    uint64_t valid_end = 0;
    std::vector<std::string> got = ReadAll(whole.substr(0, whole.size() - cut), &rep, &valid_end);
    ASSERT_EQ(got, std::vector<std::string>{"first"}) << cut;
    ASSERT_EQ(rep.damage.size(), 1u);
    EXPECT_TRUE(rep.damage[0].at_tail);
    EXPECT_EQ(valid_end, kSegmentHeaderSize + 8 + 5);
  }
}

TEST(Segment, ChecksumMismatchInTheLastFrameIsATornTail) {
  std::string s = Segment({"first", "second"});
  s.back() ^= 1;
  CollectingReporter rep;
  EXPECT_EQ(ReadAll(s, &rep), std::vector<std::string>{"first"});
  ASSERT_EQ(rep.damage.size(), 1u);
  EXPECT_TRUE(rep.damage[0].at_tail);
  EXPECT_EQ(rep.damage[0].reason, "checksum mismatch");
}

TEST(Segment, ChecksumMismatchInTheMiddleIsCorruptionAndSkipped) {
  std::string s = Segment({"first", "second", "third"});
  s[kSegmentHeaderSize + 8 + 2] ^= 0x20;  // Inside "first".
  CollectingReporter rep;
  EXPECT_EQ(ReadAll(s, &rep), (std::vector<std::string>{"second", "third"}));
  ASSERT_EQ(rep.damage.size(), 1u);
  EXPECT_FALSE(rep.damage[0].at_tail);
  EXPECT_EQ(rep.damage[0].offset, kSegmentHeaderSize);
}

TEST(Segment, ImpossibleLengthStopsReading) {
  std::string s = Segment({"first", "second"});
  s[kSegmentHeaderSize + 3] = '\x7f';  // Length of "first" becomes huge.
  CollectingReporter rep;
  EXPECT_TRUE(ReadAll(s, &rep).empty());
  ASSERT_EQ(rep.damage.size(), 1u);
  EXPECT_FALSE(rep.damage[0].at_tail);
}

TEST(Segment, DamagedLengthFieldFailsTheChecksum) {
  std::string s = Segment({"first", "second", "third"});
  // Length 5 -> 4: the frame still fits, but the CRC covers the length.
  s[kSegmentHeaderSize] = 4;
  CollectingReporter rep;
  std::vector<std::string> got = ReadAll(s, &rep);
  ASSERT_FALSE(rep.damage.empty());
  EXPECT_EQ(rep.damage[0].offset, kSegmentHeaderSize);
  EXPECT_EQ(std::find(got.begin(), got.end(), "firs"), got.end());
}

TEST(Segment, FileNamesSortInIndexOrder) {
  EXPECT_EQ(SegmentFileName(42), "seg-00000000000000000042.log");
  uint64_t v = 0;
  EXPECT_TRUE(ParseSegmentFileName("seg-00000000000000000042.log", &v));
  EXPECT_EQ(v, 42u);
  EXPECT_FALSE(ParseSegmentFileName("seg-0000000000000000004x.log", &v));
  EXPECT_FALSE(ParseSegmentFileName("tree.hashes", &v));
  EXPECT_LT(SegmentFileName(9), SegmentFileName(10));
}

}  // namespace
}  // namespace hegui::audit
