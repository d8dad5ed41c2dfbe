#include "scan/normalizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace hegui::scan {
namespace {

Normalizer MakeNormalizer(bool collapse = false) {
  auto n = Normalizer::Create({.collapse_repeats = collapse});
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return *n;
}

std::string Lex(const Normalizer& n, std::string_view s) { return n.LexiconForm(s); }

std::string Pi(const Normalizer& n, std::string_view s) {
  NormalizedView pi;
  n.Append(s, 0, true, nullptr, &pi, nullptr);
  return std::string(pi.text());
}

struct EvasionCase {
  const char* input;
  const char* lexicon_form;
};

TEST(NormalizerTest, EvasionTableFoldsToTheSameLexiconForm) {
  Normalizer n = MakeNormalizer();
  const EvasionCase cases[] = {
      {"赌博", "赌博"},
      {"賭博", "赌博"},   // Traditional -> simplified.
      {"赌.博", "赌博"},  // Inserted separators.
      {"赌 博", "赌博"},
      {"赌_博", "赌博"},
      {"赌*-*博", "赌博"},
      {"赌\u200b博", "赌博"},                              // Zero-width space.
      {"赌\u2060\ufeff博", "赌博"},                        // Word joiner, BOM.
      {"赌\u00ad博", "赌博"},                              // Soft hyphen.
      {"ＣＡＳＩＮＯ", "casino"},                          // Full-width.
      {"CaSiNo", "casino"},                                // Case.
      {"\u24b8\u24b6\u24c8\u24be\u24c3\u24c4", "casino"},  // Circled letters ⒸⒶⓈⒾⓃⓄ.
      {"\U0001d41c\U0001d41a\U0001d42c\U0001d422\U0001d427\U0001d428", "casino"},  // Bold math.
      {"с\u0430sino", "casino"},  // Cyrillic es and a.
      {"cas\u0456no", "casino"},  // Cyrillic i.
      {"café", "cafe"},           // Diacritics.
      {"①③⑧", "138"},             // Circled digits.
      {"⁹", "9"},                 // Superscript.
      {"１３８", "138"},          // Full-width digits.
      {"🎰赌🎲博", "赌博"},         // Emoji are separators.
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Lex(n, c.input), c.lexicon_form) << "input: " << c.input;
  }
}

TEST(NormalizerTest, RepeatedCharactersCollapseOnlyWhenAsked) {
  EXPECT_EQ(Lex(MakeNormalizer(true), "赌赌赌博博"), "赌博");
  EXPECT_EQ(Lex(MakeNormalizer(true), "赌 赌.博"), "赌博");
  EXPECT_EQ(Lex(MakeNormalizer(false), "赌赌博"), "赌赌博");
}

TEST(NormalizerTest, PiViewKeepsSeparatorsAndFoldsWidth) {
  Normalizer n = MakeNormalizer();
  EXPECT_EQ(Pi(n, "手机１３８-1234 5678"), "手机138-1234 5678");
  EXPECT_EQ(Pi(n, "138\u200b1234"), "1381234");
  EXPECT_EQ(Pi(n, "Ａ@Ｂ.com"), "A@B.com");
}

TEST(NormalizerTest, InvalidUtf8IsReportedWithOffsetAndScanningGoesOn) {
  Normalizer n = MakeNormalizer();
  std::string input =
      "ab\xff\xfe"
      "赌\xc0博\xe8\xb5";  // Last: truncated 赌.
  NormalizedView lex, pi;
  std::vector<InvalidUtf8> bad;
  size_t consumed = n.Append(input, 0, true, &lex, &pi, &bad);
  EXPECT_EQ(consumed, input.size());
  EXPECT_EQ(lex.text(), "ab赌博");
  ASSERT_EQ(bad.size(), 3u);
  EXPECT_EQ(bad[0].offset, 2u);
  EXPECT_EQ(bad[0].length, 2u);
  EXPECT_EQ(bad[1].offset, 7u);
  EXPECT_EQ(bad[2].offset, 11u);
  EXPECT_EQ(bad[2].length, 2u);
  EXPECT_EQ(pi.text(), "ab\uFFFD\uFFFD赌\uFFFD博\uFFFD\uFFFD");
}

TEST(NormalizerTest, TruncatedCharacterIsLeftForTheNextChunkWhenNotFinal) {
  Normalizer n = MakeNormalizer();
  NormalizedView lex;
  std::vector<InvalidUtf8> bad;
  EXPECT_EQ(n.Append("a\xe8\xb5", 0, false, &lex, nullptr, &bad), 1u);
  EXPECT_TRUE(bad.empty());
}

// Property: every view byte maps to the start of the original character it
// came from, and the lexicon form of that original character contains it.
TEST(NormalizerTest, OffsetMapPointsAtTheOriginalCharacter) {
  Normalizer n = MakeNormalizer();
  const std::string alphabet[] = {"a", "Z", "１",         "賭", "博",   ".",  " ", "\u200b",
                                  "с", "①", "\U0001d41c", "é",  "\xff", "㈱", "ﬁ"};
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    int len = static_cast<int>(rng() % 30);
    for (int i = 0; i < len; ++i) text += alphabet[rng() % std::size(alphabet)];
    NormalizedView lex;
    n.Append(text, 0, true, &lex, nullptr, nullptr);
    size_t i = 0;
    while (i < lex.size()) {
      size_t src = lex.source(i);
      size_t len_orig = OriginalCharLength(text, src);
      std::string form = n.LexiconForm(std::string_view(text).substr(src, len_orig));
      ASSERT_FALSE(form.empty());
      ASSERT_EQ(lex.text().substr(i, form.size()), form) << text;
      for (size_t k = 0; k < form.size(); ++k) ASSERT_EQ(lex.source(i + k), src);
      i += form.size();
    }
  }
}

// Checks the views of `text` byte by byte, for both views: one Append and
// random chunks give the same views and maps; every view byte maps to the
// original character whose form (folded alone) it belongs to; IndexAtOrAfter
// agrees; and again after DropFront() (the stream's trimming).
void CheckViewsAgainstReference(const Normalizer& n, const std::string& text, std::mt19937& rng) {
  NormalizedView lex, pi;
  n.Append(text, 0, true, &lex, &pi, nullptr);
  // Chunked appends give the same views and maps.
  NormalizedView lex2, pi2;
  size_t consumed = 0;
  while (consumed < text.size()) {
    size_t end = std::min(text.size(), consumed + 1 + rng() % 7);
    consumed += n.Append(std::string_view(text).substr(consumed, end - consumed),
                         static_cast<uint32_t>(consumed), end == text.size(), &lex2, &pi2, nullptr);
  }
  for (auto [view, other] : {std::pair{&lex, &lex2}, std::pair{&pi, &pi2}}) {
    ASSERT_EQ(view->text(), other->text()) << text;
    for (size_t i = 0; i < view->size(); ++i) ASSERT_EQ(other->source(i), view->source(i));
    // Reference: the view is a sequence of forms, each of the original
    // character at its source, every byte of which maps to that character.
    for (size_t i = 0; i < view->size();) {
      uint32_t src = view->source(i);
      std::string_view ch = std::string_view(text).substr(src, OriginalCharLength(text, src));
      std::string form = view == &lex ? Lex(n, ch) : Pi(n, ch);
      ASSERT_FALSE(form.empty()) << text;
      ASSERT_EQ(view->text().substr(i, form.size()), form) << text;
      for (size_t k = 0; k < form.size(); ++k) ASSERT_EQ(view->source(i + k), src) << text;
      if (i > 0) {
        ASSERT_GT(src, view->source(i - 1)) << text;
      }
      i += form.size();
    }
    // Every original character with a non-empty form is in the view (unless
    // repeats are collapsed).
    if (!n.options().collapse_repeats) {
      size_t chars = 0;
      for (size_t o = 0; o < text.size(); o += OriginalCharLength(text, o)) {
        std::string_view ch = std::string_view(text).substr(o, OriginalCharLength(text, o));
        chars += !(view == &lex ? Lex(n, ch) : Pi(n, ch)).empty();
      }
      size_t starts = 0;
      for (size_t i = 0; i < view->size(); ++i)
        starts += i == 0 || view->source(i) != view->source(i - 1);
      ASSERT_EQ(starts, chars) << text;
    }
    // SourceSpan of spans on character boundaries: from the source of the
    // first byte to the end of the original character of the last.
    std::vector<size_t> bounds;
    for (size_t i = 0; i <= view->size(); ++i) {
      if (i == view->size() || (static_cast<unsigned char>(view->text()[i]) & 0xC0) != 0x80) {
        bounds.push_back(i);
      }
    }
    for (size_t x = 0; x + 1 < bounds.size(); ++x) {
      for (size_t y = x + 1; y < bounds.size() && y <= x + 4; ++y) {
        const size_t last = view->source(bounds[y] - 1);
        const std::pair<size_t, size_t> expect{view->source(bounds[x]),
                                               last + OriginalCharLength(text, last)};
        ASSERT_EQ(view->SourceSpan(bounds[x], bounds[y], text), expect) << text;
      }
    }
    for (size_t o = 0; o <= text.size(); ++o) {
      size_t expect = 0;
      while (expect < view->size() && view->source(expect) < o) ++expect;
      ASSERT_EQ(view->IndexAtOrAfter(o), expect) << text;
    }
    // Drop a prefix at a character boundary; the rest maps the same, shifted.
    if (view->size() == 0) continue;
    size_t cut = rng() % view->size();
    while (cut > 0 && (static_cast<unsigned char>(view->text()[cut]) & 0xC0) == 0x80) --cut;
    uint32_t shift = view->source(cut);
    std::vector<uint32_t> before;
    for (size_t i = cut; i < view->size(); ++i) before.push_back(view->source(i) - shift);
    std::string rest(view->text().substr(cut));
    view->DropFront(cut, shift);
    ASSERT_EQ(view->text(), rest);
    for (size_t i = 0; i < view->size(); ++i) ASSERT_EQ(view->source(i), before[i]) << text;
  }
}

// The offset map is stored as segments; this checks it against the
// reference above, with and without repeat collapsing.
TEST(NormalizerTest, SegmentedOffsetMapEqualsPerByteReference) {
  const std::string alphabet[] = {"a", "Z",      "１", "賭",         "博",       "，",   ".",
                                  " ", "\u200b", "с",  "①",          "é",        "\xff", "㈱",
                                  "ﬁ", "赌",     "\n", "\U0001d41c", "\xe8\xb5", "9"};
  std::mt19937 rng(11);
  for (bool collapse : {false, true}) {
    Normalizer n = MakeNormalizer(collapse);
    for (int round = 0; round < 300; ++round) {
      std::string text;
      int len = static_cast<int>(rng() % 60);
      for (int i = 0; i < len; ++i) text += alphabet[rng() % std::size(alphabet)];
      ASSERT_NO_FATAL_FAILURE(CheckViewsAgainstReference(n, text, rng));
    }
  }
}

// The fast paths (ASCII 16 bytes at a time, runs of CJK characters that
// fold to themselves) on long runs: every ASCII byte value in words of 0-40
// bytes, runs ending at the end of the text and at invalid or non-ASCII
// bytes, CJK runs broken by traditional characters, punctuation, truncated
// and invalid sequences.
TEST(NormalizerTest, FastPathsOnLongRunsEqualPerByteReference) {
  const std::string pieces[] = {"赌", "博",   "网",   "賭",       "，",           "。",
                                "é",  "\xff", "\xe8", "\xe8\xb5", "\xed\xa0\x80", "１"};
  std::mt19937 rng(13);
  for (bool collapse : {false, true}) {
    Normalizer n = MakeNormalizer(collapse);
    for (int round = 0; round < 300; ++round) {
      std::string text;
      int parts = static_cast<int>(rng() % 12);
      for (int p = 0; p < parts; ++p) {
        if (rng() % 2 == 0) {
          int words = static_cast<int>(rng() % 12);
          for (int w = 0; w < words; ++w) {
            int len = static_cast<int>(rng() % 41);
            bool any_byte = rng() % 4 == 0;
            for (int k = 0; k < len; ++k) {
              text += any_byte ? static_cast<char>(rng() % 128)
                               : static_cast<char>("aZ9kQ"[rng() % 5] + rng() % 3);
            }
            text += " .-_\n\t@"[rng() % 7];
          }
        } else {
          int chars = static_cast<int>(rng() % 30);
          for (int c = 0; c < chars; ++c) {
            text += rng() % 5 == 0 ? pieces[rng() % std::size(pieces)]
                                   : std::string("赌博网络").substr(3 * (rng() % 4), 3);
          }
        }
      }
      ASSERT_NO_FATAL_FAILURE(CheckViewsAgainstReference(n, text, rng));
    }
  }
}

TEST(NormalizerTest, ReleaseIfAboveFreesOnlyAViewLargerThanTheBound) {
  Normalizer n = MakeNormalizer();
  NormalizedView lex;
  n.Append(std::string(1000, 'a'), 0, true, &lex, nullptr, nullptr);
  const size_t held = lex.MemoryBytes();
  ASSERT_GE(held, 1000u);
  lex.ReleaseIfAbove(held);
  EXPECT_EQ(lex.MemoryBytes(), held);
  EXPECT_EQ(lex.size(), 1000u);
  lex.ReleaseIfAbove(held - 1);
  EXPECT_EQ(lex.MemoryBytes(), 0u);
  EXPECT_EQ(lex.size(), 0u);
  n.Append("赌 博", 0, true, &lex, nullptr, nullptr);  // Usable again.
  EXPECT_EQ(lex.text(), "赌博");
  EXPECT_EQ(lex.SourceSpan(0, 6, "赌 博"), (std::pair<size_t, size_t>{0, 7}));
}

// The AVX-512 block path for ASCII (where the CPU has it) and the portable
// paths give the same views and maps: runs of every ASCII byte value across
// 64-byte blocks, at the end of the input and before non-ASCII characters,
// appended whole and in chunks.
TEST(NormalizerTest, SimdAndPortablePathsGiveTheSameViews) {
  const std::string pieces[] = {"赌", "賭", "，", "é", "\xff", "\xe8\xb5", "１", "\u200b"};
  std::mt19937 rng(17);
  Normalizer n = MakeNormalizer();
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int parts = 1 + static_cast<int>(rng() % 6);
    for (int part = 0; part < parts; ++part) {
      int len = static_cast<int>(rng() % 200);
      bool any_byte = rng() % 3 == 0;
      for (int k = 0; k < len; ++k) {
        text += any_byte ? static_cast<char>(rng() % 128)
                         : static_cast<char>(" aZ9.-"[rng() % 6] + (rng() % 4 == 0 ? 1 : 0));
      }
      text += pieces[rng() % std::size(pieces)];
    }
    NormalizedView views[2][2];  // [simd off, on][lex, pi]
    std::vector<InvalidUtf8> invalid[2];
    for (int simd = 0; simd < 2; ++simd) {
      const bool before = Normalizer::SetSimdEnabled(simd == 1);
      size_t consumed = 0;
      const bool chunked = round % 2 == 1;
      while (consumed < text.size()) {
        size_t end = chunked ? std::min(text.size(), consumed + 1 + rng() % 100) : text.size();
        consumed += n.Append(std::string_view(text).substr(consumed, end - consumed),
                             static_cast<uint32_t>(consumed), end == text.size(), &views[simd][0],
                             &views[simd][1], &invalid[simd]);
      }
      Normalizer::SetSimdEnabled(before);
    }
    for (int v = 0; v < 2; ++v) {
      ASSERT_EQ(views[0][v].text(), views[1][v].text()) << text;
      for (size_t i = 0; i < views[0][v].size(); ++i) {
        ASSERT_EQ(views[0][v].source(i), views[1][v].source(i)) << text;
      }
    }
    ASSERT_EQ(invalid[0].size(), invalid[1].size());
    for (size_t k = 0; k < invalid[0].size(); ++k) {
      EXPECT_EQ(invalid[0][k].offset, invalid[1][k].offset);
      EXPECT_EQ(invalid[0][k].length, invalid[1][k].length);
    }
  }
}

TEST(NormalizerTest, SourceSpanCoversDroppedSeparatorsInside) {
  Normalizer n = MakeNormalizer();
  std::string text = " 赌. 博!";
  NormalizedView lex;
  n.Append(text, 0, true, &lex, nullptr, nullptr);
  ASSERT_EQ(lex.text(), "赌博");
  auto [b, e] = lex.SourceSpan(0, lex.size(), text);
  EXPECT_EQ(text.substr(b, e - b), "赌. 博");
}

}  // namespace
}  // namespace hegui::scan
