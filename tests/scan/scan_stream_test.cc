#include "scan/scan_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>

#include "scan/scanner.h"

namespace hegui::scan {

void PrintTo(const Finding& f, std::ostream* os) {
  *os << "{" << FindingKindName(f.kind) << " " << f.category << " [" << f.begin << "," << f.end
      << ") '" << f.text << "' " << f.rule_id << " " << f.confidence << "}";
}

namespace {

constexpr char kLexicon[] =
    "赌博\tgambling\n"
    "网络赌博\tgambling\tpinyin,initials\n"
    "casino\tgambling\n"
    "ass\tpornography\tword\n"
    "冰毒\tdrugs\n"
    "打击网络赌博\tallow\n";

std::shared_ptr<const Scanner> MakeScanner(size_t max_hold_back = 64 * 1024) {
  auto lex = Lexicon::ParseText(kLexicon, "test.tsv");
  EXPECT_TRUE(lex.ok());
  auto s =
      Scanner::Create({.lexicon = std::move(*lex), .stream_max_hold_back_bytes = max_hold_back});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

struct StreamRun {
  std::vector<Finding> findings;
  std::string released;
};

// Feeds `text` in chunks of the given sizes (cycled), checking the release
// invariants along the way; with drain_every > 0, Drain() follows every
// drain_every-th chunk.
StreamRun Stream(const Scanner& scanner, std::string_view text, std::vector<size_t> sizes,
                 StreamOptions options = {}, size_t drain_every = 0) {
  StreamRun run;
  auto stream = scanner.OpenStream(options);
  StreamUpdate update;
  size_t pos = 0, k = 0;
  while (pos < text.size()) {
    size_t n = std::min(sizes[k++ % sizes.size()], text.size() - pos);
    EXPECT_TRUE(stream->Feed(text.substr(pos, n), &update).ok());
    pos += n;
    if (drain_every > 0 && k % drain_every == 0) {
      run.released += update.released;
      run.findings.insert(run.findings.end(), update.findings.begin(), update.findings.end());
      EXPECT_TRUE(stream->Drain(&update).ok());
    }
    if (!options.mask) {
      EXPECT_EQ(update.released_offset, run.released.size());
    }
    run.released += update.released;
    run.findings.insert(run.findings.end(), update.findings.begin(), update.findings.end());
    // A finding is reported no later than the release of its first byte.
    for (const Finding& f : run.findings) {
      if (f.kind == FindingKind::kLexicon) {
        EXPECT_LE(f.end, stream->bytes_fed());
      }
    }
  }
  EXPECT_TRUE(stream->Close(&update).ok());
  run.released += update.released;
  run.findings.insert(run.findings.end(), update.findings.begin(), update.findings.end());
  SortFindings(&run.findings);
  return run;
}

// The findings only one side has, for failure messages.
std::string Difference(const std::vector<Finding>& streamed, const std::vector<Finding>& whole) {
  std::ostringstream out;
  for (const Finding& f : streamed) {
    if (std::find(whole.begin(), whole.end(), f) == whole.end()) {
      out << "only streamed: ";
      PrintTo(f, &out);
      out << "\n";
    }
  }
  for (const Finding& f : whole) {
    if (std::find(streamed.begin(), streamed.end(), f) == streamed.end()) {
      out << "only whole: ";
      PrintTo(f, &out);
      out << "\n";
    }
  }
  return out.str();
}

TEST(ScanStreamTest, MatchAcrossChunkBoundaryIsFound) {
  auto s = MakeScanner();
  auto run = Stream(*s, "买点冰毒吧", {7});  // Splits 冰毒 inside a character.
  ASSERT_EQ(run.findings.size(), 1u);
  EXPECT_EQ(run.findings[0].text, "冰毒");
  EXPECT_EQ(run.findings[0].begin, 6u);
}

TEST(ScanStreamTest, StreamFedByteByByteEqualsWholeBufferScan) {
  auto s = MakeScanner();
  std::string text =
      "前言 網絡 賭博🎲和 wǎng luò dǔ bó，\xff\xfe ＣＡＳＩＮＯ ass 冰\u200b毒 wldb "
      "打击网络赌博 kiss my ass 赌 . 博 class casino赌博";
  auto whole = s->Scan(text);
  ASSERT_TRUE(whole.ok());
  ASSERT_GT(whole->size(), 5u);
  for (std::vector<size_t> sizes : std::vector<std::vector<size_t>>{{1}, {2}, {3, 1, 5}, {64}}) {
    StreamRun run = Stream(*s, text, sizes);
    EXPECT_EQ(run.findings, *whole) << "chunk sizes starting " << sizes[0];
    EXPECT_EQ(run.released, text);
  }
}

TEST(ScanStreamTest, RandomChunkingsEqualWholeBufferScan) {
  auto s = MakeScanner();
  const std::string pieces[] = {"赌",   "博",   "賭", ".",    " ",      "冰",     "毒",
                                "ass",  "a",    "s",  "k",    "casino", "\u200b", "网络",
                                "打击", "\xff", "ｃ", "wldb", "\n"};
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    auto whole = s->Scan(text);
    ASSERT_TRUE(whole.ok());
    std::vector<size_t> sizes = {1 + rng() % 9, 1 + rng() % 3, 1 + rng() % 20};
    StreamRun run = Stream(*s, text, sizes);
    ASSERT_EQ(run.findings, *whole) << text;
    ASSERT_EQ(run.released, text);
  }
}

TEST(ScanStreamTest, PersonalInformationAcrossChunksEqualsWholeBufferScan) {
  auto s = MakeScanner();
  const std::string pieces[] = {"手机",
                                "13812345678",
                                "身份证",
                                "11010519491231002X",
                                " ",
                                "-",
                                "zhang.san@example.com",
                                "卡号",
                                "6222021234567890128",
                                "１３９",
                                "1234",
                                "5678",
                                "冰毒",
                                "，",
                                "电话",
                                "010-62345678",
                                "\u200b",
                                "192.168.1.20",
                                "abc",
                                "姓名：张三"};
  std::mt19937 rng(9);
  size_t with_pi = 0;
  for (int round = 0; round < 1000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    auto whole = s->Scan(text);
    ASSERT_TRUE(whole.ok());
    for (const Finding& f : *whole) with_pi += f.kind == FindingKind::kPersonalInfo;
    std::vector<size_t> sizes = {1 + rng() % 9, 1 + rng() % 3, 1 + rng() % 40};
    for (size_t batch : {size_t{1}, size_t{1024}}) {
      StreamRun run = Stream(*s, text, sizes, {.pi_batch_bytes = batch});
      ASSERT_EQ(run.findings, *whole) << text << " batch " << batch;
      ASSERT_EQ(run.released, text);
    }
  }
  EXPECT_GT(with_pi, 100u);
}

// The PI detectors continue from the last resume point (after a line break,
// 。, !, ? ...) instead of re-reading a window: random texts with such breaks
// everywhere, long enough that the stream trims its buffers many times.
TEST(ScanStreamTest, PersonalInformationAcrossResumePointsEqualsWholeBufferScan) {
  auto s = MakeScanner();
  const std::string pieces[] = {"手机",
                                "13812345678",
                                "身份证",
                                "11010519491231002X",
                                " ",
                                "-",
                                "zhang.san@example.com",
                                "卡号",
                                "6222021234567890128",
                                "１３９",
                                "1234",
                                "5678",
                                "冰毒",
                                "，",
                                "电话",
                                "010-62345678",
                                "192.168.1.20",
                                "abc",
                                "姓名：张三",
                                "地址：北京市海淀区中关村大街27号",
                                "京A12345",
                                "\n",
                                "。",
                                "!",
                                "？",
                                "、",
                                "“",
                                "tel",
                                "我们今天开会讨论一下项目进度和上线时间",
                                "please check the logs for errors "};
  std::mt19937 rng(23);
  size_t with_pi = 0;
  for (int round = 0; round < 60; ++round) {
    std::string text;
    const int n = 50 + static_cast<int>(rng() % 600);
    for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    auto whole = s->Scan(text);
    ASSERT_TRUE(whole.ok());
    for (const Finding& f : *whole) with_pi += f.kind == FindingKind::kPersonalInfo;
    std::vector<size_t> sizes = {1 + rng() % 9, 1 + rng() % 200, 1 + rng() % 64};
    for (size_t batch : {size_t{1}, size_t{7}, size_t{64}, size_t{1024}}) {
      StreamRun run = Stream(*s, text, sizes, {.pi_batch_bytes = batch});
      ASSERT_EQ(run.findings, *whole) << Difference(run.findings, *whole) << " batch " << batch;
      ASSERT_EQ(run.released, text);
    }
    // Batches ended early by Drain() at random pauses.
    const size_t drain_every = 1 + rng() % 5;
    StreamRun drained = Stream(*s, text, sizes, {.pi_batch_bytes = 4096}, drain_every);
    ASSERT_EQ(drained.findings, *whole)
        << Difference(drained.findings, *whole) << " drain every " << drain_every;
    ASSERT_EQ(drained.released, text);
  }
  EXPECT_GT(with_pi, 1000u);
}

// Every piece of personal information split in two at every byte, with the
// detectors run after each chunk (batch 1) and in the default batches.
TEST(ScanStreamTest, PersonalInformationSplitAtEveryPositionIsFound) {
  auto s = MakeScanner();
  const std::string text =
      "好的。手机13812345678，身份证11010519491231002X!卡号6222 0212 3456 7890 128\n"
      "邮箱zhang.san@example.com。电话：010-62345678？车牌京A12345、IP 192.168.1.20\n"
      "收件人：张三 地址：北京市海淀区中关村大街27号。";
  auto whole = s->Scan(text);
  ASSERT_TRUE(whole.ok());
  size_t pi = 0;
  for (const Finding& f : *whole) pi += f.kind == FindingKind::kPersonalInfo;
  ASSERT_EQ(pi, 9u);
  for (size_t split = 0; split <= text.size(); ++split) {
    for (size_t batch : {size_t{1}, size_t{1024}}) {
      StreamRun run = Stream(*s, text, {split == 0 ? text.size() : split, text.size()},
                             {.pi_batch_bytes = batch});
      ASSERT_EQ(run.findings, *whole) << "split at " << split << " batch " << batch;
    }
  }
}

// A context word in an earlier chunk, before a resume point at which the
// detectors stopped, still raises the confidence of the number after it.
TEST(ScanStreamTest, ContextWordBeforeAResumePointInAnEarlierChunkCounts) {
  auto s = MakeScanner();
  auto alone = s->Scan("好 13812345678 好");
  ASSERT_TRUE(alone.ok());
  ASSERT_EQ(alone->size(), 1u);
  const std::string text = "联系电话!13812345678 好";
  auto whole = s->Scan(text);
  ASSERT_TRUE(whole.ok());
  ASSERT_EQ(whole->size(), 1u);
  EXPECT_GT((*whole)[0].confidence, (*alone)[0].confidence);
  auto stream = s->OpenStream({.pi_batch_bytes = 1});
  StreamUpdate u;
  std::vector<Finding> found;
  // Enough filler before it that the stream trims its buffers in between.
  std::string filler;
  for (int i = 0; i < 200; ++i) filler += "普通的聊天内容。";
  ASSERT_TRUE(stream->Feed(filler, &u).ok());
  ASSERT_TRUE(stream->Feed("联系电话!", &u).ok());
  ASSERT_TRUE(stream->Feed("138123", &u).ok());
  found.insert(found.end(), u.findings.begin(), u.findings.end());
  ASSERT_TRUE(stream->Feed("45678 好", &u).ok());
  found.insert(found.end(), u.findings.begin(), u.findings.end());
  ASSERT_TRUE(stream->Close(&u).ok());
  found.insert(found.end(), u.findings.begin(), u.findings.end());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "13812345678");
  EXPECT_EQ(found[0].begin, filler.size() + std::string("联系电话!").size());
  EXPECT_EQ(found[0].confidence, (*whole)[0].confidence);
}

TEST(ScanStreamTest, HeldBackTextIsReleasedOnlyWhenItCannotBePartOfAMatch) {
  auto s = MakeScanner();
  auto stream = s->OpenStream({.pi_batch_bytes = 1});
  StreamUpdate u;
  ASSERT_TRUE(stream->Feed("hello 冰", &u).ok());
  EXPECT_TRUE(u.findings.empty());
  EXPECT_EQ(u.released.find("冰"), std::string::npos);  // Could start 冰毒.
  ASSERT_TRUE(stream->Feed("毒", &u).ok());
  ASSERT_EQ(u.findings.size(), 1u);
  ASSERT_TRUE(stream->Close(&u).ok());
  EXPECT_EQ(stream->bytes_released(), stream->bytes_fed());
}

// With PI detection on, a Feed() that does not complete a batch only buffers;
// the batch is then normalised, scanned and released in one go.
TEST(ScanStreamTest, WorkIsDoneOncePerBatchWhenPersonalInformationIsDetected) {
  auto s = MakeScanner();
  auto stream = s->OpenStream({.pi_batch_bytes = 64});
  StreamUpdate u;
  ASSERT_TRUE(stream->Feed("先买冰毒，", &u).ok());  // 15 bytes
  EXPECT_TRUE(u.findings.empty());
  EXPECT_TRUE(u.released.empty());
  EXPECT_EQ(stream->buffered_bytes(), 15u);
  std::string rest = "然后再说。";  // 15 bytes
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(stream->Feed(rest, &u).ok());
    EXPECT_TRUE(u.findings.empty());
    EXPECT_TRUE(u.released.empty());
  }
  ASSERT_TRUE(stream->Feed(rest, &u).ok());  // 75 bytes: the batch is complete
  ASSERT_EQ(u.findings.size(), 1u);
  EXPECT_EQ(u.findings[0].text, "冰毒");
  EXPECT_EQ(u.released_offset, 0u);
  EXPECT_TRUE(("先买冰毒，" + rest + rest + rest + rest).starts_with(u.released)) << u.released;
  EXPECT_FALSE(u.released.empty());
  ASSERT_TRUE(stream->Close(&u).ok());
  EXPECT_EQ(stream->bytes_released(), 75u);
}

// Drain() does a batch's work at once: text that trickles in is released at
// each pause instead of after a whole batch, and Drain() again with nothing
// new reports nothing.
TEST(ScanStreamTest, DrainReleasesWithoutWaitingForTheBatch) {
  auto s = MakeScanner();
  auto stream = s->OpenStream({.pi_batch_bytes = 4096});
  StreamUpdate u;
  ASSERT_TRUE(stream->Feed("先买冰毒，然后再说。", &u).ok());
  EXPECT_TRUE(u.released.empty());
  ASSERT_TRUE(stream->Drain(&u).ok());
  ASSERT_EQ(u.findings.size(), 1u);
  EXPECT_EQ(u.findings[0].text, "冰毒");
  EXPECT_EQ(u.released_offset, 0u);
  EXPECT_TRUE(std::string("先买冰毒，然后再说。").starts_with(u.released)) << u.released;
  EXPECT_FALSE(u.released.empty());
  const uint64_t released = stream->bytes_released();
  ASSERT_TRUE(stream->Drain(&u).ok());
  EXPECT_TRUE(u.findings.empty());
  EXPECT_TRUE(u.released.empty());
  EXPECT_EQ(u.released_offset, released);
  // A phone number cut by the pause is still found whole, and none of it
  // is released before it is.
  ASSERT_TRUE(stream->Feed("手机1381234", &u).ok());
  ASSERT_TRUE(stream->Drain(&u).ok());
  EXPECT_TRUE(u.findings.empty());
  EXPECT_EQ(u.released.find("138"), std::string::npos) << u.released;
  ASSERT_TRUE(stream->Feed("5678。", &u).ok());
  ASSERT_TRUE(stream->Drain(&u).ok());
  ASSERT_EQ(u.findings.size(), 1u);
  EXPECT_EQ(u.findings[0].text, "13812345678");
  ASSERT_TRUE(stream->Close(&u).ok());
  EXPECT_FALSE(stream->Drain(&u).ok());
  EXPECT_EQ(stream->bytes_released(), stream->bytes_fed());
}

// A batch larger than the memory bound is cut to it.
TEST(ScanStreamTest, BatchesNeverExceedTheMemoryBound) {
  auto s = MakeScanner(/*max_hold_back=*/4096);
  auto stream = s->OpenStream({.pi_batch_bytes = size_t{1} << 30});
  StreamUpdate u;
  std::string text;
  size_t findings = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string piece = "聊天内容，手机13812345678。";
    text += piece;
    ASSERT_TRUE(stream->Feed(piece, &u).ok());
    findings += u.findings.size();
    ASSERT_LT(stream->buffered_bytes(), 3 * 4096u);
  }
  ASSERT_TRUE(stream->Close(&u).ok());
  findings += u.findings.size();
  EXPECT_EQ(findings, 3000u);
  EXPECT_EQ(stream->bytes_released(), text.size());
}

// Without PI detection nothing waits for a batch: each Feed() reports and
// releases what it can.
TEST(ScanStreamTest, WithoutPersonalInformationEveryFeedDoesItsWork) {
  auto lex = Lexicon::ParseText(kLexicon, "test.tsv");
  ASSERT_TRUE(lex.ok());
  auto s = Scanner::Create({.lexicon = std::move(*lex), .detect_pi = false});
  ASSERT_TRUE(s.ok());
  auto stream = (*s)->OpenStream();
  StreamUpdate u;
  ASSERT_TRUE(stream->Feed("先买冰毒，然后再说。", &u).ok());
  ASSERT_EQ(u.findings.size(), 1u);
  EXPECT_EQ(u.findings[0].text, "冰毒");
  EXPECT_FALSE(u.released.empty());
}

TEST(ScanStreamTest, MaskedReleaseNeverLeaksAFinding) {
  auto s = MakeScanner();
  std::string text = "先买冰毒，再去casino玩，然后赌。博，手机13812345678";
  StreamRun run = Stream(*s, text, {1}, {.mask = true});
  EXPECT_EQ(
      run.released,
      "先买[BLOCKED:drugs]，再去[BLOCKED:gambling]玩，然后[BLOCKED:gambling]，手机138****5678");
}

TEST(ScanStreamTest, MemoryStaysBoundedOnHugeInput) {
  auto s = MakeScanner(/*max_hold_back=*/4096);
  auto stream = s->OpenStream();
  StreamUpdate u;
  std::string chunk;
  for (int i = 0; i < 100; ++i) chunk += "普通的聊天内容 with some text. ";
  size_t findings = 0;
  for (int i = 0; i < 2000; ++i) {
    ASSERT_TRUE(stream->Feed(chunk, &u).ok());
    findings += u.findings.size();
    ASSERT_TRUE(stream->Feed("冰毒 ", &u).ok());
    findings += u.findings.size();
    ASSERT_LT(stream->buffered_bytes(), 3 * chunk.size());
  }
  // A run of separators longer than the hold-back bound does not grow memory.
  ASSERT_TRUE(stream->Feed("赌", &u).ok());
  std::string dots(1000, '.');
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(stream->Feed(dots, &u).ok());
    findings += u.findings.size();
    ASSERT_LT(stream->buffered_bytes(), 3 * 4096u);
  }
  ASSERT_TRUE(stream->Close(&u).ok());
  findings += u.findings.size();
  EXPECT_EQ(findings, 2000u);
}

TEST(ScanStreamTest, FeedAfterCloseIsAnError) {
  auto s = MakeScanner();
  auto stream = s->OpenStream();
  StreamUpdate u;
  ASSERT_TRUE(stream->Close(&u).ok());
  EXPECT_FALSE(stream->Feed("x", &u).ok());
}

}  // namespace
}  // namespace hegui::scan
