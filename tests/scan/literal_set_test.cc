#include "scan/literal_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

namespace hegui::scan {
namespace {

using Hit = std::tuple<size_t, size_t, uint32_t>;  // begin, end, id

std::vector<Hit> Hits(const LiteralSet& set, std::string_view text) {
  std::vector<Hit> hits;
  set.Scan(text, [&](uint32_t id, size_t b, size_t e) { hits.emplace_back(b, e, id); });
  std::sort(hits.begin(), hits.end());
  return hits;
}

// The same with LiteralSet::kPadding bytes after the text that could extend
// a literal if they were (wrongly) read as text.
std::vector<Hit> PaddedHits(const LiteralSet& set, std::string_view text, std::string_view junk) {
  std::string buf(text);
  buf += junk.substr(0, LiteralSet::kPadding);
  buf.resize(text.size() + LiteralSet::kPadding, 'a');
  std::vector<Hit> hits;
  set.Scan(
      std::string_view(buf).substr(0, text.size()),
      [&](uint32_t id, size_t b, size_t e) { hits.emplace_back(b, e, id); }, /*padded=*/true);
  std::sort(hits.begin(), hits.end());
  return hits;
}

// The reference: every literal compared at every position.
std::vector<Hit> Naive(const std::vector<std::string>& lits, std::string_view text) {
  std::vector<Hit> hits;
  for (size_t b = 0; b < text.size(); ++b) {
    for (uint32_t id = 0; id < lits.size(); ++id) {
      if (text.substr(b).starts_with(lits[id])) hits.emplace_back(b, b + lits[id].size(), id);
    }
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

LiteralSet BuildFrom(const std::vector<std::string>& lits) {
  std::vector<std::string_view> views(lits.begin(), lits.end());
  return LiteralSet::Build(views);
}

TEST(LiteralSetTest, FindsOverlappingAndNestedOccurrences) {
  std::vector<std::string> lits = {"赌博", "网络赌博", "博彩", "a", "abc", "bcd", "abcdefgh"};
  LiteralSet set = BuildFrom(lits);
  std::string text = "网络赌博彩abcdefgh";
  EXPECT_EQ(Hits(set, text), Naive(lits, text));
  EXPECT_EQ(Hits(set, text).size(), 7u);
}

TEST(LiteralSetTest, MatchAtTheVeryEndAndLiteralLongerThanText) {
  std::vector<std::string> lits = {"xyz", "赌博网站大全", "z"};
  LiteralSet set = BuildFrom(lits);
  EXPECT_EQ(Hits(set, "abcxyz"), (std::vector<Hit>{{3, 6, 0}, {5, 6, 2}}));
  EXPECT_TRUE(Hits(set, "赌博网站").empty());
  EXPECT_TRUE(Hits(set, "").empty());
}

TEST(LiteralSetTest, DuplicateLiteralsAreEachReported) {
  std::vector<std::string> lits = {"冰毒", "冰毒"};
  LiteralSet set = BuildFrom(lits);
  EXPECT_EQ(Hits(set, "买冰毒"), (std::vector<Hit>{{3, 9, 0}, {3, 9, 1}}));
}

// Resuming at the returned position after the text grew finds exactly the
// hits that end in the new part (what a stream scanner relies on).
TEST(LiteralSetTest, ResumePositionLosesNoHitWhenTheTextGrows) {
  std::mt19937 rng(5);
  const std::vector<std::string> alphabet = {"a", "b", "赌", "博", "网", "x"};
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> lits;
    int count = 1 + static_cast<int>(rng() % 20);
    for (int i = 0; i < count; ++i) {
      std::string lit;
      int pieces = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < pieces; ++k) lit += alphabet[rng() % alphabet.size()];
      lits.push_back(lit);
    }
    LiteralSet set = BuildFrom(lits);
    std::string text;
    int parts = static_cast<int>(rng() % 30);
    for (int k = 0; k < parts; ++k) {
      text += rng() % 3 == 0 ? lits[rng() % lits.size()] : alphabet[rng() % alphabet.size()];
    }
    size_t split = text.empty() ? 0 : rng() % (text.size() + 1);
    std::vector<Hit> got;
    size_t resume = set.Scan(std::string_view(text).substr(0, split),
                             [&](uint32_t id, size_t b, size_t e) { got.emplace_back(b, e, id); });
    ASSERT_LE(resume, split);
    set.Scan(std::string_view(text).substr(resume), [&](uint32_t id, size_t b, size_t e) {
      if (resume + e > split) got.emplace_back(resume + b, resume + e, id);
    });
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got, Naive(lits, text)) << "round " << round << " split " << split << " " << text;
  }
}

TEST(LiteralSetTest, EmptySetFindsNothing) {
  LiteralSet set = LiteralSet::Build({});
  EXPECT_TRUE(Hits(set, "anything").empty());
}

// Differential test against the naive matcher: random literal sets (Han,
// Latin, mixed, arbitrary bytes including continuation bytes and NUL,
// lengths 1-14 bytes, shared prefixes) over random texts that contain them.
TEST(LiteralSetTest, RandomisedAgreesWithNaiveMatcher) {
  std::mt19937 rng(42);
  const std::vector<std::string> alphabet = {
      "a",    "b", "c", "z", "0", "赌", "博", "网", "络", "é", "\x80", "\xbf", std::string(1, '\0'),
      "\xe8", "𝐜"};
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> lits;
    int count = 1 + static_cast<int>(rng() % (round % 3 == 0 ? 400 : 30));
    for (int i = 0; i < count; ++i) {
      std::string lit;
      if (!lits.empty() && rng() % 4 == 0) lit = lits[rng() % lits.size()].substr(0, 1 + rng() % 4);
      int pieces = 1 + static_cast<int>(rng() % 6);
      for (int k = 0; k < pieces; ++k) lit += alphabet[rng() % alphabet.size()];
      lits.push_back(lit);
    }
    LiteralSet set = BuildFrom(lits);
    for (int t = 0; t < 5; ++t) {
      std::string text;
      int parts = static_cast<int>(rng() % 40);
      for (int k = 0; k < parts; ++k) {
        text += rng() % 3 == 0 ? lits[rng() % lits.size()] : alphabet[rng() % alphabet.size()];
      }
      std::vector<Hit> expected = Naive(lits, text);
      ASSERT_EQ(Hits(set, text), expected) << "round " << round << " text " << text;
      const std::string& junk = lits[rng() % lits.size()];
      ASSERT_EQ(PaddedHits(set, text, junk), expected) << "round " << round << " text " << text;
    }
  }
}

// Texts of several 64-byte words and 1 KiB blocks (the filter's units),
// over all 256 byte values, with literals planted at word and block edges
// and at the very end; literals whose first byte has one key length and
// several; both the SIMD and the portable path, padded and not.
TEST(LiteralSetTest, LongTextsAgreeWithNaiveMatcherAtBlockEdges) {
  std::mt19937 rng(7);
  auto random_bytes = [&](size_t len) {
    std::string s;
    for (size_t i = 0; i < len; ++i) s += static_cast<char>(rng() % 256);
    return s;
  };
  for (bool simd : {true, false}) {
    const bool before = LiteralSet::SetSimdEnabled(simd);
    for (int round = 0; round < 40; ++round) {
      std::vector<std::string> lits;
      int count = 1 + static_cast<int>(rng() % 60);
      for (int i = 0; i < count; ++i) lits.push_back(random_bytes(1 + rng() % 12));
      // One first byte with key lengths 1, 3 and 6.
      lits.push_back("\xe8");
      lits.push_back("\xe8\xb5\x8c");
      lits.push_back("\xe8\xb5\x8c\xe5\x8d\x9a\xe7\xbd\x91");
      LiteralSet set = BuildFrom(lits);
      std::string text = random_bytes(64 * (1 + rng() % 40) + rng() % 64);
      for (size_t edge : {size_t{0}, size_t{60}, size_t{63}, size_t{64}, size_t{1020}, size_t{1023},
                          size_t{1024}, size_t{2047}, text.size()}) {
        const std::string& lit = lits[rng() % lits.size()];
        const size_t at = std::min(edge, text.size() - lit.size());  // Ends at the end at most.
        text.replace(at, lit.size(), lit);
      }
      std::vector<Hit> expected = Naive(lits, text);
      ASSERT_EQ(Hits(set, text), expected) << "round " << round << " simd " << simd;
      ASSERT_EQ(PaddedHits(set, text, lits[0]), expected) << "round " << round << " simd " << simd;
    }
    LiteralSet::SetSimdEnabled(before);
  }
}

}  // namespace
}  // namespace hegui::scan
