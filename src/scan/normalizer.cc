#include "scan/normalizer.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace hegui::scan {
namespace {

// Spare room kept in a view while appending: the longest form (lengths are
// uint8_t) plus slack for the fixed-size copies below.
constexpr size_t kSpare = 256 + 16;
constexpr char kReplacement[] = "\xEF\xBF\xBD";
constexpr uint64_t kOffsetBias = uint64_t{1} << 32;
// Words loaded with memcpy are read little-endian (byte k in bits 8k..8k+7).
static_assert(std::endian::native == std::endian::little);
// ASCII runs at least this long are folded 16 bytes at a time.
constexpr size_t kAsciiBlockMin = 8;

std::atomic<bool> simd_enabled{true};

#if defined(__x86_64__)
bool CpuHasBlockPath() {
  __builtin_cpu_init();  // Static initialisers may run before libgcc's.
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi2") &&
         __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
         __builtin_cpu_supports("popcnt");
}
// False (the other paths) until initialised, should a scan run during static
// initialisation.
const bool kHaveBlockPath = CpuHasBlockPath();

bool BlockPathEnabled() { return kHaveBlockPath && simd_enabled.load(std::memory_order_relaxed); }
#endif

}  // namespace

bool Normalizer::SetSimdEnabled(bool on) {
  return simd_enabled.exchange(on, std::memory_order_relaxed);
}

void NormalizedView::Grow(size_t extra) {
  size_t cap = std::max(capacity_ * 2, size_ + extra);
  auto data = std::make_unique_for_overwrite<char[]>(cap);
  if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
  data_ = std::move(data);
  capacity_ = cap;
}

void NormalizedView::GrowSegments(size_t extra) {
  size_t cap = std::max(segs_capacity_ * 2, nsegs_ + extra);
  auto segs = std::make_unique_for_overwrite<Segment[]>(cap);
  if (nsegs_ > 0) std::memcpy(segs.get(), segs_.get(), nsegs_ * sizeof(Segment));
  segs_ = std::move(segs);
  segs_capacity_ = cap;
}

const NormalizedView::Segment& NormalizedView::SegmentAt(size_t i) const {
  const Segment* segs = segs_.get();
  const size_t n = nsegs_;
  const size_t f = finger_ < n ? finger_ : 0;
  // The answer lies in [lo, hi): segs[lo].view <= i and (hi == n or
  // i < segs[hi].view). Lookups mostly move forward by a little, so search
  // forward from the finger in doubling steps (cost: log of the distance).
  size_t lo = 0;
  size_t hi = f;
  if (segs[f].view <= i) {
    lo = f;
    hi = f + 1;
    for (size_t step = 1; hi < n && segs[hi].view <= i; step *= 2) {
      lo = hi;
      hi = lo + step;
    }
    hi = std::min(hi, n);
  }
  const Segment* it = std::upper_bound(segs + lo + 1, segs + hi, i,
                                       [](size_t v, const Segment& s) { return v < s.view; }) -
                      1;
  finger_ = static_cast<size_t>(it - segs);
  return *it;
}

uint32_t NormalizedView::source(size_t i) const {
  const Segment& seg = SegmentAt(i);
  if (seg.pinned) return seg.orig;
  // In step: the view character containing byte i starts where the original
  // one does, relative to the segment.
  size_t start = i;
  while (start > seg.view && (static_cast<unsigned char>(data_[start]) & 0xC0) == 0x80) --start;
  return seg.orig + static_cast<uint32_t>(start - seg.view);
}

size_t NormalizedView::IndexAtOrAfter(size_t original) const {
  if (size_ == 0) return 0;
  const Segment* segs = segs_.get();
  // The last segment whose first character starts before `original`
  // (sources are non-decreasing along the view).
  const Segment* it = std::partition_point(segs, segs + nsegs_,
                                           [&](const Segment& s) { return s.orig < original; });
  if (it == segs) return 0;
  const Segment& seg = *(it - 1);
  const size_t seg_end = it == segs + nsegs_ ? size_ : it->view;
  if (seg.pinned) return seg_end;  // All its bytes map to seg.orig < original.
  // In step: the view character at seg.view + d starts at seg.orig + d.
  size_t pos = seg.view + (original - seg.orig);
  if (pos >= seg_end) return seg_end;
  while (pos < seg_end && (static_cast<unsigned char>(data_[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

void NormalizedView::DropFront(size_t n, uint32_t shift) {
  if (n == 0 && shift == 0) return;
  size_t rest = size_ - n;
  std::memmove(data_.get(), data_.get() + n, rest);
  finger_ = 0;
  if (rest == 0) {
    nsegs_ = 0;
    run_delta_ = kNoRun;
  } else {
    size_t k = static_cast<size_t>(&SegmentAt(n) - segs_.get());
    Segment first = segs_[k];
    if (!first.pinned) first.orig += static_cast<uint32_t>(n - first.view);
    first.view = static_cast<uint32_t>(n);
    segs_[k] = first;
    nsegs_ -= k;
    std::memmove(segs_.get(), segs_.get() + k, nsegs_ * sizeof(Segment));
    for (size_t j = 0; j < nsegs_; ++j) {
      segs_[j].view -= static_cast<uint32_t>(n);
      segs_[j].orig -= shift;
    }
    const Segment& last = segs_[nsegs_ - 1];
    run_delta_ = last.pinned ? kNoRun : kOffsetBias + last.orig - last.view;
  }
  size_ = rest;
  last_char_ = last_char_ >= n ? last_char_ - n : 0;
}

std::pair<size_t, size_t> NormalizedView::SourceSpan(size_t b, size_t e,
                                                     std::string_view original) const {
  assert(b < e && e <= size_);
  assert((static_cast<unsigned char>(data_[b]) & 0xC0) != 0x80);
  assert(e == size_ || (static_cast<unsigned char>(data_[e]) & 0xC0) != 0x80);
  // On character boundaries no view byte needs to be read (they are often
  // out of the cache by the time findings are made): in a linear segment the
  // character at b starts at the same distance from the segment start in
  // both texts, and the one ending at e ends there.
  const Segment& first = SegmentAt(b);
  const size_t begin = first.pinned ? first.orig : first.orig + (b - first.view);
  const Segment& last = SegmentAt(e - 1);
  const size_t end = last.pinned ? last.orig + OriginalCharLength(original, last.orig)
                                 : last.orig + (e - last.view);
  return {begin, end};
}

size_t OriginalCharLength(std::string_view original, size_t offset) {
  uint32_t cp;
  int len = DecodeUtf8(reinterpret_cast<const unsigned char*>(original.data()) + offset,
                       original.size() - offset, &cp);
  return len > 0 ? static_cast<size_t>(len) : 1;
}

StatusOr<Normalizer> Normalizer::Create(const NormalizerOptions& options) {
  HEGUI_ASSIGN_OR_RETURN(const CharFold* fold, CharFold::Shared());
  return Normalizer(fold, options);
}

namespace {

// A view's state held in locals while a chunk is appended; Store() writes it
// back, Load() reloads it (after a reallocation).
struct Sink {
  NormalizedView* view = nullptr;
  char* data = nullptr;
  size_t size = 0;
  size_t capacity = 0;
  uint64_t delta = 0;
};

}  // namespace

// The implementation, a friend through Normalizer; Collapse is
// options_.collapse_repeats (a template parameter so that the common case
// carries no repeat checks).
class NormalizerAppend {
 public:
  template <bool Collapse>
  static size_t Run(const Normalizer& norm, std::string_view input, uint32_t base, bool final,
                    NormalizedView* lex, NormalizedView* pi, std::vector<InvalidUtf8>* invalid);

 private:
  static void Load(Sink& s) {
    s.data = s.view->data_.get();
    s.size = s.view->size_;
    s.capacity = s.view->capacity_;
    s.delta = s.view->run_delta_;
  }
  static void Store(Sink& s) {
    s.view->size_ = s.size;
    s.view->run_delta_ = s.delta;
  }
  [[gnu::noinline]] static void FlushInvalid(std::vector<InvalidUtf8>* invalid, size_t offset,
                                             size_t length) {
    if (invalid != nullptr) invalid->push_back({offset, length});
  }
  // Copies the `len` bytes at src to dst, which has room for len + 15 bytes;
  // `readable` bytes may be read from src. Short runs (most of them) are
  // copied 16 bytes at a time without a call.
  [[gnu::always_inline]] static void CopyRun(char* dst, const unsigned char* src, size_t len,
                                             size_t readable) {
#if defined(__SSE2__)
    if (len <= 256 && readable >= ((len + 15) & ~size_t{15})) {
      for (size_t k = 0; k < len; k += 16) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k),
                         _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + k)));
      }
      return;
    }
#endif
    std::memcpy(dst, src, len);
  }
  // Makes room for `need` more bytes plus kSpare.
  [[gnu::always_inline]] static void Ensure(Sink& s, size_t need) {
    if (s.capacity - s.size < need + kSpare) [[unlikely]]
      Grow(s, need);
  }
  [[gnu::noinline]] static void Grow(Sink& s, size_t need) {
    Store(s);
    s.view->Reserve(need + kSpare);
    Load(s);
  }
  // The next character (original offset `orig`) is appended in step.
  [[gnu::always_inline]] static void InStep(Sink& s, uint32_t orig) {
    uint64_t d = kOffsetBias + orig - s.size;
    if (d != s.delta) [[unlikely]]
      NewRun(s, orig, d);
  }
  [[gnu::noinline]] static void NewRun(Sink& s, uint32_t orig, uint64_t d) {
    NormalizedView& v = *s.view;
    v.ReserveSegments(1);
    v.segs_[v.nsegs_++] = {static_cast<uint32_t>(s.size), orig, false};
    s.delta = d;
  }
  // The next form (all of whose bytes map to `orig`) has another length.
  static void Pinned(Sink& s, uint32_t orig) {
    NormalizedView& v = *s.view;
    v.ReserveSegments(1);
    v.segs_[v.nsegs_++] = {static_cast<uint32_t>(s.size), orig, true};
    s.delta = NormalizedView::kNoRun;
  }
  // Appends the lexicon forms of the ASCII bytes [i, e) of p (offsets from
  // `base`): lower-cased letters and digits, in step, separators dropped.
  // Branch-free per byte: the segment a kept byte after a dropped one starts
  // is written unconditionally and counted only when needed.
  static void AsciiLex(Sink& s, const unsigned char* p, size_t i, size_t e, uint32_t base,
                       const char* ascii_lex) {
    NormalizedView& v = *s.view;
    v.ReserveSegments(e - i);
    NormalizedView::Segment* segs = v.segs_.get();
    size_t nsegs = v.nsegs_;
    char* data = s.data;
    size_t size = s.size;
    uint64_t delta = s.delta;
    for (size_t k = i; k < e; ++k) {
      const char f = ascii_lex[p[k]];
      const uint32_t orig = base + static_cast<uint32_t>(k);
      const uint64_t d = kOffsetBias + orig - size;
      const bool keep = f != 0;
      const bool fresh = keep & (d != delta);
      segs[nsegs] = {static_cast<uint32_t>(size), orig, false};
      nsegs += fresh;
      delta = fresh ? d : delta;
      data[size] = f;
      size += keep;
    }
    v.nsegs_ = nsegs;
    s.size = size;
    s.delta = delta;
  }
#if defined(__SSE2__)
  // The ASCII bytes at p folded: letters lower-cased (16 bytes, SSE2; every
  // byte < 0x80, so signed comparisons order them as bytes). `upper` gets the
  // mask of the upper-case letters.
  static __m128i FoldAscii16(const unsigned char* p, __m128i* upper) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    *upper = _mm_and_si128(_mm_cmpgt_epi8(w, _mm_set1_epi8('A' - 1)),
                           _mm_cmplt_epi8(w, _mm_set1_epi8('Z' + 1)));
    return _mm_add_epi8(w, _mm_and_si128(*upper, _mm_set1_epi8(0x20)));
  }
  // AsciiLex for a fold table that keeps exactly the letters and digits,
  // letters lower-cased: 16 bytes at a time (the last block of the run
  // masked to its end), one step per run of kept bytes (a word) instead of
  // one per byte, without branches for the first three runs of each 16
  // bytes. A run continues the segment or starts one (as in InStep) and is
  // stored as 16 bytes folded from the input again (reading up to 31 bytes
  // past the block start, hence the input's last 32 bytes go byte by byte),
  // of which those past the run are overwritten later (kSpare leaves room).
  // `n`: the input's length.
  [[gnu::noinline]] static void AsciiLexAlnum(Sink& s, const unsigned char* p, size_t i, size_t e,
                                              size_t n, uint32_t base, const char* ascii_lex) {
    NormalizedView& v = *s.view;
    // At most one segment per two bytes, plus the one written past the end.
    v.ReserveSegments((e - i) / 2 + 2);
    NormalizedView::Segment* segs = v.segs_.get();
    size_t nsegs = v.nsegs_;
    char* data = s.data;
    size_t size = s.size;
    uint64_t delta = s.delta;
    size_t k = i;
    for (; k < e && k + 32 <= n; k += 16) {
      __m128i upper;
      const __m128i folded = FoldAscii16(p + k, &upper);
      const __m128i keep_v =
          _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                     _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1))),
                       _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('0' - 1)),
                                     _mm_cmplt_epi8(folded, _mm_set1_epi8('9' + 1))));
      const unsigned in_run = e - k >= 16 ? 0xFFFFu : (1u << (e - k)) - 1;
      const unsigned keep = static_cast<unsigned>(_mm_movemask_epi8(keep_v)) & in_run;
      const unsigned dropped = ~keep | 0x10000u;  // Bit 16: past the end.
      unsigned starts = keep & ~(keep << 1);      // First byte of each run of kept bytes.
      auto run = [&] {
        const bool valid = starts != 0;
        const unsigned start = std::min(static_cast<unsigned>(std::countr_zero(starts)), 15u);
        const unsigned length = static_cast<unsigned>(std::countr_zero(dropped >> start));
        const uint32_t orig = base + static_cast<uint32_t>(k + start);
        const uint64_t d = kOffsetBias + orig - size;
        const bool fresh = valid & (d != delta);
        segs[nsegs] = {static_cast<uint32_t>(size), orig, false};
        nsegs += fresh;
        delta = fresh ? d : delta;
        __m128i unused;
        _mm_storeu_si128(reinterpret_cast<__m128i*>(data + size),
                         FoldAscii16(p + k + start, &unused));
        size += valid ? length : 0;
        starts &= starts - 1;
      };
      run();
      run();
      run();
      while (starts != 0) run();
    }
    v.nsegs_ = nsegs;
    s.size = size;
    s.delta = delta;
    if (k < e) AsciiLex(s, p, k, e, base, ascii_lex);
  }
#endif
#if defined(__x86_64__)
#if defined(__GNUC__) && !defined(__clang__)
// GCC 12 warns about the undefined upper parts inside its AVX-512 intrinsics
// (GCC bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
  // The ASCII block path (AVX-512 with VBMI2, where the CPU has it; not with
  // repeat collapsing): a run of ASCII from p + i (p[i] < 0x80), 64 bytes at
  // a time. The PI view copies it, in step with the original; the lexicon
  // view keeps its letters (lower-cased) and digits, compressed in one step,
  // with a segment per run of kept bytes that does not continue the
  // previous one (as AsciiLexAlnum). Returns the end of the run.
  [[gnu::target("avx512f,avx512bw,avx512vl,avx512vbmi2,bmi,bmi2,popcnt")]] static size_t
  AsciiBlockRun(Sink& L, Sink& P, const unsigned char* p, size_t i, size_t n, uint32_t base) {
    while (i < n) {
      const size_t avail = n - i;
      const __mmask64 in_input = avail >= 64 ? ~__mmask64{0} : (__mmask64{1} << avail) - 1;
      const __m512i v = _mm512_maskz_loadu_epi8(in_input, p + i);  // Masked: never faults.
      // The run ends at the first byte that is not ASCII (every byte past
      // the input counts as such).
      const __mmask64 not_ascii = _mm512_movepi8_mask(v) | ~in_input;
      const size_t len = not_ascii == 0 ? 64 : static_cast<size_t>(_tzcnt_u64(not_ascii));
      const __mmask64 prefix = len == 64 ? ~__mmask64{0} : (__mmask64{1} << len) - 1;
      if (len == 0) return i;
      const uint32_t orig = base + static_cast<uint32_t>(i);
      if (P.view != nullptr) {
        Ensure(P, 64);
        InStep(P, orig);
        _mm512_storeu_si512(P.data + P.size, v);
        P.size += len;
      }
      if (L.view != nullptr) {
        Ensure(L, 64);
        const __mmask64 upper = _mm512_cmpge_epu8_mask(v, _mm512_set1_epi8('A')) &
                                _mm512_cmple_epu8_mask(v, _mm512_set1_epi8('Z'));
        const __m512i folded = _mm512_mask_add_epi8(v, upper, v, _mm512_set1_epi8(0x20));
        const __mmask64 alnum = (_mm512_cmpge_epu8_mask(folded, _mm512_set1_epi8('a')) &
                                 _mm512_cmple_epu8_mask(folded, _mm512_set1_epi8('z'))) |
                                (_mm512_cmpge_epu8_mask(v, _mm512_set1_epi8('0')) &
                                 _mm512_cmple_epu8_mask(v, _mm512_set1_epi8('9')));
        const __mmask64 keep = alnum & prefix;
        _mm512_storeu_si512(L.data + L.size, _mm512_maskz_compress_epi8(keep, folded));
        // A run of kept bytes continues the segment or starts one (InStep).
        NormalizedView& view = *L.view;
        view.ReserveSegments(33);  // At most 32 runs in 64 bytes.
        NormalizedView::Segment* segs = view.segs_.get();
        size_t nsegs = view.nsegs_;
        uint64_t delta = L.delta;
        for (__mmask64 starts = keep & ~(keep << 1); starts != 0; starts &= starts - 1) {
          const unsigned at = static_cast<unsigned>(_tzcnt_u64(starts));
          const uint32_t seg_view =
              static_cast<uint32_t>(L.size + _mm_popcnt_u64(keep & ((uint64_t{1} << at) - 1)));
          const uint32_t seg_orig = orig + at;
          const uint64_t d = kOffsetBias + seg_orig - seg_view;
          const bool fresh = d != delta;
          segs[nsegs] = {seg_view, seg_orig, false};
          nsegs += fresh;
          delta = fresh ? d : delta;
        }
        view.nsegs_ = nsegs;
        L.delta = delta;
        L.size += static_cast<size_t>(_mm_popcnt_u64(keep));
      }
      i += len;
      if (len < 64) return i;
    }
    return i;
  }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif
};

template <bool Collapse>
size_t NormalizerAppend::Run(const Normalizer& norm, std::string_view input, uint32_t base,
                             bool final, NormalizedView* lex, NormalizedView* pi,
                             std::vector<InvalidUtf8>* invalid) {
  const auto* p = reinterpret_cast<const unsigned char*>(input.data());
  const size_t n = input.size();
  const CharFold& fold = *norm.fold_;
  const char* pool = fold.pool();
  const char* ascii_lex = fold.ascii_lex();
  const bool alnum_lower = fold.ascii_lex_is_alnum_lower();
  Sink L, P;
  L.view = lex;
  P.view = pi;
  if (lex != nullptr) {
    lex->Reserve(n + kSpare);
    Load(L);
  }
  if (pi != nullptr) {
    pi->Reserve(n + kSpare);
    Load(P);
  }
  size_t last_char = lex != nullptr ? lex->last_char_ : 0;
  size_t bad_start = SIZE_MAX;
  auto end_bad_run = [&](size_t i) {
    if (bad_start == SIZE_MAX) [[likely]]
      return;
    FlushInvalid(invalid, base + bad_start, i - bad_start);
    bad_start = SIZE_MAX;
  };
#if defined(__x86_64__)
  const bool blocks = !Collapse && alnum_lower && BlockPathEnabled();
#endif
  size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
#if defined(__x86_64__)
    if (blocks && b < 0x80) {
      end_bad_run(i);
      i = AsciiBlockRun(L, P, p, i, n, base);
      continue;
    }
#endif
    if (b < 0x80) {
      // A run of ASCII: the PI view copies it, the lexicon view keeps
      // lower-cased letters and digits (each in step with the original).
      end_bad_run(i);
      size_t e = i + 1;
      while (true) {
        if (e + 8 > n) {
          while (e < n && p[e] < 0x80) ++e;
          break;
        }
        uint64_t w;
        std::memcpy(&w, p + e, 8);
        if (const uint64_t high = w & 0x8080808080808080ull; high != 0) {
          e += static_cast<size_t>(std::countr_zero(high)) / 8;
          break;
        }
        e += 8;
      }
      if (P.view != nullptr) {
        Ensure(P, e - i);
        InStep(P, base + static_cast<uint32_t>(i));
        CopyRun(P.data + P.size, p + i, e - i, n - i);
        P.size += e - i;
      }
      if (L.view != nullptr) {
        Ensure(L, e - i);
        if constexpr (Collapse) {
          for (size_t k = i; k < e; ++k) {
            const char f = ascii_lex[p[k]];
            if (f == 0) continue;
            if (L.size - last_char == 1 && L.size > 0 && L.data[last_char] == f) continue;
            last_char = L.size;
            InStep(L, base + static_cast<uint32_t>(k));
            L.data[L.size++] = f;
          }
#if defined(__SSE2__)
        } else if (alnum_lower && e - i >= kAsciiBlockMin) {
          AsciiLexAlnum(L, p, i, e, n, base, ascii_lex);
#endif
        } else {
          AsciiLex(L, p, i, e, base, ascii_lex);
        }
      }
      i = e;
      continue;
    }
    const uint32_t src = base + static_cast<uint32_t>(i);
    if (!Collapse) {
      // Fast path: a run of well-formed 3-byte characters that fold to
      // themselves in both views — most CJK text — is copied as it is
      // (4-byte loads: the last character of the input takes the slow path).
      const size_t e = fold.Plain3Run(p, i, n);
      if (e > i) {
        end_bad_run(i);
        if (L.view != nullptr) {
          Ensure(L, e - i);
          InStep(L, src);
          CopyRun(L.data + L.size, p + i, e - i, n - i);
          L.size += e - i;
        }
        if (P.view != nullptr) {
          Ensure(P, e - i);
          InStep(P, src);
          CopyRun(P.data + P.size, p + i, e - i, n - i);
          P.size += e - i;
        }
        i = e;
        continue;
      }
    }
    uint32_t cp;
    int len = DecodeUtf8(p + i, n - i, &cp);
    if (len < 0) {
      if (!final) break;  // A truncated character that the next chunk may complete.
      len = 0;
    }
    if (len == 0) {
      if (bad_start == SIZE_MAX) bad_start = i;
      if (P.view != nullptr) {
        Ensure(P, 3);
        Pinned(P, src);
        std::memcpy(P.data + P.size, kReplacement, 3);
        P.size += 3;
      }
      ++i;
      continue;
    }
    end_bad_run(i);
    const CharFold::Entry& e = fold.Lookup(cp);
    const char* self = reinterpret_cast<const char*>(p + i);
    if (L.view != nullptr && e.lex_length != 0) {
      const bool identity = e.flags & CharFold::kLexIdentity;
      const char* form = identity ? self : pool + e.lex_offset;
      const size_t fl = e.lex_length;
      bool repeat = false;
      if constexpr (Collapse) {
        repeat = L.size - last_char == fl && L.size >= fl &&
                 std::memcmp(L.data + last_char, form, fl) == 0;
      }
      if (!repeat) {
        Ensure(L, fl);
        last_char = L.size;
        if (identity || ((e.flags & CharFold::kLexOneChar) && fl == static_cast<size_t>(len))) {
          InStep(L, src);
        } else {
          Pinned(L, src);
        }
        std::memcpy(L.data + L.size, form, fl);
        L.size += fl;
      }
    }
    if (P.view != nullptr && e.pi_length != 0) {
      const bool identity = e.flags & CharFold::kPiIdentity;
      const char* form = identity ? self : pool + e.pi_offset;
      const size_t fl = e.pi_length;
      Ensure(P, fl);
      if (identity || ((e.flags & CharFold::kPiOneChar) && fl == static_cast<size_t>(len))) {
        InStep(P, src);
      } else {
        Pinned(P, src);
      }
      std::memcpy(P.data + P.size, form, fl);
      P.size += fl;
    }
    i += static_cast<size_t>(len);
  }
  end_bad_run(i);
  // The padding promised by NormalizedView::text() (kSpare leaves room).
  if (lex != nullptr) std::memset(L.data + L.size, 0, NormalizedView::kPadding);
  if (pi != nullptr) std::memset(P.data + P.size, 0, NormalizedView::kPadding);
  if (lex != nullptr) {
    Store(L);
    lex->last_char_ = last_char;
  }
  if (pi != nullptr) Store(P);
  return i;
}

size_t Normalizer::Append(std::string_view input, uint32_t base, bool final, NormalizedView* lex,
                          NormalizedView* pi, std::vector<InvalidUtf8>* invalid) const {
  if (options_.collapse_repeats) {
    return NormalizerAppend::Run<true>(*this, input, base, final, lex, pi, invalid);
  }
  return NormalizerAppend::Run<false>(*this, input, base, final, lex, pi, invalid);
}

std::string Normalizer::LexiconForm(std::string_view input) const {
  NormalizedView view;
  Append(input, 0, true, &view, nullptr, nullptr);
  return std::string(view.text());
}

}  // namespace hegui::scan
