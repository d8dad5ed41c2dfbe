#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

std::string Segment(const std::vector<std::string>& payloads, uint64_t first = 0) {
  std::string s = EncodeSegmentHeader(first);
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
  const unsigned char head[] = {0x48, 0x45, 0x47, 0x55, 0x49, 0x53, 0x45, 0x47, 0x01, 0x00, 0x00,
                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2b, 0x6a,
                                0x00, 0x6c, 0x71, 0x00, 0x00, 0x00, 0xdb, 0xbd, 0x70, 0x59};
  EXPECT_EQ(s.substr(0, sizeof head),
            std::string(reinterpret_cast<const char*>(head), sizeof head));
  EXPECT_EQ(LeafHash(payload).Hex(),
            "f518b392184b263b5e476c2fa75ee00b66e99f9c15eb94c49e4a221e719bac91");
}

TEST(Segment, RecordsRoundTrip) {
  CollectingReporter rep;
  std::vector<std::string> in = {"a", "", std::string(100000, 'x'), "last"};
  EXPECT_EQ(ReadAll(Segment(in), &rep), in);
  EXPECT_TRUE(rep.damage.empty());
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
  s[8] = 2;
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
